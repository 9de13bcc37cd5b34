// Exactly-once under a crash: clients stream visit submissions, the server is killed (SIGKILL) in
// the middle and started again on the same database, and every client re-sends each submission it
// has no acknowledgement for, with the same client UUID, until acknowledged. Then the database is
// counted. Used by tests/crash.test.ts (the handler without Next) and scripts/crash.ts (the
// production server).
import { randomUUID } from 'node:crypto';
import { inArray, count, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/index';
import { auditLog, receipts, visitStockLines, visits } from '../../db/schema';

export type VisitBody = {
  clientId: string;
  retailerId: number;
  startedAt: string;
  endedAt: string;
  deviceSentAt: string;
  sections: Record<string, { done: boolean }>;
  illegalFound: boolean;
  stockLines: { specId: number; stock: number; onCounter: boolean; priceTagOk: boolean }[];
};

export type TrialClient = { name: string; headers: Record<string, string>; submissions: VisitBody[] };
export type RunningServer = { kill: () => Promise<void> };

const SECTIONS = ['ask', 'look', 'introduce', 'tidy', 'collect', 'answer', 'record'];

/** `n` valid visits for a manager's shops, each with a fresh client UUID and every given spec. */
export function makeVisits(shopIds: number[], specIds: number[], n: number, seed = 0, at = new Date()): VisitBody[] {
  return Array.from({ length: n }, (_, i) => {
    const start = new Date(at.getTime() - 3 * 3_600_000 + ((seed * 7 + i) % 120) * 60_000);
    return {
      clientId: randomUUID(),
      retailerId: shopIds[i % shopIds.length],
      startedAt: start.toISOString(),
      endedAt: new Date(start.getTime() + 12 * 60_000).toISOString(),
      deviceSentAt: at.toISOString(),
      sections: Object.fromEntries(SECTIONS.map((k) => [k, { done: true }])),
      illegalFound: false,
      stockLines: specIds.map((specId, j) => ({ specId, stock: (seed * 13 + i * 5 + j * 3) % 40, onCounter: (i + j) % 3 !== 0, priceTagOk: (i + j) % 4 !== 0 })),
    };
  });
}

export type TrialReport = {
  submissions: number;
  acknowledged: number;
  failed: { clientId: string; status: number; text: string }[];
  sends: number;
  connectionErrors: number;
  serverErrors: number;
  retryStatuses: Record<number, number>; // 5xx answers, kept and sent again
  inFlightAtKill: number;
  ackedAtKill: number;
  downtimeMs: number;
  durationMs: number;
  acks: Map<string, string>; // client UUID → visit id the client was given
  killedAt: Date | null;
  duplicatesResent: number;
  duplicatesSameResult: number;
};

/**
 * Runs the clients against `origin` + `path`; after `killAfterAcks` acknowledgements (all clients
 * busy) kills the server with `kill()` and brings it back with `restart()`.
 */
export async function runCrashTrial(opts: {
  origin: string;
  path: string;
  clients: TrialClient[];
  server: RunningServer;
  restart: () => Promise<RunningServer>;
  killAfterAcks: number;
  timeoutMs?: number;
}): Promise<TrialReport> {
  const t0 = performance.now();
  const deadline = Date.now() + (opts.timeoutMs ?? 120_000);
  const report: TrialReport = {
    submissions: opts.clients.reduce((s, c) => s + c.submissions.length, 0),
    acknowledged: 0,
    failed: [],
    sends: 0,
    connectionErrors: 0,
    serverErrors: 0,
    retryStatuses: {},
    inFlightAtKill: 0,
    ackedAtKill: 0,
    downtimeMs: 0,
    durationMs: 0,
    acks: new Map(),
    killedAt: null,
    duplicatesResent: 0,
    duplicatesSameResult: 0,
  };
  let server = opts.server;
  let inFlight = 0;
  let crash: Promise<void> | null = null;
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  const send = async (client: TrialClient, body: VisitBody) => {
    report.sends++;
    const res = await fetch(`${opts.origin}${opts.path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: opts.origin, ...client.headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(20_000),
    });
    return { status: res.status, text: await res.text() };
  };

  const crashNow = async () => {
    report.inFlightAtKill = inFlight;
    const down = performance.now();
    await server.kill();
    // after the process is gone: nothing later can have been committed or acknowledged by it
    report.ackedAtKill = report.acknowledged;
    report.killedAt = new Date();
    server = await opts.restart();
    report.downtimeMs = performance.now() - down;
  };

  await Promise.all(
    opts.clients.map(async (client) => {
      for (const body of client.submissions) {
        for (;;) {
          if (Date.now() > deadline) throw new Error(`crash trial: ${body.clientId} not acknowledged before the deadline`);
          inFlight++;
          let r: { status: number; text: string } | null = null;
          try {
            r = await send(client, body);
          } catch {
            report.connectionErrors++;
          } finally {
            inFlight--;
          }
          if (r?.status === 200) {
            const json = JSON.parse(r.text) as { ok: boolean; data: { visitId: string } };
            report.acks.set(body.clientId, json.data.visitId);
            report.acknowledged++;
            if (!crash && report.acknowledged >= opts.killAfterAcks) crash = crashNow();
            break;
          }
          // the device's rules (lib/offline/sync.ts): any other answer below 500 is final, a refusal
          if (r && r.status < 500) {
            report.failed.push({ clientId: body.clientId, status: r.status, text: r.text.slice(0, 300) });
            break;
          }
          if (r) {
            report.serverErrors++;
            report.retryStatuses[r.status] = (report.retryStatuses[r.status] ?? 0) + 1;
          }
          await sleep(150);
        }
      }
    }),
  );
  if (crash) await crash;

  // a device that never saw its acknowledgement sends again: every 10th visit once more
  for (const client of opts.clients) {
    for (const body of client.submissions.filter((_, i) => i % 10 === 0)) {
      const r = await send(client, body);
      report.duplicatesResent++;
      if (r.status === 200 && (JSON.parse(r.text) as { data: { visitId: string } }).data.visitId === report.acks.get(body.clientId)) report.duplicatesSameResult++;
    }
  }
  report.durationMs = performance.now() - t0;
  await server.kill();
  return report;
}

export type Outcome = {
  expected: number;
  receipts: number;
  visitsByReceipt: number;
  distinctVisits: number;
  visitsAdded: number;
  auditRowsAdded: number;
  linesExpected: number;
  linesStored: number;
  visitsWithWrongLines: number;
  acksMatchingReceipts: number;
  committedBeforeKillUnacknowledged: number;
};

export async function baseline(db: Db) {
  const [[v], [a]] = await Promise.all([
    db.select({ n: count() }).from(visits),
    db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, 'visit.submit')),
  ]);
  return { visits: v.n, audit: a.n };
}

/** Counts what the database holds for the trial's client UUIDs (through the receipts table). */
export async function countOutcome(db: Db, clients: TrialClient[], report: TrialReport, before: { visits: number; audit: number }): Promise<Outcome> {
  const bodies = clients.flatMap((c) => c.submissions);
  const ids = bodies.map((b) => b.clientId);
  const rows = await db
    .select({ clientId: receipts.clientId, visitId: sql<string>`${receipts.result}->>'visitId'`, createdAt: receipts.createdAt })
    .from(receipts)
    .where(inArray(receipts.clientId, ids));
  const visitIds = rows.map((r) => r.visitId).filter(Boolean);
  const stored = visitIds.length ? await db.select({ id: visits.id }).from(visits).where(inArray(visits.id, visitIds)) : [];
  const lines = visitIds.length
    ? await db
        .select({ visitId: visitStockLines.visitId, n: count(), stock: sql<number>`sum(${visitStockLines.stock})::int` })
        .from(visitStockLines)
        .where(inArray(visitStockLines.visitId, visitIds))
        .groupBy(visitStockLines.visitId)
    : [];
  const byVisit = new Map(lines.map((l) => [l.visitId, l]));
  const byClient = new Map(bodies.map((b) => [b.clientId, b]));
  let wrong = 0;
  let linesStored = 0;
  for (const r of rows) {
    const body = byClient.get(r.clientId)!;
    const got = byVisit.get(r.visitId);
    linesStored += got?.n ?? 0;
    const want = body.stockLines.reduce((s, l) => s + l.stock, 0);
    if (!got || got.n !== body.stockLines.length || Number(got.stock) !== want) wrong++;
  }
  const after = await baseline(db);
  const killedAt = report.killedAt?.getTime() ?? 0;
  return {
    expected: bodies.length,
    receipts: rows.length,
    visitsByReceipt: stored.length,
    distinctVisits: new Set(visitIds).size,
    visitsAdded: after.visits - before.visits,
    auditRowsAdded: after.audit - before.audit,
    linesExpected: bodies.reduce((s, b) => s + b.stockLines.length, 0),
    linesStored,
    visitsWithWrongLines: wrong,
    acksMatchingReceipts: rows.filter((r) => report.acks.get(r.clientId) === r.visitId).length,
    // written by the server that was killed, whose answer never reached the client: the retry got the first result
    committedBeforeKillUnacknowledged: rows.filter((r) => r.createdAt.getTime() <= killedAt).length - report.ackedAtKill,
  };
}
