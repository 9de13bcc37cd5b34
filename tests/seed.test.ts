import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDb } from './helpers/db';
import { rawRows, type Db } from '@/db/index';
import { seed } from '@/db/seed/index';

const TODAY = '2026-11-26';
type TestDb = Awaited<ReturnType<typeof createTestDb>>;

const n = (v: unknown) => Number(v);

async function one<T = Record<string, unknown>>(db: Db, q: ReturnType<typeof sql>): Promise<T> {
  const rows = await rawRows<T>(db, q);
  return rows[0];
}

async function checksum(db: Db) {
  return one(db, sql`
    select
      (select count(*) from visits)::bigint as visits,
      (select md5(string_agg(id::text, ',' order by id)) from visits) as visit_ids,
      (select md5(string_agg(started_at::text || retailer_id || manager_id, ',' order by id)) from visits) as visit_times,
      (select coalesce(sum(stock), 0) from visit_stock_lines)::bigint as stock_sum,
      (select md5(string_agg(order_no || spec_id || ':' || supplied, ',' order by order_no, spec_id)) from order_lines) as order_lines,
      (select md5(string_agg(number || status, ',' order by number)) from complaints) as complaints,
      (select md5(string_agg(licence_no || name, ',' order by id)) from retailers) as retailers`);
}

const STAMPED = [
  'visits',
  'visit_stock_lines',
  'visit_order_lines',
  'visit_info_items',
  'visit_plans',
  'visit_plan_items',
  'missed_visits',
  'orders',
  'order_lines',
  'order_follow_ups',
  'complaints',
  'complaint_events',
  'opinion_entries',
  'opinion_summaries',
  'daily_reports',
  'summaries',
  'forecasts',
  'targets',
  'agreed_volumes',
  'customer_group_assignments',
  'collection_sheets',
];

