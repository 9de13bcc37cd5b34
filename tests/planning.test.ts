import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, sql } from 'drizzle-orm';
import { rawRows } from '@/db/index';
import { getCollectionPoints, getCollectionSheet, getForecastAccuracy, getManagerInScope, getTeamForecastAccuracy } from '@/db/queries/planning';
import { getSchedule } from '@/db/queries/schedule';
import {
  collectionSheetLines,
  collectionSheets,
  customerGroupAssignments as cga,
  dayScheduleOrders,
  forecasts,
  orderLines,
  orders,
  retailers,
  visitPlanItems,
  visitStockLines,
  visits,
} from '@/db/schema';
import { runAction } from '@/lib/action';
import { forecastAccuracy } from '@/lib/metrics/forecast';
import { saveCollectionSheetSpec } from '@/lib/planning/collection';
import { saveIndividualForecastsSpec, saveTotalForecastSpec } from '@/lib/planning/forecasts';
import { clearOverrideSpec, overrideGroupSpec, recomputeScreeningSpec } from '@/lib/planning/screening';
import { addDays, zonedTime } from '@/lib/time';
import { createTestDb } from './helpers/db';
import { makeWorld } from './helpers/fixture';

let t: Awaited<ReturnType<typeof createTestDb>>;
let w: Awaited<ReturnType<typeof makeWorld>>;
let extra: { id: number; grade: number; isEnterprise: boolean }[] = [];

const headers = () => new Headers({ origin: 'http://app.test', host: 'app.test' });
const as = (username: string) => ({ user: w.asCurrent(username), headers: headers(), db: t.db, ip: '127.0.0.1' });
const at = (iso: string) => (process.env.ROUNDS_NOW = iso);

let orderNo = 0;
/** One order delivered on `day` (ordered the day before), one line per spec given. */
async function deliver(retailerId: number, day: string, lines: { spec: number; supplied: number; ordered?: number }[], managerId = w.users.mgr1.id) {
  const org = managerId === w.users.mgr1.id ? { managerId, teamId: w.t1.id, branchId: w.b1.id } : { managerId, teamId: w.t2.id, branchId: w.b2.id };
  const no = `T${++orderNo}`;
  const orderDate = addDays(day, -1);
  await t.db.insert(orders).values({ orderNo: no, retailerId, orderDate, deliveryDate: day, settlementStatus: 'success', ...org });
  await t.db.insert(orderLines).values(
    lines.map((l) => ({ orderNo: no, specId: w.specs[l.spec].id, ordered: l.ordered ?? l.supplied, supplied: l.supplied, amountFen: l.supplied * 1000, retailerId, orderDate, deliveryDate: day, ...org })),
  );
}

// a small deterministic generator, so the varied shops are the same on every run
function lcg(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
}

// November 2026: the 1st is a Sunday, so the rule's 8 weeks run Mon 2026-08-31 … Sun 2026-10-25.
const WINDOW_START = '2026-08-31';

