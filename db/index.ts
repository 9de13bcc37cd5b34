import fs from 'node:fs';
import path from 'node:path';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import * as schema from './schema';

// Both drivers expose the same query builder; raw execute() differs ({rows} vs array), so code
// sticks to the builder and only uses execute() for statements whose result it ignores.
export type Db = PostgresJsDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export type DbHandle = { db: Db; driver: 'postgres' | 'pglite'; close: () => Promise<void> };

export class DbLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly holderPid: number,
  ) {
    super(
      `嵌入式数据库目录 ${dir} 正被进程 ${holderPid} 使用（PGlite 同一目录只能由一个进程打开）。` +
        `请先停止该进程，或设置 DATABASE_URL 使用 PostgreSQL。 / The embedded database ${dir} is in use by process ${holderPid}.`,
    );
    this.name = 'DbLockedError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function lockPathFor(dir: string) {
  return `${path.resolve(dir)}.lock`;
}

// PGlite is one process per data directory: two processes lose writes silently. The lock names its
// holder; a lock whose holder is dead (kill -9) is taken over.
export function acquirePgliteLock(dir: string): () => void {
  const lockPath = lockPathFor(dir);
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(lockPath, 'utf8').trim() === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = Number.parseInt(fs.readFileSync(lockPath, 'utf8').trim(), 10);
      if (Number.isFinite(holder) && holder !== process.pid && isAlive(holder)) {
        throw new DbLockedError(path.resolve(dir), holder);
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`could not take the lock ${lockPath}`);
}

export function defaultPgliteDir() {
  return process.env.PGLITE_DIR ?? path.join(process.cwd(), '.data', 'pglite');
}

export async function openDb(opts: { url?: string; dir?: string } = {}): Promise<DbHandle> {
  const url = opts.url ?? (opts.dir ? undefined : process.env.DATABASE_URL);
  if (url) {
    const { default: postgres } = await import('postgres');
    const client = postgres(url, { max: Number(process.env.DB_POOL_MAX ?? 10), onnotice: () => {} });
    // drizzle sends every query unnamed, so PostgreSQL parses and plans it each time; a page's
    // twenty-odd rollup reads are the same few statements, so they are kept prepared per connection
    const unsafe = client.unsafe.bind(client);
    const prepared = Object.assign(Object.create(client), {
      unsafe: (query: string, args?: unknown[], options?: Record<string, unknown>) => unsafe(query, args as never, args?.length ? { ...options, prepare: true } : options),
    }) as typeof client;
    const db = drizzlePostgres(prepared, { schema });
    return { db, driver: 'postgres', close: () => client.end({ timeout: 5 }) };
  }
  const dir = opts.dir ?? defaultPgliteDir();
  const release = acquirePgliteLock(dir);
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    fs.mkdirSync(dir, { recursive: true });
    const client = await PGlite.create(dir);
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    return {
      db,
      driver: 'pglite',
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}

// One client per process, created on first use so that `next build` never opens the data dir.
const holder = globalThis as unknown as { __roundsDb?: Promise<DbHandle> };

export function getDbHandle(): Promise<DbHandle> {
  holder.__roundsDb ??= openDb().catch((e) => {
    holder.__roundsDb = undefined;
    throw e;
  });
  return holder.__roundsDb;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

export { schema };

/** Rows of a raw SQL statement on either driver (postgres.js returns an array, PGlite {rows}). */
export async function rawRows<T = Record<string, unknown>>(db: DbOrTx, query: import('drizzle-orm').SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
