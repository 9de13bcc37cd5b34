import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { rawRows } from '@/db/index';
import { getFollowUpList } from '@/db/queries/follow-up';
import { calendarDays, orderFollowUps, orderLines, orders } from '@/db/schema';
import { runAction } from '@/lib/action';
import { recordCallBackSpec } from '@/lib/follow-up/record-call';
import { getWorkCalendar } from '@/lib/settings';
import { previousWorkingDay } from '@/lib/time';
import { createTestDb } from './helpers/db';
import { makeWorld } from './helpers/fixture';

let t: Awaited<ReturnType<typeof createTestDb>>;
let w: Awaited<ReturnType<typeof makeWorld>>;

type Status = 'success' | 'failed' | 'not_e_settlement';
const reasons = { failed: 'insufficient_balance', success: null, not_e_settlement: null } as const;

async function order(no: string, shopIndex: number, orderDate: string, status: Status, lines: [number, number][], reason?: 'outside_window' | 'quantity_rule' | 'other') {
  const shop = w.shops[shopIndex];
  const stamps = shopIndex === 3 ? { managerId: w.users.mgr2.id, teamId: w.t2.id, branchId: w.b2.id } : { managerId: w.users.mgr1.id, teamId: w.t1.id, branchId: w.b1.id };
  await t.db.insert(orders).values({ orderNo: no, retailerId: shop.id, orderDate, deliveryDate: orderDate, settlementStatus: status, failureReason: status === 'failed' ? (reason ?? reasons.failed) : null, ...stamps });
  await t.db.insert(orderLines).values(
    lines.map(([ordered, supplied], i) => ({ orderNo: no, specId: w.specs[i].id, ordered, supplied, amountFen: supplied * 7500, retailerId: shop.id, orderDate, deliveryDate: orderDate, ...stamps })),
  );
}
async function call(no: string, outcome: 'reached' | 'not_reached' | 'resolved', at: string) {
  await t.db.insert(orderFollowUps).values({ orderNo: no, outcome, note: '已电话联系', at: new Date(at), managerId: w.users.mgr1.id, teamId: w.t1.id, branchId: w.b1.id });
}

beforeAll(async () => {
  t = await createTestDb();
  w = await makeWorld(t.db, '2026-11-26');
  // Thursday 2026-11-26; the previous working day is Wednesday the 25th
  await order('A-1126-FAIL', 0, '2026-11-26', 'failed', [[10, 8], [5, 5]]);
  await order('B-1125-OPEN', 1, '2026-11-25', 'failed', [[20, 0]], 'outside_window');
  await order('C-1125-RESOLVED-EARLY', 2, '2026-11-25', 'failed', [[3, 3]]);
  await call('C-1125-RESOLVED-EARLY', 'resolved', '2026-11-25T17:00:00+08:00');
  await order('D-1125-RESOLVED-TODAY', 0, '2026-11-25', 'failed', [[4, 4]], 'quantity_rule');
  await call('D-1125-RESOLVED-TODAY', 'not_reached', '2026-11-25T16:30:00+08:00');
  await call('D-1125-RESOLVED-TODAY', 'resolved', '2026-11-26T09:00:00+08:00');
  await order('E-1126-OK', 1, '2026-11-26', 'success', [[6, 6]]);
  await order('F-1124-OLD', 2, '2026-11-24', 'failed', [[2, 2]]);
  await order('G-1126-MGR2', 3, '2026-11-26', 'failed', [[7, 7]], 'other');
  await order('H-1126-NOT-E', 0, '2026-11-26', 'not_e_settlement', [[9, 9]]);
  // Monday the 30th: Friday the 27th is a holiday here, so the day before is Thursday the 26th
  await t.db.insert(calendarDays).values({ day: '2026-11-27', kind: 'holiday', name: '测试假日' });
  await order('I-1130-FAIL', 1, '2026-11-30', 'failed', [[1, 0]]);
});
afterAll(() => t.cleanup());

const headers = () => new Headers({ origin: 'http://app.test', host: 'app.test' });
const as = (username: string) => ({ user: w.asCurrent(username), headers: headers(), db: t.db, ip: '127.0.0.1' });

