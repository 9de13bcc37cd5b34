import 'server-only';
import { cache } from 'react';
import { and, asc, eq, gte, inArray, lte, ne, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { rawRows, type Db } from '@/db/index';
import {
  complaints,
  routes,
  rollupManagerDay,
  rollupManagerPeriod,
  rollupManagerSpecPeriod,
  rollupManagerSpecPeriodOrders,
  rollupTeamComplaintWeek,
  specs,
  targets,
  teams,
  users,
} from '@/db/schema';
import { periodEnd, type Period } from '@/db/rollups';
import { overdueSql } from './complaint-list';
import type { Scope } from '@/lib/auth/scope';
import { addDays, addMonths, monthStart, weekStart } from '@/lib/time';

// Dashboards read the rollups only. A filter is the URL's view: a period, and optionally a team,
// a manager, a brand or spec, and an area; every id is checked against the caller's scope.

export type DayRange = { from: string; to: string }; // inclusive

export type DashboardFilter = {
  /** the period charts end at, and single-period figures (stock, targets) use */
  period: Period;
  /** the periods summed for the view: one week or month, or the weeks of a range */
  periods?: Period[];
  range?: DayRange;
  teamId?: number;
  managerId?: number;
  specId?: number;
  brand?: string;
  area?: 'city' | 'rural';
  /** 业态: applies where rows are shops (the shop tables) */
  format?: string;
};

export type ResolvedFilter = DashboardFilter & { periods: Period[]; range: DayRange; managerIds: number[] | null };

export const rangeOf = (p: Period): DayRange => ({ from: p.start, to: addDays(periodEnd(p), -1) });

/** period=week|month&at=…, or period=range&from=…&to=… (whole weeks, at most 26). */
export function parseView(sp: Record<string, string | undefined>, today: string): Pick<ResolvedFilter, 'period' | 'periods' | 'range'> {
  const isDay = (v?: string) => !!v && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v));
  if (sp.period === 'range' && isDay(sp.from) && isDay(sp.to) && sp.from! <= sp.to!) {
    const periods: Period[] = [];
    for (let w = weekStart(sp.from!); w <= sp.to! && periods.length < 26; w = addDays(w, 7)) periods.push({ kind: 'week', start: w });
    return { period: periods[periods.length - 1], periods, range: { from: periods[0].start, to: addDays(periods[periods.length - 1].start, 6) } };
  }
  const period = parsePeriod(sp, today);
  return { period, periods: [period], range: rangeOf(period) };
}

const intParam = (v: string | undefined) => (v && /^\d{1,9}$/.test(v) ? Number(v) : undefined);

/**
 * The dashboard view a URL asks for (the pages and their exports read the same parameters).
 * null when a team or manager id is not even a number: the caller answers 404.
 */
export function filterFromSearch(sp: Record<string, string | undefined>, today: string): DashboardFilter | null {
  const filter: DashboardFilter = {
    ...parseView(sp, today),
    teamId: intParam(sp.team),
    managerId: intParam(sp.manager),
    specId: intParam(sp.spec),
    brand: sp.brand ? sp.brand.slice(0, 40) : undefined,
    area: sp.area === 'city' || sp.area === 'rural' ? sp.area : undefined,
    format: sp.format && /^[a-z_]{1,20}$/.test(sp.format) ? sp.format : undefined,
  };
  if ((sp.team && filter.teamId === undefined) || (sp.manager && filter.managerId === undefined)) return null;
  return filter;
}

/** The same length of time just before. */
export function previousView(v: Pick<ResolvedFilter, 'period' | 'periods' | 'range'>): Pick<ResolvedFilter, 'period' | 'periods' | 'range'> {
  if (v.periods.length === 1) {
    const p = previousPeriod(v.period);
    return { period: p, periods: [p], range: rangeOf(p) };
  }
  const periods = v.periods.map((p) => ({ kind: 'week' as const, start: addDays(p.start, -7 * v.periods.length) }));
  return { period: periods[periods.length - 1], periods, range: { from: periods[0].start, to: addDays(periods[periods.length - 1].start, 6) } };
}

export function parsePeriod(sp: Record<string, string | undefined>, today: string): Period {
  const kind = sp.period === 'month' ? 'month' : 'week';
  const at = sp.at && /^\d{4}-\d{2}-\d{2}$/.test(sp.at) ? sp.at : today;
  return { kind, start: kind === 'week' ? weekStart(at) : monthStart(at) };
}

