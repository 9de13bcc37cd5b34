import 'server-only';
import { and, asc, eq, inArray, lt, notExists, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/index';
import { orderFollowUps, orderLines, orders, retailers, users } from '@/db/schema';
import { scopeFilter, type Scope } from '@/lib/auth/scope';
import { zonedTime } from '@/lib/time';

export type FollowUpRecord = { id: number; outcome: 'reached' | 'not_reached' | 'resolved'; note: string | null; at: Date };
export type FollowUpItem = Awaited<ReturnType<typeof getFollowUpList>>[number];

/**
 * Step 8 of the day: the failed orders (failed e-settlements) of `day`, plus those of the previous
 * working day that were still unresolved when `day` began, each with its call-back records. An
 * order with a resolved record is done: it leaves the to-do list but stays on the day's list.
 */
export async function getFollowUpList(db: DbOrTx, scope: Scope, day: string, previousWorkingDay: string) {
  const dayStarts = zonedTime(day, '00:00');
  const resolvedBefore = db
    .select({ one: sql`1` })
    .from(orderFollowUps)
    .where(and(eq(orderFollowUps.orderNo, orders.orderNo), eq(orderFollowUps.outcome, 'resolved'), lt(orderFollowUps.at, dayStarts)));
  const totals = db
    .select({
      orderNo: orderLines.orderNo,
      ordered: sql<number>`sum(${orderLines.ordered})::int`.as('ordered'),
      supplied: sql<number>`sum(${orderLines.supplied})::int`.as('supplied'),
    })
    .from(orderLines)
    .groupBy(orderLines.orderNo)
    .as('totals');
  const rows = await db
    .select({
      orderNo: orders.orderNo,
      orderDate: orders.orderDate,
      deliveryDate: orders.deliveryDate,
      failureReason: orders.failureReason,
      retailerId: orders.retailerId,
      shopName: retailers.name,
      owner: retailers.owner,
      phone: retailers.phone,
      managerId: orders.managerId,
      managerName: users.name,
      ordered: sql<number>`coalesce(${totals.ordered}, 0)`,
      supplied: sql<number>`coalesce(${totals.supplied}, 0)`,
    })
    .from(orders)
    .innerJoin(retailers, eq(retailers.id, orders.retailerId))
    .innerJoin(users, eq(users.id, orders.managerId))
    .leftJoin(totals, eq(totals.orderNo, orders.orderNo))
    .where(
      and(
        scopeFilter(scope, orders),
        eq(orders.settlementStatus, 'failed'),
        or(eq(orders.orderDate, day), and(eq(orders.orderDate, previousWorkingDay), notExists(resolvedBefore))),
      ),
    )
    .orderBy(asc(users.name), asc(orders.orderDate), asc(retailers.routeId), asc(retailers.routeSeq), asc(orders.orderNo));
  if (rows.length === 0) return [];
  const records = await db
    .select({ id: orderFollowUps.id, orderNo: orderFollowUps.orderNo, outcome: orderFollowUps.outcome, note: orderFollowUps.note, at: orderFollowUps.at })
    .from(orderFollowUps)
    .where(inArray(orderFollowUps.orderNo, rows.map((r) => r.orderNo)))
    .orderBy(asc(orderFollowUps.at), asc(orderFollowUps.id));
  const byOrder = new Map<string, FollowUpRecord[]>();
  for (const { orderNo, ...r } of records) byOrder.set(orderNo, [...(byOrder.get(orderNo) ?? []), r]);
  return rows.map((r) => {
    const calls = byOrder.get(r.orderNo) ?? [];
    return {
      ...r,
      carriedOver: r.orderDate !== day,
      records: calls,
      done: calls.some((c) => c.outcome === 'resolved'),
      lastOutcome: calls.at(-1)?.outcome ?? null,
    };
  });
}

/** The team's active managers, so a supervisor also sees who had nothing to call back. */
export async function getTeamManagers(db: DbOrTx, teamId: number) {
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.teamId, teamId), eq(users.role, 'manager'), eq(users.disabled, false)))
    .orderBy(asc(users.name));
}
