import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { auditLog, morningBriefings, users } from '@/db/schema';
import { runAction } from '@/lib/action';
import { postBriefingSpec } from '@/lib/briefings/post-briefing';
import { createTestDb } from './helpers/db';
import { makeWorld } from './helpers/fixture';

let t: Awaited<ReturnType<typeof createTestDb>>;
let w: Awaited<ReturnType<typeof makeWorld>>;
let sup2: { userId: number; username: string; name: string; role: 'supervisor'; teamId: number; branchId: number };

beforeAll(async () => {
  t = await createTestDb();
  w = await makeWorld(t.db, '2026-11-26');
  const [row] = await t.db
    .insert(users)
    .values({ username: 'sup2', name: '赵经理', role: 'supervisor', branchId: w.b2.id, teamId: w.t2.id, passwordHash: 'x' })
    .returning({ id: users.id });
  sup2 = { userId: row.id, username: 'sup2', name: '赵经理', role: 'supervisor', teamId: w.t2.id, branchId: w.b2.id };
});
afterAll(() => t.cleanup());

const headers = () => new Headers({ origin: 'http://app.test', host: 'app.test' });
const ctx = (user: ReturnType<typeof w.asCurrent>) => ({ user, headers: headers(), db: t.db, ip: '127.0.0.1' });
const post = (user: ReturnType<typeof w.asCurrent>, input: Record<string, unknown>) => runAction(postBriefingSpec, ctx(user), input);
const words = { policies: '新品黄鹤楼(硬天下名楼)本周起投放', focus: '重点拜访企业级客户', supplyLimits: '中华(硬)：20–30档 10条', issues: '电子结算失败较多' };
const teamBriefings = (teamId: number) =>
  t.db
    .select({ day: morningBriefings.day, focus: morningBriefings.focus, issues: morningBriefings.issues, authorId: morningBriefings.authorId, branchId: morningBriefings.branchId })
    .from(morningBriefings)
    .where(eq(morningBriefings.teamId, teamId))
    .orderBy(asc(morningBriefings.day));

describe('the morning briefing', () => {
  it('is one per team per day: posting again the same day updates it, the next day makes a new one', async () => {
    process.env.ROUNDS_NOW = '2026-11-26T07:50:00+08:00';
    const first = await post(w.asCurrent('sup1'), { teamId: w.t1.id, ...words });
    expect(first).toMatchObject({ ok: true, data: { day: '2026-11-26', updated: false } });
    const second = await post(w.asCurrent('sup1'), { teamId: w.t1.id, ...words, focus: '改为：重点拜访高波动客户', issues: '' });
    expect(second).toMatchObject({ ok: true, data: { day: '2026-11-26', updated: true } });
    expect(second.ok && first.ok && second.data.id).toBe(first.ok && first.data.id);
    // 07:50 on the 26th and 00:10 on the 27th in Shanghai: the day is the company's, not UTC's
    process.env.ROUNDS_NOW = '2026-11-27T00:10:00+08:00';
    expect(await post(w.asCurrent('sup1'), { teamId: w.t1.id, ...words })).toMatchObject({ ok: true, data: { day: '2026-11-27', updated: false } });
    expect(await teamBriefings(w.t1.id)).toEqual([
      { day: '2026-11-26', focus: '改为：重点拜访高波动客户', issues: '', authorId: w.users.sup1.id, branchId: w.b1.id },
      { day: '2026-11-27', focus: words.focus, issues: words.issues, authorId: w.users.sup1.id, branchId: w.b1.id },
    ]);
    const audits = await t.db.select({ id: auditLog.id }).from(auditLog).where(and(eq(auditLog.action, 'briefing.post'), eq(auditLog.userId, w.users.sup1.id)));
    expect(audits).toHaveLength(3);
  });

  it('a supervisor of another team cannot post for it; managers cannot post at all', async () => {
    process.env.ROUNDS_NOW = '2026-11-27T08:00:00+08:00';
    expect(await post(sup2, { teamId: w.t1.id, ...words, focus: '别的市场部' })).toMatchObject({ ok: false, status: 404 });
    expect(await post(w.asCurrent('mgr1'), { teamId: w.t1.id, ...words })).toMatchObject({ ok: false, status: 403 });
    expect(await post(w.asCurrent('bh1'), { teamId: w.t1.id, ...words })).toMatchObject({ ok: false, status: 403 });
    expect((await teamBriefings(w.t1.id)).map((b) => b.focus)).not.toContain('别的市场部');
    // their own team works
    expect(await post(sup2, { teamId: w.t2.id, ...words })).toMatchObject({ ok: true, data: { day: '2026-11-27' } });
    expect(await teamBriefings(w.t2.id)).toHaveLength(1);
  });

  it('refuses an empty briefing and over-long text with the message next to the field', async () => {
    process.env.ROUNDS_NOW = '2026-11-28T08:00:00+08:00';
    expect(await post(w.asCurrent('sup1'), { teamId: w.t1.id, policies: ' ', focus: '', supplyLimits: '', issues: '' })).toMatchObject({
      ok: false,
      status: 400,
      fieldErrors: { focus: ['晨会内容不能全部为空，请至少填写工作重点'] },
    });
    expect(await post(w.asCurrent('sup1'), { teamId: w.t1.id, ...words, issues: '问'.repeat(2001) })).toMatchObject({
      ok: false,
      status: 400,
      fieldErrors: { issues: ['问题不能超过 2000 字'] },
    });
    expect((await teamBriefings(w.t1.id)).map((b) => b.day)).not.toContain('2026-11-28');
  });
});
