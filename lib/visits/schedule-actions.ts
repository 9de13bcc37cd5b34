import { eq } from 'drizzle-orm';
import { getRetailerInScope } from '@/db/queries/visits';
import { lockManagerDay, rebuildManagerDay } from '@/db/rollups';
import { dayScheduleOrders, missedVisits, retailers } from '@/db/schema';
import { FieldError, NotFoundError, type ActionSpec } from '@/lib/action';
import { today } from '@/lib/clock';
import { missedSchema, reorderSchema } from './schema';

/** A planned shop the manager could not visit, with the reason (daily report item 3). */
export const markMissedSpec: ActionSpec<typeof missedSchema, { retailerId: number }> = {
  name: 'schedule.mark_missed',
  permission: 'visit:write',
  schema: missedSchema,
  handler: async ({ user, tx, input }) => {
    await lockManagerDay(tx, user.userId);
    const shop = await getRetailerInScope(tx, user, input.retailerId);
    if (!shop) throw new NotFoundError('客户不存在或不在您的负责范围内');
    if (input.day > today()) throw new FieldError({ day: ['不能为将来的日期记录未拜访'] });
    const stamps = { managerId: user.userId, teamId: shop.teamId, branchId: shop.branchId };
    await tx
      .insert(missedVisits)
      .values({ day: input.day, retailerId: shop.id, reason: input.reason, note: input.note || null, ...stamps })
      .onConflictDoUpdate({
        target: [missedVisits.managerId, missedVisits.day, missedVisits.retailerId],
        set: { reason: input.reason, note: input.note || null },
      });
    await rebuildManagerDay(tx, { managerId: user.userId, day: input.day });
    return { result: { retailerId: shop.id }, entity: 'missed_visit', entityId: `${input.day}:${shop.id}` };
  },
};

/** The manager's own order for a day's schedule. */
export const reorderScheduleSpec: ActionSpec<typeof reorderSchema, { count: number }> = {
  name: 'schedule.reorder',
  permission: 'visit:write',
  schema: reorderSchema,
  handler: async ({ user, tx, input }) => {
    const own = await tx.select({ id: retailers.id }).from(retailers).where(eq(retailers.managerId, user.userId));
    const ownSet = new Set(own.map((r) => r.id));
    if (input.retailerIds.some((id) => !ownSet.has(id))) throw new NotFoundError('客户不存在或不在您的负责范围内');
    if (!user.teamId || !user.branchId) throw new NotFoundError();
    await tx
      .insert(dayScheduleOrders)
      .values({ day: input.day, retailerIds: input.retailerIds, managerId: user.userId, teamId: user.teamId, branchId: user.branchId })
      .onConflictDoUpdate({
        target: [dayScheduleOrders.managerId, dayScheduleOrders.day],
        set: { retailerIds: input.retailerIds, updatedAt: new Date() },
      });
    return { result: { count: input.retailerIds.length }, entity: 'schedule', entityId: input.day };
  },
};
