import type { Complaint } from '@/db/schema';

const OPEN: Complaint['status'][] = ['received', 'assigned', 'investigating'];

/**
 * Where a complaint stands against its deadlines: overdue when unacknowledged past the
 * acknowledge deadline or unresolved past the resolve deadline; due soon within a day of it.
 */
export function deadlineState(c: Pick<Complaint, 'status' | 'ackDueAt' | 'resolveDueAt'>, now: Date): 'overdue' | 'due_soon' | null {
  if (!OPEN.includes(c.status)) return null;
  const at = now.getTime();
  const resolveBy = new Date(c.resolveDueAt).getTime();
  if ((c.status === 'received' && at > new Date(c.ackDueAt).getTime()) || at > resolveBy) return 'overdue';
  return resolveBy - at < 86_400_000 ? 'due_soon' : null;
}
