import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '@/db/index';
import { complaintCategories, complaintEvents, complaints, retailers, users } from '@/db/schema';
import { scopeFilter, type Scope } from '@/lib/auth/scope';

const actor = alias(users, 'actor');
const target = alias(users, 'target');

/** One complaint in scope with its whole timeline; null answers 404. */
export async function getComplaintInScope(db: Db, scope: Scope, id: number) {
  const [c] = await db
    .select({
      id: complaints.id,
      number: complaints.number,
      retailerId: complaints.retailerId,
      retailerName: retailers.name,
      source: complaints.source,
      category: complaintCategories.nameZh,
      description: complaints.description,
      contact: complaints.contact,
      status: complaints.status,
      assigneeId: complaints.assigneeId,
      escalationLevel: complaints.escalationLevel,
      receivedAt: complaints.receivedAt,
      ackDueAt: complaints.ackDueAt,
      resolveDueAt: complaints.resolveDueAt,
      teamId: complaints.teamId,
      visitId: complaints.visitId,
    })
    .from(complaints)
    .innerJoin(retailers, eq(retailers.id, complaints.retailerId))
    .innerJoin(complaintCategories, eq(complaintCategories.code, complaints.category))
    .where(and(eq(complaints.id, id), scopeFilter(scope, complaints)))
    .limit(1);
  if (!c) return null;
  const [events, people] = await Promise.all([
    db
      .select({
        id: complaintEvents.id,
        kind: complaintEvents.kind,
        at: complaintEvents.at,
        note: complaintEvents.note,
        satisfied: complaintEvents.satisfied,
        level: complaintEvents.escalationLevel,
        actorName: actor.name,
        toName: target.name,
      })
      .from(complaintEvents)
      .leftJoin(actor, eq(actor.id, complaintEvents.actorId))
      .leftJoin(target, eq(target.id, complaintEvents.toUserId))
      .where(eq(complaintEvents.complaintId, id))
      .orderBy(asc(complaintEvents.at), asc(complaintEvents.id)),
    db
      .select({ id: users.id, name: users.name, role: users.role })
      .from(users)
      .where(and(eq(users.teamId, c.teamId), inArray(users.role, ['manager', 'supervisor']), eq(users.disabled, false)))
      .orderBy(asc(users.role), asc(users.id)),
  ]);
  return { ...c, events, people, assigneeName: people.find((p) => p.id === c.assigneeId)?.name ?? null };
}
