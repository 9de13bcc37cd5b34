// The test oracle: each dashboard figure computed straight from the raw facts in plain SQL.
// It imports nothing from db/rollups.ts or lib/metrics, so a mistake there cannot hide here.
import { sql } from 'drizzle-orm';
import { rawRows, type Db } from '@/db/index';

type Range = { from: string; to: string }; // inclusive days
const one = async <T>(db: Db, q: ReturnType<typeof sql>) => (await rawRows<T>(db, q))[0];

/** planned shops visited that day ÷ planned shops (approved plans), by the plan items' team. */
export async function oracleVisitCompletion(db: Db, teamId: number, r: Range) {
  return one<{ planned: number; visited: number; made: number; off_plan: number; short: number }>(
    db,
    sql`select
      (select count(*)::int from visit_plan_items pi join visit_plans p on p.id = pi.plan_id
        where p.status = 'approved' and pi.team_id = ${teamId} and pi.day between ${r.from} and ${r.to}) as planned,
      (select count(*)::int from visit_plan_items pi join visit_plans p on p.id = pi.plan_id
        where p.status = 'approved' and pi.team_id = ${teamId} and pi.day between ${r.from} and ${r.to}
          and exists (select 1 from visits v where v.retailer_id = pi.retailer_id and v.visit_date = pi.day and v.manager_id = pi.manager_id)) as visited,
      (select count(*)::int from visits where team_id = ${teamId} and visit_date between ${r.from} and ${r.to}) as made,
      (select count(*)::int from visits where team_id = ${teamId} and visit_date between ${r.from} and ${r.to} and off_plan) as off_plan,
      (select count(*)::int from visits where team_id = ${teamId} and visit_date between ${r.from} and ${r.to} and ended_at - started_at < interval '8 minutes') as short`,
  );
}

/** Key-brand shelving from each shop's latest visit in the range, by brand. */
export async function oracleShelving(db: Db, teamId: number, r: Range) {
  return rawRows<{ brand: string; eligible: number; shelved: number }>(
    db,
    sql`with last_visit as (
          select * from visits v
          where v.visit_date between ${r.from} and ${r.to}
            and v.started_at = (select max(v2.started_at) from visits v2 where v2.retailer_id = v.retailer_id and v2.visit_date between ${r.from} and ${r.to})
        )
        select s.brand, count(*)::int as eligible,
               count(*) filter (where exists (select 1 from visit_stock_lines l where l.visit_id = lv.id and l.spec_id = i.spec_id and l.on_counter))::int as shelved
        from last_visit lv
        join retailers shop on shop.id = lv.retailer_id
        join key_brand_lists k on extract(year from k.month) = extract(year from lv.visit_date) and extract(month from k.month) = extract(month from lv.visit_date)
        join key_brand_list_items i on i.list_id = k.id and shop.grade >= i.grade_min and shop.grade <= i.grade_max and (i.area is null or i.area = lv.area)
        join specs s on s.id = i.spec_id
        where lv.team_id = ${teamId}
        group by s.brand`,
  );
}

/** Implied sales over visit pairs whose second visit falls in the range, by spec; negative pairs left out. */
export async function oracleSellThrough(db: Db, teamId: number, r: Range) {
  return rawRows<{ spec_id: number; implied: number; base: number; negative: number }>(
    db,
    sql`with pairs as (
          select l2.spec_id, l1.stock as s1, l2.stock as s2,
                 (select coalesce(sum(o.supplied), 0) from order_lines o
                   where o.retailer_id = l2.retailer_id and o.spec_id = l2.spec_id
                     and o.delivery_date > l1.visit_date and o.delivery_date <= l2.visit_date)::int as bought
          from visit_stock_lines l2
          join visit_stock_lines l1 on l1.retailer_id = l2.retailer_id and l1.spec_id = l2.spec_id
            and l1.visited_at = (select max(x.visited_at) from visit_stock_lines x
                                 where x.retailer_id = l2.retailer_id and x.spec_id = l2.spec_id and x.visited_at < l2.visited_at)
          where l2.team_id = ${teamId} and l2.visit_date between ${r.from} and ${r.to}
        )
        select spec_id,
               coalesce(sum(s1 + bought - s2) filter (where s1 + bought - s2 >= 0), 0)::int as implied,
               coalesce(sum(s1 + bought) filter (where s1 + bought - s2 >= 0), 0)::int as base,
               count(*) filter (where s1 + bought - s2 < 0)::int as negative
        from pairs group by spec_id`,
  );
}

