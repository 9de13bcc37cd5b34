import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { auditLog } from '@/db/schema';
import { runAction, type ActionSpec } from '@/lib/action';
import { can } from '@/lib/auth/permissions';
import type { Role } from '@/db/schema';
import { zonedTime } from '@/lib/time';
import { createTestDb } from './helpers/db';
import { makeWorld } from './helpers/fixture';

// Every action spec in lib/ (found by shape, so a new one is swept without being listed) called by
// a role allowed to run it, with wrong types, missing and extra fields, huge strings and numbers,
// unicode edge cases and SQL-like text. Each answer must be a clear refusal in Chinese or a
// legitimate success; never a thrown error (HTTP 500), never a half-written change.

const DAY = '2026-11-26';
process.env.ROUNDS_NOW = zonedTime(DAY, '15:00').toISOString();

type AnySpec = Omit<ActionSpec<never, unknown>, 'schema'> & { schema: { safeParse: (v: unknown) => unknown; _zod?: { def: Record<string, unknown> } } };
const isSpec = (v: unknown): v is AnySpec =>
  !!v && typeof v === 'object' && typeof (v as AnySpec).name === 'string' && typeof (v as AnySpec).permission === 'string' && typeof (v as AnySpec).handler === 'function' && typeof (v as AnySpec).schema?.safeParse === 'function';

const modules = import.meta.glob('../lib/**/*.ts', { eager: true }) as Record<string, Record<string, unknown>>;
const specs = [...new Map(Object.values(modules).flatMap((m) => Object.values(m).filter(isSpec).map((s) => [s.name, s] as const))).values()];

/** The field names of a schema, looking through pipes, defaults, refinements and unions. */
function fieldsOf(schema: unknown, depth = 0): string[] {
  const def = (schema as { _zod?: { def: Record<string, unknown> } })?._zod?.def;
  if (!def || depth > 5) return [];
  if (def.type === 'object') return Object.keys(def.shape as object);
  if (def.type === 'pipe') return fieldsOf(def.in, depth + 1);
  if (def.type === 'union') return [...new Set((def.options as unknown[]).flatMap((o) => fieldsOf(o, depth + 1)))];
  if ('innerType' in def) return fieldsOf(def.innerType, depth + 1);
  return [];
}

const junk: [string, unknown][] = [
  ['null', null],
  ['number', 42],
  ['string', 'x'],
  ['array', [1, 2, 3]],
  ['empty object', {}],
  ['huge string', '长'.repeat(1_000_000)],
  ['huge number', 1e308],
  ['negative', -1],
  ['fraction', 0.5],
  ['NaN text', 'NaN'],
  ['boolean', true],
  ['SQL-like text', "1'; drop table visits; --"],
  ['NUL and control characters', '\u0000\u0007\u001b[31m'],
  ['unicode edge cases', '𠮷😀\u202e\u200d\uFEFFé'],
  ['lone surrogate', '\uD800'],
  ['nested deep', JSON.parse('['.repeat(200) + ']'.repeat(200))],
  ['prototype pollution', JSON.parse('{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}}}')],
];

let t: Awaited<ReturnType<typeof createTestDb>>;
let w: Awaited<ReturnType<typeof makeWorld>>;

beforeAll(async () => {
  t = await createTestDb();
  w = await makeWorld(t.db, DAY);
});
afterAll(() => t.cleanup());

const headers = () => new Headers({ origin: 'http://app.test', host: 'app.test' });
const userFor: Record<Role, string> = { manager: 'mgr1', supervisor: 'sup1', branch_head: 'bh1', admin: 'admin' };
const audits = async () => (await t.db.select({ n: count() }).from(auditLog))[0].n;

describe('the malformed input sweep', () => {
  it('finds the actions', () => {
    expect(specs.length).toBeGreaterThanOrEqual(20);
  });

  it('every action answers every malformed input with a clear refusal and writes nothing', async () => {
    let cases = 0;
    let refused = 0;
    const accepted: string[] = [];
    const failures: string[] = [];
    for (const spec of specs) {
      const role = (['manager', 'supervisor', 'branch_head', 'admin'] as Role[]).find((r) => can(r, spec.permission));
      if (!role) continue;
      const ctx = { user: w.asCurrent(userFor[role]), headers: headers(), db: t.db, ip: '127.0.0.1' };
      const inputs: [string, unknown][] = [...junk, ['undefined', undefined]];
      for (const field of fieldsOf(spec.schema)) {
        for (const [label, value] of junk) inputs.push([`${field} = ${label}`, { [field]: value }]);
        inputs.push([`${field} plus an unknown field`, { [field]: 'x', unexpected: { deep: true } }]);
      }
      for (const [label, input] of inputs) {
        cases++;
        const before = await audits();
        try {
          const r = await runAction(spec as never, ctx, input);
          if (r.ok) {
            // only an action that needs no input (its schema takes {}) may accept junk objects
            if (!(spec.schema.safeParse({}) as { success: boolean }).success) accepted.push(`${spec.name}: ${label}`);
            continue;
          }
          refused++;
          if (!/[\u4e00-\u9fff]/.test(r.message)) failures.push(`${spec.name} / ${label}: message not in Chinese: ${r.message}`);
          for (const [k, msgs] of Object.entries(r.fieldErrors ?? {})) {
            if (!msgs.every((m) => /[\u4e00-\u9fff]/.test(m))) failures.push(`${spec.name} / ${label}: field ${k}: ${msgs.join(' ')}`);
          }
          if ((await audits()) !== before) failures.push(`${spec.name} / ${label}: refused but wrote an audit row`);
        } catch (e) {
          failures.push(`${spec.name} / ${label}: threw ${(e as Error).message.slice(0, 200)}`);
        }
      }
    }
    if (accepted.length) console.log('accepted:', accepted);
    console.log(`malformed input sweep: ${specs.length} actions, ${cases} cases, ${refused} refused, ${accepted.length} accepted as valid`);
    expect(failures).toEqual([]);
    // nothing in this sweep is a complete, valid request
    expect(accepted).toEqual([]);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(cases).toBeGreaterThan(500);
  }, 300_000);
});

