import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { rawRows } from '@/db/index';
import { getSchedule } from '@/db/queries/schedule';
import { getShopPrep } from '@/db/queries/tomorrow';
import { agreedVolumes, orderLines, orders, retailers, visitInfoItems, visits, visitStockLines, type VisitSections } from '@/db/schema';
import { getWorkCalendar } from '@/lib/settings';
import { settingDefaults } from '@/lib/settings-defaults';
import { agreementStatus, monthTimeProgress } from '@/lib/tomorrow/agreement';
import { nextWorkingDay, zonedTime } from '@/lib/time';
import { createTestDb } from './helpers/db';
import { makeWorld } from './helpers/fixture';

let t: Awaited<ReturnType<typeof createTestDb>>;
let w: Awaited<ReturnType<typeof makeWorld>>;
const TODAY = '2026-11-26'; // Thursday: tomorrow's rounds are Friday the 27th
const DAY = '2026-11-27';

const sections = (askNote?: string): VisitSections => ({
  ask: { done: true, note: askNote },
  look: { done: true },
  introduce: { done: true },
  tidy: { done: true },
  collect: { done: true },
  answer: { done: true, questions: askNote ? '问：下周有没有新品？答：周三到货' : undefined },
  record: { done: true },
});

async function visit(shopIndex: number, day: string, minutes: number, lines: { spec: number; stock: number; onCounter: boolean; isKey: boolean }[], opts: { askNote?: string; info?: string; manager?: 'mgr1' | 'mgr2' } = {}) {
  const shop = w.shops[shopIndex];
  const m = opts.manager === 'mgr2' ? { managerId: w.users.mgr2.id, teamId: w.t2.id, branchId: w.b2.id } : { managerId: w.users.mgr1.id, teamId: w.t1.id, branchId: w.b1.id };
  const startedAt = zonedTime(day, '10:00');
  const id = randomUUID();
  await t.db.insert(visits).values({
    id,
    retailerId: shop.id,
    routeId: w.routes.r1.id,
    area: 'city',
    visitDate: day,
    startedAt,
    endedAt: new Date(startedAt.getTime() + minutes * 60_000),
    durationSec: minutes * 60,
    sections: sections(opts.askNote),
    ...m,
  });
  await t.db.insert(visitStockLines).values(
    lines.map((l) => ({ visitId: id, specId: w.specs[l.spec].id, stock: l.stock, onCounter: l.onCounter, priceTagOk: true, isKey: l.isKey, retailerId: shop.id, visitedAt: startedAt, visitDate: day, ...m })),
  );
  if (opts.info) await t.db.insert(visitInfoItems).values({ visitId: id, kind: 'market', note: opts.info, retailerId: shop.id, visitedAt: startedAt, ...m });
}

let orderSeq = 0;
async function delivery(shopIndex: number, deliveryDate: string, ordered: number, supplied: number) {
  const shop = w.shops[shopIndex];
  const orderNo = `T${++orderSeq}`;
  const m = { managerId: w.users.mgr1.id, teamId: w.t1.id, branchId: w.b1.id };
  await t.db.insert(orders).values({ orderNo, retailerId: shop.id, orderDate: deliveryDate, deliveryDate, settlementStatus: 'success', ...m });
  await t.db.insert(orderLines).values({ orderNo, specId: w.specs[1].id, ordered, supplied, amountFen: supplied * 20140, retailerId: shop.id, orderDate: deliveryDate, deliveryDate, ...m });
}

beforeAll(async () => {
  t = await createTestDb();
  w = await makeWorld(t.db, DAY); // approved plan for the 27th: mgr1's first two shops
  await t.db.update(retailers).set({ size: 'small' }).where(eq(retailers.id, w.shops[1].id));
  // shop 1: an older visit, then the latest one (written by mgr2 before the shop was reassigned)
  await visit(0, '2026-11-20', 20, [{ spec: 0, stock: 50, onCounter: true, isKey: true }]);
  await visit(
    0,
    '2026-11-25',
    12,
    [
      { spec: 0, stock: 5, onCounter: false, isKey: true },
      { spec: 1, stock: 7, onCounter: true, isKey: false },
      { spec: 2, stock: 3, onCounter: true, isKey: true },
    ],
    { askNote: '生意一般，周末客流多', info: '附近新开一家便利店', manager: 'mgr2' },
  );
  // shop 3 is not on tomorrow's schedule; shop 2 has never been visited
  await visit(2, '2026-11-24', 9, [{ spec: 2, stock: 30, onCounter: false, isKey: true }]);
  await delivery(0, '2026-10-31', 9, 9); // last month
  await delivery(0, '2026-11-02', 12, 10); // this month, an earlier week: supplied counts, not ordered
  await delivery(0, '2026-11-23', 4, 4); // this week
  await delivery(0, '2026-11-27', 6, 6); // delivered on the day itself
  await delivery(0, '2026-11-30', 100, 100); // after the day
  await delivery(1, '2026-11-24', 8, 8);
  await delivery(2, '2026-11-25', 50, 50);
  await t.db.insert(agreedVolumes).values([
    { month: '2026-11-01', retailerId: w.shops[0].id, qty: 40, managerId: w.users.mgr1.id, teamId: w.t1.id, branchId: w.b1.id },
    { month: '2026-10-01', retailerId: w.shops[1].id, qty: 30, managerId: w.users.mgr1.id, teamId: w.t1.id, branchId: w.b1.id },
    { month: '2026-11-01', retailerId: w.shops[2].id, qty: 60, managerId: w.users.mgr1.id, teamId: w.t1.id, branchId: w.b1.id },
  ]);
});
afterAll(() => t.cleanup());

