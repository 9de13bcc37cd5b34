import { z } from 'zod';
import { and, eq, gte, inArray, lt, sql, sum } from 'drizzle-orm';
import type { DbOrTx } from '@/db/index';
import { customerGroupAssignments as cga, orderLines, retailers } from '@/db/schema';
import { FieldError, NotFoundError, type ActionSpec } from '@/lib/action';
import { now, today } from '@/lib/clock';
import { coefficientOfVariation } from '@/lib/metrics/forecast';
import { getSettings } from '@/lib/settings';
import type { Settings } from '@/lib/settings-defaults';
import { addDays, diffDays, monthStart, weekStart } from '@/lib/time';

export type CustomerGroup = (typeof cga.$inferSelect)['group'];

/**
 * The weeks the company's rule looks at for a month: the `weeks` whole ISO weeks before the week
 * holding the 1st, so a recompute on day 1 or day 5 sees the same, complete weeks.
 */
export function screeningWeeks(month: string, weeks: number) {
  const to = weekStart(month); // exclusive
  return { from: addDays(to, -7 * weeks), to, weeks };
}

export type ScreenedShop = {
  retailerId: number;
  group: CustomerGroup;
  isKeyCustomer: boolean;
  weeklyCv: number | null; // permille
  managerId: number;
  teamId: number;
  branchId: number;
};

/**
 * The company's rule (DOMAIN.md "Customer groups, key customers"), settings for every threshold:
 * key customer = grade ≥ keyCustomerMinGrade or enterprise-level; high-fluctuation = CV of weekly
 * purchases (supplied 条 by delivery date; a week without deliveries counts as 0) > highFluctuationCv;
 * enterprise = the retailer's enterprise flag; general = the rest. A shop that is both volatile and
 * enterprise-level is high-fluctuation: its volatility is what the individual forecast must handle.
 */
export async function screenShops(db: DbOrTx, managerId: number, month: string, settings: Settings, onlyIds?: number[]): Promise<ScreenedShop[]> {
  const shops = await db
    .select({
      id: retailers.id,
      grade: retailers.grade,
      isEnterprise: retailers.isEnterprise,
      managerId: retailers.managerId,
      teamId: retailers.teamId,
      branchId: retailers.branchId,
    })
    .from(retailers)
    .where(and(eq(retailers.managerId, managerId), eq(retailers.active, true), onlyIds ? inArray(retailers.id, onlyIds) : undefined));
  if (shops.length === 0) return [];
  const span = screeningWeeks(month, settings.highFluctuationWeeks);
  const daily = await db
    .select({ retailerId: orderLines.retailerId, day: orderLines.deliveryDate, qty: sum(orderLines.supplied).mapWith(Number) })
    .from(orderLines)
    .where(
      and(
        inArray(
          orderLines.retailerId,
          shops.map((s) => s.id),
        ),
        gte(orderLines.deliveryDate, span.from),
        lt(orderLines.deliveryDate, span.to),
      ),
    )
    .groupBy(orderLines.retailerId, orderLines.deliveryDate);
  const weekly = new Map<number, number[]>();
  for (const row of daily) {
    let w = weekly.get(row.retailerId);
    if (!w) weekly.set(row.retailerId, (w = new Array<number>(span.weeks).fill(0)));
    w[Math.floor(diffDays(row.day, span.from) / 7)] += row.qty;
  }
  return shops.map((s) => {
    const cv = coefficientOfVariation(weekly.get(s.id) ?? new Array<number>(span.weeks).fill(0));
    const group: CustomerGroup = cv !== null && cv > settings.highFluctuationCv ? 'high_fluctuation' : s.isEnterprise ? 'enterprise' : 'general';
    return {
      retailerId: s.id,
      group,
      isKeyCustomer: s.grade >= settings.keyCustomerMinGrade || s.isEnterprise,
      weeklyCv: cv === null ? null : Math.round(cv * 1000),
      managerId: s.managerId,
      teamId: s.teamId,
      branchId: s.branchId,
    };
  });
}

/**
 * Writes the month's assignments for the manager's shops. A shop the manager overrode keeps its
 * group and key flag (and the reason); its computed CV is still refreshed.
 */
export async function recomputeAssignments(tx: DbOrTx, managerId: number, month: string, settings: Settings) {
  const screened = await screenShops(tx, managerId, month, settings);
  if (screened.length === 0) return { shops: 0, overridden: 0 };
  const at = now();
  const kept = await tx
    .insert(cga)
    .values(screened.map((s) => ({ month, ...s, computedAt: at })))
    .onConflictDoUpdate({
      target: [cga.month, cga.retailerId],
      set: {
        group: sql`case when ${cga.overrideReason} is null then excluded."group" else ${cga.group} end`,
        isKeyCustomer: sql`case when ${cga.overrideReason} is null then excluded.is_key_customer else ${cga.isKeyCustomer} end`,
        weeklyCv: sql`excluded.weekly_cv_permille`,
        computedAt: sql`excluded.computed_at`,
        managerId: sql`excluded.manager_id`,
        teamId: sql`excluded.team_id`,
        branchId: sql`excluded.branch_id`,
      },
    })
    .returning({ overrideReason: cga.overrideReason });
  return { shops: screened.length, overridden: kept.filter((k) => k.overrideReason !== null).length };
}