/** Period stock: each shop × spec's latest line up to the last day, if at most 35 days old. */
export async function oracleStock(db: Db, teamId: number, lastDay: string) {
  return one<{ stock: number; shops: number }>(
    db,
    sql`select coalesce(sum(l.stock), 0)::int as stock, count(distinct l.retailer_id)::int as shops
        from visit_stock_lines l
        where l.team_id = ${teamId}
          and l.visit_date >= ${lastDay}::date - 35
          and l.visited_at = (select max(x.visited_at) from visit_stock_lines x
                              where x.retailer_id = l.retailer_id and x.spec_id = l.spec_id and x.visit_date <= ${lastDay})`,
  );
}

/** The same stock, split by the specs' price class (the inventory dashboard's weekly lines). */
export async function oracleStockByClass(db: Db, teamId: number, lastDay: string) {
  return rawRows<{ price_class: number; stock: number }>(
    db,
    sql`select s.price_class, coalesce(sum(l.stock), 0)::int as stock
        from visit_stock_lines l join specs s on s.id = l.spec_id
        where l.team_id = ${teamId}
          and l.visit_date >= ${lastDay}::date - 35
          and l.visited_at = (select max(x.visited_at) from visit_stock_lines x
                              where x.retailer_id = l.retailer_id and x.spec_id = l.spec_id and x.visit_date <= ${lastDay})
        group by s.price_class`,
  );
}

/**
 * The inventory risk table, per shop of the team: stock now (each spec's latest line, if seen in
 * the last 35 days) and the implied sales of the visit pairs ending in the 28 days up to today.
 */
export async function oracleShopStock(db: Db, teamId: number, today: string) {
  return rawRows<{ retailer_id: number; stock: number; sales28: number }>(
    db,
    sql`with st as (
          select l.retailer_id, sum(l.stock)::int as stock
          from visit_stock_lines l
          where l.team_id = ${teamId} and l.visit_date >= ${today}::date - 35
            and l.visited_at = (select max(x.visited_at) from visit_stock_lines x where x.retailer_id = l.retailer_id and x.spec_id = l.spec_id)
          group by l.retailer_id
        ), pairs as (
          select l2.retailer_id, l1.stock + (select coalesce(sum(o.supplied), 0) from order_lines o
                   where o.retailer_id = l2.retailer_id and o.spec_id = l2.spec_id
                     and o.delivery_date > l1.visit_date and o.delivery_date <= l2.visit_date) - l2.stock as implied
          from visit_stock_lines l2
          join visit_stock_lines l1 on l1.retailer_id = l2.retailer_id and l1.spec_id = l2.spec_id
            and l1.visited_at = (select max(x.visited_at) from visit_stock_lines x
                                 where x.retailer_id = l2.retailer_id and x.spec_id = l2.spec_id and x.visited_at < l2.visited_at)
          where l2.team_id = ${teamId} and l2.visit_date > ${today}::date - 28 and l2.visit_date <= ${today}::date
        )
        select st.retailer_id, st.stock,
               coalesce((select sum(implied) from pairs p where p.retailer_id = st.retailer_id and implied >= 0), 0)::int as sales28
        from st`,
  );
}

/**
 * 单规格动销率 per spec: of the team's shops that ordered the spec in one of the 3 months before,
 * how many ordered it in the month. A shop × spec × month belongs to the team of its latest delivery.
 */
