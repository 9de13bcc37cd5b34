// At server start (not during `next build`): pending migrations, then the complaint escalation schedule.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getDbHandle } = await import('./db/index');
  const { migrate } = await import('./db/migrate');
  await migrate(await getDbHandle());
  // overdue complaints escalate, and new dashboard periods open, on a schedule (lib/schedule.ts)
  const { startSchedules } = await import('./lib/schedule');
  const { getDb } = await import('./db/index');
  const { now } = await import('./lib/clock');
  startSchedules(getDb, now);
}

// Errors Next captures while rendering or in a route handler: one JSON line with the stack and the
// request id server.mjs gave the request (its request line has the user id). No headers or query.
export async function onRequestError(
  error: unknown,
  request: { path: string; method: string; headers: Record<string, string | string[] | undefined> },
  context: { routePath: string; routeType: string },
) {
  const { logError, safePath } = await import('./lib/log.mjs');
  const requestId = request.headers['x-request-id'];
  logError('request failed', error, {
    method: request.method,
    ...safePath(request.path),
    route: context.routePath,
    routeType: context.routeType,
    requestId: typeof requestId === 'string' ? requestId : null,
  });
}
