import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { computeDailyFigures, computeSummaryFigures } from '@/db/reports';
import { periodEnd, type Period } from '@/db/rollups';
import { dailyReports, reviewEvents, summaries, visitPlans } from '@/db/schema';
import { FieldError, NotFoundError, type ActionSpec } from '@/lib/action';
import { now, today } from '@/lib/clock';
import { getSettings } from '@/lib/settings';
import { addDays, isoWeekday, zonedTime } from '@/lib/time';

// draft → submitted → approved, or returned → (edited) → submitted again. The record keeps its
// current state; review_events keeps every step, which is the history a reviewer reads.

const dayString = z.iso.date({ error: '日期格式应为 YYYY-MM-DD' });
const words = (max: number, label: string) => z.string().trim().max(max, { error: `${label}不能超过 ${max} 字` });

export const dailyReportSchema = z.object({
  clientId: z.uuid({ error: '提交编号无效' }),
  day: dayString,
  missedReasons: z.record(z.string().regex(/^\d+$/), words(200, '未拜访原因')).default({}),
  commonIssues: words(2000, '共性问题'),
  gains: words(2000, '主要收获'),
  submit: z.boolean(),
});

const editable = (status: string) => status === 'draft' || status === 'returned';

/** The manager's daily report: saved as a draft any time, submitted once complete; figures freeze on submit. */
export const dailyReportSpec: ActionSpec<typeof dailyReportSchema, { id: number; status: string }> = {
  name: 'report.daily.save',
  permission: 'report:write',
  schema: dailyReportSchema,
  idempotencyKey: (input) => input.clientId,
  handler: async ({ user, tx, input }) => {
    if (input.day > today()) throw new FieldError({ day: ['不能填写未来日期的日报'] });
    const [existing] = await tx
      .select({ id: dailyReports.id, status: dailyReports.status, submittedAt: dailyReports.submittedAt, late: dailyReports.late })
      .from(dailyReports)
      .where(and(eq(dailyReports.managerId, user.userId), eq(dailyReports.day, input.day)))
      .for('update');
    if (existing && !editable(existing.status)) {
      throw new FieldError({ _form: [existing.status === 'approved' ? '日报已审核通过，不能再修改' : '日报已提交，等待审核，不能修改'] });
    }
    const settings = await getSettings(tx);
    const figures = await computeDailyFigures(tx, user.userId, input.day, settings);
    const reasons: Record<string, string> = {};
    for (const shop of figures.missedShops) {
      const reason = input.missedReasons[String(shop.retailerId)]?.trim();
      if (reason) reasons[String(shop.retailerId)] = reason;
    }
    if (input.submit) {
      const errors: Record<string, string[]> = {};
      for (const shop of figures.missedShops) {
        if (!reasons[String(shop.retailerId)]) errors[`missedReasons.${shop.retailerId}`] = [`请填写「${shop.name}」未拜访的原因`];
      }
      if (!input.commonIssues) errors.commonIssues = ['请填写当天发现的共性问题（没有可写“无”）'];
      if (input.gains.length < 2) errors.gains = ['请填写当天的主要收获'];
      if (Object.keys(errors).length) throw new FieldError(errors);
    }
    const at = now();
    const submitted = input.submit
      ? {
          status: 'submitted' as const,
          computed: figures as unknown as Record<string, unknown>,
          submittedAt: at,
          // lateness is decided by the first submission; a returned report resubmitted keeps it
          late: existing?.submittedAt ? existing.late : at > zonedTime(input.day, settings.dailyReportDue),
        }
      : {};
    const values = { missedReasons: reasons, commonIssues: input.commonIssues, gains: input.gains, ...submitted };
    const [row] = existing
      ? await tx.update(dailyReports).set(values).where(eq(dailyReports.id, existing.id)).returning({ id: dailyReports.id, status: dailyReports.status })
      : await tx
          .insert(dailyReports)
          .values({ day: input.day, managerId: user.userId, teamId: user.teamId!, branchId: user.branchId!, ...values })
          .returning({ id: dailyReports.id, status: dailyReports.status });
    if (input.submit) await tx.insert(reviewEvents).values({ subject: 'daily_report', subjectId: row.id, action: 'submitted', actorId: user.userId, at });
    return { result: row, entity: 'daily_report', entityId: String(row.id) };
  },
};

export const summarySchema = z
  .object({
    clientId: z.uuid({ error: '提交编号无效' }),
    kind: z.enum(['weekly', 'monthly'], { error: '未知的总结类型' }),
    periodStart: dayString,
    analysis: words(5000, '分析'),
    submit: z.boolean(),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'weekly' && isoWeekday(v.periodStart) !== 1) ctx.addIssue({ code: 'custom', path: ['periodStart'], message: '周总结应从周一开始' });
    if (v.kind === 'monthly' && !v.periodStart.endsWith('-01')) ctx.addIssue({ code: 'custom', path: ['periodStart'], message: '月总结应从每月 1 日开始' });
  });