beforeAll(async () => {
  t = await createTestDb();
  w = await makeWorld(t.db, '2026-11-09');
  const mgr1 = w.users.mgr1;
  await t.db.update(retailers).set({ isEnterprise: true }).where(eq(retailers.id, w.shops[2].id));
  const rows = await t.db
    .insert(retailers)
    .values(
      Array.from({ length: 10 }, (_, i) => ({
        licenceNo: String(330200000000 + i),
        name: `测试烟酒店${i}`,
        owner: `店主甲${i}`,
        phone: '13900000000',
        address: `测试街${i}号`,
        area: 'city' as const,
        format: 'tobacco_liquor' as const,
        size: 'small' as const,
        grade: [26, 3, 12, 25, 24, 8, 30, 17, 1, 20][i],
        isEnterprise: i % 4 === 1,
        active: i !== 9, // an inactive shop is left out of screening
        routeId: w.routes.r1.id,
        routeSeq: 10 + i,
        managerId: mgr1.id,
        teamId: w.t1.id,
        branchId: w.b1.id,
      })),
    )
    .returning({ id: retailers.id, grade: retailers.grade, isEnterprise: retailers.isEnterprise });
  extra = rows;
  // shop 1: steady 10 条 a week; shop 2: 0 / 40 alternating (CV 1.0); shop 3 (enterprise): steady 5
  for (let k = 0; k < 8; k++) {
    const tue = addDays(WINDOW_START, 7 * k + 1);
    await deliver(w.shops[0].id, tue, [{ spec: 0, supplied: 6 }, { spec: 2, supplied: 4 }]);
    if (k % 2 === 1) await deliver(w.shops[1].id, tue, [{ spec: 1, supplied: 40 }]);
    await deliver(w.shops[2].id, tue, [{ spec: 3, supplied: 5 }]);
  }
  // the varied shops: random weeks, deliveries on the window's first and (excluded) edge days
  const rnd = lcg(7);
  for (const [i, r] of extra.entries()) {
    if (i === 5) continue; // never ordered: no CV, never high-fluctuation
    for (let d = -3; d < 60; d += 1 + Math.floor(rnd() * 6)) {
      const q = Math.floor(rnd() * (i % 3 === 0 ? 60 : 15));
      await deliver(r.id, addDays(WINDOW_START, d), [{ spec: i % 4, supplied: q, ordered: q + 1 }]);
    }
    await deliver(r.id, '2026-08-30', [{ spec: 0, supplied: 500 }]); // Sunday before the window
    await deliver(r.id, '2026-10-26', [{ spec: 0, supplied: 500 }]); // the week of the 1st
  }
});
afterAll(() => t.cleanup());

/**
 * The rule, written again in plain SQL from DOMAIN.md: weekly supplied 条 by delivery date over the 8
 * ISO weeks before the week of the month's 1st (missing weeks 0), population CV, key = grade ≥ 25 or
 * enterprise; high-fluctuation when CV > 0.5, else enterprise by flag, else general.
 */
async function oracle(managerId: number, month: string) {
  return rawRows<{ retailer_id: number; cv: number | null; is_key: boolean; grp: string }>(
    t.db,
    sql`with weeks as (
          select (date_trunc('week', ${month}::date) - make_interval(days => 7 * n))::date as ws
          from generate_series(1, 8) as n),
        shops as (select id, grade, is_enterprise from retailers where manager_id = ${managerId} and active),
        weekly as (
          select s.id, w.ws, coalesce((select sum(ol.supplied) from order_lines ol
            where ol.retailer_id = s.id and ol.delivery_date >= w.ws and ol.delivery_date < w.ws + 7), 0)::float8 as q
          from shops s cross join weeks w),
        stats as (select id, avg(q) as mean, stddev_pop(q) as sd from weekly group by id)
        select s.id as retailer_id,
          case when st.mean = 0 then null else round((st.sd / st.mean * 1000)::numeric)::int end as cv,
          (s.grade >= 25 or s.is_enterprise) as is_key,
          case when st.mean > 0 and st.sd / st.mean > 0.5 then 'high_fluctuation'
               when s.is_enterprise then 'enterprise' else 'general' end as grp
        from shops s join stats st on st.id = s.id order by s.id`,
  );
}

const assignments = (month: string, managerId: number) =>
  t.db
    .select({ retailerId: cga.retailerId, group: cga.group, isKeyCustomer: cga.isKeyCustomer, weeklyCv: cga.weeklyCv, overrideReason: cga.overrideReason })
    .from(cga)
    .where(and(eq(cga.month, month), eq(cga.managerId, managerId)))
    .orderBy(asc(cga.retailerId));

