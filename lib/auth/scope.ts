import { eq, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Role } from '@/db/schema';

export type Scope = { role: Role; userId: number; teamId: number | null; branchId: number | null };

type Stamped = { managerId: AnyPgColumn; teamId: AnyPgColumn; branchId: AnyPgColumn };

/**
 * The org-tree filter for a table stamped with manager, team and branch: a manager reaches own
 * rows, a supervisor the team's, a branch head the branch's, an admin all. `undefined` means no filter.
 */
export function scopeFilter(scope: Scope, table: Stamped): SQL | undefined {
  switch (scope.role) {
    case 'manager':
      return eq(table.managerId, scope.userId);
    case 'supervisor':
      return eq(table.teamId, scope.teamId ?? -1);
    case 'branch_head':
      return eq(table.branchId, scope.branchId ?? -1);
    case 'admin':
      return undefined;
  }
}

/** Whether a team lies inside the caller's scope (a team id from a URL, say). */
export function teamInScope(scope: Scope, team: { id: number; branchId: number }): boolean {
  switch (scope.role) {
    case 'manager':
    case 'supervisor':
      return scope.teamId === team.id;
    case 'branch_head':
      return scope.branchId === team.branchId;
    case 'admin':
      return true;
  }
}
