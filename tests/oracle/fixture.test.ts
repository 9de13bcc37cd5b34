import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { rawRows } from '@/db/index';
import { getMovingRate, getPeriodSums, getStockRetailers, getVisitSums, resolveFilter } from '@/db/queries/dashboard';
import { rebuildRollups, type Period } from '@/db/rollups';
import { orderLines, orders, retailers, visitStockLines, visits } from '@/db/schema';
import { periodFigures } from '@/lib/dashboard/overview';
import type { Scope } from '@/lib/auth/scope';
import { zonedTime } from '@/lib/time';
import { createTestDb } from '../helpers/db';
import { makeWorld } from '../helpers/fixture';
import { oracleMovingRate, oracleSellThrough, oracleShelving, oracleStock, oracleVisitCompletion } from './sql';

// A world small enough to work out by hand. Week of Mon 2026-11-16, team 1:
//   s1 (grade 28; key 中华, 红塔山)  V1 11-16 off-plan: 中华 10 on, 红塔山 4 on, 玉溪 3
//                                  delivery of 中华 ×8 on 11-18, the day of V2 (same-day delivery)
//                                  V2 11-18 planned: 中华 12 on, 红塔山 6 off (红塔山 pair 4+0−6 < 0: a data problem)
//   s2 (grade 15; key 中华, 红塔山)  V3 11-18 planned, 5 minutes (short): 中华 2 off, 红塔山 line missing
//   s3 (grade 5; key 红塔山)        V4 11-19 off-plan: 红塔山 0 off
//   s5 (grade 25; key both)        V5 11-16 by mgr1: 中华 5 on, 红塔山 5 on; delivery 中华 ×4 on 11-17;
//                                  reassigned to mgr1b; V6 11-20 by mgr1b off-plan: 中华 3 on, 红塔山 2 off
//                                  orders 玉溪 ×2 from mgr1 on 10-12 and ×3 from mgr1b on 11-25
const DAY = '2026-11-18';
const WEEK: Period = { kind: 'week', start: '2026-11-16' };
const EMPTY_WEEK: Period = { kind: 'week', start: '2026-11-09' };
const MONTH: Period = { kind: 'month', start: '2026-11-01' };

let t: Awaited<ReturnType<typeof createTestDb>>;
let w: Awaited<ReturnType<typeof makeWorld>>;
let scope: Scope;
let mgr1b: number;

