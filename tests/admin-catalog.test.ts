import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { agreedVolumes, keyBrandListItems, keyBrandLists, specs, supplyAllocations, targets } from '@/db/schema';
import { runAction } from '@/lib/action';
import { addKeyBrandSpec, copyKeyBrandsSpec, saveAgreementSpec, saveSpecSpec, saveSupplySpec, saveTargetSpec } from '@/lib/admin/catalog';
import { createTestDb } from './helpers/db';
import { makeWorld } from './helpers/fixture';

let t: Awaited<ReturnType<typeof createTestDb>>;
let w: Awaited<ReturnType<typeof makeWorld>>;
beforeAll(async () => {
  t = await createTestDb();
  w = await makeWorld(t.db, '2026-11-24'); // key list and allocations for 2026-11
});
afterAll(() => t.cleanup());

const ctx = (username = 'admin') => ({ user: w.asCurrent(username), headers: new Headers({ origin: 'http://app.test', host: 'app.test' }), db: t.db, ip: '127.0.0.1' });
const spec = (over: Record<string, unknown> = {}) => ({
  clientId: randomUUID(),
  code: '6901028001234',
  brand: '黄鹤楼',
  name: '黄鹤楼(软蓝)',
  priceClass: '2',
  wholesaleFen: '164.30',
  retailFen: '190',
  packsPerCarton: '10',
  sticksPerPack: '20',
  active: true,
  ...over,
});

describe('cigarette specs', () => {
  it('checks prices in 元, the price class and a retail price below wholesale', async () => {
    const r = await runAction(saveSpecSpec, ctx(), spec({ wholesaleFen: '164.305', retailFen: 'abc', priceClass: '6' }));
    expect(r).toMatchObject({
      fieldErrors: { wholesaleFen: ['批发价应为金额（元），最多两位小数'], retailFen: ['建议零售价应为金额（元），最多两位小数'], priceClass: ['价类应在 1–5 之间'] },
    });
    expect(await runAction(saveSpecSpec, ctx(), spec({ retailFen: '150' }))).toMatchObject({ fieldErrors: { retailFen: ['建议零售价不应低于批发价'] } });
  });

  it('stores prices as 分 and refuses a taken code; a retry does not add a second spec', async () => {
    const input = spec();
    const r = await runAction(saveSpecSpec, ctx(), input);
    expect(r.ok).toBe(true);
    expect(await runAction(saveSpecSpec, ctx(), input)).toEqual(r);
    const rows = await t.db.select().from(specs).where(eq(specs.code, '6901028001234'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ wholesaleFen: 16430, retailFen: 19000, priceClass: 2 });
    expect(await runAction(saveSpecSpec, ctx(), spec({ clientId: randomUUID() }))).toMatchObject({ fieldErrors: { code: ['该规格编码已存在'] } });
  });
});

describe('key-brand lists', () => {
  it('adds a spec once per month, with grades in order', async () => {
    const m = { month: '2026-11', specId: w.specs[1].id, gradeMin: '20', gradeMax: '10' };
    expect(await runAction(addKeyBrandSpec, ctx(), m)).toMatchObject({ fieldErrors: { gradeMax: ['结束档位不能小于起始档位'] } });
    expect(await runAction(addKeyBrandSpec, ctx(), { ...m, gradeMin: '10', gradeMax: '30', area: 'city' })).toMatchObject({ ok: true });
    expect(await runAction(addKeyBrandSpec, ctx(), { ...m, gradeMin: '1', gradeMax: '30' })).toMatchObject({ fieldErrors: { specId: ['该规格已在本月重点品牌名单中'] } });
    expect(await runAction(addKeyBrandSpec, ctx(), { ...m, month: '2026-13', gradeMin: '1', gradeMax: '30' })).toMatchObject({ fieldErrors: { month: ['月份格式应为 YYYY-MM'] } });
  });

  it('copies last month’s list into an empty month, never over an existing one', async () => {
    const r = await runAction(copyKeyBrandsSpec, ctx(), { month: '2026-12' });
    expect(r).toEqual({ ok: true, data: { copied: 3 } });
    const items = await t.db
      .select({ specId: keyBrandListItems.specId, gradeMin: keyBrandListItems.gradeMin, area: keyBrandListItems.area })
      .from(keyBrandListItems)
      .innerJoin(keyBrandLists, eq(keyBrandLists.id, keyBrandListItems.listId))
      .where(eq(keyBrandLists.month, '2026-12-01'));
    expect(items).toHaveLength(3);
    expect(items).toContainEqual({ specId: w.specs[0].id, gradeMin: 15, area: null });
    expect(await runAction(copyKeyBrandsSpec, ctx(), { month: '2026-12' })).toMatchObject({ fieldErrors: { month: ['本月已有名单，请逐项调整'] } });
    expect(await runAction(copyKeyBrandsSpec, ctx(), { month: '2025-01' })).toMatchObject({ fieldErrors: { month: ['上月没有重点品牌名单可复制'] } });
  });
});

