import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { dailyReports, missedVisits, reviewEvents, summaries, users } from '@/db/schema';
import { computeDailyFigures, type DailyFigures } from '@/db/reports';
import { runAction } from '@/lib/action';
import { dailyReportSpec, reviewSpec, summarySpec } from '@/lib/reports/workflow';
import { getSettings } from '@/lib/settings';
import { submitVisitSpec } from '@/lib/visits/submit';
import { zonedTime } from '@/lib/time';
import { createTestDb } from './helpers/db';
import { makeWorld } from './helpers/fixture';

const DAY = '2026-11-26'; // a Thursday
const at = (day: string, hhmm: string) => (process.env.ROUNDS_NOW = zonedTime(day, hhmm).toISOString());

let t: Awaited<ReturnType<typeof createTestDb>>;
let w: Awaited<ReturnType<typeof makeWorld>>;
let sup2: { userId: number; username: string; name: string; role: 'supervisor'; teamId: number; branchId: number };

beforeAll(async () => {
  t = await createTestDb();
  w = await makeWorld(t.db, DAY);
  const [u] = await t.db
    .insert(users)
    .values({ username: 'sup2', name: '赵经理', role: 'supervisor', teamId: w.t2.id, branchId: w.b2.id, passwordHash: 'x' })
    .returning({ id: users.id });
  sup2 = { userId: u.id, username: 'sup2', name: '赵经理', role: 'supervisor', teamId: w.t2.id, branchId: w.b2.id };
});
afterAll(() => t.cleanup());

const headers = () => new Headers({ origin: 'http://app.test', host: 'app.test' });
const ctx = (user: ReturnType<typeof w.asCurrent> | typeof sup2) => ({ user, headers: headers(), db: t.db, ip: '127.0.0.1' });
const as = (username: string) => ctx(w.asCurrent(username));

const sections = Object.fromEntries(['ask', 'look', 'introduce', 'tidy', 'collect', 'answer', 'record'].map((k) => [k, { done: true }]));

async function visit(shopIndex: number, start: string, end: string, stock: number, onCounter = true) {
  const [zhonghua, , hongtashan] = w.specs;
  const r = await runAction(submitVisitSpec, as('mgr1'), {
    clientId: randomUUID(),
    retailerId: w.shops[shopIndex].id,
    startedAt: zonedTime(DAY, start).toISOString(),
    endedAt: zonedTime(DAY, end).toISOString(),
    deviceSentAt: zonedTime(DAY, end).toISOString(),
    sections,
    illegalFound: false,
    stockLines: [
      { specId: zhonghua.id, stock, onCounter, priceTagOk: true },
      { specId: hongtashan.id, stock: 4, onCounter: false, priceTagOk: true },
    ],
    orderLines: [],
    infoItems: [{ kind: 'service_feedback', note: '希望送货提前' }],
    complaints: [],
  });
  expect(r.ok, JSON.stringify(r)).toBe(true);
}

const daily = (over: Record<string, unknown> = {}) => ({
  clientId: randomUUID(),
  day: DAY,
  missedReasons: {},
  commonIssues: '客户反映中华断货',
  gains: '新开一户上柜',
  submit: true,
  ...over,
});

