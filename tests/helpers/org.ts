import { branches, teams, users } from '@/db/schema';
import type { Db } from '@/db/index';
import { hashPassword } from '@/lib/auth/password';

/** Two branches, a team in each, and one user per role: the smallest org the rules need. */
export async function makeOrg(db: Db, password = 'secret-pass-1') {
  const passwordHash = await hashPassword(password);
  const [b1, b2] = await db.insert(branches).values([{ code: 'B1', name: '城东营销部' }, { code: 'B2', name: '城西营销部' }]).returning();
  const [t1, t2] = await db
    .insert(teams)
    .values([{ code: 'T1', name: '第一市场部', branchId: b1.id }, { code: 'T2', name: '第二市场部', branchId: b2.id }])
    .returning();
  const rows = await db
    .insert(users)
    .values([
      { username: 'admin', name: '管理员', role: 'admin', passwordHash },
      { username: 'bh1', name: '王主任', role: 'branch_head', branchId: b1.id, passwordHash },
      { username: 'sup1', name: '李经理', role: 'supervisor', branchId: b1.id, teamId: t1.id, passwordHash },
      { username: 'mgr1', name: '张伟', role: 'manager', branchId: b1.id, teamId: t1.id, passwordHash },
      { username: 'mgr2', name: '刘洋', role: 'manager', branchId: b2.id, teamId: t2.id, passwordHash },
    ])
    .returning({ id: users.id, username: users.username, role: users.role, teamId: users.teamId, branchId: users.branchId, name: users.name });
  const byName = Object.fromEntries(rows.map((u) => [u.username, u]));
  const asCurrent = (username: string) => {
    const u = byName[username];
    return { userId: u.id, username: u.username, name: u.name, role: u.role, teamId: u.teamId, branchId: u.branchId };
  };
  return { b1, b2, t1, t2, users: byName, asCurrent, password };
}
