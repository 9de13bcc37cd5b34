import { getDb } from '@/db/index';
import { runAction, sameOrigin } from '@/lib/action';
import { getCurrentUser } from '@/lib/auth/dal';
import { can } from '@/lib/auth/permissions';
import { clientIp } from '@/lib/client-ip';
import { importSpec } from '@/lib/imports/action';
import { isImportKind, templateCsv, validateFile } from '@/lib/imports/index';
import { MAX_FILE_BYTES } from '@/lib/imports/read';

export const dynamic = 'force-dynamic';
// a 100,000-row file takes tens of seconds to check and write
export const maxDuration = 300;

const TEMPLATE_NAMES = { orders: '订单', retailers: '零售户', specs: '卷烟规格', supply: '货源投放', targets: '月度目标', agreed: '协议量' } as const;
const json = (status: number, body: object) => Response.json({ ok: status === 200, status, ...body }, { status });

// GET /api/v1/imports/<kind>: the kind's template (headers and an example row) as CSV.
export async function GET(_request: Request, { params }: { params: Promise<{ kind: string }> }) {
  const user = await getCurrentUser();
  if (!user) return json(401, { message: '登录已失效，请重新登录' });
  const { kind } = await params;
  if (!can(user.role, 'admin:read') || !isImportKind(kind)) return json(404, { message: '记录不存在' });
  return new Response(templateCsv(kind), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(`${TEMPLATE_NAMES[kind]}导入模板.csv`)}`,
      'cache-control': 'private, no-store',
    },
  });
}

/**
 * POST /api/v1/imports/<kind>?mode=validate|apply, multipart with `file` (a file is larger than a
 * Server Action body may be). validate: the report as JSON, nothing written. apply: NDJSON lines
 * as the work goes — {type:'validated', report}, {type:'progress', done, total}…, then
 * {type:'result', counts} or {type:'error', message}; the whole import is one transaction.
 */
export async function POST(request: Request, { params }: { params: Promise<{ kind: string }> }) {
  // the wrapper's checks, before the body is read: nobody makes the server parse a file unasked
  const user = await getCurrentUser();
  if (!user) return json(401, { message: '登录已失效，请重新登录' });
  if (!sameOrigin(request.headers)) return json(403, { message: '请求来源无效，请刷新页面后重试' });
  if (!can(user.role, 'admin:write')) return json(403, { message: '您的角色无权执行此操作' });
  const { kind } = await params;
  if (!isImportKind(kind)) return json(404, { message: '未知的导入类型' });
  const mode = new URL(request.url).searchParams.get('mode') === 'apply' ? 'apply' : 'validate';
  if (Number(request.headers.get('content-length') ?? 0) > MAX_FILE_BYTES + 64 * 1024) {
    return json(413, { message: `文件超过 ${MAX_FILE_BYTES / 1024 / 1024} MB，请拆分后分批导入` });
  }
  let file: File;
  try {
    const form = await request.formData();
    const f = form.get('file');
    if (!(f instanceof File)) return json(400, { message: '请选择要导入的文件', fieldErrors: { file: ['请选择要导入的文件'] } });
    file = f;
  } catch {
    return json(400, { message: '上传内容不完整，请重新选择文件上传' });
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const db = await getDb();

  if (mode === 'validate') {
    const { report } = await validateFile(db, kind, bytes, file.name);
    return json(200, { data: { report } });
  }

  const encoder = new TextEncoder();
  let closed = false;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (line: object) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
        } catch {
          closed = true; // the page went away; the import itself runs to its end
        }
      };
      let total = 0;
      let lastSent = 0;
      const spec = importSpec(
        { bytes, name: file.name },
        {
          onValidated: (report) => {
            total = report.validRows;
            send({ type: 'validated', report });
          },
          onProgress: (done) => {
            // at most about a hundred progress lines, whatever the file's size
            if (done === total || done - lastSent >= Math.max(1, total / 100)) {
              lastSent = done;
              send({ type: 'progress', done, total });
            }
          },
        },
      );
      runAction(spec, { user, headers: request.headers, db, ip: clientIp(request.headers) }, { kind })
        .then((result) => {
          if (result.ok) send({ type: 'result', report: result.data.report, counts: result.data.counts });
          else send({ type: 'error', message: result.message });
        })
        .catch((e: unknown) => {
          console.error('[imports] failed', e);
          send({ type: 'error', message: '导入失败，本次没有写入任何数据。请稍后重试；若再次失败，请联系系统管理员' });
        })
        .finally(() => {
          if (closed) return;
          closed = true;
          controller.close();
        });
    },
    cancel() {
      closed = true;
    },
  });
  return new Response(stream, {
    headers: {
      'content-type': 'application/x-ndjson; charset=utf-8',
      // no-transform: compression would hold the progress lines back until the end
      'cache-control': 'no-store, no-transform',
      'x-accel-buffering': 'no',
    },
  });
}
