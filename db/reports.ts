import { sql } from 'drizzle-orm';
import { rawRows, type DbOrTx } from './index';
import { periodEnd, type Period } from './rollups';
import { addDays, monthStart } from '@/lib/time';
import * as m from '@/lib/metrics';
import type { Settings } from '@/lib/settings-defaults';

// The computed items of the daily report and of the weekly and monthly summaries. They read the
// same rollups the dashboards read, so a report and a dashboard filtered to one manager agree; the
// oracle in tests/oracle/reports.ts recomputes them from the raw facts. A submitted report keeps
// the figures as they were (frozen); the live figures are recomputed to show what changed since.

export type MissedShop = { retailerId: number; name: string; reason: string | null; note: string | null };
export type KeyCustomerStock = { retailerId: number; name: string; stock: number };

export type DailyFigures = {
  planned: number; // item 1
  made: number; // item 2
  plannedMade: number;
  offPlan: number;
  short: number;
  firstStart: string | null;
  lastEnd: string | null;
  missedShops: MissedShop[]; // item 3: the shops; the reasons are the manager's words
  stockShops: number; // item 4
  stockSum: number;
  avgStock: number | null;
  weeksOfStock: number | null;
  stockBand: m.StockBand | null;
  structureGapPoints: number | null;
  structureOk: boolean | null;
  keyCustomers: KeyCustomerStock[]; // item 5
  impliedSales: number; // item 6
  sellBase: number;
  sellThrough: number | null;
  keyShouldShelve: number; // item 7
  keyShelved: number;
  complaints: number; // item 9
  opinions: number;
  feedback: number;
};

const n = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));
const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).toISOString());

