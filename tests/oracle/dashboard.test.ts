import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { getAgreementRows, getComplaintWeeks, getMovingRate, getPeriodSums, getShopStockRisk, getStockRetailers, getTargets, getVisitSums, previousPeriod, previousView, resolveFilter } from '@/db/queries/dashboard';
import { periodEnd, type Period } from '@/db/rollups';
import { users } from '@/db/schema';
import { seed } from '@/db/seed/index';
import { getOverview, periodFigures } from '@/lib/dashboard/overview';
import type { Scope } from '@/lib/auth/scope';
import { addDays } from '@/lib/time';
import { createTestDb } from '../helpers/db';
import { oracleAgreement, oracleComplaintWeek, oracleMovingRate, oracleSellThrough, oracleShelving, oracleShopStock, oracleStock, oracleStockByClass, oracleTarget, oracleVisitCompletion } from './sql';

// Every dashboard figure on the `test` data set against the oracle: counts exact, rates to the
// displayed precision (0.1%).
const TODAY = '2026-11-26';
const PERIODS: Period[] = [
  { kind: 'week', start: '2026-11-09' },
  { kind: 'week', start: '2026-11-16' },
  { kind: 'week', start: '2026-11-23' },
  { kind: 'month', start: '2026-10-01' },
  { kind: 'month', start: '2026-11-01' },
];

let t: Awaited<ReturnType<typeof createTestDb>>;
let supervisors: Scope[];

beforeAll(async () => {
  t = await createTestDb();
  await seed(t.db, { scale: 'test', seed: 42, today: TODAY });
  const rows = await t.db.select({ id: users.id, teamId: users.teamId, branchId: users.branchId }).from(users).where(and(eq(users.role, 'supervisor')));
  supervisors = rows.map((r) => ({ role: 'supervisor', userId: r.id, teamId: r.teamId, branchId: r.branchId }));
  expect(supervisors.length).toBeGreaterThanOrEqual(2);
}, 240_000);
afterAll(() => t.cleanup());

const pct = (r: number | null) => (r === null ? '—' : (r * 100).toFixed(1));
const range = (p: Period) => ({ from: p.start, to: addDays(periodEnd(p), -1) });

