import { and, asc, eq, max } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '@/db/index';
import { retailers, reviewEvents, visitPlanItems, visitPlans } from '@/db/schema';
import { FieldError, NotFoundError, type ActionSpec } from '@/lib/action';
import type { CurrentUser } from '@/lib/auth/dal';
import { now, today } from '@/lib/clock';
import { getSettings, getWorkCalendar } from '@/lib/settings';
import { addMonths, eachDay, isWorkingDay, monthEnd, monthStart } from '@/lib/time';
import { checkPlan, proposePlan } from './propose';

// A manager's monthly visit plan: proposed, edited in the calendar, submitted; the supervisor
// approves (lib/reports/workflow.ts reviewSpec, subject 'visit_plan'). Once approved it is the
// schedule Today shows for each day of that month.

const monthSchema = z.iso.date({ error: '月份格式应为 YYYY-MM-01' }).refine((m) => m.endsWith('-01'), { error: '月份应为每月 1 日' });

export async function workingDaysOf(tx: Tx, month: string) {
  const cal = await getWorkCalendar(tx);
  return eachDay(month, monthEnd(month)).filter((d) => isWorkingDay(d, cal));
}

/** Plans can be made for this month and the next; past months are history. */
function assertPlannable(month: string) {
  const current = monthStart(today());
  if (month < current || month > addMonths(current, 1)) throw new FieldError({ month: ['只能编制本月或下月的拜访计划'] });
}

async function ownPlan(tx: Tx, user: CurrentUser, month: string, create: boolean) {
  const [plan] = await tx
    .select({ id: visitPlans.id, status: visitPlans.status })
    .from(visitPlans)
    .where(and(eq(visitPlans.managerId, user.userId), eq(visitPlans.month, month)))
    .for('update');
  if (plan) {
    if (plan.status === 'submitted') throw new FieldError({ _form: ['计划已提交，等待审核，不能修改'] });
    if (plan.status === 'approved') throw new FieldError({ _form: ['计划已审核通过，不能再修改'] });
    return plan;
  }
  if (!create) throw new FieldError({ _form: ['请先生成本月计划'] });
  const [created] = await tx
    .insert(visitPlans)
    .values({ month, managerId: user.userId, teamId: user.teamId!, branchId: user.branchId!, status: 'draft' })
    .returning({ id: visitPlans.id, status: visitPlans.status });
  return created;
}

async function ownShops(tx: Tx, user: CurrentUser) {
  return tx
    .select({ id: retailers.id, grade: retailers.grade, area: retailers.area, routeId: retailers.routeId, routeSeq: retailers.routeSeq })
    .from(retailers)
    .where(and(eq(retailers.managerId, user.userId), eq(retailers.active, true)))
    .orderBy(asc(retailers.routeId), asc(retailers.routeSeq));
}

export const planProposeSchema = z.object({ month: monthSchema });

/** Replaces a draft's items with a proposal from visit frequency and routes. */
export const planProposeSpec: ActionSpec<typeof planProposeSchema, { planId: number; items: number }> = {
  name: 'plan.propose',
  permission: 'plan:write',
  schema: planProposeSchema,
  handler: async ({ user, tx, input }) => {
    assertPlannable(input.month);
    const plan = await ownPlan(tx, user, input.month, true);
    const [settings, days, shops] = await Promise.all([getSettings(tx), workingDaysOf(tx, input.month), ownShops(tx, user)]);
    // only days still ahead can be planned; today's own schedule is already running
    const ahead = days.filter((d) => d > today());
    const items = proposePlan(shops, ahead, settings.visitFrequency);
    await tx.delete(visitPlanItems).where(eq(visitPlanItems.planId, plan.id));
    const stamps = { managerId: user.userId, teamId: user.teamId!, branchId: user.branchId! };
    for (let i = 0; i < items.length; i += 1000) {
      await tx.insert(visitPlanItems).values(items.slice(i, i + 1000).map((it) => ({ planId: plan.id, ...it, ...stamps })));
    }
    return { result: { planId: plan.id, items: items.length }, entity: 'visit_plan', entityId: String(plan.id) };
  },
};

export const planEditSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('move'), month: monthSchema, itemId: z.int().positive(), toDay: z.iso.date({ error: '请选择日期' }) }),
  z.object({ op: z.literal('remove'), month: monthSchema, itemId: z.int().positive() }),
  z.object({ op: z.literal('add'), month: monthSchema, day: z.iso.date({ error: '请选择日期' }), retailerId: z.int({ error: '请选择客户' }).positive({ error: '请选择客户' }) }),
], { error: '未知的操作' });

