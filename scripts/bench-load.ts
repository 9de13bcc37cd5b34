// npm run bench:load [-- --scale demo --seconds 20 --levels 10,50,200 --keep]
// A realistic mix against the production build on PostgreSQL (a database of its own, seeded, then
// dropped unless --keep): managers submit visits (POST /api/v1/visits, their own shops, a fresh
// client UUID each, Origin set, one visit at a time per manager as a device sends them) and
// supervisors and branch heads read dashboards, all with real session cookies. For each
// concurrency: throughput, p50 / p95 latency per kind, errors (non-2xx/3xx, timeouts). Writes
// .data/bench-load.json. By hand, never in CI.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { openDb } from '../db/index';
import { retailers, specs, users } from '../db/schema';
import { getEligibleKeySpecIds } from '../db/queries/visits';
import { today } from '../lib/clock';
import { monthStart } from '../lib/time';
import { benchBuild } from './lib/build-lock';
import { signIn } from './lib/server';
import { scratchDatabase, serve } from './lib/serve';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const scale = opt('--scale', 'demo');
const seconds = Number(opt('--seconds', '20'));
const levels = opt('--levels', '10,50,200').split(',').map(Number);
const keep = args.includes('--keep');
const PAGES = ['/dashboard', '/dashboard/inventory', '/dashboard/sell-through', '/dashboard/shelving', '/dashboard/visits', '/dashboard/complaints', '/dashboard/targets'];
const SECTIONS = ['ask', 'look', 'introduce', 'tidy', 'collect', 'answer', 'record'];

