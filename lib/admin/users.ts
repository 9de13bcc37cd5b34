import { z } from 'zod';
import { and, count, eq, sql } from 'drizzle-orm';
import type { Tx } from '@/db/index';
import { retailers, roleEnum, routes, teams, users, branches, type Role } from '@/db/schema';
import { FieldError, ForbiddenError, NotFoundError, type ActionSpec } from '@/lib/action';
import { hashPassword } from '@/lib/auth/password';
import { now } from '@/lib/clock';
import { bool, clientId, isUniqueViolation, optionalPick, optionalText, pick, text } from './fields';

export const PASSWORD_MIN = 10;

/** Why a password is too weak, or null: at least 10 characters of three kinds, not the username. */
export function passwordProblem(password: string, username = ''): string | null {
  if (password.length < PASSWORD_MIN) return `密码至少 ${PASSWORD_MIN} 位`;
  if (password.length > 128) return '密码不能超过 128 位';
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
  if (kinds < 3) return '密码需包含大写字母、小写字母、数字、符号中的至少三种';
  if (username && password.toLowerCase().includes(username.toLowerCase())) return '密码不能包含用户名';
  return null;
}

const passwordPair = z.object({
  password: z.string({ error: '请输入密码' }),
  passwordConfirm: z.string({ error: '请再次输入密码' }),
});

function checkPasswords(v: { password: string; passwordConfirm: string }, username: string, ctx: z.RefinementCtx) {
  const problem = passwordProblem(v.password, username);
  if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
  else if (v.password !== v.passwordConfirm) ctx.addIssue({ code: 'custom', path: ['passwordConfirm'], message: '两次输入的密码不一致' });
}

const orgFields = z.object({
  role: z.enum(roleEnum.enumValues, { error: '请选择角色' }),
  teamId: optionalPick('市场部'),
  branchId: optionalPick('营销部'),
});

function checkOrg(v: z.infer<typeof orgFields>, ctx: z.RefinementCtx) {
  if ((v.role === 'manager' || v.role === 'supervisor') && !v.teamId) ctx.addIssue({ code: 'custom', path: ['teamId'], message: '客户经理和市场经理须属于一个市场部' });
  if (v.role === 'branch_head' && !v.branchId) ctx.addIssue({ code: 'custom', path: ['branchId'], message: '营销部负责人须属于一个营销部' });
}

const phone = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim() || undefined : (v ?? undefined)),
  z.string().regex(/^[0-9+\- ]{5,20}$/, { error: '电话号码格式不正确' }).optional(),
);

export const createUserSchema = z
  .object({
    clientId,
    username: z.preprocess(
      (v) => (typeof v === 'string' ? v.trim().toLowerCase() : v),
      z.string({ error: '请输入用户名' }).regex(/^[a-z0-9][a-z0-9_.-]{2,31}$/, { error: '用户名为 3–32 位小写字母、数字或 _ . -，以字母或数字开头' }),
    ),
    name: text('姓名', 40),
    phone,
  })
  .extend(orgFields.shape)
  .extend(passwordPair.shape)
  .superRefine((v, ctx) => {
    checkOrg(v, ctx);
    checkPasswords(v, v.username, ctx);
  });

export const updateUserSchema = z
  .object({ id: pick('用户'), name: text('姓名', 40), phone })
  .extend(orgFields.shape)
  .superRefine(checkOrg);

export const resetPasswordSchema = z
  .object({ id: pick('用户') })
  .extend(passwordPair.shape)
  .superRefine((v, ctx) => checkPasswords(v, '', ctx));

export const setUserDisabledSchema = z.object({ id: pick('用户'), disabled: bool });

/** The branch and team columns a role needs: a team decides its branch. */
async function resolveOrg(tx: Tx, v: { role: Role; teamId?: number; branchId?: number }) {
  if (v.role === 'manager' || v.role === 'supervisor') {
    const [team] = await tx.select({ id: teams.id, branchId: teams.branchId }).from(teams).where(eq(teams.id, v.teamId!)).limit(1);
    if (!team) throw new FieldError({ teamId: ['市场部不存在'] });
    return { teamId: team.id, branchId: team.branchId };
  }
  if (v.role === 'branch_head') {
    const [branch] = await tx.select({ id: branches.id }).from(branches).where(eq(branches.id, v.branchId!)).limit(1);
    if (!branch) throw new FieldError({ branchId: ['营销部不存在'] });
    return { teamId: null, branchId: branch.id };
  }
  return { teamId: null, branchId: null };
}

async function loadUser(tx: Tx, id: number) {
  const [row] = await tx
    .select({ id: users.id, username: users.username, name: users.name, role: users.role, teamId: users.teamId, branchId: users.branchId, phone: users.phone, disabled: users.disabled })
    .from(users)
    .where(eq(users.id, id))
    .limit(1)
    .for('update');
  if (!row) throw new NotFoundError('用户不存在');
  return row;
}

