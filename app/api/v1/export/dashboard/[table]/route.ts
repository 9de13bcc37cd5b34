import { getDb } from '@/db/index';
import { filterFromSearch, resolveFilter } from '@/db/queries/dashboard';
import { getCurrentUser } from '@/lib/auth/dal';
import { today } from '@/lib/clock';
import { formatPercent } from '@/lib/format';
import { exportTables } from '@/lib/dashboard/tables';
import { filterAndSort, rowsParams } from '@/lib/lists/rows';
import { streamExport } from '@/lib/lists/stream';
import { getSettings } from '@/lib/settings';

export const dynamic = 'force-dynamic';

// GET /api/v1/export/dashboard/<table>?<the dashboard's filters>&file=csv|xlsx — every row of
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
  const filter = filterFromSearch(sp, day);
  const f = filter && (await resolveFilter(db, user, filter));
  if (!f) return Response.json({ message: '记录不存在' }, { status: 404 });
  // the page's quick filter and sort (?q=&sort=) apply to the export too; the page does not
  const keys = def.columns.map(([key]) => key);
  const rows = filterAndSort(await def.build({ db, user, f, settings: await getSettings(db), today: day }), rowsParams(url.searchParams, keys), keys);
  const pctKeys = new Set(['rate', 'completion', 'amount', 'fill', 'quota']);
  return streamExport({
    format: url.searchParams.get('file') === 'xlsx' ? 'xlsx' : 'csv',
    filename: `${def.title}-${f.range.from}_${f.range.to}`,
    sheet: def.title,
    columns: def.columns.map(([key, header]) => ({
      header,
      value: (r: Record<string, string | number | null>) => {
        const v = r[key];
        if (v === null || v === undefined) return '—';
        return pctKeys.has(key) && typeof v === 'number' ? formatPercent(v) : v;
      },
    })),
    async *batches() {
      yield rows;
    },
  });
}