export async function oracleMovingRate(db: Db, teamId: number, month: string) {
  return rawRows<{ spec_id: number; d: number; now: number }>(
    db,
    sql`with m as (
          select retailer_id, spec_id, date_trunc('month', delivery_date)::date as month, sum(ordered) as ordered,
                 (array_agg(team_id order by delivery_date desc))[1] as team_id
          from order_lines
          where delivery_date >= ${month}::date - interval '3 months' and delivery_date < ${month}::date + interval '1 month'
          group by 1, 2, 3
        ), k as (select * from m where ordered > 0 and team_id = ${teamId})
        select p.spec_id, count(*)::int as d,
               (count(*) filter (where exists (select 1 from k c where c.month = ${month}::date and c.retailer_id = p.retailer_id and c.spec_id = p.spec_id)))::int as now
        from (select distinct retailer_id, spec_id from k where month < ${month}::date) p
        group by p.spec_id`,
  );
}

/** Purchases (supplied, by delivery date) in a month against the managers' targets. */
export async function oracleTarget(db: Db, teamId: number, month: string) {
  return one<{ bought: number; target: number; ordered: number }>(
    db,
    sql`select
      (select coalesce(sum(supplied), 0)::int from order_lines where team_id = ${teamId}
        and delivery_date >= ${month}::date and delivery_date < (${month}::date + interval '1 month')) as bought,
      (select coalesce(sum(ordered), 0)::int from order_lines where team_id = ${teamId}
        and delivery_date >= ${month}::date and delivery_date < (${month}::date + interval '1 month')) as ordered,
      (select coalesce(sum(qty), 0)::int from targets where team_id = ${teamId} and month = ${month}) as target`,
  );
}

/** Each shop with an agreed volume (协议量) for the month: that volume and what was delivered to it in the month. */
export async function oracleAgreement(db: Db, teamId: number, month: string) {
  return rawRows<{ retailer_id: number; agreed: number; bought: number }>(
    db,
    sql`select a.retailer_id, a.qty::int as agreed,
      (select coalesce(sum(l.supplied), 0)::int from order_lines l where l.retailer_id = a.retailer_id
        and l.delivery_date >= ${month}::date and l.delivery_date < (${month}::date + interval '1 month')) as bought
      from agreed_volumes a where a.team_id = ${teamId} and a.month = ${month}::date
      order by a.retailer_id`,
  );
}

/** Complaints received, resolved (on time) and followed up (satisfied) in a week, from the timeline. */
export async function oracleComplaintWeek(db: Db, teamId: number, weekStart: string) {
  const from = sql`(${weekStart}::date)::timestamp at time zone 'Asia/Shanghai'`;
  const to = sql`(${weekStart}::date + 7)::timestamp at time zone 'Asia/Shanghai'`;
  return one<{ opened: number; resolved: number; on_time: number; followed: number; satisfied: number }>(
    db,
    sql`select
      (select count(*)::int from complaints where team_id = ${teamId} and received_at >= ${from} and received_at < ${to}) as opened,
      (select count(*)::int from complaints c where c.team_id = ${teamId}
         and (select min(at) from complaint_events e where e.complaint_id = c.id and e.kind = 'resolved') >= ${from}
         and (select min(at) from complaint_events e where e.complaint_id = c.id and e.kind = 'resolved') < ${to}) as resolved,
      (select count(*)::int from complaints c where c.team_id = ${teamId}
         and (select min(at) from complaint_events e where e.complaint_id = c.id and e.kind = 'resolved') >= ${from}
         and (select min(at) from complaint_events e where e.complaint_id = c.id and e.kind = 'resolved') < ${to}
         and (select min(at) from complaint_events e where e.complaint_id = c.id and e.kind = 'resolved') <= c.resolve_due_at) as on_time,
      (select count(*)::int from complaints c where c.team_id = ${teamId}
         and (select max(at) from complaint_events e where e.complaint_id = c.id and e.kind = 'follow_up') >= ${from}
         and (select max(at) from complaint_events e where e.complaint_id = c.id and e.kind = 'follow_up') < ${to}) as followed,
      (select count(*)::int from complaints c where c.team_id = ${teamId}
         and exists (select 1 from complaint_events e where e.complaint_id = c.id and e.kind = 'follow_up' and e.satisfied
                     and e.at = (select max(at) from complaint_events e2 where e2.complaint_id = c.id and e2.kind = 'follow_up')
                     and e.at >= ${from} and e.at < ${to})) as satisfied`,
  );
}
