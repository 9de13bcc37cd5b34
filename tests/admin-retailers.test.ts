import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { retailers, routes, visitPlanItems, visits } from '@/db/schema';
import { listRetailers, retailerListSpec } from '@/db/queries/retailers';
import { runAction } from '@/lib/action';
import { updateRetailerSpec } from '@/lib/admin/retailers';
import { parseListParams } from '@/lib/lists/params';
import { addDays } from '@/lib/time';
import { createTestDb } from './helpers/db';
import { makeWorld } from './helpers/fixture';

const DAY = '2026-11-24';
let t: Awaited<ReturnType<typeof createTestDb>>;
let w: Awaited<ReturnType<typeof makeWorld>>;
let shopId: number;

beforeAll(async () => {
  process.env.ROUNDS_NOW = `${DAY}T10:00:00+08:00`;
  t = await createTestDb();
  w = await makeWorld(t.db, DAY);
  shopId = w.shops[0].id; // mgr1's, planned today
  // a visit mgr1 made yesterday, and the shop in mgr1's plan for tomorrow as well
  const mgr1 = { managerId: w.users.mgr1.id, teamId: w.t1.id, branchId: w.b1.id };
  await t.db.insert(visits).values({
    retailerId: shopId,
    routeId: w.routes.r1.id,
    area: 'city',
    visitDate: addDays(DAY, -1),
    startedAt: new Date(`${addDays(DAY, -1)}T10:00:00+08:00`),
    endedAt: new Date(`${addDays(DAY, -1)}T10:12:00+08:00`),
    durationSec: 720,
    sections: {} as never,
    ...mgr1,
  });
  const [item] = await t.db.select({ planId: visitPlanItems.planId }).from(visitPlanItems).where(eq(visitPlanItems.retailerId, shopId));
  await t.db.insert(visitPlanItems).values({ planId: item.planId, day: addDays(DAY, 1), retailerId: shopId, seq: 1, ...mgr1 });
});
afterAll(async () => {
  delete process.env.ROUNDS_NOW;
  await t.cleanup();
});

const ctx = (username: string) => ({ user: w.asCurrent(username), headers: new Headers({ origin: 'http://app.test', host: 'app.test' }), db: t.db, ip: '127.0.0.1' });
const form = (over: Record<string, unknown> = {}) => ({
  id: shopId,
  name: '测试便利店1',
  owner: '店主1',
  phone: '13800000001',
  address: '测试路1号',
  area: 'city',
  format: 'convenience',
  size: 'medium',
  grade: '28',
  managerId: String(w.users.mgr1.id),
  routeId: String(w.routes.r1.id),
  isKeyCustomer: true,
  isEnterprise: false,
  isCollectionPoint: false,
  isESettlement: true,
  active: true,
  ...over,
});

describe('editing a shop', () => {
  it('refuses a grade outside 1–30 and bad fields in Chinese, next to each field', async () => {
    const r = await runAction(updateRetailerSpec, ctx('admin'), form({ grade: '31', name: '', format: 'kiosk', phone: 'abc' }));
    expect(r).toMatchObject({
      ok: false,
      fieldErrors: { grade: ['档位应在 1–30 之间'], name: ['请输入店名'], format: ['请选择业态'], phone: ['电话号码格式不正确'] },
    });
    expect(await runAction(updateRetailerSpec, ctx('admin'), form({ grade: '0' }))).toMatchObject({ fieldErrors: { grade: ['档位应在 1–30 之间'] } });
  });

  it('refuses a route that is not the manager’s, and a non-manager', async () => {
    expect(await runAction(updateRetailerSpec, ctx('admin'), form({ routeId: String(w.routes.r2.id) }))).toMatchObject({
      fieldErrors: { routeId: ['该线路由其他客户经理负责，请选择这位客户经理的线路'] },
    });
    expect(await runAction(updateRetailerSpec, ctx('admin'), form({ managerId: String(w.users.sup1.id) }))).toMatchObject({
      fieldErrors: { managerId: ['请选择一位客户经理'] },
    });
  });

  it('saves grade and flags', async () => {
    expect(await runAction(updateRetailerSpec, ctx('admin'), form({ grade: '12', isEnterprise: true, isCollectionPoint: true }))).toMatchObject({ ok: true, data: { reassigned: false } });
    const [row] = await t.db.select().from(retailers).where(eq(retailers.id, shopId));
    expect(row).toMatchObject({ grade: 12, isEnterprise: true, isCollectionPoint: true, isKeyCustomer: true });
  });

  it('is for admins only', async () => {
    expect(await runAction(updateRetailerSpec, ctx('sup1'), form())).toMatchObject({ ok: false, status: 403 });
  });
});

describe('reassigning a shop', () => {
  it('moves future work to the new manager and leaves the history with the old one', async () => {
    const r = await runAction(updateRetailerSpec, ctx('admin'), form({ managerId: String(w.users.mgr2.id), routeId: String(w.routes.r2.id), area: 'rural' }));
    expect(r).toMatchObject({ ok: true, data: { reassigned: true } });

    // the shop now belongs to mgr2, in mgr2's team and branch, at the end of mgr2's route
    const [shop] = await t.db.select().from(retailers).where(eq(retailers.id, shopId));
    expect(shop).toMatchObject({ managerId: w.users.mgr2.id, teamId: w.t2.id, branchId: w.b2.id, routeId: w.routes.r2.id });
    const seqs = await t.db.select({ seq: retailers.routeSeq }).from(retailers).where(eq(retailers.routeId, w.routes.r2.id));
    expect(shop.routeSeq).toBe(Math.max(...seqs.map((s) => s.seq)));

    // yesterday's visit keeps mgr1, team 1 and branch 1
    const past = await t.db.select({ managerId: visits.managerId, teamId: visits.teamId, branchId: visits.branchId }).from(visits).where(eq(visits.retailerId, shopId));
    expect(past).toEqual([{ managerId: w.users.mgr1.id, teamId: w.t1.id, branchId: w.b1.id }]);

    // mgr1's plan keeps today's item (already under way) and loses tomorrow's
    const planned = await t.db.select({ day: visitPlanItems.day, managerId: visitPlanItems.managerId }).from(visitPlanItems).where(eq(visitPlanItems.retailerId, shopId));
    expect(planned).toEqual([{ day: DAY, managerId: w.users.mgr1.id }]);

    // the managers' own lists follow the new assignment
    const p = parseListParams({}, retailerListSpec);
    const ids = async (who: string) => (await listRetailers(t.db, w.asCurrent(who), p)).rows.map((x) => x.id);
    expect(await ids('mgr1')).not.toContain(shopId);
    expect(await ids('mgr2')).toContain(shopId);
    // the route itself is untouched
    const [r1] = await t.db.select({ managerId: routes.managerId }).from(routes).where(eq(routes.id, w.routes.r1.id));
    expect(r1.managerId).toBe(w.users.mgr1.id);
  });
});
