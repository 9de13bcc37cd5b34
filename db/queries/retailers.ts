import 'server-only';
import { and, asc, count, desc, eq, gte, ilike, inArray, lte, ne, or, sql, sum, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/index';
import {
  agreedVolumes,
  complaintCategories,
  complaints,
  orderLines,
  orders,
  retailers,
  routes,
  specs,
  visitStockLines,
  visits,
} from '@/db/schema';
import { scopeFilter, type Scope } from '@/lib/auth/scope';
import type { ListParams } from '@/lib/lists/params';
import { addDays, monthStart } from '@/lib/time';

export const retailerListSpec = {
  sorts: ['name', 'licenceNo', 'grade', 'route'] as const,
  filters: ['grade', 'area', 'format', 'route'] as const,
  defaultSort: { id: 'route', desc: false },
};

export function maskPhone(phone: string) {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : phone;
}

function retailerWhere(scope: Scope, p: ListParams): SQL | undefined {
  const f = p.filters;
  const parts: (SQL | undefined)[] = [scopeFilter(scope, retailers), eq(retailers.active, true)];
  if (p.q) parts.push(or(ilike(retailers.name, `%${p.q}%`), ilike(retailers.licenceNo, `${p.q}%`), ilike(retailers.owner, `%${p.q}%`)));
  if (f.grade) {
    const [lo, hi] = f.grade.split('-').map(Number);
    if (Number.isFinite(lo)) parts.push(gte(retailers.grade, lo), lte(retailers.grade, Number.isFinite(hi) ? hi : lo));
  }
  if (f.area === 'city' || f.area === 'rural') parts.push(eq(retailers.area, f.area));
  if (f.format) parts.push(sql`${retailers.format}::text = ${f.format}`);
  if (f.route && Number.isSafeInteger(Number(f.route))) parts.push(eq(retailers.routeId, Number(f.route)));
  return and(...parts);
}

export async function listRetailers(db: Db, scope: Scope, p: ListParams, page = { limit: p.size, offset: (p.page - 1) * p.size }) {
  const where = retailerWhere(scope, p);
  const col = { name: retailers.name, licenceNo: retailers.licenceNo, grade: retailers.grade, route: retailers.routeId }[
    (p.sort?.id ?? 'route') as 'name' | 'licenceNo' | 'grade' | 'route'
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
        isKeyCustomer: retailers.isKeyCustomer,
        isEnterprise: retailers.isEnterprise,
      })
      .from(retailers)
      .innerJoin(routes, eq(routes.id, retailers.routeId))
      .where(where)
      .orderBy(dir(col), asc(retailers.routeSeq), asc(retailers.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(retailers).where(where),
  ]);
  return { rows: rows.map((r) => ({ ...r, phone: maskPhone(r.phone) })), total: n };
}

export async function getRoutesInScope(db: Db, scope: Scope) {
  return db
    .select({ id: routes.id, name: routes.name })
    .from(routes)
    .where(scope.role === 'manager' ? eq(routes.managerId, scope.userId) : scope.role === 'supervisor' ? eq(routes.teamId, scope.teamId ?? -1) : scope.role === 'branch_head' ? eq(routes.branchId, scope.branchId ?? -1) : undefined)
    .orderBy(asc(routes.name));
}

export async function getRetailerVisits(db: Db, retailerId: number, limit = 20) {
  return db
    .select({ id: visits.id, startedAt: visits.startedAt, durationSec: visits.durationSec, short: visits.short, offPlan: visits.offPlan, illegalFound: visits.illegalFound })
    .from(visits)
    .where(eq(visits.retailerId, retailerId))
    .orderBy(desc(visits.startedAt))
    .limit(limit);
}

/** Stock of the shop's key specs at each visit over the last `days` days, for the trend chart. */
export async function getKeyStockTrend(db: Db, retailerId: number, today: string, days = 90) {
  const rows = await db
    .select({ day: visitStockLines.visitDate, specId: visitStockLines.specId, name: specs.name, stock: visitStockLines.stock })
    .from(visitStockLines)
    .innerJoin(specs, eq(specs.id, visitStockLines.specId))
    .where(and(eq(visitStockLines.retailerId, retailerId), eq(visitStockLines.isKey, true), gte(visitStockLines.visitDate, addDays(today, -days))))
    .orderBy(asc(visitStockLines.visitDate));
  const names = [...new Map(rows.map((r) => [r.specId, r.name])).entries()].map(([id, name]) => ({ id, name }));
  const byDay = new Map<string, Record<string, number | string>>();
  for (const r of rows) {
    const point = byDay.get(r.day) ?? { day: r.day };
    point[`s${r.specId}`] = r.stock;
    byDay.set(r.day, point);
  }
  return { series: names, points: [...byDay.values()] };
}

/** This month's orders of the shop and its progress against the agreed monthly volume. */
export async function getMonthOrders(db: Db, retailerId: number, today: string) {
  const month = monthStart(today);
  const [orderRows, [agreed], [purchased]] = await Promise.all([
    db
      .select({
        orderNo: orders.orderNo,
        orderDate: orders.orderDate,
        deliveryDate: orders.deliveryDate,
        settlementStatus: orders.settlementStatus,
        ordered: sql<number>`coalesce(sum(${orderLines.ordered}), 0)::int`,
        supplied: sql<number>`coalesce(sum(${orderLines.supplied}), 0)::int`,
        amountFen: sql<number>`coalesce(sum(${orderLines.amountFen}), 0)::bigint`.mapWith(Number),
      })
      .from(orders)
      .leftJoin(orderLines, eq(orderLines.orderNo, orders.orderNo))
      .where(and(eq(orders.retailerId, retailerId), gte(orders.orderDate, month), lte(orders.orderDate, today)))
      .groupBy(orders.orderNo)
      .orderBy(desc(orders.orderDate)),
    db
      .select({ qty: agreedVolumes.qty })
      .from(agreedVolumes)
      .where(and(eq(agreedVolumes.retailerId, retailerId), eq(agreedVolumes.month, month))),
    db
      .select({ qty: sum(orderLines.supplied).mapWith(Number) })
      .from(orderLines)
      .where(and(eq(orderLines.retailerId, retailerId), gte(orderLines.deliveryDate, month), lte(orderLines.deliveryDate, today))),
  ]);
  return { orders: orderRows, agreed: agreed?.qty ?? null, purchased: purchased?.qty ?? 0 };
}

export async function getOpenComplaints(db: Db, retailerId: number) {
  return db
    .select({
      id: complaints.id,
      number: complaints.number,
      category: complaintCategories.nameZh,
      status: complaints.status,
      receivedAt: complaints.receivedAt,
      resolveDueAt: complaints.resolveDueAt,
      description: complaints.description,
    })
    .from(complaints)
    .innerJoin(complaintCategories, eq(complaintCategories.code, complaints.category))
    .where(and(eq(complaints.retailerId, retailerId), ne(complaints.status, 'closed')))
    .orderBy(desc(complaints.receivedAt));
}

export async function getShopsByIds(db: Db, scope: Scope, ids: number[]) {
  if (!ids.length) return [];
  return db.select({ id: retailers.id, name: retailers.name }).from(retailers).where(and(inArray(retailers.id, ids), scopeFilter(scope, retailers)));
}
