import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '@/db/index';
import { refreshComplaintWeeksFor } from '@/db/rollups';
import { complaintEvents, complaints, users, type Complaint } from '@/db/schema';
import { ForbiddenError, NotFoundError, type ActionSpec } from '@/lib/action';
import type { CurrentUser } from '@/lib/auth/dal';
import { can } from '@/lib/auth/permissions';
import { scopeFilter } from '@/lib/auth/scope';
import { now } from '@/lib/clock';

// received → assigned → investigating → resolved → replied → follow-up call:
// satisfied → closed; not satisfied → investigating again (reopened). Each step appends a
// timeline entry; the complaint row only caches the current state for boards and deadlines.
export const complaintSteps = ['assign', 'investigate', 'resolve', 'reply', 'follow_up', 'escalate', 'note'] as const;
export type ComplaintStep = (typeof complaintSteps)[number];

const allowedFrom: Record<Exclude<ComplaintStep, 'note' | 'escalate'>, Complaint['status'][]> = {
  assign: ['received', 'assigned', 'investigating'],
  investigate: ['assigned'],
  resolve: ['investigating'],
  reply: ['resolved'],
  follow_up: ['replied'],
};

export const complaintStepSchema = z
  .object({
    complaintId: z.int().positive(),
    step: z.enum(complaintSteps, { error: '未知的操作' }),
    note: z.string().trim().max(1000, { error: '说明不能超过 1000 字' }).optional(),
    assigneeId: z.int().positive().optional(),
    satisfied: z.boolean().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.step === 'assign' && !v.assigneeId) ctx.addIssue({ code: 'custom', path: ['assigneeId'], message: '请选择处理人' });
    if (v.step === 'follow_up' && v.satisfied === undefined) ctx.addIssue({ code: 'custom', path: ['satisfied'], message: '请选择客户是否满意' });
    if ((v.step === 'resolve' || v.step === 'reply') && !v.note) ctx.addIssue({ code: 'custom', path: ['note'], message: v.step === 'resolve' ? '请填写处理结果' : '请填写反馈内容' });
  });

async function loadInScope(tx: Tx, user: CurrentUser, id: number) {
  const [c] = await tx
    .select()
    .from(complaints)
    .where(and(eq(complaints.id, id), scopeFilter(user, complaints)))
    .limit(1)
    .for('update');
  if (!c) throw new NotFoundError('投诉不存在或不在您的权限范围内');
  return c;
}

/** One step of a complaint's handling by a person (the escalation job writes its own entries). */
export const complaintStepSpec: ActionSpec<typeof complaintStepSchema, { status: Complaint['status'] }> = {
  name: 'complaint.step',
  permission: 'complaint:handle',
  schema: complaintStepSchema,
  handler: async ({ user, tx, input }) => {
    const c = await loadInScope(tx, user, input.complaintId);
    const at = now();
    const stamps = { managerId: c.managerId, teamId: c.teamId, branchId: c.branchId };
    const isLead = can(user.role, 'complaint:assign');
    const isAssignee = c.assigneeId === user.userId;
    if (c.status === 'closed' && input.step !== 'note') throw new ForbiddenError('投诉已办结，不能再处理');
    if (input.step !== 'note' && input.step !== 'escalate') {
      if (!allowedFrom[input.step].includes(c.status)) throw new ForbiddenError('当前状态下不能执行此操作，请刷新后重试');
    }
    if (input.step === 'assign' && !isLead) throw new ForbiddenError('只有市场经理或营销部负责人可以分派投诉');
    if (['investigate', 'resolve', 'reply'].includes(input.step) && !isAssignee && !isLead) throw new ForbiddenError('只有处理人可以执行此操作');

    const patch: Partial<typeof complaints.$inferInsert> = {};
    const event: typeof complaintEvents.$inferInsert = { complaintId: c.id, kind: 'note', actorId: user.userId, note: input.note, at, ...stamps };
    switch (input.step) {
      case 'assign': {
        const [assignee] = await tx
          .select({ id: users.id })
          .from(users)
          .where(and(eq(users.id, input.assigneeId!), eq(users.teamId, c.teamId), inArray(users.role, ['manager', 'supervisor']), eq(users.disabled, false)));
        if (!assignee) throw new NotFoundError('处理人不存在或不在本市场部');
        Object.assign(patch, { status: c.status === 'received' ? 'assigned' : c.status, assigneeId: assignee.id, acknowledgedAt: c.acknowledgedAt ?? at });
        Object.assign(event, { kind: 'assigned', toUserId: assignee.id });
        break;
      }
      case 'investigate':
        Object.assign(patch, { status: 'investigating' });
        event.kind = 'investigating';
        break;
      case 'resolve':
        Object.assign(patch, { status: 'resolved', resolvedAt: c.resolvedAt ?? at });
        event.kind = 'resolved';
        break;
      case 'reply':
        Object.assign(patch, { status: 'replied' });
        event.kind = 'replied';
        break;
      case 'follow_up':
        Object.assign(event, { kind: 'follow_up', satisfied: input.satisfied });
        if (input.satisfied) Object.assign(patch, { status: 'closed', satisfied: true, closedAt: at });
        else Object.assign(patch, { status: 'investigating', satisfied: false });
        break;
      case 'escalate': {
        if (!isAssignee && !isLead) throw new ForbiddenError('只有处理人可以申请升级');
        if (c.escalationLevel >= 2) throw new ForbiddenError('已升级至营销部负责人');
        const level = c.escalationLevel + 1;
        Object.assign(patch, { escalationLevel: level });
        Object.assign(event, { kind: 'escalated', escalationLevel: level });
        break;
      }
      case 'note':
        if (!input.note) throw new ForbiddenError('请填写内容');
        break;
    }
    await tx.insert(complaintEvents).values(event);
    if (input.step === 'follow_up' && !input.satisfied) {
      await tx.insert(complaintEvents).values({ complaintId: c.id, kind: 'reopened', actorId: user.userId, at, note: '回访不满意，重新核查', ...stamps });
    }
    if (Object.keys(patch).length) await tx.update(complaints).set(patch).where(eq(complaints.id, c.id));
    await refreshComplaintWeeksFor(tx, c.id);
    return { result: { status: (patch.status ?? c.status) as Complaint['status'] }, entity: 'complaint', entityId: String(c.id) };
  },
};