describe('malformed values inside otherwise valid requests', () => {
  const leaves = (v: unknown, path: (string | number)[] = []): (string | number)[][] =>
    v && typeof v === 'object' ? Object.entries(v).flatMap(([k, x]) => leaves(x, [...path, Array.isArray(v) ? Number(k) : k])) : [path];
  const setAt = (base: unknown, path: (string | number)[], value: unknown) => {
    const copy = structuredClone(base) as Record<string | number, unknown>;
    let cur = copy;
    for (const p of path.slice(0, -1)) cur = cur[p] as Record<string | number, unknown>;
    cur[path[path.length - 1]] = value;
    return copy;
  };

  it('a visit, a daily report and a complaint with one bad value each: refused cleanly or stored whole', async () => {
    const { submitVisitSpec } = await import('@/lib/visits/submit');
    const { dailyReportSpec } = await import('@/lib/reports/workflow');
    const { complaintIntakeSpec } = await import('@/lib/complaints/intake');
    const { visitStockLines, visits } = await import('@/db/schema');
    const sections = Object.fromEntries(['ask', 'look', 'introduce', 'tidy', 'collect', 'answer', 'record'].map((k) => [k, { done: true }]));
    const bases: [AnySpec, () => Record<string, unknown>][] = [
      [
        submitVisitSpec as unknown as AnySpec,
        () => ({
          clientId: crypto.randomUUID(),
          retailerId: w.shops[0].id,
          startedAt: zonedTime(DAY, '10:00').toISOString(),
          endedAt: zonedTime(DAY, '10:12').toISOString(),
          deviceSentAt: zonedTime(DAY, '10:13').toISOString(),
          sections,
          illegalFound: false,
          stockLines: [{ specId: w.specs[0].id, stock: 12, onCounter: true, priceTagOk: true }],
          orderLines: [{ specId: w.specs[0].id, qty: 2 }],
          infoItems: [{ kind: 'market', note: '竞品促销' }],
          complaints: [],
        }),
      ],
      [dailyReportSpec as unknown as AnySpec, () => ({ clientId: crypto.randomUUID(), day: DAY, missedReasons: {}, commonIssues: '无', gains: '新开一户', submit: false })],
      [complaintIntakeSpec as unknown as AnySpec, () => ({ clientId: crypto.randomUUID(), retailerId: w.shops[0].id, source: 'hotline', category: 'delivery', description: '送货晚了两个小时' })],
    ];
    let cases = 0;
    let stored = 0;
    const failures: string[] = [];
    for (const [spec, base] of bases) {
      const ctx = { user: w.asCurrent('mgr1'), headers: headers(), db: t.db, ip: '127.0.0.1' };
      for (const path of leaves(base()).filter((p) => p[0] !== 'clientId')) {
        for (const [label, value] of junk) {
          cases++;
          const before = await audits();
          try {
            const r = await runAction(spec as never, ctx, setAt(base(), path, value));
            if (r.ok) stored++;
            else if (!/[\u4e00-\u9fff]/.test(r.message) || (await audits()) !== before) failures.push(`${spec.name} ${path.join('.')} = ${label}: ${r.message}`);
          } catch (e) {
            failures.push(`${spec.name} ${path.join('.')} = ${label}: threw ${(e as Error).message.slice(0, 160)}`);
          }
        }
      }
    }
    // every stored visit is whole: as many stock lines as its request had
    const { sql } = await import('drizzle-orm');
    const { rawRows } = await import('@/db/index');
    const [orphans] = await rawRows<{ n: number }>(t.db, sql`select count(*)::int as n from ${visits} v where not exists (select 1 from ${visitStockLines} l where l.visit_id = v.id)`);
    console.log(`malformed values inside valid requests: ${cases} cases, ${stored} stored as valid, ${cases - stored} refused`);
    expect(failures).toEqual([]);
    expect(cases).toBeGreaterThan(200);
    expect(orphans?.n ?? 0).toBe(0);
  }, 300_000);
});
