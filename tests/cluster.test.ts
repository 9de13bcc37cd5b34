// server.mjs with WEB_CONCURRENCY: worker processes share the port on PostgreSQL, a dead worker is
// replaced, SIGTERM stops them all; on the embedded database it stays one process and says so.
// Needs a production build (else skipped, saying why); the PostgreSQL part needs TEST_DATABASE_URL.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '@/db/index';
import { migrate } from '@/db/migrate';
import { productionServerSkipReason } from '../scripts/lib/build-lock';
import { freePort, waitHealthy } from '../scripts/lib/server';

type Line = Record<string, unknown>;
const skipServer = productionServerSkipReason();
if (skipServer) console.warn(`[cluster test] skipped: ${skipServer}`);

const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
});

async function start(env: NodeJS.ProcessEnv) {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['server.mjs'], {
    env: { ...env, PORT: String(port), HOSTNAME: '127.0.0.1', NODE_ENV: 'production', NEXTAUTH_URL: origin, NEXTAUTH_SECRET: 'cluster-test-secret-cluster-test', ESCALATION_INTERVAL_MS: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr!.on('data', () => {});
  const lines = () =>
    out
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Line);
  const until = async (what: string, ok: (ls: Line[]) => boolean, ms = 30_000) => {
    for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 200))) if (ok(lines())) return;
    throw new Error(`timed out waiting for ${what}; log:\n${out.slice(-2000)}`);
  };
  await waitHealthy(origin);
  return { child, origin, lines, until };
}

const exited = (c: ChildProcess) => (c.exitCode !== null || c.signalCode !== null ? Promise.resolve() : new Promise<void>((r) => c.once('exit', () => r())));

describe.skipIf(!!skipServer)('serving with several processes', () => {
  it('on the embedded database stays one process and says why', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rounds-cluster-'));
    try {
      const handle = await openDb({ dir: path.join(dir, 'db') });
      await migrate(handle);
      await handle.close();
      const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DIR: path.join(dir, 'db'), WEB_CONCURRENCY: '2' };
      delete env.DATABASE_URL;
      const s = await start(env);
      await s.until('ready', (ls) => ls.some((l) => l.msg === 'ready'));
      const ls = s.lines();
      expect(ls.find((l) => l.msg?.toString().startsWith('WEB_CONCURRENCY needs PostgreSQL'))).toMatchObject({ level: 'warn', asked: 2 });
      expect(ls.filter((l) => l.msg === 'ready')).toHaveLength(1);
      expect(ls.find((l) => l.msg === 'ready')).not.toHaveProperty('worker');
      s.child.kill('SIGTERM');
      await exited(s.child);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);

  const serverUrl = process.env.TEST_DATABASE_URL;
  it.skipIf(!serverUrl)('on PostgreSQL: two workers answer, a killed one is replaced, SIGTERM stops them all', async () => {
    const { default: postgres } = await import('postgres');
    const name = `rounds_t_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    try {
      const s = await start({ ...process.env, DATABASE_URL: url.toString(), WEB_CONCURRENCY: '2' });
      const readyWorkers = () => s.lines().filter((l) => l.msg === 'ready');
      await s.until('two workers', () => readyWorkers().length === 2);
      expect(readyWorkers().map((l) => l.worker).sort()).toEqual(['1', '2']);
      const pids = readyWorkers().map((l) => Number(l.pid));
      expect(new Set([...pids, s.child.pid]).size).toBe(3);

      process.kill(pids[1], 'SIGKILL');
      await s.until('a replacement', () => readyWorkers().length === 3);
      const again = readyWorkers()[2];
      expect(again.worker).toBe(readyWorkers()[1].worker);
      expect(pids).not.toContain(Number(again.pid));
      expect(s.lines().find((l) => l.msg === 'worker exited; starting another')).toMatchObject({ level: 'error', signal: 'SIGKILL' });
      for (let i = 0; i < 6; i++) expect((await fetch(`${s.origin}/api/health`)).status).toBe(200);

      s.child.kill('SIGTERM');
      await exited(s.child);
      const alive = [pids[0], Number(again.pid)].filter((pid) => {
        try {
          process.kill(pid, 0);
          return true;
        } catch {
          return false;
        }
      });
      expect(alive).toEqual([]);
    } finally {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }, 120_000);
});
