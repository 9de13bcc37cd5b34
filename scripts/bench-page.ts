// npm run bench:page -- <origin> <path> [--as sup1] [--n 200] [--warm 200] — one page of a running
// server (npm start, on PostgreSQL) at 10 concurrent requests: p50 / p95 to the last byte and the
// CPU each request took in the server and in PostgreSQL. For trying a change to one page without
// the whole `npm run bench`.
import { postgresCpu, serverCpu } from './lib/cpu';
import { signIn } from './lib/server';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
const [origin, page] = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (!origin || !page) throw new Error('usage: npm run bench:page -- http://127.0.0.1:3000 /dashboard/inventory [--as sup1] [--n 200] [--warm 200]');
const n = Number(opt('n', '200'));
const warm = Number(opt('warm', '200'));
const cookie = await signIn(origin, opt('as', 'sup1'));

async function get() {
  const t0 = performance.now();
  const res = await fetch(origin + page, { headers: { cookie } });
  const body = await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${page} answered ${res.status}`);
  return { ms: performance.now() - t0, bytes: body.byteLength };
}
async function run(total: number) {
  const times: number[] = [];
  let next = 0;
  let bytes = 0;
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (next < total) {
        next++;
        const r = await get();
        times.push(r.ms);
        bytes = r.bytes;
      }
    }),
  );
  return { times: times.sort((a, b) => a - b), bytes };
}

await run(warm);
const [node0, pg0, t0] = [serverCpu(), postgresCpu(), performance.now()];
const { times, bytes } = await run(n);
const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(0);
console.log(
  `${page} c=10 n=${n}: p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, ${((n / (performance.now() - t0)) * 1000).toFixed(1)} pages/s, ` +
    `CPU/request node ${((serverCpu() - node0) / n).toFixed(1)} ms, pg ${((postgresCpu() - pg0) / n).toFixed(1)} ms, ${bytes} bytes`,
);
