import 'server-only';
import { and, asc, count, eq, inArray, max } from 'drizzle-orm';
import type { Db } from '@/db/index';
import { customerGroupAssignments, dayScheduleOrders, missedVisits, retailers, routes, visitPlanItems, visitPlans, visits } from '@/db/schema';
import type { Scope } from '@/lib/auth/scope';
import { focusShopCondition, isFocusWindow } from '@/lib/planning/focus';
import { getSettings } from '@/lib/settings';
import { diffDays, monthStart } from '@/lib/time';

export type ScheduleItem = {
  retailerId: number;
  name: string;
  address: string;
  grade: number;
  area: 'city' | 'rural';
  routeName: string;
  planned: boolean;
  visited: boolean;
  missedReason: 'closed' | 'owner_absent' | 'relocated' | 'other' | null;
  missedNote: string | null;
};

/**
 * The manager's schedule for a day: the approved monthly plan's items; where no plan for the month
 * is approved, the shops due by visit frequency (DOMAIN.md settings), in route order. On days 6–10
 * the high-fluctuation and enterprise-level shops come first (DOMAIN.md "The monthly rhythm"), each
 * part keeping that order. The manager's own reordering wins over all of it.
 */
export async function getSchedule(db: Db, scope: Scope, day: string): Promise<{ items: ScheduleItem[]; generated: boolean }> {
  const [approved] = await db
    .select({ id: visitPlans.id })
    .from(visitPlans)
    .where(and(eq(visitPlans.managerId, scope.userId), eq(visitPlans.month, monthStart(day)), eq(visitPlans.status, 'approved')))
    .limit(1);

  let base: { retailerId: number; seq: number }[];
  if (approved) {
    base = await db
      .select({ retailerId: visitPlanItems.retailerId, seq: visitPlanItems.seq })
      .from(visitPlanItems)
      .where(and(eq(visitPlanItems.planId, approved.id), eq(visitPlanItems.day, day)))
      .orderBy(asc(visitPlanItems.seq));
  } else {
    base = await dueByFrequency(db, scope, day);
  }
  const ids = base.map((b) => b.retailerId);
  if (ids.length === 0) return { items: [], generated: !approved };

  const [shops, visited, missed, order] = await Promise.all([
    db
      .select({
        id: retailers.id,
        name: retailers.name,
        address: retailers.address,
        grade: retailers.grade,
        area: retailers.area,
        routeName: routes.name,
      })
      .from(retailers)
      .innerJoin(routes, eq(routes.id, retailers.routeId))
      .where(inArray(retailers.id, ids)),
    db
      .selectDistinct({ retailerId: visits.retailerId })
      .from(visits)
      .where(and(eq(visits.managerId, scope.userId), eq(visits.visitDate, day), inArray(visits.retailerId, ids))),
    db
      .select({ retailerId: missedVisits.retailerId, reason: missedVisits.reason, note: missedVisits.note })
      .from(missedVisits)
      .where(and(eq(missedVisits.managerId, scope.userId), eq(missedVisits.day, day))),
    db
      .select({ retailerIds: dayScheduleOrders.retailerIds })
      .from(dayScheduleOrders)
      .where(and(eq(dayScheduleOrders.managerId, scope.userId), eq(dayScheduleOrders.day, day)))
      .limit(1),
  ]);
  const shopMap = new Map(shops.map((s) => [s.id, s]));
  const visitedSet = new Set(visited.map((v) => v.retailerId));
  const missedMap = new Map(missed.map((m) => [m.retailerId, m]));
  const rank = new Map((order[0]?.retailerIds ?? []).map((id, i) => [id, i]));
  const focus = !order[0] && isFocusWindow(day) ? await focusShops(db, ids, monthStart(day)) : new Set<number>();
  const key = (b: { retailerId: number; seq: number }) => rank.get(b.retailerId) ?? (focus.has(b.retailerId) ? 1e6 : 2e6) + b.seq;
  const sorted = [...base].sort((a, b) => key(a) - key(b));
  const items = sorted.flatMap((b) => {
    const s = shopMap.get(b.retailerId);
    if (!s) return [];
    const m = missedMap.get(b.retailerId);
    return [
      {
        retailerId: s.id,
        name: s.name,
        address: s.address,
        grade: s.grade,
        area: s.area,
        routeName: s.routeName,
        planned: Boolean(approved),
        visited: visitedSet.has(s.id),
        missedReason: m?.reason ?? null,
        missedNote: m?.note ?? null,
      },
    ];
  });
  return { items, generated: !approved };
}

async function focusShops(db: Db, ids: number[], month: string): Promise<Set<number>> {
  const rows = await db
    .select({ id: retailers.id })
    .from(retailers)
    .leftJoin(customerGroupAssignments, and(eq(customerGroupAssignments.retailerId, retailers.id), eq(customerGroupAssignments.month, month)))
    .where(and(inArray(retailers.id, ids), focusShopCondition()));
  return new Set(rows.map((r) => r.id));
}

/** Shops whose last visit is at least their frequency's interval ago, most overdue routes first. */
async function dueByFrequency(db: Db, scope: Scope, day: string) {
  const settings = await getSettings(db);
  const shops = await db
    .select({ id: retailers.id, grade: retailers.grade, area: retailers.area, routeId: retailers.routeId, routeSeq: retailers.routeSeq })
    .from(retailers)
    .where(and(eq(retailers.managerId, scope.userId), eq(retailers.active, true)))
    .orderBy(asc(retailers.routeId), asc(retailers.routeSeq));
  if (shops.length === 0) return [];
  const last = await db
    .select({ retailerId: visits.retailerId, last: max(visits.visitDate) })
    .from(visits)
    .where(inArray(visits.retailerId, shops.map((s) => s.id)))
    .groupBy(visits.retailerId);
  const lastMap = new Map(last.map((l) => [l.retailerId, l.last]));
  const interval = (grade: number) => {
    const f = settings.visitFrequency.find((x) => grade >= x.gradeMin && grade <= x.gradeMax);
    return Math.round(28 / (f?.perMonth ?? 1));
  };
  const due = shops
    .map((s) => {
      const lastDay = lastMap.get(s.id);
      const overdue = lastDay ? diffDays(day, lastDay) - interval(s.grade) : 365;
      return { ...s, overdue };
    })
    .filter((s) => s.overdue >= 0);
  const cityShare = shops.filter((s) => s.area === 'city').length / shops.length;
  const standard = cityShare >= 0.5 ? settings.visitStandardCity : settings.visitStandardRural;
  const cap = Math.ceil(standard / 0.92);
  // route by route, most overdue route first, keeping route order inside a route
  const byRoute = new Map<number, typeof due>();
  for (const s of due) byRoute.set(s.routeId, [...(byRoute.get(s.routeId) ?? []), s]);
  const routesOrdered = [...byRoute.values()].sort(
    (a, b) => b.reduce((n, s) => n + s.overdue, 0) / b.length - a.reduce((n, s) => n + s.overdue, 0) / a.length,
  );
  return routesOrdered
    .flat()
    .slice(0, cap)
    .map((s, i) => ({ retailerId: s.id, seq: i + 1 }));
}

export async function countVisitsOn(db: Db, scope: Scope, day: string) {
  const [row] = await db.select({ n: count() }).from(visits).where(and(eq(visits.managerId, scope.userId), eq(visits.visitDate, day)));
  return row?.n ?? 0;
}