/** The oracle: plain SQL over orders, with the previous working day found in SQL from the calendar. */
async function oracle(filter: { managerId?: number; teamId?: number }, day: string) {
  return rawRows<{ order_no: string; ordered: number; supplied: number; done: boolean }>(
    t.db,
    sql`with prev as (
          select max(d)::date as d from generate_series(${day}::date - 14, ${day}::date - 1, interval '1 day') d
          where d::date in (select day from calendar_days where kind = 'workday')
             or (extract(isodow from d) <= 5 and d::date not in (select day from calendar_days where kind = 'holiday'))
        )
        select o.order_no,
               (select sum(ordered)::int from order_lines l where l.order_no = o.order_no) as ordered,
               (select sum(supplied)::int from order_lines l where l.order_no = o.order_no) as supplied,
               exists (select 1 from order_follow_ups f where f.order_no = o.order_no and f.outcome = 'resolved') as done
        from orders o, prev
        where o.settlement_status = 'failed'
          and (${filter.managerId ?? null}::int is null or o.manager_id = ${filter.managerId ?? null}::int)
          and (${filter.teamId ?? null}::int is null or o.team_id = ${filter.teamId ?? null}::int)
          and (o.order_date = ${day}::date
               or (o.order_date = prev.d and not exists (
                     select 1 from order_follow_ups f where f.order_no = o.order_no and f.outcome = 'resolved'
                       and f.at < (${day}::date::timestamp at time zone 'Asia/Shanghai'))))
        order by o.order_no`,
  );
}

async function list(username: string, day: string) {
  const prev = previousWorkingDay(day, await getWorkCalendar(t.db));
  const items = await getFollowUpList(t.db, w.asCurrent(username), day, prev);
  return items.map((i) => ({ order_no: i.orderNo, ordered: i.ordered, supplied: i.supplied, done: i.done })).sort((a, b) => a.order_no.localeCompare(b.order_no));
}

describe('the order follow-up list', () => {
  it("equals the SQL oracle: the day's failed orders and the previous working day's still unresolved at the day's start", async () => {
    for (const day of ['2026-11-26', '2026-11-25', '2026-11-30']) {
      expect(await list('mgr1', day)).toEqual(await oracle({ managerId: w.users.mgr1.id }, day));
      expect(await list('mgr2', day)).toEqual(await oracle({ managerId: w.users.mgr2.id }, day));
      expect(await list('sup1', day)).toEqual(await oracle({ teamId: w.t1.id }, day));
    }
    // and the oracle itself says what the fixture means
    expect(await list('mgr1', '2026-11-26')).toEqual([
      { order_no: 'A-1126-FAIL', ordered: 15, supplied: 13, done: false },
      { order_no: 'B-1125-OPEN', ordered: 20, supplied: 0, done: false },
      { order_no: 'D-1125-RESOLVED-TODAY', ordered: 4, supplied: 4, done: true },
    ]);
    expect((await list('mgr1', '2026-11-30')).map((i) => i.order_no)).toEqual(['A-1126-FAIL', 'I-1130-FAIL']);
    expect((await list('mgr2', '2026-11-26')).map((i) => i.order_no)).toEqual(['G-1126-MGR2']);
  });

  it('marks carried-over orders and keeps the call-back records in time order', async () => {
    const items = await getFollowUpList(t.db, w.asCurrent('mgr1'), '2026-11-26', '2026-11-25');
    const d = items.find((i) => i.orderNo === 'D-1125-RESOLVED-TODAY')!;
    expect(d).toMatchObject({ carriedOver: true, done: true, lastOutcome: 'resolved', failureReason: 'quantity_rule', shopName: '测试便利店1', phone: '13800000001' });
    expect(d.records.map((r) => r.outcome)).toEqual(['not_reached', 'resolved']);
    expect(items.find((i) => i.orderNo === 'A-1126-FAIL')).toMatchObject({ carriedOver: false, done: false, lastOutcome: null, records: [] });
  });
});

