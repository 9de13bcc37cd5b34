import 'server-only';
import { and, asc, count, desc, eq, gte, ilike, lte, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/index';
import {
  complaintCategories,
  complaints,
  retailers,
  specs,
  users,
  visitInfoItems,
  visitOrderLines,
  visitStockLines,
  visits,
} from '@/db/schema';
import { scopeFilter, type Scope } from '@/lib/auth/scope';
import type { ListParams } from '@/lib/lists/params';

export const visitListSpec = {
  sorts: ['startedAt', 'duration', 'retailer'] as const,
  filters: ['from', 'to', 'short', 'offPlan'] as const,
  defaultSort: { id: 'startedAt', desc: true },
};

const isDate = (s: string | undefined) => !!s && /^\d{4}-\d{2}-\d{2}$/.test(s);

function visitWhere(scope: Scope, p: ListParams): SQL | undefined {
  const f = p.filters;
  return and(
    scopeFilter(scope, visits),
    p.q ? ilike(retailers.name, `%${p.q}%`) : undefined,
    isDate(f.from) ? gte(visits.visitDate, f.from) : undefined,
    isDate(f.to) ? lte(visits.visitDate, f.to) : undefined,
    f.short === '1' ? eq(visits.short, true) : undefined,
    f.offPlan === '1' ? eq(visits.offPlan, true) : undefined,
  );
}

export async function listVisits(db: Db, scope: Scope, p: ListParams, page = { limit: p.size, offset: (p.page - 1) * p.size }) {
  const where = visitWhere(scope, p);
  const col = { startedAt: visits.startedAt, duration: visits.durationSec, retailer: retailers.name }[(p.sort?.id ?? 'startedAt') as 'startedAt'];
  const dir = p.sort?.desc === false ? asc : desc;
  const [rows, [{ n }]] = await Promise.all([
    db
      .select({
        id: visits.id,
        visitDate: visits.visitDate,
        startedAt: visits.startedAt,
        endedAt: visits.endedAt,
        durationSec: visits.durationSec,
        short: visits.short,
        offPlan: visits.offPlan,
        illegalFound: visits.illegalFound,
        retailerId: retailers.id,
        retailerName: retailers.name,
        managerName: users.name,
      })
      .from(visits)
      .innerJoin(retailers, eq(retailers.id, visits.retailerId))
      .innerJoin(users, eq(users.id, visits.managerId))
      .where(where)
      .orderBy(dir(col), desc(visits.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(visits).innerJoin(retailers, eq(retailers.id, visits.retailerId)).where(where),
  ]);
  return { rows, total: n };
}

/** One visit in the caller's scope, with everything recorded at it; null answers 404. */
export async function getVisitInScope(db: Db, scope: Scope, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [visit] = await db
    .select({
      id: visits.id,
      retailerId: visits.retailerId,
      retailerName: retailers.name,
      managerName: users.name,
      visitDate: visits.visitDate,
      startedAt: visits.startedAt,
      endedAt: visits.endedAt,
      receivedAt: visits.receivedAt,
      clockOffsetMs: visits.clockOffsetMs,
      durationSec: visits.durationSec,
      short: visits.short,
      offPlan: visits.offPlan,
      sections: visits.sections,
      illegalFound: visits.illegalFound,
      illegalNote: visits.illegalNote,
    })
    .from(visits)
    .innerJoin(retailers, eq(retailers.id, visits.retailerId))
    .innerJoin(users, eq(users.id, visits.managerId))
    .where(and(eq(visits.id, id), scopeFilter(scope, visits)))
    .limit(1);
  if (!visit) return null;
  const [stock, orderRows, info, complaintRows] = await Promise.all([
    db
      .select({ specId: visitStockLines.specId, name: specs.name, stock: visitStockLines.stock, onCounter: visitStockLines.onCounter, priceTagOk: visitStockLines.priceTagOk, isKey: visitStockLines.isKey })
      .from(visitStockLines)
      .innerJoin(specs, eq(specs.id, visitStockLines.specId))
      .where(eq(visitStockLines.visitId, id))
      .orderBy(desc(visitStockLines.isKey), asc(specs.priceClass), asc(specs.name)),
    db
      .select({ specId: visitOrderLines.specId, name: specs.name, qty: visitOrderLines.qty, overLimit: visitOrderLines.overLimit })
      .from(visitOrderLines)
      .innerJoin(specs, eq(specs.id, visitOrderLines.specId))
      .where(eq(visitOrderLines.visitId, id)),
    db.select({ id: visitInfoItems.id, kind: visitInfoItems.kind, note: visitInfoItems.note }).from(visitInfoItems).where(eq(visitInfoItems.visitId, id)),
    db
      .select({ id: complaints.id, number: complaints.number, category: complaintCategories.nameZh, description: complaints.description, status: complaints.status })
      .from(complaints)
      .innerJoin(complaintCategories, eq(complaintCategories.code, complaints.category))
      .where(eq(complaints.visitId, id)),
  ]);
  return { ...visit, stock, orders: orderRows, info, complaints: complaintRows };
}
