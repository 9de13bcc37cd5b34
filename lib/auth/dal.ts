import 'server-only';
import { cache } from 'react';
import { eq } from 'drizzle-orm';
import { getServerSession } from 'next-auth';
import { notFound, redirect } from 'next/navigation';
import { getDb } from '@/db/index';
import { users, type Role } from '@/db/schema';
import { authOptions } from './options';
import type { Scope } from './scope';
import { sessionStillValid } from './session';

export type CurrentUser = Scope & { name: string; username: string };

/**
 * The signed-in user, re-read from the database on every request: a disabled user or a changed
 * token version (password change, forced sign-out) ends the session at once.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions);
  const uid = session?.user?.id;
  if (!uid) return null;
  const db = await getDb();
  const [row] = await db
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
    .limit(1);
  if (!sessionStillValid(row, session.user.tv)) return null;
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
