import { eq, sql } from 'drizzle-orm';
import type { Tx } from '@/db/index';
import { complaintCategories, complaintEvents, complaints, type Complaint } from '@/db/schema';
import { FieldError } from '@/lib/action';
import { getSettings, getWorkCalendar } from '@/lib/settings';
import { addWorkingDays, dateInTz } from '@/lib/time';
import { refreshComplaintWeek } from '@/db/rollups';

export type NewComplaint = {
  retailer: { id: number; managerId: number; teamId: number; branchId: number };
  source: Complaint['source'];
  category: string;
  description: string;
  contact?: string;
  visitId?: string;
  opinionEntryId?: number;
  actorId: number;
  at: Date;
  /** where a bad category is reported, e.g. 'complaints.0.category' */
  fieldPath?: string;
};

/** Registers a complaint (受理登记): deadlines from the working-day calendar, the first timeline entry. */
export async function assertCategory(tx: Tx, code: string, fieldPath = 'category') {
  const [category] = await tx
    .select({ code: complaintCategories.code })
    .from(complaintCategories)
    .where(eq(complaintCategories.code, code))
    .limit(1);
  if (!category) throw new FieldError({ [fieldPath]: ['投诉类别不存在，请重新选择'] });
}

export async function createComplaint(tx: Tx, c: NewComplaint) {
  await assertCategory(tx, c.category, c.fieldPath);
  const [settings, calendar] = await Promise.all([getSettings(tx), getWorkCalendar(tx)]);
  const stamps = { managerId: c.retailer.managerId, teamId: c.retailer.teamId, branchId: c.retailer.branchId };
  const [row] = await tx
    .insert(complaints)
    .values({
      number: sql`'TMP-' || gen_random_uuid()::text`,
      retailerId: c.retailer.id,
      source: c.source,
      category: c.category,
      description: c.description,
      contact: c.contact || null,
      visitId: c.visitId,
      opinionEntryId: c.opinionEntryId,
      status: 'received',
      receivedAt: c.at,
      ackDueAt: addWorkingDays(c.at, settings.complaintAckWorkingDays, calendar),
      resolveDueAt: addWorkingDays(c.at, settings.complaintResolveWorkingDays, calendar),
      createdBy: c.actorId,
      ...stamps,
    })
    .returning({ id: complaints.id });
  // numbers read like the 12313 system's: TS + date + a serial
  const number = `TS${dateInTz(c.at).replace(/-/g, '')}${String(row.id).padStart(6, '0')}`;
  await tx.update(complaints).set({ number }).where(eq(complaints.id, row.id));
  await tx.insert(complaintEvents).values({ complaintId: row.id, kind: 'received', actorId: c.actorId, at: c.at, note: c.description, ...stamps });
  await refreshComplaintWeek(tx, c.retailer.teamId, c.at);
  return { id: row.id, number };
}
