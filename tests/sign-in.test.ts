import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, users } from '@/db/schema';
import { authenticate } from '@/lib/auth/sign-in';
import { createTestDb } from './helpers/db';
import { makeOrg } from './helpers/org';

let t: Awaited<ReturnType<typeof createTestDb>>;
let org: Awaited<ReturnType<typeof makeOrg>>;

beforeAll(async () => {
  t = await createTestDb();
  org = await makeOrg(t.db);
});
afterAll(() => t.cleanup());

describe('sign-in', () => {
  it('accepts the right password and returns no password hash', async () => {
    const r = await authenticate(t.db, { username: 'mgr1', password: org.password, ip: '10.0.0.1' });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.user).toMatchObject({ role: 'manager', teamId: org.t1.id, branchId: org.b1.id, tokenVersion: 1 });
      expect(Object.keys(r.user)).not.toContain('passwordHash');
    }
  });

  it('refuses a wrong password and an unknown user alike, auditing both', async () => {
    expect(await authenticate(t.db, { username: 'sup1', password: 'nope', ip: '10.0.0.2' })).toEqual({ ok: false, error: 'invalid' });
    expect(await authenticate(t.db, { username: 'ghost', password: 'nope', ip: '10.0.0.2' })).toEqual({ ok: false, error: 'invalid' });
    const rows = await t.db
      .select({ username: auditLog.username, success: auditLog.success, detail: auditLog.detail })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'sign_in'), eq(auditLog.ip, '10.0.0.2')));
    expect(rows).toEqual([
      { username: 'sup1', success: false, detail: { reason: 'wrong_password' } },
      { username: 'ghost', success: false, detail: { reason: 'unknown_user' } },
    ]);
  });

  it('refuses a disabled user even with the right password', async () => {
    await t.db.update(users).set({ disabled: true }).where(eq(users.username, 'mgr2'));
    expect(await authenticate(t.db, { username: 'mgr2', password: org.password, ip: '10.0.0.3' })).toEqual({ ok: false, error: 'invalid' });
    await t.db.update(users).set({ disabled: false }).where(eq(users.username, 'mgr2'));
  });

  it('limits failed attempts per username: the 6th try is refused even with the right password', async () => {
    for (let i = 0; i < 5; i++) {
      // different addresses, so only the per-username limit applies
      const r = await authenticate(t.db, { username: 'bh1', password: 'wrong', ip: `10.1.0.${i}` });
      expect(r).toEqual({ ok: false, error: 'invalid' });
    }
    expect(await authenticate(t.db, { username: 'bh1', password: org.password, ip: '10.1.0.99' })).toEqual({ ok: false, error: 'rate_limited' });
    // the window passes
    const later = new Date(Date.now() + 16 * 60_000);
    expect((await authenticate(t.db, { username: 'bh1', password: org.password, ip: '10.1.0.99', now: later })).ok).toBe(true);
  });

  it('limits failed attempts per address across usernames', async () => {
    for (let i = 0; i < 20; i++) {
      await authenticate(t.db, { username: `nobody${i}`, password: 'x', ip: '10.9.9.9' });
    }
    expect(await authenticate(t.db, { username: 'admin', password: org.password, ip: '10.9.9.9' })).toEqual({ ok: false, error: 'rate_limited' });
    expect((await authenticate(t.db, { username: 'admin', password: org.password, ip: '10.9.9.8' })).ok).toBe(true);
  });
});

describe('sessions end on the next request', () => {
  it('when the user is disabled or the token version changes (password change)', async () => {
    const { sessionStillValid } = await import('@/lib/auth/session');
    const signIn = await authenticate(t.db, { username: 'sup1', password: org.password, ip: '10.7.0.1' });
    expect(signIn.ok).toBe(true);
    const tv = signIn.ok ? signIn.user.tokenVersion : -1;
    const read = async () => (await t.db.select({ disabled: users.disabled, tokenVersion: users.tokenVersion }).from(users).where(eq(users.username, 'sup1')))[0];
    expect(sessionStillValid(await read(), tv)).toBe(true);
    await t.db.update(users).set({ tokenVersion: tv + 1 }).where(eq(users.username, 'sup1'));
    expect(sessionStillValid(await read(), tv)).toBe(false);
    await t.db.update(users).set({ tokenVersion: tv, disabled: true }).where(eq(users.username, 'sup1'));
    expect(sessionStillValid(await read(), tv)).toBe(false);
    expect(sessionStillValid(undefined, tv)).toBe(false);
    await t.db.update(users).set({ disabled: false }).where(eq(users.username, 'sup1'));
  });
});
