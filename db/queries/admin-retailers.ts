import 'server-only';
import { and, asc, count, desc, eq, gte, ilike, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/index';
import { retailers, routes, teams, users } from '@/db/schema';
import type { Scope } from '@/lib/auth/scope';
import type { ListParams } from '@/lib/lists/params';

export const adminRetailerListSpec = {
  sorts: ['name', 'licenceNo', 'grade', 'manager', 'route'] as const,
  filters: ['manager', 'team', 'route', 'grade', 'area', 'format', 'flag', 'status'] as const,
  defaultSort: { id: 'licenceNo', desc: false },
};

const asId = (v: string | undefined) => (v && Number.isSafeInteger(Number(v)) ? Number(v) : null);

function where(p: ListParams): SQL | undefined {
  const f = p.filters;
  const parts: (SQL | undefined)[] = [];
  if (p.q) parts.push(or(ilike(retailers.name, `%${p.q}%`), ilike(retailers.licenceNo, `${p.q}%`), ilike(retailers.owner, `%${p.q}%`), ilike(retailers.address, `%${p.q}%`)));
  const manager = asId(f.manager);
  if (manager) parts.push(eq(retailers.managerId, manager));
  const team = asId(f.team);
  if (team) parts.push(eq(retailers.teamId, team));
  const route = asId(f.route);
  if (route) parts.push(eq(retailers.routeId, route));
  if (f.grade) {
    const [lo, hi] = f.grade.split('-').map(Number);
    if (Number.isFinite(lo)) parts.push(gte(retailers.grade, lo), lte(retailers.grade, Number.isFinite(hi) ? hi : lo));
  }
  if (f.area === 'city' || f.area === 'rural') parts.push(eq(retailers.area, f.area));
  if (f.format) parts.push(sql`${retailers.format}::text = ${f.format}`);
  if (f.flag === 'key') parts.push(eq(retailers.isKeyCustomer, true));
  if (f.flag === 'enterprise') parts.push(eq(retailers.isEnterprise, true));
  if (f.flag === 'collection') parts.push(eq(retailers.isCollectionPoint, true));
  if (f.flag === 'not_e_settlement') parts.push(eq(retailers.isESettlement, false));
  if (f.status === 'active') parts.push(eq(retailers.active, true));
  if (f.status === 'inactive') parts.push(eq(retailers.active, false));
  return and(...parts);
}

/** Every shop with its current assignment, for the admin (phones unmasked: the admin keeps the files). */
export async function listAdminRetailers(db: Db, _scope: Scope, p: ListParams, page = { limit: p.size, offset: (p.page - 1) * p.size }) {
  const w = where(p);
  const col = { name: retailers.name, licenceNo: retailers.licenceNo, grade: retailers.grade, manager: users.name, route: routes.name }[
    (p.sort?.id ?? 'licenceNo') as 'name' | 'licenceNo' | 'grade' | 'manager' | 'route'
  ];
  const dir = p.sort?.desc ? desc : asc;
  const [rows, [{ n }]] = await Promise.all([
    db
      .select({
        id: retailers.id,
        licenceNo: retailers.licenceNo,
        name: retailers.name,
        owner: retailers.owner,
        phone: retailers.phone,
        address: retailers.address,
        area: retailers.area,
        format: retailers.format,
        size: retailers.size,
        grade: retailers.grade,
        routeName: routes.name,
        managerName: users.name,
        teamName: teams.name,
        isKeyCustomer: retailers.isKeyCustomer,
        isEnterprise: retailers.isEnterprise,
        isCollectionPoint: retailers.isCollectionPoint,
        isESettlement: retailers.isESettlement,
        active: retailers.active,
      })
      .from(retailers)
      .innerJoin(routes, eq(routes.id, retailers.routeId))
      .innerJoin(users, eq(users.id, retailers.managerId))
      .innerJoin(teams, eq(teams.id, retailers.teamId))
      .where(w)
      .orderBy(dir(col), asc(retailers.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(retailers).where(w),
  ]);
  return { rows, total: n };
}

export async function getAdminRetailer(db: Db, id: number) {
  const [row] = await db
    .select({
      id: retailers.id,
      licenceNo: retailers.licenceNo,
      name: retailers.name,
      owner: retailers.owner,
      phone: retailers.phone,
      address: retailers.address,
      area: retailers.area,
      format: retailers.format,
      size: retailers.size,
      grade: retailers.grade,
      routeId: retailers.routeId,
      managerId: retailers.managerId,
      isKeyCustomer: retailers.isKeyCustomer,
      isEnterprise: retailers.isEnterprise,
      isCollectionPoint: retailers.isCollectionPoint,
      isESettlement: retailers.isESettlement,
      active: retailers.active,
    })
    .from(retailers)
    .where(eq(retailers.id, id))
    .limit(1);
  return row ?? null;
}

/** Managers and their routes, for assigning shops. */
export async function getAssignmentOptions(db: Db) {
  const [managers, routeRows] = await Promise.all([
    db
      .select({ id: users.id, name: users.name, username: users.username, teamId: users.teamId, teamName: teams.name, disabled: users.disabled })
      .from(users)
      .innerJoin(teams, eq(teams.id, users.teamId))
      .where(eq(users.role, 'manager'))
      .orderBy(asc(teams.code), asc(users.name)),
    db.select({ id: routes.id, code: routes.code, name: routes.name, area: routes.area, teamId: routes.teamId, managerId: routes.managerId }).from(routes).orderBy(asc(routes.code)),
  ]);
  return { managers, routes: routeRows };
}
