// Structured logs: one JSON line per request with time, method, path (no query values), status,
// duration, user id and request id; errors with their stack; never a password, a cookie, a name
// or a phone number. First the logger around a plain handler, then the production server
// (server.mjs) when a build exists and no end-to-end run is rebuilding it (else skipped, saying why).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { log, logError, setLogSink, withRequestLog } from '@/lib/log.mjs';
import { openDb } from '@/db/index';
import { migrate } from '@/db/migrate';
import { productionServerSkipReason } from '../scripts/lib/build-lock';
import { freePort, waitHealthy } from '../scripts/lib/server';
import { makeOrg } from './helpers/org';

const PASSWORD = 'Hunter2-secret-pass';
const PHONE = '13812345678';
const REQUEST_FIELDS = ['time', 'level', 'msg', 'method', 'path', 'status', 'durationMs', 'userId', 'requestId'];

function parseLines(text: string) {
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      try {
        return JSON.parse(l) as Record<string, unknown>;
      } catch {
        throw new Error(`not a JSON line: ${l.slice(0, 200)}`);
      }
    });
}

function expectClean(text: string, secrets: string[]) {
  for (const s of secrets) expect(text, `the log holds "${s}"`).not.toContain(s);
}

describe('the logger', () => {
  it('writes one JSON line per request and errors with their stack, without secrets or personal data', async () => {
    const lines: string[] = [];
    const prev = setLogSink((l) => lines.push(l));
    const server = http.createServer(
      withRequestLog(
        async (req, res) => {
          for await (const _ of req);
          if (req.url?.startsWith('/boom')) {
            // a database error that quotes its parameters, as drizzle's do
            logError('request failed', new Error(`Failed query: update retailers set phone = $1\nparams: ${PHONE},张伟`), { requestId: req.headers['x-request-id'] });
            res.statusCode = 500;
          } else res.statusCode = req.method === 'POST' ? 401 : 200;
          res.end('{}');
        },
        { userIdOf: async (req) => (req.headers.cookie ? 42 : null) },
      ),
    );
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    const cookie = 'next-auth.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0.secret-cookie-value';
    try {
      await fetch(`${origin}/retailers?q=${PHONE}&page=2`, { headers: { cookie } });
      await fetch(`${origin}/api/auth/callback/credentials`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-request-id': 'client-chosen-id-123' },
        body: new URLSearchParams({ username: 'mgr1', password: PASSWORD }),
      });
      await fetch(`${origin}/boom`, { headers: { cookie } });
      log('info', 'with fields', { userId: 7, password: PASSWORD, owner: '张伟', phone: PHONE, note: `call ${PHONE}` });
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      server.close();
      setLogSink(prev);
    }
    const all = lines.join('\n');
    const parsed = parseLines(all);
    const requests = parsed.filter((l) => l.msg === 'request');
    expect(requests).toHaveLength(3);
    for (const r of requests) for (const f of REQUEST_FIELDS) expect(r, `field ${f}`).toHaveProperty(f);
    expect(requests[0]).toMatchObject({ method: 'GET', path: '/retailers', queryKeys: ['q', 'page'], status: 200, userId: 42 });
    // a client cannot choose its request id unless a trusted proxy sets it
    expect(requests[1]).toMatchObject({ method: 'POST', path: '/api/auth/callback/credentials', status: 401, userId: null });
    expect(requests[1].requestId).not.toBe('client-chosen-id-123');
    const error = parsed.find((l) => l.msg === 'request failed') as { error: { stack: string }; requestId: string };
    expect(error.error.stack).toContain('logs.test.ts');
    expect(error.requestId).toBe(requests[2].requestId);
    expect(parsed.find((l) => l.msg === 'with fields')).toMatchObject({ userId: 7, password: '[redacted]', owner: '[redacted]', phone: '[redacted]', note: 'call [phone]' });
    expectClean(all, [PASSWORD, 'secret-cookie-value', PHONE, '张伟']);
  });
});

const skipServer = productionServerSkipReason();
if (skipServer) console.warn(`[logs test] production-server part skipped: ${skipServer}`);

describe.skipIf(!!skipServer)('the production server', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rounds-logs-'));
  let child: ChildProcess | undefined;
  afterAll(() => {
    child?.kill('SIGKILL');
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('logs sign-in attempts and pages as JSON lines with the user id, never the password or the cookie', async () => {
    const dir = path.join(tmp, 'db');
    const handle = await openDb({ dir });
    await migrate(handle);
    const org = await makeOrg(handle.db);
    await handle.close();

    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOSTNAME: '127.0.0.1', NODE_ENV: 'production', PGLITE_DIR: dir, NEXTAUTH_URL: origin, NEXTAUTH_SECRET: 'logs-test-secret-logs-test-secret', ESCALATION_INTERVAL_MS: '0' };
    delete env.DATABASE_URL;
    child = spawn(process.execPath, ['server.mjs'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr!.on('data', (b: Buffer) => (err += b.toString()));
    await waitHealthy(origin);

    const signIn = async (password: string) => {
      const csrf = await fetch(`${origin}/api/auth/csrf`);
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      const jar = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      const res = await fetch(`${origin}/api/auth/callback/credentials`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar },
        body: new URLSearchParams({ csrfToken, username: 'mgr1', password, json: 'true' }),
      });
      await res.arrayBuffer();
      return res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.includes('session-token'));
    };
    expect(await signIn(PASSWORD)).toBeUndefined();
    const session = await signIn(org.password);
    expect(session).toBeDefined();
    const page = await fetch(`${origin}/retailers?q=${PHONE}`, { headers: { cookie: session! }, redirect: 'manual' });
    await page.arrayBuffer();
    const api = await fetch(`${origin}/api/v1/visits`, { method: 'POST', headers: { cookie: session!, origin, 'content-type': 'application/json' }, body: '{"clientId":"x"}' });
    await api.arrayBuffer();
    await new Promise((r) => setTimeout(r, 300));
    child.kill('SIGTERM');

    // Next prints its own banner while starting ("✓ Running next.config.mjs …"); from our ready
    // line on, every line is JSON
    const from = out.indexOf('{"time"');
    expect(from).toBeGreaterThanOrEqual(0);
    const lines = parseLines(out.slice(from));
    expect(lines[0]).toMatchObject({ level: 'info', msg: 'ready' });
    const requests = lines.filter((l) => l.msg === 'request');
    for (const r of requests) for (const f of REQUEST_FIELDS) expect(r, `field ${f} in ${JSON.stringify(r)}`).toHaveProperty(f);
    const callbacks = requests.filter((r) => r.path === '/api/auth/callback/credentials');
    expect(callbacks).toHaveLength(2);
    expect(callbacks.every((r) => r.method === 'POST' && r.userId === null)).toBe(true);
    expect(requests.find((r) => r.path === '/retailers')).toMatchObject({ queryKeys: ['q'], userId: org.users.mgr1.id, status: 200 });
    expect(requests.find((r) => r.path === '/api/v1/visits')).toMatchObject({ method: 'POST', status: 400, userId: org.users.mgr1.id });
    const sessionValue = session!.split('=')[1];
    expectClean(out + err, [PASSWORD, org.password, sessionValue, PHONE, '张伟']);
    console.log(`[logs test] ${requests.length} request lines, e.g. ${JSON.stringify(requests.find((r) => r.path === '/retailers'))}`);
  }, 120_000);
});