beforeAll(async () => {
  t = await createTestDb();
  w = await makeWorld(t.db, DAY);
  const [zh, yx, hts] = w.specs.map((s) => s.id);
  const [s1, s2, s3] = w.shops.map((s) => s.id);
  const org = { teamId: w.t1.id, branchId: w.b1.id };
  const [b] = await rawRows<{ id: number }>(
    t.db,
    sql`insert into users (username, name, role, branch_id, team_id, password_hash) values ('mgr1b', '赵敏', 'manager', ${w.b1.id}, ${w.t1.id}, 'x') returning id`,
  );
  mgr1b = b.id;
  const [s5] = await t.db
    .insert(retailers)
    .values({ licenceNo: '330100000005', name: '测试便利店5', owner: '店主5', phone: '13800000005', address: '测试路5号', area: 'city', format: 'convenience', size: 'medium', grade: 25, routeId: w.routes.r1.id, routeSeq: 5, managerId: mgr1b, ...org })
    .returning({ id: retailers.id });
  const [item1, item2] = await rawRows<{ id: number; retailer_id: number }>(t.db, sql`select id, retailer_id from visit_plan_items order by seq`);

  const visit = async (shop: number, manager: number, day: string, from: string, minutes: number, planItemId: number | null, lines: [number, number, boolean][]) => {
    const id = randomUUID();
    const startedAt = zonedTime(day, from);
    await t.db.insert(visits).values({
      id, retailerId: shop, routeId: w.routes.r1.id, area: 'city', planItemId, offPlan: planItemId === null, visitDate: day, startedAt,
      endedAt: new Date(startedAt.getTime() + minutes * 60_000), durationSec: minutes * 60, short: minutes < 8,
      sections: {} as never, managerId: manager, ...org,
    });
    await t.db.insert(visitStockLines).values(
      lines.map(([specId, stock, onCounter]) => ({ visitId: id, specId, stock, onCounter, priceTagOk: true, isKey: specId !== yx, retailerId: shop, visitedAt: startedAt, visitDate: day, managerId: manager, ...org })),
    );
  };
  const delivery = async (no: string, shop: number, manager: number, specId: number, qty: number, day: string) => {
    await t.db.insert(orders).values({ orderNo: no, retailerId: shop, orderDate: day, deliveryDate: day, settlementStatus: 'success', managerId: manager, ...org });
    await t.db.insert(orderLines).values({ orderNo: no, specId, ordered: qty, supplied: qty, amountFen: qty * 100, retailerId: shop, orderDate: day, deliveryDate: day, managerId: manager, ...org });
  };
  const m1 = w.users.mgr1.id;
  await visit(s1, m1, '2026-11-16', '10:00', 12, null, [[zh, 10, true], [hts, 4, true], [yx, 3, false]]);
  await delivery('SO-A', s1, m1, zh, 8, '2026-11-18');
  await visit(s1, m1, '2026-11-18', '09:30', 15, item1.retailer_id === s1 ? item1.id : item2.id, [[zh, 12, true], [hts, 6, false]]);
  await visit(s2, m1, '2026-11-18', '10:00', 5, item1.retailer_id === s2 ? item1.id : item2.id, [[zh, 2, false]]);
  await visit(s3, m1, '2026-11-19', '11:00', 20, null, [[hts, 0, false]]);
  await visit(s5.id, m1, '2026-11-16', '14:00', 10, null, [[zh, 5, true], [hts, 5, true]]);
  await delivery('SO-B', s5.id, m1, zh, 4, '2026-11-17');
  await visit(s5.id, mgr1b, '2026-11-20', '10:00', 10, null, [[zh, 3, true], [hts, 2, false]]);
  // s5 ordered 玉溪 from mgr1 in October and from mgr1b in November (after the week above)
  await delivery('SO-C', s5.id, m1, yx, 2, '2026-10-12');
  await delivery('SO-D', s5.id, mgr1b, yx, 3, '2026-11-25');
  await rebuildRollups(t.db);
  scope = { role: 'supervisor', userId: w.users.sup1.id, teamId: w.t1.id, branchId: w.b1.id };
  void eq;
});
afterAll(() => t.cleanup());

const range = { from: '2026-11-16', to: '2026-11-22' };

