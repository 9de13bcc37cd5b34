import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { openDb, type DbHandle } from '@/db/index';
import { migrate } from '@/db/migrate';

// A fresh, migrated database for one test file: a PGlite directory of its own, or, when
// TEST_DATABASE_URL is set, a new database created on that server. Never DATABASE_URL.
export async function createTestDb(): Promise<DbHandle & { cleanup: () => Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const { default: postgres } = await import('postgres');
    const name = `rounds_t_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const handle = await openDb({ url: url.toString() });
    await migrate(handle);
    return {
      ...handle,
      cleanup: async () => {
        await handle.close();
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rounds-pglite-'));
  const handle = await openDb({ dir: path.join(dir, 'db') });
  await migrate(handle);
  return {
    ...handle,
    cleanup: async () => {
      await handle.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
