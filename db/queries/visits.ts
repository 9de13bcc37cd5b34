import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/index';
import {
  complaintCategories,
  keyBrandListItems,
  keyBrandLists,
  latestRetailerSpec,
  retailers,
  routes,
  specs,
  supplyAllocations,
  type Area,
} from '@/db/schema';
import type { Scope } from '@/lib/auth/scope';
import { scopeFilter } from '@/lib/auth/scope';

/** A retailer the caller may reach, or null (the caller answers 404). */
export async function getRetailerInScope(db: DbOrTx, scope: Scope, retailerId: number) {
  const [row] = await db
    .select({
      id: retailers.id,
      name: retailers.name,
      licenceNo: retailers.licenceNo,
      owner: retailers.owner,
      phone: retailers.phone,
      address: retailers.address,
      area: retailers.area,
      format: retailers.format,
      size: retailers.size,
      grade: retailers.grade,
      routeId: retailers.routeId,
      routeName: routes.name,
      managerId: retailers.managerId,
      teamId: retailers.teamId,
      branchId: retailers.branchId,
      isKeyCustomer: retailers.isKeyCustomer,
      isEnterprise: retailers.isEnterprise,
      isCollectionPoint: retailers.isCollectionPoint,
      isESettlement: retailers.isESettlement,
    })
    .from(retailers)
    .innerJoin(routes, eq(routes.id, retailers.routeId))
    .where(and(eq(retailers.id, retailerId), scopeFilter(scope, retailers)))
    .limit(1);
  return row ?? null;
}

/** Key specs a shop of this grade and area must report in the month (DOMAIN.md "Which lines"). */
export async function getEligibleKeySpecIds(db: DbOrTx, shop: { grade: number; area: Area }, month: string) {
  const rows = await db
    .select({ specId: keyBrandListItems.specId })
    .from(keyBrandListItems)
    .innerJoin(keyBrandLists, eq(keyBrandLists.id, keyBrandListItems.listId))
    .where(
      and(
        eq(keyBrandLists.month, month),
        lte(keyBrandListItems.gradeMin, shop.grade),
        gte(keyBrandListItems.gradeMax, shop.grade),
        or(isNull(keyBrandListItems.area), eq(keyBrandListItems.area, shop.area)),
      ),
    )
    .orderBy(asc(keyBrandListItems.specId));
  return rows.map((r) => r.specId);
}

export async function getActiveSpecs(db: DbOrTx) {
  return db
    .select({ id: specs.id, code: specs.code, brand: specs.brand, name: specs.name, priceClass: specs.priceClass })
    .from(specs)
    .where(eq(specs.active, true))
    .orderBy(asc(specs.priceClass), asc(specs.brand), asc(specs.name));
}

export async function getComplaintCategories(db: DbOrTx) {
  return db
    .select({ code: complaintCategories.code, nameZh: complaintCategories.nameZh, nameEn: complaintCategories.nameEn })
    .from(complaintCategories)
    .where(eq(complaintCategories.active, true))
    .orderBy(asc(complaintCategories.sort), asc(complaintCategories.code));
}

/** Per spec, the most 条 a shop of this grade may order per order week this month. */
export async function getSupplyLimits(db: DbOrTx, grade: number, month: string) {
  const rows = await db
    .select({ specId: supplyAllocations.specId, maxPerWeek: supplyAllocations.maxPerWeek })
    .from(supplyAllocations)
    .where(and(eq(supplyAllocations.month, month), lte(supplyAllocations.gradeMin, grade), gte(supplyAllocations.gradeMax, grade)));
  return Object.fromEntries(rows.map((r) => [r.specId, r.maxPerWeek])) as Record<number, number>;
}

/** The lines of each shop's last visit, from the latest-state rollup. */
export async function getLastVisitLines(db: DbOrTx, retailerIds: number[]) {
  if (retailerIds.length === 0) return new Map<number, { specId: number; stock: number; onCounter: boolean; priceTagOk: boolean; visitedAt: Date }[]>();
  const rows = await db
    .select({
      retailerId: latestRetailerSpec.retailerId,
      specId: latestRetailerSpec.specId,
      stock: latestRetailerSpec.stock,
      onCounter: latestRetailerSpec.onCounter,
      priceTagOk: latestRetailerSpec.priceTagOk,
      visitedAt: latestRetailerSpec.visitedAt,
      lastAt: sql<Date>`max(${latestRetailerSpec.visitedAt}) over (partition by ${latestRetailerSpec.retailerId})`.mapWith(
        (v: string | Date) => new Date(v),
      ),
    })
    .from(latestRetailerSpec)
    .where(inArray(latestRetailerSpec.retailerId, retailerIds))
    .orderBy(asc(latestRetailerSpec.retailerId), desc(latestRetailerSpec.visitedAt));
  const out = new Map<number, { specId: number; stock: number; onCounter: boolean; priceTagOk: boolean; visitedAt: Date }[]>();
  for (const r of rows) {
    if (new Date(r.visitedAt).getTime() !== r.lastAt.getTime()) continue;
    const list = out.get(r.retailerId) ?? [];
    list.push({ specId: r.specId, stock: r.stock, onCounter: r.onCounter, priceTagOk: r.priceTagOk, visitedAt: r.visitedAt });
    out.set(r.retailerId, list);
  }
  return out;
}
