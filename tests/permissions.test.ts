import { describe, expect, it } from 'vitest';
import { branches, visits } from '@/db/schema';
import { can, navFor, roleHome } from '@/lib/auth/permissions';
import { scopeFilter, teamInScope } from '@/lib/auth/scope';
import { PgDialect } from 'drizzle-orm/pg-core';

const dialect = new PgDialect();
const render = (s: ReturnType<typeof scopeFilter>) => (s ? dialect.sqlToQuery(s) : undefined);

describe('permissions are data', () => {
  it('gives each role its own home and only its own navigation', () => {
    expect(roleHome).toEqual({ manager: '/today', supervisor: '/dashboard', branch_head: '/dashboard', admin: '/admin' });
    expect(navFor('manager').map((i) => i.href)).toEqual(['/today', '/follow-up', '/tomorrow', '/reports', '/plan', '/retailers', '/visits', '/complaints', '/opinions', '/forecasts', '/collection']);
    expect(navFor('supervisor').map((i) => i.href)).toEqual(['/dashboard', '/reviews', '/briefings', '/follow-up', '/retailers', '/visits', '/complaints', '/opinions', '/forecasts', '/collection']);
    expect(navFor('admin').map((i) => i.href)).toEqual(['/admin']);
  });

  it('keeps admins off field writes and managers off administration', () => {
    expect(can('admin', 'visit:write')).toBe(false);
    expect(can('manager', 'visit:write')).toBe(true);
    expect(can('manager', 'admin:write')).toBe(false);
    expect(can('supervisor', 'report:review')).toBe(true);
    expect(can('manager', 'report:review')).toBe(false);
  });
});

describe('scope filters follow the org tree', () => {
  const base = { userId: 7, teamId: 3, branchId: 2 };
  it('a manager: own rows; a supervisor: the team; a branch head: the branch; an admin: all', () => {
    expect(render(scopeFilter({ ...base, role: 'manager' }, visits))).toMatchObject({ sql: '"visits"."manager_id" = $1', params: [7] });
    expect(render(scopeFilter({ ...base, role: 'supervisor' }, visits))).toMatchObject({ sql: '"visits"."team_id" = $1', params: [3] });
    expect(render(scopeFilter({ ...base, role: 'branch_head' }, visits))).toMatchObject({ sql: '"visits"."branch_id" = $1', params: [2] });
    expect(scopeFilter({ ...base, role: 'admin' }, visits)).toBeUndefined();
  });

  it('a supervisor without a team reaches nothing rather than everything', () => {
    expect(render(scopeFilter({ userId: 1, teamId: null, branchId: null, role: 'supervisor' }, visits))?.params).toEqual([-1]);
  });

  it('decides whether a team id from a URL is in scope', () => {
    const team = { id: 3, branchId: 2 };
    const other = { id: 4, branchId: 9 };
    expect(teamInScope({ ...base, role: 'supervisor' }, team)).toBe(true);
    expect(teamInScope({ ...base, role: 'supervisor' }, { id: 4, branchId: 2 })).toBe(false);
    expect(teamInScope({ ...base, role: 'branch_head' }, { id: 4, branchId: 2 })).toBe(true);
    expect(teamInScope({ ...base, role: 'branch_head' }, other)).toBe(false);
    expect(teamInScope({ ...base, role: 'admin' }, other)).toBe(true);
    void branches;
  });
});
