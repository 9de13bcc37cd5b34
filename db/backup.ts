// Backup and restore of either database (npm run db:backup / db:restore, scripts/backup.ts).
// PostgreSQL: pg_dump's custom format, taken online (one consistent snapshot while the server runs)
// and restored with pg_restore in one transaction. PGlite: the data directory as a .tar.gz
// (PGlite's dumpDataDir / loadDataDir); PGlite is one process per directory, so the server must be
// stopped for both: the lock in db/index.ts refuses with the running process's id otherwise.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { acquirePgliteLock, rawRows, type Db } from './index';

export type BackupKind = 'postgres' | 'pglite';

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

/** pg_dump / pg_restore on the PATH (or PG_BIN), with their major version; null when missing. */
export function pgTool(name: 'pg_dump' | 'pg_restore'): { path: string; major: number } | null {
  const bin = process.env.PG_BIN ? path.join(process.env.PG_BIN, name) : name;
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  if (r.status !== 0) return null;
  const m = /(\d+)(?:\.\d+)?/.exec(r.stdout);
  return { path: bin, major: m ? Number(m[1]) : 0 };
}

function runTool(name: 'pg_dump' | 'pg_restore', args: string[], url: string) {
  const tool = pgTool(name);
  if (!tool) throw new BackupError(`${name} not found: install the PostgreSQL client (apt-get install postgresql-client) or set PG_BIN`);
  // the URL goes through the environment, not argv, so a password in it never shows in `ps`
  const r = spawnSync(tool.path, [...args, '--dbname', 'postgres:///'], {
    encoding: 'utf8',
    env: { ...process.env, ...libpqEnv(url) },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new BackupError(`${name} failed (exit ${r.status ?? r.signal}): ${(r.stderr || r.stdout).trim().slice(0, 2000)}`);
  return r;
}

/** libpq environment variables for a postgres:// URL (PGPASSWORD stays out of the command line). */
function libpqEnv(url: string): Record<string, string> {
  const u = new URL(url);
  const env: Record<string, string> = {};
  if (u.hostname) env.PGHOST = decodeURIComponent(u.hostname);
  if (u.port) env.PGPORT = u.port;
  if (u.username) env.PGUSER = decodeURIComponent(u.username);
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  const db = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (db) env.PGDATABASE = db;
  const ssl = u.searchParams.get('sslmode');
  if (ssl) env.PGSSLMODE = ssl;
  return env;
}

function writeAtomically(file: string, write: (tmp: string) => void | Promise<void>) {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const tmp = `${file}.partial`;
  return Promise.resolve(write(tmp)).then(
    () => fs.renameSync(tmp, file),
    (e) => {
      fs.rmSync(tmp, { force: true });
      throw e;
    },
  );
}

/** pg_dump -Fc of the whole database (schema, data, drizzle's migration journal). */
export async function backupPostgres(url: string, file: string) {
  await writeAtomically(file, (tmp) => {
    runTool('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', '--file', tmp], url);
  });
  return { kind: 'postgres' as const, file, bytes: fs.statSync(file).size };
}

/**
 * pg_restore into `url`, all or nothing (one transaction). An empty database is expected; with
 * `replace` the objects in the dump are dropped and recreated first.
 */
export async function restorePostgres(url: string, file: string, opts: { replace?: boolean } = {}) {
  if (kindOfBackup(file) !== 'postgres') throw new BackupError(`${file} is not a pg_dump custom-format backup`);
  const { default: postgres } = await import('postgres');
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [{ n }] = await client<{ n: number }[]>`select count(*)::int as n from information_schema.tables where table_schema = 'public'`;
    if (n > 0 && !opts.replace) {
      throw new BackupError(`the target database already has ${n} tables: restore into a new empty database, or pass --replace to drop and recreate what the backup holds`);
    }
  } finally {
    await client.end();
  }
  const args = ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction'];
  if (opts.replace) args.push('--clean', '--if-exists');
  runTool('pg_restore', [...args, file], url);
  return { kind: 'postgres' as const };
}

/** The PGlite data directory as a gzipped tarball. The directory must not be open elsewhere. */
export async function backupPglite(dir: string, file: string) {
  if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) throw new BackupError(`${dir} is not a PGlite data directory`);
  const release = acquirePgliteLock(dir);
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const client = await PGlite.create(dir);
    try {
      const blob = await client.dumpDataDir('gzip');
      await writeAtomically(file, async (tmp) => fs.writeFileSync(tmp, Buffer.from(await blob.arrayBuffer())));
    } finally {
      await client.close();
    }
  } finally {
    release();
  }
  return { kind: 'pglite' as const, file, bytes: fs.statSync(file).size };
}

/**
 * Unpacks a PGlite backup into `dir`. An existing directory with data is never deleted: with
 * `replace` it is moved aside to `<dir>.before-restore-<time>`, and the new path is returned.
 */
export async function restorePglite(file: string, dir: string, opts: { replace?: boolean } = {}) {
  if (kindOfBackup(file) !== 'pglite') throw new BackupError(`${file} is not a PGlite (.tar.gz) backup`);
  let movedAside: string | undefined;
  const release = acquirePgliteLock(dir);
  try {
    const hasData = fs.existsSync(dir) && fs.readdirSync(dir).length > 0;
    if (hasData) {
      if (!opts.replace) throw new BackupError(`${dir} already holds a database: pass --replace to move it aside and restore, or choose another PGLITE_DIR`);
      movedAside = `${dir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      fs.renameSync(dir, movedAside);
    }
    fs.mkdirSync(dir, { recursive: true });
    const { PGlite } = await import('@electric-sql/pglite');
    const client = await PGlite.create({ dataDir: dir, loadDataDir: new Blob([fs.readFileSync(file)]) });
    try {
      await client.query('select 1');
    } finally {
      await client.close();
    }
  } catch (e) {
    if (movedAside) {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.renameSync(movedAside, dir);
      movedAside = undefined;
    }
    throw e;
  } finally {
    release();
  }
  return { kind: 'pglite' as const, movedAside };
}

/** Which kind of backup a file is, from its first bytes: pg_dump's "PGDMP" or gzip's 1f 8b. */
export function kindOfBackup(file: string): BackupKind | null {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(5);
    fs.readSync(fd, head, 0, 5, 0);
    if (head.toString('latin1') === 'PGDMP') return 'postgres';
    if (head[0] === 0x1f && head[1] === 0x8b) return 'pglite';
    return null;
  } finally {
    fs.closeSync(fd);
  }
}

/** Row count and a content checksum of every table (application and migration journal). */
export async function tableFingerprints(db: Db): Promise<Record<string, { rows: number; md5: string | null }>> {
  const tables = await rawRows<{ schema: string; name: string }>(
    db,
    sql`select table_schema as schema, table_name as name from information_schema.tables
        where table_type = 'BASE TABLE' and table_schema in ('public', 'drizzle') order by 1, 2`,
  );
  const out: Record<string, { rows: number; md5: string | null }> = {};
  for (const t of tables) {
    const ident = `"${t.schema}"."${t.name}"`;
    // each row as text, sorted by that text: the same rows give the same digest whatever their order on disk
    const [r] = await rawRows<{ rows: number; md5: string | null }>(
      db,
      sql.raw(`select count(*)::int as rows, md5(string_agg(x.r, E'\\n' order by x.r)) as md5 from (select t::text as r from ${ident} t) x`),
    );
    out[`${t.schema}.${t.name}`] = { rows: Number(r.rows), md5: r.md5 };
  }
  return out;
}
