import { and, count, eq, gte, ne } from 'drizzle-orm';
import { auditLog, users, type Role } from '@/db/schema';
import type { Db } from '@/db/index';
import { getSettings } from '@/lib/settings';
import { dummyPasswordHash, verifyPassword } from './password';

export type SignedInUser = {
  id: number;
  name: string;
  role: Role;
  branchId: number | null;
  teamId: number | null;
  tokenVersion: number;
};

export type SignInResult = { ok: true; user: SignedInUser } | { ok: false; error: 'invalid' | 'rate_limited' };

/**
 * Checks a username and password, limiting failed attempts per username and per address, and
 * writes an audit row for every attempt, whatever its outcome.
 */
export async function authenticate(
  db: Db,
  input: { username: string; password: string; ip: string; now?: Date },
): Promise<SignInResult> {
  const now = input.now ?? new Date();
  const username = input.username.trim().slice(0, 64);
  const s = await getSettings(db);
  const since = new Date(now.getTime() - s.signInWindowMinutes * 60_000);
  // The attempt is written first, as a failure, and the limits count the other attempts in the
  // window: guesses sent in parallel see each other, so no more than the limit reach the password
  // check (counted after the check, 30 parallel guesses all got one). The row then gets its outcome.
  const [attempt] = await db
    .insert(auditLog)
    .values({ action: 'sign_in', username, ip: input.ip, success: false, at: now, detail: { reason: 'pending' } })
    .returning({ id: auditLog.id });
  const failures = (where: ReturnType<typeof and>) =>
    db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'sign_in'), eq(auditLog.success, false), gte(auditLog.at, since), ne(auditLog.id, attempt.id), where))
      .then((r) => r[0]?.n ?? 0);
  const [byUser, byAddress] = await Promise.all([failures(eq(auditLog.username, username)), failures(eq(auditLog.ip, input.ip))]);
  const audit = (success: boolean, reason: string, userId?: number) =>
    db.update(auditLog).set({ success, userId, detail: { reason } }).where(eq(auditLog.id, attempt.id));

  if (byUser >= s.signInMaxPerUser || byAddress >= s.signInMaxPerAddress) {
    await audit(false, 'rate_limited');
    return { ok: false, error: 'rate_limited' };
  }

  const [user] = await db
    .select({
      id: users.id,
      name: users.name,
      role: users.role,
      branchId: users.branchId,
      teamId: users.teamId,
      tokenVersion: users.tokenVersion,
      disabled: users.disabled,
      passwordHash: users.passwordHash,
    })
    .from(users)
    .where(eq(users.username, username))
    .limit(1);

  const valid = user
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyPassword(await dummyPasswordHash(), input.password).then(() => false);
  if (!user || !valid || user.disabled) {
    await audit(false, !user ? 'unknown_user' : user.disabled && valid ? 'disabled' : 'wrong_password', user?.id);
    return { ok: false, error: 'invalid' };
  }
  await audit(true, 'ok', user.id);
  const { passwordHash: _omit, disabled: _d, ...safe } = user;
  return { ok: true, user: safe };
}
