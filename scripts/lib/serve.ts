// Starts the benchmark build (scripts/lib/build-lock.ts) with server.mjs on a free port, over the
// given database; its JSON log lines go to a file in .data.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePort, waitHealthy } from './server';

export type Served = { origin: string; port: number; stop: (signal?: NodeJS.Signals) => Promise<void> };

export async function serve(opts: { buildEnv: Record<string, string>; databaseUrl?: string; pgliteDir?: string; env?: Record<string, string>; port?: number; logName: string }): Promise<Served> {
  const port = opts.port ?? (await freePort());
  const origin = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...opts.buildEnv,
    PORT: String(port),
    HOSTNAME: '127.0.0.1',
    NODE_ENV: 'production',
    NEXTAUTH_URL: origin,
    NEXTAUTH_SECRET: 'bench-secret-bench-secret-bench',
    ESCALATION_INTERVAL_MS: '0',
    ...opts.env,
  };
  delete env.DATABASE_URL;
  delete env.PGLITE_DIR;
  if (opts.databaseUrl) env.DATABASE_URL = opts.databaseUrl;
  if (opts.pgliteDir) env.PGLITE_DIR = opts.pgliteDir;
  if (!opts.env?.TRUST_PROXY) delete env.TRUST_PROXY;
  const logFile = path.join('.data', `${opts.logName}.log`);
  const out = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, ['server.mjs'], { env, stdio: ['ignore', out, out] });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  process.once('exit', () => child.kill('SIGKILL'));
  await waitHealthy(origin);
  return {
    origin,
    port,
    stop: async (signal = 'SIGTERM') => {
      child.kill(signal);
      await exited;
      fs.closeSync(out);
    },
  };
}

/** A PostgreSQL database of the script's own on the local server (BENCH_DATABASE_URL), dropped by `drop()`. */
export async function scratchDatabase(name: string) {
  const { default: postgres } = await import('postgres');
  const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
  const url = Object.assign(new URL(base), { pathname: `/${name}` }).toString();
  return {
    url,
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
