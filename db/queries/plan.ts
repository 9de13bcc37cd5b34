import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/index';
import { retailers, routes, users, visitPlanItems, visitPlans } from '@/db/schema';
import type { Scope } from '@/lib/auth/scope';

const planColumns = {
  id: visitPlans.id,
  month: visitPlans.month,
  status: visitPlans.status,
  submittedAt: visitPlans.submittedAt,
  reviewComment: visitPlans.reviewComment,
  managerId: visitPlans.managerId,
};

export async function getOwnPlan(db: Db, managerId: number, month: string) {
  const [plan] = await db.select(planColumns).from(visitPlans).where(and(eq(visitPlans.managerId, managerId), eq(visitPlans.month, month)));
  return plan ?? null;
}

/** A plan for its reviewer: the own team's only. */
export async function getTeamPlan(db: Db, scope: Scope, id: number) {
  const [plan] = await db
    .select({ ...planColumns, managerName: users.name })
    .from(visitPlans)
    .innerJoin(users, eq(users.id, visitPlans.managerId))
    .where(and(eq(visitPlans.id, id), eq(visitPlans.teamId, scope.teamId ?? -1)));
  return plan ?? null;
}

export async function getTeamPlans(db: Db, scope: Scope, months: string[]) {
  return db
    .select({ id: visitPlans.id, month: visitPlans.month, status: visitPlans.status, submittedAt: visitPlans.submittedAt, managerName: users.name })
    .from(visitPlans)
    .innerJoin(users, eq(users.id, visitPlans.managerId))
    .where(and(eq(visitPlans.teamId, scope.teamId ?? -1), inArray(visitPlans.month, months)))
    .orderBy(asc(visitPlans.month), asc(users.id));
}

export async function getPlanItems(db: Db, planId: number) {
  return db
    .select({ id: visitPlanItems.id, day: visitPlanItems.day, seq: visitPlanItems.seq, retailerId: visitPlanItems.retailerId, name: retailers.name, routeName: routes.name })
    .from(visitPlanItems)
    .innerJoin(retailers, eq(retailers.id, visitPlanItems.retailerId))
    .innerJoin(routes, eq(routes.id, retailers.routeId))
    .where(eq(visitPlanItems.planId, planId))
    .orderBy(asc(visitPlanItems.day), asc(visitPlanItems.seq));
}

/** The manager's shops, as the plan needs them (frequency by grade, routes, area for the standard). */
export async function getPlanShops(db: Db, managerId: number) {
  return db
    .select({ id: retailers.id, name: retailers.name, grade: retailers.grade, area: retailers.area, routeId: retailers.routeId, routeSeq: retailers.routeSeq })
    .from(retailers)
    .where(and(eq(retailers.managerId, managerId), eq(retailers.active, true)))
    .orderBy(asc(retailers.routeId), asc(retailers.routeSeq));
}