export function previousPeriod(p: Period): Period {
  return p.kind === 'week' ? { kind: 'week', start: addDays(p.start, -7) } : { kind: 'month', start: addMonths(p.start, -1) };
}

export function lastPeriods(p: Period, n: number): Period[] {
  const out: Period[] = [p];
  while (out.length < n) out.unshift(previousPeriod(out[0]));
  return out;
}

/** Teams and managers the caller may see: what the filter menus offer, and what ids must match. */
// memoised for one render: the layout's filter bar and the page's scope check ask for the same
export const getScopeOrg = cache(async function getScopeOrg(db: Db, scope: Scope) {
  const teamRows = await db
    .select({ id: teams.id, name: teams.name, branchId: teams.branchId })
    .from(teams)
    .where(scope.role === 'supervisor' ? eq(teams.id, scope.teamId ?? -1) : scope.role === 'branch_head' ? eq(teams.branchId, scope.branchId ?? -1) : undefined)
    .orderBy(asc(teams.id));
  const teamIds = teamRows.map((t) => t.id);
  const managerRows = teamIds.length
    ? await db
        .select({ id: users.id, name: users.name, teamId: users.teamId })
        .from(users)
        .where(and(eq(users.role, 'manager'), inArray(users.teamId, teamIds)))
        .orderBy(asc(users.id))
    : [];
  // a manager's area: the area most of the manager's routes have
  const areaRows = managerRows.length
    ? await db
        .select({ managerId: routes.managerId, area: sql<'city' | 'rural'>`mode() within group (order by ${routes.area})` })
        .from(routes)
        .where(inArray(routes.managerId, managerRows.map((m) => m.id)))
        .groupBy(routes.managerId)
    : [];
  const areaOf = new Map(areaRows.map((a) => [a.managerId, a.area]));
  return { teams: teamRows, managers: managerRows.map((m) => ({ ...m, area: areaOf.get(m.id) ?? 'city' })) };
});

/** Checks the filter's ids against the scope: null means "not in scope" (the page answers 404). */
export async function resolveFilter(db: Db, scope: Scope, f: DashboardFilter): Promise<(ResolvedFilter & { org: Awaited<ReturnType<typeof getScopeOrg>> }) | null> {
  const org = await getScopeOrg(db, scope);
  if (f.teamId !== undefined && !org.teams.some((t) => t.id === f.teamId)) return null;
  if (f.managerId !== undefined && !org.managers.some((m) => m.id === f.managerId && (f.teamId === undefined || m.teamId === f.teamId))) return null;
  let managerIds: number[] | null = null;
  if (f.managerId !== undefined) managerIds = [f.managerId];
  else if (f.area || f.teamId !== undefined) {
    managerIds = org.managers.filter((m) => (f.teamId === undefined || m.teamId === f.teamId) && (!f.area || m.area === f.area)).map((m) => m.id);
  }
  const periods = f.periods ?? [f.period];
  return { ...f, periods, range: f.range ?? { from: periods[0].start, to: addDays(periodEnd(periods[periods.length - 1]), -1) }, managerIds, org };
}

/** The stamped-org part of a filter, for any rollup with manager/team/branch columns. */
function orgWhere(scope: Scope, f: ResolvedFilter, t: { managerId: AnyPgColumn; teamId: AnyPgColumn; branchId: AnyPgColumn }): SQL | undefined {
  const parts: (SQL | undefined)[] = [];
  if (scope.role === 'supervisor') parts.push(eq(t.teamId, scope.teamId ?? -1));
  if (scope.role === 'branch_head') parts.push(eq(t.branchId, scope.branchId ?? -1));
  if (scope.role === 'manager') parts.push(eq(t.managerId, scope.userId));
  if (f.managerIds) parts.push(f.managerIds.length ? inArray(t.managerId, f.managerIds) : sql`false`);
  return and(...parts);
}

