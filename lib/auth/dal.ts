import 'server-only';
import { cache } from 'react';
import { eq } from 'drizzle-orm';
import { getServerSession } from 'next-auth';
import { notFound, redirect } from 'next/navigation';
import { getDb } from '@/db/index';
import { users, userSessions, type Role } from '@/db/schema';
import { now } from '@/lib/clock';
import { getSettings } from '@/lib/settings';
import { authOptions } from './options';
import type { Scope } from './scope';
import { sessionExpiry, sessionStillValid, TOUCH_EVERY_MS } from './session';
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
  const session = await getServerSession(authOptions);
  const uid = session?.user?.id;
  const sid = session?.user?.sid;
  if (!uid || typeof sid !== 'string' || !SESSION_ID.test(sid)) return null;
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
  if (!sessionStillValid(row, session.user.tv)) return null;
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
