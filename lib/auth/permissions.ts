import type { Role } from '@/db/schema';

// Roles are a typed union; what each may do is data. Pages and the action wrapper ask `can()`.
export const rolePermissions = {
  manager: ['today:read', 'visit:write', 'visit:read', 'retailer:read', 'complaint:read', 'complaint:create', 'complaint:handle', 'report:write', 'plan:write', 'forecast:read', 'forecast:write', 'collection:read', 'collection:write', 'followup:read', 'followup:write'],
  supervisor: ['dashboard:read', 'team:read', 'visit:read', 'retailer:read', 'complaint:read', 'complaint:handle', 'report:review', 'complaint:assign', 'briefing:write', 'forecast:read', 'collection:read', 'followup:read'],
  branch_head: ['dashboard:read', 'team:read', 'branch:read', 'visit:read', 'retailer:read', 'complaint:read', 'complaint:handle', 'complaint:assign', 'forecast:read', 'collection:read'],
  admin: ['admin:read', 'admin:write'],
} as const satisfies Record<Role, readonly string[]>;

export type Permission = (typeof rolePermissions)[Role][number];

export function can(role: Role, permission: Permission): boolean {
  return (rolePermissions[role] as readonly string[]).includes(permission);
}

export const roleHome: Record<Role, string> = {
  manager: '/today',
  supervisor: '/dashboard',
  branch_head: '/dashboard',
  admin: '/admin',
};

// A link appears only when its page works and the role may open it. On phones the bottom bar
// holds the `bottom` ones and a "more" menu the rest.
export const navItems = [
  { href: '/today', key: 'today', permission: 'today:read', bottom: true },
  { href: '/dashboard', key: 'dashboard', permission: 'dashboard:read', bottom: true },
  { href: '/reviews', key: 'reviews.nav', permission: 'report:review', bottom: true },
  { href: '/briefings', key: 'briefings.nav', permission: 'briefing:write' },
  { href: '/follow-up', key: 'followUp.nav', permission: 'followup:read' },
  { href: '/tomorrow', key: 'tomorrow.nav', permission: 'today:read' },
  { href: '/reports', key: 'reports.nav', permission: 'report:write', bottom: true },
  { href: '/plan', key: 'plan.nav', permission: 'plan:write' },
  { href: '/retailers', key: 'retailers', permission: 'retailer:read' },
  { href: '/visits', key: 'visits', permission: 'visit:read', bottom: true },
  { href: '/complaints', key: 'complaints', permission: 'complaint:read', bottom: true },
  { href: '/opinions', key: 'opinions', permission: 'complaint:read' },
  { href: '/forecasts', key: 'forecasts.nav', permission: 'forecast:read' },
  { href: '/collection', key: 'collection.nav', permission: 'collection:read' },
  { href: '/admin', key: 'admin', permission: 'admin:read', bottom: true },
] as const satisfies readonly { href: string; key: string; permission: Permission; bottom?: boolean }[];

export function navFor(role: Role) {
  return navItems.filter((item) => can(role, item.permission));
}