describe('the daily report', () => {
  let reportId = 0;
  let frozen: DailyFigures;

  it('computes the day from the visits: planned, made, missed shops, stock, shelving, feedback', async () => {
    at(DAY, '11:00');
    await visit(0, '09:40', '09:55', 12); // planned, grade 28: both key specs apply
    await visit(2, '10:30', '10:35', 3, false); // off plan, short, grade 5: only 红塔山 applies
    const f = await computeDailyFigures(t.db, w.users.mgr1.id, DAY, await getSettings(t.db));
    expect(f).toMatchObject({ planned: 2, made: 2, plannedMade: 1, offPlan: 1, short: 1, stockShops: 2, stockSum: 12 + 4 + 3 + 4, feedback: 2 });
    expect(f.missedShops.map((m) => m.retailerId)).toEqual([w.shops[1].id]);
    // shop 1: 中华 shelved, 红塔山 not; shop 3: 红塔山 not → 1 of 3
    expect([f.keyShouldShelve, f.keyShelved]).toEqual([3, 1]);
    expect(f.avgStock).toBe(23 / 2);
  });

  it('refuses to submit without a reason for each missed shop and the words, and writes nothing', async () => {
    at(DAY, '16:30');
    const r = await runAction(dailyReportSpec, as('mgr1'), daily({ commonIssues: '', gains: '' }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.fieldErrors ?? {}).sort()).toEqual(['commonIssues', 'gains', `missedReasons.${w.shops[1].id}`].sort());
    expect(r.fieldErrors?.[`missedReasons.${w.shops[1].id}`]?.[0]).toContain('测试便利店2');
    expect(await t.db.select().from(dailyReports)).toHaveLength(0);
  });

  it('pre-fills nothing it does not know, saves a draft, then submits and freezes the figures on time', async () => {
    await t.db.insert(missedVisits).values({ day: DAY, retailerId: w.shops[1].id, reason: 'closed', managerId: w.users.mgr1.id, teamId: w.t1.id, branchId: w.b1.id });
    const draft = await runAction(dailyReportSpec, as('mgr1'), daily({ submit: false, commonIssues: '' }));
    expect(draft).toMatchObject({ ok: true, data: { status: 'draft' } });
    const input = daily({ missedReasons: { [w.shops[1].id]: '关门停业' } });
    const r = await runAction(dailyReportSpec, as('mgr1'), input);
    expect(r).toMatchObject({ ok: true, data: { status: 'submitted' } });
    // the same submission again (a retry) answers the first result and writes nothing more
    const again = await runAction(dailyReportSpec, as('mgr1'), input);
    expect(again).toEqual(r);
    const [row] = await t.db.select().from(dailyReports);
    reportId = row.id;
    frozen = row.computed as unknown as DailyFigures;
    expect(row).toMatchObject({ status: 'submitted', late: false, missedReasons: { [w.shops[1].id]: '关门停业' } });
    expect(frozen).toMatchObject({ made: 2, planned: 2 });
    expect(await t.db.select({ action: reviewEvents.action }).from(reviewEvents)).toEqual([{ action: 'submitted' }]);
  });

  it('a submitted report cannot be edited', async () => {
    const r = await runAction(dailyReportSpec, as('mgr1'), daily({ gains: '改一下' }));
    expect(r).toMatchObject({ ok: false, status: 400 });
    const [row] = await t.db.select({ gains: dailyReports.gains }).from(dailyReports);
    expect(row.gains).toBe('新开一户上柜');
  });

  it('a visit synced later changes the live figures, not the frozen ones', async () => {
    await visit(1, '14:00', '14:20', 7); // the missed shop after all, synced after submission
    const live = await computeDailyFigures(t.db, w.users.mgr1.id, DAY, await getSettings(t.db));
    const [row] = await t.db.select({ computed: dailyReports.computed }).from(dailyReports);
    expect(row.computed).toEqual(frozen);
    expect(live.made).toBe(3);
    expect(frozen.made).toBe(2);
    expect(live.missedShops).toEqual([]);
  });

  it('another team’s supervisor cannot see or review it; a return needs a comment', async () => {
    const foreign = await runAction(reviewSpec, ctx(sup2), { clientId: randomUUID(), subject: 'daily_report', id: reportId, decision: 'approve', comment: '' });
    expect(foreign).toMatchObject({ ok: false, status: 404 });
    const manager = await runAction(reviewSpec, as('mgr1'), { clientId: randomUUID(), subject: 'daily_report', id: reportId, decision: 'approve', comment: '' });
    expect(manager).toMatchObject({ ok: false, status: 403 });
    const bare = await runAction(reviewSpec, as('sup1'), { clientId: randomUUID(), subject: 'daily_report', id: reportId, decision: 'return', comment: '' });
    expect(bare).toMatchObject({ ok: false, fieldErrors: { comment: [expect.stringContaining('退回')] } });
    const [row] = await t.db.select({ status: dailyReports.status }).from(dailyReports);
    expect(row.status).toBe('submitted');
  });

  it('return → edit → resubmit (figures frozen again, lateness kept) → approve, with the history', async () => {
    const ret = await runAction(reviewSpec, as('sup1'), { clientId: randomUUID(), subject: 'daily_report', id: reportId, decision: 'return', comment: '请补充收获' });
    expect(ret).toMatchObject({ ok: true, data: { status: 'returned' } });
    at(DAY, '19:00'); // after the 18:00 deadline, but the first submission was on time
    const resubmit = await runAction(dailyReportSpec, as('mgr1'), daily({ gains: '新开一户上柜，补拜访一户' }));
    expect(resubmit).toMatchObject({ ok: true, data: { status: 'submitted' } });
    const [row] = await t.db.select().from(dailyReports);
    expect(row.late).toBe(false);
    expect((row.computed as unknown as DailyFigures).made).toBe(3);
    const twice = await runAction(reviewSpec, as('sup1'), { clientId: randomUUID(), subject: 'daily_report', id: reportId, decision: 'approve', comment: '' });
    expect(twice).toMatchObject({ ok: true, data: { status: 'approved' } });
    const again = await runAction(reviewSpec, as('sup1'), { clientId: randomUUID(), subject: 'daily_report', id: reportId, decision: 'return', comment: '再改' });
    expect(again).toMatchObject({ ok: false, status: 400 });
    const history = await t.db
      .select({ action: reviewEvents.action, comment: reviewEvents.comment })
      .from(reviewEvents)
      .where(and(eq(reviewEvents.subject, 'daily_report'), eq(reviewEvents.subjectId, reportId)))
      .orderBy(asc(reviewEvents.id));
    expect(history).toEqual([
      { action: 'submitted', comment: null },
      { action: 'returned', comment: '请补充收获' },
      { action: 'submitted', comment: null },
      { action: 'approved', comment: null },
    ]);
  });

  it('a report first submitted after the deadline is late; a future day is refused', async () => {
    at('2026-11-27', '08:00');
    const late = await runAction(dailyReportSpec, as('mgr2'), daily({ day: '2026-11-25' }));
    expect(late).toMatchObject({ ok: true });
    const [row] = await t.db.select({ late: dailyReports.late }).from(dailyReports).where(eq(dailyReports.managerId, w.users.mgr2.id));
    expect(row.late).toBe(true);
    const future = await runAction(dailyReportSpec, as('mgr2'), daily({ day: '2026-11-28' }));
    expect(future).toMatchObject({ ok: false, fieldErrors: { day: [expect.any(String)] } });
  });
});

