// npm run bench:page -- <origin> <path> [--as sup1] [--n 200] [--warm 200] — one page of a running
// server (npm start, on PostgreSQL) at 10 concurrent requests: p50 / p95 to the last byte and the
// CPU each request took in the server and in PostgreSQL. For trying a change to one page without
// the whole `npm run bench`.
import { postgresCpu, serverCpu } from './lib/cpu';
import { load } from './lib/load';
import { signIn } from './lib/server';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
const [origin, page] = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (!origin || !page) throw new Error('usage: npm run bench:page -- http://127.0.0.1:3000 /dashboard/inventory [--as sup1] [--n 200] [--warm 200]');
const n = Number(opt('n', '200'));
const cookie = await signIn(origin, opt('as', 'sup1'));

await load(origin + page, cookie, 10, Number(opt('warm', '200')));
const [node0, pg0] = [serverCpu(), postgresCpu()];
const r = await load(origin + page, cookie, 10, n);
console.log(
  `${page} c=10 n=${r.n}: p50 ${r.p50.toFixed(0)} ms, p95 ${r.p95.toFixed(0)} ms, ${r.perSecond.toFixed(1)} pages/s, ` +
    `CPU/request node ${((serverCpu() - node0) / r.n).toFixed(1)} ms, pg ${((postgresCpu() - pg0) / r.n).toFixed(1)} ms, ${r.bytes} bytes`,
);
