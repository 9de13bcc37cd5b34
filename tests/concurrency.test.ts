import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { rollupManagerDay, visits } from '@/db/schema';
import { runAction } from '@/lib/action';
import { submitVisitSpec } from '@/lib/visits/submit';
import { zonedTime } from '@/lib/time';
import { createTestDb } from './helpers/db';
import { makeWorld } from './helpers/fixture';

// On PostgreSQL, one manager's visits arriving at the same moment (a phone's queue flushing, two
// tabs) each rewrite that manager's day row; they must all land, none refused or failed.
const DAY = '2026-11-26';
process.env.ROUNDS_NOW = zonedTime(DAY, '16:00').toISOString();

let t: Awaited<ReturnType<typeof createTestDb>>;
let w: Awaited<ReturnType<typeof makeWorld>>;
beforeAll(async () => {
  t = await createTestDb();
  w = await makeWorld(t.db, DAY);
});
afterAll(() => t.cleanup());

describe('concurrent visits of one manager', () => {
  it('all twelve are stored and counted once each', async () => {
    const ctx = { user: w.asCurrent('mgr1'), headers: new Headers({ origin: 'http://app.test', host: 'app.test' }), db: t.db, ip: '127.0.0.1' };
    const sections = Object.fromEntries(['ask', 'look', 'introduce', 'tidy', 'collect', 'answer', 'record'].map((k) => [k, { done: true }]));
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        runAction(submitVisitSpec, ctx, {
          clientId: randomUUID(),
          retailerId: w.shops[i % 3].id,
          startedAt: zonedTime(DAY, `${String(9 + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`).toISOString(),
          endedAt: zonedTime(DAY, `${String(9 + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '45' : '15'}`).toISOString(),
          deviceSentAt: zonedTime(DAY, '15:59').toISOString(),
          sections,
          illegalFound: false,
          stockLines: [{ specId: w.specs[0].id, stock: 10 + i, onCounter: true, priceTagOk: true }, { specId: w.specs[2].id, stock: 3, onCounter: true, priceTagOk: true }],
          orderLines: [],
          infoItems: [],
          complaints: [],
        }),
      ),
    );
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(await t.db.select({ id: visits.id }).from(visits)).toHaveLength(12);
    const [day] = await t.db.select().from(rollupManagerDay).where(eq(rollupManagerDay.managerId, w.users.mgr1.id));
    expect(day.made).toBe(12);
  });
});
