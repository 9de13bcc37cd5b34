// The benchmark scripts serve a production build of their own, in .data/next-bench
// (NEXT_DIST_DIR, read by next.config.mjs), so that they never share `.next` with
// `npm test -- e2e`, which rebuilds it under .data/e2e.lock. They take .data/next-bench.lock for as
// long as they use it, and build once when there is none (BENCH_REBUILD=1 builds again).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = process.cwd();
export const BENCH_DIST_DIR = path.join('.data', 'next-bench');
const benchLock = path.join(root, '.data', 'next-bench.lock');
const e2eLock = path.join(root, '.data', 'e2e.lock');

function alive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Waits for the lock (at most `waitMs`), then holds it until the process exits or `release()`. */
export function lockBuild(lockFile = benchLock, waitMs = 30 * 60_000): () => void {
  fs.mkdirSync(path.dirname(lockFile), { recursive: true });
  const until = Date.now() + waitMs;
  for (let announced = false; ; ) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      const release = () => {
        try {
          if (fs.readFileSync(lockFile, 'utf8').trim() === String(process.pid)) fs.rmSync(lockFile, { force: true });
        } catch {
          /* gone */
        }
      };
      process.once('exit', release);
      for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => process.exit(130));
      return release;
    } catch {
      const holder = Number(fs.readFileSync(lockFile, 'utf8'));
      if (!alive(holder)) {
        fs.rmSync(lockFile, { force: true });
        continue;
      }
      if (Date.now() > until) throw new Error(`${lockFile} is held by process ${holder} for too long`);
      if (!announced) console.log(`waiting for process ${holder} (${path.basename(lockFile)}) …`);
      announced = true;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2000);
    }
  }
}

/** Whether an end-to-end run holds `.next` now (tests skip rather than wait). */
export function buildLockHolder(): number | null {
  try {
    const holder = Number(fs.readFileSync(e2eLock, 'utf8'));
    return holder !== process.pid && alive(holder) ? holder : null;
  } catch {
    return null;
  }
}

/** A production build in NEXT_DIST_DIR (default .next). */
export function hasBuild() {
  return fs.existsSync(path.join(root, process.env.NEXT_DIST_DIR || '.next', 'BUILD_ID'));
}

/** Why a test that serves the production build cannot run now ('' when it can). */
export function productionServerSkipReason(): string {
  const distDir = process.env.NEXT_DIST_DIR || '.next';
  if (!hasBuild()) return `no production build (${distDir}/BUILD_ID): run \`npm run build\` first`;
  const holder = process.env.NEXT_DIST_DIR ? null : buildLockHolder();
  return holder ? `.next is in use by process ${holder} (an end-to-end run)` : '';
}

/**
 * Takes the benchmark build's lock and builds when there is no build; returns the environment
 * the server needs to serve it.
 */
export function benchBuild(): Record<string, string> {
  lockBuild();
  const env = { NEXT_DIST_DIR: BENCH_DIST_DIR };
  if (process.env.BENCH_REBUILD === '1' || !fs.existsSync(path.join(root, BENCH_DIST_DIR, 'BUILD_ID'))) {
    console.log(`[build] next build into ${BENCH_DIST_DIR} …`);
    const buildEnv: NodeJS.ProcessEnv = { ...process.env, ...env, NEXT_TELEMETRY_DISABLED: '1' };
    delete buildEnv.DATABASE_URL;
    // next build adds the build directory's types to tsconfig.json's include: keep the file as it is
    const tsconfig = fs.readFileSync(path.join(root, 'tsconfig.json'), 'utf8');
    const r = spawnSync('npx', ['next', 'build'], { stdio: 'inherit', env: buildEnv });
    if (fs.readFileSync(path.join(root, 'tsconfig.json'), 'utf8') !== tsconfig) fs.writeFileSync(path.join(root, 'tsconfig.json'), tsconfig);
    if (r.status !== 0) throw new Error('next build failed');
  }
  return env;
}
