// npm run bench:crash [-- --per-client 50] — exactly-once across a crash against the production
// server (server.mjs, next-auth sessions, POST /api/v1/visits) on a seeded PostgreSQL database of
// its own: one device per manager streams visits, the server is killed with SIGKILL after a third
// are acknowledged and started again on the same port and database, devices re-send what was not
// acknowledged with the same client UUID; then the database is counted (scripts/lib/crash-trial.ts).
// tests/crash.test.ts runs the same trial in CI against the handler's code path without Next.
import { spawnSync } from 'node:child_process';
import { and, eq } from 'drizzle-orm';
import { openDb } from '../db/index';
import { retailers, specs, users } from '../db/schema';
import { benchBuild } from './lib/build-lock';
import { baseline, countOutcome, makeVisits, runCrashTrial, type TrialClient } from './lib/crash-trial';
import { signIn } from './lib/server';
import { scratchDatabase, serve } from './lib/serve';

const args = process.argv.slice(2);
const perClient = Number(args.includes('--per-client') ? args[args.indexOf('--per-client') + 1] : 50);

const buildEnv = benchBuild();
const db = await scratchDatabase(`rounds_crash_${process.pid}`);
try {
  if (spawnSync('npx', ['tsx', 'db/seed/cli.ts', '--scale', 'test'], { stdio: 'ignore', env: { ...process.env, DATABASE_URL: db.url } }).status !== 0) throw new Error('seed failed');
  const handle = await openDb({ url: db.url });
  const specIds = (await handle.db.select({ id: specs.id }).from(specs).where(eq(specs.active, true))).map((s) => s.id);
  const managers = await handle.db.select({ id: users.id, username: users.username }).from(users).where(eq(users.role, 'manager'));
  let server = await serve({ buildEnv, databaseUrl: db.url, logName: 'crash-server' });
  const clients: TrialClient[] = [];
  for (const [i, m] of managers.entries()) {
    const shops = (await handle.db.select({ id: retailers.id }).from(retailers).where(and(eq(retailers.managerId, m.id), eq(retailers.active, true))).limit(30)).map((r) => r.id);
    clients.push({ name: m.username, headers: { cookie: await signIn(server.origin, m.username) }, submissions: makeVisits(shops, specIds, perClient, i + 1) });
  }
  const before = await baseline(handle.db);
  const total = clients.reduce((s, c) => s + c.submissions.length, 0);
  const port = server.port;
  const report = await runCrashTrial({
    origin: server.origin,
    path: '/api/v1/visits',
    clients,
    server: { kill: () => server.stop('SIGKILL') },
    restart: async () => {
      server = await serve({ buildEnv, databaseUrl: db.url, port, logName: 'crash-server' });
      return { kill: () => server.stop('SIGKILL') };
    },
    killAfterAcks: Math.floor(total / 3),
    timeoutMs: 600_000,
  });
  const outcome = await countOutcome(handle.db, clients, report, before);
  await handle.close();
  const { acks: _acks, ...figures } = report;
  console.log('[crash] trial', JSON.stringify(figures, null, 1));
  console.log('[crash] database', JSON.stringify(outcome, null, 1));
  const ok =
    report.failed.length === 0 &&
    [outcome.receipts, outcome.visitsByReceipt, outcome.distinctVisits, outcome.visitsAdded, outcome.auditRowsAdded, outcome.acksMatchingReceipts].every((n) => n === outcome.expected) &&
    outcome.linesStored === outcome.linesExpected &&
    outcome.visitsWithWrongLines === 0;
  console.log(ok ? `[crash] every one of ${outcome.expected} visits stored exactly once with all its lines` : '[crash] FAILED: see the counts above');
  process.exitCode = ok ? 0 : 1;
} finally {
  await db.drop();
}
process.exit();
