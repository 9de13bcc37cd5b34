import { and, count, eq, gte, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getRetailerInScope } from '@/db/queries/visits';
import { opinionEntries, opinionSummaries } from '@/db/schema';
import { FieldError, ForbiddenError, NotFoundError, type ActionSpec } from '@/lib/action';
import { scopeFilter } from '@/lib/auth/scope';
import { now } from '@/lib/clock';
import { assertCategory, createComplaint } from '@/lib/complaints/create';
import { getSettings, getWorkCalendar } from '@/lib/settings';
import { addMonths, addWorkingDays, dateInTz, monthStart } from '@/lib/time';

export const opinionSchema = z.object({
  clientId: z.uuid(),
  retailerId: z.int({ error: '请选择客户' }).positive({ error: '请选择客户' }),
  kind: z.enum(['opinion', 'suggestion', 'complaint'], { error: '请选择类型' }),
  category: z.string().min(1, { error: '请选择类别' }),
  content: z.string().trim().min(2, { error: '请填写内容' }).max(1000, { error: '内容不能超过 1000 字' }),
});

/** An opinion-book entry (意见簿); one that is a complaint opens a complaint too. */
export const createOpinionSpec: ActionSpec<typeof opinionSchema, { id: number; complaintNumber: string | null }> = {
  name: 'opinion.create',
  permission: 'complaint:create',
  schema: opinionSchema,
  idempotencyKey: (i) => i.clientId,
  handler: async ({ user, tx, input }) => {
    const shop = await getRetailerInScope(tx, user, input.retailerId);
    if (!shop) throw new NotFoundError('客户不存在或不在您的负责范围内');
    await assertCategory(tx, input.category);
    const at = now();
    const [settings, calendar] = await Promise.all([getSettings(tx), getWorkCalendar(tx)]);
    const stamps = { managerId: shop.managerId, teamId: shop.teamId, branchId: shop.branchId };
    const [entry] = await tx
      .insert(opinionEntries)
      .values({ retailerId: shop.id, kind: input.kind, category: input.category, content: input.content, receivedAt: at, replyDueAt: addWorkingDays(at, settings.opinionReplyWorkingDays, calendar), ...stamps })
      .returning({ id: opinionEntries.id });
    let complaintNumber: string | null = null;
    if (input.kind === 'complaint') {
      const c = await createComplaint(tx, { retailer: { id: shop.id, ...stamps }, source: 'opinion_book', category: input.category, description: input.content, opinionEntryId: entry.id, actorId: user.userId, at });
      complaintNumber = c.number;
    }
    return { result: { id: entry.id, complaintNumber }, entity: 'opinion_entry', entityId: String(entry.id) };
  },
};

export const replySchema = z.object({
  entryId: z.int().positive(),
  reply: z.string().trim().min(2, { error: '请填写答复内容' }).max(1000, { error: '答复不能超过 1000 字' }),
});

/** Every opinion and suggestion gets a reply; a reply is written once. */
export const replyOpinionSpec: ActionSpec<typeof replySchema, { id: number }> = {
  name: 'opinion.reply',
  permission: 'complaint:handle',
  schema: replySchema,
  handler: async ({ user, tx, input }) => {
    const [entry] = await tx
      .select({ id: opinionEntries.id, reply: opinionEntries.reply })
      .from(opinionEntries)
      .where(and(eq(opinionEntries.id, input.entryId), scopeFilter(user, opinionEntries)))
      .limit(1);
    if (!entry) throw new NotFoundError('意见不存在或不在您的权限范围内');
    if (entry.reply) throw new ForbiddenError('该意见已答复');
    await tx.update(opinionEntries).set({ reply: input.reply, repliedBy: user.userId, repliedAt: now() }).where(eq(opinionEntries.id, entry.id));
    return { result: { id: entry.id }, entity: 'opinion_entry', entityId: String(entry.id) };
  },
};

export const summarySchema = z.object({
  month: z.iso.date().refine((d) => d.endsWith('-01'), { error: '月份格式不正确' }),
  suggestions: z.string().trim().min(2, { error: '请填写改进建议' }).max(2000, { error: '内容不能超过 2000 字' }),
});

/** The month's opinions by category with the manager's suggestions, sent to the market manager. */
export const sendOpinionSummarySpec: ActionSpec<typeof summarySchema, { month: string }> = {
  name: 'opinion.summary',
  permission: 'complaint:create',
  schema: summarySchema,
  handler: async ({ user, tx, input }) => {
    if (!user.teamId || !user.branchId) throw new ForbiddenError();
    if (input.month > monthStart(dateInTz(now()))) throw new FieldError({ month: ['不能汇总将来的月份'] });
    const rows = await tx
      .select({ category: opinionEntries.category, n: count() })
      .from(opinionEntries)
      .where(and(eq(opinionEntries.managerId, user.userId), gte(opinionEntries.receivedAt, sql`(${input.month}::date)::timestamp at time zone 'Asia/Shanghai'`), lt(opinionEntries.receivedAt, sql`(${addMonths(input.month, 1)}::date)::timestamp at time zone 'Asia/Shanghai'`)))
      .groupBy(opinionEntries.category);
    const counts = Object.fromEntries(rows.map((r) => [r.category, r.n]));
    await tx
      .insert(opinionSummaries)
      .values({ month: input.month, countsByCategory: counts, suggestions: input.suggestions, sentAt: now(), managerId: user.userId, teamId: user.teamId, branchId: user.branchId })
      .onConflictDoUpdate({ target: [opinionSummaries.managerId, opinionSummaries.month], set: { countsByCategory: counts, suggestions: input.suggestions, sentAt: now() } });
    return { result: { month: input.month }, entity: 'opinion_summary', entityId: input.month };
  },
};
