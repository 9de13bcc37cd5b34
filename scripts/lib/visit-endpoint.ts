// POST /api/v1/visits without Next: what the route handler runs once the session is read
// (lib/action.ts runAction with lib/visits/submit.ts, same transaction, receipts and audit), over
// the database DATABASE_URL or PGLITE_DIR names, for tests that must kill a server where no
// production build exists yet (vitest runs before `next build` in `npm test`). A test harness only:
// the caller names the user in `x-test-user-id`, and it listens on 127.0.0.1.
import http from 'node:http';
import { eq } from 'drizzle-orm';
import { getDbHandle } from '../../db/index';
import { users } from '../../db/schema';
import { runAction } from '../../lib/action';
import type { CurrentUser } from '../../lib/auth/dal';
import { submitVisitSpec } from '../../lib/visits/submit';

const { db } = await getDbHandle();
const known = new Map<number, CurrentUser>();

async function userOf(id: number): Promise<CurrentUser | null> {
  if (known.has(id)) return known.get(id)!;
  const [u] = await db
    .select({ userId: users.id, username: users.username, name: users.name, role: users.role, teamId: users.teamId, branchId: users.branchId })
    .from(users)
    .where(eq(users.id, id));
  if (u) known.set(id, u);
  return u ?? null;
}

const server = http.createServer(async (req, res) => {
  const reply = (status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  try {
    if (req.method !== 'POST' || req.url !== '/api/v1/visits') return reply(404, { ok: false });
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const headers = new Headers({ origin: String(req.headers.origin ?? ''), host: String(req.headers.host ?? '') });
    const user = await userOf(Number(req.headers['x-test-user-id']));
    const result = await runAction(submitVisitSpec, { user, headers, db, ip: req.socket.remoteAddress ?? 'unknown' }, JSON.parse(Buffer.concat(chunks).toString('utf8')));
    reply(result.ok ? 200 : result.status, result);
  } catch (e) {
    reply(500, { ok: false, message: String(e) });
  }
});

server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('READY'));
