// npm run bench:import [-- --rows 100000 --scale test] — on PostgreSQL only, by hand, never in CI.
// Seeds the scale into its own database when empty, writes an orders file of N lines for the
// seeded shops and specs (the ordering system's CSV), then imports it twice through the same
// library code the upload route uses: first every line is new, then every line is unchanged.
// Reports the time of each phase and rows/s. Issue #7 goal: 100,000 rows in ≤ 30 s.
import { spawnSync } from 'node:child_process';
import { sql } from 'drizzle-orm';
import { openDb, rawRows } from '../db/index';
import { rebuildRollups } from '../db/rollups';
import { importFile } from '../lib/imports/index';
import { today } from '../lib/clock';
import { addDays } from '../lib/time';
import { Rng } from '../db/seed/random';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const rows = Number(arg('--rows', '100000'));
const scale = arg('--scale', 'test');
const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `rounds_bench_import_${scale}`;
const url = new URL(base);
url.pathname = `/${dbName}`;

async function ensureDatabase() {
  const { default: postgres } = await import('postgres');
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  const exists = await admin`select 1 from pg_database where datname = ${dbName}`;
  if (exists.length === 0) await admin.unsafe(`create database ${dbName}`);
  await admin.end();
}

await ensureDatabase();
console.log(`[bench:import] database ${dbName}; seeding scale ${scale} if empty …`);
const seeded = spawnSync('npx', ['tsx', 'db/seed/cli.ts', '--scale', scale, '--if-empty'], {
  stdio: 'inherit',
  env: { ...process.env, DATABASE_URL: url.toString() },
});
if (seeded.status !== 0) process.exit(seeded.status ?? 1);

const handle = await openDb({ url: url.toString() });
const db = handle.db;
const shops = await rawRows<{ licence_no: string }>(db, sql`select licence_no from retailers where active order by id`);
const specList = await rawRows<{ code: string; wholesale_fen: number }>(db, sql`select code, wholesale_fen from specs where active order by id`);
const day = today();

// The ordering system's export: one line per order line, the order's header repeated on each. A
// fixed seed, so the second run imports the very same file.
const rng = Rng.of(7, 'bench-import', rows);
const lines = ['订单号,许可证号,订货日期,送货日期,结算状态,失败原因,规格编码,订购量,供货量,金额(元)'];
for (let order = 1; lines.length <= rows; order++) {
  const shop = shops[rng.int(0, shops.length - 1)].licence_no;
  const orderDate = addDays(day, -rng.int(1, 84));
  const deliveryDate = addDays(orderDate, rng.int(0, 1));
  const failed = rng.chance(0.03);
  const head = `BX${String(order).padStart(8, '0')},${shop},${orderDate},${deliveryDate},${failed ? '失败,余额不足' : '成功,'}`;
  const picks = new Set<number>();
  const n = rng.int(1, Math.min(8, specList.length));
  while (picks.size < n) picks.add(rng.int(0, specList.length - 1));
  for (const k of picks) {
    if (lines.length > rows) break;
    const ordered = rng.int(1, 30);
    const supplied = failed ? 0 : Math.max(0, ordered - (rng.chance(0.2) ? rng.int(1, ordered) : 0));
    lines.push(`${head},${specList[k].code},${ordered},${supplied},${((supplied * Number(specList[k].wholesale_fen)) / 100).toFixed(2)}`);
  }
}
const bytes = new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
console.log(`[bench:import] ${rows.toLocaleString('en-US')} order lines (${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB) over ${shops.length} shops and ${specList.length} specs`);

const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
async function run(label: string) {
  const t0 = performance.now();
  let validated = 0;
  let written = 0;
  const result = await db.transaction((tx) =>
    importFile(tx, 'orders', bytes, {
      fileName: 'bench.csv',
      onValidated: () => (validated = performance.now()),
      onProgress: (done) => {
        if (done === rows) written = performance.now();
      },
    }),
  );
  const end = performance.now();
  const { report, counts } = result;
  if (report.fileErrors.length || report.invalidRows) throw new Error(`unexpected problems: ${JSON.stringify(report.fileErrors.concat(report.issues.slice(0, 5).map((i) => `${i.line} ${i.column} ${i.message}`)))}`);
  written ||= end;
  console.log(
    `[bench:import] ${label}: read + check ${secs(validated - t0)}, write ${secs(written - validated)}, rollups ${secs(end - written)}; ` +
      `total ${secs(end - t0)} = ${Math.round(rows / ((end - t0) / 1000)).toLocaleString('en-US')} rows/s ` +
      `(inserted ${counts.inserted}, updated ${counts.updated}, unchanged ${counts.unchanged})`,
  );
  return end - t0;
}

try {
  // a clean slate for the file's orders, so the first run inserts every line
  const removed = await rawRows(db, sql`delete from orders where order_no like 'BX%' returning 1`);
  if (removed.length) {
    console.log('[bench:import] removed the previous run\'s orders; rebuilding the rollups …');
    await rebuildRollups(db);
  }
  const first = await run('first import (all new)');
  await run('same file again (all unchanged)');
  console.log(`[bench:import] goal ≤ 30 s for 100,000 rows: ${rows === 100_000 ? (first <= 30_000 ? 'met' : 'NOT met') : 'n/a (other row count)'}`);
} finally {
  await handle.close();
}
