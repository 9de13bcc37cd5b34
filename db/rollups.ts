import { sql, type SQL } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import { rawRows, type DbOrTx, type Tx } from './index';
import { today } from '@/lib/clock';
import { dateInTz, weekStart as weekOf, addDays } from '@/lib/time';

// Dashboards read these tables, never the raw facts. Each rollup has one SQL definition used two
// ways: `rebuildRollups` recomputes every row from the facts; the write paths recompute just the
// rows a write touches, inside the write's transaction. So rebuild = incremental by construction
// (and a test checks it). Days and weeks are the company's (Asia/Shanghai); visit_date is local.

type ManagerDayFilter = { managerId: number; day: string } | { from: string; to: string } | undefined;

/**
 * Serialises the writes of one manager's day rows: the row is deleted and inserted again, so two
 * transactions doing that at once would collide on its key. Held to the end of the transaction;
 * writers take it first, before any other lock, so it cannot take part in a deadlock.
 */
export async function lockManagerDay(tx: DbOrTx, managerId: number) {
  await tx.execute(sql`select pg_advisory_xact_lock(${MANAGER_DAY_LOCK}, ${managerId})`);
}
const MANAGER_DAY_LOCK = 0x4d44; // 'MD'

export async function rebuildManagerDay(db: DbOrTx, filter?: ManagerDayFilter) {
  if (filter && 'managerId' in filter) await lockManagerDay(db, filter.managerId);
  const where = (dayCol: string, managerCol: string): SQL => {
    if (!filter) return sql`true`;
    if ('managerId' in filter) return sql`${sql.raw(dayCol)} = ${filter.day} and ${sql.raw(managerCol)} = ${filter.managerId}`;
    return sql`${sql.raw(dayCol)} between ${filter.from} and ${filter.to}`;
  };
  const del = !filter
    ? sql`true`
    : 'managerId' in filter
      ? sql`day = ${filter.day} and manager_id = ${filter.managerId}`
      : sql`day between ${filter.from} and ${filter.to}`;
  await db.execute(sql`delete from rollup_manager_day where ${del}`);
  await db.execute(sql`
    insert into rollup_manager_day
      (day, manager_id, team_id, branch_id, area, planned, made, planned_made, missed, off_plan, short, first_start, last_end)
    select day, manager_id, max(team_id), max(branch_id),
           coalesce(mode() within group (order by plan_area), mode() within group (order by visit_area)),
           sum(planned), sum(made), sum(planned_made), sum(missed), sum(off_plan), sum(short),
           min(started_at), max(ended_at)
    from (
      select pi.day, pi.manager_id, pi.team_id, pi.branch_id, r.area as plan_area, null::area as visit_area,
             1 as planned, 0 as made, 0 as planned_made, 0 as missed, 0 as off_plan, 0 as short,
             null::timestamptz as started_at, null::timestamptz as ended_at
      from visit_plan_items pi
      join visit_plans p on p.id = pi.plan_id and p.status = 'approved'
      join retailers r on r.id = pi.retailer_id
      where ${where('pi.day', 'pi.manager_id')}
      union all
      select v.visit_date, v.manager_id, v.team_id, v.branch_id, null, v.area,
             0, 1, (v.plan_item_id is not null)::int, 0, v.off_plan::int, v.short::int, v.started_at, v.ended_at
      from visits v
      where ${where('v.visit_date', 'v.manager_id')}
      union all
      select m.day, m.manager_id, m.team_id, m.branch_id, null, null, 0, 0, 0, 1, 0, 0, null, null
      from missed_visits m
      where ${where('m.day', 'm.manager_id')}
    ) facts
    group by day, manager_id`);
}

export async function rebuildLatestRetailerSpec(db: DbOrTx, retailerIds?: number[]) {
  const only = retailerIds ? sql`retailer_id in (${sql.join(retailerIds.map((id) => sql`${id}`), sql`, `)})` : sql`true`;
  await db.execute(sql`delete from latest_retailer_spec where ${only}`);
  await db.execute(sql`
    insert into latest_retailer_spec
      (retailer_id, spec_id, visit_id, stock, on_counter, price_tag_ok, visited_at, manager_id, team_id, branch_id)
    select distinct on (retailer_id, spec_id)
           retailer_id, spec_id, visit_id, stock, on_counter, price_tag_ok, visited_at, manager_id, team_id, branch_id
    from visit_stock_lines
    where ${only}
    order by retailer_id, spec_id, visited_at desc`);
  await db.execute(sql`delete from latest_retailer_stock_day where ${only}`);
  await db.execute(sql`
    insert into latest_retailer_stock_day (retailer_id, day, stock, manager_id, team_id, branch_id)
    select retailer_id, (visited_at at time zone 'Asia/Shanghai')::date, sum(stock)::int, manager_id, team_id, branch_id
    from latest_retailer_spec where ${only}
    group by 1, 2, manager_id, team_id, branch_id`);
}

