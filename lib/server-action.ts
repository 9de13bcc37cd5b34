import 'server-only';
import { headers } from 'next/headers';
import type { z } from 'zod';
import { getDb } from '@/db/index';
import { getCurrentUser } from '@/lib/auth/dal';
import { clientIp } from '@/lib/client-ip';
import { runAction, type ActionResult, type ActionSpec } from '@/lib/action';

/** Binds an action spec to the request: use it in a route's actions.ts ('use server'). */
export function serverAction<S extends z.ZodType, T>(spec: ActionSpec<S, T>) {
  return async (input: unknown): Promise<ActionResult<T>> => {
    const h = await headers();
    const [user, db] = await Promise.all([getCurrentUser(), getDb()]);
    return runAction(spec, { user, headers: h, db, ip: clientIp(h) }, input);
  };
}

/** The same wrapper for a route handler (stable URLs: offline sync, uploads). */
export async function routeAction<S extends z.ZodType, T>(spec: ActionSpec<S, T>, request: Request) {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return Response.json({ ok: false, status: 400, message: '请求内容不是有效的 JSON' }, { status: 400 });
  }
  const [user, db] = await Promise.all([getCurrentUser(), getDb()]);
  const result = await runAction(spec, { user, headers: request.headers, db, ip: clientIp(request.headers) }, body);
  return Response.json(result, { status: result.ok ? 200 : result.status });
}
