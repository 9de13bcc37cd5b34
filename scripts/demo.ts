// `npm run demo`: the embedded database (or DATABASE_URL), migrations, the demo data set when the
// database is empty, a production build when there is none, then the app on http://localhost:3000.
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openDb } from '../db/index';
import { migrate } from '../db/migrate';
import { users } from '../db/schema';
import { seed } from '../db/seed/index';
import { today } from '../lib/clock';

const root = process.cwd();
const dataDir = path.join(root, '.data');
fs.mkdirSync(dataDir, { recursive: true });
const port = process.env.PORT ?? '3000';

function secret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.join(dataDir, 'auth-secret');
  if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(32).toString('base64'), { mode: 0o600 });
  return fs.readFileSync(file, 'utf8').trim();
}

const t0 = Date.now();
const handle = await openDb();
console.log(`[demo] database: ${handle.driver === 'pglite' ? `PGlite in ${process.env.PGLITE_DIR ?? '.data/pglite'}` : 'PostgreSQL (DATABASE_URL)'}`);
await migrate(handle);
const [anyUser] = await handle.db.select({ id: users.id }).from(users).limit(1);
if (anyUser) {
  console.log('[demo] data already present, not seeding (delete .data/pglite to start over)');
} else {
  console.log('[demo] loading the demo data set …');
  const counts = await seed(handle.db, { scale: 'demo', seed: 42, today: today(), onProgress: (m) => console.log(`[seed] ${m}`) });
  console.log(`[demo] seeded in ${((Date.now() - t0) / 1000).toFixed(1)}s:`, counts);
}
await handle.close();

if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) {
  console.log('[demo] building the app (first run only) …');
  const b = spawnSync('npx', ['next', 'build'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (b.status !== 0) process.exit(b.status ?? 1);
}

console.log(`[demo] starting on http://localhost:${port}  (accounts: admin / branch1 / sup1 / mgr1, password Rounds@2026)`);
const server = spawn('node', ['server.mjs'], {
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'production', PORT: port, NEXTAUTH_SECRET: secret(), NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}` },
});
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => process.exit(code ?? 0));