export async function rebuildTeamComplaintWeek(db: DbOrTx, filter?: { teamId: number; weekStart: string }) {
  const tz = 'Asia/Shanghai';
  const inWeek = (col: string) =>
    filter
      ? sql`c.team_id = ${filter.teamId} and ${sql.raw(col)} >= (${filter.weekStart}::date)::timestamp at time zone ${tz}
            and ${sql.raw(col)} < (${addDays(filter.weekStart, 7)}::date)::timestamp at time zone ${tz}`
      : sql`true`;
  await db.execute(
    sql`delete from rollup_team_complaint_week where ${filter ? sql`team_id = ${filter.teamId} and week_start = ${filter.weekStart}` : sql`true`}`,
  );
  // a complaint counts as opened in the week it was received, as resolved in the week it first
  // reached 'resolved', and as followed up (satisfied or not) in the week of its last follow-up call
  await db.execute(sql`
    insert into rollup_team_complaint_week
      (week_start, team_id, branch_id, category, opened, resolved, resolved_on_time, followed_up, satisfied)
    select week_start, team_id, max(branch_id), category,
           sum(opened), sum(resolved), sum(resolved_on_time), sum(followed_up), sum(satisfied)
    from (
      select date_trunc('week', c.received_at at time zone ${tz})::date as week_start,
             c.team_id, c.branch_id, c.category, 1 as opened, 0 as resolved, 0 as resolved_on_time,
             0 as followed_up, 0 as satisfied
      from complaints c
      where ${inWeek('c.received_at')}
      union all
      select date_trunc('week', e.first_resolved at time zone ${tz})::date, c.team_id, c.branch_id,
             c.category, 0, 1, (e.first_resolved <= c.resolve_due_at)::int, 0, 0
      from complaints c
      join (select complaint_id, min(at) as first_resolved from complaint_events
            where kind = 'resolved' group by complaint_id) e on e.complaint_id = c.id
      where ${inWeek('e.first_resolved')}
      union all
      select date_trunc('week', f.at at time zone ${tz})::date, c.team_id, c.branch_id,
             c.category, 0, 0, 0, 1, coalesce(f.satisfied, false)::int
      from complaints c
      join (select distinct on (complaint_id) complaint_id, at, satisfied from complaint_events
            where kind = 'follow_up' order by complaint_id, at desc) f on f.complaint_id = c.id
      where ${inWeek('f.at')}
    ) facts
    group by week_start, team_id, category`);
}

/** After a complaint's event: every week row of the team that the complaint's timeline touches. */
export async function refreshComplaintWeeksFor(tx: Tx, complaintId: number) {
  const rows = await rawRows<{ team_id: number; week: string }>(
    tx,
    sql`select c.team_id, date_trunc('week', t.at at time zone 'Asia/Shanghai')::date::text as week
        from complaints c
        cross join lateral (select c.received_at as at union select e.at from complaint_events e where e.complaint_id = c.id) t
        where c.id = ${complaintId}
        group by 1, 2`,
  );
  for (const r of rows) await rebuildTeamComplaintWeek(tx, { teamId: Number(r.team_id), weekStart: r.week });
}

/** After a complaint event at `at`: the team's row for that week. */
export function refreshComplaintWeek(tx: Tx, teamId: number, at: Date) {
  return rebuildTeamComplaintWeek(tx, { teamId, weekStart: weekOf(dateInTz(at)) });
}

const idList = (ids: number[]) => sql.join(ids.map((id) => sql`${id}`), sql`, `);
const dateList = (days: string[]) => sql.join(days.map((d) => sql`${d}::date`), sql`, `);

/**
 * day × retailer × spec: the stock seen at the day's (last) visit, and the implied sales of the
 * visit pair ending that day: stock(v1) + purchases delivered in (v1, v2] − stock(v2), by date.
 * A negative pair is a data problem: flagged, and left out of the sums (DOMAIN.md "Metrics").
 */
