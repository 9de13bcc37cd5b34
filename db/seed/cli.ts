// npx tsx db/seed/cli.ts --scale demo --seed 42 --today 2026-11-26 [--reset] [--if-empty] [--counts-out FILE]
import fs from 'node:fs';
import { getTableName, sql } from 'drizzle-orm';
import { openDb, rawRows } from '../index';
import { migrate } from '../migrate';
import { dateInTz } from '../../lib/time';
import { ALL_TABLES, SCALES, seed, type SeedScale } from './index';

function parseArgs(argv: string[]) {
  const out: { scale: SeedScale; seed: number; today: string; reset: boolean; ifEmpty: boolean; countsOut?: string } = {
    scale: 'demo',
    seed: 42,
    today: dateInTz(new Date()),
    reset: false,
    ifEmpty: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const val = () => inline ?? argv[++i];
    switch (flag) {
      case '--scale':
        out.scale = val() as SeedScale;
        break;
      case '--seed':
        out.seed = Number(val());
        break;
      case '--today':
        out.today = val();
        break;
      case '--reset':
        out.reset = true;
        break;
      case '--if-empty':
        out.ifEmpty = true;
        break;
      case '--counts-out':
        out.countsOut = val();
        break;
      case '--help':
      case '-h':
        console.log('usage: npx tsx db/seed/cli.ts [--scale test|demo|city|large] [--seed 42] [--today YYYY-MM-DD] [--reset] [--if-empty] [--counts-out FILE]');
        process.exit(0);
        break;
      default:
        console.error(`[seed] unknown argument ${a}`);
        process.exit(2);
    }
  }
  if (!(out.scale in SCALES)) {
    console.error(`[seed] unknown scale "${out.scale}" (test, demo, city, large)`);
    process.exit(2);
  }
  if (!Number.isInteger(out.seed)) {
    console.error('[seed] --seed must be an integer');
    process.exit(2);
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(out.today) || Number.isNaN(Date.parse(out.today))) {
    console.error('[seed] --today must be YYYY-MM-DD');
    process.exit(2);
  }
  return out;
}

const args = parseArgs(process.argv.slice(2));
const t0 = performance.now();
const handle = await openDb();
let exitCode = 0;
try {
  if ((args.scale === 'city' || args.scale === 'large') && handle.driver === 'pglite') {
    console.error(
      `[seed] 规模 ${args.scale} 只能在 PostgreSQL 上生成：请设置 DATABASE_URL。 / Scale "${args.scale}" needs PostgreSQL (set DATABASE_URL); the embedded PGlite database is for test and demo only.`,
    );
    exitCode = 2;
  } else {
    await migrate(handle);
    const [{ n }] = await rawRows<{ n: string | number }>(handle.db, sql`select count(*)::int as n from users`);
    const hasData = Number(n) > 0;
    if (hasData && args.ifEmpty) {
      console.log(`[seed] the database already has data (${n} users); --if-empty: nothing to do.`);
    } else if (hasData && !args.reset) {
      console.error(`[seed] the database already has data (${n} users). Use --reset to delete everything and seed again, or --if-empty to skip.`);
      exitCode = 1;
    } else {
      if (args.reset) {
        const names = ALL_TABLES()
          .map((t) => `"${getTableName(t)}"`)
          .join(', ');
        console.log('[seed] --reset: deleting all data …');
        await handle.db.execute(sql.raw(`truncate ${names} restart identity cascade`));
      }
      console.log(`[seed] ${handle.driver}, scale ${args.scale}, seed ${args.seed}, today ${args.today}`);
      const counts = await seed(handle.db, {
        scale: args.scale,
        seed: args.seed,
        today: args.today,
        onProgress: (m) => console.log(m),
      });
      const width = Math.max(...Object.keys(counts).map((k) => k.length));
      let total = 0;
      console.log('');
      console.log(`${'table'.padEnd(width)}  ${'rows'.padStart(12)}`);
      console.log(`${'-'.repeat(width)}  ${'-'.repeat(12)}`);
      for (const [k, v] of Object.entries(counts).sort((a, b) => b[1] - a[1])) {
        total += v;
        console.log(`${k.padEnd(width)}  ${v.toLocaleString('en-US').padStart(12)}`);
      }
      console.log(`${'total'.padEnd(width)}  ${total.toLocaleString('en-US').padStart(12)}`);
      // the end-to-end tests compare the admin page's counts with these
      if (args.countsOut) fs.writeFileSync(args.countsOut, JSON.stringify(counts));
    }
  }
} catch (e) {
  console.error('[seed] failed:', e);
  exitCode = 1;
} finally {
  await handle.close();
}
console.log(`[seed] elapsed ${((performance.now() - t0) / 1000).toFixed(1)} s`);
process.exit(exitCode);
