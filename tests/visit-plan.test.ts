import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { getSchedule } from '@/db/queries/schedule';
import { retailers, visitPlanItems, visitPlans } from '@/db/schema';
import { runAction } from '@/lib/action';
import { reviewSpec } from '@/lib/reports/workflow';
import { settingDefaults } from '@/lib/settings-defaults';
import { eachDay, isoWeekday, zonedTime } from '@/lib/time';
import { planEditSpec, planProposeSpec, planSubmitSpec } from '@/lib/visit-plan/actions';
import { checkPlan, proposePlan, type PlanShop } from '@/lib/visit-plan/propose';
import { createTestDb } from './helpers/db';
import { makeWorld } from './helpers/fixture';

const bands = settingDefaults.visitFrequency;
const weekdays = (from: string, to: string) => eachDay(from, to).filter((d) => isoWeekday(d) <= 5);

describe('proposing a plan', () => {
  const days = weekdays('2026-12-01', '2026-12-31'); // 23 working days
  const shops: PlanShop[] = Array.from({ length: 300 }, (_, i) => ({
    id: i + 1,
    grade: [28, 15, 5][i % 3],
    area: 'city',
    routeId: 1 + (i % 10),
    routeSeq: i,
  }));

  it('plans every shop at its grade’s frequency, never twice a day, and spreads the load evenly', () => {
    const items = proposePlan(shops, days, bands);
    const checks = checkPlan(items, shops, days, bands, { city: 30, rural: 25 });
    expect(checks.uncovered).toEqual([]);
    expect(items).toHaveLength(100 * 4 + 100 * 2 + 100 * 1);
    expect(new Set(items.map((i) => `${i.retailerId}:${i.day}`)).size).toBe(items.length);
    const counts = checks.days.map((d) => d.count);
    // 700 visits over 23 days ≈ 30.4 a day: every day within ±20% of the standard
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(3);
    expect(checks.days.every((d) => d.near)).toBe(true);
    // a weekly shop's visits are spread through the month, not bunched
    const weekly = items.filter((i) => i.retailerId === 1).map((i) => days.indexOf(i.day)).sort((a, b) => a - b);
    expect(weekly).toHaveLength(4);
    for (let k = 1; k < weekly.length; k++) expect(weekly[k] - weekly[k - 1]).toBeGreaterThanOrEqual(3);
    // each day's order follows the routes
    const first = items.filter((i) => i.day === days[0]).map((i) => i.seq);
    expect(first).toEqual(first.map((_, k) => k + 1));
  });

  it('reports shops below frequency and days off the standard', () => {
    const items = proposePlan(shops, days, bands).filter((i) => i.retailerId !== 1);
    const checks = checkPlan(items, shops, days, bands, { city: 60, rural: 50 });
    expect(checks.uncovered).toEqual([{ retailerId: 1, planned: 0, required: 4 }]);
    expect(checks.days.every((d) => !d.near)).toBe(true);
  });
});

describe('the plan from proposal to the schedule', () => {
  const DAY = '2026-11-26';
  let t: Awaited<ReturnType<typeof createTestDb>>;
  let w: Awaited<ReturnType<typeof makeWorld>>;
  const headers = () => new Headers({ origin: 'http://app.test', host: 'app.test' });
  const as = (u: string) => ({ user: w.asCurrent(u), headers: headers(), db: t.db, ip: '127.0.0.1' });
  const month = '2026-12-01';

  beforeAll(async () => {
    process.env.ROUNDS_NOW = zonedTime(DAY, '17:00').toISOString();
    t = await createTestDb();
    w = await makeWorld(t.db, DAY);
  });
  afterAll(() => t.cleanup());

  it('is proposed, edited, submitted, approved, and becomes each day’s schedule', async () => {
    const far = await runAction(planProposeSpec, as('mgr1'), { month: '2027-02-01' });
    expect(far).toMatchObject({ ok: false, fieldErrors: { month: [expect.any(String)] } });
    const proposed = await runAction(planProposeSpec, as('mgr1'), { month });
    expect(proposed).toMatchObject({ ok: true, data: { items: 4 + 2 + 1 } }); // grades 28, 15, 5
    const [plan] = await t.db.select().from(visitPlans).where(and(eq(visitPlans.managerId, w.users.mgr1.id), eq(visitPlans.month, month)));
    const items = await t.db.select().from(visitPlanItems).where(eq(visitPlanItems.planId, plan.id)).orderBy(asc(visitPlanItems.day));
    expect(items.every((i) => isoWeekday(i.day) <= 5 && i.day.startsWith('2026-12'))).toBe(true);

    // move the first visit to Monday 14 December; add the grade-5 shop again on the 15th; weekends refused
    const moved = await runAction(planEditSpec, as('mgr1'), { op: 'move', month, itemId: items[0].id, toDay: '2026-12-14' });
    expect(moved.ok).toBe(true);
    const weekend = await runAction(planEditSpec, as('mgr1'), { op: 'move', month, itemId: items[0].id, toDay: '2026-12-12' });
    expect(weekend).toMatchObject({ ok: false, fieldErrors: { toDay: ['请选择本月的工作日'] } });
    const added = await runAction(planEditSpec, as('mgr1'), { op: 'add', month, day: '2026-12-15', retailerId: w.shops[2].id });
    expect(added.ok).toBe(true);
    const foreign = await runAction(planEditSpec, as('mgr1'), { op: 'add', month, day: '2026-12-15', retailerId: w.shops[3].id });
    expect(foreign).toMatchObject({ ok: false, status: 404 });
    const twice = await runAction(planEditSpec, as('mgr1'), { op: 'add', month, day: '2026-12-15', retailerId: w.shops[2].id });
    expect(twice).toMatchObject({ ok: false, fieldErrors: { retailerId: [expect.any(String)] } });

    const submitted = await runAction(planSubmitSpec, as('mgr1'), { clientId: randomUUID(), month });
    expect(submitted).toMatchObject({ ok: true, data: { uncovered: 0 } });
    const locked = await runAction(planEditSpec, as('mgr1'), { op: 'remove', month, itemId: items[1].id });
    expect(locked).toMatchObject({ ok: false, status: 400 });

    // before approval the schedule of a December day is not this plan
    process.env.ROUNDS_NOW = zonedTime('2026-12-14', '08:00').toISOString();
    const scope = { role: 'manager' as const, userId: w.users.mgr1.id, teamId: w.t1.id, branchId: w.b1.id };
    expect((await getSchedule(t.db, scope, '2026-12-14')).generated).toBe(true);
    const approved = await runAction(reviewSpec, as('sup1'), { clientId: randomUUID(), subject: 'visit_plan', id: plan.id, decision: 'approve', comment: '' });
    expect(approved).toMatchObject({ ok: true, data: { status: 'approved' } });
    const schedule = await getSchedule(t.db, scope, '2026-12-14');
    expect(schedule.generated).toBe(false);
    const expected = (await t.db.select({ r: visitPlanItems.retailerId }).from(visitPlanItems).where(and(eq(visitPlanItems.planId, plan.id), eq(visitPlanItems.day, '2026-12-14')))).map((x) => x.r);
    expect(schedule.items.map((i) => i.retailerId).sort()).toEqual(expected.sort());
    expect(expected).toContain(items[0].retailerId);
    const shop = await t.db.select({ id: retailers.id }).from(retailers).where(eq(retailers.id, items[0].retailerId));
    expect(shop).toHaveLength(1);
  });
});