export const createUserSpec: ActionSpec<typeof createUserSchema, { id: number }> = {
  name: 'user.create',
  permission: 'admin:write',
  schema: createUserSchema,
  idempotencyKey: (input) => input.clientId,
  handler: async ({ tx, input }) => {
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.username, input.username)).limit(1);
    if (taken) throw new FieldError({ username: ['该用户名已被使用'] });
    const org = await resolveOrg(tx, input);
    const passwordHash = await hashPassword(input.password);
    try {
      const [row] = await tx
        .insert(users)
        .values({ username: input.username, name: input.name, phone: input.phone ?? null, role: input.role, ...org, passwordHash })
        .returning({ id: users.id });
      return { result: { id: row.id }, entity: 'user', entityId: String(row.id), detail: { username: input.username, role: input.role, ...org } };
    } catch (e) {
      if (isUniqueViolation(e)) throw new FieldError({ username: ['该用户名已被使用'] });
      throw e;
    }
  },
};

export const updateUserSpec: ActionSpec<typeof updateUserSchema, { id: number }> = {
  name: 'user.update',
  permission: 'admin:write',
  schema: updateUserSchema,
  handler: async ({ user, tx, input }) => {
    const before = await loadUser(tx, input.id);
    if (before.id === user.userId && input.role !== before.role) throw new FieldError({ role: ['不能修改自己的角色'] });
    const org = await resolveOrg(tx, input);
    if (before.role === 'manager' && input.role !== 'manager') {
      const [{ n }] = await tx.select({ n: count() }).from(retailers).where(and(eq(retailers.managerId, before.id), eq(retailers.active, true)));
      if (n > 0) throw new FieldError({ role: [`该客户经理名下还有 ${n} 家零售户，请先在零售户管理中改派`] });
    }
    if (input.role === 'manager' && before.role === 'manager' && org.teamId !== before.teamId) {
      // the manager's shops and routes follow to the new team; past facts keep their own stamps
      const moved = { teamId: org.teamId!, branchId: org.branchId! };
      await tx.update(routes).set(moved).where(eq(routes.managerId, before.id));
      await tx.update(retailers).set(moved).where(eq(retailers.managerId, before.id));
    }
    await tx
      .update(users)
      .set({ name: input.name, phone: input.phone ?? null, role: input.role, ...org, updatedAt: now() })
      .where(eq(users.id, before.id));
    const changes: Record<string, unknown> = {};
    for (const k of ['name', 'phone', 'role', 'teamId', 'branchId'] as const) {
      const after = k === 'teamId' || k === 'branchId' ? org[k] : k === 'phone' ? (input.phone ?? null) : input[k];
      if (after !== before[k]) changes[k] = [before[k], after];
    }
    return { result: { id: before.id }, entity: 'user', entityId: String(before.id), detail: { username: before.username, changes } };
  },
};

export const resetPasswordSpec: ActionSpec<typeof resetPasswordSchema, { id: number }> = {
  name: 'user.reset_password',
  permission: 'admin:write',
  schema: resetPasswordSchema,
  handler: async ({ tx, input }) => {
    const target = await loadUser(tx, input.id);
    const problem = passwordProblem(input.password, target.username);
    if (problem) throw new FieldError({ password: [problem] });
    const passwordHash = await hashPassword(input.password);
    // a new token version ends every open session of the user on its next request
    await tx
      .update(users)
      .set({ passwordHash, tokenVersion: sql`${users.tokenVersion} + 1`, updatedAt: now() })
      .where(eq(users.id, target.id));
    return { result: { id: target.id }, entity: 'user', entityId: String(target.id), detail: { username: target.username } };
  },
};

export const setUserDisabledSpec: ActionSpec<typeof setUserDisabledSchema, { id: number; disabled: boolean }> = {
  name: 'user.set_disabled',
  permission: 'admin:write',
  schema: setUserDisabledSchema,
  handler: async ({ user, tx, input }) => {
    if (input.disabled && input.id === user.userId) throw new ForbiddenError('不能停用自己的账号');
    const target = await loadUser(tx, input.id);
    await tx
      .update(users)
      .set({
        disabled: input.disabled,
        // disabling also moves the token version on, so a later re-enable does not revive old sessions
        ...(input.disabled ? { tokenVersion: sql`${users.tokenVersion} + 1` } : {}),
        updatedAt: now(),
      })
      .where(eq(users.id, target.id));
    return {
      result: { id: target.id, disabled: input.disabled },
      entity: 'user',
      entityId: String(target.id),
      detail: { username: target.username, disabled: input.disabled },
    };
  },
};