export async function rebuildRetailerSpecDay(db: DbOrTx, filter?: { retailerIds: number[]; fromDay: string }) {
  const retailerWhere = filter ? sql`retailer_id in (${idList(filter.retailerIds)})` : sql`true`;
  await db.execute(sql`delete from rollup_retailer_spec_day where ${retailerWhere} and ${filter ? sql`day >= ${filter.fromDay}` : sql`true`}`);
  // One ordered stream per retailer × spec of deliveries and visit lines; a delivery dated the
  // day of a visit sorts before it, so it falls in (v1, v2] of the pair that ends that day.
  await db.execute(sql`
    insert into rollup_retailer_spec_day
      (day, retailer_id, spec_id, stock, on_counter, price_tag_ok, purchases, implied_sales, sell_base, negative,
       manager_id, team_id, branch_id)
    with ev as (
      select retailer_id, spec_id, delivery_date as day, 0 as ord, null::timestamptz as visited_at, supplied,
             null::int as stock, null::boolean as on_counter, null::boolean as price_tag_ok,
             null::int as manager_id, null::int as team_id, null::int as branch_id
      from order_lines where ${retailerWhere}
      union all
      select retailer_id, spec_id, visit_date, 1, visited_at, 0, stock, on_counter, price_tag_ok, manager_id, team_id, branch_id
      from visit_stock_lines where ${retailerWhere}
    ), run as (
      select ev.*, sum(supplied) over (partition by retailer_id, spec_id order by day, ord, visited_at
                                        rows between unbounded preceding and current row) as cum
      from ev
    ), l as (
      select run.*, lag(stock) over w as prev_stock, lag(cum) over w as prev_cum, lag(day) over w as prev_date
      from run where ord = 1
      window w as (partition by retailer_id, spec_id order by visited_at)
    ), x as (
      select l.*, case when prev_date is null then 0 else cum - prev_cum end as purchases,
             case when prev_date is null then null else prev_stock + (cum - prev_cum) - stock end as implied
      from l where ${filter ? sql`day >= ${filter.fromDay}` : sql`true`}
    )
    select day, retailer_id, spec_id,
           (array_agg(stock order by visited_at desc))[1],
           (array_agg(on_counter order by visited_at desc))[1],
           (array_agg(price_tag_ok order by visited_at desc))[1],
           sum(purchases)::int,
           (sum(implied) filter (where implied >= 0))::int,
           (sum(prev_stock + purchases) filter (where implied >= 0))::int,
           coalesce(bool_or(implied < 0), false),
           (array_agg(manager_id order by visited_at desc))[1],
           (array_agg(team_id order by visited_at desc))[1],
           (array_agg(branch_id order by visited_at desc))[1]
    from x
    group by day, retailer_id, spec_id`);
  // the same days summed over specs (rollup_retailer_day)
  const dayWhere = filter ? sql`day >= ${filter.fromDay}` : sql`true`;
  await db.execute(sql`delete from rollup_retailer_day where ${retailerWhere} and ${dayWhere}`);
  await db.execute(sql`
    insert into rollup_retailer_day (day, retailer_id, implied_sales, manager_id, team_id, branch_id)
    select day, retailer_id, coalesce(sum(implied_sales), 0)::int, manager_id, team_id, branch_id
    from rollup_retailer_spec_day where ${retailerWhere} and ${dayWhere}
    group by day, retailer_id, manager_id, team_id, branch_id`);
}

export type Period = { kind: 'week' | 'month'; start: string };

export function periodEnd(p: Period): string {
  if (p.kind === 'week') return addDays(p.start, 7);
  const [y, m] = p.start.split('-').map(Number);
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
}

export function periodsOf(day: string): Period[] {
  return [
    { kind: 'week', start: weekOf(day) },
    { kind: 'month', start: `${day.slice(0, 7)}-01` },
  ];
}

// Period stock is the latest value as of the period's last day, at most 35 days old.
const STOCK_MAX_AGE_DAYS = 35;

/**
 * The periods as rows (kind, ps, pe): the given ones, or every week and month between the
 * `bounds` CTE's lo and hi, which the caller's statement defines.
 */
function periodRows(periods?: Period[]) {
  return periods
    ? sql`select * from (values ${sql.join(
        periods.map((p) => sql`(${p.kind}::period_kind, ${p.start}::date, ${periodEnd(p)}::date)`),
        sql`, `,
      )}) v(kind, ps, pe)`
    : sql`
      select 'week'::period_kind as kind, d::date as ps, (d + interval '7 day')::date as pe
      from bounds, generate_series(date_trunc('week', bounds.lo), bounds.hi, interval '1 week') d
      union all
      select 'month'::period_kind, d::date, (d + interval '1 month')::date
      from bounds, generate_series(date_trunc('month', bounds.lo), bounds.hi, interval '1 month') d`;
}

