// Exactly-once across a crash: four managers' devices stream visits to the visit endpoint's code path in a
// process of its own; the process is killed with SIGKILL in the middle and started again on the
// same database; each device re-sends what was not acknowledged, with the same client UUID. Every
// visit must be stored once, with all its stock lines. On PGlite, or PostgreSQL with TEST_DATABASE_URL.
// scripts/crash.ts (npm run bench:crash) does the same against the production server.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openDb, type DbHandle } from '@/db/index';
import { retailers, routes, users } from '@/db/schema';
import { migrate } from '@/db/migrate';
import { dateInTz } from '@/lib/time';
import { freePort } from '../scripts/lib/server';
import { baseline, countOutcome, makeVisits, runCrashTrial, type RunningServer, type TrialClient } from '../scripts/lib/crash-trial';
import { makeWorld } from './helpers/fixture';

const serverUrl = process.env.TEST_DATABASE_URL;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rounds-crash-'));
const dir = path.join(tmp, 'db');
const dbName = `rounds_t_${randomUUID().replace(/-/g, '').slice(0, 12)}_crash`;
const dbUrl = serverUrl ? Object.assign(new URL(serverUrl), { pathname: `/${dbName}` }).toString() : undefined;
const open = () => (dbUrl ? openDb({ url: dbUrl }) : openDb({ dir }));
const children = new Set<ChildProcess>();

afterAll(async () => {
  for (const c of children) c.kill('SIGKILL');
  if (serverUrl) {
    const { default: postgres } = await import('postgres');
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function startEndpoint(port: number): Promise<RunningServer> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port) };
  delete env.DATABASE_URL;
  delete env.PGLITE_DIR;
  if (dbUrl) env.DATABASE_URL = dbUrl;
  else env.PGLITE_DIR = dir;
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/lib/visit-endpoint.ts'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  children.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (b: Buffer) => b.toString().includes('READY') && resolve());
    child.once('exit', (code) => reject(new Error(`visit endpoint exited with ${code}`)));
  });
  return {
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
      children.delete(child);
    },
  };
}

it('a server killed mid-stream and restarted stores every visit exactly once, with all its lines', async () => {
  let handle: DbHandle;
  if (serverUrl) {
    const { default: postgres } = await import('postgres');
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${dbName}`);
    await admin.end();
  }
  handle = await open();
  await migrate(handle);
  const w = await makeWorld(handle.db, dateInTz(new Date()));
  const specIds = w.specs.map((s) => s.id);
  // two more managers with a route and two shops each, so four devices send at once, one per manager
  const more = await Promise.all(
    [3, 4].map(async (n) => {
      const [team, branch] = n === 3 ? [w.t1.id, w.b1.id] : [w.t2.id, w.b2.id];
      const [hash] = await handle.db.select({ h: users.passwordHash }).from(users).where(eq(users.id, w.users.mgr1.id));
      const [u] = await handle.db.insert(users).values({ username: `mgr${n}`, name: `经理${n}`, role: 'manager', teamId: team, branchId: branch, passwordHash: hash.h }).returning({ id: users.id });
      const [r] = await handle.db.insert(routes).values({ code: `R${n}`, name: `线路${n}`, area: 'city', branchId: branch, teamId: team, managerId: u.id }).returning({ id: routes.id });
      const shops = await handle.db
        .insert(retailers)
        .values([1, 2].map((k) => ({ licenceNo: String(330200000000 + n * 10 + k), name: `店${n}-${k}`, owner: '店主', phone: '13900000000', address: '路', area: 'city' as const, format: 'convenience' as const, size: 'medium' as const, grade: 10, routeId: r.id, routeSeq: k, managerId: u.id, teamId: team, branchId: branch })))
        .returning({ id: retailers.id });
      return { id: u.id, shops: shops.map((s) => s.id) };
    }),
  );
  const managers = [
    { id: w.users.mgr1.id, shops: w.shops.slice(0, 3).map((s) => s.id) },
    { id: w.users.mgr2.id, shops: [w.shops[3].id] },
    ...more,
  ];
  const clients: TrialClient[] = managers.map((m, i) => ({
    name: `manager ${m.id}`,
    headers: { 'x-test-user-id': String(m.id) },
    submissions: makeVisits(m.shops, specIds, 25, i + 1),
  }));
  const before = await baseline(handle.db);
  await handle.close(); // PGlite: the endpoint process takes the directory

  const port = await freePort();
  const report = await runCrashTrial({
    origin: `http://127.0.0.1:${port}`,
    path: '/api/v1/visits',
    clients,
    server: await startEndpoint(port),
    restart: () => startEndpoint(port),
    killAfterAcks: 40,
    timeoutMs: 150_000,
  });

  handle = await open();
  const outcome = await countOutcome(handle.db, clients, report, before);
  await handle.close();
  const { acks: _acks, ...figures } = report;
  console.log(`[crash test] ${serverUrl ? 'PostgreSQL' : 'PGlite'}`, JSON.stringify({ ...figures, ...outcome }));

  expect(report.failed).toEqual([]);
  expect(report.killedAt).not.toBeNull();
  expect(report.acknowledged).toBe(outcome.expected);
  expect(report.duplicatesSameResult).toBe(report.duplicatesResent);
  expect(outcome).toMatchObject({
    receipts: outcome.expected,
    visitsByReceipt: outcome.expected,
    distinctVisits: outcome.expected,
    visitsAdded: outcome.expected,
    auditRowsAdded: outcome.expected,
    linesStored: outcome.linesExpected,
    visitsWithWrongLines: 0,
    acksMatchingReceipts: outcome.expected,
  });
}, 240_000);
