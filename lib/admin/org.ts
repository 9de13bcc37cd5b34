import { z } from 'zod';
import { and, eq, ne } from 'drizzle-orm';
import { branches, teams, users } from '@/db/schema';
import { FieldError, NotFoundError, type ActionSpec } from '@/lib/action';
import { now } from '@/lib/clock';
import { isUniqueViolation, optionalPick, pick, text } from './fields';

const code = (what: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().toUpperCase() : v),
    z.string({ error: `请输入${what}编码` }).regex(/^[A-Z0-9][A-Z0-9_-]{0,15}$/, { error: `${what}编码为 1–16 位字母、数字、_ 或 -` }),
  );
const optionalUuid = z.uuid({ error: '提交编号无效，请刷新页面后重试' }).optional();

export const saveBranchSchema = z.object({
  clientId: optionalUuid,
  id: optionalPick('营销部'),
  code: code('营销部').optional(),
  name: text('营销部名称', 40),
});

/** Creates a branch (code and name) or renames one; codes do not change once used. */
export const saveBranchSpec: ActionSpec<typeof saveBranchSchema, { id: number }> = {
  name: 'branch.save',
  permission: 'admin:write',
  schema: saveBranchSchema,
  // only a create can be repeated into a duplicate; an edit is the same either way
  idempotencyKey: (input) => (input.id ? undefined : input.clientId),
  handler: async ({ tx, input }) => {
    const [sameName] = await tx
      .select({ id: branches.id })
      .from(branches)
      .where(and(eq(branches.name, input.name), input.id ? ne(branches.id, input.id) : undefined))
      .limit(1);
    if (sameName) throw new FieldError({ name: ['已有同名的营销部'] });
    if (input.id) {
      const [before] = await tx.select({ name: branches.name }).from(branches).where(eq(branches.id, input.id)).limit(1);
      if (!before) throw new NotFoundError('营销部不存在');
      await tx.update(branches).set({ name: input.name }).where(eq(branches.id, input.id));
      return { result: { id: input.id }, entity: 'branch', entityId: String(input.id), detail: { name: [before.name, input.name] } };
    }
    if (!input.code) throw new FieldError({ code: ['请输入营销部编码'] });
    const [taken] = await tx.select({ id: branches.id }).from(branches).where(eq(branches.code, input.code)).limit(1);
    if (taken) throw new FieldError({ code: ['该编码已被使用'] });
    try {
      const [row] = await tx.insert(branches).values({ code: input.code, name: input.name }).returning({ id: branches.id });
      return { result: { id: row.id }, entity: 'branch', entityId: String(row.id), detail: { code: input.code, name: input.name } };
    } catch (e) {
      if (isUniqueViolation(e)) throw new FieldError({ code: ['该编码已被使用'] });
      throw e;
    }
  },
};

export const saveTeamSchema = z.object({
  clientId: optionalUuid,
  id: optionalPick('市场部'),
  code: code('市场部').optional(),
  name: text('市场部名称', 40),
  branchId: optionalPick('营销部'),
  supervisorId: optionalPick('市场经理'),
});

/**
 * Creates a team in a branch or renames one, and puts a supervisor (市场经理) in charge: the
 * supervisor's own team becomes this one, which is what their scope follows. A team keeps its
 * branch; moving teams between branches would re-stamp current assignments and is not offered.
 */
export const saveTeamSpec: ActionSpec<typeof saveTeamSchema, { id: number }> = {
  name: 'team.save',
  permission: 'admin:write',
  schema: saveTeamSchema,
  // only a create can be repeated into a duplicate; an edit is the same either way
  idempotencyKey: (input) => (input.id ? undefined : input.clientId),
  handler: async ({ tx, input }) => {
    let team: { id: number; branchId: number; name: string };
    const detail: Record<string, unknown> = {};
    if (input.id) {
      const [before] = await tx.select({ id: teams.id, branchId: teams.branchId, name: teams.name }).from(teams).where(eq(teams.id, input.id)).limit(1);
      if (!before) throw new NotFoundError('市场部不存在');
      team = before;
    } else {
      const errors: Record<string, string[]> = {};
      if (!input.code) errors.code = ['请输入市场部编码'];
      if (!input.branchId) errors.branchId = ['请选择所属营销部'];
      if (Object.keys(errors).length) throw new FieldError(errors);
      const [branch] = await tx.select({ id: branches.id }).from(branches).where(eq(branches.id, input.branchId!)).limit(1);
      if (!branch) throw new FieldError({ branchId: ['营销部不存在'] });
      const [taken] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.code, input.code!)).limit(1);
      if (taken) throw new FieldError({ code: ['该编码已被使用'] });
      team = { id: 0, branchId: branch.id, name: '' };
    }
    const [sameName] = await tx
      .select({ id: teams.id })
      .from(teams)
      .where(and(eq(teams.branchId, team.branchId), eq(teams.name, input.name), team.id ? ne(teams.id, team.id) : undefined))
      .limit(1);
    if (sameName) throw new FieldError({ name: ['该营销部下已有同名的市场部'] });
    if (team.id) {
      if (team.name !== input.name) detail.name = [team.name, input.name];
      await tx.update(teams).set({ name: input.name }).where(eq(teams.id, team.id));
    } else {
      try {
        const [row] = await tx.insert(teams).values({ code: input.code!, name: input.name, branchId: team.branchId }).returning({ id: teams.id });
        team = { ...team, id: row.id, name: input.name };
        Object.assign(detail, { code: input.code, name: input.name, branchId: team.branchId });
      } catch (e) {
        if (isUniqueViolation(e)) throw new FieldError({ code: ['该编码已被使用'] });
        throw e;
      }
    }
    if (input.supervisorId) {
      const [sup] = await tx
        .select({ id: users.id, role: users.role, disabled: users.disabled, teamId: users.teamId, username: users.username })
        .from(users)
        .where(eq(users.id, input.supervisorId))
        .limit(1);
      if (!sup || sup.role !== 'supervisor') throw new FieldError({ supervisorId: ['请选择一位市场经理'] });
      if (sup.disabled) throw new FieldError({ supervisorId: ['该市场经理已停用'] });
      if (sup.teamId !== team.id) {
        await tx.update(users).set({ teamId: team.id, branchId: team.branchId, updatedAt: now() }).where(eq(users.id, sup.id));
        detail.supervisor = { username: sup.username, fromTeam: sup.teamId };
      }
    }
    return { result: { id: team.id }, entity: 'team', entityId: String(team.id), detail };
  },
};
