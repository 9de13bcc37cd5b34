import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db/index';
import { refreshComplaintWeeksFor } from '@/db/rollups';
import { complaintEvents, complaints, users } from '@/db/schema';
import { getSettings, getWorkCalendar } from '@/lib/settings';
import { addWorkingDays } from '@/lib/time';

/**
 * Escalates overdue complaints: to the team's supervisor once a deadline passes (acknowledge or
 * resolve), to the branch head when the resolve deadline is passed by the configured working
 * days. Runs on a schedule inside the server, whether or not anyone opens a page; safe to run
 * twice at once (one escalation per level, enforced by a unique index). Returns the escalations made.
 */
export async function runEscalation(db: Db, at: Date): Promise<{ complaintId: number; level: number }[]> {
  const [settings, calendar] = await Promise.all([getSettings(db), getWorkCalendar(db)]);
  const open = await db
    .select({
      id: complaints.id,
      status: complaints.status,
      ackDueAt: complaints.ackDueAt,
      resolveDueAt: complaints.resolveDueAt,
      level: complaints.escalationLevel,
      teamId: complaints.teamId,
      branchId: complaints.branchId,
      managerId: complaints.managerId,
    })
    .from(complaints)
    .where(and(inArray(complaints.status, ['received', 'assigned', 'investigating']), sql`${complaints.escalationLevel} < 2`));
  const made: { complaintId: number; level: number }[] = [];
  for (const c of open) {
    const ackLate = c.status === 'received' && at > c.ackDueAt;
    const resolveLate = at > c.resolveDueAt;
    const branchLate = at > addWorkingDays(c.resolveDueAt, settings.complaintEscalateBranchWorkingDays, calendar);
    const target = branchLate ? 2 : ackLate || resolveLate ? 1 : 0;
    if (target <= c.level) continue;
    await db.transaction(async (tx) => {
      for (let level = c.level + 1; level <= target; level++) {
        const [to] = await tx
          .select({ id: users.id })
          .from(users)
          .where(level === 1 ? and(eq(users.role, 'supervisor'), eq(users.teamId, c.teamId)) : and(eq(users.role, 'branch_head'), eq(users.branchId, c.branchId)))
          .limit(1);
        const inserted = await tx
          .insert(complaintEvents)
          .values({
            complaintId: c.id,
            kind: 'escalated',
            escalationLevel: level,
            actorId: null,
            toUserId: to?.id ?? null,
            at,
            note: level === 1 ? (ackLate && !resolveLate ? '超过受理期限，自动升级至市场经理' : '超过处理期限，自动升级至市场经理') : '超过处理期限，自动升级至营销部负责人',
            managerId: c.managerId,
            teamId: c.teamId,
            branchId: c.branchId,
          })
          .onConflictDoNothing()
          .returning({ id: complaintEvents.id });
        if (inserted.length) made.push({ complaintId: c.id, level });
      }
      await tx
        .update(complaints)
        .set({ escalationLevel: sql`greatest(${complaints.escalationLevel}, ${target})` })
        .where(eq(complaints.id, c.id));
      await refreshComplaintWeeksFor(tx, c.id);
    });
  }
  return made;
}