describe('customer screening (days 1–5)', () => {
  it('recomputes key customers and the three groups exactly as an independent SQL computation does, and again gives the same', async () => {
    at('2026-11-03T10:00:00+08:00');
    const r = await runAction(recomputeScreeningSpec, as('mgr1'), {});
    expect(r).toMatchObject({ ok: true, data: { month: '2026-11-01', shops: 12, overridden: 0 } });
    const expected = (await oracle(w.users.mgr1.id, '2026-11-01')).map((o) => ({ retailerId: o.retailer_id, group: o.grp, isKeyCustomer: o.is_key, weeklyCv: o.cv, overrideReason: null }));
    const got = await assignments('2026-11-01', w.users.mgr1.id);
    expect(got).toEqual(expected);
    // the fixture covers every branch of the rule
    expect(new Set(got.map((g) => g.group))).toEqual(new Set(['high_fluctuation', 'enterprise', 'general']));
    expect(got.find((g) => g.retailerId === w.shops[0].id)).toMatchObject({ group: 'general', isKeyCustomer: true, weeklyCv: 0 });
    expect(got.find((g) => g.retailerId === w.shops[1].id)).toMatchObject({ group: 'high_fluctuation', isKeyCustomer: false, weeklyCv: 1000 });
    expect(got.find((g) => g.retailerId === w.shops[2].id)).toMatchObject({ group: 'enterprise', isKeyCustomer: true, weeklyCv: 0 });
    expect(got.find((g) => g.retailerId === extra[5].id)?.weeklyCv).toBeNull();
    expect(got.some((g) => g.retailerId === extra[9].id)).toBe(false);

    expect(await runAction(recomputeScreeningSpec, as('mgr1'), {})).toMatchObject({ ok: true, data: { shops: 12 } });
    expect(await assignments('2026-11-01', w.users.mgr1.id)).toEqual(expected);
    // another manager's recompute leaves mgr1's month alone
    expect(await runAction(recomputeScreeningSpec, as('mgr2'), {})).toMatchObject({ ok: true, data: { shops: 1 } });
    expect(await assignments('2026-11-01', w.users.mgr1.id)).toEqual(expected);
    expect(await runAction(recomputeScreeningSpec, as('sup1'), {})).toMatchObject({ ok: false, status: 403 });
  });

  it('keeps a manager override, with its reason, through a recompute; clearing it returns to the rule', async () => {
    at('2026-11-04T10:00:00+08:00');
    const shop = w.shops[0].id;
    const noReason = await runAction(overrideGroupSpec, as('mgr1'), { retailerId: shop, group: 'high_fluctuation', isKeyCustomer: true, reason: ' ' });
    expect(noReason).toMatchObject({ ok: false, status: 400, fieldErrors: { reason: ['请填写调整原因（至少 2 个字）'] } });
    expect(await runAction(overrideGroupSpec, as('mgr2'), { retailerId: shop, group: 'general', isKeyCustomer: false, reason: '不是我的店' })).toMatchObject({ ok: false, status: 404 });
    const ok = await runAction(overrideGroupSpec, as('mgr1'), { retailerId: shop, group: 'high_fluctuation', isKeyCustomer: false, reason: '附近新开工地，需求起伏大' });
    expect(ok.ok).toBe(true);
    expect(await runAction(recomputeScreeningSpec, as('mgr1'), {})).toMatchObject({ ok: true, data: { overridden: 1 } });
    const row = (await assignments('2026-11-01', w.users.mgr1.id)).find((g) => g.retailerId === shop);
    expect(row).toEqual({ retailerId: shop, group: 'high_fluctuation', isKeyCustomer: false, weeklyCv: 0, overrideReason: '附近新开工地，需求起伏大' });

    expect(await runAction(clearOverrideSpec, as('mgr1'), { retailerId: shop })).toMatchObject({ ok: true, data: { group: 'general' } });
    const back = (await assignments('2026-11-01', w.users.mgr1.id)).find((g) => g.retailerId === shop);
    expect(back).toEqual({ retailerId: shop, group: 'general', isKeyCustomer: true, weeklyCv: 0, overrideReason: null });
  });

  it('asks for a screening before an override in a month that has none', async () => {
    at('2026-12-02T10:00:00+08:00');
    const r = await runAction(overrideGroupSpec, as('mgr1'), { retailerId: w.shops[0].id, group: 'general', isKeyCustomer: true, reason: '先调整' });
    expect(r).toMatchObject({ ok: false, status: 400, fieldErrors: { _form: ['请先执行本月客户筛选，再调整个别客户'] } });
  });
});

