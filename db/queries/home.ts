import 'server-only';
import { and, asc, count, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '@/db/index';
import {
  auditLog,
  branches,
  complaints,
  morningBriefings,
  orders,
  retailers,
  rollupManagerDay,
  specs,
  teams,
  users,
  visits,
} from '@/db/schema';
import type { Scope } from '@/lib/auth/scope';
import { teamInScope } from '@/lib/auth/scope';

export async function getRecentVisits(db: Db, scope: Scope, limit = 8) {
  return db
    .select({
      id: visits.id,
      retailerName: retailers.name,
      startedAt: visits.startedAt,
      durationSec: visits.durationSec,
      short: visits.short,
      offPlan: visits.offPlan,
    })
    .from(visits)
    .innerJoin(retailers, eq(retailers.id, visits.retailerId))
    .where(eq(visits.managerId, scope.userId))
    .orderBy(desc(visits.startedAt))
    .limit(limit);
}

export async function getBriefing(db: Db, scope: Scope, day: string) {
  if (!scope.teamId) return null;
  const [row] = await db
    .select({
      policies: morningBriefings.policies,
      focus: morningBriefings.focus,
      supplyLimits: morningBriefings.supplyLimits,
      issues: morningBriefings.issues,
    })
    .from(morningBriefings)
    .where(and(eq(morningBriefings.teamId, scope.teamId), eq(morningBriefings.day, day)))
    .limit(1);
  return row ?? null;
}

/** A team in the caller's scope, or null (the caller sees 404). */
export async function getTeamInScope(db: Db, scope: Scope, teamId: number) {
  const [team] = await db
    .select({ id: teams.id, name: teams.name, branchId: teams.branchId, branchName: branches.name })
    .from(teams)
    .innerJoin(branches, eq(branches.id, teams.branchId))
    .where(eq(teams.id, teamId))
    .limit(1);
  if (!team || !teamInScope(scope, team)) return null;
  return team;
}

/** Per manager of a team: shop count and the day's visit compliance, from the daily rollup. */
export async function getTeamDay(db: Db, teamId: number, day: string) {
  const managers = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.teamId, teamId), eq(users.role, 'manager'), eq(users.disabled, false)))
    .orderBy(asc(users.id));
  const ids = managers.map((m) => m.id);
  if (ids.length === 0) return [];
  const [shopCounts, days] = await Promise.all([
    db
      .select({ managerId: retailers.managerId, n: count() })
      .from(retailers)
      .where(and(inArray(retailers.managerId, ids), eq(retailers.active, true)))
      .groupBy(retailers.managerId),
    db
      .select({
        managerId: rollupManagerDay.managerId,
        area: rollupManagerDay.area,
        planned: rollupManagerDay.planned,
        made: rollupManagerDay.made,
        plannedMade: rollupManagerDay.plannedMade,
        missed: rollupManagerDay.missed,
        offPlan: rollupManagerDay.offPlan,
        short: rollupManagerDay.short,
        firstStart: rollupManagerDay.firstStart,
        lastEnd: rollupManagerDay.lastEnd,
      })
      .from(rollupManagerDay)
      .where(and(inArray(rollupManagerDay.managerId, ids), eq(rollupManagerDay.day, day))),
  ]);
  const shops = new Map(shopCounts.map((r) => [r.managerId, r.n]));
  const byManager = new Map(days.map((d) => [d.managerId, d]));
  return managers.map((m) => ({ ...m, shops: shops.get(m.id) ?? 0, day: byManager.get(m.id) ?? null }));
}

/** The teams of a branch with their size and the day's totals. */
export async function getBranchTeams(db: Db, branchId: number, day: string) {
  const [teamRows, people, shops, totals] = await Promise.all([
    db.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.branchId, branchId)).orderBy(asc(teams.id)),
    db
      .select({ teamId: users.teamId, role: users.role, name: users.name })
      .from(users)
      .where(and(eq(users.branchId, branchId), inArray(users.role, ['manager', 'supervisor']), eq(users.disabled, false))),
    db
      .select({ teamId: retailers.teamId, n: count() })
      .from(retailers)
      .where(and(eq(retailers.branchId, branchId), eq(retailers.active, true)))
      .groupBy(retailers.teamId),
    db
      .select({
        teamId: rollupManagerDay.teamId,
        planned: sql<number>`sum(${rollupManagerDay.planned})::int`,
        plannedMade: sql<number>`sum(${rollupManagerDay.plannedMade})::int`,
        made: sql<number>`sum(${rollupManagerDay.made})::int`,
        short: sql<number>`sum(${rollupManagerDay.short})::int`,
      })
      .from(rollupManagerDay)
      .where(and(eq(rollupManagerDay.branchId, branchId), eq(rollupManagerDay.day, day)))
      .groupBy(rollupManagerDay.teamId),
  ]);
  const shopMap = new Map(shops.map((s) => [s.teamId, s.n]));
  const totalMap = new Map(totals.map((t) => [t.teamId, t]));
  return teamRows.map((t) => ({
    ...t,
    supervisor: people.find((p) => p.teamId === t.id && p.role === 'supervisor')?.name ?? null,
    managers: people.filter((p) => p.teamId === t.id && p.role === 'manager').length,
    shops: shopMap.get(t.id) ?? 0,
    day: totalMap.get(t.id) ?? null,
  }));
}

export async function getBranchName(db: Db, branchId: number) {
  const [row] = await db.select({ name: branches.name }).from(branches).where(eq(branches.id, branchId)).limit(1);
  return row?.name ?? '';
}

/** The most recent working day before `day` that the team has any plan or visit for. */
export async function getPreviousActiveDay(db: Db, filter: { teamId?: number; branchId?: number }, day: string) {
  const [row] = await db
    .select({ day: sql<string>`max(${rollupManagerDay.day})` })
    .from(rollupManagerDay)
    .where(
      and(
        lt(rollupManagerDay.day, day),
        gte(rollupManagerDay.day, sql`${day}::date - 31`),
        filter.teamId ? eq(rollupManagerDay.teamId, filter.teamId) : undefined,
        filter.branchId ? eq(rollupManagerDay.branchId, filter.branchId) : undefined,
      ),
    );
  return row?.day ?? null;
}

export async function getAdminCounts(db: Db) {
  const countOf = async (table: PgTable) => {
    const [r] = await db.select({ n: count() }).from(table);
    return r?.n ?? 0;
  };
  const [nUsers, nBranches, nTeams, nRetailers, nSpecs, nVisits, nOrders, nComplaints] = await Promise.all([
    countOf(users),
    countOf(branches),
    countOf(teams),
    countOf(retailers),
    countOf(specs),
    countOf(visits),
    countOf(orders),
    countOf(complaints),
  ]);
  return { users: nUsers, branches: nBranches, teams: nTeams, retailers: nRetailers, specs: nSpecs, visits: nVisits, orders: nOrders, complaints: nComplaints };
}

export async function getRecentSignIns(db: Db, limit = 10) {
  return db
    .select({ id: auditLog.id, at: auditLog.at, username: auditLog.username, success: auditLog.success, ip: auditLog.ip })
    .from(auditLog)
    .where(eq(auditLog.action, 'sign_in'))
    .orderBy(desc(auditLog.id))
    .limit(limit);
}
