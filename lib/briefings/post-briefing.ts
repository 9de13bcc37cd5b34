import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { morningBriefings, teams } from '@/db/schema';
import { NotFoundError, type ActionSpec } from '@/lib/action';
import { today } from '@/lib/clock';

const text = (label: string) => z.string().trim().max(2000, { error: `${label}不能超过 2000 字` });

export const briefingSchema = z
  .object({
    teamId: z.int({ error: '市场部无效' }).positive({ error: '市场部无效' }),
    policies: text('政策'),
    focus: text('工作重点'),
    supplyLimits: text('货源限量'),
    issues: text('问题'),
  })
  .refine((b) => b.policies || b.focus || b.supplyLimits || b.issues, {
    path: ['focus'],
    error: '晨会内容不能全部为空，请至少填写工作重点',
  });

/**
 * The day's morning briefing (晨会) of the supervisor's team: one per team per day, so posting again
 * the same day replaces the words. Only today's can be written; past ones are history.
 */
export const postBriefingSpec: ActionSpec<typeof briefingSchema, { id: number; day: string; updated: boolean }> = {
  name: 'briefing.post',
  permission: 'briefing:write',
  schema: briefingSchema,
  handler: async ({ user, tx, input }) => {
    if (user.teamId !== input.teamId) throw new NotFoundError('市场部不存在或不在您的负责范围内');
    const [team] = await tx.select({ id: teams.id, branchId: teams.branchId }).from(teams).where(eq(teams.id, input.teamId)).limit(1);
    if (!team) throw new NotFoundError('市场部不存在或不在您的负责范围内');
    const day = today();
    const words = { policies: input.policies, focus: input.focus, supplyLimits: input.supplyLimits, issues: input.issues };
    const [before] = await tx
      .select({ id: morningBriefings.id })
      .from(morningBriefings)
      .where(and(eq(morningBriefings.teamId, team.id), eq(morningBriefings.day, day)))
      .limit(1);
    const [row] = await tx
      .insert(morningBriefings)
      .values({ day, teamId: team.id, branchId: team.branchId, authorId: user.userId, ...words })
      .onConflictDoUpdate({ target: [morningBriefings.teamId, morningBriefings.day], set: { ...words, authorId: user.userId } })
      .returning({ id: morningBriefings.id });
    return { result: { id: row.id, day, updated: Boolean(before) }, entity: 'morning_briefing', entityId: String(row.id) };
  },
};