describe.each(PERIODS)('dashboard figures for the $kind of $start match the oracle', (p) => {
  it('visit completion, short and off-plan visits', async () => {
    for (const scope of supervisors) {
      const f = (await resolveFilter(t.db, scope, { period: p }))!;
      const v = (await getVisitSums(t.db, scope, f, p)).get('')!;
      const o = await oracleVisitCompletion(t.db, scope.teamId!, range(p));
      expect({ planned: v.planned, visited: v.plannedMade, made: v.made, offPlan: v.offPlan, short: v.short }).toEqual({
        planned: o.planned,
        visited: o.visited,
        made: o.made,
        offPlan: o.off_plan,
        short: o.short,
      });
      expect(o.planned).toBeGreaterThan(0);
      const fig = await periodFigures(t.db, scope, f, p);
      expect(pct(fig.visitCompletion)).toBe(pct(o.visited / o.planned));
    }
  });

  it("the overview reads this view and the one before together, with the same figures as each alone", async () => {
    for (const scope of supervisors) {
      const f = (await resolveFilter(t.db, scope, { period: p }))!;
      const prev = previousView(f);
      const o = await getOverview(t.db, scope, f, prev, TODAY);
      expect(o.cur).toEqual(await periodFigures(t.db, scope, f, p));
      expect(o.before).toEqual(await periodFigures(t.db, scope, f, prev.period));
      expect(o.cur.visits.made).toBeGreaterThan(0);
      const month = p.kind === 'month' ? p : { kind: 'month' as const, start: p.start.slice(0, 8) + '01' };
      const o2 = await oracleTarget(t.db, scope.teamId!, month.start);
      expect({ purchases: o.target.purchases, qty: o.target.qty }).toEqual({ purchases: o2.bought, qty: o2.target });
    }
  });

  it('key-brand shelving by brand and in total', async () => {
    for (const scope of supervisors) {
      const f = (await resolveFilter(t.db, scope, { period: p }))!;
      const byBrand = await getPeriodSums(t.db, scope, f, [p], 'brand');
      const o = await oracleShelving(t.db, scope.teamId!, range(p));
      expect(o.length).toBeGreaterThan(0);
      for (const row of o) {
        const got = byBrand.get(row.brand);
        expect({ brand: row.brand, eligible: got?.eligible, shelved: got?.shelved }).toEqual({ brand: row.brand, eligible: row.eligible, shelved: row.shelved });
      }
      const total = o.reduce((a, r) => ({ e: a.e + r.eligible, s: a.s + r.shelved }), { e: 0, s: 0 });
      const fig = await periodFigures(t.db, scope, f, p);
      expect(pct(fig.shelvingRate)).toBe(pct(total.s / total.e));
    }
  });

  it('sell-through by spec, with negative pairs counted apart', async () => {
    for (const scope of supervisors) {
      const f = (await resolveFilter(t.db, scope, { period: p }))!;
      const bySpec = await getPeriodSums(t.db, scope, f, [p], 'spec');
      const o = await oracleSellThrough(t.db, scope.teamId!, range(p));
      expect(o.length).toBeGreaterThan(0);
      for (const row of o) {
        const got = bySpec.get(String(row.spec_id));
        expect({ spec: row.spec_id, implied: got?.impliedSales, base: got?.sellBase, negative: got?.negativePairs }).toEqual({
          spec: row.spec_id,
          implied: row.implied,
          base: row.base,
          negative: row.negative,
        });
      }
    }
  });

  it('average period stock per shop', async () => {
    for (const scope of supervisors) {
      const f = (await resolveFilter(t.db, scope, { period: p }))!;
      const sums = (await getPeriodSums(t.db, scope, f, [p])).get('')!;
      const shops = (await getStockRetailers(t.db, scope, f, [p])).get('') ?? 0;
      const o = await oracleStock(t.db, scope.teamId!, addDays(periodEnd(p), -1));
      expect({ stock: sums.stockSum, shops }).toEqual({ stock: o.stock, shops: o.shops });
      // by period and price class in one read, as the inventory page's weekly lines take it
      const periods = [previousPeriod(p), p];
      const byClass = await getPeriodSums(t.db, scope, f, periods, 'periodPriceClass', 'visits');
      for (const q of periods) {
        const expected = await oracleStockByClass(t.db, scope.teamId!, addDays(periodEnd(q), -1));
        const got = [...byClass.entries()].filter(([k, v]) => k.startsWith(`${q.start}|`) && v.stockSum > 0).map(([k, v]) => [Number(k.split('|')[1]), v.stockSum]);
        expect(got.sort()).toEqual(expected.filter((r) => Number(r.stock) > 0).map((r) => [Number(r.price_class), Number(r.stock)]).sort());
        expect([...byClass.values()].every((v) => v.purchases === 0 && v.ordered === 0)).toBe(true); // the orders' rollup was not read
      }
    }
  });

  it('complaints received, resolved on time and followed up, week by week', async () => {
    if (p.kind !== 'week') return;
    for (const scope of supervisors) {
      const f = (await resolveFilter(t.db, scope, { period: p }))!;
      const rows = await getComplaintWeeks(t.db, scope, f, [p.start]);
      const sum = (k: 'opened' | 'resolved' | 'resolvedOnTime' | 'followedUp' | 'satisfied') => rows.reduce((a, r) => a + r[k], 0);
      const o = await oracleComplaintWeek(t.db, scope.teamId!, p.start);
      expect({ opened: sum('opened'), resolved: sum('resolved'), onTime: sum('resolvedOnTime'), followed: sum('followedUp'), satisfied: sum('satisfied') }).toEqual({
        opened: o.opened,
        resolved: o.resolved,
        onTime: o.on_time,
        followed: o.followed,
        satisfied: o.satisfied,
      });
    }
  });

  it('target completion and order fill for the month', async () => {
    if (p.kind !== 'month') return;
    for (const scope of supervisors) {
      const f = (await resolveFilter(t.db, scope, { period: p }))!;
      const sums = (await getPeriodSums(t.db, scope, f, [p])).get('')!;
      const target = (await getTargets(t.db, scope, f, p.start)).get('')!;
      const o = await oracleTarget(t.db, scope.teamId!, p.start);
      expect({ bought: sums.purchases, ordered: sums.ordered, target: target.qty }).toEqual({ bought: o.bought, ordered: o.ordered, target: o.target });
      expect(o.target).toBeGreaterThan(0);
    }
  });

  it('moving-sales rate per spec: shops that ordered it in the 3 months before, and of them those ordering now', async () => {
    if (p.kind !== 'month') return;
    for (const scope of supervisors) {
      const f = (await resolveFilter(t.db, scope, { period: p }))!;
      const got = await getMovingRate(t.db, scope, f, p.start);
      const o = await oracleMovingRate(t.db, scope.teamId!, p.start);
      expect(got).toEqual(new Map(o.map((r) => [Number(r.spec_id), { d: Number(r.d), now: Number(r.now) }])));
      expect(o.some((r) => Number(r.now) > 0 && Number(r.now) < Number(r.d))).toBe(true);
    }
  });

  it("agreement progress: each shop's agreed volume and its purchases in the month", async () => {
    if (p.kind !== 'month') return;
    for (const scope of supervisors) {
      const f = (await resolveFilter(t.db, scope, { period: p }))!;
      const got = (await getAgreementRows(t.db, scope, f, p.start)).map((r) => ({ retailer_id: r.retailerId, agreed: r.agreed, bought: r.bought }));
      const o = await oracleAgreement(t.db, scope.teamId!, p.start);
      expect(o.length).toBeGreaterThan(0);
      expect(o.some((r) => r.bought > 0)).toBe(true);
      expect(got.sort((a, b) => a.retailer_id - b.retailer_id)).toEqual(o.map((r) => ({ retailer_id: Number(r.retailer_id), agreed: Number(r.agreed), bought: Number(r.bought) })));
    }
  });
});

