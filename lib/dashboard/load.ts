import 'server-only';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/index';
import { parseView, previousView, resolveFilter, type DashboardFilter } from '@/db/queries/dashboard';
import { requireRole } from '@/lib/auth/dal';
import { today } from '@/lib/clock';
import { getSettings } from '@/lib/settings';

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const int = (v: string | undefined) => (v && /^\d{1,9}$/.test(v) ? Number(v) : undefined);

/** The caller, the database and the view the URL asks for; ids outside the scope answer 404. */
export async function loadDashboard(searchParams: SearchParams) {
  const user = await requireRole('supervisor', 'branch_head');
  const raw = await searchParams;
  const sp = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const day = today();
  const filter: DashboardFilter = {
    ...parseView(sp, day),
    teamId: int(sp.team),
    managerId: int(sp.manager),
    specId: int(sp.spec),
    brand: sp.brand ? sp.brand.slice(0, 40) : undefined,
    area: sp.area === 'city' || sp.area === 'rural' ? sp.area : undefined,
    format: sp.format && /^[a-z_]{1,20}$/.test(sp.format) ? sp.format : undefined,
  };
  if ((sp.team && filter.teamId === undefined) || (sp.manager && filter.managerId === undefined)) notFound();
  const db = await getDb();
  const [resolved, settings] = await Promise.all([resolveFilter(db, user, filter), getSettings(db)]);
  if (!resolved) notFound();
  return { user, db, f: resolved, prev: previousView(resolved), today: day, settings, sp };
}