/** Deletes the rows of a period rollup for the given periods, or all of them. */
async function clearPeriods(db: DbOrTx, table: string, periods?: Period[], managerIds?: number[]) {
  if (!periods) return db.execute(sql`delete from ${sql.raw(table)}`);
  const who = managerIds ? sql`and manager_id in (${idList(managerIds)})` : sql``;
  for (const p of periods) await db.execute(sql`delete from ${sql.raw(table)} where period_kind = ${p.kind} and period_start = ${p.start} ${who}`);
}

/**
 * week and month × manager × spec (and × manager for the stock denominator), from visits:
 * implied sales from the day grain; key-brand shelving from each retailer's latest visit in the
 * period; period stock. Computes the given periods whole (every manager), or all periods. A
 * write later adds only its shop's share (applyVisitToRollups).
 */
export async function rebuildManagerPeriods(db: DbOrTx, filter?: { periods: Period[] }) {
  const age = sql.raw(String(STOCK_MAX_AGE_DAYS + 1));
  await clearPeriods(db, 'rollup_manager_spec_period', filter?.periods);
  await clearPeriods(db, 'rollup_manager_period', filter?.periods);
  // one statement, so the period windows are computed once for both tables
  await db.execute(sql`
    with bounds as (
      select least((select min(visit_date) from visits), (select min(delivery_date) from order_lines))::timestamp as lo,
             greatest((select max(visit_date) from visits), (select max(delivery_date) from order_lines))::timestamp as hi),
    per as (${periodRows(filter?.periods)}),
    sell as (
      select per.kind, per.ps, d.manager_id, d.team_id, d.branch_id, d.spec_id,
             coalesce(d.implied_sales, 0) as implied, coalesce(d.sell_base, 0) as base, d.negative::int as neg
      from per join rollup_retailer_spec_day d on d.day >= per.ps and d.day < per.pe
    ),
    latest_visit as (
      select distinct on (per.kind, per.ps, v.retailer_id)
             per.kind, per.ps, v.id, v.retailer_id, v.visit_date, v.area, v.manager_id, v.team_id, v.branch_id
      from per join visits v on v.visit_date >= per.ps and v.visit_date < per.pe
      order by per.kind, per.ps, v.retailer_id, v.started_at desc
    ),
    shelf as (
      select lv.kind, lv.ps, lv.manager_id, lv.team_id, lv.branch_id, ki.spec_id,
             1 as eligible, coalesce(sl.on_counter, false)::int as shelved
      from latest_visit lv
      join retailers r on r.id = lv.retailer_id
      join key_brand_lists kl on kl.month = date_trunc('month', lv.visit_date)::date
      join key_brand_list_items ki on ki.list_id = kl.id and r.grade between ki.grade_min and ki.grade_max
        and (ki.area is null or ki.area = lv.area)
      left join visit_stock_lines sl on sl.visit_id = lv.id and sl.spec_id = ki.spec_id
    ),
    stock_lines as (
      select distinct on (per.kind, per.ps, d.retailer_id, d.spec_id)
             per.kind, per.ps, d.retailer_id, d.spec_id, d.stock, d.manager_id, d.team_id, d.branch_id
      from per join rollup_retailer_spec_day d on d.day >= per.pe - ${age} and d.day < per.pe
      order by per.kind, per.ps, d.retailer_id, d.spec_id, d.day desc
    ),
    per_manager as (
      insert into rollup_manager_period (period_kind, period_start, manager_id, team_id, branch_id, stock_retailers)
      select kind, ps, manager_id, max(team_id), max(branch_id), count(distinct retailer_id)
      from stock_lines
      group by kind, ps, manager_id
      returning 1
    )
    insert into rollup_manager_spec_period
      (period_kind, period_start, manager_id, spec_id, team_id, branch_id,
       implied_sales, sell_base, negative_pairs, shelved, eligible, stock_sum, stock_retailers)
    select kind, ps, manager_id, spec_id, max(team_id), max(branch_id),
           sum(implied), sum(base), sum(neg), sum(shelved), sum(eligible), sum(stock), sum(stock_n)
    from (
      select kind, ps, manager_id, team_id, branch_id, spec_id, implied, base, neg,
             0 as shelved, 0 as eligible, 0 as stock, 0 as stock_n from sell
      union all
      select kind, ps, manager_id, team_id, branch_id, spec_id, 0, 0, 0, shelved, eligible, 0, 0 from shelf
      union all
      select kind, ps, manager_id, team_id, branch_id, spec_id, 0, 0, 0, 0, 0, stock, 1 from stock_lines
    ) u
    group by kind, ps, manager_id, spec_id
    -- a row exists only where something counts (the per-write shares drop rows that reach zero)
    having sum(implied) <> 0 or sum(base) <> 0 or sum(neg) <> 0 or sum(shelved) <> 0 or sum(eligible) <> 0 or sum(stock_n) <> 0`);
}

