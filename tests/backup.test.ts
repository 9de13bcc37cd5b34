// A backup restored into a fresh database holds every row: the row count and a checksum of the
// rows of every table match the source. PGlite always; PostgreSQL when TEST_DATABASE_URL is set
// and pg_dump / pg_restore are installed (skipped with the reason printed otherwise).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { backupPglite, backupPostgres, BackupError, kindOfBackup, pgTool, restorePglite, restorePostgres, tableFingerprints } from '@/db/backup';
import { DbLockedError, openDb, rawRows, type DbHandle } from '@/db/index';
import { migrate } from '@/db/migrate';
import { seed } from '@/db/seed/index';

const TODAY = '2026-11-26';
const serverUrl = process.env.TEST_DATABASE_URL;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rounds-backup-'));
const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
  fs.rmSync(work, { recursive: true, force: true });
});

async function seeded(handle: DbHandle) {
  await migrate(handle);
  await seed(handle.db, { scale: 'test', seed: 7, today: TODAY });
  // a row the seed does not write, so the receipts table is covered too
  await handle.db.execute(sql`insert into receipts (client_id, kind, user_id, result) select ${randomUUID()}, 'visit.submit', id, '{"visitId":"x"}'::jsonb from users order by id limit 1`);
}

function expectSame(a: Awaited<ReturnType<typeof tableFingerprints>>, b: Awaited<ReturnType<typeof tableFingerprints>>) {
  expect(Object.keys(b)).toEqual(Object.keys(a));
  expect(b).toEqual(a);
  const rows = Object.values(a).reduce((s, t) => s + t.rows, 0);
  const tables = Object.keys(a).length;
  console.log(`[backup test] ${tables} tables, ${rows} rows restored identically`);
  return { rows, tables };
}

describe.skipIf(!!serverUrl)('PGlite backup and restore', () => {
  it('restores every row of every table into a fresh directory; refuses while the directory is open elsewhere', async () => {
    const src = path.join(work, 'src');
    const source = await openDb({ dir: src });
    await seeded(source);
    const before = await tableFingerprints(source.db);
    await source.close();
    expect(before['public.visits'].rows).toBeGreaterThan(1000);
    expect(before['public.visit_stock_lines'].rows).toBeGreaterThan(10_000);

    const file = path.join(work, 'pglite.tar.gz');
    await backupPglite(src, file);
    expect(kindOfBackup(file)).toBe('pglite');

    const dst = path.join(work, 'dst');
    await restorePglite(file, dst);
    const restored = await openDb({ dir: dst });
    const after = await tableFingerprints(restored.db);
    // the restored database takes writes (sequences restored too)
    const [{ n }] = await rawRows<{ n: number }>(restored.db, sql`select count(*)::int as n from visits`);
    expect(n).toBe(before['public.visits'].rows);
    await restored.close();
    expectSame(before, after);

    // a restore never overwrites a database in place
    await expect(restorePglite(file, dst)).rejects.toBeInstanceOf(BackupError);

    // a running server holds the directory: the backup names it instead of copying a live directory
    const holder: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'tests/fixtures/hold-pglite.ts', dst], { stdio: ['ignore', 'pipe', 'inherit'] });
    cleanups.push(() => holder.kill('SIGKILL'));
    await new Promise<void>((resolve, reject) => {
      holder.stdout!.on('data', (b: Buffer) => b.toString().includes('READY') && resolve());
      holder.on('exit', (code) => reject(new Error(`holder exited with ${code}`)));
    });
    const err = await backupPglite(dst, path.join(work, 'live.tar.gz')).catch((e) => e);
    expect(err).toBeInstanceOf(DbLockedError);
    expect(err.message).toContain(String(holder.pid));
    expect(fs.existsSync(path.join(work, 'live.tar.gz'))).toBe(false);
    holder.kill('SIGKILL');
  }, 240_000);
});

const tools = [pgTool('pg_dump'), pgTool('pg_restore')];
const skipPg = !serverUrl ? 'TEST_DATABASE_URL is not set' : tools.some((t) => !t) ? 'pg_dump / pg_restore are not installed (apt-get install postgresql-client)' : '';
if (serverUrl && skipPg) console.warn(`[backup test] PostgreSQL backup test skipped: ${skipPg}`);

describe.skipIf(!!skipPg)('PostgreSQL backup and restore', () => {
  it('pg_dump -Fc restored with pg_restore into a fresh database holds every row of every table', async () => {
    const { default: postgres } = await import('postgres');
    const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
    const [{ v }] = await admin<{ v: string }[]>`show server_version_num`;
    const serverMajor = Math.floor(Number(v) / 10000);
    if (tools[0]!.major < serverMajor) {
      console.warn(`[backup test] skipped: pg_dump ${tools[0]!.major} cannot dump a PostgreSQL ${serverMajor} server`);
      await admin.end();
      return;
    }
    const names = ['src', 'dst'].map((k) => `rounds_t_${randomUUID().replace(/-/g, '').slice(0, 10)}_${k}`);
    const urls = names.map((n) => Object.assign(new URL(serverUrl!), { pathname: `/${n}` }).toString());
    for (const n of names) await admin.unsafe(`create database ${n}`);
    cleanups.push(async () => {
      for (const n of names) await admin.unsafe(`drop database if exists ${n} with (force)`);
      await admin.end();
    });

    const source = await openDb({ url: urls[0] });
    await seeded(source);
    const before = await tableFingerprints(source.db);
    const file = path.join(work, 'pg.dump');
    // online: taken while the source is open and in use
    await backupPostgres(urls[0], file);
    await source.close();
    expect(kindOfBackup(file)).toBe('postgres');

    await restorePostgres(urls[1], file);
    const restored = await openDb({ url: urls[1] });
    const after = await tableFingerprints(restored.db);
    await restored.close();
    expectSame(before, after);

    // into a database that already has tables: refused unless --replace
    await expect(restorePostgres(urls[1], file)).rejects.toBeInstanceOf(BackupError);
    await restorePostgres(urls[1], file, { replace: true });
    const again = await openDb({ url: urls[1] });
    expect(await tableFingerprints(again.db)).toEqual(before);
    await again.close();
  }, 240_000);
});
