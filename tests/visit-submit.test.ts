import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import {
  auditLog,
  complaintEvents,
  complaints,
  latestRetailerSpec,
  receipts,
  rollupManagerDay,
  visitInfoItems,
  visitOrderLines,
  visitStockLines,
  visits,
} from '@/db/schema';
import { runAction } from '@/lib/action';
import { submitVisitSpec } from '@/lib/visits/submit';
import { zonedTime } from '@/lib/time';
import { createTestDb } from './helpers/db';
import { makeWorld } from './helpers/fixture';

const DAY = '2026-11-26';
process.env.ROUNDS_NOW = zonedTime(DAY, '15:30').toISOString();

let t: Awaited<ReturnType<typeof createTestDb>>;
let w: Awaited<ReturnType<typeof makeWorld>>;

beforeAll(async () => {
  t = await createTestDb();
  w = await makeWorld(t.db, DAY);
});
afterAll(() => t.cleanup());

const headers = () => new Headers({ origin: 'http://app.test', host: 'app.test' });
const asManager = (username = 'mgr1') => ({ user: w.asCurrent(username), headers: headers(), db: t.db, ip: '127.0.0.1' });
const sections = {
  ask: { done: true },
  look: { done: true, stockReasonable: true },
  introduce: { done: true },
  tidy: { done: true },
  collect: { done: true },
  answer: { done: true },
  record: { done: true },
};

function visitInput(over: Record<string, unknown> = {}) {
  const [zhonghua, yuxi, hongtashan] = w.specs;
  return {
    clientId: randomUUID(),
    retailerId: w.shops[0].id, // grade 28: both key specs apply
    startedAt: zonedTime(DAY, '10:00').toISOString(),
    endedAt: zonedTime(DAY, '10:12').toISOString(),
    deviceSentAt: zonedTime(DAY, '15:29').toISOString(),
    sections,
    illegalFound: false,
    stockLines: [
      { specId: zhonghua.id, stock: 12, onCounter: true, priceTagOk: true },
      { specId: hongtashan.id, stock: 0, onCounter: false, priceTagOk: false },
      { specId: yuxi.id, stock: 5, onCounter: true, priceTagOk: false },
    ],
    orderLines: [{ specId: zhonghua.id, qty: 12 }],
    infoItems: [{ kind: 'market', note: '婚宴用烟需求上升' }],
    complaints: [{ category: 'delivery', description: '送货时间不固定' }],
    ...over,
  };
}

const countOf = async (table: Parameters<ReturnType<typeof t.db.select>['from']>[0]) =>
  (await t.db.select({ n: count() }).from(table))[0].n;