/** week and month × manager × spec from the ordering system: purchases, amounts, orders, quota. */
export async function rebuildManagerPeriodOrders(db: DbOrTx, filter?: { periods: Period[]; managerIds: number[] }) {
  await clearPeriods(db, 'rollup_manager_spec_period_orders', filter?.periods, filter?.managerIds);
  await db.execute(sql`
    insert into rollup_manager_spec_period_orders
      (period_kind, period_start, manager_id, spec_id, team_id, branch_id, purchases, purchases_fen, ordered, quota)
    with bounds as (select min(delivery_date)::timestamp as lo, max(delivery_date)::timestamp as hi from order_lines),
    per as (${periodRows(filter?.periods)})
    select per.kind, per.ps, ol.manager_id, ol.spec_id, max(ol.team_id), max(ol.branch_id),
           sum(ol.supplied), sum(ol.amount_fen), sum(ol.ordered), sum(coalesce(sa.max_per_week, 0))
    from per
    join order_lines ol on ol.delivery_date >= per.ps and ol.delivery_date < per.pe
    join retailers r on r.id = ol.retailer_id
    left join supply_allocations sa on sa.month = date_trunc('month', ol.order_date)::date and sa.spec_id = ol.spec_id
      and r.grade between sa.grade_min and sa.grade_max
    where ${filter ? sql`ol.manager_id in (${idList(filter.managerIds)})` : sql`true`}
    group by per.kind, per.ps, ol.manager_id, ol.spec_id`);
}

/** month × retailer × spec from the ordering system, by delivery date. */
export async function rebuildRetailerSpecMonth(db: DbOrTx, filter?: { retailerIds: number[]; months: string[] }) {
  const where = filter ? sql`retailer_id in (${idList(filter.retailerIds)}) and date_trunc('month', delivery_date)::date in (${dateList(filter.months)})` : sql`true`;
  // the rows of the changed shops and months, in this rollup and in those summed from it
  const monthWhere = filter ? sql`retailer_id in (${idList(filter.retailerIds)}) and month in (${dateList(filter.months)})` : sql`true`;
  await db.execute(sql`delete from rollup_retailer_spec_month where ${monthWhere}`);
  await db.execute(sql`
    insert into rollup_retailer_spec_month (month, retailer_id, spec_id, ordered, supplied, amount_fen, manager_id, team_id, branch_id)
    select date_trunc('month', delivery_date)::date, retailer_id, spec_id, sum(ordered), sum(supplied), sum(amount_fen),
           (array_agg(manager_id order by delivery_date desc))[1],
           (array_agg(team_id order by delivery_date desc))[1],
           (array_agg(branch_id order by delivery_date desc))[1]
    from order_lines where ${where}
    group by 1, retailer_id, spec_id`);
  // the same months summed over specs (rollup_retailer_month)
  await db.execute(sql`delete from rollup_retailer_month where ${monthWhere}`);
  await db.execute(sql`
    insert into rollup_retailer_month (month, retailer_id, supplied)
    select month, retailer_id, sum(supplied)::int from rollup_retailer_spec_month where ${monthWhere} group by month, retailer_id`);
  await rebuildRetailerSpecMoving(db, filter);
}

/**
 * The moving-sales window (rollup_retailer_spec_moving) of the months whose window holds the
 * changed months: each changed month and the 3 after it; everything when there is no filter.
 */
