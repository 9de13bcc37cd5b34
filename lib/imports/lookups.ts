import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/index';
import { retailers, routes, specs, users } from '@/db/schema';
import { batches } from './pipeline';

// Only the keys the file names are looked up, in chunks, so a file costs the same whether the
// database holds a thousand shops or a million.
const CHUNK = 5000;

async function lookup<T, K extends string>(keys: Iterable<K>, fetch: (chunk: K[]) => Promise<(T & { key: string })[]>) {
  const out = new Map<string, T>();
  for (const chunk of batches([...new Set(keys)], CHUNK)) for (const row of await fetch(chunk)) out.set(row.key, row);
  return out;
}

export type ShopRef = { id: number; grade: number; area: 'city' | 'rural'; branchId: number; teamId: number; managerId: number };

export function shopsByLicence(db: DbOrTx, licences: Iterable<string>) {
  return lookup<ShopRef, string>(licences, (chunk) =>
    db
      .select({
        key: retailers.licenceNo,
        id: retailers.id,
        grade: retailers.grade,
        area: retailers.area,
        branchId: retailers.branchId,
        teamId: retailers.teamId,
        managerId: retailers.managerId,
      })
      .from(retailers)
      .where(inArray(retailers.licenceNo, chunk)),
  );
}

export function specsByCode(db: DbOrTx, codes: Iterable<string>) {
  return lookup<{ id: number }, string>(codes, (chunk) => db.select({ key: specs.code, id: specs.id }).from(specs).where(inArray(specs.code, chunk)));
}

export function routesByCode(db: DbOrTx, codes: Iterable<string>) {
  return lookup<{ id: number; area: 'city' | 'rural'; branchId: number; teamId: number; managerId: number | null }, string>(codes, (chunk) =>
    db
      .select({ key: routes.code, id: routes.id, area: routes.area, branchId: routes.branchId, teamId: routes.teamId, managerId: routes.managerId })
      .from(routes)
      .where(inArray(routes.code, chunk)),
  );
}

export function managersByUsername(db: DbOrTx, usernames: Iterable<string>) {
  return lookup<{ id: number; teamId: number | null; branchId: number | null; disabled: boolean }, string>(usernames, (chunk) =>
    db
      .select({ key: users.username, id: users.id, teamId: users.teamId, branchId: users.branchId, disabled: users.disabled })
      .from(users)
      .where(and(inArray(users.username, chunk), eq(users.role, 'manager'))),
  );
}