describe('the inventory risk table matches the oracle', () => {
  it("each shop's stock now and implied sales over the last 28 days", async () => {
    for (const scope of supervisors) {
      const f = (await resolveFilter(t.db, scope, { period: PERIODS[2] }))!;
      const rows = await getShopStockRisk(t.db, f, f.org.managers.map((m) => m.id), TODAY);
      const o = await oracleShopStock(t.db, scope.teamId!, TODAY);
      const got = new Map(rows.map((r) => [r.retailerId, { stock: r.stock, sales28: r.sales28 }]));
      expect(got).toEqual(new Map(o.map((r) => [Number(r.retailer_id), { stock: Number(r.stock), sales28: Number(r.sales28) }])));
      expect(o.length).toBeGreaterThan(5);
      expect(o.some((r) => Number(r.sales28) > 0)).toBe(true);
    }
  });
});

describe('a range of weeks matches the oracle', () => {
  it('visits and sell-through over the days; shelving as the sum of its weeks', async () => {
    const { parseView } = await import('@/db/queries/dashboard');
    const view = parseView({ period: 'range', from: '2026-11-04', to: '2026-11-18' }, TODAY);
    expect(view.periods.map((p) => p.start)).toEqual(['2026-11-02', '2026-11-09', '2026-11-16']);
    expect(view.range).toEqual({ from: '2026-11-02', to: '2026-11-22' });
    for (const scope of supervisors) {
      const f = (await resolveFilter(t.db, scope, view))!;
      const v = (await getVisitSums(t.db, scope, f, f.range)).get('')!;
      const o = await oracleVisitCompletion(t.db, scope.teamId!, f.range);
      expect([v.planned, v.plannedMade, v.made]).toEqual([o.planned, o.visited, o.made]);
      const sums = (await getPeriodSums(t.db, scope, f, f.periods)).get('')!;
      const sell = await oracleSellThrough(t.db, scope.teamId!, f.range);
      expect([sums.impliedSales, sums.sellBase]).toEqual([sell.reduce((a, r) => a + r.implied, 0), sell.reduce((a, r) => a + r.base, 0)]);
      let eligible = 0;
      let shelved = 0;
      for (const p of f.periods) for (const r of await oracleShelving(t.db, scope.teamId!, range(p))) (eligible += r.eligible), (shelved += r.shelved);
      expect([sums.eligible, sums.shelved]).toEqual([eligible, shelved]);
    }
  });
});