async function rebuildRetailerSpecMoving(db: DbOrTx, filter?: { retailerIds: number[]; months: string[] }) {
  const windows = filter
    ? sql`(select distinct (m::date + make_interval(months => k))::date as m
           from unnest(array[${dateList(filter.months)}]) m, generate_series(0, 3) k)`
    : sql`(select generate_series(min(month), max(month) + interval '3 months', interval '1 month')::date as m from rollup_retailer_spec_month)`;
  await db.execute(sql`delete from rollup_retailer_spec_moving where ${filter ? sql`retailer_id in (${idList(filter.retailerIds)})` : sql`true`} and month in ${windows}`);
  await db.execute(sql`
    insert into rollup_retailer_spec_moving (month, retailer_id, spec_id, before, now, stamps, manager_id, team_id, branch_id)
    select w.m, r.retailer_id, r.spec_id, bool_or(r.month < w.m), bool_or(r.month = w.m),
           (count(*) over (partition by w.m, r.retailer_id, r.spec_id))::int,
           r.manager_id, r.team_id, r.branch_id
    from ${windows} w
    join rollup_retailer_spec_month r on r.month >= (w.m - interval '3 months')::date and r.month <= w.m and r.ordered > 0
    where ${filter ? sql`r.retailer_id in (${idList(filter.retailerIds)})` : sql`true`}
    group by w.m, r.retailer_id, r.spec_id, r.manager_id, r.team_id, r.branch_id`);
}

type Contribution = {
  kind: 'week' | 'month';
  ps: string;
  manager_id: number;
  team_id: number;
  branch_id: number;
  spec_id: number;
  implied: number;
  base: number;
  neg: number;
  shelved: number;
  eligible: number;
  stock: number;
  stock_n: number;
};

/**
 * One shop's share of the period rollups: its visit pairs, its latest visit's key-brand shelving
 * and its period stock, per period, manager and spec. The period rows are sums of these shares.
 */
async function shopShare(tx: DbOrTx, retailerId: number, periods: Period[], excludeVisitId?: string) {
  const per = periodRows(periods);
  const age = sql.raw(String(STOCK_MAX_AGE_DAYS + 1));
  return rawRows<Contribution>(
    tx,
    sql`with per as (${per}),
    sell as (
      select per.kind, per.ps, d.manager_id, d.team_id, d.branch_id, d.spec_id,
             coalesce(d.implied_sales, 0) as implied, coalesce(d.sell_base, 0) as base, d.negative::int as neg
      from per join rollup_retailer_spec_day d on d.retailer_id = ${retailerId} and d.day >= per.ps and d.day < per.pe
    ),
    latest_visit as (
      select per.kind, per.ps, v.id, v.retailer_id, v.visit_date, v.area, v.manager_id, v.team_id, v.branch_id
      from per join lateral (
        select * from visits v where v.retailer_id = ${retailerId} and v.visit_date >= per.ps and v.visit_date < per.pe
          ${excludeVisitId ? sql`and v.id <> ${excludeVisitId}` : sql``}
        order by v.started_at desc limit 1) v on true
    ),
    shelf as (
      select lv.kind, lv.ps, lv.manager_id, lv.team_id, lv.branch_id, ki.spec_id,
             1 as eligible, coalesce(sl.on_counter, false)::int as shelved
      from latest_visit lv
      join retailers r on r.id = lv.retailer_id
      join key_brand_lists kl on kl.month = date_trunc('month', lv.visit_date)::date
      join key_brand_list_items ki on ki.list_id = kl.id and r.grade between ki.grade_min and ki.grade_max
        and (ki.area is null or ki.area = lv.area)
      left join visit_stock_lines sl on sl.visit_id = lv.id and sl.spec_id = ki.spec_id
    ),
    stock_lines as (
      select per.kind, per.ps, x.spec_id, x.stock, x.manager_id, x.team_id, x.branch_id
      from per join lateral (
        select distinct on (d.spec_id) d.spec_id, d.stock, d.manager_id, d.team_id, d.branch_id
        from rollup_retailer_spec_day d
        where d.retailer_id = ${retailerId} and d.day >= per.pe - ${age} and d.day < per.pe
        order by d.spec_id, d.day desc) x on true
    )
    select kind::text as kind, ps::text as ps, manager_id, max(team_id) as team_id, max(branch_id) as branch_id, spec_id,
           sum(implied)::int as implied, sum(base)::int as base, sum(neg)::int as neg, sum(shelved)::int as shelved,
           sum(eligible)::int as eligible, sum(stock)::int as stock, sum(stock_n)::int as stock_n
    from (
      select kind, ps, manager_id, team_id, branch_id, spec_id, implied, base, neg, 0 as shelved, 0 as eligible, 0 as stock, 0 as stock_n from sell
      union all
      select kind, ps, manager_id, team_id, branch_id, spec_id, 0, 0, 0, shelved, eligible, 0, 0 from shelf
      union all
      select kind, ps, manager_id, team_id, branch_id, spec_id, 0, 0, 0, 0, 0, stock, 1 from stock_lines
    ) u
    group by kind, ps, manager_id, spec_id`,
  );
}