describe('submitting a visit', () => {
  it('writes the visit, its lines, the complaint, the rollups and the audit row', async () => {
    const input = visitInput();
    const r = await runAction(submitVisitSpec, asManager(), input);
    expect(r).toMatchObject({ ok: true, data: { short: false, offPlan: false } });
    if (!r.ok) return;
    const [v] = await t.db.select().from(visits).where(eq(visits.id, r.data.visitId));
    expect(v).toMatchObject({ visitDate: DAY, durationSec: 720, short: false, offPlan: false, managerId: w.users.mgr1.id, teamId: w.t1.id });
    expect(v.clockOffsetMs).toBe(60_000); // device clock one minute behind
    const lines = await t.db.select().from(visitStockLines).where(eq(visitStockLines.visitId, v.id));
    expect(lines.map((l) => [l.specId, l.stock, l.isKey]).sort()).toEqual(
      [
        [w.specs[0].id, 12, true],
        [w.specs[1].id, 5, false],
        [w.specs[2].id, 0, true],
      ].sort(),
    );
    const [order] = await t.db.select().from(visitOrderLines).where(eq(visitOrderLines.visitId, v.id));
    expect(order.overLimit).toBe(true); // 12 > this week's limit of 10
    expect(await t.db.select({ kind: visitInfoItems.kind }).from(visitInfoItems).where(eq(visitInfoItems.visitId, v.id))).toEqual([{ kind: 'market' }]);
    const [c] = await t.db.select().from(complaints).where(eq(complaints.visitId, v.id));
    expect(c).toMatchObject({ source: 'visit', category: 'delivery', status: 'received', managerId: w.users.mgr1.id });
    expect(c.number).toMatch(/^TS20261126\d{6}$/);
    expect(r.data.complaintNumbers).toEqual([c.number]);
    expect(await t.db.select({ kind: complaintEvents.kind }).from(complaintEvents).where(eq(complaintEvents.complaintId, c.id))).toEqual([{ kind: 'received' }]);
    const [day] = await t.db.select().from(rollupManagerDay).where(eq(rollupManagerDay.managerId, w.users.mgr1.id));
    expect(day).toMatchObject({ day: DAY, planned: 2, made: 1, plannedMade: 1, offPlan: 0, short: 0, area: 'city' });
    const latest = await t.db.select().from(latestRetailerSpec).where(eq(latestRetailerSpec.retailerId, w.shops[0].id));
    expect(latest).toHaveLength(3);
    expect(await t.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, v.id))).toEqual([{ action: 'visit.submit' }]);
  });

  it('flags a short, off-plan visit without refusing it', async () => {
    const r = await runAction(
      submitVisitSpec,
      asManager(),
      visitInput({
        retailerId: w.shops[2].id, // grade 5, not planned today: only 红塔山 is key
        startedAt: zonedTime(DAY, '11:00').toISOString(),
        endedAt: zonedTime(DAY, '11:05').toISOString(),
        stockLines: [{ specId: w.specs[2].id, stock: 3, onCounter: true, priceTagOk: true }],
        orderLines: [],
        complaints: [],
      }),
    );
    expect(r).toMatchObject({ ok: true, data: { short: true, offPlan: true } });
    const [day] = await t.db.select().from(rollupManagerDay).where(eq(rollupManagerDay.managerId, w.users.mgr1.id));
    expect(day).toMatchObject({ made: 2, plannedMade: 1, offPlan: 1, short: 1 });
  });

  it('the same UUID sent 10 times at once makes one visit and returns the first result each time', async () => {
    const input = visitInput({ retailerId: w.shops[1].id, complaints: [], stockLines: [
      { specId: w.specs[0].id, stock: 2, onCounter: true, priceTagOk: true },
      { specId: w.specs[2].id, stock: 4, onCounter: true, priceTagOk: true },
    ] });
    const before = await countOf(visits);
    const results = await Promise.all(Array.from({ length: 10 }, () => runAction(submitVisitSpec, asManager(), input)));
    expect(results.every((r) => r.ok)).toBe(true);
    const ids = new Set(results.map((r) => (r.ok ? r.data.visitId : null)));
    expect(ids.size).toBe(1);
    expect(await countOf(visits)).toBe(before + 1);
    expect((await t.db.select({ n: count() }).from(receipts).where(eq(receipts.clientId, input.clientId)))[0].n).toBe(1);
    // and again later, sequentially
    const again = await runAction(submitVisitSpec, asManager(), input);
    expect(again.ok && again.data.visitId).toBe([...ids][0]);
    expect(await countOf(visits)).toBe(before + 1);
  });

  it('leaves no rows behind when something fails inside the transaction', async () => {
    const before = await Promise.all([countOf(visits), countOf(visitStockLines), countOf(complaints), countOf(receipts), countOf(auditLog)]);
    // the complaint category is checked after the visit and its lines are written
    const r = await runAction(submitVisitSpec, asManager(), visitInput({ complaints: [{ category: 'no-such-category', description: '测试投诉内容' }] }));
    expect(r).toMatchObject({ ok: false, status: 400, fieldErrors: { 'complaints.0.category': ['投诉类别不存在，请重新选择'] } });
    const after = await Promise.all([countOf(visits), countOf(visitStockLines), countOf(complaints), countOf(receipts), countOf(auditLog)]);
    expect(after).toEqual(before);
  });

  it("answers 404 for another manager's shop", async () => {
    const r = await runAction(submitVisitSpec, asManager(), visitInput({ retailerId: w.shops[3].id }));
    expect(r).toMatchObject({ ok: false, status: 404 });
  });

  it('refuses bad input with a message next to each field, saving nothing', async () => {
    const before = await countOf(visits);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ endedAt: zonedTime(DAY, '09:00').toISOString() }, 'endedAt', '结束时间不能早于开始时间'],
      [{ startedAt: zonedTime(DAY, '15:40').toISOString(), endedAt: zonedTime(DAY, '15:50').toISOString() }, 'startedAt', '开始时间晚于当前时间，请检查手机时间设置'],
      [{ startedAt: zonedTime('2026-11-18', '10:00').toISOString(), endedAt: zonedTime('2026-11-18', '10:20').toISOString() }, 'startedAt', '拜访已超过 7 天，不能再补录'],
      [{ stockLines: [{ specId: w.specs[0].id, stock: -1, onCounter: true, priceTagOk: true }] }, 'stockLines.0.stock', '库存不能为负数'],
      [{ stockLines: [{ specId: w.specs[0].id, stock: 5000, onCounter: true, priceTagOk: true }, { specId: w.specs[2].id, stock: 1, onCounter: true, priceTagOk: true }] }, 'stockLines.0.stock', '库存超过 2000 条，请核对'],
      [{ stockLines: [{ specId: 999999, stock: 1, onCounter: true, priceTagOk: true }, { specId: w.specs[0].id, stock: 1, onCounter: true, priceTagOk: true }, { specId: w.specs[2].id, stock: 1, onCounter: true, priceTagOk: true }] }, 'stockLines.0.specId', '未知的卷烟规格'],
      [{ stockLines: [{ specId: w.specs[0].id, stock: 1, onCounter: true, priceTagOk: true }] }, 'stockLines', '重点规格必须逐一填写（未经营请填 0）'],
      [{ illegalFound: true }, 'illegalNote', '发现非法卷烟时请填写情况说明'],
    ];
    for (const [over, field, message] of cases) {
      const r = await runAction(submitVisitSpec, asManager(), visitInput(over));
      expect(r.ok, field).toBe(false);
      if (!r.ok) expect(r.fieldErrors?.[field], JSON.stringify(r.fieldErrors)).toEqual([message]);
    }
    expect(await countOf(visits)).toBe(before);
  });

  it('keeps supervisors and admins from writing visits (403)', async () => {
    expect(await runAction(submitVisitSpec, asManager('sup1'), visitInput())).toMatchObject({ ok: false, status: 403 });
    expect(await runAction(submitVisitSpec, asManager('admin'), visitInput())).toMatchObject({ ok: false, status: 403 });
  });
});
