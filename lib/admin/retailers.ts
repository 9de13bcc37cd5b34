import { z } from 'zod';
import { and, eq, gt, max } from 'drizzle-orm';
import { areaEnum, retailFormatEnum, retailers, routes, shopSizeEnum, users, visitPlanItems } from '@/db/schema';
import { FieldError, NotFoundError, type ActionSpec } from '@/lib/action';
import { today } from '@/lib/clock';
import { bool, int, pick, text } from './fields';

export const updateRetailerSchema = z.object({
  id: pick('零售户'),
  name: text('店名', 60),
  owner: text('店主', 30),
  phone: z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.string({ error: '请输入电话' }).regex(/^[0-9+\- ]{5,20}$/, { error: '电话号码格式不正确' })),
  address: text('地址', 120),
  area: z.enum(areaEnum.enumValues, { error: '请选择区域' }),
  format: z.enum(retailFormatEnum.enumValues, { error: '请选择业态' }),
  size: z.enum(shopSizeEnum.enumValues, { error: '请选择规模' }),
  grade: int('档位', 1, 30),
  managerId: pick('客户经理'),
  routeId: pick('线路'),
  isKeyCustomer: bool,
  isEnterprise: bool,
  isCollectionPoint: bool,
  isESettlement: bool,
  active: bool,
});

const tracked = ['name', 'owner', 'phone', 'address', 'area', 'format', 'size', 'grade', 'managerId', 'routeId', 'isKeyCustomer', 'isEnterprise', 'isCollectionPoint', 'isESettlement', 'active'] as const;

/**
 * Edits a shop's file and its assignment. A new manager takes over only future work: visits,
 * orders and every other fact keep the manager, team and branch stamped on them when written; the
 * old manager's planned visits after today are dropped from their plan.
 */
export const updateRetailerSpec: ActionSpec<typeof updateRetailerSchema, { id: number; reassigned: boolean }> = {
  name: 'retailer.update',
  permission: 'admin:write',
  schema: updateRetailerSchema,
  handler: async ({ tx, input }) => {
    const [before] = await tx
      .select({
        id: retailers.id,
        name: retailers.name,
        owner: retailers.owner,
        phone: retailers.phone,
        address: retailers.address,
        area: retailers.area,
        format: retailers.format,
        size: retailers.size,
        grade: retailers.grade,
        managerId: retailers.managerId,
        routeId: retailers.routeId,
        isKeyCustomer: retailers.isKeyCustomer,
        isEnterprise: retailers.isEnterprise,
        isCollectionPoint: retailers.isCollectionPoint,
        isESettlement: retailers.isESettlement,
        active: retailers.active,
      })
      .from(retailers)
      .where(eq(retailers.id, input.id))
      .limit(1)
      .for('update');
    if (!before) throw new NotFoundError('零售户不存在');
    const [manager] = await tx
      .select({ id: users.id, role: users.role, disabled: users.disabled, teamId: users.teamId, branchId: users.branchId })
      .from(users)
      .where(eq(users.id, input.managerId))
      .limit(1);
    if (!manager || manager.role !== 'manager' || !manager.teamId || !manager.branchId) throw new FieldError({ managerId: ['请选择一位客户经理'] });
    if (manager.disabled && manager.id !== before.managerId) throw new FieldError({ managerId: ['该客户经理已停用，请选择在岗的客户经理'] });
    const [route] = await tx.select({ id: routes.id, teamId: routes.teamId, managerId: routes.managerId }).from(routes).where(eq(routes.id, input.routeId)).limit(1);
    if (!route) throw new FieldError({ routeId: ['线路不存在'] });
    if (route.managerId !== null && route.managerId !== manager.id) throw new FieldError({ routeId: ['该线路由其他客户经理负责，请选择这位客户经理的线路'] });
    if (route.teamId !== manager.teamId) throw new FieldError({ routeId: ['该线路属于其他市场部，请选择客户经理所在市场部的线路'] });

    let routeSeq: number | undefined;
    if (route.id !== before.routeId) {
      const [last] = await tx.select({ seq: max(retailers.routeSeq) }).from(retailers).where(eq(retailers.routeId, route.id));
      routeSeq = (last?.seq ?? 0) + 1; // joins the end of its new route
    }
    const reassigned = manager.id !== before.managerId;
    if (reassigned) {
      await tx
        .delete(visitPlanItems)
        .where(and(eq(visitPlanItems.retailerId, before.id), eq(visitPlanItems.managerId, before.managerId), gt(visitPlanItems.day, today())));
    }
    const { id: _id, ...values } = input;
    await tx
      .update(retailers)
      .set({ ...values, teamId: manager.teamId, branchId: manager.branchId, ...(routeSeq !== undefined ? { routeSeq } : {}) })
      .where(eq(retailers.id, before.id));
    const changes: Record<string, [unknown, unknown]> = {};
    for (const k of tracked) if (before[k] !== input[k]) changes[k] = [before[k], input[k]];
    return { result: { id: before.id, reassigned }, entity: 'retailer', entityId: String(before.id), detail: { changes } };
  },
};