/** The oracle: purchases, agreement and the last visit's stock in plain SQL, shop by shop. */
async function oracle(retailerId: number, day: string) {
  const [row] = await rawRows<{ week: number; month: number; agreed: number | null; stock_total: number | null; last_date: string | null }>(
    t.db,
    sql`select
      (select coalesce(sum(supplied), 0)::int from order_lines where retailer_id = ${retailerId}
         and delivery_date between date_trunc('week', ${day}::date)::date and ${day}::date) as week,
      (select coalesce(sum(supplied), 0)::int from order_lines where retailer_id = ${retailerId}
         and delivery_date between date_trunc('month', ${day}::date)::date and ${day}::date) as month,
      (select qty from agreed_volumes where retailer_id = ${retailerId} and month = date_trunc('month', ${day}::date)::date) as agreed,
      (select sum(l.stock)::int from visit_stock_lines l where l.visit_id =
         (select id from visits where retailer_id = ${retailerId} and visit_date <= ${day}::date order by started_at desc limit 1)) as stock_total,
      (select to_char(max(visit_date), 'YYYY-MM-DD') from visits where retailer_id = ${retailerId} and visit_date <= ${day}::date) as last_date`,
  );
  return row;
}

describe("tomorrow's preparation", () => {
  it('is for the next working day and its scheduled shops', async () => {
    const cal = await getWorkCalendar(t.db);
    expect(nextWorkingDay(TODAY, cal)).toBe(DAY);
    expect(nextWorkingDay(DAY, cal)).toBe('2026-11-30'); // Friday → Monday
    const { items } = await getSchedule(t.db, w.asCurrent('mgr1'), DAY);
    expect(items.map((i) => i.retailerId)).toEqual([w.shops[0].id, w.shops[1].id]);
  });

  it("week and month purchases, agreement and the last visit's stock equal the SQL oracle", async () => {
    const ids = w.shops.map((s) => s.id);
    const prep = await getShopPrep(t.db, ids, DAY);
    for (const id of ids) {
      const o = await oracle(id, DAY);
      const p = prep.get(id)!;
      expect({ week: p.weekPurchases, month: p.monthPurchases, agreed: p.agreed, stock_total: p.lastVisit?.stockTotal ?? null, last_date: p.lastVisit?.date ?? null }).toEqual(o);
    }
    // and the figures the fixture was built to give
    expect(prep.get(w.shops[0].id)).toMatchObject({ weekPurchases: 10, monthPurchases: 20, agreed: 40, small: false });
    expect(prep.get(w.shops[1].id)).toMatchObject({ weekPurchases: 8, monthPurchases: 8, agreed: null, small: true, lastVisit: null });
  });

  it('briefs the last visit: date, duration, stock total, key specs not on the counter, notes and info', async () => {
    const prep = await getShopPrep(t.db, [w.shops[0].id], DAY);
    expect(prep.get(w.shops[0].id)!.lastVisit).toMatchObject({
      date: '2026-11-25',
      durationSec: 12 * 60,
      stockTotal: 15,
      keyNotOnCounter: ['中华(硬)'],
      notes: [
        { kind: 'section', section: 'ask', field: 'note', text: '生意一般，周末客流多' },
        { kind: 'section', section: 'answer', field: 'questions', text: '问：下周有没有新品？答：周三到货' },
        { kind: 'info', infoKind: 'market', text: '附近新开一家便利店' },
      ],
    });
  });

  it('measures agreement progress against the month time progress, with the wider tolerance for small shops', async () => {
    const cal = await getWorkCalendar(t.db);
    // November 2026 has 21 working days; the 27th is the 20th of them
    const time = monthTimeProgress(DAY, cal);
    expect(time).toMatchObject({ elapsed: 20, total: 21 });
    const prep = await getShopPrep(t.db, [w.shops[0].id, w.shops[2].id], DAY);
    const s1 = agreementStatus(prep.get(w.shops[0].id)!, time.ratio, settingDefaults);
    expect(s1.progress).toBeCloseTo(20 / 40);
    expect(s1.band).toBe('behind');
    const s3 = agreementStatus(prep.get(w.shops[2].id)!, time.ratio, settingDefaults);
    expect(s3.progress).toBeCloseTo(50 / 60); // 0.833 vs 0.952: outside ±10%
    expect(s3.band).toBe('behind');
    // the same shop, small: within ±15%
    expect(agreementStatus({ ...prep.get(w.shops[2].id)!, small: true }, time.ratio, settingDefaults).band).toBe('on_track');
    expect(agreementStatus({ monthPurchases: 70, agreed: 60, small: false }, time.ratio, settingDefaults).band).toBe('ahead');
    // no agreed volume: no figure, never 0%
    expect(agreementStatus({ monthPurchases: 8, agreed: null, small: true }, time.ratio, settingDefaults)).toEqual({ progress: null, band: null });
    expect(agreementStatus({ monthPurchases: 8, agreed: 0, small: true }, time.ratio, settingDefaults)).toEqual({ progress: null, band: null });
  });
});