describe('supply allocations', () => {
  it('refuses grade ranges of one spec that overlap, and accepts adjacent ones', async () => {
    // the fixture allocates every spec for grades 1–30 in 2026-11
    const s = { month: '2026-11', specId: w.specs[0].id, gradeMin: '25', gradeMax: '30', maxPerWeek: '5' };
    expect(await runAction(saveSupplySpec, ctx(), s)).toMatchObject({ fieldErrors: { gradeMin: ['与已有的 1–30 档投放重叠'] } });
    const [existing] = await t.db.select().from(supplyAllocations).where(and(eq(supplyAllocations.month, '2026-11-01'), eq(supplyAllocations.specId, w.specs[0].id)));
    expect(await runAction(saveSupplySpec, ctx(), { ...s, id: existing.id, gradeMin: '1', gradeMax: '24', maxPerWeek: '10' })).toMatchObject({ ok: true });
    expect(await runAction(saveSupplySpec, ctx(), s)).toMatchObject({ ok: true });
    expect(await runAction(saveSupplySpec, ctx(), { ...s, maxPerWeek: '-1' })).toMatchObject({ fieldErrors: { maxPerWeek: ['每周限量应在 0–100000 之间'] } });
  });
});

describe('targets and agreed volumes', () => {
  it('sets a manager’s target once per month, stamped with the manager’s team', async () => {
    const input = { month: '2026-12', managerId: w.users.mgr1.id, qty: '3000', amountFen: '450000.50' };
    expect(await runAction(saveTargetSpec, ctx(), input)).toMatchObject({ ok: true });
    expect(await runAction(saveTargetSpec, ctx(), { ...input, qty: '3200' })).toMatchObject({ ok: true });
    const rows = await t.db.select().from(targets).where(eq(targets.managerId, w.users.mgr1.id));
    expect(rows).toEqual([{ month: '2026-12-01', qty: 3200, amountFen: 45000050, managerId: w.users.mgr1.id, teamId: w.t1.id, branchId: w.b1.id }]);
    expect(await runAction(saveTargetSpec, ctx(), { ...input, managerId: w.users.sup1.id })).toMatchObject({ fieldErrors: { managerId: ['请选择一位客户经理'] } });
    expect(await runAction(saveTargetSpec, ctx(), { ...input, qty: '' })).toMatchObject({ fieldErrors: { qty: ['请输入目标销量'] } });
  });

  it('sets and removes a shop’s agreed volume by licence number', async () => {
    const licenceNo = '330100000001';
    expect(await runAction(saveAgreementSpec, ctx(), { month: '2026-12', licenceNo: '123', qty: '10' })).toMatchObject({ fieldErrors: { licenceNo: ['许可证号为 12 位数字'] } });
    expect(await runAction(saveAgreementSpec, ctx(), { month: '2026-12', licenceNo: '999999999999', qty: '10' })).toMatchObject({ fieldErrors: { licenceNo: ['没有这个许可证号的零售户'] } });
    expect(await runAction(saveAgreementSpec, ctx(), { month: '2026-12', licenceNo, qty: '120' })).toMatchObject({ ok: true });
    const [row] = await t.db.select().from(agreedVolumes);
    expect(row).toMatchObject({ month: '2026-12-01', qty: 120, managerId: w.users.mgr1.id, teamId: w.t1.id });
    expect(await runAction(saveAgreementSpec, ctx(), { month: '2026-12', licenceNo, qty: '0', remove: true })).toMatchObject({ ok: true, data: { removed: true } });
    expect(await t.db.select().from(agreedVolumes)).toEqual([]);
  });

  it('is for admins only', async () => {
    expect(await runAction(saveTargetSpec, ctx('sup1'), { month: '2026-12', managerId: w.users.mgr1.id, qty: '1', amountFen: '1' })).toMatchObject({ status: 403 });
  });
});