describe('recording a call-back', () => {
  const rows = (no: string) => t.db.select({ outcome: orderFollowUps.outcome, managerId: orderFollowUps.managerId }).from(orderFollowUps).where(eq(orderFollowUps.orderNo, no));

  it('appends once per client id, however often it is sent', async () => {
    process.env.ROUNDS_NOW = '2026-11-26T16:40:00+08:00';
    const input = { clientId: randomUUID(), orderNo: 'A-1126-FAIL', outcome: 'reached', note: '店主说下午存款' };
    const first = await runAction(recordCallBackSpec, as('mgr1'), input);
    expect(first).toMatchObject({ ok: true, data: { orderNo: 'A-1126-FAIL', outcome: 'reached', at: '2026-11-26T08:40:00.000Z' } });
    const [again, concurrent1, concurrent2] = await Promise.all([
      runAction(recordCallBackSpec, as('mgr1'), input),
      runAction(recordCallBackSpec, as('mgr1'), input),
      runAction(recordCallBackSpec, as('mgr1'), input),
    ]);
    for (const r of [again, concurrent1, concurrent2]) expect(r).toEqual(first);
    expect(await rows('A-1126-FAIL')).toEqual([{ outcome: 'reached', managerId: w.users.mgr1.id }]);
    // the same id from another user is not theirs to replay
    expect(await runAction(recordCallBackSpec, as('mgr2'), { ...input, orderNo: 'G-1126-MGR2' })).toMatchObject({ ok: false, status: 409 });
  });

  it("answers 404 for another manager's order and 403 for a supervisor, writing nothing", async () => {
    expect(await runAction(recordCallBackSpec, as('mgr1'), { clientId: randomUUID(), orderNo: 'G-1126-MGR2', outcome: 'reached' })).toMatchObject({ ok: false, status: 404 });
    expect(await runAction(recordCallBackSpec, as('mgr1'), { clientId: randomUUID(), orderNo: 'NO-SUCH-ORDER', outcome: 'reached' })).toMatchObject({ ok: false, status: 404 });
    expect(await runAction(recordCallBackSpec, as('sup1'), { clientId: randomUUID(), orderNo: 'A-1126-FAIL', outcome: 'reached' })).toMatchObject({ ok: false, status: 403 });
    expect(await rows('G-1126-MGR2')).toEqual([]);
    expect(await rows('A-1126-FAIL')).toHaveLength(1);
  });

  it('asks how it was solved, refuses successful orders and anything after resolved', async () => {
    const send = (input: Record<string, unknown>) => runAction(recordCallBackSpec, as('mgr1'), { clientId: randomUUID(), ...input });
    expect(await send({ orderNo: 'A-1126-FAIL', outcome: 'resolved' })).toMatchObject({ ok: false, status: 400, fieldErrors: { note: ['已解决时请写明如何解决（如：已存款并重新结算）'] } });
    expect(await send({ orderNo: 'A-1126-FAIL' })).toMatchObject({ ok: false, status: 400, fieldErrors: { outcome: ['请选择回访结果'] } });
    expect(await send({ orderNo: 'E-1126-OK', outcome: 'reached' })).toMatchObject({ ok: false, status: 400, fieldErrors: { _form: ['该订单结算成功，无需回访'] } });
    expect(await send({ orderNo: 'A-1126-FAIL', outcome: 'resolved', note: '已存款并重新结算' })).toMatchObject({ ok: true });
    expect(await send({ orderNo: 'A-1126-FAIL', outcome: 'reached', note: '再问一次' })).toMatchObject({ ok: false, status: 400, fieldErrors: { outcome: ['该订单已解决，无需再记录回访'] } });
    expect((await rows('A-1126-FAIL')).map((r) => r.outcome)).toEqual(['reached', 'resolved']);
    // resolved today: off the to-do list, still on the day's list as done
    const items = await list('mgr1', '2026-11-26');
    expect(items.find((i) => i.order_no === 'A-1126-FAIL')).toMatchObject({ done: true });
    expect(items).toEqual(await oracle({ managerId: w.users.mgr1.id }, '2026-11-26'));
  });
});