describe('total and individual forecasts', () => {
  const totals = (month: string) =>
    t.db
      .select({ priceClass: forecasts.priceClass, qty: forecasts.qty })
      .from(forecasts)
      .where(and(eq(forecasts.managerId, w.users.mgr1.id), eq(forecasts.month, month), eq(forecasts.kind, 'total')))
      .orderBy(asc(forecasts.priceClass));

  it('files five price classes once per submission and replaces them on a new one', async () => {
    at('2026-11-03T10:00:00+08:00');
    const clientId = randomUUID();
    const input = { clientId, month: '2026-11-01', qty: [120, 80, 300, 150, 40] };
    const [a, b] = await Promise.all([runAction(saveTotalForecastSpec, as('mgr1'), input), runAction(saveTotalForecastSpec, as('mgr1'), input)]);
    expect(a).toMatchObject({ ok: true, data: { total: 690 } });
    expect(b).toMatchObject({ ok: true, data: { total: 690 } });
    expect(await totals('2026-11-01')).toEqual([1, 2, 3, 4, 5].map((c, i) => ({ priceClass: c, qty: input.qty[i] })));
    await runAction(saveTotalForecastSpec, as('mgr1'), { clientId: randomUUID(), month: '2026-11-01', qty: [100, 80, 300, 150, 0] });
    expect((await totals('2026-11-01')).map((r) => r.qty)).toEqual([100, 80, 300, 150, 0]);
  });

  it('refuses bad quantities and closed months next to the field, and other roles', async () => {
    at('2026-11-20T10:00:00+08:00');
    const bad = await runAction(saveTotalForecastSpec, as('mgr1'), { clientId: randomUUID(), month: '2026-11-01', qty: [10, -1, 5_000_000, 1.5, 0] });
    expect(bad).toMatchObject({
      ok: false,
      status: 400,
      fieldErrors: { 'qty.1': ['数量不能为负数'], 'qty.2': ['数量超出合理范围（最多 1,000,000 条），请检查是否多输了 0'], 'qty.3': ['请填写整数（条）'] },
    });
    const closed = await runAction(saveTotalForecastSpec, as('mgr1'), { clientId: randomUUID(), month: '2026-10-01', qty: [1, 1, 1, 1, 1] });
    expect(closed).toMatchObject({ ok: false, status: 400, fieldErrors: { month: ['只能填报本月或下月的总量预测'] } });
    // next month may be filed ahead (the last working day prepares it)
    expect(await runAction(saveTotalForecastSpec, as('mgr1'), { clientId: randomUUID(), month: '2026-12-01', qty: [1, 2, 3, 4, 5] })).toMatchObject({ ok: true });
    expect(await runAction(saveTotalForecastSpec, as('sup1'), { clientId: randomUUID(), month: '2026-11-01', qty: [1, 1, 1, 1, 1] })).toMatchObject({ ok: false, status: 403 });
  });

  it('takes individual forecasts only for the month’s high-fluctuation and enterprise-level shops in scope', async () => {
    at('2026-11-07T10:00:00+08:00');
    const save = (who: string, lines: unknown[]) => runAction(saveIndividualForecastsSpec, as(who), { clientId: randomUUID(), month: '2026-11-01', lines });
    expect(await save('mgr1', [{ retailerId: w.shops[1].id, qty: 90, note: '工地开工' }, { retailerId: w.shops[2].id, qty: 22 }])).toMatchObject({ ok: true, data: { shops: 2 } });
    expect(await save('mgr1', [{ retailerId: w.shops[1].id, qty: 95 }])).toMatchObject({ ok: true });
    const rows = await t.db
      .select({ retailerId: forecasts.retailerId, qty: forecasts.qty, note: forecasts.note })
      .from(forecasts)
      .where(and(eq(forecasts.month, '2026-11-01'), eq(forecasts.kind, 'individual')))
      .orderBy(asc(forecasts.retailerId));
    expect(rows).toEqual([
      { retailerId: w.shops[1].id, qty: 95, note: null },
      { retailerId: w.shops[2].id, qty: 22, note: null },
    ]);
    expect(await save('mgr1', [{ retailerId: w.shops[0].id, qty: 10 }])).toMatchObject({ ok: false, status: 404 }); // a general shop
    expect(await save('mgr2', [{ retailerId: w.shops[1].id, qty: 10 }])).toMatchObject({ ok: false, status: 404 }); // not theirs
    expect(await save('mgr1', [{ retailerId: w.shops[1].id, qty: -3 }])).toMatchObject({ ok: false, fieldErrors: { 'lines.0.qty': ['数量不能为负数'] } });
  });
});