describe('seed (scale test)', () => {
  let a: TestDb;
  let b: TestDb;
  let countsA: Record<string, number>;
  let countsB: Record<string, number>;

  beforeAll(async () => {
    a = await createTestDb();
    b = await createTestDb();
    // the first load checks every foreign key row by row; the second uses the fast path
    countsA = await seed(a.db, { scale: 'test', seed: 7, today: TODAY, checkForeignKeys: true });
    countsB = await seed(b.db, { scale: 'test', seed: 7, today: TODAY });
  }, 240_000);

  afterAll(async () => {
    await a?.cleanup();
    await b?.cleanup();
  });

  it('implied sales between consecutive visits are never negative, over many pairs', async () => {
    const r = await one<{ pairs: string; negative: string; positive: string }>(a.db, sql`
      with l as (
        select retailer_id, spec_id, visit_date, stock,
               lag(visit_date) over w as prev_date,
               lag(stock) over w as prev_stock
        from visit_stock_lines
        window w as (partition by retailer_id, spec_id order by visited_at)
      ), pairs as (
        select l.prev_stock + coalesce((
                 select sum(ol.supplied) from order_lines ol
                 where ol.retailer_id = l.retailer_id and ol.spec_id = l.spec_id
                   and ol.delivery_date > l.prev_date and ol.delivery_date <= l.visit_date), 0)
               - l.stock as implied
        from l where l.prev_date is not null
      )
      select count(*) as pairs,
             count(*) filter (where implied < 0) as negative,
             count(*) filter (where implied > 0) as positive
      from pairs`);
    expect(n(r.pairs)).toBeGreaterThan(1000);
    expect(n(r.negative)).toBe(0);
    expect(n(r.positive)).toBeGreaterThan(n(r.pairs) / 3); // shops do sell
  });

  it('every visit lists every key spec its retailer is eligible for that month', async () => {
    const r = await one<{ eligible: string; missing: string; not_key: string }>(a.db, sql`
      select count(*) as eligible,
             count(*) filter (where sl.visit_id is null) as missing,
             count(*) filter (where sl.visit_id is not null and not sl.is_key) as not_key
      from visits v
      join retailers r on r.id = v.retailer_id
      join key_brand_lists kl on kl.month = date_trunc('month', v.visit_date)::date
      join key_brand_list_items ki on ki.list_id = kl.id
        and r.grade between ki.grade_min and ki.grade_max
        and (ki.area is null or ki.area = r.area)
      left join visit_stock_lines sl on sl.visit_id = v.id and sl.spec_id = ki.spec_id`);
    expect(n(r.eligible)).toBeGreaterThan(10_000);
    expect(n(r.missing)).toBe(0);
    expect(n(r.not_key)).toBe(0);
    // a key spec a shop does not carry is still listed: stock 0, not on the counter
    const z = await one<{ zero: string; bad: string }>(a.db, sql`
      select count(*) filter (where is_key and stock = 0) as zero,
             count(*) filter (where stock = 0 and on_counter) as bad
      from visit_stock_lines`);
    expect(n(z.zero)).toBeGreaterThan(0);
    expect(n(z.bad)).toBe(0);
  });

  it('is deterministic: the same seed gives the same rows', async () => {
    expect(countsB).toEqual(countsA);
    expect(await checksum(b.db)).toEqual(await checksum(a.db));
    expect(countsA.visits).toBeGreaterThan(2000);
  });

  it('has the rough shape of a field force', async () => {
    const p = await one<{ planned: string; made: string }>(a.db, sql`
      select count(*) as planned, count(v.id) as made
      from visit_plan_items pi left join visits v on v.plan_item_id = pi.id
      where pi.day < ${TODAY}`);
    const completion = n(p.made) / n(p.planned);
    expect(completion).toBeGreaterThan(0.85);
    expect(completion).toBeLessThan(0.97);

    const v = await one<{ total: string; off: string; short: string; min_lines: string; max_lines: string }>(a.db, sql`
      select count(*) as total,
             count(*) filter (where off_plan) as off,
             count(*) filter (where short) as short,
             (select min(c) from (select count(*) c from visit_stock_lines group by visit_id) x) as min_lines,
             (select max(c) from (select count(*) c from visit_stock_lines group by visit_id) x) as max_lines
      from visits`);
    const off = n(v.off) / n(v.total);
    const short = n(v.short) / n(v.total);
    expect(off).toBeGreaterThan(0.01);
    expect(off).toBeLessThan(0.06);
    expect(short).toBeGreaterThan(0.02);
    expect(short).toBeLessThan(0.07);
    expect(n(v.min_lines)).toBeGreaterThanOrEqual(8);
    expect(n(v.max_lines)).toBeLessThanOrEqual(20);
    const noLines = await one<{ c: string }>(a.db, sql`
      select count(*) as c from visits v where not exists (select 1 from visit_stock_lines sl where sl.visit_id = v.id)`);
    expect(n(noLines.c)).toBe(0);

    // flags agree with the facts
    const flags = await one<{ bad_short: string; bad_off: string; bad_dur: string }>(a.db, sql`
      select count(*) filter (where short <> (duration_sec < 480)) as bad_short,
             count(*) filter (where off_plan <> (plan_item_id is null)) as bad_off,
             count(*) filter (where duration_sec <> extract(epoch from ended_at - started_at)::int) as bad_dur
      from visits`);
    expect([n(flags.bad_short), n(flags.bad_off), n(flags.bad_dur)]).toEqual([0, 0, 0]);
  });

  it('visits happen on working days, in field hours, never after today noon, once a day per shop', async () => {
    const r = await one<Record<string, string>>(a.db, sql`
      select
        (select count(*) from (select retailer_id, visit_date from visits group by 1, 2 having count(*) > 1) x) as twice,
        (select count(*) from visits where visit_date > ${TODAY}) as future,
        (select count(*) from visits where visit_date = ${TODAY}) as today,
        (select count(*) from visits where visit_date = ${TODAY} and ended_at > (${TODAY}::date + time '12:00') at time zone 'Asia/Shanghai') as today_after_noon,
        (select count(*) from visits v where (v.started_at at time zone 'Asia/Shanghai')::date <> v.visit_date) as wrong_date,
        (select count(*) from visits v where (v.started_at at time zone 'Asia/Shanghai')::time < time '09:00'
                                          or (v.ended_at at time zone 'Asia/Shanghai')::time > time '15:45') as outside_hours,
        (select count(*) from visits v join calendar_days c on c.day = v.visit_date and c.kind = 'holiday') as on_holiday,
        (select count(*) from visits v where extract(isodow from v.visit_date) >= 6
            and not exists (select 1 from calendar_days c where c.day = v.visit_date and c.kind = 'workday')) as on_weekend,
        (select count(*) from missed_visits m where exists (
            select 1 from visits v where v.retailer_id = m.retailer_id and v.visit_date = m.day)) as missed_and_visited,
        (select count(*) from missed_visits where day >= ${TODAY}) as missed_today`);
    expect(n(r.today)).toBeGreaterThan(0);
    for (const k of ['twice', 'future', 'today_after_noon', 'wrong_date', 'outside_hours', 'on_holiday', 'on_weekend', 'missed_and_visited', 'missed_today'])
      expect([k, n(r[k])]).toEqual([k, 0]);
  });

  it('has complaints in every status with consistent timelines', async () => {
    const statuses = await rawRows<{ status: string; c: string }>(a.db, sql`select status, count(*) as c from complaints group by status`);
    expect(statuses.map((x) => x.status).sort()).toEqual(['assigned', 'closed', 'investigating', 'received', 'replied', 'resolved']);
    const r = await one<Record<string, string>>(a.db, sql`
      select
        count(*) filter (where (status = 'closed') <> (closed_at is not null)) as bad_closed,
        count(*) filter (where (status in ('resolved', 'replied', 'closed')) <> (resolved_at is not null)) as bad_resolved,
        count(*) filter (where not exists (select 1 from complaint_events e where e.complaint_id = c.id and e.kind = 'received' and e.at = c.received_at))
          as no_received_event,
        count(*) filter (where exists (select 1 from complaint_events e where e.complaint_id = c.id and e.at < c.received_at)) as event_before,
        count(*) filter (where exists (select 1 from complaint_events e where e.complaint_id = c.id and e.at > (${TODAY}::date + time '12:00') at time zone 'Asia/Shanghai')) as event_in_future,
        count(*) filter (where escalation_level <> coalesce((select max(e.escalation_level) from complaint_events e
                                                             where e.complaint_id = c.id and e.kind = 'escalated'), 0)) as bad_level,
        count(*) filter (where source = 'visit' and visit_id is null) as visit_without_visit,
        count(*) filter (where source = 'opinion_book' and opinion_entry_id is null) as book_without_entry
      from complaints c`);
    for (const [k, v] of Object.entries(r)) expect([k, n(v)]).toEqual([k, 0]);
  });

  it('stamps every fact with its manager, that manager’s team and branch', async () => {
    for (const t of STAMPED) {
      const r = await one<{ total: string; bad: string }>(a.db, sql`
        select count(*) as total,
               count(*) filter (where u.id is null or u.role <> 'manager' or u.team_id <> f.team_id or u.branch_id <> f.branch_id) as bad
        from ${sql.identifier(t)} f left join users u on u.id = f.manager_id`);
      expect([t, n(r.bad)]).toEqual([t, 0]);
      expect([t, n(r.total) > 0]).toEqual([t, true]);
    }
    // child rows carry their parent's stamps
    const child = await one<Record<string, string>>(a.db, sql`
      select
        (select count(*) from visit_stock_lines sl join visits v on v.id = sl.visit_id
          where sl.manager_id <> v.manager_id or sl.retailer_id <> v.retailer_id or sl.visit_date <> v.visit_date or sl.visited_at <> v.started_at) as stock_lines,
        (select count(*) from order_lines ol join orders o on o.order_no = ol.order_no
          where ol.manager_id <> o.manager_id or ol.retailer_id <> o.retailer_id or ol.delivery_date <> o.delivery_date) as order_lines,
        (select count(*) from visit_plan_items pi join visit_plans p on p.id = pi.plan_id where pi.manager_id <> p.manager_id) as plan_items,
        (select count(*) from visits v join visit_plan_items pi on pi.id = v.plan_item_id
          where pi.retailer_id <> v.retailer_id or pi.day <> v.visit_date or pi.manager_id <> v.manager_id) as planned_visits`);
    for (const [k, v] of Object.entries(child)) expect([k, n(v)]).toEqual([k, 0]);
  });

  it('keeps a reassigned shop’s past with its past manager', async () => {
    const rows = await rawRows<{ retailer_id: number; managers: string; last_manager: number; current: number; switches: string }>(a.db, sql`
      with v as (
        select retailer_id, manager_id, visit_date,
               lag(manager_id) over (partition by retailer_id order by started_at) as prev
        from visits)
      select v.retailer_id, count(distinct v.manager_id) as managers,
             (array_agg(v.manager_id order by v.visit_date desc))[1] as last_manager,
             r.manager_id as current,
             count(*) filter (where v.prev is not null and v.prev <> v.manager_id) as switches
      from v join retailers r on r.id = v.retailer_id
      group by v.retailer_id, r.manager_id
      having count(distinct v.manager_id) > 1`);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(n(r.switches)).toBe(1);
      expect(n(r.last_manager)).toBe(n(r.current));
    }
  });

  it('orders obey the ordering system’s rules', async () => {
    const r = await one<Record<string, string>>(a.db, sql`
      select
        (select count(*) from order_lines where supplied > ordered or supplied < 0) as over_supplied,
        (select count(*) from order_lines ol join specs s on s.id = ol.spec_id where ol.amount_fen <> ol.supplied * s.wholesale_fen) as bad_amount,
        (select count(*) from order_lines ol join orders o on o.order_no = ol.order_no join retailers r on r.id = o.retailer_id
          join supply_allocations a on a.spec_id = ol.spec_id and a.month = date_trunc('month', o.order_date)::date
           and r.grade between a.grade_min and a.grade_max
          where ol.supplied > a.max_per_week) as over_allocation,
        (select count(*) from orders o join retailers r on r.id = o.retailer_id
          where (o.settlement_status = 'not_e_settlement') = r.is_e_settlement) as bad_settlement,
        (select count(*) from orders where settlement_status = 'failed') as failed`);
    expect(n(r.failed)).toBeGreaterThan(0);
    for (const k of ['over_supplied', 'bad_amount', 'over_allocation', 'bad_settlement']) expect([k, n(r[k])]).toEqual([k, 0]);
  });
});
