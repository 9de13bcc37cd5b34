// Production server: `next start` with one change. Next keeps a client-sent X-Forwarded-For and
// only fills it from the socket when absent, so unless TRUST_PROXY=1 (a proxy we run sets it) the
// header is dropped here and rate limits see the real socket address.
import http from 'node:http';
import next from 'next';
import { decode } from 'next-auth/jwt';
import { log, withRequestLog } from './lib/log.mjs';

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? '0.0.0.0';
const app = next({ dev: false, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const trustProxy = process.env.TRUST_PROXY === '1';

// The request line names the user by id, read from the session cookie after the response is sent
// (the cookie itself is never logged).
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?next-auth\.session-token=([^;]+)/;
async function userIdOf(req) {
  const m = SESSION_COOKIE.exec(req.headers.cookie ?? '');
  if (!m || !process.env.NEXTAUTH_SECRET) return null;
  const token = await decode({ token: decodeURIComponent(m[1]), secret: process.env.NEXTAUTH_SECRET });
  return typeof token?.uid === 'number' ? token.uid : null;
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
    log('info', 'ready', { url: `http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${port}` });
  });