const FIELDS = ['implied', 'base', 'neg', 'shelved', 'eligible', 'stock', 'stock_n'] as const;

/** Adds (after − before) of one shop's share to the period rollups, dropping rows that reach zero. */
async function applyShare(tx: Tx, before: Contribution[], after: Contribution[]) {
  const key = (c: Contribution) => `${c.kind}|${c.ps}|${c.manager_id}|${c.spec_id}`;
  const delta = new Map<string, Contribution>();
  for (const [rows, sign] of [[after, 1], [before, -1]] as const) {
    for (const c of rows) {
      const d = delta.get(key(c)) ?? { ...c, implied: 0, base: 0, neg: 0, shelved: 0, eligible: 0, stock: 0, stock_n: 0 };
      for (const f of FIELDS) d[f] += sign * Number(c[f]);
      delta.set(key(c), d);
    }
  }
  const changed = [...delta.values()].filter((d) => FIELDS.some((f) => d[f] !== 0));
  if (changed.length) {
    await tx.execute(sql`
      insert into rollup_manager_spec_period as t
        (period_kind, period_start, manager_id, spec_id, team_id, branch_id,
         implied_sales, sell_base, negative_pairs, shelved, eligible, stock_sum, stock_retailers)
      values ${sql.join(
        changed.map(
          (d) =>
            sql`(${d.kind}::period_kind, ${d.ps}::date, ${d.manager_id}, ${d.spec_id}, ${d.team_id}, ${d.branch_id},
                 ${d.implied}, ${d.base}, ${d.neg}, ${d.shelved}, ${d.eligible}, ${d.stock}, ${d.stock_n})`,
        ),
        sql`, `,
      )}
      on conflict (period_kind, period_start, manager_id, spec_id) do update set
        implied_sales = t.implied_sales + excluded.implied_sales,
        sell_base = t.sell_base + excluded.sell_base,
        negative_pairs = t.negative_pairs + excluded.negative_pairs,
        shelved = t.shelved + excluded.shelved,
        eligible = t.eligible + excluded.eligible,
        stock_sum = t.stock_sum + excluded.stock_sum,
        stock_retailers = t.stock_retailers + excluded.stock_retailers`);
    await tx.execute(sql`delete from rollup_manager_spec_period
      where implied_sales = 0 and sell_base = 0 and negative_pairs = 0 and shelved = 0 and eligible = 0 and stock_retailers = 0
        and (period_kind, period_start, manager_id, spec_id) in (${sql.join(
          changed.map((d) => sql`(${d.kind}::period_kind, ${d.ps}::date, ${d.manager_id}, ${d.spec_id})`),
          sql`, `,
        )})`);
  }
  // the shop counts once per period and manager that holds any of its period stock
  const holds = (rows: Contribution[]) => new Set(rows.filter((c) => Number(c.stock_n) > 0).map((c) => `${c.kind}|${c.ps}|${c.manager_id}|${c.team_id}|${c.branch_id}`));
  const was = holds(before);
  const now = holds(after);
  const moves = [...[...now].filter((k) => !was.has(k)).map((k) => [k, 1] as const), ...[...was].filter((k) => !now.has(k)).map((k) => [k, -1] as const)];
  for (const [k, n] of moves) {
    const [kind, ps, managerId, teamId, branchId] = k.split('|');
    await tx.execute(sql`
      insert into rollup_manager_period as t (period_kind, period_start, manager_id, team_id, branch_id, stock_retailers)
      values (${kind}::period_kind, ${ps}::date, ${Number(managerId)}, ${Number(teamId)}, ${Number(branchId)}, ${n})
      on conflict (period_kind, period_start, manager_id) do update set stock_retailers = t.stock_retailers + excluded.stock_retailers`);
  }
  if (moves.length) await tx.execute(sql`delete from rollup_manager_period where stock_retailers = 0`);
}

/**
 * Makes sure each period's rows are complete: a period not yet open is computed whole (for every
 * manager) and marked open. The schedule opens the current week and month as they begin; a write
 * into a period nobody opened opens it itself. `excludeVisitId` leaves out a visit whose own share
 * the caller is about to add.
 */
