import 'server-only';
import { and, asc, desc, eq, gte, inArray, lte, or } from 'drizzle-orm';
import type { Db } from '@/db/index';
import { dailyReports, reviewEvents, summaries, users } from '@/db/schema';
import type { Scope } from '@/lib/auth/scope';

const dailyColumns = {
  id: dailyReports.id,
  day: dailyReports.day,
  status: dailyReports.status,
  computed: dailyReports.computed,
  missedReasons: dailyReports.missedReasons,
  commonIssues: dailyReports.commonIssues,
  gains: dailyReports.gains,
  submittedAt: dailyReports.submittedAt,
  late: dailyReports.late,
  reviewComment: dailyReports.reviewComment,
  reviewedAt: dailyReports.reviewedAt,
  managerId: dailyReports.managerId,
  teamId: dailyReports.teamId,
};

const summaryColumns = {
  id: summaries.id,
  kind: summaries.kind,
  periodStart: summaries.periodStart,
  status: summaries.status,
  computed: summaries.computed,
  analysis: summaries.analysis,
  submittedAt: summaries.submittedAt,
  late: summaries.late,
  reviewComment: summaries.reviewComment,
  reviewedAt: summaries.reviewedAt,
  managerId: summaries.managerId,
  teamId: summaries.teamId,
};

export async function getOwnDailyReport(db: Db, managerId: number, day: string) {
  const [row] = await db.select(dailyColumns).from(dailyReports).where(and(eq(dailyReports.managerId, managerId), eq(dailyReports.day, day)));
  return row ?? null;
}

export async function getOwnSummary(db: Db, managerId: number, kind: 'weekly' | 'monthly', periodStart: string) {
  const [row] = await db
    .select(summaryColumns)
    .from(summaries)
    .where(and(eq(summaries.managerId, managerId), eq(summaries.kind, kind), eq(summaries.periodStart, periodStart)));
  return row ?? null;
}

/** A report for its reviewer: the own team's only (anything else does not exist for the caller). */
export async function getTeamDailyReport(db: Db, scope: Scope, id: number) {
  const [row] = await db
    .select({ ...dailyColumns, managerName: users.name })
    .from(dailyReports)
    .innerJoin(users, eq(users.id, dailyReports.managerId))
    .where(and(eq(dailyReports.id, id), eq(dailyReports.teamId, scope.teamId ?? -1)));
  return row ?? null;
}

export async function getTeamSummary(db: Db, scope: Scope, id: number) {
  const [row] = await db
    .select({ ...summaryColumns, managerName: users.name })
    .from(summaries)
    .innerJoin(users, eq(users.id, summaries.managerId))
    .where(and(eq(summaries.id, id), eq(summaries.teamId, scope.teamId ?? -1)));
  return row ?? null;
}

export async function getReviewHistory(db: Db, subject: string, id: number) {
  return db
    .select({ id: reviewEvents.id, action: reviewEvents.action, comment: reviewEvents.comment, at: reviewEvents.at, actor: users.name })
    .from(reviewEvents)
    .innerJoin(users, eq(users.id, reviewEvents.actorId))
    .where(and(eq(reviewEvents.subject, subject), eq(reviewEvents.subjectId, id)))
    .orderBy(asc(reviewEvents.at), asc(reviewEvents.id));
}

export async function listOwnDailyReports(db: Db, managerId: number, from: string, to: string) {
  return db
    .select({ id: dailyReports.id, day: dailyReports.day, status: dailyReports.status, late: dailyReports.late, submittedAt: dailyReports.submittedAt })
    .from(dailyReports)
    .where(and(eq(dailyReports.managerId, managerId), gte(dailyReports.day, from), lte(dailyReports.day, to)))
    .orderBy(desc(dailyReports.day));
}

export async function listOwnSummaries(db: Db, managerId: number, from: string) {
  return db
    .select({ id: summaries.id, kind: summaries.kind, periodStart: summaries.periodStart, status: summaries.status, late: summaries.late })
    .from(summaries)
    .where(and(eq(summaries.managerId, managerId), gte(summaries.periodStart, from)))
    .orderBy(desc(summaries.periodStart));
}

