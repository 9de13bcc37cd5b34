import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { DbLockedError, lockPathFor, openDb, rawRows } from '@/db/index';

const dirs: string[] = [];
const children: ChildProcess[] = [];
function tempDir() {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'rounds-lock-'));
  dirs.push(d);
  return path.join(d, 'db');
}

function holdInChild(dir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/fixtures/hold-pglite.ts', dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (b: Buffer) => b.toString().includes('READY') && resolve(child));
    child.on('exit', (code) => reject(new Error(`holder exited with ${code}`)));
  });
}

afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('PGlite is one process per data directory', () => {
  it('a second process gets a clear error naming the holder', async () => {
    const dir = tempDir();
    const child = await holdInChild(dir);
    const holderPid = Number(fs.readFileSync(lockPathFor(dir), 'utf8'));
    expect(holderPid).toBeGreaterThan(0);
    const err = await openDb({ dir }).catch((e) => e);
    expect(err).toBeInstanceOf(DbLockedError);
    expect(err.message).toContain(String(holderPid));
    expect(err.message).toContain('正被进程');
    child.kill('SIGKILL');
  });

  it('a lock left by a killed process is taken over, and the data is intact', async () => {
    const dir = tempDir();
    const first = await openDb({ dir });
    await first.db.execute(sql`create table t (n int)`);
    await first.db.execute(sql`insert into t values (1), (2)`);
    await first.close();

    const child = await holdInChild(dir);
    const pid = child.pid!;
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(fs.readFileSync(lockPathFor(dir), 'utf8')).toBe(String(pid)); // the dead holder's lock is still there

    const again = await openDb({ dir });
    const rows = await rawRows<{ n: number }>(again.db, sql`select sum(n)::int as n from t`);
    expect(rows[0].n).toBe(3);
    expect(fs.readFileSync(lockPathFor(dir), 'utf8')).toBe(String(process.pid));
    await again.close();
    expect(fs.existsSync(lockPathFor(dir))).toBe(false);
  });
});