describe('forecast accuracy after the month', () => {
  it('follows max(0, 1 − |forecast − actual| ÷ actual) with "—" (null) when nothing was ordered', () => {
    expect(forecastAccuracy(80, 100)).toBeCloseTo(0.8);
    expect(forecastAccuracy(120, 100)).toBeCloseTo(0.8);
    expect(forecastAccuracy(350, 100)).toBe(0);
    expect(forecastAccuracy(0, 100)).toBe(0);
    expect(forecastAccuracy(50, 0)).toBeNull();
    expect(forecastAccuracy(0, 0)).toBeNull();
  });

  it('scores the total by price class and each shop on ordered 条, for the manager and the supervisor’s team', async () => {
    at('2026-11-03T10:00:00+08:00');
    const month = '2026-07-01';
    const stamps = { managerId: w.users.mgr1.id, teamId: w.t1.id, branchId: w.b1.id };
    await t.db.insert(forecasts).values([
      ...[100, 0, 50, 30, 10].map((qty, i) => ({ month, kind: 'total' as const, priceClass: i + 1, qty, ...stamps })),
      { month, kind: 'individual', retailerId: w.shops[1].id, qty: 400, ...stamps },
      { month, kind: 'individual', retailerId: w.shops[2].id, qty: 45, ...stamps },
      { month, kind: 'individual', retailerId: w.shops[0].id, qty: 5, ...stamps },
    ]);
    // ordered (not supplied) counts, by order date: class 1 = 60 + 40, class 3 = 50 + 99; nothing in 2, 4, 5
    await deliver(w.shops[1].id, '2026-07-10', [{ spec: 0, supplied: 20, ordered: 60 }]);
    await deliver(w.shops[1].id, '2026-07-20', [{ spec: 1, supplied: 40, ordered: 40 }, { spec: 2, supplied: 0, ordered: 0 }]);
    await deliver(w.shops[2].id, '2026-07-15', [{ spec: 2, supplied: 50, ordered: 50 }]);
    await deliver(w.shops[2].id, '2026-08-01', [{ spec: 2, supplied: 99, ordered: 99 }]); // ordered 07-31: counts
    await deliver(w.shops[2].id, '2026-07-01', [{ spec: 2, supplied: 77, ordered: 77 }]); // ordered 06-30: does not
    await deliver(w.shops[3].id, '2026-07-15', [{ spec: 3, supplied: 9, ordered: 9 }], w.users.mgr2.id); // another manager's

    const a = await getForecastAccuracy(t.db, w.users.mgr1.id, month);
    expect(a.classes).toEqual([
      { priceClass: 1, forecast: 100, actual: 100, accuracy: 1 },
      { priceClass: 2, forecast: 0, actual: 0, accuracy: null },
      { priceClass: 3, forecast: 50, actual: 149, accuracy: 1 - 99 / 149 },
      { priceClass: 4, forecast: 30, actual: 0, accuracy: null },
      { priceClass: 5, forecast: 10, actual: 0, accuracy: null },
    ]);
    expect(a.total).toEqual({ forecast: 190, actual: 249, accuracy: 1 - 59 / 249 });
    expect(a.shops.map((s) => [s.retailerId, s.forecast, s.actual, s.accuracy])).toEqual([
      [w.shops[0].id, 5, 0, null],
      [w.shops[1].id, 400, 100, 0],
      [w.shops[2].id, 45, 149, 1 - 104 / 149],
    ]);
    expect(a.individualMean).toBeCloseTo((0 + 1 - 104 / 149) / 2);

    const team = await getTeamForecastAccuracy(t.db, w.asCurrent('sup1'), month);
    expect(team).toEqual([{ managerId: w.users.mgr1.id, name: '张伟', total: a.total, individualShops: 3, individualMean: a.individualMean }]);
    // a month without a filed total: no forecast, no accuracy, actuals still shown
    expect((await getForecastAccuracy(t.db, w.users.mgr2.id, month)).total).toEqual({ forecast: null, actual: 9, accuracy: null });
    expect(await getManagerInScope(t.db, w.asCurrent('sup1'), w.users.mgr2.id)).toBeNull();
    expect(await getManagerInScope(t.db, w.asCurrent('sup1'), w.users.mgr1.id)).toMatchObject({ id: w.users.mgr1.id });
    expect(await getManagerInScope(t.db, w.asCurrent('mgr2'), w.users.mgr1.id)).toBeNull();
  });
});