const oSums = {
  purchases: sql<number>`coalesce(sum(${rollupManagerSpecPeriodOrders.purchases}), 0)::float8`,
  purchasesFen: sql<number>`coalesce(sum(${rollupManagerSpecPeriodOrders.purchasesFen}), 0)::float8`,
  ordered: sql<number>`coalesce(sum(${rollupManagerSpecPeriodOrders.ordered}), 0)::float8`,
  quota: sql<number>`coalesce(sum(${rollupManagerSpecPeriodOrders.quota}), 0)::float8`,
};
const bSums = {
  impliedSales: sql<number>`coalesce(sum(${rollupManagerSpecPeriod.impliedSales}), 0)::float8`,
  sellBase: sql<number>`coalesce(sum(${rollupManagerSpecPeriod.sellBase}), 0)::float8`,
  negativePairs: sql<number>`coalesce(sum(${rollupManagerSpecPeriod.negativePairs}), 0)::float8`,
  shelved: sql<number>`coalesce(sum(${rollupManagerSpecPeriod.shelved}), 0)::float8`,
  eligible: sql<number>`coalesce(sum(${rollupManagerSpecPeriod.eligible}), 0)::float8`,
  stockSum: sql<number>`coalesce(sum(${rollupManagerSpecPeriod.stockSum}), 0)::float8`,
  stockLines: sql<number>`coalesce(sum(${rollupManagerSpecPeriod.stockRetailers}), 0)::float8`,
};
export type PeriodSums = { [K in keyof typeof bSums | keyof typeof oSums]: number };
const zeroSums = (): PeriodSums => ({ purchases: 0, purchasesFen: 0, ordered: 0, quota: 0, impliedSales: 0, sellBase: 0, negativePairs: 0, shelved: 0, eligible: 0, stockSum: 0, stockLines: 0 });

type Dim = 'none' | 'manager' | 'team' | 'spec' | 'brand' | 'period' | 'periodPriceClass';
/** which rollup a figure needs: the visits' (stock, shelving, sell-through) or the orders' (purchases, quotas) */
type Side = 'visits' | 'orders' | 'both';

// 'none' aggregates every row into one (PostgreSQL refuses GROUP BY a constant)
const groupOf = (dim: string, key: SQL): SQL[] => (dim === 'none' ? [] : [key]);

/**
 * Σ over the period × manager × spec rollups (visits and orders), grouped by one dimension
 * ('periodPriceClass' keys are `<period start>|<price class>`). `side` leaves out the rollup whose
 * figures the caller does not read (its sums stay 0).
 */
export async function getPeriodSums(db: Db, scope: Scope, f: ResolvedFilter, periods: Period[], dim: Dim = 'none', side: Side = 'both') {
  const keyOf = (t: typeof rollupManagerSpecPeriod | typeof rollupManagerSpecPeriodOrders) =>
    ({
      none: sql<string>`''`,
      manager: sql<string>`${t.managerId}::text`,
      team: sql<string>`${t.teamId}::text`,
      spec: sql<string>`${t.specId}::text`,
      brand: sql<string>`${specs.brand}`,
      period: sql<string>`${t.periodStart}::text`,
      periodPriceClass: sql<string>`${t.periodStart}::text || '|' || ${specs.priceClass}::text`,
    })[dim];
  const where = (t: typeof rollupManagerSpecPeriod | typeof rollupManagerSpecPeriodOrders) =>
    and(
      eq(t.periodKind, periods[0].kind),
      inArray(t.periodStart, periods.map((p) => p.start)),
      orgWhere(scope, f, t),
      f.specId ? eq(t.specId, f.specId) : f.brand ? sql`${t.specId} in (select id from specs where brand = ${f.brand})` : undefined,
    );
  const vk = keyOf(rollupManagerSpecPeriod);
  const ok = keyOf(rollupManagerSpecPeriodOrders);
  const [visitRows, orderRows] = await Promise.all([
    side === 'orders'
      ? []
      : db.select({ key: vk, ...bSums }).from(rollupManagerSpecPeriod).innerJoin(specs, eq(specs.id, rollupManagerSpecPeriod.specId)).where(where(rollupManagerSpecPeriod)).groupBy(...groupOf(dim, vk)),
    side === 'visits'
      ? []
      : db.select({ key: ok, ...oSums }).from(rollupManagerSpecPeriodOrders).innerJoin(specs, eq(specs.id, rollupManagerSpecPeriodOrders.specId)).where(where(rollupManagerSpecPeriodOrders)).groupBy(...groupOf(dim, ok)),
  ]);
  const out = new Map<string, PeriodSums>();
  for (const { key, ...v } of [...visitRows, ...orderRows]) out.set(key, { ...(out.get(key) ?? zeroSums()), ...v });
  if (dim === 'none' && !out.has('')) out.set('', zeroSums());
  return out;
}

