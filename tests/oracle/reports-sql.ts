// The daily report's computed items straight from the raw facts, in plain SQL. Imports nothing
// from db/reports.ts, db/rollups.ts or lib/metrics.
import { sql } from 'drizzle-orm';
import { rawRows, type Db } from '@/db/index';

const one = async <T>(db: Db, q: ReturnType<typeof sql>) => (await rawRows<T>(db, q))[0];

export async function oracleDaily(db: Db, managerId: number, day: string) {
  const counts = await one<Record<string, number>>(
    db,
    sql`select
      (select count(*)::int from visit_plan_items pi join visit_plans p on p.id = pi.plan_id
        where p.status = 'approved' and pi.manager_id = ${managerId} and pi.day = ${day}) as planned,
      (select count(*)::int from visits where manager_id = ${managerId} and visit_date = ${day}) as made,
      (select count(*)::int from visits v where v.manager_id = ${managerId} and v.visit_date = ${day}
        and exists (select 1 from visit_plan_items pi join visit_plans p on p.id = pi.plan_id
                    where p.status = 'approved' and pi.manager_id = v.manager_id and pi.day = v.visit_date and pi.retailer_id = v.retailer_id)) as planned_made,
      (select count(*)::int from visits where manager_id = ${managerId} and visit_date = ${day} and ended_at - started_at < interval '8 minutes') as short,
      (select count(*)::int from complaints where manager_id = ${managerId} and (received_at at time zone 'Asia/Shanghai')::date = ${day}) as complaints,
      (select count(*)::int from opinion_entries where manager_id = ${managerId} and (received_at at time zone 'Asia/Shanghai')::date = ${day}) as opinions,
      (select count(*)::int from visit_info_items i join visits v on v.id = i.visit_id
        where v.manager_id = ${managerId} and v.visit_date = ${day} and i.kind = 'service_feedback') as feedback`,
  );
  const missed = await rawRows<{ retailer_id: number }>(
    db,
    sql`select pi.retailer_id from visit_plan_items pi join visit_plans p on p.id = pi.plan_id
        where p.status = 'approved' and pi.manager_id = ${managerId} and pi.day = ${day}
          and pi.retailer_id not in (select retailer_id from visits where manager_id = ${managerId} and visit_date = ${day})
        order by pi.seq`,
  );
  // the day's last line per shop and spec; the pair with the line before it (any earlier day)
  const stock = await one<{ stock_sum: number; stock_shops: number; sales: number; base: number }>(
    db,
    sql`with lines as (
          select distinct on (l.retailer_id, l.spec_id) l.retailer_id, l.spec_id, l.stock, l.visited_at, l.visit_date
          from visit_stock_lines l join visits v on v.id = l.visit_id
          where v.manager_id = ${managerId} and v.visit_date = ${day}
          order by l.retailer_id, l.spec_id, l.visited_at desc),
        pairs as (
          select lines.*, prev.stock as prev_stock, prev.visit_date as prev_date,
                 (select coalesce(sum(ol.supplied), 0) from order_lines ol
                   where ol.retailer_id = lines.retailer_id and ol.spec_id = lines.spec_id
                     and ol.delivery_date > prev.visit_date and ol.delivery_date <= lines.visit_date) as bought
          from lines
          left join lateral (select p.stock, p.visit_date from visit_stock_lines p
                             where p.retailer_id = lines.retailer_id and p.spec_id = lines.spec_id and p.visit_date < lines.visit_date
                             order by p.visited_at desc limit 1) prev on true)
        select coalesce(sum(stock), 0)::int as stock_sum, count(distinct retailer_id)::int as stock_shops,
               coalesce(sum(prev_stock + bought - stock) filter (where prev_stock + bought - stock >= 0), 0)::int as sales,
               coalesce(sum(prev_stock + bought) filter (where prev_stock + bought - stock >= 0), 0)::int as base
        from pairs`,
  );
  const shelving = await one<{ eligible: number; shelved: number }>(
    db,
    sql`select count(*)::int as eligible,
               count(*) filter (where (select l.on_counter from visit_stock_lines l
                                       where l.retailer_id = shop.id and l.spec_id = i.spec_id and l.visit_date = ${day} and l.manager_id = ${managerId}
                                       order by l.visited_at desc limit 1))::int as shelved
        from retailers shop
        join key_brand_lists k on to_char(k.month, 'YYYY-MM') = ${day.slice(0, 7)}
        join key_brand_list_items i on i.list_id = k.id and shop.grade between i.grade_min and i.grade_max and (i.area is null or i.area = shop.area)
        where shop.id in (select retailer_id from visits where manager_id = ${managerId} and visit_date = ${day})`,
  );
  return {
    planned: counts.planned,
    made: counts.made,
    plannedMade: counts.planned_made,
    short: counts.short,
    missed: missed.map((m) => Number(m.retailer_id)),
    stockSum: stock.stock_sum,
    stockShops: stock.stock_shops,
    impliedSales: stock.sales,
    sellBase: stock.base,
    keyShouldShelve: shelving.eligible,
    keyShelved: shelving.shelved,
    complaints: counts.complaints,
    opinions: counts.opinions,
    feedback: counts.feedback,
  };
}
