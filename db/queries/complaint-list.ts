import 'server-only';
import { and, asc, count, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/index';
import { complaintCategories, complaints, retailers } from '@/db/schema';
import { scopeFilter, type Scope } from '@/lib/auth/scope';
import type { ListParams } from '@/lib/lists/params';
import { now } from '@/lib/clock';

/** The SQL form of lib/complaints/deadlines.ts's 'overdue'. */
export function overdueSql(at: Date) {
  const t = sql`${at.toISOString()}::timestamptz`;
  return sql`((${complaints.status} = 'received' and ${complaints.ackDueAt} < ${t})
    or (${complaints.status} in ('received','assigned','investigating') and ${complaints.resolveDueAt} < ${t}))`;
}

export const complaintListSpec = {
  sorts: ['urgency', 'receivedAt', 'resolveDueAt', 'status'] as const,
  filters: ['status', 'category', 'source', 'escalated'] as const,
  // the board: overdue first, then open by deadline, closed last
  defaultSort: { id: 'urgency', desc: false },
};

function where(scope: Scope, p: ListParams): SQL | undefined {
  const f = p.filters;
  return and(
    scopeFilter(scope, complaints),
    p.q ? or(ilike(retailers.name, `%${p.q}%`), ilike(complaints.number, `%${p.q}%`)) : undefined,
    f.status ? sql`${complaints.status}::text = ${f.status}` : undefined,
    f.category ? eq(complaints.category, f.category) : undefined,
    f.source ? sql`${complaints.source}::text = ${f.source}` : undefined,
    f.escalated === '1' ? sql`${complaints.escalationLevel} > 0` : undefined,
  );
}

export async function listComplaints(db: Db, scope: Scope, p: ListParams, page = { limit: p.size, offset: (p.page - 1) * p.size }) {
  const w = where(scope, p);
  const at = now();
  const urgency = sql`case when ${overdueSql(at)} then 0
    when ${complaints.status} <> 'closed' then 1 else 2 end, ${complaints.resolveDueAt}`;
  const col = { urgency, receivedAt: complaints.receivedAt, resolveDueAt: complaints.resolveDueAt, status: complaints.status }[(p.sort?.id ?? 'urgency') as 'receivedAt'];
  const dir = p.sort?.id === 'urgency' ? (x: typeof col) => sql`${x}` : p.sort?.desc === false ? asc : desc;
  const [rows, [{ n }]] = await Promise.all([
    db
      .select({
        id: complaints.id,
        number: complaints.number,
        retailerId: retailers.id,
        retailerName: retailers.name,
        category: complaintCategories.nameZh,
        source: complaints.source,
        status: complaints.status,
        description: complaints.description,
        receivedAt: complaints.receivedAt,
        ackDueAt: complaints.ackDueAt,
        resolveDueAt: complaints.resolveDueAt,
        escalationLevel: complaints.escalationLevel,
      })
      .from(complaints)
      .innerJoin(retailers, eq(retailers.id, complaints.retailerId))
      .innerJoin(complaintCategories, eq(complaintCategories.code, complaints.category))
      .where(w)
      .orderBy(dir(col), desc(complaints.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(complaints).innerJoin(retailers, eq(retailers.id, complaints.retailerId)).where(w),
  ]);
  return { rows, total: n };
}