/** Retailers with a period stock (the denominator of average stock per shop), by period or manager. */
export async function getStockRetailers(db: Db, scope: Scope, f: ResolvedFilter, periods: Period[], dim: 'none' | 'period' | 'manager' | 'team' = 'none') {
  const key = {
    none: sql<string>`''`,
    period: sql<string>`${rollupManagerPeriod.periodStart}::text`,
    manager: sql<string>`${rollupManagerPeriod.managerId}::text`,
    team: sql<string>`${rollupManagerPeriod.teamId}::text`,
  }[dim];
  const rows = await db
    .select({ key, n: sql<number>`coalesce(sum(${rollupManagerPeriod.stockRetailers}), 0)::float8` })
    .from(rollupManagerPeriod)
    .where(
      and(
        eq(rollupManagerPeriod.periodKind, periods[0].kind),
        inArray(rollupManagerPeriod.periodStart, periods.map((p) => p.start)),
        orgWhere(scope, f, rollupManagerPeriod),
      ),
    )
    .groupBy(...groupOf(dim, key));
  return new Map(rows.map((r) => [r.key, r.n]));
}

const dSums = {
  planned: sql<number>`coalesce(sum(${rollupManagerDay.planned}), 0)::float8`,
  made: sql<number>`coalesce(sum(${rollupManagerDay.made}), 0)::float8`,
  plannedMade: sql<number>`coalesce(sum(${rollupManagerDay.plannedMade}), 0)::float8`,
  missed: sql<number>`coalesce(sum(${rollupManagerDay.missed}), 0)::float8`,
  offPlan: sql<number>`coalesce(sum(${rollupManagerDay.offPlan}), 0)::float8`,
  short: sql<number>`coalesce(sum(${rollupManagerDay.short}), 0)::float8`,
};
export type DaySums = { [K in keyof typeof dSums]: number };

/** Σ of the day × manager rollup over a period, grouped by manager, team, day or nothing. */
const toRange = (p: Period | DayRange): DayRange => ('kind' in p ? rangeOf(p) : p);

export async function getVisitSums(db: Db, scope: Scope, f: ResolvedFilter, period: Period | DayRange, dim: 'none' | 'manager' | 'team' | 'day' = 'none') {
  const r = toRange(period);
  const key = {
    none: sql<string>`''`,
    manager: sql<string>`${rollupManagerDay.managerId}::text`,
    team: sql<string>`${rollupManagerDay.teamId}::text`,
    day: sql<string>`${rollupManagerDay.day}::text`,
  }[dim];
  const rows = await db
    .select({ key, ...dSums })
    .from(rollupManagerDay)
    .where(and(gte(rollupManagerDay.day, r.from), lte(rollupManagerDay.day, r.to), orgWhere(scope, f, rollupManagerDay)))
    .groupBy(...groupOf(dim, key));
  return new Map(rows.map(({ key: k, ...v }) => [k, v as DaySums]));
}

/** Per manager per day: made against the day's standard, short visits, field hours. */
export async function getManagerDays(db: Db, scope: Scope, f: ResolvedFilter, period: Period | DayRange) {
  const r = toRange(period);
  return db
    .select({
      day: rollupManagerDay.day,
      managerId: rollupManagerDay.managerId,
      area: rollupManagerDay.area,
      planned: rollupManagerDay.planned,
      made: rollupManagerDay.made,
      plannedMade: rollupManagerDay.plannedMade,
      missed: rollupManagerDay.missed,
      offPlan: rollupManagerDay.offPlan,
      short: rollupManagerDay.short,
      firstStart: rollupManagerDay.firstStart,
      lastEnd: rollupManagerDay.lastEnd,
    })
    .from(rollupManagerDay)
    .where(and(gte(rollupManagerDay.day, r.from), lte(rollupManagerDay.day, r.to), orgWhere(scope, f, rollupManagerDay)))
    .orderBy(asc(rollupManagerDay.day), asc(rollupManagerDay.managerId));
}

