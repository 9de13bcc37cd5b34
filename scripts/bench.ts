// npm run bench [-- --scale city|large|demo] — on PostgreSQL only, by hand, never in CI.
// BENCH_PROCESSES=N (default 2) also serves the pages with N worker processes after the run with one.
// Seeds the scale when its database is empty, serves the production build, then reports:
//  - each dashboard page: p50 / p95 time to the last byte at 1 and at 10 concurrent requests, and
//    the CPU each request took in the server (render) and in PostgreSQL (reads) during the c=10 run;
//  - the same figures computed by plain joins over the facts (tests/oracle), the baseline;
//  - submitting a visit with 40 stock lines: server time p50 / p95 (issue: ≤ 150 ms p95).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { openDb, rawRows } from '../db/index';
import { retailers, specs, users } from '../db/schema';
import { getEligibleKeySpecIds } from '../db/queries/visits';
import { runAction } from '../lib/action';
import { submitVisitSpec } from '../lib/visits/submit';
import { today } from '../lib/clock';
import { postgresCpu, serverCpu } from './lib/cpu';
import { load, q } from './lib/load';
import { freePort, signIn, waitHealthy } from './lib/server';
import { addDays, monthStart, weekStart } from '../lib/time';
import { oracleComplaintWeek, oracleSellThrough, oracleShelving, oracleStock, oracleTarget, oracleVisitCompletion } from '../tests/oracle/sql';

// the dashboard queries are server code ('server-only' throws outside React's server build)
const require = createRequire(import.meta.url);
const serverOnly = require.resolve('server-only');
(require.cache as Record<string, unknown>)[serverOnly] = { id: serverOnly, filename: serverOnly, loaded: true, exports: {} };
const dash = await import('../db/queries/dashboard');

const args = process.argv.slice(2);
const scale = args[args.indexOf('--scale') + 1] && args.includes('--scale') ? args[args.indexOf('--scale') + 1] : 'city';
const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `rounds_bench_${scale}`;
const adminUrl = new URL(base);
const url = new URL(base);
url.pathname = `/${dbName}`;
const root = process.cwd();
const out: Record<string, unknown> = { scale, at: new Date().toISOString() };

const ms = (n: number) => `${n.toFixed(1)} ms`;

/** The median time of `runs` calls, one after the other. */
async function medianMs(fn: () => Promise<unknown>, runs: number) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    await fn();
    times.push(performance.now() - s);
  }
  return q(times, 50);
}

async function ensureDatabase() {
  const { default: postgres } = await import('postgres');
  const admin = postgres(adminUrl.toString(), { max: 1, onnotice: () => {} });
  const exists = await admin`select 1 from pg_database where datname = ${dbName}`;
  if (exists.length === 0) await admin.unsafe(`create database ${dbName}`);
  await admin.end();
}

