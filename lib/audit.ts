import { auditLog } from '@/db/schema';
import type { DbOrTx } from '@/db/index';

export type AuditEntry = typeof auditLog.$inferInsert;

export async function writeAudit(db: DbOrTx, entry: AuditEntry) {
  await db.insert(auditLog).values(entry);
}
