// npm run db:backup [-- --out FILE]
// npm run db:restore -- FILE [--replace]
// With DATABASE_URL: pg_dump -Fc (online, the server may keep running) / pg_restore in one
// transaction. Without: the PGlite directory (PGLITE_DIR or .data/pglite) as a .tar.gz; stop the
// server first, it holds the directory's lock. See README "Backups".
import fs from 'node:fs';
import path from 'node:path';
import { backupPglite, backupPostgres, BackupError, kindOfBackup, restorePglite, restorePostgres, tableFingerprints } from '../db/backup';
import { DbLockedError, defaultPgliteDir, openDb } from '../db/index';

const [command, ...rest] = process.argv.slice(2);
const flag = (name: string) => rest.includes(name);
const option = (name: string) => (rest.includes(name) ? rest[rest.indexOf(name) + 1] : undefined);
const positional = rest.filter((a) => !a.startsWith('--'));
const url = process.env.DATABASE_URL;
const stamp = () => new Date().toISOString().replace(/[:.]/g, '-').replace(/-\d+Z$/, 'Z');

async function summary(open: () => ReturnType<typeof openDb>) {
  const handle = await open();
  try {
    const tables = await tableFingerprints(handle.db);
    const rows = Object.values(tables).reduce((s, t) => s + t.rows, 0);
    return `${Object.keys(tables).length} tables, ${rows.toLocaleString('en-US')} rows`;
  } finally {
    await handle.close();
  }
}

async function main() {
  if (command === 'backup') {
    const out = option('--out') ?? path.join('.data', 'backups', url ? `rounds-${stamp()}.dump` : `rounds-pglite-${stamp()}.tar.gz`);
    const t0 = performance.now();
    const r = url ? await backupPostgres(url, out) : await backupPglite(defaultPgliteDir(), out);
    const secs = ((performance.now() - t0) / 1000).toFixed(1);
    console.log(`[backup] ${r.kind === 'postgres' ? 'PostgreSQL (pg_dump -Fc)' : `PGlite ${defaultPgliteDir()}`} → ${out} (${(r.bytes / 1e6).toFixed(1)} MB, ${secs} s)`);
    return;
  }
  if (command === 'restore') {
    const file = positional[0];
    if (!file || !fs.existsSync(file)) throw new BackupError(`usage: npm run db:restore -- FILE [--replace] (${file ? `${file} not found` : 'no file given'})`);
    const kind = kindOfBackup(file);
    const replace = flag('--replace');
    const t0 = performance.now();
    if (kind === 'postgres') {
      if (!url) throw new BackupError('this is a PostgreSQL backup: set DATABASE_URL to the (empty) database to restore into');
      await restorePostgres(url, file, { replace });
      console.log(`[restore] ${file} → PostgreSQL: ${await summary(() => openDb({ url }))}`);
    } else if (kind === 'pglite') {
      if (url) throw new BackupError('this is a PGlite backup: unset DATABASE_URL (it restores into PGLITE_DIR or .data/pglite)');
      const dir = defaultPgliteDir();
      const r = await restorePglite(file, dir, { replace });
      if (r.movedAside) console.log(`[restore] the previous database was moved to ${r.movedAside}`);
      console.log(`[restore] ${file} → PGlite ${dir}: ${await summary(() => openDb({ dir }))}`);
    } else {
      throw new BackupError(`${file} is neither a pg_dump custom-format file nor a PGlite .tar.gz`);
    }
    console.log(`[restore] done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return;
  }
  console.log('usage: npm run db:backup [-- --out FILE] | npm run db:restore -- FILE [--replace]');
  process.exitCode = 2;
}

try {
  await main();
} catch (e) {
  if (e instanceof BackupError || e instanceof DbLockedError) {
    console.error(`[${command}] ${e.message}`);
    process.exit(1);
  }
  throw e;
}