export const periodOfSummary = (kind: 'weekly' | 'monthly', start: string): Period => ({ kind: kind === 'weekly' ? 'week' : 'month', start });

/** When a summary is due: the afternoon after its period (the Monday for a week, the 1st for a month). */
export function summaryDue(kind: 'weekly' | 'monthly', start: string, settings: { dailyReportDue: string }) {
  return zonedTime(periodEnd(periodOfSummary(kind, start)), settings.dailyReportDue);
}

export const summarySpec: ActionSpec<typeof summarySchema, { id: number; status: string }> = {
  name: 'report.summary.save',
  permission: 'report:write',
  schema: summarySchema,
  idempotencyKey: (input) => input.clientId,
  handler: async ({ user, tx, input }) => {
    const period = periodOfSummary(input.kind, input.periodStart);
    if (periodEnd(period) > addDays(today(), 1)) throw new FieldError({ periodStart: ['这一期还没有结束，结束后再写总结'] });
    const [existing] = await tx
      .select({ id: summaries.id, status: summaries.status, submittedAt: summaries.submittedAt, late: summaries.late })
      .from(summaries)
      .where(and(eq(summaries.managerId, user.userId), eq(summaries.kind, input.kind), eq(summaries.periodStart, input.periodStart)))
      .for('update');
    if (existing && !editable(existing.status)) {
      throw new FieldError({ _form: [existing.status === 'approved' ? '总结已审核通过，不能再修改' : '总结已提交，等待审核，不能修改'] });
    }
    if (input.submit && input.analysis.length < 10) throw new FieldError({ analysis: ['请写下本期的分析（至少 10 个字）'] });
    const settings = await getSettings(tx);
    const at = now();
    const submitted = input.submit
      ? {
          status: 'submitted' as const,
          computed: (await computeSummaryFigures(tx, user.userId, period, settings)) as unknown as Record<string, unknown>,
          submittedAt: at,
          late: existing?.submittedAt ? existing.late : at > summaryDue(input.kind, input.periodStart, settings),
        }
      : {};
    const values = { analysis: input.analysis, ...submitted };
    const [row] = existing
      ? await tx.update(summaries).set(values).where(eq(summaries.id, existing.id)).returning({ id: summaries.id, status: summaries.status })
      : await tx
          .insert(summaries)
          .values({ kind: input.kind, periodStart: input.periodStart, managerId: user.userId, teamId: user.teamId!, branchId: user.branchId!, ...values })
          .returning({ id: summaries.id, status: summaries.status });
    if (input.submit) await tx.insert(reviewEvents).values({ subject: 'summary', subjectId: row.id, action: 'submitted', actorId: user.userId, at });
    return { result: row, entity: 'summary', entityId: String(row.id) };
  },
};

export const reviewSubjects = ['daily_report', 'summary', 'visit_plan'] as const;

export const reviewSchema = z
  .object({
    clientId: z.uuid({ error: '提交编号无效' }),
    subject: z.enum(reviewSubjects, { error: '未知的审核对象' }),
    id: z.int().positive(),
    decision: z.enum(['approve', 'return'], { error: '请选择通过或退回' }),
    comment: words(1000, '审核意见'),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'return' && v.comment.length < 2) ctx.addIssue({ code: 'custom', path: ['comment'], message: '退回时请写明需要修改的地方' });
  });

const tableOf = { daily_report: dailyReports, summary: summaries, visit_plan: visitPlans } as const;

/** A supervisor approves or returns a submitted report, summary or plan of the own team. */
export const reviewSpec: ActionSpec<typeof reviewSchema, { status: string }> = {
  name: 'report.review',
  permission: 'report:review',
  schema: reviewSchema,
  idempotencyKey: (input) => input.clientId,
  handler: async ({ user, tx, input }) => {
    const table = tableOf[input.subject];
    const [row] = await tx
      .select({ id: table.id, status: table.status, teamId: table.teamId })
      .from(table)
      .where(and(eq(table.id, input.id), eq(table.teamId, user.teamId ?? -1)))
      .for('update');
    if (!row) throw new NotFoundError('记录不存在或不在您的权限范围内');
    if (row.status !== 'submitted') {
      throw new FieldError({ _form: [row.status === 'draft' ? '尚未提交，不能审核' : row.status === 'approved' ? '已审核通过' : '已退回，等待重新提交'] });
    }
    const at = now();
    const status = input.decision === 'approve' ? ('approved' as const) : ('returned' as const);
    await tx
      .update(table)
      .set({ status, reviewedBy: user.userId, reviewedAt: at, reviewComment: input.comment || null })
      .where(eq(table.id, row.id));
    await tx.insert(reviewEvents).values({ subject: input.subject, subjectId: row.id, action: status, actorId: user.userId, comment: input.comment || null, at });
    return { result: { status }, entity: input.subject, entityId: String(row.id) };
  },
};
