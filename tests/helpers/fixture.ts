import type { Db } from '@/db/index';
import {
  complaintCategories,
  keyBrandListItems,
  keyBrandLists,
  retailers,
  routes,
  specs,
  supplyAllocations,
  visitPlanItems,
  visitPlans,
} from '@/db/schema';
import { defaultComplaintCategories } from '@/lib/settings-defaults';
import { makeOrg } from './org';

/**
 * A hand-made world small enough to reason about: the org from makeOrg, a route per manager,
 * three shops for mgr1 (grades 28, 15, 5) and one for mgr2, four specs of which two are key
 * (中华 for grades ≥ 15 only), and an approved plan for `day` covering mgr1's first two shops.
 */
export async function makeWorld(db: Db, day: string) {
  const org = await makeOrg(db);
  const mgr1 = org.users.mgr1;
  const mgr2 = org.users.mgr2;
  await db.insert(complaintCategories).values(defaultComplaintCategories.map((c, i) => ({ ...c, sort: i })));
  const [r1, r2] = await db
    .insert(routes)
    .values([
      { code: 'R1', name: '东一线', area: 'city', branchId: org.b1.id, teamId: org.t1.id, managerId: mgr1.id },
      { code: 'R2', name: '西一线', area: 'rural', branchId: org.b2.id, teamId: org.t2.id, managerId: mgr2.id },
    ])
    .returning();
  const shop = (n: number, grade: number, route: typeof r1, manager: typeof mgr1, teamId: number, branchId: number) => ({
    licenceNo: String(330100000000 + n),
    name: `测试便利店${n}`,
    owner: `店主${n}`,
    phone: `1380000000${n}`,
    address: `测试路${n}号`,
    area: route.area,
    format: 'convenience' as const,
    size: 'medium' as const,
    grade,
    routeId: route.id,
    routeSeq: n,
    managerId: manager.id,
    teamId,
    branchId,
  });
  const shops = await db
    .insert(retailers)
    .values([
      shop(1, 28, r1, mgr1, org.t1.id, org.b1.id),
      shop(2, 15, r1, mgr1, org.t1.id, org.b1.id),
      shop(3, 5, r1, mgr1, org.t1.id, org.b1.id),
      shop(4, 20, r2, mgr2, org.t2.id, org.b2.id),
    ])
    .returning({ id: retailers.id, grade: retailers.grade });
  const specRows = await db
    .insert(specs)
    .values([
      { code: '6901028075862', brand: '中华', name: '中华(硬)', priceClass: 1, wholesaleFen: 38160, retailFen: 45000 },
      { code: '6901028180658', brand: '玉溪', name: '玉溪(软)', priceClass: 1, wholesaleFen: 20140, retailFen: 23000 },
      { code: '6901028000222', brand: '红塔山', name: '红塔山(硬经典)', priceClass: 3, wholesaleFen: 7500, retailFen: 8500 },
      { code: '6901028000333', brand: '红金龙', name: '红金龙(硬新版)', priceClass: 4, wholesaleFen: 4450, retailFen: 5000 },
    ])
    .returning({ id: specs.id, name: specs.name });
  const month = `${day.slice(0, 7)}-01`;
  const [list] = await db.insert(keyBrandLists).values({ month }).returning();
  await db.insert(keyBrandListItems).values([
    { listId: list.id, specId: specRows[0].id, gradeMin: 15, gradeMax: 30 },
    { listId: list.id, specId: specRows[2].id, gradeMin: 1, gradeMax: 30 },
  ]);
  await db.insert(supplyAllocations).values(specRows.map((s) => ({ month, specId: s.id, gradeMin: 1, gradeMax: 30, maxPerWeek: 10 })));
  const [plan] = await db
    .insert(visitPlans)
    .values({ month, status: 'approved', managerId: mgr1.id, teamId: org.t1.id, branchId: org.b1.id })
    .returning();
  await db.insert(visitPlanItems).values(
    shops.slice(0, 2).map((s, i) => ({ planId: plan.id, day, retailerId: s.id, seq: i + 1, managerId: mgr1.id, teamId: org.t1.id, branchId: org.b1.id })),
  );
  return { ...org, routes: { r1, r2 }, shops, specs: specRows, month };
}
