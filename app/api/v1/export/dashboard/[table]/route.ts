import { getDb } from '@/db/index';
import { parseView, resolveFilter } from '@/db/queries/dashboard';
import { getCurrentUser } from '@/lib/auth/dal';
import { today } from '@/lib/clock';
import { exportTables } from '@/lib/dashboard/tables';
import { streamExport } from '@/lib/lists/stream';
import { getSettings } from '@/lib/settings';

export const dynamic = 'force-dynamic';

const int = (v: string | null) => (v && /^\d{1,9}$/.test(v) ? Number(v) : undefined);

// GET /api/v1/export/dashboard/<table>?<the dashboard's filters>&format=csv|xlsx — every row of
// the table for the same view and scope as the page.
export async function GET(request: Request, { params }: { params: Promise<{ table: string }> }) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ message: '登录已失效，请重新登录' }, { status: 401 });
  const def = exportTables[(await params).table];
  if (!def || (user.role !== 'supervisor' && user.role !== 'branch_head')) return Response.json({ message: '记录不存在' }, { status: 404 });
  const url = new URL(request.url);
  const sp = Object.fromEntries(url.searchParams.entries());
  const db = await getDb();
  const day = today();
  const f = await resolveFilter(db, user, {
    ...parseView(sp, day),
    teamId: int(url.searchParams.get('team')),
    managerId: int(url.searchParams.get('manager')),
    specId: int(url.searchParams.get('spec')),
    brand: sp.brand || undefined,
    area: sp.area === 'city' || sp.area === 'rural' ? sp.area : undefined,
    format: sp.format && /^[a-z_]{1,20}$/.test(sp.format) ? sp.format : undefined,
  });
  if (!f) return Response.json({ message: '记录不存在' }, { status: 404 });
  const rows = await def.build({ db, user, f, settings: await getSettings(db), today: day });
  const pctKeys = new Set(['rate', 'completion', 'amount', 'fill', 'quota']);
  return streamExport({
    format: url.searchParams.get('format') === 'xlsx' ? 'xlsx' : 'csv',
    filename: `${def.title}-${f.range.from}_${f.range.to}`,
    sheet: def.title,
    columns: def.columns.map(([key, header]) => ({
      header,
      value: (r: Record<string, string | number | null>) => {
        const v = r[key];
        if (v === null || v === undefined) return '—';
        return pctKeys.has(key) && typeof v === 'number' ? `${(v * 100).toFixed(1)}%` : v;
      },
    })),
    async *batches() {
      yield rows;
    },
  });
}
