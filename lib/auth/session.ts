/** A session ends when its user is disabled or its token version moved on (password changed, signed out everywhere). */
export function sessionStillValid<T extends { disabled: boolean; tokenVersion: number }>(row: T | undefined, tokenVersion: number | undefined): row is T {
  return !!row && !row.disabled && row.tokenVersion === tokenVersion;
}

export type SessionTimes = { signedInAt: Date; lastSeenAt: Date; endedAt: Date | null };
export type SessionLimits = { sessionIdleHours: number; sessionAbsoluteDays: number };

/**
 * Why a session has run out, or null while it still holds: signed out, no request for
 * `sessionIdleHours`, or older than `sessionAbsoluteDays` however busy (settings).
 */
export function sessionExpiry(s: SessionTimes, now: Date, limits: SessionLimits): 'ended' | 'idle' | 'absolute' | null {
  if (s.endedAt) return 'ended';
  const t = now.getTime();
  if (t - s.signedInAt.getTime() >= limits.sessionAbsoluteDays * 86_400_000) return 'absolute';
  if (t - s.lastSeenAt.getTime() >= limits.sessionIdleHours * 3_600_000) return 'idle';
  return null;
}

// Recording every request would write on every page view; a minute is far below any idle limit.
export const TOUCH_EVERY_MS = 60_000;

/** The ceiling on the JWT cookie; the settings above end sessions sooner on the server. */
export const SESSION_COOKIE_MAX_DAYS = 30;

/** next-auth's session cookie: the __Secure- name when NEXTAUTH_URL is https. */
export const SESSION_COOKIES = ['__Secure-next-auth.session-token', 'next-auth.session-token'] as const;
