import path from 'node:path';
import type { DbHandle } from './index';

export const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

export async function migrate(handle: DbHandle) {
  if (handle.driver === 'pglite') {
    const { migrate: run } = await import('drizzle-orm/pglite/migrator');
    await run(handle.db as never, { migrationsFolder });
  } else {
    const { migrate: run } = await import('drizzle-orm/postgres-js/migrator');
    await run(handle.db, { migrationsFolder });
  }
}
