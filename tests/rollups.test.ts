import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rawRows } from '@/db/index';
import { rebuildRollups } from '@/db/rollups';
import { orderLines, orders, retailers } from '@/db/schema';
import { runAction } from '@/lib/action';
import { submitVisitSpec } from '@/lib/visits/submit';
import { zonedTime } from '@/lib/time';
import { createTestDb } from './helpers/db';
import { makeWorld } from './helpers/fixture';

const DAY = '2026-11-26';
const ROLLUPS = [
  'rollup_manager_day',
  'latest_retailer_spec',
  'latest_retailer_stock_day',
  'rollup_team_complaint_week',
  'rollup_retailer_spec_day',
  'rollup_retailer_day',
  'rollup_manager_spec_period',
  'rollup_manager_spec_period_orders',
  'rollup_manager_period',
  'rollup_retailer_spec_month',
  'rollup_retailer_month',
  'rollup_retailer_spec_moving',
];

let t: Awaited<ReturnType<typeof createTestDb>>;
let w: Awaited<ReturnType<typeof makeWorld>>;

beforeAll(async () => {
  t = await createTestDb();
  w = await makeWorld(t.db, DAY);
});
afterAll(() => t.cleanup());

async function snapshot() {
  const out: Record<string, string[]> = {};
  for (const table of ROLLUPS) {
    const rows = await rawRows<Record<string, unknown>>(t.db, sql.raw(`select * from ${table}`));
    out[table] = rows.map((r) => JSON.stringify(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : String(v)])))).sort();
  }
  return out;
}

const headers = () => new Headers({ origin: 'http://app.test', host: 'app.test' });
const sections = Object.fromEntries(['ask', 'look', 'introduce', 'tidy', 'collect', 'answer', 'record'].map((k) => [k, { done: true }]));

async function visit(username: string, retailerId: number, day: string, hhmm: string, lines: [number, number, boolean][], complaint = false) {
  process.env.ROUNDS_NOW = zonedTime(day, '16:00').toISOString();
  const r = await runAction(submitVisitSpec, { user: w.asCurrent(username), headers: headers(), db: t.db, ip: '127.0.0.1' }, {
    clientId: randomUUID(),
    retailerId,
    startedAt: zonedTime(day, hhmm).toISOString(),
    endedAt: new Date(zonedTime(day, hhmm).getTime() + 10 * 60_000).toISOString(),
    deviceSentAt: zonedTime(day, '16:00').toISOString(),
    sections,
    illegalFound: false,
    stockLines: lines.map(([specId, stock, onCounter]) => ({ specId, stock, onCounter, priceTagOk: true })),
    complaints: complaint ? [{ category: 'delivery', description: '送货延迟两天' }] : [],
  });
  expect(r.ok, JSON.stringify(r)).toBe(true);
}

