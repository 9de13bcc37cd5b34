import { z } from 'zod';
import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/index';
import { receipts } from '@/db/schema';
import { writeAudit } from '@/lib/audit';
import type { CurrentUser } from '@/lib/auth/dal';
import { can, type Permission } from '@/lib/auth/permissions';

// zod's own messages (wrong type, too big, …) in the users' language wherever a schema leaves
// them unset
z.config(z.locales.zhCN());

/** What every Server Action and mutating route handler answers. */
export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; status: 400 | 401 | 403 | 404 | 409; message: string; fieldErrors?: Record<string, string[]>; retry?: boolean };

/** Thrown inside a handler: the record does not exist for the caller (also when out of scope). */
export class NotFoundError extends Error {
  constructor(message = '记录不存在') {
    super(message);
  }
}
/** Thrown inside a handler: in scope, but this caller may not do it. */
export class ForbiddenError extends Error {}
/** Thrown inside a handler: input that passed the schema but breaks a rule needing the database. */
export class FieldError extends Error {
  constructor(readonly fieldErrors: Record<string, string[]>) {
    super(Object.values(fieldErrors).flat()[0] ?? '输入有误');
  }
}

export type ActionSpec<S extends z.ZodType, T> = {
  /** audit action name, e.g. 'visit.submit' */
  name: string;
  permission: Permission;
  schema: S;
  // `detail` lands in the audit row: what changed, for the admin's audit log (never secrets)
  handler: (ctx: { user: CurrentUser; tx: Tx; input: z.infer<S> }) => Promise<{ result: T; entity?: string; entityId?: string; detail?: Record<string, unknown> }>;
  /**
   * Field submissions carry a client-made UUID: a repeat (a retry, a second tab, a queued copy)
   * returns the first result instead of writing again.
   */
  idempotencyKey?: (input: z.infer<S>) => string | undefined;
};

class Replay extends Error {}

export type RequestContext = { user: CurrentUser | null; headers: Headers; db: Db; ip: string };

export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_form';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

// Next checks the Origin of Server Actions only when present and not at all for route handlers,
// so every mutation checks it here: a browser always sends Origin on a cross-site POST.
export function sameOrigin(headers: Headers): boolean {
  const origin = headers.get('origin');
  if (!origin) return false;
  const host = headers.get('x-forwarded-host') ?? headers.get('host');
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * session → Origin → permission → input → one transaction (work + audit row). Nothing is written
 * unless all of it succeeds.
 */
export async function runAction<S extends z.ZodType, T>(
  spec: ActionSpec<S, T>,
  ctx: RequestContext,
  rawInput: unknown,
): Promise<ActionResult<T>> {
  if (!ctx.user) return { ok: false, status: 401, message: '登录已失效，请重新登录' };
  if (!sameOrigin(ctx.headers)) return { ok: false, status: 403, message: '请求来源无效，请刷新页面后重试' };
  if (!can(ctx.user.role, spec.permission)) return { ok: false, status: 403, message: '您的角色无权执行此操作' };
  const parsed = spec.schema.safeParse(rawInput);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    return { ok: false, status: 400, message: '请检查标红的字段', fieldErrors };
  }
  const nul = nulPaths(parsed.data);
  if (nul.length) {
    return { ok: false, status: 400, message: '输入包含无法保存的控制字符', fieldErrors: Object.fromEntries(nul.map((p) => [p || '_form', ['包含无法保存的控制字符，请删除后重试']])) };
  }
  const user = ctx.user;
  const key = spec.idempotencyKey?.(parsed.data);
  const firstResult = async (): Promise<ActionResult<T> | null> => {
    if (!key) return null;
    const [prior] = await ctx.db
      .select({ userId: receipts.userId, result: receipts.result })
      .from(receipts)
      .where(eq(receipts.clientId, key))
      .limit(1);
    if (!prior) return null;
    if (prior.userId !== user.userId) return { ok: false, status: 409, message: '该提交编号已被使用，请重新提交' };
    return { ok: true, data: prior.result as T };
  };
  const replay = await firstResult();
  if (replay) return replay;
  // A transaction that lost a race with another writer (a key both inserted, a serialization
  // failure, a deadlock) is run again from the start; only a repeated loss reaches the caller.
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await ctx.db.transaction(async (tx) => {
        if (key) {
          // Concurrent copies of one submission queue on this row; the losers find it taken.
          const claimed = await tx
            .insert(receipts)
            .values({ clientId: key, kind: spec.name, userId: user.userId, result: sql`'null'::jsonb` })
            .onConflictDoNothing()
            .returning({ clientId: receipts.clientId });
          if (claimed.length === 0) throw new Replay();
        }
        const out = await spec.handler({ user, tx, input: parsed.data });
        if (key) await tx.update(receipts).set({ result: out.result as object }).where(eq(receipts.clientId, key));
        await writeAudit(tx, {
          action: spec.name,
          userId: user.userId,
          username: user.username,
          ip: ctx.ip,
          entity: out.entity,
          entityId: out.entityId,
          detail: out.detail,
        });
        return out.result;
      });
      return { ok: true, data: result };
    } catch (e) {
      if (attempt < 3 && isRace(e)) continue;
      return answerFor(e, firstResult);
    }
  }
}

