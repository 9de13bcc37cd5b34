import 'server-only';
import { aliasedTable, and, asc, count, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/index';
import { branches, roleEnum, teams, users } from '@/db/schema';
import type { Scope } from '@/lib/auth/scope';
import type { ListParams } from '@/lib/lists/params';

export const adminUserListSpec = {
  sorts: ['username', 'name', 'role', 'createdAt'] as const,
  filters: ['role', 'team', 'branch', 'status'] as const,
  defaultSort: { id: 'username', desc: false },
};

function userWhere(p: ListParams): SQL | undefined {
  const f = p.filters;
  const parts: (SQL | undefined)[] = [];
  if (p.q) parts.push(or(ilike(users.username, `%${p.q}%`), ilike(users.name, `%${p.q}%`), ilike(users.phone, `%${p.q}%`)));
  if ((roleEnum.enumValues as readonly string[]).includes(f.role ?? '')) parts.push(sql`${users.role}::text = ${f.role}`);
  if (f.team && Number.isSafeInteger(Number(f.team))) parts.push(eq(users.teamId, Number(f.team)));
  if (f.branch && Number.isSafeInteger(Number(f.branch))) parts.push(eq(users.branchId, Number(f.branch)));
  if (f.status === 'active') parts.push(eq(users.disabled, false));
  if (f.status === 'disabled') parts.push(eq(users.disabled, true));
  return and(...parts);
}

/** Every user (admins see all); never the password hash. */
export async function listAdminUsers(db: Db, _scope: Scope, p: ListParams, page = { limit: p.size, offset: (p.page - 1) * p.size }) {
  const where = userWhere(p);
  const col = { username: users.username, name: users.name, role: users.role, createdAt: users.createdAt }[
    (p.sort?.id ?? 'username') as 'username' | 'name' | 'role' | 'createdAt'
  ];
  const dir = p.sort?.desc ? desc : asc;
  const [rows, [{ n }]] = await Promise.all([
    db
      .select({
        id: users.id,
        username: users.username,
        name: users.name,
        role: users.role,
        phone: users.phone,
        branchName: branches.name,
        teamName: teams.name,
        disabled: users.disabled,
        createdAt: users.createdAt,
      })
      .from(users)
      .leftJoin(branches, eq(branches.id, users.branchId))
      .leftJoin(teams, eq(teams.id, users.teamId))
      .where(where)
      .orderBy(dir(col), asc(users.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(users).where(where),
  ]);
  return { rows, total: n };
}

export async function getAdminUser(db: Db, id: number) {
  const [row] = await db
    .select({
      id: users.id,
      username: users.username,
      name: users.name,
      role: users.role,
      phone: users.phone,
      branchId: users.branchId,
      teamId: users.teamId,
      disabled: users.disabled,
      createdAt: users.createdAt,
      updatedAt: users.updatedAt,
    })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  return row ?? null;
}

/** Branches and teams for the org pickers, and each team's supervisors. */
export async function getOrgOptions(db: Db) {
  const sup = aliasedTable(users, 'sup');
  const [branchRows, teamRows, supervisors] = await Promise.all([
    db.select({ id: branches.id, code: branches.code, name: branches.name }).from(branches).orderBy(asc(branches.code)),
    db
      .select({ id: teams.id, code: teams.code, name: teams.name, branchId: teams.branchId, branchName: branches.name })
      .from(teams)
      .innerJoin(branches, eq(branches.id, teams.branchId))
      .orderBy(asc(branches.code), asc(teams.code)),
    db
      .select({ id: sup.id, name: sup.name, username: sup.username, teamId: sup.teamId, disabled: sup.disabled })
      .from(sup)
      .where(eq(sup.role, 'supervisor'))
      .orderBy(asc(sup.name)),
  ]);
  return { branches: branchRows, teams: teamRows, supervisors };
}

export async function getOrgCounts(db: Db) {
  const [byBranch, byTeam, usersByBranch] = await Promise.all([
    db.select({ id: teams.branchId, n: count() }).from(teams).groupBy(teams.branchId),
    db.select({ id: users.teamId, n: count() }).from(users).where(and(eq(users.role, 'manager'), eq(users.disabled, false))).groupBy(users.teamId),
    db.select({ id: users.branchId, n: count() }).from(users).where(eq(users.disabled, false)).groupBy(users.branchId),
  ]);
  const map = (rows: { id: number | null; n: number }[]) => new Map(rows.filter((r) => r.id !== null).map((r) => [r.id as number, r.n]));
  return { teamsByBranch: map(byBranch), managersByTeam: map(byTeam), usersByBranch: map(usersByBranch) };
}