/** One change in the calendar: move a visit to another day, remove it, or add a shop to a day. */
export const planEditSpec: ActionSpec<typeof planEditSchema, { ok: true }> = {
  name: 'plan.edit',
  permission: 'plan:write',
  schema: planEditSchema,
  handler: async ({ user, tx, input }) => {
    assertPlannable(input.month);
    const plan = await ownPlan(tx, user, input.month, input.op === 'add');
    const days = await workingDaysOf(tx, input.month);
    const dayOk = (d: string, field: string) => {
      if (!days.includes(d)) throw new FieldError({ [field]: ['请选择本月的工作日'] });
    };
    const nextSeq = async (day: string) => {
      const [r] = await tx.select({ m: max(visitPlanItems.seq) }).from(visitPlanItems).where(and(eq(visitPlanItems.planId, plan.id), eq(visitPlanItems.day, day)));
      return (r?.m ?? 0) + 1;
    };
    const duplicate = async (day: string, retailerId: number) =>
      (await tx.select({ id: visitPlanItems.id }).from(visitPlanItems).where(and(eq(visitPlanItems.planId, plan.id), eq(visitPlanItems.day, day), eq(visitPlanItems.retailerId, retailerId)))).length > 0;
    if (input.op === 'add') {
      dayOk(input.day, 'day');
      const [shop] = await tx.select({ id: retailers.id }).from(retailers).where(and(eq(retailers.id, input.retailerId), eq(retailers.managerId, user.userId)));
      if (!shop) throw new NotFoundError('客户不存在或不归您负责');
      if (await duplicate(input.day, input.retailerId)) throw new FieldError({ retailerId: ['这一天已安排该客户'] });
      await tx.insert(visitPlanItems).values({ planId: plan.id, day: input.day, retailerId: input.retailerId, seq: await nextSeq(input.day), managerId: user.userId, teamId: user.teamId!, branchId: user.branchId! });
      return { result: { ok: true } };
    }
    const [item] = await tx
      .select({ id: visitPlanItems.id, retailerId: visitPlanItems.retailerId, day: visitPlanItems.day })
      .from(visitPlanItems)
      .where(and(eq(visitPlanItems.id, input.itemId), eq(visitPlanItems.planId, plan.id)));
    if (!item) throw new NotFoundError('计划中没有这一项');
    if (input.op === 'remove') {
      await tx.delete(visitPlanItems).where(eq(visitPlanItems.id, item.id));
      return { result: { ok: true } };
    }
    dayOk(input.toDay, 'toDay');
    if (input.toDay === item.day) return { result: { ok: true } };
    if (await duplicate(input.toDay, item.retailerId)) throw new FieldError({ toDay: ['这一天已安排该客户'] });
    await tx.update(visitPlanItems).set({ day: input.toDay, seq: await nextSeq(input.toDay) }).where(eq(visitPlanItems.id, item.id));
    return { result: { ok: true } };
  },
};

export const planSubmitSchema = z.object({ clientId: z.uuid({ error: '提交编号无效' }), month: monthSchema });

export const planSubmitSpec: ActionSpec<typeof planSubmitSchema, { planId: number; uncovered: number }> = {
  name: 'plan.submit',
  permission: 'plan:write',
  schema: planSubmitSchema,
  idempotencyKey: (input) => input.clientId,
  handler: async ({ user, tx, input }) => {
    assertPlannable(input.month);
    const plan = await ownPlan(tx, user, input.month, false);
    const items = await tx.select({ day: visitPlanItems.day, retailerId: visitPlanItems.retailerId }).from(visitPlanItems).where(eq(visitPlanItems.planId, plan.id));
    if (items.length === 0) throw new FieldError({ _form: ['计划是空的，请先生成或添加拜访'] });
    const [settings, days, shops] = await Promise.all([getSettings(tx), workingDaysOf(tx, input.month), ownShops(tx, user)]);
    const checks = checkPlan(items, shops, days.filter((d) => d > today()), settings.visitFrequency, { city: settings.visitStandardCity, rural: settings.visitStandardRural });
    const at = now();
    await tx.update(visitPlans).set({ status: 'submitted', submittedAt: at }).where(eq(visitPlans.id, plan.id));
    await tx.insert(reviewEvents).values({ subject: 'visit_plan', subjectId: plan.id, action: 'submitted', actorId: user.userId, at });
    return { result: { planId: plan.id, uncovered: checks.uncovered.length }, entity: 'visit_plan', entityId: String(plan.id) };
  },
};
