import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { orderFollowUps, orders } from '@/db/schema';
import { FieldError, NotFoundError, type ActionSpec } from '@/lib/action';
import { scopeFilter } from '@/lib/auth/scope';
import { now } from '@/lib/clock';

export const followUpOutcomes = ['reached', 'not_reached', 'resolved'] as const;

export const callBackSchema = z
  .object({
    clientId: z.uuid({ error: '提交编号无效，请刷新页面后重试' }),
    orderNo: z.string({ error: '订单号无效' }).trim().min(1, { error: '订单号无效' }).max(40, { error: '订单号无效' }),
    outcome: z.enum(followUpOutcomes, { error: '请选择回访结果' }),
    note: z.string().trim().max(500, { error: '说明不能超过 500 字' }).optional(),
  })
  .refine((c) => c.outcome !== 'resolved' || Boolean(c.note), { path: ['note'], error: '已解决时请写明如何解决（如：已存款并重新结算）' });

/**
 * A call-back (回访) to a shop whose order or e-settlement failed: appended, never edited, stamped
 * with the manager who called. A resolved record closes the order's follow-up.
 */
export const recordCallBackSpec: ActionSpec<typeof callBackSchema, { id: number; orderNo: string; outcome: (typeof followUpOutcomes)[number]; at: string }> = {
  name: 'order_follow_up.record',
  permission: 'followup:write',
  schema: callBackSchema,
  idempotencyKey: (input) => input.clientId,
  handler: async ({ user, tx, input }) => {
    const [order] = await tx
      .select({ orderNo: orders.orderNo, status: orders.settlementStatus })
      .from(orders)
      .where(and(eq(orders.orderNo, input.orderNo), scopeFilter(user, orders)))
      .limit(1);
    if (!order || !user.teamId || !user.branchId) throw new NotFoundError('订单不存在或不在您的负责范围内');
    if (order.status !== 'failed') throw new FieldError({ _form: ['该订单结算成功，无需回访'] });
    const [resolved] = await tx
      .select({ id: orderFollowUps.id })
      .from(orderFollowUps)
      .where(and(eq(orderFollowUps.orderNo, order.orderNo), eq(orderFollowUps.outcome, 'resolved')))
      .limit(1);
    if (resolved) throw new FieldError({ outcome: ['该订单已解决，无需再记录回访'] });
    const at = now();
    const [row] = await tx
      .insert(orderFollowUps)
      .values({ orderNo: order.orderNo, outcome: input.outcome, note: input.note || null, at, managerId: user.userId, teamId: user.teamId, branchId: user.branchId })
      .returning({ id: orderFollowUps.id });
    return {
      result: { id: row.id, orderNo: order.orderNo, outcome: input.outcome, at: at.toISOString() },
      entity: 'order_follow_up',
      entityId: String(row.id),
    };
  },
};