describe('rollups kept current by the write path equal a rebuild from the facts', () => {
  it('after visits across days and weeks, a late visit, deliveries and a reassigned shop', async () => {
    const [zh, yx, hts] = w.specs.map((s) => s.id);
    const [s1, s2, s3] = w.shops.map((s) => s.id);
    // deliveries the ordering system reported (inserted as facts; imports rebuild their rollups)
    await t.db.insert(orders).values([
      { orderNo: 'SO1', retailerId: s1, orderDate: '2026-11-19', deliveryDate: '2026-11-20', settlementStatus: 'success', managerId: w.users.mgr1.id, teamId: w.t1.id, branchId: w.b1.id },
      { orderNo: 'SO2', retailerId: s1, orderDate: '2026-11-24', deliveryDate: '2026-11-24', settlementStatus: 'success', managerId: w.users.mgr1.id, teamId: w.t1.id, branchId: w.b1.id },
    ]);
    await t.db.insert(orderLines).values([
      { orderNo: 'SO1', specId: zh, ordered: 10, supplied: 8, amountFen: 8 * 38160, retailerId: s1, orderDate: '2026-11-19', deliveryDate: '2026-11-20', managerId: w.users.mgr1.id, teamId: w.t1.id, branchId: w.b1.id },
      { orderNo: 'SO2', specId: hts, ordered: 5, supplied: 5, amountFen: 5 * 7500, retailerId: s1, orderDate: '2026-11-24', deliveryDate: '2026-11-24', managerId: w.users.mgr1.id, teamId: w.t1.id, branchId: w.b1.id },
    ]);
    await rebuildRollups(t.db);

    await visit('mgr1', s1, '2026-11-19', '10:00', [[zh, 10, true], [hts, 4, true], [yx, 3, false]]);
    await visit('mgr1', s2, '2026-11-20', '10:00', [[zh, 2, false], [hts, 1, true]]);
    await visit('mgr1', s1, '2026-11-24', '10:00', [[zh, 12, true], [hts, 6, false]], true);
    await visit('mgr1', s3, '2026-11-25', '11:00', [[hts, 2, true]]);
    // the shop moves to another manager of the team; history stays with mgr1
    const [mgrB] = await rawRows<{ id: number }>(
      t.db,
      sql`insert into users (username, name, role, branch_id, team_id, password_hash) values ('mgr1b', '赵敏', 'manager', ${w.b1.id}, ${w.t1.id}, 'x') returning id`,
    );
    await t.db.update(retailers).set({ managerId: mgrB.id }).where(sql`id = ${s1}`);
    w.users.mgr1b = { id: mgrB.id, username: 'mgr1b', role: 'manager', teamId: w.t1.id, branchId: w.b1.id, name: '赵敏' };
    await visit('mgr1b', s1, '2026-11-26', '09:40', [[zh, 9, true], [hts, 5, true]]);
    // a late visit, synced two days after it was made, between two existing ones
    process.env.ROUNDS_NOW = zonedTime('2026-11-26', '16:00').toISOString();
    await visit('mgr1', s2, '2026-11-24', '14:00', [[zh, 1, true], [hts, 1, true]]);

    // a new week and month nobody has opened yet: the first write computes them whole
    await visit('mgr1', s2, '2026-12-01', '10:30', [[zh, 3, true], [hts, 2, false]]);
    await visit('mgr1', s3, '2026-12-02', '10:30', [[hts, 1, true]]);

    const incremental = await snapshot();
    expect(incremental.rollup_retailer_spec_day.length).toBeGreaterThan(5);
    expect(incremental.rollup_manager_spec_period.length).toBeGreaterThan(5);
    await rebuildRollups(t.db);
    const rebuilt = await snapshot();
    for (const table of ROLLUPS) expect(incremental[table], table).toEqual(rebuilt[table]);
  });

  it('a rebuild repairs damaged rollups, all at once', async () => {
    const good = await snapshot();
    await t.db.execute(sql`delete from rollup_manager_day`);
    await t.db.execute(sql`update rollup_retailer_spec_day set stock = stock + 7`);
    await t.db.execute(sql`update rollup_manager_spec_period set shelved = shelved + 1`);
    const damaged = await snapshot();
    expect(damaged.rollup_manager_day).toEqual([]);
    expect(damaged.rollup_retailer_spec_day).not.toEqual(good.rollup_retailer_spec_day);
    await rebuildRollups(t.db);
    const repaired = await snapshot();
    for (const table of ROLLUPS) expect(repaired[table], table).toEqual(good[table]);
  });
});

describe('npm run db:rollups', () => {
  it('rebuilds the rollups of the configured database and says how long it took', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rounds-rollups-cli-'));
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DIR: path.join(dir, 'db') };
      delete env.DATABASE_URL;
      const r = spawnSync(process.execPath, ['--import', 'tsx', 'db/rollups-cli.ts'], { env, encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/\[rollups\] retailer × spec × day: [\d.]+ s/);
      expect(r.stdout).toMatch(/\[rollups\] rebuilt \(pglite\) in [\d.]+ s/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
