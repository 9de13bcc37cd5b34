import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { DbOrTx } from '@/db/index';
import { userSessions } from '@/db/schema';
import { SESSION_COOKIE_MAX_DAYS } from './session';

/** Records a sign-in; the id travels in the JWT as `sid`. */
export async function startSession(db: DbOrTx, userId: number, at: Date): Promise<string> {
  // a user's rows that can no longer be used are dropped here, so the table stays small
  const stale = new Date(at.getTime() - SESSION_COOKIE_MAX_DAYS * 86_400_000);
  await db.delete(userSessions).where(and(eq(userSessions.userId, userId), or(lt(userSessions.signedInAt, stale), lt(userSessions.endedAt, stale))));
  const [row] = await db.insert(userSessions).values({ userId, signedInAt: at, lastSeenAt: at }).returning({ id: userSessions.id });
  return row.id;
}

export async function touchSession(db: DbOrTx, id: string, at: Date) {
  await db.update(userSessions).set({ lastSeenAt: at }).where(and(eq(userSessions.id, id), isNull(userSessions.endedAt)));
}

export async function endSession(db: DbOrTx, id: string, at: Date) {
  await db.update(userSessions).set({ endedAt: at }).where(and(eq(userSessions.id, id), isNull(userSessions.endedAt)));
}

export const SESSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