/** Complaints per week and category from the weekly rollup; open and overdue from the complaints' own index. */
export async function getComplaintWeeks(db: Db, scope: Scope, f: ResolvedFilter, weeks: string[]) {
  const t = rollupTeamComplaintWeek;
  const teamFilter =
    scope.role === 'supervisor' ? eq(t.teamId, scope.teamId ?? -1) : scope.role === 'branch_head' ? eq(t.branchId, scope.branchId ?? -1) : undefined;
  return db
    .select({
      weekStart: t.weekStart,
      category: t.category,
      opened: sql<number>`sum(${t.opened})::float8`,
      resolved: sql<number>`sum(${t.resolved})::float8`,
      resolvedOnTime: sql<number>`sum(${t.resolvedOnTime})::float8`,
      followedUp: sql<number>`sum(${t.followedUp})::float8`,
      satisfied: sql<number>`sum(${t.satisfied})::float8`,
    })
    .from(t)
    .where(and(inArray(t.weekStart, weeks), teamFilter, f.teamId ? eq(t.teamId, f.teamId) : undefined))
    .groupBy(t.weekStart, t.category)
    .orderBy(asc(t.weekStart));
}

export async function getOpenComplaintCounts(db: Db, scope: Scope, f: ResolvedFilter, now: Date) {
  const [row] = await db
    .select({
      open: sql<number>`count(*)::float8`,
      overdue: sql<number>`(count(*) filter (where ${overdueSql(now)}))::float8`,
    })
    .from(complaints)
    .where(and(ne(complaints.status, 'closed'), orgWhere(scope, f, complaints)));
  return row ?? { open: 0, overdue: 0 };
}

export async function getTargets(db: Db, scope: Scope, f: ResolvedFilter, month: string, dim: 'none' | 'manager' | 'team' = 'none') {
  const key = { none: sql<string>`''`, manager: sql<string>`${targets.managerId}::text`, team: sql<string>`${targets.teamId}::text` }[dim];
  const rows = await db
    .select({ key, qty: sql<number>`coalesce(sum(${targets.qty}), 0)::float8`, amountFen: sql<number>`coalesce(sum(${targets.amountFen}), 0)::float8` })
    .from(targets)
    .where(and(eq(targets.month, month), orgWhere(scope, f, targets)))
    .groupBy(...groupOf(dim, key));
  return new Map(rows.map(({ key: k, ...v }) => [k, v]));
}

export const getSpecOptions = cache(async function getSpecOptions(db: Db) {
  return db.select({ id: specs.id, name: specs.name, brand: specs.brand, priceClass: specs.priceClass }).from(specs).orderBy(asc(specs.priceClass), asc(specs.brand), asc(specs.name));
});

/**
 * Per shop of the chosen managers: stock now (latest state, at most 35 days old) and implied
 * sales over the last 28 days (day grain), for days of stock and stock-to-sales.
 */
export async function getShopStockRisk(db: Db, f: ResolvedFilter, managerIds: number[], today: string) {
  if (managerIds.length === 0) return [];
  // a spec or brand needs the spec grains; otherwise each shop's stock and sales are already summed
  const bySpec = !!(f.specId || f.brand);
  const specCond = f.specId ? sql`and spec_id = ${f.specId}` : f.brand ? sql`and spec_id in (select id from specs where brand = ${f.brand})` : sql``;
  const ids = sql.join(managerIds.map((i) => sql`${i}`), sql`, `);
  const rows = await rawRows<{ retailer_id: number; name: string; manager_id: number; stock: number; sales28: number }>(
    db,
    sql`
    with st as (
      ${
        bySpec
          ? sql`select retailer_id, sum(stock)::float8 as stock from latest_retailer_spec
                where manager_id in (${ids}) and visited_at >= (${today}::date - 35)::timestamp at time zone 'Asia/Shanghai' ${specCond}`
          : sql`select retailer_id, sum(stock)::float8 as stock from latest_retailer_stock_day
                where manager_id in (${ids}) and day >= ${today}::date - 35`
      }
      group by retailer_id
    ), sa as (
      select retailer_id, sum(coalesce(implied_sales, 0))::float8 as sales28 from ${sql.raw(bySpec ? 'rollup_retailer_spec_day' : 'rollup_retailer_day')}
      where manager_id in (${ids})
        and day > ${today}::date - 28 and day <= ${today}::date ${specCond}
      group by retailer_id
    )
    select st.retailer_id, r.name, r.manager_id, st.stock, coalesce(sa.sales28, 0) as sales28
    from st
    -- each shop by its key: a scan of every shop costs more. OFFSET 0 keeps PostgreSQL from
    -- flattening the lateral into a hash join over all shops (measured: 2× slower for a team)
    cross join lateral (select name, manager_id, format from retailers where id = st.retailer_id offset 0) r
    left join sa on sa.retailer_id = st.retailer_id
    ${f.format ? sql`where r.format::text = ${f.format}` : sql``}`,
  );
  return rows.map((r) => ({ retailerId: Number(r.retailer_id), name: r.name, managerId: Number(r.manager_id), stock: Number(r.stock), sales28: Number(r.sales28) }));
}