export async function computeDailyFigures(db: DbOrTx, managerId: number, day: string, settings: Settings): Promise<DailyFigures> {
  const month = monthStart(day);
  const windowFrom = addDays(day, -27);
  const [[md], missed, [stock], keyCustomers, [shelving], [words], structure] = await Promise.all([
    rawRows<Record<string, unknown>>(
      db,
      sql`select planned, made, planned_made, off_plan, short, first_start, last_end
          from rollup_manager_day where manager_id = ${managerId} and day = ${day}`,
    ),
    // planned shops of the approved plan not visited that day, with the manager's missed mark if any
    rawRows<{ retailer_id: number; name: string; reason: string | null; note: string | null }>(
      db,
      sql`select pi.retailer_id, r.name, mv.reason::text as reason, mv.note
          from visit_plan_items pi
          join visit_plans p on p.id = pi.plan_id and p.status = 'approved'
          join retailers r on r.id = pi.retailer_id
          left join missed_visits mv on mv.manager_id = pi.manager_id and mv.day = pi.day and mv.retailer_id = pi.retailer_id
          where pi.manager_id = ${managerId} and pi.day = ${day}
            and not exists (select 1 from visits v where v.manager_id = pi.manager_id and v.visit_date = pi.day and v.retailer_id = pi.retailer_id)
          order by pi.seq`,
    ),
    rawRows<Record<string, unknown>>(
      db,
      sql`with today as (
            select retailer_id, spec_id, stock, implied_sales, sell_base from rollup_retailer_spec_day
            where manager_id = ${managerId} and day = ${day})
          select (select coalesce(sum(stock), 0) from today) as stock_sum,
                 (select count(distinct retailer_id) from today where stock is not null) as stock_shops,
                 (select coalesce(sum(implied_sales), 0) from today) as implied_sales,
                 (select coalesce(sum(sell_base), 0) from today) as sell_base,
                 (select coalesce(sum(w.implied_sales), 0) from rollup_retailer_spec_day w
                   where w.retailer_id in (select retailer_id from today) and w.day between ${windowFrom} and ${day}) as sales28`,
    ),
    rawRows<{ retailer_id: number; name: string; stock: unknown }>(
      db,
      sql`select r.id as retailer_id, r.name, coalesce(sum(d.stock), 0) as stock
          from rollup_retailer_spec_day d
          join retailers r on r.id = d.retailer_id
          left join customer_group_assignments g on g.month = ${month} and g.retailer_id = r.id
          where d.manager_id = ${managerId} and d.day = ${day} and coalesce(g.is_key_customer, r.is_key_customer)
          group by r.id, r.name order by r.name`,
    ),
    // eligible (shop, key spec) pairs among the shops visited that day; a missing line is not shelved
    rawRows<Record<string, unknown>>(
      db,
      sql`select count(*) as eligible, count(*) filter (where d.on_counter) as shelved
          from (select distinct retailer_id from visits where manager_id = ${managerId} and visit_date = ${day}) vs
          join retailers r on r.id = vs.retailer_id
          join key_brand_lists kl on kl.month = ${month}
          join key_brand_list_items ki on ki.list_id = kl.id and r.grade between ki.grade_min and ki.grade_max
                                      and (ki.area is null or ki.area = r.area)
          left join rollup_retailer_spec_day d on d.day = ${day} and d.retailer_id = r.id and d.spec_id = ki.spec_id`,
    ),
    rawRows<Record<string, unknown>>(
      db,
      sql`select
            (select count(*) from complaints where manager_id = ${managerId}
              and (received_at at time zone ${settings.timeZone})::date = ${day}) as complaints,
            (select count(*) from opinion_entries where manager_id = ${managerId}
              and (received_at at time zone ${settings.timeZone})::date = ${day}) as opinions,
            (select count(*) from visit_info_items i join visits v on v.id = i.visit_id
              where v.manager_id = ${managerId} and v.visit_date = ${day} and i.kind = 'service_feedback') as feedback`,
    ),
    // stock by price class against 4 weeks of purchases by price class, over the day's shops
    rawRows<{ price_class: number; stock: unknown; purchases: unknown }>(
      db,
      sql`with shops as (select distinct retailer_id from rollup_retailer_spec_day where manager_id = ${managerId} and day = ${day})
          select s.price_class,
                 coalesce((select sum(d.stock) from rollup_retailer_spec_day d join specs x on x.id = d.spec_id
                           where d.manager_id = ${managerId} and d.day = ${day} and x.price_class = s.price_class), 0) as stock,
                 coalesce((select sum(ol.supplied) from order_lines ol join specs x on x.id = ol.spec_id
                           where ol.retailer_id in (select retailer_id from shops) and x.price_class = s.price_class
                             and ol.delivery_date between ${windowFrom} and ${day}), 0) as purchases
          from (select distinct price_class from specs) s order by s.price_class`,
    ),
  ]);

  const stockSum = n(stock?.stock_sum);
  const sales28 = n(stock?.sales28);
  const weeks = m.stockToSales(m.daysOfStock(stockSum, sales28));
  const totalStock = structure.reduce((a, r) => a + n(r.stock), 0);
  const totalPurchases = structure.reduce((a, r) => a + n(r.purchases), 0);
  const gap =
    totalStock && totalPurchases
      ? Math.max(...structure.map((r) => Math.abs(n(r.stock) / totalStock - n(r.purchases) / totalPurchases) * 100))
      : null;
  const impliedSales = n(stock?.implied_sales);
  const sellBase = n(stock?.sell_base);
  return {
    planned: n(md?.planned),
    made: n(md?.made),
    plannedMade: n(md?.planned_made),
    offPlan: n(md?.off_plan),
    short: n(md?.short),
    firstStart: iso(md?.first_start),
    lastEnd: iso(md?.last_end),
    missedShops: missed.map((r) => ({ retailerId: Number(r.retailer_id), name: r.name, reason: r.reason, note: r.note })),
    stockShops: n(stock?.stock_shops),
    stockSum,
    avgStock: m.averageStock(stockSum, n(stock?.stock_shops)),
    weeksOfStock: weeks,
    stockBand: m.stockBand(weeks, { low: settings.stockToSalesLow, high: settings.stockToSalesHigh, over: settings.stockToSalesOver }),
    structureGapPoints: gap === null ? null : Math.round(gap * 10) / 10,
    structureOk: gap === null ? null : gap <= settings.stockStructureGapPoints,
    keyCustomers: keyCustomers.map((r) => ({ retailerId: Number(r.retailer_id), name: r.name, stock: n(r.stock) })),
    impliedSales,
    sellBase,
    sellThrough: m.sellThrough(impliedSales, sellBase),
    keyShouldShelve: n(shelving?.eligible),
    keyShelved: n(shelving?.shelved),
    complaints: n(words?.complaints),
    opinions: n(words?.opinions),
    feedback: n(words?.feedback),
  };
}

export type SummaryFigures = {
  from: string;
  to: string; // inclusive
  planned: number;
  made: number;
  plannedMade: number;
  visitCompletion: number | null;
  short: number;
  offPlan: number;
  shelved: number;
  eligible: number;
  shelvingRate: number | null;
  stockSum: number;
  stockShops: number;
  avgStock: number | null;
  impliedSales: number;
  sellBase: number;
  sellThrough: number | null;
  complaintsOpened: number;
  complaintsResolved: number;
  purchases: number; // supplied 条 in the period
  monthPurchases: number; // the month to the period's end, for target completion
  targetQty: number | null;
  targetCompletion: number | null;
};