/** Screening belongs to the current month: the rule reads the weeks before it. */
function currentMonth() {
  return monthStart(today());
}

export const recomputeSchema = z.object({});

export const recomputeScreeningSpec: ActionSpec<typeof recomputeSchema, { month: string; shops: number; overridden: number }> = {
  name: 'screening.recompute',
  permission: 'forecast:write',
  schema: recomputeSchema,
  handler: async ({ user, tx }) => {
    const month = currentMonth();
    const settings = await getSettings(tx);
    const out = await recomputeAssignments(tx, user.userId, month, settings);
    return { result: { month, ...out }, entity: 'customer_group_assignments', entityId: month };
  },
};

const groupSchema = z.enum(['high_fluctuation', 'enterprise', 'general'], { error: '请选择客户群体' });

export const overrideSchema = z.object({
  retailerId: z.int({ error: '请选择客户' }).positive({ error: '请选择客户' }).max(2_147_483_647, { error: '请选择客户' }),
  group: groupSchema,
  isKeyCustomer: z.boolean({ error: '请选择是否重点客户' }),
  reason: z.string({ error: '请填写调整原因' }).trim().min(2, { error: '请填写调整原因（至少 2 个字）' }).max(200, { error: '调整原因不能超过 200 字' }),
});

async function assignmentOf(tx: DbOrTx, managerId: number, month: string, retailerId: number) {
  const [row] = await tx
    .select({ retailerId: cga.retailerId })
    .from(cga)
    .innerJoin(retailers, eq(retailers.id, cga.retailerId))
    // the shop must still be the manager's: a shop moved away is no longer theirs to judge
    .where(and(eq(cga.month, month), eq(cga.retailerId, retailerId), eq(cga.managerId, managerId), eq(retailers.managerId, managerId)))
    .limit(1);
  return row;
}

/** The manager's judgement over the rule for one shop this month; the reason is required and kept. */
export const overrideGroupSpec: ActionSpec<typeof overrideSchema, { retailerId: number }> = {
  name: 'screening.override',
  permission: 'forecast:write',
  schema: overrideSchema,
  handler: async ({ user, tx, input }) => {
    const month = currentMonth();
    const shop = await tx
      .select({ id: retailers.id })
      .from(retailers)
      .where(and(eq(retailers.id, input.retailerId), eq(retailers.managerId, user.userId)))
      .limit(1);
    if (shop.length === 0) throw new NotFoundError('客户不存在或不在您的负责范围内');
    if (!(await assignmentOf(tx, user.userId, month, input.retailerId))) throw new FieldError({ _form: ['请先执行本月客户筛选，再调整个别客户'] });
    await tx
      .update(cga)
      .set({ group: input.group, isKeyCustomer: input.isKeyCustomer, overrideReason: input.reason, overriddenBy: user.userId })
      .where(and(eq(cga.month, month), eq(cga.retailerId, input.retailerId)));
    return { result: { retailerId: input.retailerId }, entity: 'customer_group_assignment', entityId: `${month}:${input.retailerId}` };
  },
};

export const clearOverrideSchema = z.object({ retailerId: z.int({ error: '请选择客户' }).positive({ error: '请选择客户' }).max(2_147_483_647, { error: '请选择客户' }) });

/** Back to the company's rule for one shop: recomputed now, the override and its reason dropped. */
export const clearOverrideSpec: ActionSpec<typeof clearOverrideSchema, { retailerId: number; group: CustomerGroup }> = {
  name: 'screening.clear_override',
  permission: 'forecast:write',
  schema: clearOverrideSchema,
  handler: async ({ user, tx, input }) => {
    const month = currentMonth();
    if (!(await assignmentOf(tx, user.userId, month, input.retailerId))) throw new NotFoundError('客户不存在或不在您的负责范围内');
    const [s] = await screenShops(tx, user.userId, month, await getSettings(tx), [input.retailerId]);
    if (!s) throw new NotFoundError('客户不存在或不在您的负责范围内');
    await tx
      .update(cga)
      .set({ group: s.group, isKeyCustomer: s.isKeyCustomer, weeklyCv: s.weeklyCv, overrideReason: null, overriddenBy: null, computedAt: now() })
      .where(and(eq(cga.month, month), eq(cga.retailerId, input.retailerId)));
    return { result: { retailerId: input.retailerId, group: s.group }, entity: 'customer_group_assignment', entityId: `${month}:${input.retailerId}` };
  },
};
