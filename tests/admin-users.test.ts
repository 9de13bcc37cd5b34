import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { auditLog, retailers, routes, users } from '@/db/schema';
import { runAction } from '@/lib/action';
import { createUserSpec, passwordProblem, resetPasswordSpec, setUserDisabledSpec, updateUserSpec } from '@/lib/admin/users';
import { sessionStillValid } from '@/lib/auth/session';
import { authenticate } from '@/lib/auth/sign-in';
import { createTestDb } from './helpers/db';
import { makeWorld } from './helpers/fixture';

let t: Awaited<ReturnType<typeof createTestDb>>;
let w: Awaited<ReturnType<typeof makeWorld>>;

beforeAll(async () => {
  t = await createTestDb();
  w = await makeWorld(t.db, '2026-11-24');
});
afterAll(() => t.cleanup());

const ctx = (username: string) => ({ user: w.asCurrent(username), headers: new Headers({ origin: 'http://app.test', host: 'app.test' }), db: t.db, ip: '127.0.0.1' });
const userCount = async () => (await t.db.select({ n: count() }).from(users))[0].n;
const row = async (id: number) => (await t.db.select({ tokenVersion: users.tokenVersion, disabled: users.disabled, role: users.role, teamId: users.teamId, branchId: users.branchId }).from(users).where(eq(users.id, id)))[0];

const newUser = (over: Record<string, unknown> = {}) => ({
  clientId: randomUUID(),
  username: 'mgr9',
  name: '周敏',
  role: 'manager',
  teamId: String(w.t1.id),
  branchId: '',
  password: 'Field#2026x',
  passwordConfirm: 'Field#2026x',
  ...over,
});

describe('password strength', () => {
  it('asks for 10 characters of three kinds, without the username', () => {
    expect(passwordProblem('Short1!')).toBe('密码至少 10 位');
    expect(passwordProblem('alllowercase1')).toBe('密码需包含大写字母、小写字母、数字、符号中的至少三种');
    expect(passwordProblem('Zhou-mgr9-2026', 'mgr9')).toBe('密码不能包含用户名');
    expect(passwordProblem('Rounds@2026')).toBeNull();
  });
});

describe('creating a user', () => {
  it('refuses bad input with Chinese messages per field and writes nothing', async () => {
    const before = await userCount();
    const r = await runAction(createUserSpec, ctx('admin'), newUser({ username: 'A', name: ' ', role: 'manager', teamId: '' }));
    expect(r).toMatchObject({ ok: false, status: 400 });
    if (r.ok) return;
    expect(r.fieldErrors?.username?.[0]).toMatch(/用户名为 3–32 位/);
    expect(r.fieldErrors?.name).toEqual(['请输入姓名']);
    const weak = await runAction(createUserSpec, ctx('admin'), newUser({ password: 'password12', passwordConfirm: 'password12' }));
    expect(weak).toMatchObject({ ok: false, fieldErrors: { password: ['密码需包含大写字母、小写字母、数字、符号中的至少三种'] } });
    const noTeam = await runAction(createUserSpec, ctx('admin'), newUser({ teamId: '' }));
    expect(noTeam).toMatchObject({ ok: false, fieldErrors: { teamId: ['客户经理和市场经理须属于一个市场部'] } });
    const mismatch = await runAction(createUserSpec, ctx('admin'), newUser({ passwordConfirm: 'Field#2026y' }));
    expect(mismatch).toMatchObject({ ok: false, fieldErrors: { passwordConfirm: ['两次输入的密码不一致'] } });
    const noBranch = await runAction(createUserSpec, ctx('admin'), newUser({ role: 'branch_head', teamId: '' }));
    expect(noBranch).toMatchObject({ ok: false, fieldErrors: { branchId: ['营销部负责人须属于一个营销部'] } });
    expect(await userCount()).toBe(before);
  });

  it('only an admin may create users', async () => {
    expect(await runAction(createUserSpec, ctx('sup1'), newUser())).toMatchObject({ ok: false, status: 403 });
  });

  it('creates the user with the branch of its team; a retry returns the same user; the name is then taken', async () => {
    const input = newUser();
    const first = await runAction(createUserSpec, ctx('admin'), input);
    expect(first.ok).toBe(true);
    const id = first.ok ? first.data.id : -1;
    expect(await row(id)).toMatchObject({ role: 'manager', teamId: w.t1.id, branchId: w.b1.id, disabled: false });
    const before = await userCount();
    expect(await runAction(createUserSpec, ctx('admin'), input)).toEqual(first);
    expect(await userCount()).toBe(before);
    const again = await runAction(createUserSpec, ctx('admin'), newUser());
    expect(again).toMatchObject({ ok: false, fieldErrors: { username: ['该用户名已被使用'] } });
    expect((await authenticate(t.db, { username: 'mgr9', password: 'Field#2026x', ip: '10.1.1.1' })).ok).toBe(true);
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'user.create'));
    expect(audit).toMatchObject({ username: 'admin', entity: 'user', entityId: String(id) });
    expect(JSON.stringify(audit.detail)).not.toMatch(/Field#2026x/);
  });
});

