import 'server-only';
import { cache } from 'react';
import { eq } from 'drizzle-orm';
import { decode, type JWT } from 'next-auth/jwt';
import { cookies } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { getDb } from '@/db/index';
import { users, userSessions, type Role } from '@/db/schema';
import { now } from '@/lib/clock';
import { getSettings } from '@/lib/settings';
import { authOptions } from './options';
import type { Scope } from './scope';
import { SESSION_COOKIES, sessionExpiry, sessionStillValid, TOUCH_EVERY_MS } from './session';
import { SESSION_ID, touchSession } from './session-store';

export type CurrentUser = Scope & { name: string; username: string };

/** The settings, read once per render (the session limits here, the dashboards' thresholds there). */
export const getRenderSettings = cache((db: Awaited<ReturnType<typeof getDb>>) => getSettings(db));

/**
 * The signed-in user, re-read from the database on every request: a disabled user or a changed
 * token version (password change, forced sign-out) ends the session at once, and so do the idle
 * and absolute limits in settings, kept against the session's own row.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const token = await sessionToken();
  const uid = token?.uid;
  const sid = token?.sid;
  if (!token || typeof uid !== 'number' || typeof sid !== 'string' || !SESSION_ID.test(sid)) return null;
  const db = await getDb();
  const [[row], [times], limits] = await Promise.all([
    db
      .select({
        id: users.id,
        username: users.username,
        name: users.name,
        role: users.role,
        teamId: users.teamId,
        branchId: users.branchId,
        tokenVersion: users.tokenVersion,
        disabled: users.disabled,
      })
      .from(users)
      .where(eq(users.id, uid))
      .limit(1),
    db
      .select({ userId: userSessions.userId, signedInAt: userSessions.signedInAt, lastSeenAt: userSessions.lastSeenAt, endedAt: userSessions.endedAt })
      .from(userSessions)
      .where(eq(userSessions.id, sid))
      .limit(1),
    getRenderSettings(db),
  ]);
  if (!sessionStillValid(row, token.tv)) return null;
  const at = now();
  if (!times || times.userId !== row.id || sessionExpiry(times, at, limits)) return null;
  if (at.getTime() - times.lastSeenAt.getTime() >= TOUCH_EVERY_MS) await touchSession(db, sid, at);
  return {
    userId: row.id,
    username: row.username,
    name: row.name,
    role: row.role,
    teamId: row.teamId,
    branchId: row.branchId,
  };
});

/**
 * The session token's claims, decrypted and checked for expiry by next-auth's own `decode`: what
 * getServerSession reads, without building a whole auth response on every page (which cost about
 * 2 ms of server CPU a request, a twentieth of a dashboard's render).
 */
async function sessionToken(): Promise<JWT | null> {
  const jar = await cookies();
  for (const name of SESSION_COOKIES) {
    // a few claims: far under the 4 kB past which next-auth would split the cookie (and proxy.ts
    // would send such a request to sign-in anyway)
    const value = jar.get(name)?.value;
    if (!value) continue;
    try {
      return await decode({ token: value, secret: authOptions.secret as string });
    } catch {
      return null; // tampered, expired or from another secret: signed out
    }
  }
  return null;
}

export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect('/login');
  return user;
}

/** A page for other roles does not exist for this caller: 404, not a hint that it exists. */
export async function requireRole(...roles: Role[]): Promise<CurrentUser> {
  const user = await requireUser();
  if (!roles.includes(user.role)) notFound();
  return user;
}