export async function openPeriods(tx: DbOrTx, periods: Period[], excludeVisitId?: string) {
  const open = await rawRows<{ kind: string; ps: string }>(
    tx,
    sql`select period_kind::text as kind, period_start::text as ps from rollup_periods
        where (period_kind, period_start) in (${sql.join(periods.map((p) => sql`(${p.kind}::period_kind, ${p.start}::date)`), sql`, `)})`,
  );
  const isOpen = new Set(open.map((o) => `${o.kind}:${o.ps}`));
  const closed = periods.filter((p) => !isOpen.has(`${p.kind}:${p.start}`));
  if (closed.length === 0) return;
  // the whole period as of the facts, then without the visit being applied (its share follows)
  await rebuildManagerPeriods(tx, { periods: closed });
  if (excludeVisitId) {
    const [v] = await rawRows<{ retailer_id: number }>(tx, sql`select retailer_id from visits where id = ${excludeVisitId}`);
    if (v) {
      const [with_, without] = [await shopShare(tx, Number(v.retailer_id), closed), await shopShare(tx, Number(v.retailer_id), closed, excludeVisitId)];
      await applyShare(tx as Tx, with_, without);
    }
  }
  await tx.execute(sql`insert into rollup_periods (period_kind, period_start)
    values ${sql.join(closed.map((p) => sql`(${p.kind}::period_kind, ${p.start}::date)`), sql`, `)} on conflict do nothing`);
}

/** Marks every period the facts span as complete (after a full rebuild). */
async function markAllPeriodsOpen(db: DbOrTx) {
  await db.execute(sql`delete from rollup_periods`);
  await db.execute(sql`
    insert into rollup_periods (period_kind, period_start)
    select distinct 'week'::period_kind, period_start from rollup_manager_spec_period where period_kind = 'week'
    union select distinct 'month'::period_kind, period_start from rollup_manager_spec_period where period_kind = 'month'`);
}

/**
 * What a visit changes, inside its transaction: the manager's day, the shop's latest state, its
 * day rows from the visit on (a late visit changes the next pair too), and, for the periods those
 * days and today fall in, the shop's share of the period rollups (before and after the visit).
 */
export async function applyVisitToRollups(tx: Tx, visit: { managerId: number; retailerId: number; visitDate: string; visitId: string }) {
  await rebuildManagerDay(tx, { managerId: visit.managerId, day: visit.visitDate });
  const later = await rawRows<{ day: string }>(
    tx,
    sql`select distinct day::text as day from rollup_retailer_spec_day where retailer_id = ${visit.retailerId} and day >= ${visit.visitDate}`,
  );
  const periods = new Map<string, Period>();
  for (const day of [visit.visitDate, ...later.map((d) => d.day), today()]) for (const p of periodsOf(day)) periods.set(`${p.kind}:${p.start}`, p);
  const list = [...periods.values()];
  // a period no write has touched yet is computed whole first (normally the schedule did it)
  await openPeriods(tx, list, visit.visitId);
  const before = await shopShare(tx, visit.retailerId, list, visit.visitId);
  await rebuildLatestRetailerSpec(tx, [visit.retailerId]);
  await rebuildRetailerSpecDay(tx, { retailerIds: [visit.retailerId], fromDay: visit.visitDate });
  const after = await shopShare(tx, visit.retailerId, list);
  await applyShare(tx, before, after);
}

/**
 * Every rollup recomputed from the facts, in one transaction (a dashboard sees the old figures or
 * the new ones, never half), with room to sort in memory: the day rows' window over all stock lines
 * spills gigabytes to disk at the default 4 MB.
 */
export async function rebuildRollups(db: DbOrTx, log: (msg: string) => void = () => {}): Promise<void> {
  if (!(db instanceof PgTransaction)) return db.transaction((tx) => rebuildRollups(tx, log));
  await db.execute(sql`set local work_mem = '256MB'`);
  const steps: [string, () => Promise<void>][] = [
    ['manager × day', () => rebuildManagerDay(db)],
    ['latest retailer × spec', () => rebuildLatestRetailerSpec(db)],
    ['team × complaint week', () => rebuildTeamComplaintWeek(db)],
    ['retailer × spec × day', () => rebuildRetailerSpecDay(db)],
    ['manager × spec × week/month (visits)', () => rebuildManagerPeriods(db)],
    ['manager × spec × week/month (orders)', () => rebuildManagerPeriodOrders(db)],
    ['retailer × spec × month', () => rebuildRetailerSpecMonth(db)],
    ['open periods', () => markAllPeriodsOpen(db)],
  ];
  for (const [name, run] of steps) {
    const t0 = Date.now();
    await run();
    log(`[rollups] ${name}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
}