describe('daily report figures match the oracle', () => {
  it('items 1, 2, 3 (the shops), 4, 6, 7 and 9 for every manager over the last two weeks', async () => {
    const { computeDailyFigures } = await import('@/db/reports');
    const { getSettings } = await import('@/lib/settings');
    const { oracleDaily } = await import('./reports-sql');
    const settings = await getSettings(t.db);
    const managers = await t.db.select({ id: users.id }).from(users).where(eq(users.role, 'manager'));
    let checked = 0;
    let withMissed = 0;
    let sales = 0;
    let eligible = 0;
    for (const m of managers) {
      for (let d = addDays(TODAY, -13); d <= TODAY; d = addDays(d, 1)) {
        const f = await computeDailyFigures(t.db, m.id, d, settings);
        const o = await oracleDaily(t.db, m.id, d);
        expect({
          planned: f.planned,
          made: f.made,
          plannedMade: f.plannedMade,
          short: f.short,
          missed: f.missedShops.map((s) => s.retailerId),
          stockSum: f.stockSum,
          stockShops: f.stockShops,
          impliedSales: f.impliedSales,
          sellBase: f.sellBase,
          keyShouldShelve: f.keyShouldShelve,
          keyShelved: f.keyShelved,
          complaints: f.complaints,
          opinions: f.opinions,
          feedback: f.feedback,
        }, `manager ${m.id} on ${d}`).toEqual(o);
        checked++;
        if (o.missed.length) withMissed++;
        sales += o.impliedSales;
        eligible += o.keyShouldShelve;
      }
    }
    // the data must exercise the items, or the comparison proves nothing
    expect(checked).toBeGreaterThanOrEqual(40);
    expect(withMissed).toBeGreaterThan(0);
    expect(sales).toBeGreaterThan(0);
    expect(eligible).toBeGreaterThan(0);
  });

  it('a manager’s weekly and monthly summary statistics equal the dashboard filtered to that manager', async () => {
    const { computeSummaryFigures } = await import('@/db/reports');
    const { getSettings } = await import('@/lib/settings');
    const settings = await getSettings(t.db);
    for (const scope of supervisors) {
      const managers = await t.db.select({ id: users.id }).from(users).where(and(eq(users.role, 'manager'), eq(users.teamId, scope.teamId!)));
      for (const m of managers) {
        for (const p of [PERIODS[1], PERIODS[3]]) {
          const f = (await resolveFilter(t.db, scope, { period: p, managerId: m.id }))!;
          const dash = await periodFigures(t.db, scope, f, p);
          const sums = (await getPeriodSums(t.db, scope, f, [p])).get('')!;
          const s = await computeSummaryFigures(t.db, m.id, p, settings);
          expect({ made: s.made, planned: s.planned, plannedMade: s.plannedMade, short: s.short, shelved: s.shelved, eligible: s.eligible, purchases: s.purchases }).toEqual({
            made: dash.visits.made,
            planned: dash.visits.planned,
            plannedMade: dash.visits.plannedMade,
            short: dash.visits.short,
            shelved: dash.shelved,
            eligible: dash.eligible,
            purchases: sums.purchases,
          });
          expect(pct(s.sellThrough)).toBe(pct(dash.sellThrough));
          expect(pct(s.shelvingRate)).toBe(pct(dash.shelvingRate));
          expect(s.made).toBeGreaterThan(0);
        }
      }
    }
  });
});
