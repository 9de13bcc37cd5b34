// npm run bench:bruteforce — scripted attacks on sign-in (next-auth's credentials callback) against
// the production server over a seeded PostgreSQL database of its own (dropped at the end):
//  a. many passwords against one username, the right one among them after the limit;
//  b. one password (the right one for every seeded account) across many usernames from one address;
//  c. a and b again while rotating X-Forwarded-For, without TRUST_PROXY (the header is dropped);
//  d. 40 guesses against one username sent at once;
//  e. with TRUST_PROXY=1: rotating the header behind a proxy that appends the real address, and
//     with nothing in front that rewrites it (the per-address limit then follows the header).
// Prints how many attempts were refused and whether any guess succeeded past the limit.
import { spawnSync } from 'node:child_process';
import { sql } from 'drizzle-orm';
import { openDb } from '../db/index';
import { benchBuild } from './lib/build-lock';
import { scratchDatabase, serve, type Served } from './lib/serve';

const RIGHT = 'Rounds@2026';
type Outcome = 'success' | 'invalid' | 'rate_limited' | 'error';

async function csrf(origin: string) {
  const res = await fetch(`${origin}/api/auth/csrf`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { csrfToken, cookie: res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ') };
}

async function attempt(origin: string, token: { csrfToken: string; cookie: string }, username: string, password: string, xff?: string): Promise<Outcome> {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', cookie: token.cookie };
  if (xff) headers['x-forwarded-for'] = xff;
  const res = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers,
    body: new URLSearchParams({ csrfToken: token.csrfToken, username, password, json: 'true' }),
  });
  const text = await res.text();
  if (res.headers.getSetCookie().some((c) => c.includes('session-token='))) return 'success';
  if (text.includes('rate_limited')) return 'rate_limited';
  if (text.includes('CredentialsSignin')) return 'invalid';
  return 'error';
}

const randomIp = () => `${10 + Math.floor(Math.random() * 200)}.${Math.floor(Math.random() * 255)}.${Math.floor(Math.random() * 255)}.${1 + Math.floor(Math.random() * 250)}`;

type Row = { scenario: string; attempts: number; invalid: number; refused: number; success: number; successAfterLimit: number; rightPasswordTries: number; errors: number };
const rows: Row[] = [];

async function scenario(name: string, tries: { username: string; password: string; xff?: string }[], s: Served, opts: { parallel?: boolean; limit: number }) {
  const token = await csrf(s.origin);
  const outcomes: Outcome[] = opts.parallel
    ? await Promise.all(tries.map((t) => attempt(s.origin, token, t.username, t.password, t.xff)))
    : [];
  if (!opts.parallel) for (const t of tries) outcomes.push(await attempt(s.origin, token, t.username, t.password, t.xff));
  const row: Row = {
    scenario: name,
    attempts: tries.length,
    invalid: outcomes.filter((o) => o === 'invalid').length,
    refused: outcomes.filter((o) => o === 'rate_limited').length,
    success: outcomes.filter((o) => o === 'success').length,
    successAfterLimit: outcomes.filter((o, i) => o === 'success' && i >= opts.limit).length,
    rightPasswordTries: tries.filter((t) => t.password === RIGHT).length,
    errors: outcomes.filter((o) => o === 'error').length,
  };
  rows.push(row);
  console.log(`[bruteforce] ${name}: ${JSON.stringify(row)}`);
}

async function main() {
  const buildEnv = benchBuild();
  const db = await scratchDatabase(`rounds_bruteforce_${process.pid}`);
  const handle = await openDb({ url: db.url });
  try {
    const seeded = spawnSync('npx', ['tsx', 'db/seed/cli.ts', '--scale', 'test'], { stdio: 'ignore', env: { ...process.env, DATABASE_URL: db.url } });
    if (seeded.status !== 0) throw new Error('seed failed');
    const clear = () => handle.db.execute(sql`delete from audit_log where action = 'sign_in'`);
    const perUser = 5;
    const perAddress = 20;
    const guesses = (username: string, n: number, rightAt: number[], xff?: () => string) =>
      Array.from({ length: n }, (_, i) => ({ username, password: rightAt.includes(i) ? RIGHT : `guess-${i}`, xff: xff?.() }));
    const spray = (n: number, realAt: Record<number, string>, xff?: () => string) =>
      Array.from({ length: n }, (_, i) => ({ username: realAt[i] ?? `user${i}`, password: RIGHT, xff: xff?.() }));

    let s = await serve({ buildEnv, databaseUrl: db.url, logName: 'bruteforce-server' });
    try {
      await scenario('a. 60 passwords → mgr1 (right one at 10, 30, 59)', guesses('mgr1', 60, [10, 30, 59]), s, { limit: perUser });
      await clear();
      await scenario('b. spray right password → 60 usernames, real at 25, 45', spray(60, { 25: 'mgr2', 45: 'sup1' }), s, { limit: perAddress });
      await clear();
      await scenario('c1. as a, rotating X-Forwarded-For, no TRUST_PROXY', guesses('mgr1', 60, [10, 30, 59], randomIp), s, { limit: perUser });
      await clear();
      await scenario('c2. as b, rotating X-Forwarded-For, no TRUST_PROXY', spray(60, { 25: 'mgr2', 45: 'sup1' }, randomIp), s, { limit: perAddress });
      await clear();
      await scenario('d. 40 guesses at once → mgr3 (right one last)', guesses('mgr3', 40, [39]), s, { parallel: true, limit: perUser });
      await clear();
    } finally {
      await s.stop();
    }
    s = await serve({ buildEnv, databaseUrl: db.url, env: { TRUST_PROXY: '1' }, logName: 'bruteforce-server' });
    try {
      const appended = () => `${randomIp()}, 127.0.0.9`; // what an appending proxy forwards
      await scenario('e1. TRUST_PROXY=1, appending proxy: as a, rotating first hop', guesses('mgr1', 60, [10, 30, 59], appended), s, { limit: perUser });
      await clear();
      await scenario('e2. TRUST_PROXY=1, appending proxy: as b, rotating first hop', spray(60, { 25: 'mgr2', 45: 'sup1' }, appended), s, { limit: perAddress });
      await clear();
      await scenario('e3. TRUST_PROXY=1, header not rewritten: as a, rotating', guesses('mgr1', 60, [10, 30, 59], randomIp), s, { limit: perUser });
      await clear();
      await scenario('e4. TRUST_PROXY=1, header not rewritten: as b, rotating', spray(60, { 25: 'mgr2', 45: 'sup1' }, randomIp), s, { limit: perAddress });
    } finally {
      await s.stop();
    }
  } finally {
    await handle.close();
    await db.drop();
  }
  console.log('');
  console.table(rows);
  console.log('successAfterLimit counts sign-ins that succeeded after the limit had been reached (per username for a/c1/d/e1/e3, per address for b/c2/e2/e4).');
}

await main();
process.exit(0);
