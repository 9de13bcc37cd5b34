import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { getDb } from '@/db/index';
import { getCurrentUser } from '@/lib/auth/dal';
import { today } from '@/lib/clock';
import { EXPORT_BATCH, EXPORT_MAX_ROWS, exportsByName } from '@/lib/lists/exports';
import { parseListParams } from '@/lib/lists/params';

export const dynamic = 'force-dynamic';

function csvCell(v: string | number) {
  const s = String(v ?? '');
  // a leading = + - @ would be run as a formula by Excel
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

// GET /api/v1/export/<list>?<the list's filters>&format=csv|xlsx — every filtered row (up to
// 100,000), streamed in batches so memory stays flat.
export async function GET(request: Request, { params }: { params: Promise<{ list: string }> }) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ message: '登录已失效，请重新登录' }, { status: 401 });
  const def = exportsByName[(await params).list];
  if (!def || !def.roles.includes(user.role)) return Response.json({ message: '记录不存在' }, { status: 404 });
  const url = new URL(request.url);
  const format = url.searchParams.get('format') === 'xlsx' ? 'xlsx' : 'csv';
  const p = parseListParams(url.searchParams, def.spec);
  const db = await getDb();

  async function* batches() {
    for (let offset = 0; offset < EXPORT_MAX_ROWS; offset += EXPORT_BATCH) {
      const { rows } = await def.fetch(db, user!, p, { limit: Math.min(EXPORT_BATCH, EXPORT_MAX_ROWS - offset), offset });
      if (rows.length) yield rows;
      if (rows.length < EXPORT_BATCH) return;
    }
  }

  const filename = encodeURIComponent(`${def.filename}-${today()}.${format}`);
  const headers = {
    'content-disposition': `attachment; filename*=UTF-8''${filename}`,
    'cache-control': 'private, no-store',
  };

  if (format === 'csv') {
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        // BOM: Excel opens UTF-8 CSV as GBK without it
        controller.enqueue(encoder.encode(`\uFEFF${def.columns.map((c) => csvCell(c.header)).join(',')}\r\n`));
        for await (const rows of batches()) {
          controller.enqueue(encoder.encode(rows.map((r) => def.columns.map((c) => csvCell(c.value(r))).join(',')).join('\r\n') + '\r\n'));
        }
        controller.close();
      },
    });
    return new Response(stream, { headers: { ...headers, 'content-type': 'text/csv; charset=utf-8' } });
  }

  const pass = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: pass, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet(def.filename);
  sheet.columns = def.columns.map((c) => ({ header: c.header, width: 16 }));
  (async () => {
    try {
      for await (const rows of batches()) for (const r of rows) sheet.addRow(def.columns.map((c) => c.value(r))).commit();
      sheet.commit();
      await workbook.commit();
    } catch (e) {
      pass.destroy(e as Error);
    }
  })();
  return new Response(Readable.toWeb(pass) as ReadableStream, {
    headers: { ...headers, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  });
}