describe("Today on days 6–10", () => {
  const order = async (day: string) => (await getSchedule(t.db, w.asCurrent('mgr1'), day)).items.map((i) => i.retailerId);

  it('puts high-fluctuation and enterprise-level shops first, keeping each part in plan order, only on days 6–10 and only until the manager reorders', async () => {
    const [s1, s2, s3] = w.shops.map((s) => s.id);
    const stamps = { managerId: w.users.mgr1.id, teamId: w.t1.id, branchId: w.b1.id };
    const [{ planId }] = await t.db.select({ planId: visitPlanItems.planId }).from(visitPlanItems).limit(1);
    // shop 1 is general, shop 2 high-fluctuation, shop 3 enterprise (November's screening above)
    for (const day of ['2026-11-10', '2026-11-11', '2026-11-05'])
      await t.db.insert(visitPlanItems).values([s1, s2, s3].map((id, i) => ({ planId, day, retailerId: id, seq: i + 1, ...stamps })));
    expect(await order('2026-11-09')).toEqual([s2, s1]); // the fixture's plan: 1, 2
    expect(await order('2026-11-10')).toEqual([s2, s3, s1]);
    expect(await order('2026-11-11')).toEqual([s1, s2, s3]);
    expect(await order('2026-11-05')).toEqual([s1, s2, s3]);
    await t.db.insert(dayScheduleOrders).values({ day: '2026-11-10', retailerIds: [s1, s3, s2], ...stamps });
    expect(await order('2026-11-10')).toEqual([s1, s3, s2]);
  });
});