describe('disabling and password resets end sessions', () => {
  it('an admin cannot disable their own account', async () => {
    const me = w.users.admin.id;
    const r = await runAction(setUserDisabledSpec, ctx('admin'), { id: me, disabled: true });
    expect(r).toMatchObject({ ok: false, status: 403, message: '不能停用自己的账号' });
    expect((await row(me)).disabled).toBe(false);
  });

  it('disabling moves the token version on, so the open session is no longer valid; sign-in is refused', async () => {
    const id = w.users.sup1.id;
    const signedIn = await authenticate(t.db, { username: 'sup1', password: w.password, ip: '10.2.2.2' });
    const tv = signedIn.ok ? signedIn.user.tokenVersion : -1;
    expect(sessionStillValid(await row(id), tv)).toBe(true);
    expect(await runAction(setUserDisabledSpec, ctx('admin'), { id, disabled: true })).toMatchObject({ ok: true });
    expect(sessionStillValid(await row(id), tv)).toBe(false);
    expect(await authenticate(t.db, { username: 'sup1', password: w.password, ip: '10.2.2.2' })).toEqual({ ok: false, error: 'invalid' });
    // re-enabling lets them sign in again, but the old session stays over
    expect(await runAction(setUserDisabledSpec, ctx('admin'), { id, disabled: false })).toMatchObject({ ok: true });
    expect(sessionStillValid(await row(id), tv)).toBe(false);
    expect((await authenticate(t.db, { username: 'sup1', password: w.password, ip: '10.2.2.3' })).ok).toBe(true);
  });

  it('a reset password ends sessions, and only the new password signs in', async () => {
    const id = w.users.bh1.id;
    const tv = (await row(id)).tokenVersion;
    const weak = await runAction(resetPasswordSpec, ctx('admin'), { id, password: 'abc', passwordConfirm: 'abc' });
    expect(weak).toMatchObject({ ok: false, fieldErrors: { password: ['密码至少 10 位'] } });
    const withName = await runAction(resetPasswordSpec, ctx('admin'), { id, password: 'Bh1-Strong-26', passwordConfirm: 'Bh1-Strong-26' });
    expect(withName).toMatchObject({ ok: false, fieldErrors: { password: ['密码不能包含用户名'] } });
    expect(await runAction(resetPasswordSpec, ctx('admin'), { id, password: 'Brand-New-26', passwordConfirm: 'Brand-New-26' })).toMatchObject({ ok: true });
    expect(sessionStillValid(await row(id), tv)).toBe(false);
    expect((await authenticate(t.db, { username: 'bh1', password: w.password, ip: '10.3.3.3' })).ok).toBe(false);
    expect((await authenticate(t.db, { username: 'bh1', password: 'Brand-New-26', ip: '10.3.3.3' })).ok).toBe(true);
  });

  it('an unknown user answers 404', async () => {
    expect(await runAction(setUserDisabledSpec, ctx('admin'), { id: 999999, disabled: true })).toMatchObject({ ok: false, status: 404 });
  });
});

describe('editing role and team', () => {
  it('an admin cannot change their own role', async () => {
    const r = await runAction(updateUserSpec, ctx('admin'), { id: w.users.admin.id, name: '管理员', role: 'manager', teamId: w.t1.id });
    expect(r).toMatchObject({ ok: false, fieldErrors: { role: ['不能修改自己的角色'] } });
  });

  it('a manager with shops keeps the role until the shops are reassigned', async () => {
    const r = await runAction(updateUserSpec, ctx('admin'), { id: w.users.mgr1.id, name: '张伟', role: 'supervisor', teamId: w.t1.id });
    expect(r).toMatchObject({ ok: false, fieldErrors: { role: ['该客户经理名下还有 3 家零售户，请先在零售户管理中改派'] } });
    expect((await row(w.users.mgr1.id)).role).toBe('manager');
  });

  it("moving a manager to another team takes the shops' and routes' current team along", async () => {
    const id = w.users.mgr2.id;
    expect(await runAction(updateUserSpec, ctx('admin'), { id, name: '刘洋', role: 'manager', teamId: w.t1.id })).toMatchObject({ ok: true });
    expect(await row(id)).toMatchObject({ teamId: w.t1.id, branchId: w.b1.id });
    const shops = await t.db.select({ teamId: retailers.teamId, branchId: retailers.branchId }).from(retailers).where(eq(retailers.managerId, id));
    expect(shops.length).toBeGreaterThan(0);
    expect(shops.every((s) => s.teamId === w.t1.id && s.branchId === w.b1.id)).toBe(true);
    const [route] = await t.db.select({ teamId: routes.teamId }).from(routes).where(eq(routes.managerId, id));
    expect(route.teamId).toBe(w.t1.id);
    const [audit] = await t.db.select({ detail: auditLog.detail }).from(auditLog).where(eq(auditLog.action, 'user.update'));
    expect(audit.detail).toMatchObject({ username: 'mgr2', changes: { teamId: [w.t2.id, w.t1.id], branchId: [w.b2.id, w.b1.id] } });
  });
});