/** 单规格动销率 per spec for a month: of D (ordered in the previous 3 months), the share ordering now. */
export async function getMovingRate(db: Db, scope: Scope, f: ResolvedFilter, month: string) {
  const org = orgWhereRaw(scope, f);
  // the window rollup: a shop × spec with one org stamp in the window is one row; one with
  // several (a reassigned shop) is grouped over the stamps the view keeps
  const rows = await rawRows<{ spec_id: number; d: number; now: number }>(
    db,
    sql`
    select spec_id, sum(d)::int as d, sum(now)::int as now from (
      select spec_id, count(*)::int as d, (count(*) filter (where now))::int as now
      from rollup_retailer_spec_moving
      where month = ${month}::date and stamps = 1 and before and ${org}
      group by spec_id
      union all
      select spec_id, count(*)::int, (count(*) filter (where now))::int from (
        select retailer_id, spec_id, bool_or(now) as now from rollup_retailer_spec_moving
        where month = ${month}::date and stamps > 1 and ${org}
        group by retailer_id, spec_id having bool_or(before)
      ) several
      group by spec_id
    ) x
    group by spec_id`,
  );
  return new Map(rows.map((r) => [Number(r.spec_id), { d: Number(r.d), now: Number(r.now) }]));
}

/** Purchases this month against each shop's agreed volume (协议量). */
export async function getAgreementRows(db: Db, scope: Scope, f: ResolvedFilter, month: string) {
  const org = orgWhereRaw(scope, f, 'a');
  const rows = await rawRows<{ retailer_id: number; size: string; agreed: number; bought: number }>(
    db,
    sql`
    select a.retailer_id, r.size, a.qty::float8 as agreed, coalesce(m.supplied, 0)::float8 as bought
    from agreed_volumes a
    -- each shop and its month by key (OFFSET 0: not flattened into hash joins over every shop and
    -- every shop-month, which PostgreSQL picks for a team's thousand shops and which cost 2-4×)
    cross join lateral (select size from retailers where id = a.retailer_id offset 0) r
    left join lateral (select supplied from rollup_retailer_month where retailer_id = a.retailer_id and month = a.month offset 0) m on true
    where a.month = ${month}::date and ${org}`,
  );
  return rows.map((r) => ({ retailerId: Number(r.retailer_id), small: r.size === 'small', agreed: Number(r.agreed), bought: Number(r.bought) }));
}

export async function getMissedReasons(db: Db, scope: Scope, f: ResolvedFilter, period: Period | DayRange) {
  const r = toRange(period);
  const org = orgWhereRaw(scope, f);
  const rows = await rawRows<{ reason: string; n: number }>(
    db,
    sql`select reason::text as reason, count(*)::int as n from missed_visits
        where day >= ${r.from}::date and day <= ${r.to}::date and ${org} group by reason`,
  );
  return new Map(rows.map((r) => [r.reason, Number(r.n)]));
}

export async function getComplaintBacklog(db: Db, scope: Scope, f: ResolvedFilter) {
  const org = orgWhereRaw(scope, f);
  const rows = await rawRows<{ status: string; n: number }>(
    db,
    sql`select status::text as status, count(*)::int as n from complaints where status <> 'closed' and ${org} group by status`,
  );
  return new Map(rows.map((r) => [r.status, Number(r.n)]));
}

function orgWhereRaw(scope: Scope, f: ResolvedFilter, alias?: string): SQL {
  const c = (col: string) => sql.raw(alias ? `${alias}.${col}` : col);
  const parts: SQL[] = [];
  if (scope.role === 'supervisor') parts.push(sql`${c('team_id')} = ${scope.teamId ?? -1}`);
  if (scope.role === 'branch_head') parts.push(sql`${c('branch_id')} = ${scope.branchId ?? -1}`);
  if (scope.role === 'manager') parts.push(sql`${c('manager_id')} = ${scope.userId}`);
  if (f.managerIds) parts.push(f.managerIds.length ? sql`${c('manager_id')} in (${sql.join(f.managerIds.map((i) => sql`${i}`), sql`, `)})` : sql`false`);
  return parts.length ? sql.join(parts, sql` and `) : sql`true`;
}