/** A weekly or monthly summary's statistics for one manager, from the period rollups. */
export async function computeSummaryFigures(db: DbOrTx, managerId: number, period: Period, settings: Settings): Promise<SummaryFigures> {
  const from = period.start;
  const to = addDays(periodEnd(period), -1);
  const month = monthStart(to);
  const [[days], [spec], [orders], [stockShops], [complaints], [target], [monthOrders]] = await Promise.all([
    rawRows<Record<string, unknown>>(
      db,
      sql`select coalesce(sum(planned), 0) as planned, coalesce(sum(made), 0) as made, coalesce(sum(planned_made), 0) as planned_made,
                 coalesce(sum(short), 0) as short, coalesce(sum(off_plan), 0) as off_plan
          from rollup_manager_day where manager_id = ${managerId} and day between ${from} and ${to}`,
    ),
    rawRows<Record<string, unknown>>(
      db,
      sql`select coalesce(sum(shelved), 0) as shelved, coalesce(sum(eligible), 0) as eligible, coalesce(sum(stock_sum), 0) as stock_sum,
                 coalesce(sum(implied_sales), 0) as implied_sales, coalesce(sum(sell_base), 0) as sell_base
          from rollup_manager_spec_period
          where period_kind = ${period.kind} and period_start = ${period.start} and manager_id = ${managerId}`,
    ),
    rawRows<Record<string, unknown>>(
      db,
      sql`select coalesce(sum(purchases), 0) as purchases from rollup_manager_spec_period_orders
          where period_kind = ${period.kind} and period_start = ${period.start} and manager_id = ${managerId}`,
    ),
    rawRows<Record<string, unknown>>(
      db,
      sql`select coalesce(sum(stock_retailers), 0) as n from rollup_manager_period
          where period_kind = ${period.kind} and period_start = ${period.start} and manager_id = ${managerId}`,
    ),
    rawRows<Record<string, unknown>>(
      db,
      sql`select count(*) filter (where (received_at at time zone ${settings.timeZone})::date between ${from} and ${to}) as opened,
                 count(*) filter (where (resolved_at at time zone ${settings.timeZone})::date between ${from} and ${to}) as resolved
          from complaints where manager_id = ${managerId}`,
    ),
    rawRows<Record<string, unknown>>(db, sql`select qty from targets where manager_id = ${managerId} and month = ${month}`),
    rawRows<Record<string, unknown>>(
      db,
      sql`select coalesce(sum(supplied), 0) as purchases from order_lines
          where manager_id = ${managerId} and delivery_date between ${month} and ${to}`,
    ),
  ]);
  const targetQty = target ? n(target.qty) : null;
  const monthPurchases = period.kind === 'month' ? n(orders?.purchases) : n(monthOrders?.purchases);
  return {
    from,
    to,
    planned: n(days?.planned),
    made: n(days?.made),
    plannedMade: n(days?.planned_made),
    visitCompletion: m.visitCompletion(n(days?.planned_made), n(days?.planned)),
    short: n(days?.short),
    offPlan: n(days?.off_plan),
    shelved: n(spec?.shelved),
    eligible: n(spec?.eligible),
    shelvingRate: m.shelvingRate(n(spec?.shelved), n(spec?.eligible)),
    stockSum: n(spec?.stock_sum),
    stockShops: n(stockShops?.n),
    avgStock: m.averageStock(n(spec?.stock_sum), n(stockShops?.n)),
    impliedSales: n(spec?.implied_sales),
    sellBase: n(spec?.sell_base),
    sellThrough: m.sellThrough(n(spec?.implied_sales), n(spec?.sell_base)),
    complaintsOpened: n(complaints?.opened),
    complaintsResolved: n(complaints?.resolved),
    purchases: n(orders?.purchases),
    monthPurchases,
    targetQty,
    targetCompletion: targetQty === null ? null : m.targetCompletion(monthPurchases, targetQty),
  };
}

/**
 * Freezes the figures of every submitted report and summary the generator wrote, with the same
 * computation a submission uses, so generated history reads exactly like real history.
 */
export async function freezeSubmittedReports(db: DbOrTx, settings: Settings, since: string, log: (msg: string) => void = () => {}) {
  const daily = await rawRows<{ id: number; manager_id: number; day: string }>(
    db,
    sql`select id, manager_id, day::text as day from daily_reports where status <> 'draft' and day >= ${since} order by id`,
  );
  const sums = await rawRows<{ id: number; manager_id: number; kind: 'weekly' | 'monthly'; period_start: string }>(
    db,
    sql`select id, manager_id, kind::text as kind, period_start::text as period_start from summaries where status <> 'draft' and period_start >= ${since} order by id`,
  );
  const batch = 8;
  for (let i = 0; i < daily.length; i += batch) {
    await Promise.all(
      daily.slice(i, i + batch).map(async (r) => {
        const f = await computeDailyFigures(db, Number(r.manager_id), r.day, settings);
        await db.execute(sql`update daily_reports set computed = ${JSON.stringify(f)}::jsonb where id = ${r.id}`);
      }),
    );
    if (i % 2000 === 0 && i) log(`[seed] reports frozen ${i} / ${daily.length}`);
  }
  for (const r of sums) {
    const f = await computeSummaryFigures(db, Number(r.manager_id), { kind: r.kind === 'weekly' ? 'week' : 'month', start: r.period_start }, settings);
    await db.execute(sql`update summaries set computed = ${JSON.stringify(f)}::jsonb where id = ${r.id}`);
  }
  return { daily: daily.length, summaries: sums.length };
}
