import 'server-only';
import { and, asc, count, desc, eq, gte, ilike, lt, or, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/index';
import { auditLog } from '@/db/schema';
import type { Scope } from '@/lib/auth/scope';
import type { ListParams } from '@/lib/lists/params';
import { addDays, zonedTime } from '@/lib/time';

export const auditListSpec = {
  sorts: ['at'] as const,
  filters: ['user', 'action', 'from', 'to', 'result'] as const,
  defaultSort: { id: 'at', desc: true },
};

const isDay = (s: string | undefined): s is string => !!s && /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s));

function auditWhere(p: ListParams): SQL | undefined {
  const f = p.filters;
  const parts: (SQL | undefined)[] = [];
  if (f.user) parts.push(ilike(auditLog.username, f.user.replace(/[%_\\]/g, (c) => `\\${c}`)));
  if (f.action) parts.push(eq(auditLog.action, f.action));
  // days are the company's calendar days: from 00:00 of `from` to 24:00 of `to`
  if (isDay(f.from)) parts.push(gte(auditLog.at, zonedTime(f.from, '00:00')));
  if (isDay(f.to)) parts.push(lt(auditLog.at, zonedTime(addDays(f.to, 1), '00:00')));
  if (f.result === 'success') parts.push(eq(auditLog.success, true));
  if (f.result === 'failure') parts.push(eq(auditLog.success, false));
  if (p.q) parts.push(or(ilike(auditLog.entityId, `${p.q}%`), ilike(auditLog.entity, `${p.q}%`), ilike(auditLog.ip, `${p.q}%`)));
  return and(...parts);
}

/** The audit log, newest first: who did what, to which record, from where. */
export async function listAudit(db: Db, _scope: Scope, p: ListParams, page = { limit: p.size, offset: (p.page - 1) * p.size }) {
  const where = auditWhere(p);
  const dir = p.sort?.desc === false ? asc : desc;
  const [rows, [{ n }]] = await Promise.all([
    db
      .select({
        id: auditLog.id,
        at: auditLog.at,
        username: auditLog.username,
        action: auditLog.action,
        entity: auditLog.entity,
        entityId: auditLog.entityId,
        success: auditLog.success,
        ip: auditLog.ip,
        detail: auditLog.detail,
      })
      .from(auditLog)
      .where(where)
      .orderBy(dir(auditLog.at), dir(auditLog.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(auditLog).where(where),
  ]);
  return { rows, total: n };
}

export async function getAuditActions(db: Db) {
  const rows = await db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(asc(auditLog.action)).limit(200);
  return rows.map((r) => r.action);
}
