// Production server: `next start` with one change. Next keeps a client-sent X-Forwarded-For and
// only fills it from the socket when absent, so unless TRUST_PROXY=1 (a proxy we run sets it) the
// header is dropped here and rate limits see the real socket address.
import http from 'node:http';
import next from 'next';

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? '0.0.0.0';
const app = next({ dev: false, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

http
  .createServer((req, res) => {
    if (process.env.TRUST_PROXY !== '1') {
      delete req.headers['x-forwarded-for'];
      delete req.headers['x-real-ip'];
    }
    handle(req, res);
  })
  .listen(port, hostname, () => {
    console.log(`Rounds ready on http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${port}`);
  });
