// The message namespaces each part of the app sends to the browser. A page ships only what its
// client components ask for with useTranslations, not the whole catalog (about half of a small
// page's bytes otherwise). tests/client-messages.test.ts walks the imports from every route and
// fails, naming the file, when a client component needs a namespace its area does not send.

/** On every page: the root error pages and the signed-in shell. */
export const CLIENT_BASE = ['app', 'errors'] as const;

/** Per area: app/(app)/<area>, app/(admin)/admin and app/(auth)/login, each wrapped in <AreaMessages>. */
export const CLIENT_AREAS = {
  briefings: ['briefings'],
  collection: ['collection', 'forecasts', 'table'],
  complaints: ['complaint', 'complaintStatus', 'complaints', 'table'],
  dashboard: ['dash', 'table'],
  'follow-up': ['followUp'],
  forecasts: ['forecasts', 'screening'],
  opinions: ['opinions'],
  plan: ['plan'],
  reports: ['reports'],
  retailers: ['area', 'formats', 'retailers', 'table'],
  reviews: ['plan', 'reviews', 'table'],
  today: ['today', 'visit'],
  tomorrow: [],
  visit: ['visit'],
  visits: ['table', 'today', 'visits'],
  admin: ['adminAudit', 'adminCalendar', 'adminCatalog', 'adminOrg', 'adminRetailers', 'adminSettings', 'adminUsers', 'area', 'formats', 'imports', 'retailers', 'roles', 'sizes', 'table'],
  login: ['login'],
} as const satisfies Record<string, readonly string[]>;

export type ClientArea = keyof typeof CLIENT_AREAS;

export function pickMessages(all: Record<string, unknown>, namespaces: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const ns of namespaces) if (ns in all) out[ns] = all[ns];
  return out;
}
