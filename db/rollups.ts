import { sql } from 'drizzle-orm';
import type { DbOrTx } from './index';

// Dashboards read these tables, never the raw facts. `rebuildRollups` recomputes them from the
// facts; the write paths keep them current incrementally (see tests: rebuild = incremental).
// Week and day boundaries are the company's (Asia/Shanghai); visit_date is already local.

export async function rebuildManagerDay(db: DbOrTx, from?: string, to?: string) {
  const range = (col: string) => (from && to ? sql`${sql.raw(col)} between ${from} and ${to}` : sql`true`);
  await db.execute(sql`delete from rollup_manager_day where ${range('day')}`);
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
      where ${range('pi.day')}
      union all
      select v.visit_date, v.manager_id, v.team_id, v.branch_id, null, v.area,
             0, 1, (v.plan_item_id is not null)::int, 0, v.off_plan::int, v.short::int, v.started_at, v.ended_at
      from visits v
      where ${range('v.visit_date')}
      union all
      select m.day, m.manager_id, m.team_id, m.branch_id, null, null, 0, 0, 0, 1, 0, 0, null, null
      from missed_visits m
      where ${range('m.day')}
    ) facts
    group by day, manager_id`);
}

export async function rebuildLatestRetailerSpec(db: DbOrTx) {
  await db.execute(sql`delete from latest_retailer_spec`);
  await db.execute(sql`
    insert into latest_retailer_spec
      (retailer_id, spec_id, visit_id, stock, on_counter, price_tag_ok, visited_at, manager_id, team_id, branch_id)
    select distinct on (retailer_id, spec_id)
           retailer_id, spec_id, visit_id, stock, on_counter, price_tag_ok, visited_at, manager_id, team_id, branch_id
    from visit_stock_lines
    order by retailer_id, spec_id, visited_at desc`);
}

export async function rebuildTeamComplaintWeek(db: DbOrTx) {
  await db.execute(sql`delete from rollup_team_complaint_week`);
  // each complaint counts once as opened in the week it was received, as resolved in the week it
  // first reached 'resolved', and as followed up / satisfied in the week of its last follow-up call
  await db.execute(sql`
    insert into rollup_team_complaint_week
      (week_start, team_id, branch_id, category, opened, resolved, resolved_on_time, followed_up, satisfied)
    select week_start, team_id, max(branch_id), category,
           sum(opened), sum(resolved), sum(resolved_on_time), sum(followed_up), sum(satisfied)
    from (
      select date_trunc('week', c.received_at at time zone 'Asia/Shanghai')::date as week_start,
             c.team_id, c.branch_id, c.category, 1 as opened, 0 as resolved, 0 as resolved_on_time,
             0 as followed_up, 0 as satisfied
      from complaints c
      union all
      select date_trunc('week', e.first_resolved at time zone 'Asia/Shanghai')::date, c.team_id, c.branch_id,
             c.category, 0, 1, (e.first_resolved <= c.resolve_due_at)::int, 0, 0
      from complaints c
      join (select complaint_id, min(at) as first_resolved from complaint_events
            where kind = 'resolved' group by complaint_id) e on e.complaint_id = c.id
      union all
      select date_trunc('week', f.at at time zone 'Asia/Shanghai')::date, c.team_id, c.branch_id,
             c.category, 0, 0, 0, 1, coalesce(f.satisfied, false)::int
      from complaints c
      join (select distinct on (complaint_id) complaint_id, at, satisfied from complaint_events
            where kind = 'follow_up' order by complaint_id, at desc) f on f.complaint_id = c.id
    ) facts
    group by week_start, team_id, category`);
}

export async function rebuildRollups(db: DbOrTx) {
  await rebuildManagerDay(db);
  await rebuildLatestRetailerSpec(db);
  await rebuildTeamComplaintWeek(db);
}
