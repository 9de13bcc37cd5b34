// `npm test`: typecheck, vitest (unit + integration), then Playwright against one production build
// over the `test` data set. Runs on PGlite, or on PostgreSQL when TEST_DATABASE_URL is set. Never
// touches the database DATABASE_URL names: that one may hold real data.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { addDays, dateInTz, isoWeekday } from '../lib/time';
import { freePort } from './lib/server';

const root = process.cwd();
const dataDir = path.join(root, '.data');
fs.mkdirSync(dataDir, { recursive: true });
const started = Date.now();
// e.g. `npm test -- unit`, `npm test -- e2e`, or `npm test -- e2e e2e/reports.spec.ts` for some specs
const args = process.argv.slice(2);
const specs = args.filter((a) => a.endsWith('.spec.ts'));
const only = args.filter((a) => !specs.includes(a));
const wants = (step: string) => only.length === 0 || only.includes(step);

const baseEnv: NodeJS.ProcessEnv = { ...process.env };
delete baseEnv.DATABASE_URL;
delete baseEnv.PGLITE_DIR;

function run(label: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = baseEnv) {
  const t0 = Date.now();
  console.log(`\n▶ ${label}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env, cwd: root });
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  console.log(`◀ ${label}: ${r.status === 0 ? 'ok' : `failed (exit ${r.status ?? r.signal})`} in ${secs}s`);
  return r.status === 0;
}

type Tally = { passed: number; failed: number; skipped: number };
const tally: Tally = { passed: 0, failed: 0, skipped: 0 };
let ok = true;

function readVitest(file: string) {
  if (!fs.existsSync(file)) return;
  const j = JSON.parse(fs.readFileSync(file, 'utf8'));
  tally.passed += j.numPassedTests ?? 0;
  tally.failed += j.numFailedTests ?? 0;
  tally.skipped += (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0);
}

function readPlaywright(file: string) {
  if (!fs.existsSync(file)) return;
  const s = JSON.parse(fs.readFileSync(file, 'utf8')).stats ?? {};
  tally.passed += s.expected ?? 0;
  tally.failed += (s.unexpected ?? 0) + (s.flaky ?? 0);
  tally.skipped += s.skipped ?? 0;
}

if (wants('typecheck')) ok = run('typecheck', 'npx', ['tsc', '--noEmit']) && ok;

if (wants('unit')) {
  const out = path.join(dataDir, 'vitest.json');
  fs.rmSync(out, { force: true });
  ok = run('vitest', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${out}`]) && ok;
  readVitest(out);
}

// One end-to-end run at a time per checkout: they share .next and .data/e2e-pglite.
function lockE2e() {
  const file = path.join(dataDir, 'e2e.lock');
  fs.mkdirSync(dataDir, { recursive: true });
  for (let announced = false; ; ) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      const release = () => fs.rmSync(file, { force: true });
      process.on('exit', release);
      return;
    } catch {
      const holder = Number(fs.readFileSync(file, 'utf8'));
      let alive = false;
      try {
        process.kill(holder, 0);
        alive = true;
      } catch {}
      if (!alive) {
        fs.rmSync(file, { force: true });
        continue;
      }
      if (!announced) console.log(`waiting for the end-to-end run of process ${holder} to finish…`);
      announced = true;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2000);
    }
  }
}

if (wants('e2e')) {
  lockE2e();
  const e2eEnv: NodeJS.ProcessEnv = { ...baseEnv, NEXTAUTH_SECRET: 'e2e-secret-e2e-secret-e2e-secret' };
  let dropDb: (() => void) | undefined;
  if (process.env.TEST_DATABASE_URL) {
    const name = `rounds_e2e_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
    const admin = process.env.TEST_DATABASE_URL;
    const sqlRun = (sql: string) =>
      run(`psql: ${sql}`, 'node', ['-e', `const p=require('postgres');const s=p(process.argv[1],{max:1,onnotice:()=>{}});s.unsafe(process.argv[2]).then(()=>s.end()).catch(e=>{console.error(e.message);process.exit(1)})`, admin, sql]);
    if (!sqlRun(`create database ${name}`)) process.exit(1);
    const url = new URL(admin);
    url.pathname = `/${name}`;
    e2eEnv.DATABASE_URL = url.toString();
    dropDb = () => sqlRun(`drop database if exists ${name} with (force)`);
  } else {
    const dir = path.join(dataDir, 'e2e-pglite');
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(`${dir}.lock`, { force: true });
    e2eEnv.PGLITE_DIR = dir;
  }
  const countsFile = path.join(dataDir, 'e2e-seed-counts.json');
  e2eEnv.E2E_SEED_COUNTS = countsFile;
  // The server's clock (and the browser's, in the fixtures) is pinned to late morning of the last
  // working day, so the day in the data always has a schedule, whatever day the suite runs on.
  let day = dateInTz(new Date());
  while (isoWeekday(day) > 5) day = addDays(day, -1);
  e2eEnv.ROUNDS_NOW = `${day}T12:30:00+08:00`;
  let e2eOk = run('seed (test scale)', 'npx', ['tsx', 'db/seed/cli.ts', '--scale', 'test', '--reset', '--today', day, '--counts-out', countsFile], e2eEnv);
  const oracleFile = path.join(dataDir, 'e2e-oracle.json');
  e2eEnv.E2E_ORACLE = oracleFile;
  if (e2eOk) e2eOk = run('oracle figures', 'npx', ['tsx', 'tests/oracle/snapshot.ts', oracleFile, day], e2eEnv);
  const built = fs.existsSync(path.join(root, '.next', 'BUILD_ID'));
  if (e2eOk && !(process.env.SKIP_BUILD === '1' && built)) {
    e2eOk = run('next build', 'npx', ['next', 'build'], { ...baseEnv, NEXT_TELEMETRY_DISABLED: '1' });
  }
  if (e2eOk) {
    const out = path.join(dataDir, 'playwright.json');
    fs.rmSync(out, { force: true });
    e2eEnv.E2E_PORT = String(await freePort());
    e2eEnv.E2E_JSON = out;
    e2eOk = run('playwright', 'npx', ['playwright', 'test', ...specs], e2eEnv);
    readPlaywright(out);
  }
  dropDb?.();
  ok = e2eOk && ok;
}

const secs = ((Date.now() - started) / 1000).toFixed(0);
console.log(`\nRounds test run (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'}) finished in ${secs}s`);
console.log(`${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`);
process.exit(ok && tally.failed === 0 ? 0 : 1);