export type ReviewRow = {
  subject: 'daily_report' | 'summary';
  kind: 'daily' | 'weekly' | 'monthly';
  id: number | null; // null: not written yet
  managerId: number;
  managerName: string;
  period: string;
  status: 'draft' | 'submitted' | 'approved' | 'returned' | 'missing';
  late: boolean;
  submittedAt: Date | null;
};

/**
 * Every report the team owes in a range of days: written ones with their state, and the working
 * days and ended periods that have none yet (shown as missing), so a supervisor sees who is late.
 */
export async function listTeamReports(db: Db, scope: Scope, opts: { from: string; to: string; dueDays: string[]; weeks: string[]; dueWeeks: string[]; months: string[]; dueMonths: string[]; managerId?: number }): Promise<ReviewRow[]> {
  const teamId = scope.teamId ?? -1;
  const managers = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.role, 'manager'), eq(users.teamId, teamId), eq(users.disabled, false), opts.managerId ? eq(users.id, opts.managerId) : undefined))
    .orderBy(asc(users.id));
  if (managers.length === 0) return [];
  const ids = managers.map((m) => m.id);
  const nameOf = new Map(managers.map((m) => [m.id, m.name]));
  const [daily, sums] = await Promise.all([
    db
      .select({ id: dailyReports.id, managerId: dailyReports.managerId, day: dailyReports.day, status: dailyReports.status, late: dailyReports.late, submittedAt: dailyReports.submittedAt })
      .from(dailyReports)
      .where(and(eq(dailyReports.teamId, teamId), inArray(dailyReports.managerId, ids), gte(dailyReports.day, opts.from), lte(dailyReports.day, opts.to))),
    db
      .select({ id: summaries.id, managerId: summaries.managerId, kind: summaries.kind, periodStart: summaries.periodStart, status: summaries.status, late: summaries.late, submittedAt: summaries.submittedAt })
      .from(summaries)
      .where(
        and(
          eq(summaries.teamId, teamId),
          inArray(summaries.managerId, ids),
          or(
            and(eq(summaries.kind, 'weekly'), inArray(summaries.periodStart, [...opts.weeks, '1900-01-01'])),
            and(eq(summaries.kind, 'monthly'), inArray(summaries.periodStart, [...opts.months, '1900-01-01'])),
          ),
        ),
      ),
  ]);
  const rows: ReviewRow[] = [];
  const seen = new Set<string>();
  for (const r of daily) {
    seen.add(`d:${r.managerId}:${r.day}`);
    rows.push({ subject: 'daily_report', kind: 'daily', id: r.id, managerId: r.managerId, managerName: nameOf.get(r.managerId) ?? '', period: r.day, status: r.status, late: r.late, submittedAt: r.submittedAt });
  }
  for (const r of sums) {
    seen.add(`${r.kind}:${r.managerId}:${r.periodStart}`);
    rows.push({ subject: 'summary', kind: r.kind, id: r.id, managerId: r.managerId, managerName: nameOf.get(r.managerId) ?? '', period: r.periodStart, status: r.status, late: r.late, submittedAt: r.submittedAt });
  }
  for (const m of managers) {
    const missing = (kind: ReviewRow['kind'], period: string, key: string) => {
      if (!seen.has(key)) rows.push({ subject: kind === 'daily' ? 'daily_report' : 'summary', kind, id: null, managerId: m.id, managerName: m.name, period, status: 'missing', late: true, submittedAt: null });
    };
    for (const d of opts.dueDays) missing('daily', d, `d:${m.id}:${d}`);
    for (const w of opts.dueWeeks) missing('weekly', w, `weekly:${m.id}:${w}`);
    for (const mo of opts.dueMonths) missing('monthly', mo, `monthly:${m.id}:${mo}`);
  }
  const order = { submitted: 0, missing: 1, returned: 2, draft: 3, approved: 4 } as const;
  return rows.sort((a, b) => order[a.status] - order[b.status] || b.period.localeCompare(a.period) || a.managerId - b.managerId);
}
