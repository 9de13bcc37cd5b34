import 'server-only';
import { and, asc, eq, ilike, or } from 'drizzle-orm';
import type { Db } from '@/db/index';
import { agreedVolumes, keyBrandListItems, keyBrandLists, retailers, specs, supplyAllocations, targets, teams, users } from '@/db/schema';
import { today } from '@/lib/clock';
import { monthStart } from '@/lib/time';

/** `?month=YYYY-MM` as the month's first day; this month when absent or malformed. */
export function monthParam(v: string | string[] | undefined): string {
  const s = Array.isArray(v) ? v[0] : v;
  return s && /^\d{4}-(0[1-9]|1[0-2])$/.test(s) ? `${s}-01` : monthStart(today());
}

export async function listSpecs(db: Db) {
  return db
    .select({
      id: specs.id,
      code: specs.code,
      brand: specs.brand,
      name: specs.name,
      priceClass: specs.priceClass,
      wholesaleFen: specs.wholesaleFen,
      retailFen: specs.retailFen,
      packsPerCarton: specs.packsPerCarton,
      sticksPerPack: specs.sticksPerPack,
      active: specs.active,
    })
    .from(specs)
    .orderBy(asc(specs.priceClass), asc(specs.brand), asc(specs.code));
}

export async function getKeyBrandItems(db: Db, month: string) {
  return db
    .select({
      id: keyBrandListItems.id,
      specId: keyBrandListItems.specId,
      specName: specs.name,
      brand: specs.brand,
      priceClass: specs.priceClass,
      gradeMin: keyBrandListItems.gradeMin,
      gradeMax: keyBrandListItems.gradeMax,
      area: keyBrandListItems.area,
    })
    .from(keyBrandListItems)
    .innerJoin(keyBrandLists, eq(keyBrandLists.id, keyBrandListItems.listId))
    .innerJoin(specs, eq(specs.id, keyBrandListItems.specId))
    .where(eq(keyBrandLists.month, month))
    .orderBy(asc(specs.priceClass), asc(specs.brand));
}

export async function getSupplyAllocations(db: Db, month: string) {
  return db
    .select({
      id: supplyAllocations.id,
      specId: supplyAllocations.specId,
      specName: specs.name,
      gradeMin: supplyAllocations.gradeMin,
      gradeMax: supplyAllocations.gradeMax,
      maxPerWeek: supplyAllocations.maxPerWeek,
    })
    .from(supplyAllocations)
    .innerJoin(specs, eq(specs.id, supplyAllocations.specId))
    .where(eq(supplyAllocations.month, month))
    .orderBy(asc(specs.priceClass), asc(specs.brand), asc(supplyAllocations.gradeMin));
}

/** Every active manager with the month's target, if any. */
export async function getManagerTargets(db: Db, month: string) {
  return db
    .select({ managerId: users.id, name: users.name, username: users.username, teamName: teams.name, qty: targets.qty, amountFen: targets.amountFen })
    .from(users)
    .innerJoin(teams, eq(teams.id, users.teamId))
    .leftJoin(targets, and(eq(targets.managerId, users.id), eq(targets.month, month)))
    .where(and(eq(users.role, 'manager'), eq(users.disabled, false)))
    .orderBy(asc(teams.code), asc(users.name));
}

export async function getAgreements(db: Db, month: string, q: string, limit = 200) {
  return db
    .select({ retailerId: retailers.id, licenceNo: retailers.licenceNo, name: retailers.name, managerName: users.name, qty: agreedVolumes.qty })
    .from(agreedVolumes)
    .innerJoin(retailers, eq(retailers.id, agreedVolumes.retailerId))
    .innerJoin(users, eq(users.id, retailers.managerId))
    .where(and(eq(agreedVolumes.month, month), q ? or(ilike(retailers.licenceNo, `${q}%`), ilike(retailers.name, `%${q}%`)) : undefined))
    .orderBy(asc(retailers.licenceNo))
    .limit(limit);
}