describe('collection sheets', () => {
  const line = (spec: number, over: Record<string, unknown> = {}) => ({ specId: w.specs[spec].id, purchases: 10, sales: 8, stock: 12, price: '450', stockOutDays: 0, ...over });
  const save = (who: string, input: Record<string, unknown>) =>
    runAction(saveCollectionSheetSpec, as(who), { clientId: randomUUID(), retailerId: w.shops[0].id, weekStart: '2026-11-02', lines: [line(0)], ...input });

  beforeAll(async () => {
    await t.db.update(retailers).set({ isCollectionPoint: true }).where(eq(retailers.id, w.shops[0].id));
  });

  it('pre-fills purchases from the week’s deliveries and stock from the latest visit', async () => {
    at('2026-11-09T10:00:00+08:00');
    await deliver(w.shops[0].id, '2026-11-03', [{ spec: 0, supplied: 7 }, { spec: 3, supplied: 4 }]);
    await deliver(w.shops[0].id, '2026-11-06', [{ spec: 0, supplied: 3 }]);
    await deliver(w.shops[0].id, '2026-11-09', [{ spec: 0, supplied: 50 }]); // the next week
    const stamps = { managerId: w.users.mgr1.id, teamId: w.t1.id, branchId: w.b1.id };
    const mk = async (dayAt: string, stock: number) => {
      const startedAt = zonedTime(dayAt, '10:00');
      const [v] = await t.db
        .insert(visits)
        .values({ retailerId: w.shops[0].id, routeId: w.routes.r1.id, area: 'city', visitDate: dayAt, startedAt, endedAt: startedAt, durationSec: 600, sections: {} as never, ...stamps })
        .returning({ id: visits.id });
      await t.db.insert(visitStockLines).values({ visitId: v.id, specId: w.specs[0].id, stock, onCounter: true, priceTagOk: true, retailerId: w.shops[0].id, visitedAt: startedAt, visitDate: dayAt, ...stamps });
    };
    await mk('2026-11-04', 21);
    await mk('2026-11-09', 99); // after the week: not the week's stock
    const sheet = await getCollectionSheet(t.db, { id: w.shops[0].id, grade: 28, area: 'city' }, '2026-11-02');
    expect(sheet.savedAt).toBeNull();
    const byName = Object.fromEntries(sheet.lines.map((l) => [l.specName, l]));
    expect(byName['中华(硬)']).toMatchObject({ purchases: 10, stock: 21, sales: null, priceFen: 45000, stockOutDays: 0 });
    expect(byName['红金龙(硬新版)']).toMatchObject({ purchases: 4, stock: null });
  });

  it('refuses impossible figures next to the field', async () => {
    at('2026-11-09T10:00:00+08:00');
    const r = await save('mgr1', {
      lines: [line(0, { stock: -1, stockOutDays: 8 }), line(1, { price: '12.345', sales: 1.5 }), line(2, { purchases: 999_999 }), line(3, { price: '0' }), line(1, { price: ' ', purchases: undefined })],
    });
    expect(r).toMatchObject({
      ok: false,
      status: 400,
      fieldErrors: {
        'lines.0.stock': ['库存不能为负数'],
        'lines.0.stockOutDays': ['断货天数不能超过 7 天'],
        'lines.1.price': ['零售价请填写金额，如 45 或 45.50（元/条）'],
        'lines.1.sales': ['请填写销量（整数，条）'],
        'lines.3.price': ['零售价必须大于 0'],
        'lines.4.price': ['请填写零售价（元/条）'],
        'lines.4.purchases': ['请填写进货量（整数，条）'],
      },
    });
    const absurd = await save('mgr1', { lines: [line(2, { purchases: 999_999 })] });
    expect(absurd).toMatchObject({ ok: false, fieldErrors: { 'lines.0.purchases': ['进货量超出合理范围（一个规格最多 2000 条），请检查是否多输了 0'] } });
    expect(await save('mgr1', { weekStart: '2026-11-16' })).toMatchObject({ ok: false, fieldErrors: { weekStart: ['不能填写未来的周'] } });
    expect(await save('mgr1', { weekStart: '2026-11-04' })).toMatchObject({ ok: false, fieldErrors: { weekStart: ['请选择一周（从周一开始）'] } });
    expect(await save('mgr1', { weekStart: '2026-08-31' })).toMatchObject({ ok: false, fieldErrors: { weekStart: ['只能填写最近 8 周的采集表'] } });
    expect(await t.db.select({ id: collectionSheets.id }).from(collectionSheets)).toEqual([]);
  });

  it('saves one sheet per shop and week, whatever the retries and corrections', async () => {
    at('2026-11-09T10:00:00+08:00');
    const clientId = randomUUID();
    const first = { clientId, lines: [line(0, { price: '455.50' }), line(2, { stockOutDays: 7 })] };
    const [a, b] = await Promise.all([save('mgr1', first), save('mgr1', first)]);
    expect(a.ok && b.ok && a.data.sheetId === b.data.sheetId).toBe(true);
    const c = await save('mgr1', { lines: [line(0, { price: '460', stock: 3 })] });
    expect(c).toMatchObject({ ok: true, data: { sheetId: a.ok ? a.data.sheetId : -1 } });
    const sheets = await t.db.select({ id: collectionSheets.id }).from(collectionSheets).where(eq(collectionSheets.retailerId, w.shops[0].id));
    expect(sheets).toHaveLength(1);
    const lines = await t.db.select({ specId: collectionSheetLines.specId, priceFen: collectionSheetLines.priceFen, stock: collectionSheetLines.stock }).from(collectionSheetLines);
    expect(lines).toEqual([{ specId: w.specs[0].id, priceFen: 46000, stock: 3 }]);
  });

  it('is the manager’s own shop and a collection point, readable by the team’s supervisor', async () => {
    at('2026-11-09T10:00:00+08:00');
    expect(await save('mgr2', {})).toMatchObject({ ok: false, status: 404 });
    expect(await save('mgr1', { retailerId: w.shops[1].id })).toMatchObject({ ok: false, status: 404 });
    expect(await save('sup1', {})).toMatchObject({ ok: false, status: 403 });
    const team = await getCollectionPoints(t.db, w.asCurrent('sup1'), '2026-11-02');
    expect(team.map((p) => [p.retailerId, p.sheetId !== null])).toEqual([[w.shops[0].id, true]]);
    expect(await getCollectionPoints(t.db, w.asCurrent('mgr2'), '2026-11-02')).toEqual([]);
  });
});
