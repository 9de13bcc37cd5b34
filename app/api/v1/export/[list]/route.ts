import { getDb } from '@/db/index';
import { getCurrentUser } from '@/lib/auth/dal';
import { today } from '@/lib/clock';
import { EXPORT_BATCH, EXPORT_MAX_ROWS, exportsByName } from '@/lib/lists/exports';
import { parseListParams } from '@/lib/lists/params';
import { streamExport } from '@/lib/lists/stream';

export const dynamic = 'force-dynamic';

// GET /api/v1/export/<list>?<the list's filters>&file=csv|xlsx — every filtered row (up to
// 100,000), streamed in batches.
export async function GET(request: Request, { params }: { params: Promise<{ list: string }> }) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ message: '登录已失效，请重新登录' }, { status: 401 });
  const def = exportsByName[(await params).list];
  if (!def || !def.roles.includes(user.role)) return Response.json({ message: '记录不存在' }, { status: 404 });
  const url = new URL(request.url);
  const p = parseListParams(url.searchParams, def.spec);
  const db = await getDb();
  return streamExport({
    format: url.searchParams.get('file') === 'xlsx' ? 'xlsx' : 'csv',
    filename: `${def.filename}-${today()}`,
    sheet: def.filename,
    columns: def.columns,
    async *batches() {
      for (let offset = 0; offset < EXPORT_MAX_ROWS; offset += EXPORT_BATCH) {
        const { rows } = await def.fetch(db, user, p, { limit: Math.min(EXPORT_BATCH, EXPORT_MAX_ROWS - offset), offset });
        if (rows.length) yield rows;
        if (rows.length < EXPORT_BATCH) return;
      }
    },
  });
}
