import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { branches, teams, users } from '@/db/schema';
import { runAction } from '@/lib/action';
import { saveBranchSpec, saveTeamSpec } from '@/lib/admin/org';
import { createTestDb } from './helpers/db';
import { makeOrg } from './helpers/org';

let t: Awaited<ReturnType<typeof createTestDb>>;
let org: Awaited<ReturnType<typeof makeOrg>>;
beforeAll(async () => {
  t = await createTestDb();
  org = await makeOrg(t.db);
});
afterAll(() => t.cleanup());

const ctx = (username: string) => ({ user: org.asCurrent(username), headers: new Headers({ origin: 'http://app.test', host: 'app.test' }), db: t.db, ip: '127.0.0.1' });

describe('branches', () => {
  it('creates once per submission, refuses a taken code or name, renames', async () => {
    const input = { clientId: randomUUID(), code: 'b3', name: '城北营销部' };
    const first = await runAction(saveBranchSpec, ctx('admin'), input);
    expect(first.ok).toBe(true);
    expect(await runAction(saveBranchSpec, ctx('admin'), input)).toEqual(first);
    expect((await t.db.select({ n: count() }).from(branches).where(eq(branches.code, 'B3')))[0].n).toBe(1);
    expect(await runAction(saveBranchSpec, ctx('admin'), { clientId: randomUUID(), code: 'B3', name: '别的' })).toMatchObject({ fieldErrors: { code: ['该编码已被使用'] } });
    expect(await runAction(saveBranchSpec, ctx('admin'), { clientId: randomUUID(), code: 'B4', name: '城东营销部' })).toMatchObject({ fieldErrors: { name: ['已有同名的营销部'] } });
    expect(await runAction(saveBranchSpec, ctx('admin'), { clientId: randomUUID(), code: '中文', name: '' })).toMatchObject({
      fieldErrors: { code: ['营销部编码为 1–16 位字母、数字、_ 或 -'], name: ['请输入营销部名称'] },
    });
    const id = first.ok ? first.data.id : -1;
    expect(await runAction(saveBranchSpec, ctx('admin'), { id, name: '城北二部' })).toMatchObject({ ok: true });
    expect((await t.db.select({ name: branches.name, code: branches.code }).from(branches).where(eq(branches.id, id)))[0]).toEqual({ name: '城北二部', code: 'B3' });
    expect(await runAction(saveBranchSpec, ctx('admin'), { id: 99999, name: 'x' })).toMatchObject({ status: 404 });
  });

  it('is for admins only', async () => {
    expect(await runAction(saveBranchSpec, ctx('bh1'), { clientId: randomUUID(), code: 'B9', name: 'x' })).toMatchObject({ status: 403 });
  });
});

describe('teams', () => {
  it('needs a branch and a code to be created', async () => {
    expect(await runAction(saveTeamSpec, ctx('admin'), { clientId: randomUUID(), name: '第三市场部' })).toMatchObject({
      fieldErrors: { code: ['请输入市场部编码'], branchId: ['请选择所属营销部'] },
    });
  });

  it('creates a team in a branch with a supervisor, who moves into it', async () => {
    const r = await runAction(saveTeamSpec, ctx('admin'), { clientId: randomUUID(), code: 'T3', name: '第三市场部', branchId: String(org.b2.id), supervisorId: String(org.users.sup1.id) });
    expect(r.ok).toBe(true);
    const id = r.ok ? r.data.id : -1;
    expect((await t.db.select().from(teams).where(eq(teams.id, id)))[0]).toMatchObject({ branchId: org.b2.id, name: '第三市场部' });
    const [sup] = await t.db.select({ teamId: users.teamId, branchId: users.branchId }).from(users).where(eq(users.id, org.users.sup1.id));
    expect(sup).toEqual({ teamId: id, branchId: org.b2.id });
  });

  it('refuses a supervisor who is not one, and a duplicate name in the branch', async () => {
    expect(await runAction(saveTeamSpec, ctx('admin'), { id: org.t1.id, name: '第一市场部', supervisorId: org.users.mgr1.id })).toMatchObject({
      fieldErrors: { supervisorId: ['请选择一位市场经理'] },
    });
    expect(await runAction(saveTeamSpec, ctx('admin'), { id: org.t2.id, name: '第三市场部' })).toMatchObject({ fieldErrors: { name: ['该营销部下已有同名的市场部'] } });
    // the same name in another branch is fine
    expect(await runAction(saveTeamSpec, ctx('admin'), { id: org.t1.id, name: '第三市场部' })).toMatchObject({ ok: true });
  });
});
