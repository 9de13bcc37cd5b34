import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from './index';
import type { Tx } from './index';
import { dateInTz, weekStart as weekOf, addDays } from '@/lib/time';

// Dashboards read these tables, never the raw facts. Each rollup has one SQL definition used two
// ways: `rebuildRollups` recomputes every row from the facts; the write paths recompute just the
// rows a write touches, inside the write's transaction. So rebuild = incremental by construction
// (and a test checks it). Days and weeks are the company's (Asia/Shanghai); visit_date is local.

type ManagerDayFilter = { managerId: number; day: string } | { from: string; to: string } | undefined;

export async function rebuildManagerDay(db: DbOrTx, filter?: ManagerDayFilter) {
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

/** After a complaint event at `at`: the team's row for that week. */
export function refreshComplaintWeek(tx: Tx, teamId: number, at: Date) {
  return rebuildTeamComplaintWeek(tx, { teamId, weekStart: weekOf(dateInTz(at)) });
}

export async function rebuildRollups(db: DbOrTx) {
  await rebuildManagerDay(db);
  await rebuildLatestRetailerSpec(db);
  await rebuildTeamComplaintWeek(db);
}