describe('weekly and monthly summaries', () => {
  it('cannot be written before the period ends; once written, freeze the statistics; late after the Monday deadline', async () => {
    at(DAY, '10:00');
    const early = await runAction(summarySpec, as('mgr1'), { clientId: randomUUID(), kind: 'weekly', periodStart: '2026-11-23', analysis: '本周完成情况良好，下周继续', submit: true });
    expect(early).toMatchObject({ ok: false, fieldErrors: { periodStart: [expect.any(String)] } });
    const notMonday = await runAction(summarySpec, as('mgr1'), { clientId: randomUUID(), kind: 'weekly', periodStart: '2026-11-24', analysis: '本周完成情况良好，下周继续', submit: true });
    expect(notMonday).toMatchObject({ ok: false, fieldErrors: { periodStart: ['周总结应从周一开始'] } });
    at('2026-11-30', '19:00'); // Monday evening: after the deadline
    const short = await runAction(summarySpec, as('mgr1'), { clientId: randomUUID(), kind: 'weekly', periodStart: '2026-11-23', analysis: '好', submit: true });
    expect(short).toMatchObject({ ok: false, fieldErrors: { analysis: [expect.any(String)] } });
    const r = await runAction(summarySpec, as('mgr1'), { clientId: randomUUID(), kind: 'weekly', periodStart: '2026-11-23', analysis: '本周拜访完成率偏低，原因是一户关门。', submit: true });
    expect(r).toMatchObject({ ok: true, data: { status: 'submitted' } });
    const [row] = await t.db.select().from(summaries);
    expect(row.late).toBe(true);
    expect(row.computed).toMatchObject({ from: '2026-11-23', to: '2026-11-29', made: 3, planned: 2, plannedMade: 2, short: 1 });
    const review = await runAction(reviewSpec, ctx(sup2), { clientId: randomUUID(), subject: 'summary', id: row.id, decision: 'approve', comment: '' });
    expect(review).toMatchObject({ ok: false, status: 404 });
  });
});
