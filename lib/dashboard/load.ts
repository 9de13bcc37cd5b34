import 'server-only';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/index';
import { filterFromSearch, previousView, resolveFilter } from '@/db/queries/dashboard';
import { getRenderSettings, requireRole } from '@/lib/auth/dal';
import { today } from '@/lib/clock';

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The caller, the database and the view the URL asks for; ids outside the scope answer 404. */
export async function loadDashboard(searchParams: SearchParams) {
  const user = await requireRole('supervisor', 'branch_head');
  const raw = await searchParams;
  const sp = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const day = today();
  const filter = filterFromSearch(sp, day);
  if (!filter) notFound();
  const db = await getDb();
  const [resolved, settings] = await Promise.all([resolveFilter(db, user, filter), getRenderSettings(db)]);
  if (!resolved) notFound();
  return { user, db, f: resolved, prev: previousView(resolved), today: day, settings, sp };
}
