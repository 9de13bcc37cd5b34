import { z } from 'zod';
import { getRetailerInScope } from '@/db/queries/visits';
import { opinionEntries } from '@/db/schema';
import { NotFoundError, type ActionSpec } from '@/lib/action';
import { now } from '@/lib/clock';
import { getSettings, getWorkCalendar } from '@/lib/settings';
import { addWorkingDays } from '@/lib/time';
import { complaintInputSchema } from '@/lib/visits/schema';
import { assertCategory, createComplaint } from './create';

export const complaintIntakeSchema = complaintInputSchema.extend({
  clientId: z.uuid({ error: '提交编号无效' }),
  retailerId: z.int({ error: '请选择客户' }).positive({ error: '请选择客户' }),
  source: z.enum(['hotline', 'walk_in', 'opinion_book'], { error: '请选择投诉来源' }),
});

/** A complaint taken outside a visit: a 12313 call, a walk-in, or an opinion-book entry. */
export const complaintIntakeSpec: ActionSpec<typeof complaintIntakeSchema, { id: number; number: string }> = {
  name: 'complaint.create',
  permission: 'complaint:create',
  schema: complaintIntakeSchema,
  idempotencyKey: (input) => input.clientId,
  handler: async ({ user, tx, input }) => {
    const shop = await getRetailerInScope(tx, user, input.retailerId);
    if (!shop) throw new NotFoundError('客户不存在或不在您的负责范围内');
    const at = now();
    const stamps = { managerId: shop.managerId, teamId: shop.teamId, branchId: shop.branchId };
    await assertCategory(tx, input.category);
    let opinionEntryId: number | undefined;
    if (input.source === 'opinion_book') {
      // an opinion-book entry that is a complaint opens a complaint too (DOMAIN.md "Complaints")
      const [settings, calendar] = await Promise.all([getSettings(tx), getWorkCalendar(tx)]);
      const [entry] = await tx
        .insert(opinionEntries)
        .values({
          retailerId: shop.id,
          kind: 'complaint',
          category: input.category,
          content: input.description,
          receivedAt: at,
          replyDueAt: addWorkingDays(at, settings.opinionReplyWorkingDays, calendar),
          ...stamps,
        })
        .returning({ id: opinionEntries.id });
      opinionEntryId = entry.id;
    }
    const created = await createComplaint(tx, {
      retailer: { id: shop.id, ...stamps },
      source: input.source,
      category: input.category,
      description: input.description,
      contact: input.contact,
      opinionEntryId,
      actorId: user.userId,
      at,
    });
    return { result: created, entity: 'complaint', entityId: String(created.id) };
  },
};
