import { z } from 'zod';
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '@/db/index';
import { customerGroupAssignments as cga, forecasts, retailers, users } from '@/db/schema';
import { FieldError, NotFoundError, type ActionSpec } from '@/lib/action';
import { today } from '@/lib/clock';
import { focusShopCondition } from './focus';
import { addMonths, monthStart } from '@/lib/time';

// A manager's whole book is a few thousand 条 a month per price class; a figure past these is a
// slip of the finger (an extra zero or two), not a forecast.
export const MAX_TOTAL_PER_CLASS = 1_000_000;
export const MAX_INDIVIDUAL = 20_000;

export const PRICE_CLASSES = [1, 2, 3, 4, 5] as const;

const monthSchema = z.string({ error: '请选择月份' }).regex(/^\d{4}-\d{2}-01$/, { error: '月份格式应为 YYYY-MM-01' });

const qty = (max: number) =>
  z
    .int({ error: '请填写整数（条）' })
    .min(0, { error: '数量不能为负数' })
    .max(max, { error: `数量超出合理范围（最多 ${max.toLocaleString('zh-CN')} 条），请检查是否多输了 0` });

export const totalForecastSchema = z.object({
  clientId: z.uuid({ error: '提交编号无效' }),
  month: monthSchema,
  qty: z.array(qty(MAX_TOTAL_PER_CLASS)).length(5, { error: '请填写一类至五类的预测量' }),
});

/** Months a forecast may still be filed for: this month (late, after day 5, but allowed) and next. */
export function forecastableMonths(day = today()) {
  const current = monthStart(day);
  return [current, addMonths(current, 1)];
}

// Saves replace the month's rows; two saves at once queue on the manager's own row, so the month
// never ends up holding both.
async function lockManager(tx: Tx, managerId: number) {
  await tx.select({ id: users.id }).from(users).where(eq(users.id, managerId)).for('update');
}

export const saveTotalForecastSpec: ActionSpec<typeof totalForecastSchema, { month: string; total: number }> = {
  name: 'forecast.total',
  permission: 'forecast:write',
  schema: totalForecastSchema,
  idempotencyKey: (input) => input.clientId,
  handler: async ({ user, tx, input }) => {
    if (!forecastableMonths().includes(input.month)) throw new FieldError({ month: ['只能填报本月或下月的总量预测'] });
    if (user.teamId === null || user.branchId === null) throw new NotFoundError();
    await lockManager(tx, user.userId);
    await tx.delete(forecasts).where(and(eq(forecasts.managerId, user.userId), eq(forecasts.month, input.month), eq(forecasts.kind, 'total')));
    await tx.insert(forecasts).values(
      PRICE_CLASSES.map((c, i) => ({
        month: input.month,
        kind: 'total' as const,
        priceClass: c,
        qty: input.qty[i],
        managerId: user.userId,
        teamId: user.teamId!,
        branchId: user.branchId!,
      })),
    );
    return { result: { month: input.month, total: input.qty.reduce((a, b) => a + b, 0) }, entity: 'forecast', entityId: `${input.month}:total` };
  },
};

export const individualForecastSchema = z.object({
  clientId: z.uuid({ error: '提交编号无效' }),
  month: monthSchema,
  lines: z
    .array(
      z.object({
        retailerId: z.int({ error: '客户无效' }).positive({ error: '客户无效' }).max(2_147_483_647, { error: '客户无效' }),
        qty: qty(MAX_INDIVIDUAL),
        note: z.string().trim().max(200, { error: '说明不能超过 200 字' }).optional(),
      }),
    )
    .min(1, { error: '请至少填写一家客户的预测量' })
    .max(2000, { error: '一次最多保存 2000 家客户的预测' }),
});

export const saveIndividualForecastsSpec: ActionSpec<typeof individualForecastSchema, { month: string; shops: number }> = {
  name: 'forecast.individual',
  permission: 'forecast:write',
  schema: individualForecastSchema,
  idempotencyKey: (input) => input.clientId,
  handler: async ({ user, tx, input }) => {
    if (input.month !== monthStart(today())) throw new FieldError({ month: ['个体预测只能调整本月的'] });
    const ids = input.lines.map((l) => l.retailerId);
    const seen = new Set<number>();
    input.lines.forEach((l, i) => {
      if (seen.has(l.retailerId)) throw new FieldError({ [`lines.${i}.qty`]: ['同一客户填写了两次'] });
      seen.add(l.retailerId);
    });
    const shops = await tx
      .select({ id: retailers.id, teamId: retailers.teamId, branchId: retailers.branchId })
      .from(retailers)
      .leftJoin(cga, and(eq(cga.retailerId, retailers.id), eq(cga.month, input.month)))
      .where(and(inArray(retailers.id, ids), eq(retailers.managerId, user.userId), focusShopCondition()));
    if (shops.length !== ids.length) throw new NotFoundError('客户不存在、不在您的负责范围内，或不属于本月个体预测的客户群体');
    const org = new Map(shops.map((s) => [s.id, s]));
    await lockManager(tx, user.userId);
    await tx
      .delete(forecasts)
      .where(and(eq(forecasts.managerId, user.userId), eq(forecasts.month, input.month), eq(forecasts.kind, 'individual'), inArray(forecasts.retailerId, ids)));
    await tx.insert(forecasts).values(
      input.lines.map((l) => ({
        month: input.month,
        kind: 'individual' as const,
        retailerId: l.retailerId,
        qty: l.qty,
        note: l.note || null,
        managerId: user.userId,
        teamId: org.get(l.retailerId)!.teamId,
        branchId: org.get(l.retailerId)!.branchId,
      })),
    );
    return { result: { month: input.month, shops: ids.length }, entity: 'forecast', entityId: `${input.month}:individual` };
  },
};