describe('the hand-worked fixture', () => {
  it('visits: planned, visited, off-plan and short', async () => {
    const f = (await resolveFilter(t.db, scope, { period: WEEK }))!;
    const v = (await getVisitSums(t.db, scope, f, WEEK)).get('')!;
    expect(v).toMatchObject({ planned: 2, plannedMade: 2, made: 6, offPlan: 4, short: 1 });
    expect(await oracleVisitCompletion(t.db, w.t1.id, range)).toEqual({ planned: 2, visited: 2, made: 6, off_plan: 4, short: 1 });
    // a manager with nothing planned: a dash, not 0%
    const fb = (await resolveFilter(t.db, scope, { period: WEEK, managerId: mgr1b }))!;
    expect((await periodFigures(t.db, scope, fb, WEEK)).visitCompletion).toBeNull();
  });

  it('shelving: a missing key line is not shelved; the reassigned shop counts for its new manager', async () => {
    const f = (await resolveFilter(t.db, scope, { period: WEEK }))!;
    const brand = await getPeriodSums(t.db, scope, f, [WEEK], 'brand');
    expect([brand.get('中华')?.eligible, brand.get('中华')?.shelved]).toEqual([3, 2]);
    expect([brand.get('红塔山')?.eligible, brand.get('红塔山')?.shelved]).toEqual([4, 0]);
    const byManager = await getPeriodSums(t.db, scope, f, [WEEK], 'manager');
    expect([byManager.get(String(w.users.mgr1.id))?.eligible, byManager.get(String(w.users.mgr1.id))?.shelved]).toEqual([5, 1]);
    expect([byManager.get(String(mgr1b))?.eligible, byManager.get(String(mgr1b))?.shelved]).toEqual([2, 1]);
    expect((await periodFigures(t.db, scope, f, WEEK)).shelvingRate).toBeCloseTo(2 / 7, 10);
    const o = await oracleShelving(t.db, w.t1.id, range);
    expect(o.sort((a, b) => a.brand.localeCompare(b.brand))).toEqual(
      [
        { brand: '中华', eligible: 3, shelved: 2 },
        { brand: '红塔山', eligible: 4, shelved: 0 },
      ].sort((a, b) => a.brand.localeCompare(b.brand)),
    );
    // a week with no visits: no denominator, a dash
    const fe = (await resolveFilter(t.db, scope, { period: EMPTY_WEEK }))!;
    expect((await periodFigures(t.db, scope, fe, EMPTY_WEEK)).shelvingRate).toBeNull();
  });

  it('sell-through: same-day delivery counted, the negative pair left out and flagged', async () => {
    const f = (await resolveFilter(t.db, scope, { period: WEEK }))!;
    const bySpec = await getPeriodSums(t.db, scope, f, [WEEK], 'spec');
    const [zh, yx, hts] = w.specs.map((s) => String(s.id));
    expect(bySpec.get(zh)).toMatchObject({ impliedSales: 12, sellBase: 27, negativePairs: 0 });
    expect(bySpec.get(hts)).toMatchObject({ impliedSales: 3, sellBase: 5, negativePairs: 1 });
    expect(bySpec.get(yx)?.sellBase ?? 0).toBe(0); // no second visit: no pair, no rate
    expect((await periodFigures(t.db, scope, f, WEEK)).sellThrough).toBeCloseTo(15 / 32, 10);
    const o = await oracleSellThrough(t.db, w.t1.id, range);
    expect(o.map((r) => [String(r.spec_id), r.implied, r.base, r.negative]).sort()).toEqual(
      [
        [zh, 12, 27, 0],
        [hts, 3, 5, 1],
      ].sort(),
    );
  });

  it('period stock: the latest line of each shop × spec, attributed to whoever recorded it', async () => {
    const f = (await resolveFilter(t.db, scope, { period: WEEK }))!;
    expect((await getPeriodSums(t.db, scope, f, [WEEK])).get('')?.stockSum).toBe(28);
    expect((await getStockRetailers(t.db, scope, f, [WEEK])).get('')).toBe(4);
    expect((await periodFigures(t.db, scope, f, WEEK)).avgStock).toBe(7);
    const byManager = await getPeriodSums(t.db, scope, f, [WEEK], 'manager');
    expect(byManager.get(String(w.users.mgr1.id))?.stockSum).toBe(23);
    expect(byManager.get(String(mgr1b))?.stockSum).toBe(5);
    expect(await oracleStock(t.db, w.t1.id, '2026-11-22')).toEqual({ stock: 28, shops: 4 });
  });

  it('moving-sales rate: the reassigned shop ordered 玉溪 before (mgr1) and now (mgr1b)', async () => {
    const yx = w.specs[1].id;
    const rate = async (managerId?: number) => (await getMovingRate(t.db, scope, (await resolveFilter(t.db, scope, { period: MONTH, managerId }))!, MONTH.start)).get(yx);
    expect(await rate()).toEqual({ d: 1, now: 1 }); // the team: ordered before, and now
    expect(await rate(w.users.mgr1.id)).toEqual({ d: 1, now: 0 }); // mgr1's rows: before only
    expect(await rate(mgr1b)).toBeUndefined(); // mgr1b's rows: now only, no base
    // 中华: s1 and s5 ordered it in November only, so no shop has a base
    expect((await getMovingRate(t.db, scope, (await resolveFilter(t.db, scope, { period: MONTH }))!, MONTH.start)).get(w.specs[0].id)).toBeUndefined();
    const o = await oracleMovingRate(t.db, w.t1.id, MONTH.start);
    expect(o.map((r) => [Number(r.spec_id), Number(r.d), Number(r.now)])).toEqual([[yx, 1, 1]]);
  });
});