async function answerFor<T>(e: unknown, firstResult: () => Promise<ActionResult<T> | null>): Promise<ActionResult<T>> {
  if (e instanceof Replay) {
    const first = await firstResult();
    if (first) return first;
    // the first copy is still being written: the sender should simply try again
    return { ok: false, status: 409, message: '提交正在处理中，请稍后重试', retry: true };
  }
  if (e instanceof NotFoundError) return { ok: false, status: 404, message: e.message };
  if (e instanceof ForbiddenError) return { ok: false, status: 403, message: e.message };
  if (e instanceof FieldError) return { ok: false, status: 400, message: e.message, fieldErrors: e.fieldErrors };
  const refused = databaseRefusal(e);
  if (refused) return refused;
  throw e;
}

const sqlState = (e: unknown): string | undefined => {
  for (let err = e as { code?: unknown; cause?: unknown } | undefined, depth = 0; err && depth < 4; err = err.cause as typeof err, depth++) {
    if (typeof err.code === 'string') return err.code;
  }
  return undefined;
};

// unique_violation, serialization_failure, deadlock_detected
const isRace = (e: unknown) => ['23505', '40001', '40P01'].includes(sqlState(e) ?? '');

// A value that passed the schema but that the database refuses (a number past a column's range, a
// CHECK constraint) is the caller's input, not a server fault: a clear 400, the transaction rolled back.
const refusals: Record<string, { status: 400 | 409; message: string }> = {
  '22001': { status: 400, message: '输入的文字过长' },
  '22003': { status: 400, message: '输入的数值超出范围' },
  '22007': { status: 400, message: '日期或时间格式不正确' },
  '22008': { status: 400, message: '日期或时间超出范围' },
  '22P02': { status: 400, message: '输入的格式不正确' },
  '22021': { status: 400, message: '输入包含无法保存的字符' },
  '23502': { status: 400, message: '缺少必填的内容' },
  '23503': { status: 400, message: '引用的记录不存在' },
  '23505': { status: 409, message: '记录已存在，请勿重复提交' },
  '23514': { status: 400, message: '输入的数值不符合规则' },
};

export function databaseRefusal(e: unknown): ActionResult<never> | null {
  const code = sqlState(e);
  const hit = code ? refusals[code] : undefined;
  if (!hit) return null;
  // a key still taken after the retries may be another writer's in-flight work: worth sending again
  return { ok: false, ...hit, ...(code === '23505' ? { retry: true } : {}) };
}

/** Paths of the strings holding a NUL character, which PostgreSQL text cannot store. */
function nulPaths(value: unknown, path = '', out: string[] = []): string[] {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) out.push(path);
  } else if (value && typeof value === 'object' && out.length < 20) {
    for (const [k, v] of Object.entries(value)) nulPaths(v, path ? `${path}.${k}` : k, out);
  }
  return out;
}