async function main() {
  await ensureDatabase();
  const env = { ...process.env, DATABASE_URL: url.toString() };
  console.log(`[bench] ${scale} on ${dbName}`);
  const t0 = Date.now();
  const seeded = spawnSync('npx', ['tsx', 'db/seed/cli.ts', '--scale', scale, '--if-empty'], { stdio: 'inherit', env });
  if (seeded.status !== 0) process.exit(1);
  out.seedSeconds = (Date.now() - t0) / 1000;

  const handle = await openDb({ url: url.toString() });
  const db = handle.db;
  const counts = await rawRows<{ visits: number; lines: number; orders: number }>(
    db,
    sql`select (select count(*) from visits)::int as visits, (select count(*) from visit_stock_lines)::int as lines, (select count(*) from order_lines)::int as orders`,
  );
  out.rows = counts[0];
  console.log('[bench] rows', counts[0]);

  // --- the baseline: the dashboard figures by plain joins over the facts, team 1, this week/month
  const day = today();
  const week = weekStart(day);
  const range = { from: week, to: addDays(week, 6) };
  const baseline: Record<string, number> = {};
  const timeIt = async (name: string, fn: () => Promise<unknown>) => (baseline[name] = await medianMs(fn, 3));
  await timeIt('visits', () => oracleVisitCompletion(db, 1, range));
  await timeIt('shelving', () => oracleShelving(db, 1, range));
  await timeIt('sell-through', () => oracleSellThrough(db, 1, range));
  await timeIt('inventory', () => oracleStock(db, 1, range.to));
  await timeIt('complaints', () => oracleComplaintWeek(db, 1, week));
  await timeIt('targets', () => oracleTarget(db, 1, monthStart(day)));
  out.baselineMs = baseline;

  // --- the same figures as the dashboards read them, from the rollups, for team 1's supervisor
  const [sup] = await db.select({ id: users.id, teamId: users.teamId, branchId: users.branchId }).from(users).where(eq(users.username, 'sup1'));
  const scope = { role: 'supervisor' as const, userId: sup.id, teamId: sup.teamId, branchId: sup.branchId };
  const wk = { kind: 'week' as const, start: week };
  const mo = { kind: 'month' as const, start: monthStart(day) };
  const fw = (await dash.resolveFilter(db, scope, { period: wk }))!;
  const fm = (await dash.resolveFilter(db, scope, { period: mo }))!;
  const rollup: Record<string, number> = {};
  const timeRollup = async (name: string, fn: () => Promise<unknown>) => (rollup[name] = await medianMs(fn, 5));
  await timeRollup('visits', () => dash.getVisitSums(db, scope, fw, range));
  await timeRollup('shelving', () => dash.getPeriodSums(db, scope, fw, [wk], 'brand'));
  await timeRollup('sell-through', () => dash.getPeriodSums(db, scope, fw, [wk], 'spec'));
  await timeRollup('inventory', () => Promise.all([dash.getPeriodSums(db, scope, fw, [wk]), dash.getStockRetailers(db, scope, fw, [wk])]));
  await timeRollup('complaints', () => dash.getComplaintWeeks(db, scope, fw, [week]));
  await timeRollup('targets', () => Promise.all([dash.getPeriodSums(db, scope, fm, [mo]), dash.getTargets(db, scope, fm, mo.start)]));
  out.rollupMs = rollup;
  out.baselineOverRollup = Object.fromEntries(Object.keys(baseline).map((k) => [k, Number((baseline[k] / rollup[k]).toFixed(1))]));
  for (const k of Object.keys(baseline))
    console.log(`[bench] ${k.padEnd(13)} raw joins ${ms(baseline[k])} | rollups ${ms(rollup[k])} | ×${(baseline[k] / rollup[k]).toFixed(1)}`);

  // --- a visit with 40 stock lines, through the same wrapper as the route handler
  const [mgr] = await db.select({ id: users.id, teamId: users.teamId, branchId: users.branchId, name: users.name }).from(users).where(eq(users.username, 'mgr1'));
  const shops = await db.select({ id: retailers.id, grade: retailers.grade, area: retailers.area }).from(retailers).where(and(eq(retailers.managerId, mgr.id), eq(retailers.active, true))).limit(120);
  const specIds = (await db.select({ id: specs.id }).from(specs)).map((s) => s.id);
  const user = { userId: mgr.id, username: 'mgr1', name: mgr.name, role: 'manager' as const, teamId: mgr.teamId, branchId: mgr.branchId };
  const headers = new Headers({ origin: 'http://bench', host: 'bench' });
  const submitTimes: number[] = [];
  for (const [i, shop] of shops.entries()) {
    const keys = await getEligibleKeySpecIds(db, shop, monthStart(day));
    const ids = [...new Set([...keys, ...specIds])].slice(0, 40);
    const start = new Date(Date.now() - (i % 5) * 60_000 - 30 * 60_000);
    const s = performance.now();
    const r = await runAction(submitVisitSpec, { user, headers, db, ip: '127.0.0.1' }, {
      clientId: randomUUID(),
      retailerId: shop.id,
      startedAt: start.toISOString(),
      endedAt: new Date(start.getTime() + 10 * 60_000).toISOString(),
      deviceSentAt: new Date().toISOString(),
      sections: Object.fromEntries(['ask', 'look', 'introduce', 'tidy', 'collect', 'answer', 'record'].map((k) => [k, { done: true }])),
      illegalFound: false,
      stockLines: ids.map((id, j) => ({ specId: id, stock: (i + j) % 30, onCounter: j % 3 !== 0, priceTagOk: true })),
    });
    if (!r.ok) throw new Error(`visit refused: ${JSON.stringify(r)}`);
    if (i >= 5) submitTimes.push(performance.now() - s); // the first few warm the caches
  }
  out.submitVisit40Lines = { n: submitTimes.length, p50: q(submitTimes, 50), p95: q(submitTimes, 95) };
  console.log(`[bench] submit a visit with 40 lines: p50 ${ms(q(submitTimes, 50))}, p95 ${ms(q(submitTimes, 95))} (n=${submitTimes.length})`);
  await handle.close();

  // --- the dashboards over HTTP against the production build
  if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) spawnSync('npx', ['next', 'build'], { stdio: 'inherit' });
  // one server process, then one per core (WEB_CONCURRENCY, server.mjs)
  const processes = [...new Set([1, Number(process.env.BENCH_PROCESSES ?? 2)])];
  for (const n of processes) {
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    const server: ChildProcess = spawn('node', ['server.mjs'], {
      env: { ...env, PORT: String(port), HOSTNAME: '127.0.0.1', NODE_ENV: 'production', WEB_CONCURRENCY: String(n), NEXTAUTH_SECRET: 'bench-secret-bench-secret-bench', NEXTAUTH_URL: origin },
      stdio: 'ignore',
    });
    try {
      await waitHealthy(origin);
      await new Promise((r) => setTimeout(r, 3000)); // every worker listening
      const pages: Record<string, Record<string, unknown>> = {};
      const who = ['sup1', 'branch1'];
      const paths = ['/dashboard', '/dashboard/inventory', '/dashboard/sell-through', '/dashboard/shelving', '/dashboard/complaints', '/dashboard/targets', '/dashboard/visits'];
      const cookies = Object.fromEntries(await Promise.all(who.map(async (w) => [w, await signIn(origin, w)] as const)));
      // a server that has run for a while: every page 100 times per worker first, so that each
      // worker's JIT has compiled the render path and each connection has prepared its statements
      // (measured: a fresh process spent about a third more CPU on its first few hundred renders)
      const warmStart = performance.now();
      for (const w of who) for (const page of paths) await load(`${origin}${page}`, cookies[w], 10, 100 * n);
      console.log(`[bench] ${n}p warm-up: ${who.length * paths.length * 100 * n} pages in ${ms(performance.now() - warmStart)}`);
      for (const w of who) {
        const cookie = cookies[w];
        for (const page of paths) {
          const one = await load(`${origin}${page}`, cookie, 1, 20);
          const [node0, pg0] = [serverCpu(), postgresCpu()];
          const ten = await load(`${origin}${page}`, cookie, 10, 100);
          // CPU per request during the c=10 run: the page's render (Node) and its reads (PostgreSQL)
          const nodeMs = (serverCpu() - node0) / ten.n;
          const pgMs = (postgresCpu() - pg0) / ten.n;
          pages[`${w} ${page}`] = { c1p50: one.p50, c1p95: one.p95, c10p50: ten.p50, c10p95: ten.p95, nodeCpuMs: nodeMs, pgCpuMs: pgMs };
          console.log(
            `[bench] ${n}p ${w.padEnd(8)} ${page.padEnd(26)} c=1 p50 ${ms(one.p50)} p95 ${ms(one.p95)} | c=10 p50 ${ms(ten.p50)} p95 ${ms(ten.p95)} | CPU/request node ${ms(nodeMs)} pg ${ms(pgMs)}`,
          );
        }
      }
      out[n === 1 ? 'pages' : `pages${n}Processes`] = pages;
    } finally {
      server.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 1500));
    }
  }
  console.log('[bench] raw-join baseline (team 1, ms):', Object.fromEntries(Object.entries(baseline).map(([k, v]) => [k, Number(v.toFixed(1))])));
  console.log('[bench] raw joins ÷ rollups:', out.baselineOverRollup);
  const file = path.join(root, '.data', `bench-${scale}.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(out, null, 2));
  console.log(`[bench] written to ${file}`);
}

await main();
