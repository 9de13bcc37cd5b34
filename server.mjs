// Production server: `next start` with one change. Next keeps a client-sent X-Forwarded-For and
// only fills it from the socket when absent, so unless TRUST_PROXY=1 (a proxy we run sets it) the
// header is dropped here and rate limits see the real socket address.
//
// WEB_CONCURRENCY=N (PostgreSQL only) serves with N worker processes sharing the port, one per core:
// a page renders on one core, so one process leaves the other cores to the database alone. The first
// worker applies migrations and runs the schedules; the others start once it listens, and a worker
// that dies is replaced.
import cluster from 'node:cluster';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import next from 'next';
import { decode } from 'next-auth/jwt';
import { log, withRequestLog } from './lib/log.mjs';

let workers = Math.max(1, Number.parseInt(process.env.WEB_CONCURRENCY ?? '1', 10) || 1);
if (workers > 1 && !process.env.DATABASE_URL) {
  log('warn', 'WEB_CONCURRENCY needs PostgreSQL (the embedded database is one process); serving with one process', { asked: workers });
  workers = 1;
}

if (workers > 1 && cluster.isPrimary) {
  cluster.setupPrimary({ exec: fileURLToPath(import.meta.url) });
  let stopping = false;
  const envOf = new Map();
  const fork = (env) => {
    const w = cluster.fork(env);
    envOf.set(w.id, env);
    return w;
  };
  fork({ ROUNDS_WORKER: '1' }).once('listening', () => {
    for (let i = 2; i <= workers; i++) fork({ ROUNDS_WORKER: String(i), ESCALATION_INTERVAL_MS: '0' });
  });
  cluster.on('exit', (w, code, signal) => {
    const env = envOf.get(w.id);
    envOf.delete(w.id);
    if (stopping) {
      if (envOf.size === 0) process.exit(0);
      return;
    }
    log('error', 'worker exited; starting another', { worker: env?.ROUNDS_WORKER ?? null, code, signal });
    fork(env);
  });
  for (const sig of ['SIGTERM', 'SIGINT']) {
    process.on(sig, () => {
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
      setTimeout(() => process.exit(0), 5000).unref();
    });
  }
} else {
  await serve();
}

async function serve() {
  const port = Number(process.env.PORT ?? 3000);
  const hostname = process.env.HOSTNAME ?? '0.0.0.0';
  const app = next({ dev: false, hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();

  const trustProxy = process.env.TRUST_PROXY === '1';

  // The request line names the user by id, read from the session cookie after the response is sent
  // (the cookie itself is never logged).
  // A token is decrypted once: the same cookie names the same user (a few hundred recent ones kept).
  const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?next-auth\.session-token=([^;]+)/;
  const userIds = new Map();
  async function userIdOf(req) {
    const m = SESSION_COOKIE.exec(req.headers.cookie ?? '');
    if (!m || !process.env.NEXTAUTH_SECRET) return null;
    if (userIds.has(m[1])) return userIds.get(m[1]);
    const token = await decode({ token: decodeURIComponent(m[1]), secret: process.env.NEXTAUTH_SECRET }).catch(() => null);
    const uid = typeof token?.uid === 'number' ? token.uid : null;
    if (userIds.size >= 500) userIds.delete(userIds.keys().next().value);
    userIds.set(m[1], uid);
    return uid;
  }

  http
    .createServer(
      withRequestLog(
        (req, res) => {
          if (!trustProxy) {
            delete req.headers['x-forwarded-for'];
            delete req.headers['x-real-ip'];
          }
          return handle(req, res);
        },
        { trustProxy, userIdOf },
      ),
    )
    .listen(port, hostname, () => {
      log('info', 'ready', { url: `http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${port}`, ...(cluster.isWorker ? { worker: process.env.ROUNDS_WORKER, pid: process.pid } : {}) });
    });
}
