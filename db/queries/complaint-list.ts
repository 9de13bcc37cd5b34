import 'server-only';
import { and, asc, count, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/index';
import { complaintCategories, complaints, retailers } from '@/db/schema';
import { scopeFilter, type Scope } from '@/lib/auth/scope';
import type { ListParams } from '@/lib/lists/params';

export const complaintListSpec = {
  sorts: ['receivedAt', 'resolveDueAt', 'status'] as const,
  filters: ['status', 'category', 'source'] as const,
  defaultSort: { id: 'receivedAt', desc: true },
};

function where(scope: Scope, p: ListParams): SQL | undefined {
  const f = p.filters;
  return and(
    scopeFilter(scope, complaints),
    p.q ? or(ilike(retailers.name, `%${p.q}%`), ilike(complaints.number, `%${p.q}%`)) : undefined,
    f.status ? sql`${complaints.status}::text = ${f.status}` : undefined,
    f.category ? eq(complaints.category, f.category) : undefined,
    f.source ? sql`${complaints.source}::text = ${f.source}` : undefined,
  );
}

export async function listComplaints(db: Db, scope: Scope, p: ListParams, page = { limit: p.size, offset: (p.page - 1) * p.size }) {
  const w = where(scope, p);
  const col = { receivedAt: complaints.receivedAt, resolveDueAt: complaints.resolveDueAt, status: complaints.status }[(p.sort?.id ?? 'receivedAt') as 'receivedAt'];
  const dir = p.sort?.desc === false ? asc : desc;
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
