import { getDb } from '@/db/index';
import { getManagerDays, parsePeriod, resolveFilter } from '@/db/queries/dashboard';
import { getCurrentUser } from '@/lib/auth/dal';
import { today } from '@/lib/clock';
import { formatTime } from '@/lib/format';
import { streamExport } from '@/lib/lists/stream';
import { getSettings } from '@/lib/settings';

export const dynamic = 'force-dynamic';

const int = (v: string | null) => (v && /^\d{1,9}$/.test(v) ? Number(v) : undefined);

// GET /api/v1/export/dashboard/manager-days?<the dashboard's filters>&format=csv|xlsx
export async function GET(request: Request, { params }: { params: Promise<{ table: string }> }) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ message: '登录已失效，请重新登录' }, { status: 401 });
  if ((user.role !== 'supervisor' && user.role !== 'branch_head') || (await params).table !== 'manager-days') {
    return Response.json({ message: '记录不存在' }, { status: 404 });
  }
  const url = new URL(request.url);
  const sp = Object.fromEntries(url.searchParams.entries());
  const db = await getDb();
  const f = await resolveFilter(db, user, {
    period: parsePeriod(sp, today()),
    teamId: int(url.searchParams.get('team')),
    managerId: int(url.searchParams.get('manager')),
    area: sp.area === 'city' || sp.area === 'rural' ? sp.area : undefined,
  });
  if (!f) return Response.json({ message: '记录不存在' }, { status: 404 });
  const [rows, settings] = await Promise.all([getManagerDays(db, user, f, f.period), getSettings(db)]);
  const names = new Map(f.org.managers.map((m) => [m.id, m.name]));
  type Row = (typeof rows)[number];
  const standard = (r: Row) => (r.area === 'rural' ? settings.visitStandardRural : settings.visitStandardCity);
  return streamExport<Row>({
    format: url.searchParams.get('format') === 'xlsx' ? 'xlsx' : 'csv',
    filename: `拜访规范-${f.period.start}`,
    sheet: '拜访规范',
    columns: [
      { header: '日期', value: (r) => r.day },
      { header: '客户经理', value: (r) => names.get(r.managerId) ?? String(r.managerId) },
      { header: '计划', value: (r) => r.planned },
      { header: '拜访', value: (r) => r.made },
      { header: '标准', value: (r) => standard(r) },
      { header: '达标', value: (r) => (r.made >= standard(r) ? '是' : '否') },
      { header: '短时', value: (r) => r.short },
      { header: '计划外', value: (r) => r.offPlan },
      { header: '未拜访', value: (r) => r.missed },
      { header: '首家开始', value: (r) => formatTime(r.firstStart) },
      { header: '末家结束', value: (r) => formatTime(r.lastEnd) },
    ],
    async *batches() {
      yield rows.filter((r) => r.made > 0 || r.planned > 0);
    },
  });
}
