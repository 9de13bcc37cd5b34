// The admin area's sections, in menu order. A section is listed only once its page works.
export const adminSections = [
  { href: '/admin', key: 'overview' },
  { href: '/admin/org', key: 'org' },
  { href: '/admin/users', key: 'users' },
  { href: '/admin/retailers', key: 'retailers' },
  { href: '/admin/specs', key: 'specs' },
  { href: '/admin/key-brands', key: 'keyBrands' },
  { href: '/admin/supply', key: 'supply' },
  { href: '/admin/targets', key: 'targets' },
  { href: '/admin/imports', key: 'imports' },
  { href: '/admin/settings', key: 'settings' },
  { href: '/admin/calendar', key: 'calendar' },
  { href: '/admin/audit', key: 'audit' },
] as const satisfies readonly { href: string; key: string }[];