const q = (values: number[], p: number) => {
  if (!values.length) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

type Manager = { username: string; cookie: string; shops: { id: number; specIds: number[] }[] };
type Stat = { times: number[]; errors: number; timeouts: number; statuses: Record<string, number> };

async function timed(stat: Stat, run: () => Promise<Response>) {
  const t0 = performance.now();
  try {
    const res = await run();
    await res.arrayBuffer();
    const ms = performance.now() - t0;
    stat.statuses[res.status] = (stat.statuses[res.status] ?? 0) + 1;
    if (res.status >= 400) stat.errors++;
    else stat.times.push(ms);
  } catch (e) {
    if ((e as Error).name === 'TimeoutError') stat.timeouts++;
    else stat.errors++;
    stat.statuses.failed = (stat.statuses.failed ?? 0) + 1;
  }
}

async function main() {
  const buildEnv = benchBuild();
  const db = await scratchDatabase(`rounds_load_${scale}`);
  console.log(`[load] seeding ${scale} on ${db.url.replace(/\/\/[^@]*@/, '//')} …`);
  const t0 = Date.now();
  const seeded = spawnSync('npx', ['tsx', 'db/seed/cli.ts', '--scale', scale], { stdio: 'ignore', env: { ...process.env, DATABASE_URL: db.url } });
  if (seeded.status !== 0) throw new Error('seed failed');
  console.log(`[load] seeded in ${((Date.now() - t0) / 1000).toFixed(0)} s`);

  const handle = await openDb({ url: db.url });
  const month = monthStart(today());
  const allSpecs = (await handle.db.select({ id: specs.id }).from(specs).where(eq(specs.active, true))).map((s) => s.id);
  const mgrRows = await handle.db.select({ id: users.id, username: users.username }).from(users).where(eq(users.role, 'manager'));
  const readers = (await handle.db.select({ username: users.username, role: users.role }).from(users)).filter((u) => u.role === 'supervisor' || u.role === 'branch_head');
  const server = await serve({ buildEnv, databaseUrl: db.url, logName: 'bench-load-server' });
  const out: Record<string, unknown> = { scale, seconds, at: new Date().toISOString(), cpus: os.cpus().length, loadavg: os.loadavg(), levels: {} as Record<string, unknown> };
  try {
    const managers: Manager[] = [];
    for (const m of mgrRows) {
      const shops = await handle.db
        .select({ id: retailers.id, grade: retailers.grade, area: retailers.area })
        .from(retailers)
        .where(and(eq(retailers.managerId, m.id), eq(retailers.active, true)))
        .limit(40);
      const withSpecs = [];
      for (const s of shops) {
        const keys = await getEligibleKeySpecIds(handle.db, s, month);
        withSpecs.push({ id: s.id, specIds: [...new Set([...keys, ...allSpecs])].slice(0, Math.max(30, keys.length)) });
      }
      managers.push({ username: m.username, cookie: await signIn(server.origin, m.username), shops: withSpecs });
    }
    const readerCookies = await Promise.all(readers.map(async (r) => ({ username: r.username, cookie: await signIn(server.origin, r.username) })));
    console.log(`[load] ${managers.length} managers, ${readerCookies.length} dashboard readers signed in; ${os.cpus().length} cores, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);

    let visitNo = 0;
    const submit = (m: Manager) => {
      const shop = m.shops[visitNo++ % m.shops.length];
      const start = new Date(Date.now() - (30 + (visitNo % 120)) * 60_000);
      const body = {
        clientId: randomUUID(),
        retailerId: shop.id,
        startedAt: start.toISOString(),
        endedAt: new Date(start.getTime() + 11 * 60_000).toISOString(),
        deviceSentAt: new Date().toISOString(),
        sections: Object.fromEntries(SECTIONS.map((k) => [k, { done: true }])),
        illegalFound: false,
        stockLines: shop.specIds.map((specId, j) => ({ specId, stock: (visitNo + j) % 30, onCounter: j % 3 !== 0, priceTagOk: true })),
      };
      return fetch(`${server.origin}/api/v1/visits`, {
        method: 'POST',
        headers: { cookie: m.cookie, origin: server.origin, 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
    };

    // warm every page once
    for (const p of PAGES) await (await fetch(`${server.origin}${p}`, { headers: { cookie: readerCookies[0].cookie } })).arrayBuffer();

    const table: Record<string, string | number>[] = [];
    for (const c of levels) {
      // managers send one visit at a time each (a device's queue); half the clients at most submit
      const submitters = Math.min(Math.ceil(c / 2), managers.length);
      const stats = { visit: { times: [], errors: 0, timeouts: 0, statuses: {} } as Stat, page: { times: [], errors: 0, timeouts: 0, statuses: {} } as Stat };
      const deadline = performance.now() + seconds * 1000;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: c }, async (_, i) => {
          for (let n = 0; performance.now() < deadline; n++) {
            if (i < submitters) {
              const m = managers[i];
              await timed(stats.visit, () => submit(m));
            } else {
              const r = readerCookies[i % readerCookies.length];
              const page = PAGES[(i + n) % PAGES.length];
              await timed(stats.page, () => fetch(`${server.origin}${page}`, { headers: { cookie: r.cookie }, redirect: 'manual', signal: AbortSignal.timeout(30_000) }));
            }
          }
        }),
      );
      const elapsed = (performance.now() - started) / 1000;
      const all = [...stats.visit.times, ...stats.page.times];
      const errors = stats.visit.errors + stats.page.errors;
      const timeouts = stats.visit.timeouts + stats.page.timeouts;
      const row = {
        concurrency: c,
        submitters,
        readers: c - submitters,
        'req/s': Number(((all.length + errors + timeouts) / elapsed).toFixed(1)),
        'p50 ms': Math.round(q(all, 50)),
        'p95 ms': Math.round(q(all, 95)),
        'visits/s': Number((stats.visit.times.length / elapsed).toFixed(1)),
        'visit p50': Math.round(q(stats.visit.times, 50)),
        'visit p95': Math.round(q(stats.visit.times, 95)),
        'pages/s': Number((stats.page.times.length / elapsed).toFixed(1)),
        'page p50': Math.round(q(stats.page.times, 50)),
        'page p95': Math.round(q(stats.page.times, 95)),
        errors,
        timeouts,
      };
      table.push(row);
      (out.levels as Record<string, unknown>)[String(c)] = { ...row, visitStatuses: stats.visit.statuses, pageStatuses: stats.page.statuses, loadavg: os.loadavg() };
      console.log(`[load] c=${c}: ${JSON.stringify(row)} visit statuses ${JSON.stringify(stats.visit.statuses)} page statuses ${JSON.stringify(stats.page.statuses)}`);
    }
    console.table(table);
  } finally {
    await server.stop();
    await handle.close();
    if (!keep) await db.drop();
  }
  const file = path.join('.data', 'bench-load.json');
  fs.writeFileSync(file, JSON.stringify(out, null, 2));
  console.log(`[load] written to ${file}`);
}

await main();
process.exit(0);
