// Deterministic demo / test data: same seed + today ⇒ the same rows. Every random choice comes from
// a seeded stream named after what it decides (Rng.of(seed, purpose, id)), so streaming order and
// scale do not shift other streams. Facts agree with each other by construction: stock lines come
// from a day-by-day stock simulation whose deliveries are the order lines, so implied sales between
// two visits are the simulated sales and never negative.
import { hash } from '@node-rs/argon2';
import { getTableColumns, getTableName, is, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import * as s from '../schema';
import type { VisitSections } from '../schema';
import { rawRows, type Db, type DbOrTx } from '../index';
import { rebuildRollups } from '../rollups';
import { freezeSubmittedReports } from '../reports';
import {
  addDays,
  addMonths,
  addWorkingDays,
  daysInMonth,
  diffDays,
  eachDay,
  isoWeekday,
  isWorkingDay,
  monthEnd,
  monthStart,
  weekStart,
  workingDaysBetween,
  zonedTime,
  type WorkCalendar,
} from '../../lib/time';
import { defaultComplaintCategories, settingDefaults } from '../../lib/settings-defaults';
import { getSettings } from '../../lib/settings';
import * as D from './data';
import { Rng } from './random';

export type SeedScale = 'test' | 'demo' | 'city' | 'large';
export type SeedOptions = {
  scale: SeedScale;
  seed?: number;
  today: string;
  onProgress?: (msg: string) => void;
  /** Check foreign keys row by row while loading (slower). Default false: when the role may, the
   * load runs with session_replication_role = replica, which skips FK triggers; the rows are
   * consistent by construction and tests/seed.test.ts seeds once with checks on. */
  checkForeignKeys?: boolean;
};

type Area = 'city' | 'rural';

type ScaleCfg = {
  branches: number;
  teamsPerBranch: number;
  mgrsPerTeam: number;
  days: number;
  specs: 'core' | 'all';
  perDay: (area: Area) => number; // planned visits per working day
  isRural: (teamNo: number, mgrInTeam: number) => boolean; // 0-based team number and index in team
};

const standardPerDay = (area: Area) =>
  (area === 'city' ? settingDefaults.visitStandardCity : settingDefaults.visitStandardRural) / 0.92;

export const SCALES: Record<SeedScale, ScaleCfg> = {
  test: {
    branches: 2,
    teamsPerBranch: 1,
    mgrsPerTeam: 2,
    days: 120,
    specs: 'core',
    perDay: () => 12,
    isRural: (team, i) => team === 1 && i === 1,
  },
  demo: { branches: 2, teamsPerBranch: 2, mgrsPerTeam: 4, days: 90, specs: 'all', perDay: standardPerDay, isRural: (_t, i) => i === 3 },
  city: { branches: 20, teamsPerBranch: 2, mgrsPerTeam: 4, days: 90, specs: 'all', perDay: standardPerDay, isRural: (_t, i) => i === 3 },
  large: { branches: 20, teamsPerBranch: 2, mgrsPerTeam: 4, days: 365, specs: 'all', perDay: standardPerDay, isRural: (_t, i) => i === 3 },
};

export const DEMO_PASSWORD = 'Rounds@2026';

// ---------------------------------------------------------------- model types

type SpecInfo = D.SpecDef & { id: number; idx: number; wholesaleFen: number; retailFen: number };
type Org = { branchId: number; teamId: number; managerId: number };

type Mgr = {
  id: number;
  no: number; // 1-based global number (mgrN)
  name: string;
  area: Area;
  branchId: number;
  teamId: number;
  team: Team;
  routes: RouteInfo[];
  perDay: number;
};
type Team = {
  id: number;
  no: number; // 1-based
  branchId: number;
  branchHeadId: number;
  supervisorId: number;
  mgrs: Mgr[];
};
type RouteInfo = { id: number; code: string; name: string; area: Area; mgr: Mgr; members: Ret[] };
type Seg = { from: string; mgr: Mgr; route: RouteInfo; seq: number };
type Ret = {
  id: number;
  licence: string;
  name: string;
  owner: string;
  phone: string;
  address: string;
  area: Area;
  format: (typeof s.retailFormatEnum.enumValues)[number];
  size: 'large' | 'medium' | 'small';
  grade: number;
  isKey: boolean;
  isEnterprise: boolean;
  isCollectionPoint: boolean;
  isESettlement: boolean;
  orderWeekday: number;
  segs: Seg[];
  carried: number[]; // spec idx
  carriedPos: Map<number, number>; // spec idx → local index
  rate: Float64Array; // demand per day, 条
  target: Int32Array;
  reorder: Int32Array;
  priceUp: number; // shop's retail markup in fen per 条 (collection sheets)
  erratic: boolean; // orders in fits and starts (the high-fluctuation group)
  sim?: Sim;
};
type SimOrder = { di: number; deliveryDate: string; lines: { k: number; ordered: number; supplied: number }[] };
type Sim = {
  stock: Int32Array; // start-of-day stock after deliveries, [di * nc + k]
  sales: Int32Array;
  deliv: Int32Array; // delivered on day di
  ordTot: Int32Array; // supplied 条 of the orders placed on day di (order weeks)
  orders: SimOrder[]; // only those dated in history
};

type ComplaintSeed = {
  ret: Ret;
  mgr: Mgr;
  source: 'visit' | 'hotline' | 'walk_in' | 'opinion_book';
  category: string;
  receivedAt: Date;
  visitId: string | null;
};

const CATEGORY_WEIGHTS: Record<string, number> = {
  supply: 5,
  ordering: 3,
  delivery: 3,
  manager_conduct: 1.5,
  settlement: 2,
  monopoly: 1,
  quality: 1.5,
  tie_in: 0.7,
  other: 1.5,
};

// ---------------------------------------------------------------- helpers

function fmtInt(n: number) {
  return Math.round(n).toLocaleString('en-US');
}

function stamps(m: Mgr): Org {
  return { branchId: m.branchId, teamId: m.teamId, managerId: m.id };
}

function segAt(r: Ret, day: string): Seg {
  let seg = r.segs[0];
  for (const sg of r.segs) if (sg.from <= day) seg = sg;
  return seg;
}

function freqOf(grade: number): number {
  for (const f of settingDefaults.visitFrequency) if (grade >= f.gradeMin && grade <= f.gradeMax) return f.perMonth;
  return 1;
}

function buildCalendar(): { cal: WorkCalendar; rows: { day: string; kind: 'holiday' | 'workday'; name: string }[] } {
  const rows: { day: string; kind: 'holiday' | 'workday'; name: string }[] = [];
  for (const [from, to, name] of D.HOLIDAYS) for (const d of eachDay(from, to)) rows.push({ day: d, kind: 'holiday', name });
  for (const [d, name] of D.MAKEUP_WORKDAYS) rows.push({ day: d, kind: 'workday', name });
  rows.sort((a, b) => (a.day < b.day ? -1 : 1));
  return {
    cal: {
      holidays: new Set(rows.filter((r) => r.kind === 'holiday').map((r) => r.day)),
      workdays: new Set(rows.filter((r) => r.kind === 'workday').map((r) => r.day)),
    },
    rows,
  };
}

function personName(rng: Rng) {
  return rng.pick(D.SURNAMES) + rng.pick(D.GIVEN_CHARS) + (rng.chance(0.7) ? rng.pick(D.GIVEN_CHARS) : '');
}

function phoneNo(rng: Rng) {
  return rng.pick(D.PHONE_PREFIXES) + String(rng.int(0, 99999999)).padStart(8, '0');
}

const MIN = 60_000;
const HOUR = 3_600_000;

// ---------------------------------------------------------------- inserts

// Rows go in as multi-row INSERT … VALUES with literal values: drizzle's query builder costs ~70 µs
// a row in parameter mapping alone, five times the database's own work here. Values still go
// through each column's own mapToDriverValue (dates, jsonb …), then become quoted literals.
function literal(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`non-finite number in seed data: ${v}`);
    return String(v);
  }
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Date) return `'${v.toISOString()}'`;
  const str = typeof v === 'string' ? v : JSON.stringify(v);
  return `'${str.replace(/'/g, "''")}'`;
}

// COPY's text format: \N is null; backslash, tab, newline and carriage return are escaped.
function copyText(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`non-finite number in seed data: ${v}`);
    return String(v);
  }
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (typeof v === 'bigint') return v.toString();
  const str = v instanceof Date ? v.toISOString() : typeof v === 'string' ? v : JSON.stringify(v);
  return str.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

type CopyClient = { unsafe: (q: string) => { writable: () => Promise<NodeJS.WritableStream & { on: (e: string, f: (...a: unknown[]) => void) => void; once: (e: string, f: (...a: unknown[]) => void) => void }> } };
// the postgres.js connection behind a drizzle handle or transaction; PGlite has none
function copyClient(db: DbOrTx): CopyClient | null {
  const client = (db as unknown as { session?: { client?: unknown } }).session?.client as { unsafe?: unknown; begin?: unknown; savepoint?: unknown } | undefined;
  if (!client || typeof client.unsafe !== 'function') return null;
  if (typeof client.begin !== 'function' && typeof client.savepoint !== 'function') return null;
  return client as unknown as CopyClient;
}

const BULK_TABLES = ['visits', 'visit_stock_lines', 'visit_order_lines', 'visit_plan_items', 'orders', 'order_lines', 'visit_info_items', 'agreed_volumes', 'customer_group_assignments', 'collection_sheet_lines'];
// drops the secondary indexes (not those behind primary keys or unique constraints) of the big fact
// tables and answers their definitions, to be run again after the load
async function dropFactIndexes(db: Db): Promise<string[]> {
  const rows = await rawRows<{ name: string; def: string }>(
    db,
    sql`select i.indexname as name, i.indexdef as def from pg_indexes i
        where i.schemaname = current_schema() and i.tablename = any(${sql.raw(`array[${BULK_TABLES.map((t) => `'${t}'`).join(',')}]`)})
          and not exists (select 1 from pg_constraint c where c.conname = i.indexname)
          and not exists (select 1 from pg_index x join pg_class ci on ci.oid = x.indexrelid where ci.relname = i.indexname and x.indisunique)`,
  );
  for (const r of rows) await db.execute(sql.raw(`drop index "${r.name}"`));
  return rows.map((r) => r.def);
}

class Writer {
  counts: Record<string, number> = {};
  rowsPerStatement = 1000;
  async insert(db: DbOrTx, table: PgTable, rows: object[]) {
    if (!rows.length) return;
    const cols = getTableColumns(table) as Record<string, { name: string; mapToDriverValue: (v: unknown) => unknown }>;
    const keys = new Set<string>();
    for (const r of rows) for (const k of Object.keys(r)) if ((r as Record<string, unknown>)[k] !== undefined) keys.add(k);
    const used = Object.keys(cols).filter((k) => keys.has(k));
    for (const k of keys) if (!cols[k]) throw new Error(`${getTableName(table)} has no column ${k}`);
    // PostgreSQL: COPY, several times faster than multi-row INSERT for the millions of fact rows;
    // a column left out of some rows (its default) needs INSERT's DEFAULT, so those tables insert.
    const client = copyClient(db);
    if (client && rows.length >= 200 && rows.every((r) => used.every((k) => (r as Record<string, unknown>)[k] !== undefined))) {
      const stream = await client.unsafe(`copy "${getTableName(table)}" (${used.map((k) => `"${cols[k].name}"`).join(', ')}) from stdin`).writable();
      const done = new Promise<void>((resolve, reject) => {
        stream.on('finish', resolve);
        stream.on('error', reject);
      });
      let chunk = '';
      for (const r of rows as Record<string, unknown>[]) {
        chunk += used.map((k) => copyText(r[k] === null ? null : cols[k].mapToDriverValue(r[k]))).join('\t') + '\n';
        if (chunk.length > 1 << 20) {
          if (!stream.write(chunk)) await new Promise((res) => stream.once('drain', res));
          chunk = '';
        }
      }
      stream.end(chunk);
      await done;
      const name = getTableName(table);
      this.counts[name] = (this.counts[name] ?? 0) + rows.length;
      return;
    }
    const head = `insert into "${getTableName(table)}" (${used.map((k) => `"${cols[k].name}"`).join(', ')}) values `;
    for (let i = 0; i < rows.length; i += this.rowsPerStatement) {
      const parts: string[] = [];
      for (const r of rows.slice(i, i + this.rowsPerStatement) as Record<string, unknown>[]) {
        const vals = used.map((k) => {
          const v = r[k];
          if (v === undefined) return 'DEFAULT';
          if (v === null) return 'NULL';
          return literal(cols[k].mapToDriverValue(v));
        });
        parts.push(`(${vals.join(',')})`);
      }
      await db.execute(sql.raw(head + parts.join(',')));
    }
    const name = getTableName(table);
    this.counts[name] = (this.counts[name] ?? 0) + rows.length;
  }
}

// ---------------------------------------------------------------- the generator

export async function seed(db: Db, opts: SeedOptions): Promise<Record<string, number>> {
  const cfg = SCALES[opts.scale];
  if (!cfg) throw new Error(`unknown scale ${opts.scale}`);
  const seedN = opts.seed ?? 42;
  const today = opts.today;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error(`today must be YYYY-MM-DD, got ${today}`);
  const log = opts.onProgress ?? (() => {});
  const w = new Writer();
  let skipFk = false;
  if (!opts.checkForeignKeys) {
    const [r] = await rawRows<{ su: string }>(db, sql`select current_setting('is_superuser') as su`);
    skipFk = r?.su === 'on';
  }
  const bulkMode = async (tx: DbOrTx) => {
    if (skipFk) await tx.execute(sql`set local session_replication_role = replica`);
  };

  const histStart = addDays(today, -(cfg.days - 1));
  const simStart = addDays(histStart, -119); // warm-up: stock and purchase history before the first fact
  const now = zonedTime(today, '12:00'); // the demo's "now": today's rounds are half done
  const nowMs = now.getTime();
  const { cal, rows: calRows } = buildCalendar();
  const isWd = (d: string) => isWorkingDay(d, cal);

  const firstMonth = monthStart(histStart);
  const curMonth = monthStart(today);
  const nextMonth = addMonths(curMonth, 1);
  const histMonths: string[] = []; // months touching the history, up to the current one
  for (let m = firstMonth; m <= curMonth; m = addMonths(m, 1)) histMonths.push(m);
  const allMonths = [...histMonths, nextMonth];
  const monthIdx = new Map(allMonths.map((m, i) => [m, i]));
  const createdAt = zonedTime(addDays(simStart, -30), '09:00');

  // sim days
  const simDays = eachDay(simStart, today);
  const nDays = simDays.length;
  const histIdx = diffDays(histStart, simStart);
  const dIdx = (d: string) => diffDays(d, simStart);
  const dayIsWd = simDays.map(isWd);
  const dayMonthIdx = simDays.map((d) => monthIdx.get(monthStart(d)) ?? 0);
  const nextWdOf = simDays.map((d) => {
    let x = addDays(d, 1);
    while (!isWd(x)) x = addDays(x, 1);
    return x;
  });
  const dayFactor = simDays.map((d) => (cal.holidays.has(d) ? 1.45 : isoWeekday(d) >= 6 ? 1.12 : 1));
  // order days per order weekday (1..5): the first working day on or after it in each ISO week
  // order days per order weekday (1..5): the first working day on or after it in each ISO week,
  // else the last working day before it (a holiday moves the order, it does not skip the week)
  const orderDayFor: boolean[][] = [[], [], [], [], [], []];
  for (let ow = 1; ow <= 5; ow++) {
    const chosen = new Set<string>();
    for (let wk = weekStart(simStart); wk <= today; wk = addDays(wk, 7)) {
      const wdays = eachDay(wk, addDays(wk, 6)).filter(isWd);
      const pick = wdays.find((d) => isoWeekday(d) >= ow) ?? wdays[wdays.length - 1];
      if (pick) chosen.add(pick);
    }
    orderDayFor[ow] = simDays.map((d) => chosen.has(d));
  }
  const histWorkDays = workingDaysBetween(histStart, today, cal);

  // ------------------------------------------------------------ reference data
  log(`[seed] scale ${opts.scale}, seed ${seedN}, history ${histStart} … ${today}`);
  await w.insert(
    db,
    s.settings,
    Object.entries(settingDefaults).map(([key, value]) => ({ key, value, updatedAt: createdAt })),
  );
  await w.insert(
    db,
    s.complaintCategories,
    defaultComplaintCategories.map((c, i) => ({ code: c.code, nameZh: c.nameZh, nameEn: c.nameEn, sort: i + 1 })),
  );
  const calFrom = addDays(simStart, -31);
  const calTo = addMonths(nextMonth, 2);
  await w.insert(
    db,
    s.calendarDays,
    calRows.filter((r) => r.day >= calFrom && r.day <= calTo),
  );

  const specDefs = cfg.specs === 'core' ? D.SPEC_DEFS.filter((x) => x.core) : D.SPEC_DEFS;
  const specList: SpecInfo[] = specDefs.map((d, idx) => ({
    ...d,
    id: idx + 1,
    idx,
    wholesaleFen: Math.round(d.wholesale * 100),
    retailFen: Math.round(d.retail * 100),
  }));
  await w.insert(
    db,
    s.specs,
    specList.map((x) => ({
      id: x.id,
      code: x.code,
      brand: x.brand,
      name: x.name,
      priceClass: x.cls,
      wholesaleFen: x.wholesaleFen,
      retailFen: x.retailFen,
      packsPerCarton: 10,
      sticksPerPack: x.sticks ?? 20,
      createdAt,
    })),
  );
  const nSpecs = specList.length;
  const keyPool = specList.filter((x) => x.key);
  const eligible = (sp: SpecInfo, grade: number, area: Area) =>
    !!sp.key && grade >= sp.key.gradeMin && grade <= (sp.key.gradeMax ?? 30) && (!sp.key.area || sp.key.area === area);

  // key-brand lists: ~8 specs a month from the candidate pool
  const keyByMonth: SpecInfo[][] = [];
  {
    const rows: (typeof s.keyBrandLists.$inferInsert)[] = [];
    const items: (typeof s.keyBrandListItems.$inferInsert)[] = [];
    allMonths.forEach((m, i) => {
      const rng = Rng.of(seedN, 'keylist', m);
      const always = keyPool.filter((x) => x.pop >= 6); // 利群, 云烟(硬紫), 白沙, 红塔山 stay on every list
      const rest = rng.sample(keyPool.filter((x) => x.pop < 6), Math.max(0, 8 - always.length));
      const list = [...always, ...rest].sort((a, b) => a.idx - b.idx);
      keyByMonth[i] = list;
      rows.push({ id: i + 1, month: m, note: `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月重点品牌`, createdAt });
      for (const sp of list)
        items.push({ listId: i + 1, specId: sp.id, gradeMin: sp.key!.gradeMin, gradeMax: sp.key!.gradeMax ?? 30, area: sp.key!.area ?? null });
    });
    await w.insert(db, s.keyBrandLists, rows);
    await w.insert(db, s.keyBrandListItems, items);
  }
  const keyIdxByMonth = keyByMonth.map((l) => new Set(l.map((x) => x.idx)));

  // supply allocations: month × spec × grade range
  const RANGES: [number, number][] = [
    [1, 9],
    [10, 19],
    [20, 30],
  ];
  const alloc: number[][][] = []; // [month][spec][range]
  {
    const rows: (typeof s.supplyAllocations.$inferInsert)[] = [];
    allMonths.forEach((m, mi) => {
      const rng = Rng.of(seedN, 'alloc', m);
      alloc[mi] = specList.map((sp) => {
        const base =
          sp.cls === 1 ? (sp.pop >= 4 ? [2, 5, 10] : [3, 8, 15]) : sp.cls === 2 ? [6, 15, 30] : [10, 30, 80];
        const f = rng.float(0.8, 1.25);
        const vals = base.map((b) => Math.max(1, Math.round(b * f)));
        RANGES.forEach(([a, b], ri) => rows.push({ month: m, specId: sp.id, gradeMin: a, gradeMax: b, maxPerWeek: vals[ri] }));
        return vals;
      });
    });
    await w.insert(db, s.supplyAllocations, rows);
  }
  const rangeOf = (g: number) => (g <= 9 ? 0 : g <= 19 ? 1 : 2);
  const allocFor = (mi: number, specIdx: number, grade: number) => alloc[mi][specIdx][rangeOf(grade)];

  // ------------------------------------------------------------ organisation
  const pwHash = await hash(DEMO_PASSWORD);
  const orgRng = Rng.of(seedN, 'org');
  const users: (typeof s.users.$inferInsert)[] = [];
  let userId = 0;
  const addUser = (u: Omit<typeof s.users.$inferInsert, 'id' | 'passwordHash'>) => {
    userId++;
    users.push({ id: userId, passwordHash: pwHash, createdAt, updatedAt: createdAt, ...u });
    return userId;
  };
  addUser({ username: 'admin', name: '系统管理员', role: 'admin', branchId: null, teamId: null, phone: phoneNo(orgRng) });
  const branchRows: (typeof s.branches.$inferInsert)[] = [];
  const teamRows: (typeof s.teams.$inferInsert)[] = [];
  const teams: Team[] = [];
  const branchHeads: number[] = [];
  for (let b = 1; b <= cfg.branches; b++) {
    branchRows.push({ id: b, code: `B${String(b).padStart(2, '0')}`, name: D.BRANCH_NAMES[(b - 1) % D.BRANCH_NAMES.length], createdAt });
  }
  for (let b = 1; b <= cfg.branches; b++)
    branchHeads[b] = addUser({ username: `branch${b}`, name: personName(orgRng), role: 'branch_head', branchId: b, teamId: null, phone: phoneNo(orgRng) });
  let teamNo = 0;
  for (let b = 1; b <= cfg.branches; b++)
    for (let t = 0; t < cfg.teamsPerBranch; t++) {
      teamNo++;
      teamRows.push({ id: teamNo, branchId: b, code: `T${String(teamNo).padStart(3, '0')}`, name: teamName(teamNo, cfg), createdAt });
      teams.push({ id: teamNo, no: teamNo, branchId: b, branchHeadId: branchHeads[b], supervisorId: 0, mgrs: [] });
    }
  for (const t of teams)
    t.supervisorId = addUser({ username: `sup${t.no}`, name: personName(orgRng), role: 'supervisor', branchId: t.branchId, teamId: t.id, phone: phoneNo(orgRng) });
  let mgrNo = 0;
  for (const t of teams)
    for (let i = 0; i < cfg.mgrsPerTeam; i++) {
      mgrNo++;
      const area: Area = cfg.isRural(t.no - 1, i) ? 'rural' : 'city';
      const name = personName(orgRng);
      const id = addUser({ username: `mgr${mgrNo}`, name, role: 'manager', branchId: t.branchId, teamId: t.id, phone: phoneNo(orgRng) });
      t.mgrs.push({ id, no: mgrNo, name, area, branchId: t.branchId, teamId: t.id, team: t, routes: [], perDay: cfg.perDay(area) });
    }
  await w.insert(db, s.branches, branchRows);
  await w.insert(db, s.teams, teamRows);
  await w.insert(db, s.users, users);

  const allMgrs = teams.flatMap((t) => t.mgrs);
  const expectVisits = allMgrs.reduce((a, m) => a + m.perDay * histWorkDays.length * 0.95, 0);
  log(`[seed] ${teams.length} teams, ${allMgrs.length} managers, ${nSpecs} specs, ~${fmtInt(expectVisits)} visits expected`);

  // global id counters (explicit ids: deterministic, and facts can reference them before insert)
  const ids = { route: 0, retailer: 0, plan: 0, planItem: 0, complaint: 0, opinion: 0, report: 0, summary: 0, sheet: 0 };
  const complaintNoByDay = new Map<string, number>();
  let visitsDone = 0;
  const reassignDate = (() => {
    const mid = addDays(histStart, Math.floor(cfg.days / 2));
    const a = monthStart(mid);
    const b = addMonths(a, 1);
    const pick = Math.abs(diffDays(mid, a)) <= Math.abs(diffDays(b, mid)) && a > histStart ? a : b;
    return pick <= today ? pick : a;
  })();

  // A bulk load into empty tables builds their secondary indexes once at the end: kept up row by row,
  // the indexes of 10M+ stock lines outgrow the buffer cache and every insert waits on random I/O.
  const deferred = copyClient(db) && (opts.scale === 'city' || opts.scale === 'large') ? await dropFactIndexes(db) : [];
  try {
    await seedTeams();
  } finally {
    if (deferred.length) {
      const ti = performance.now();
      await db.execute(sql`set maintenance_work_mem = '512MB'`);
      for (const def of deferred) await db.execute(sql.raw(def));
      await db.execute(sql`reset maintenance_work_mem`);
      log(`[seed] built ${deferred.length} fact-table indexes in ${((performance.now() - ti) / 1000).toFixed(1)}s`);
    }
  }
  async function seedTeams() {
    // ------------------------------------------------------------ per team
    for (const team of teams) {
      const rng = Rng.of(seedN, 'team', team.no);
      // routes and retailers
      const teamRets: Ret[] = [];
      const routeRows: (typeof s.routes.$inferInsert)[] = [];
      for (const m of team.mgrs) {
        const nRoutes = [5, 4, 5, 6][m.no % 4];
        const district = m.area === 'city' ? D.DISTRICTS[(m.no - 1) % D.DISTRICTS.length] : D.COUNTIES[(m.no - 1) % D.COUNTIES.length];
        const roads = rng.sample(m.area === 'city' ? D.ROADS : D.TOWNS, nRoutes);
        for (let r = 0; r < nRoutes; r++) {
          ids.route++;
          const route: RouteInfo = {
            id: ids.route,
            code: `XL${String(m.no).padStart(4, '0')}${r + 1}`,
            name: `${district}${roads[r]}${m.area === 'city' ? '片' : ''}线路`,
            area: m.area,
            mgr: m,
            members: [],
          };
          m.routes.push(route);
          routeRows.push({ id: route.id, code: route.code, name: route.name, area: route.area, branchId: m.branchId, teamId: m.teamId, managerId: m.id, createdAt });
        }
        // shops until the planned visits a month reach perDay × an average month's working days
        const wantPerMonth = m.perDay * 21.75;
        const mine: Ret[] = [];
        let sum = 0;
        while (sum < wantPerMonth) {
          const r = makeRetailer(rng, m);
          mine.push(r);
          sum += freqOf(r.grade);
        }
        // route blocks in address order
        const per = Math.ceil(mine.length / nRoutes);
        mine.forEach((r, i) => {
          const route = m.routes[Math.min(nRoutes - 1, Math.floor(i / per))];
          const seq = route.members.length + 1;
          route.members.push(r);
          r.segs = [{ from: '0000-01-01', mgr: m, route, seq }];
          const roadName = route.name.replace(/片?线路$/, '').replace(district, '');
          const village = rng.pick(D.VILLAGES);
          r.name = r.name.replace('{P}', m.area === 'city' ? roadName.replace(/路|大道/, '') : village.replace(/村$/, ''));
          r.address =
            m.area === 'city'
              ? `${district}${roadName}${rng.int(1, 388)}号`
              : `${district}${roadName}${village}${rng.int(1, 12)}组`;
        });
        teamRets.push(...mine);
      }
      // a handful of shops change hands half-way (same team, same area)
      const nMove = Math.max(1, Math.round(teamRets.length * 0.01));
      for (let k = 0, tries = 0; k < nMove && tries < 200 && reassignDate > histStart; tries++) {
        const r = rng.pick(teamRets);
        if (r.segs.length > 1) continue;
        const from = r.segs[0].mgr;
        const cands = team.mgrs.filter((x) => x !== from && x.area === from.area);
        if (!cands.length) break;
        const to = rng.pick(cands);
        const route = rng.pick(to.routes);
        route.members.push(r);
        r.segs.push({ from: reassignDate, mgr: to, route, seq: route.members.length });
        k++;
      }
      for (const r of teamRets) {
        ids.retailer++;
        r.id = ids.retailer;
        r.licence = `43${String(team.branchId).padStart(2, '0')}${String(team.no % 100).padStart(2, '0')}${String(r.id).padStart(6, '0')}`;
      }
      await w.insert(db, s.routes, routeRows);
      await w.insert(
        db,
        s.retailers,
        teamRets.map((r) => {
          const cur = r.segs[r.segs.length - 1];
          return {
            id: r.id,
            licenceNo: r.licence,
            name: r.name,
            owner: r.owner,
            phone: r.phone,
            address: r.address,
            area: r.area,
            format: r.format,
            size: r.size,
            grade: r.grade,
            routeId: cur.route.id,
            routeSeq: cur.seq,
            branchId: cur.mgr.branchId,
            teamId: cur.mgr.teamId,
            managerId: cur.mgr.id,
            isKeyCustomer: r.isKey,
            isEnterprise: r.isEnterprise,
            isCollectionPoint: r.isCollectionPoint,
            isESettlement: r.isESettlement,
            createdAt,
          };
        }),
      );

      // stock simulation, shop by shop
      for (const r of teamRets) r.sim = simulate(r);

      const complaintSeeds: ComplaintSeed[] = [];

      for (const m of team.mgrs) {
        const tb = performance.now();
        const facts = buildManagerFacts(m, teamRets, complaintSeeds);
        const tm = performance.now();
        await db.transaction(async (tx) => {
          await bulkMode(tx);
          for (const [table, rows] of facts) {
            const ti = performance.now();
            await w.insert(tx, table, rows);
            if (process.env.SEED_PROFILE) log(`  ${getTableName(table)} ${rows.length} ${(performance.now() - ti).toFixed(0)}ms`);
          }
        });
        if (process.env.SEED_PROFILE) log(`  build ${(tm - tb).toFixed(0)}ms insert ${(performance.now() - tm).toFixed(0)}ms`);
        visitsDone += facts.find(([t]) => t === s.visits)?.[1].length ?? 0;
        log(`[seed] visits ${fmtInt(visitsDone)} / ~${fmtInt(expectVisits)} (${Math.min(100, Math.round((visitsDone / expectVisits) * 100))}%) — mgr${m.no} done`);
      }

      // complaints, opinion book, briefings: team level
      const teamFacts = buildTeamFacts(team, teamRets, complaintSeeds);
      await db.transaction(async (tx) => {
        await bulkMode(tx);
        for (const [table, rows] of teamFacts) await w.insert(tx, table, rows);
      });
      for (const r of teamRets) r.sim = undefined; // free memory before the next team
    }
  }

  // sequences past the explicit ids
  for (const t of [s.branches, s.teams, s.users, s.routes, s.retailers, s.specs, s.keyBrandLists, s.visitPlans, s.visitPlanItems, s.complaints, s.opinionEntries, s.dailyReports, s.summaries, s.collectionSheets]) {
    const name = getTableName(t);
    await db.execute(sql.raw(`select setval(pg_get_serial_sequence('${name}', 'id'), (select coalesce(max(id), 0) + 1 from "${name}"), false)`));
  }

  log('[seed] rebuilding rollups …');
  await rebuildRollups(db, log);
  // fresh statistics after a bulk load, or the planner guesses (seen: 27 s instead of 0.2 s for a visit's rollups);
  // and the visibility map, without which the dashboards' index-only reads go to the heap anyway
  await db.execute(sql`vacuum (analyze)`);
  const tf = performance.now();
  // the last five weeks, which is what people open; older generated reports keep their counts only
  const frozen = await freezeSubmittedReports(db, await getSettings(db), addDays(today, -35), log);
  log(`[seed] froze the figures of ${frozen.daily} daily reports and ${frozen.summaries} summaries in ${((performance.now() - tf) / 1000).toFixed(1)}s`);

  // counts of every table
  const counts: Record<string, number> = {};
  for (const t of Object.values(s)) {
    if (!isTable(t)) continue;
    const name = getTableName(t);
    const [row] = await rawRows<{ n: string | number }>(db, sql.raw(`select count(*)::bigint as n from "${name}"`));
    counts[name] = Number(row.n);
  }
  return counts;

  // ========================================================== closures

  function makeRetailer(rng: Rng, m: Mgr): Ret {
    const grade = Math.max(1, Math.min(30, Math.round(rng.normal(15, 6))));
    const area = m.area;
    const format = rng.weighted(
      ['grocery', 'convenience', 'supermarket', 'mall', 'tobacco_liquor', 'entertainment', 'other'] as const,
      area === 'city' ? [30, 25, 12, 2, 18, 9, 4] : [55, 12, 10, 0.5, 12, 6, 4.5],
    );
    const size =
      grade >= 22 || format === 'mall' || format === 'supermarket'
        ? rng.chance(0.7) ? 'large' : 'medium'
        : grade >= 12
          ? rng.chance(0.7) ? 'medium' : rng.chance(0.5) ? 'small' : 'large'
          : rng.chance(0.75) ? 'small' : 'medium';
    const isEnterprise = (format === 'supermarket' || format === 'convenience' || format === 'mall') && rng.chance(0.12);
    const owner = personName(rng);
    const word = rng.chance(0.35) ? owner.slice(0, 1) + rng.pick(['记', '氏', '家', '姐', '哥']) : rng.pick(D.SHOP_WORDS);
    const place = '{P}'; // the shop's road or village, filled in when it joins a route
    const name = isEnterprise
      ? `${rng.pick(D.CHAINS)}${place}${rng.pick(['店', '分店'])}`
      : `${rng.chance(0.5) ? place : ''}${word}${rng.pick(D.FORMAT_SUFFIX[format])}`;
    const r: Ret = {
      id: 0,
      licence: '',
      name,
      owner,
      phone: phoneNo(rng),
      address: '',
      area,
      format,
      size,
      grade,
      isKey: grade >= settingDefaults.keyCustomerMinGrade || isEnterprise,
      isEnterprise,
      isCollectionPoint: rng.chance(0.02),
      isESettlement: rng.chance(0.85),
      orderWeekday: rng.int(1, 5),
      segs: [],
      carried: [],
      carriedPos: new Map(),
      rate: new Float64Array(0),
      target: new Int32Array(0),
      reorder: new Int32Array(0),
      priceUp: rng.chance(0.7) ? 0 : rng.int(1, 4) * 500,
      erratic: rng.chance(0.08),
    };
    // assortment: every key candidate it is eligible for (mostly carried) + popular others
    const elig = keyPool.filter((sp) => eligible(sp, grade, area));
    const wantLines = Math.max(8, Math.min(20, Math.round(7 + grade * 0.3 + rng.normal(0, 1.5))));
    const carried = new Set<number>();
    for (const sp of elig) if (rng.chance(grade >= 20 ? 0.93 : 0.86)) carried.add(sp.idx);
    const popFor = (sp: SpecInfo) => {
      let p = sp.pop;
      if (sp.cls === 1) p *= grade < 10 ? 0.12 : grade < 20 ? 0.55 : 1.3;
      if (sp.cls === 1 && area === 'rural') p *= 0.5;
      if (sp.cls >= 4) p *= area === 'rural' ? 1.8 : grade >= 20 ? 0.5 : 1;
      return p;
    };
    const others = specList.filter((sp) => !elig.includes(sp));
    const listed = () => new Set([...carried, ...elig.map((x) => x.idx)]).size;
    let guard = 0;
    while ((listed() < wantLines || carried.size < 8) && guard++ < 500) {
      const pool = others.filter((sp) => !carried.has(sp.idx));
      if (!pool.length) break;
      const sp = rng.weighted(pool, pool.map(popFor));
      carried.add(sp.idx);
    }
    r.carried = [...carried].sort((a, b) => a - b);
    r.carried.forEach((x, k) => r.carriedPos.set(x, k));
    const nc = r.carried.length;
    const sizeF = size === 'large' ? 1.3 : size === 'medium' ? 1 : 0.75;
    const weekly = (4 + 0.11 * grade * grade) * sizeF * (area === 'rural' ? 0.8 : 1) * rng.float(0.8, 1.2);
    const weights = r.carried.map((x) => popFor(specList[x]) * rng.float(0.4, 1.6));
    const tw = weights.reduce((a, b) => a + b, 0);
    const cover = rng.chance(0.04) ? rng.float(3, 5) : rng.chance(0.04) ? rng.float(0.5, 0.8) : rng.float(1, 2);
    r.rate = new Float64Array(nc);
    r.target = new Int32Array(nc);
    r.reorder = new Int32Array(nc);
    for (let k = 0; k < nc; k++) {
      const daily = ((weekly / 7) * weights[k]) / tw;
      r.rate[k] = daily;
      r.target[k] = Math.max(2, Math.round(daily * 7 * cover));
      // the smallest gap to the target worth ordering (order-up-to, weekly)
      r.reorder[k] = Math.max(1, Math.round(daily * 7 * 0.3));
    }
    return r;
  }

  function simulate(r: Ret): Sim {
    const rng = Rng.of(seedN, 'sim', r.id);
    const nc = r.carried.length;
    const stock = new Int32Array(nDays * nc);
    const sales = new Int32Array(nDays * nc);
    const deliv = new Int32Array(nDays * nc);
    const cur = new Int32Array(nc);
    for (let k = 0; k < nc; k++) cur[k] = Math.round(r.target[k] * rng.float(0.8, 1));
    const orders: SimOrder[] = [];
    const ordTot = new Int32Array(nDays);
    const orderDays = orderDayFor[r.orderWeekday];
    for (let di = 0; di < nDays; di++) {
      const base = di * nc;
      for (let k = 0; k < nc; k++) cur[k] += deliv[base + k];
      if (orderDays[di] && !(r.erratic && rng.chance(0.4))) {
        const mi = dayMonthIdx[di];
        const boost = r.erratic ? rng.float(1, 2.2) : 1;
        const lines: SimOrder['lines'] = [];
        for (let k = 0; k < nc; k++) {
          if (r.target[k] - cur[k] < r.reorder[k] && !rng.chance(0.03)) continue;
          const want = Math.max(1, Math.round(r.target[k] * boost) - cur[k] + (rng.chance(0.2) ? rng.int(0, 2) : 0));
          const cap = allocFor(mi, r.carried[k], r.grade);
          const supplied = Math.min(want, cap);
          lines.push({ k, ordered: want, supplied });
        }
        if (lines.length) {
          const sameDay = rng.chance(0.1);
          const dd = sameDay ? di : di + diffDays(nextWdOf[di], simDays[di]);
          for (const l of lines) {
            ordTot[di] += l.supplied;
            if (dd === di) {
              cur[l.k] += l.supplied;
              deliv[base + l.k] += l.supplied;
            } else if (dd < nDays) deliv[dd * nc + l.k] += l.supplied;
          }
          if (di >= histIdx) orders.push({ di, deliveryDate: sameDay ? simDays[di] : nextWdOf[di], lines });
        }
      }
      const f = dayFactor[di];
      for (let k = 0; k < nc; k++) {
        stock[base + k] = cur[k];
        const sold = Math.min(cur[k], rng.poisson(r.rate[k] * f));
        sales[base + k] = sold;
        cur[k] -= sold;
      }
    }
    return { stock, sales, deliv, ordTot, orders };
  }

  // purchases per order week (the ordering system's week, as supply allocations are)
  function weeklyPurchases(r: Ret, weekStartDay: string): number {
    const sim = r.sim!;
    let tot = 0;
    const i0 = dIdx(weekStartDay);
    for (let di = Math.max(0, i0); di < Math.min(nDays, i0 + 7); di++) tot += sim.ordTot[di];
    return tot;
  }

  /** Expected purchases in a month, as a planner sees them: the 28 days before it, scaled. */
  function monthlyDemand(r: Ret, m: string) {
    const sim = r.sim!;
    const nc = r.carried.length;
    const i1 = dIdx(m);
    const i0 = Math.max(0, i1 - 28);
    const scale = daysInMonth(m) / Math.max(1, i1 - i0);
    let qty = 0;
    let fen = 0;
    const byClass = [0, 0, 0, 0, 0, 0];
    for (let k = 0; k < nc; k++) {
      let q = 0;
      for (let di = i0; di < i1; di++) q += sim.deliv[di * nc + k];
      const sp = specList[r.carried[k]];
      qty += q * scale;
      fen += q * scale * sp.wholesaleFen;
      byClass[sp.cls] += q * scale;
    }
    return { qty, fen, byClass };
  }

  function cvPermille(r: Ret, month: string): number | null {
    const weeks: number[] = [];
    const ws = weekStart(month);
    for (let i = 8; i >= 1; i--) {
      const wk = addDays(ws, -7 * i);
      if (wk < simStart) continue;
      weeks.push(weeklyPurchases(r, wk));
    }
    if (weeks.length < 4) return null;
    const mean = weeks.reduce((a, b) => a + b, 0) / weeks.length;
    if (mean === 0) return null;
    const sd = Math.sqrt(weeks.reduce((a, b) => a + (b - mean) ** 2, 0) / weeks.length);
    return Math.round((sd / mean) * 1000);
  }

  function groupOf(r: Ret, month: string) {
    const cv = cvPermille(r, month);
    const group: 'high_fluctuation' | 'enterprise' | 'general' =
      cv !== null && cv > settingDefaults.highFluctuationCv * 1000 ? 'high_fluctuation' : r.isEnterprise ? 'enterprise' : 'general';
    return { cv, group };
  }

  function sectionsFor(rng: Rng, short: boolean, ret: Ret): VisitSections {
    const n = (p: number, arr: readonly string[]) => (rng.chance(p) ? rng.pick(arr) : undefined);
    const skip = short ? 0.5 : 0.03;
    return {
      ask: { done: true, note: n(0.25, D.ASK_NOTES) },
      look: {
        done: true,
        stockReasonable: rng.chance(0.85),
        displayTidy: rng.chance(0.9),
        tagsComplete: rng.chance(0.92),
        tagsMatch: rng.chance(0.95),
        note: n(0.15, D.LOOK_NOTES),
      },
      introduce: { done: !rng.chance(skip), topics: rng.sample(D.INTRO_TOPICS, rng.int(1, 3)), note: n(0.1, D.INTRO_NOTES) },
      tidy: { done: !rng.chance(skip), counter: true, display: rng.chance(0.95), priceTags: rng.chance(0.95) },
      collect: { done: !rng.chance(skip), note: n(0.2, D.COLLECT_NOTES) },
      answer: rng.chance(0.2) ? { done: true, questions: rng.pick(D.ANSWER_QUESTIONS), note: rng.pick(D.ANSWER_NOTES) } : { done: true },
      record: {
        done: true,
        handbook: !short || rng.chance(0.5),
        effects: n(0.15, D.RECORD_EFFECTS),
        suggestions: ret.isKey ? n(0.1, D.RECORD_SUGGESTIONS) : undefined,
      },
    };
  }

  // ---------------------------------------------------------- one manager's facts
  function buildManagerFacts(
    m: Mgr,
    teamRets: Ret[],
    complaintSeeds: ComplaintSeed[],
  ): [PgTable, object[]][] {
    const rng = Rng.of(seedN, 'mgr', m.no);
    const uuidRng = Rng.of(seedN, 'uuid', m.no);
    const org = stamps(m);
    const sup = m.team.supervisorId;
    const plans: (typeof s.visitPlans.$inferInsert)[] = [];
    const items: (typeof s.visitPlanItems.$inferInsert)[] = [];
    const missed: (typeof s.missedVisits.$inferInsert)[] = [];
    const visits: (typeof s.visits.$inferInsert)[] = [];
    const stockLines: (typeof s.visitStockLines.$inferInsert)[] = [];
    const vOrderLines: (typeof s.visitOrderLines.$inferInsert)[] = [];
    const infoItems: (typeof s.visitInfoItems.$inferInsert)[] = [];
    const orders: (typeof s.orders.$inferInsert)[] = [];
    const orderLines: (typeof s.orderLines.$inferInsert)[] = [];
    const followUps: (typeof s.orderFollowUps.$inferInsert)[] = [];
    const reports: (typeof s.dailyReports.$inferInsert)[] = [];
    const summaries: (typeof s.summaries.$inferInsert)[] = [];
    const reviews: (typeof s.reviewEvents.$inferInsert)[] = [];
    const forecasts: (typeof s.forecasts.$inferInsert)[] = [];
    const targets: (typeof s.targets.$inferInsert)[] = [];
    const agreed: (typeof s.agreedVolumes.$inferInsert)[] = [];
    const groups: (typeof s.customerGroupAssignments.$inferInsert)[] = [];
    const sheets: (typeof s.collectionSheets.$inferInsert)[] = [];
    const sheetLines: (typeof s.collectionSheetLines.$inferInsert)[] = [];

    const owned = (r: Ret, day: string) => segAt(r, day).mgr === m;
    const myRets = teamRets.filter((r) => r.segs.some((sg) => sg.mgr === m));

    // review helper: a submission, then approval (or return) by the supervisor
    const review = (
      subject: 'daily_report' | 'summary' | 'visit_plan',
      subjectId: number,
      submittedAt: Date,
      opts: { returnP: number; reviewDelayH: [number, number] },
    ) => {
      const out: { status: 'submitted' | 'approved' | 'returned'; reviewedAt: Date | null; reviewComment: string | null; reviewedBy: number | null } = {
        status: 'submitted',
        reviewedAt: null,
        reviewComment: null,
        reviewedBy: null,
      };
      reviews.push({ subject, subjectId, action: 'submitted', actorId: m.id, at: submittedAt });
      const t = submittedAt.getTime() + rng.float(opts.reviewDelayH[0], opts.reviewDelayH[1]) * HOUR;
      if (t > nowMs) return out;
      const roll = rng.next();
      if (roll < opts.returnP) {
        // returned; half of them resubmitted and approved later
        const comment = rng.pick(D.REVIEW_RETURN_COMMENTS);
        reviews.push({ subject, subjectId, action: 'returned', actorId: sup, comment, at: new Date(t) });
        Object.assign(out, { status: 'returned', reviewedAt: new Date(t), reviewComment: comment, reviewedBy: sup });
        const t2 = t + rng.float(1, 20) * HOUR;
        const t3 = t2 + rng.float(1, 20) * HOUR;
        if (rng.chance(0.5) && t3 <= nowMs) {
          reviews.push({ subject, subjectId, action: 'submitted', actorId: m.id, at: new Date(t2) });
          const c2 = rng.pick(D.REVIEW_APPROVE_COMMENTS);
          reviews.push({ subject, subjectId, action: 'approved', actorId: sup, comment: c2, at: new Date(t3) });
          Object.assign(out, { status: 'approved', reviewedAt: new Date(t3), reviewComment: c2 });
        }
        return out;
      }
      const c = rng.chance(0.4) ? rng.pick(D.REVIEW_APPROVE_COMMENTS) : null;
      reviews.push({ subject, subjectId, action: 'approved', actorId: sup, comment: c, at: new Date(t) });
      Object.assign(out, { status: 'approved', reviewedAt: new Date(t), reviewComment: c, reviewedBy: sup });
      return out;
    };

    // ---------------- plans and visits, month by month
    type DayStat = { planned: number; made: number; plannedMade: number; missed: number; offPlan: number; short: number; first?: Date; last?: Date; missedReasons: Record<string, string>; stockSum: number; stockShops: number; keyShelved: number; keyEligible: number; keyStock: number };
    const dayStats = new Map<string, DayStat>();

    let passNo = 0;
    for (const month of histMonths) {
      const mi = monthIdx.get(month)!;
      const wds = workingDaysBetween(month, monthEnd(month), cal);
      const planId = ++ids.plan;
      const prevLastWd = (() => {
        let d = addDays(month, -1);
        while (!isWd(d)) d = addDays(d, -1);
        return d;
      })();
      const submittedAt = new Date(zonedTime(prevLastWd, '16:30').getTime() + rng.int(0, 50) * MIN);
      plans.push({ id: planId, month, status: 'approved', submittedAt, createdAt: submittedAt, ...org });
      const rv = review('visit_plan', planId, submittedAt, { returnP: 0, reviewDelayH: [15, 18] });
      // plans are approved before the month starts (history) — force it for the current month too
      const reviewedAt = rv.reviewedAt ?? new Date(submittedAt.getTime() + 16 * HOUR);
      if (!rv.reviewedAt) reviews.push({ subject: 'visit_plan', subjectId: planId, action: 'approved', actorId: sup, at: reviewedAt });
      Object.assign(plans[plans.length - 1], { reviewedBy: sup, reviewedAt, reviewComment: rv.reviewComment });

      // The month is walked in passes of about a working week each; a pass goes through the routes
      // in order, taking every shop that is due in it (weekly: every pass; fortnightly: every other
      // pass, counted across months; monthly: one pass). The walk is then cut into equal daily
      // chunks, so a day's items mostly come from one route, in route order.
      const P = Math.max(1, Math.floor(wds.length / 5));
      const tour: { ret: Ret; route: RouteInfo }[] = [];
      for (let j = 0; j < P; j++) {
        for (const rt of m.routes) {
          for (const ret of rt.members) {
            const sg = segAt(ret, month);
            if (sg.mgr !== m || sg.route !== rt) continue;
            const f = freqOf(ret.grade);
            const due = f >= 4 ? true : f >= 2 ? (passNo + j + ret.id) % 2 === 0 : j === ret.id % P;
            if (due) tour.push({ ret, route: rt });
          }
        }
      }
      passNo += P;
      const W = wds.length;
      for (let k = 0; k < W; k++) {
        const d = wds[k];
        const chunk = tour.slice(Math.round((k * tour.length) / W), Math.round(((k + 1) * tour.length) / W));
        if (d < histStart || !chunk.length) continue;
        const list = chunk.map((x, i) => ({ ret: x.ret, route: x.route, seq: i + 1, itemId: ++ids.planItem }));
        for (const it of list) items.push({ id: it.itemId, planId, day: d, retailerId: it.ret.id, seq: it.seq, ...org });
        if (d > today) continue;
        visitDay(d, mi, list);
      }
    }

    function visitDay(d: string, mi: number, list: { ret: Ret; seq: number; itemId: number; route: RouteInfo }[]) {
      const isToday = d === today;
      const st: DayStat = { planned: list.length, made: 0, plannedMade: 0, missed: 0, offPlan: 0, short: 0, missedReasons: {}, stockSum: 0, stockShops: 0, keyShelved: 0, keyEligible: 0, keyStock: 0 };
      dayStats.set(d, st);
      type Slot = { ret: Ret; itemId: number | null; route: RouteInfo };
      const schedule: Slot[] = [];
      const planned = new Set(list.map((x) => x.ret.id));
      for (const it of list) {
        if (rng.chance(0.92)) schedule.push({ ret: it.ret, itemId: it.itemId, route: it.route });
        else if (!isToday) {
          const reason = rng.weighted(['closed', 'owner_absent', 'relocated', 'other'] as const, [35, 45, 5, 15]);
          const note = reason === 'other' ? rng.pick(D.MISSED_OTHER_NOTES) : null;
          missed.push({ day: d, retailerId: it.ret.id, reason, note, createdAt: zonedTime(d, '16:10'), ...org });
          st.missed++;
          st.missedReasons[String(it.ret.id)] = note ?? { closed: '关门歇业', owner_absent: '店主不在', relocated: '已搬迁', other: '其他' }[reason];
        }
      }
      // off-plan visits (~3%): shops of this manager not planned today, inserted at random positions
      const nOff = schedule.length ? rng.poisson(schedule.length * 0.032) : 0;
      if (nOff) {
        const cands = myRets.filter((r) => !planned.has(r.id) && owned(r, d));
        for (const r of rng.sample(cands, nOff)) {
          const pos = rng.int(0, schedule.length);
          schedule.splice(pos, 0, { ret: r, itemId: null, route: segAt(r, d).route });
        }
      }
      // times: first start ~09:10–09:25, end by ~15:00, a lunch break half-way
      const n = schedule.length;
      if (!n) return;
      const rural = m.area === 'rural';
      let startSec = 9 * 3600 + 10 * 60 + rng.int(0, 15 * 60);
      const endSec = 15 * 3600 - rng.int(0, 25 * 60);
      let lunch = rng.int(30, 50) * 60;
      const isShort = schedule.map(() => rng.chance(0.04));
      const dur = isShort.map((sh) => (sh ? rng.int(180, 460) : rng.int(485, 560)));
      const gaps = schedule.map(() => (rural ? rng.int(90, 300) : rng.int(40, 150)));
      gaps[0] = 0;
      const used = dur.reduce((a, b) => a + b, 0) + gaps.reduce((a, b) => a + b, 0);
      let avail = endSec - startSec - lunch;
      if (used > avail) {
        lunch = 15 * 60;
        avail = endSec - startSec - lunch;
        const over = used - avail;
        const gsum = gaps.reduce((a, b) => a + b, 0);
        const scale = gsum > 0 ? Math.max(0.15, 1 - over / gsum) : 1;
        for (let i = 1; i < n; i++) gaps[i] = Math.max(10, Math.round(gaps[i] * scale));
        // still too long: normal visits shrink towards 8 minutes (the day may run a little late)
        let left = dur.reduce((a, b) => a + b, 0) + gaps.reduce((a, b) => a + b, 0) - avail;
        for (let i = 0; i < n && left > 0; i++) {
          if (isShort[i]) continue;
          const cut = Math.min(left, dur[i] - 482);
          dur[i] -= cut;
          left -= cut;
        }
      } else {
        const extra = (avail - used) * rng.float(0.75, 0.98);
        const wts = dur.map((_, i) => (isShort[i] ? 0 : rng.next() ** 2 + 0.05));
        const ws = wts.reduce((a, b) => a + b, 0);
        for (let i = 0; i < n; i++) if (wts[i] > 0) dur[i] = Math.min(1200, dur[i] + Math.round((extra * wts[i]) / ws));
      }
      const dayBase = zonedTime(d, '00:00').getTime();
      let t = startSec;
      const lunchAfter = Math.floor(n / 2);
      for (let i = 0; i < n; i++) {
        if (i === lunchAfter && i > 0) t += lunch;
        t += gaps[i];
        const startMs = dayBase + t * 1000;
        const endMs = startMs + dur[i] * 1000;
        t += dur[i];
        if (isToday && (t > 11 * 3600 + 45 * 60)) break; // today: the morning only
        const slot = schedule[i];
        const seg = segAt(slot.ret, d);
        const id = uuidRng.uuid();
        const startedAt = new Date(startMs);
        const endedAt = new Date(endMs);
        const short = dur[i] < settingDefaults.shortVisitMinutes * 60;
        const delay = isToday ? rng.int(3, 60) : rng.chance(0.9) ? rng.int(3, 90) : rng.int(90, 1800);
        const illegal = rng.chance(0.01);
        visits.push({
          id,
          retailerId: slot.ret.id,
          routeId: seg.route.id,
          area: seg.route.area,
          planItemId: slot.itemId,
          offPlan: slot.itemId === null,
          visitDate: d,
          startedAt,
          endedAt,
          receivedAt: new Date(endMs + delay * 1000),
          clockOffsetMs: rng.int(-2500, 2500),
          durationSec: dur[i],
          short,
          sections: sectionsFor(rng, short, slot.ret),
          illegalFound: illegal,
          illegalNote: illegal ? rng.pick(D.ILLEGAL_NOTES) : null,
          ...org,
        });
        st.made++;
        if (slot.itemId !== null) st.plannedMade++;
        else st.offPlan++;
        if (short) st.short++;
        st.first ??= startedAt;
        st.last = endedAt;
        // stock lines: carried specs + every key spec the shop is eligible for this month
        const ret = slot.ret;
        const sim = ret.sim!;
        const nc = ret.carried.length;
        const di = dIdx(d);
        const keys = keyByMonth[mi].filter((sp) => eligible(sp, ret.grade, seg.route.area));
        const listed = new Set<number>(ret.carried);
        for (const sp of keys) listed.add(sp.idx);
        let shopStock = 0;
        const lowStock: { k: number; x: number; stock: number }[] = [];
        for (const x of [...listed].sort((a, b) => a - b)) {
          const k = ret.carriedPos.get(x);
          const stock = k === undefined ? 0 : sim.stock[di * nc + k];
          const onCounter = k !== undefined && stock > 0 ? rng.chance(0.96) : false;
          const isKey = keyIdxByMonth[mi].has(x) && eligible(specList[x], ret.grade, seg.route.area);
          stockLines.push({
            visitId: id,
            specId: specList[x].id,
            stock,
            onCounter,
            priceTagOk: onCounter ? rng.chance(0.94) : true,
            isKey,
            retailerId: ret.id,
            visitedAt: startedAt,
            visitDate: d,
            ...org,
          });
          shopStock += stock;
          if (isKey) {
            st.keyEligible++;
            if (onCounter) st.keyShelved++;
            if (ret.isKey) st.keyStock += stock;
          }
          if (k !== undefined && ret.target[k] - stock >= ret.reorder[k]) lowStock.push({ k, x, stock });
        }
        st.stockSum += shopStock;
        st.stockShops++;
        // simulated order
        if (lowStock.length && rng.chance(0.75)) {
          for (const l of rng.sample(lowStock, rng.int(1, 5))) {
            const qty = Math.max(1, ret.target[l.k] - l.stock);
            vOrderLines.push({
              visitId: id,
              specId: specList[l.x].id,
              qty,
              overLimit: qty > allocFor(mi, l.x, ret.grade),
              retailerId: ret.id,
              visitedAt: startedAt,
              ...org,
            });
          }
        }
        if (rng.chance(0.2)) {
          const kinds = rng.sample(['monopoly', 'market', 'retailer_change', 'service_feedback'] as const, rng.chance(0.8) ? 1 : 2);
          for (const kind of kinds)
            infoItems.push({ visitId: id, kind, note: rng.pick(D.INFO_NOTES[kind]), retailerId: ret.id, visitedAt: startedAt, ...org });
        }
        if (rng.chance(0.002)) {
          complaintSeeds.push({ ret, mgr: m, source: 'visit', category: pickCategory(rng), receivedAt: new Date(endMs), visitId: id });
        }
      }
    }

    // other complaints of this manager's shops (hotline, walk-in, opinion book): ~1 per 330 visits
    {
      const nOther = Math.round((visits.length / 330) * rng.float(0.8, 1.2));
      for (let i = 0; i < nOther; i++) {
        const d = rng.pick(histWorkDays);
        const rets = myRets.filter((r) => owned(r, d));
        if (!rets.length) continue;
        const at = zonedTime(d, '08:30').getTime() + rng.int(0, 9 * 60) * MIN;
        if (at > nowMs) continue;
        complaintSeeds.push({
          ret: rng.pick(rets),
          mgr: m,
          source: rng.weighted(['hotline', 'walk_in', 'opinion_book'] as const, [45, 25, 30]),
          category: pickCategory(rng),
          receivedAt: new Date(at),
          visitId: null,
        });
      }
    }

    // ---------------- orders from the ordering system
    for (const r of myRets) {
      const sim = r.sim!;
      for (const o of sim.orders) {
        const od = simDays[o.di];
        if (!owned(r, od)) continue;
        const orderNo = `SO${od.replace(/-/g, '')}${String(r.id).padStart(7, '0')}`;
        let status: 'success' | 'failed' | 'not_e_settlement' = 'not_e_settlement';
        let reason: (typeof s.settlementFailureEnum.enumValues)[number] | null = null;
        if (r.isESettlement) {
          status = rng.chance(0.03) ? 'failed' : 'success';
          if (status === 'failed') reason = rng.weighted(['insufficient_balance', 'outside_window', 'quantity_rule', 'other'] as const, [70, 12, 10, 8]);
        }
        orders.push({
          orderNo,
          retailerId: r.id,
          orderDate: od,
          deliveryDate: o.deliveryDate,
          settlementStatus: status,
          failureReason: reason,
          importedAt: zonedTime(od, '17:30'),
          ...org,
        });
        for (const l of o.lines) {
          const sp = specList[r.carried[l.k]];
          orderLines.push({
            orderNo,
            specId: sp.id,
            ordered: l.ordered,
            supplied: l.supplied,
            amountFen: l.supplied * sp.wholesaleFen,
            retailerId: r.id,
            orderDate: od,
            deliveryDate: o.deliveryDate,
            ...org,
          });
        }
        if (status === 'failed' && rng.chance(0.7)) {
          const at = zonedTime(od, '16:20').getTime() + rng.int(0, 60) * MIN;
          if (at <= nowMs) {
            const outcome = rng.weighted(['reached', 'not_reached', 'resolved'] as const, [45, 15, 40]);
            followUps.push({ orderNo, outcome, note: rng.pick(D.FOLLOW_UP_NOTES), at: new Date(at), ...org });
          }
        }
      }
    }

    // ---------------- daily reports for past working days
    for (const d of histWorkDays) {
      if (d >= today) continue;
      const st = dayStats.get(d);
      if (!st) continue;
      const id = ++ids.report;
      const late = rng.chance(0.05);
      const submittedAt = new Date(zonedTime(d, late ? '18:20' : '16:15').getTime() + rng.int(0, late ? 150 : 100) * MIN);
      const computed = {
        planned: st.planned,
        made: st.made,
        plannedMade: st.plannedMade,
        missed: st.missed,
        offPlan: st.offPlan,
        short: st.short,
        firstStart: st.first?.toISOString() ?? null,
        lastEnd: st.last?.toISOString() ?? null,
        avgStock: st.stockShops ? Math.round(st.stockSum / st.stockShops) : null,
        keyCustomerStock: st.keyStock,
        keyShouldShelve: st.keyEligible,
        keyShelved: st.keyShelved,
      };
      const rv = review('daily_report', id, submittedAt, { returnP: 0.07, reviewDelayH: [14, 21] });
      reports.push({
        id,
        day: d,
        status: rv.status,
        computed,
        missedReasons: st.missedReasons,
        commonIssues: rng.pick(D.REPORT_ISSUES),
        gains: rng.pick(D.REPORT_GAINS),
        submittedAt,
        late,
        reviewedBy: rv.reviewedBy,
        reviewedAt: rv.reviewedAt,
        reviewComment: rv.reviewComment,
        createdAt: zonedTime(d, '16:00'),
        ...org,
      });
    }

    // ---------------- weekly and monthly summaries
    for (let wk = weekStart(histStart) < histStart ? addDays(weekStart(histStart), 7) : weekStart(histStart); addDays(wk, 6) < today; wk = addDays(wk, 7)) {
      const due = addDays(wk, 7);
      const late = rng.chance(0.05);
      const submittedAt = new Date(zonedTime(late ? addDays(due, 1) : due, '14:30').getTime() + rng.int(0, 120) * MIN);
      if (submittedAt.getTime() > nowMs) continue;
      const id = ++ids.summary;
      let made = 0;
      let planned = 0;
      for (const d of eachDay(wk, addDays(wk, 6))) {
        const st = dayStats.get(d);
        if (st) {
          made += st.made;
          planned += st.planned;
        }
      }
      const rv = review('summary', id, submittedAt, { returnP: 0.05, reviewDelayH: [2, 20] });
      summaries.push({ id, kind: 'weekly', periodStart: wk, status: rv.status, computed: { planned, made }, analysis: rng.pick(D.SUMMARY_WEEKLY), submittedAt, late, reviewedBy: rv.reviewedBy, reviewedAt: rv.reviewedAt, reviewComment: rv.reviewComment, createdAt: submittedAt, ...org });
    }
    for (const month of histMonths) {
      if (month < histStart || monthEnd(month) >= today) continue;
      const due = addMonths(month, 1);
      const late = rng.chance(0.05);
      const submittedAt = new Date(zonedTime(late ? addDays(due, 2) : due, '14:00').getTime() + rng.int(0, 150) * MIN);
      if (submittedAt.getTime() > nowMs) continue;
      const id = ++ids.summary;
      let made = 0;
      let planned = 0;
      for (const [d, st] of dayStats) if (monthStart(d) === month) ((made += st.made), (planned += st.planned));
      const rv = review('summary', id, submittedAt, { returnP: 0.05, reviewDelayH: [2, 30] });
      summaries.push({ id, kind: 'monthly', periodStart: month, status: rv.status, computed: { planned, made }, analysis: rng.pick(D.SUMMARY_MONTHLY), submittedAt, late, reviewedBy: rv.reviewedBy, reviewedAt: rv.reviewedAt, reviewComment: rv.reviewComment, createdAt: submittedAt, ...org });
    }

    // ---------------- monthly: targets, agreements, groups, forecasts
    for (const month of histMonths) {
      const rets = myRets.filter((r) => owned(r, month));
      let qty = 0;
      let fen = 0;
      const byClass = [0, 0, 0, 0, 0, 0];
      for (const r of rets) {
        const dm = monthlyDemand(r, month);
        qty += dm.qty;
        fen += dm.fen;
        for (let c = 1; c <= 5; c++) byClass[c] += dm.byClass[c];
        agreed.push({ month, retailerId: r.id, qty: Math.max(1, Math.round(dm.qty * rng.float(0.85, 1.1))), ...org });
        const g = groupOf(r, month);
        groups.push({
          month,
          retailerId: r.id,
          group: g.group,
          isKeyCustomer: r.isKey,
          weeklyCv: g.cv,
          computedAt: zonedTime(month, '07:30'),
          ...org,
        });
        const indivAt = zonedTime(addDays(month, 7), '15:00');
        if (g.group !== 'general' && indivAt.getTime() <= nowMs)
          forecasts.push({ month, kind: 'individual', retailerId: r.id, qty: Math.max(0, Math.round(dm.qty * rng.float(0.8, 1.2))), note: g.group === 'high_fluctuation' ? '波动大，按近8周均值调整' : '企业级客户，按协议量预测', createdAt: indivAt, ...org });
      }
      const f = rng.float(1.0, 1.1);
      targets.push({ month, qty: Math.round(qty * f), amountFen: Math.round(fen * f), ...org });
      const totalAt = zonedTime(addDays(month, 2), '15:00');
      if (totalAt.getTime() <= nowMs)
        for (let c = 1; c <= 5; c++) forecasts.push({ month, kind: 'total', priceClass: c, qty: Math.round(byClass[c] * rng.float(0.9, 1.1)), createdAt: totalAt, ...org });
    }

    // ---------------- collection sheets (weekly, collection points)
    for (const r of myRets) {
      if (!r.isCollectionPoint) continue;
      const sim = r.sim!;
      const nc = r.carried.length;
      for (let wk = weekStart(histStart) < histStart ? addDays(weekStart(histStart), 7) : weekStart(histStart); addDays(wk, 7) <= today; wk = addDays(wk, 7)) {
        if (!owned(r, wk)) continue;
        const id = ++ids.sheet;
        sheets.push({ id, weekStart: wk, retailerId: r.id, createdAt: zonedTime(addDays(wk, 7), '10:00'), ...org });
        const i0 = dIdx(wk);
        r.carried.forEach((x, k) => {
          let purchases = 0;
          let sales = 0;
          let out = 0;
          for (let di = i0; di < i0 + 7; di++) {
            purchases += sim.deliv[di * nc + k];
            sales += sim.sales[di * nc + k];
            if (sim.stock[di * nc + k] - sim.sales[di * nc + k] === 0) out++;
          }
          const endStock = i0 + 7 < nDays ? sim.stock[(i0 + 7) * nc + k] - sim.deliv[(i0 + 7) * nc + k] : 0;
          sheetLines.push({ sheetId: id, specId: specList[x].id, purchases, sales, stock: Math.max(0, endStock), priceFen: specList[x].retailFen + r.priceUp, stockOutDays: out });
        });
      }
    }

    return [
      [s.visitPlans, plans],
      [s.visitPlanItems, items],
      [s.missedVisits, missed],
      [s.visits, visits],
      [s.visitStockLines, stockLines],
      [s.visitOrderLines, vOrderLines],
      [s.visitInfoItems, infoItems],
      [s.orders, orders],
      [s.orderLines, orderLines],
      [s.orderFollowUps, followUps],
      [s.dailyReports, reports],
      [s.summaries, summaries],
      [s.reviewEvents, reviews],
      [s.forecasts, forecasts],
      [s.targets, targets],
      [s.agreedVolumes, agreed],
      [s.customerGroupAssignments, groups],
      [s.collectionSheets, sheets],
      [s.collectionSheetLines, sheetLines],
    ];
  }

  function pickCategory(rng: Rng) {
    const codes = Object.keys(CATEGORY_WEIGHTS);
    return rng.weighted(codes, codes.map((c) => CATEGORY_WEIGHTS[c]));
  }

  // ---------------------------------------------------------- team level: opinion book, complaints, briefings
  function buildTeamFacts(team: Team, teamRets: Ret[], seeds: ComplaintSeed[]): [PgTable, object[]][] {
    const rng = Rng.of(seedN, 'teamfacts', team.no);
    const opinions: (typeof s.opinionEntries.$inferInsert)[] = [];
    const complaints: (typeof s.complaints.$inferInsert)[] = [];
    const events: (typeof s.complaintEvents.$inferInsert)[] = [];
    const opSummaries: (typeof s.opinionSummaries.$inferInsert)[] = [];
    const briefings: (typeof s.morningBriefings.$inferInsert)[] = [];
    const sup = team.supervisorId;

    // opinion book entries: the complaint ones come from the seeds, plus opinions and suggestions
    const opinionSeeds: { ret: Ret; mgr: Mgr; kind: 'opinion' | 'suggestion' | 'complaint'; category: string; at: Date; seed?: ComplaintSeed }[] = [];
    for (const cs of seeds) if (cs.source === 'opinion_book') opinionSeeds.push({ ret: cs.ret, mgr: cs.mgr, kind: 'complaint', category: cs.category, at: cs.receivedAt, seed: cs });
    for (const m of team.mgrs) {
      const rets = teamRets.filter((r) => r.segs.some((sg) => sg.mgr === m));
      const n = Math.round(histWorkDays.length * 0.12 * rng.float(0.7, 1.3));
      for (let i = 0; i < n; i++) {
        const d = rng.pick(histWorkDays);
        const own = rets.filter((r) => segAt(r, d).mgr === m);
        if (!own.length) continue;
        const at = new Date(zonedTime(d, '09:00').getTime() + rng.int(0, 8 * 60) * MIN);
        if (at.getTime() > nowMs) continue;
        opinionSeeds.push({ ret: rng.pick(own), mgr: m, kind: rng.chance(0.5) ? 'opinion' : 'suggestion', category: pickCategory(rng), at });
      }
    }
    opinionSeeds.sort((a, b) => a.at.getTime() - b.at.getTime() || a.ret.id - b.ret.id);
    const opinionIdOf = new Map<ComplaintSeed, number>();
    for (const o of opinionSeeds) {
      const id = ++ids.opinion;
      if (o.seed) opinionIdOf.set(o.seed, id);
      const replyDueAt = addWorkingDays(o.at, settingDefaults.opinionReplyWorkingDays, cal);
      const replyAt = addWorkingDays(o.at, rng.int(0, 4), cal).getTime() + rng.int(30, 300) * MIN;
      const replied = replyAt <= nowMs && rng.chance(0.95);
      opinions.push({
        id,
        retailerId: o.ret.id,
        kind: o.kind,
        category: o.category,
        content: o.kind === 'complaint' ? rng.pick(D.COMPLAINT_TEXTS[o.category]) : rng.pick(D.OPINION_TEXTS),
        receivedAt: o.at,
        replyDueAt,
        reply: replied ? rng.pick(D.OPINION_REPLIES) : null,
        repliedBy: replied ? o.mgr.id : null,
        repliedAt: replied ? new Date(replyAt) : null,
        ...stamps(o.mgr),
      });
    }
    // monthly opinion summaries per manager, past months
    for (const m of team.mgrs)
      for (const month of histMonths) {
        if (monthEnd(month) >= today) continue;
        const mine = opinionSeeds.filter((o) => o.mgr === m && monthStart(isoDay(o.at)) === month);
        const counts: Record<string, number> = {};
        for (const o of mine) counts[o.category] = (counts[o.category] ?? 0) + 1;
        opSummaries.push({
          month,
          countsByCategory: counts,
          suggestions: mine.length ? `本月收到意见建议${mine.length}条，主要集中在${Object.keys(counts).slice(0, 2).map(catName).join('、')}方面，已逐条答复。` : '本月无意见建议。',
          sentAt: zonedTime(addMonths(month, 1), '17:00'),
          ...stamps(m),
        });
      }

    // complaints: natural timelines; then make sure every status occurs in the team
    seeds.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || a.ret.id - b.ret.id);
    type Ev = { kind: (typeof s.complaintEventKindEnum.enumValues)[number]; t: number; actor: number | null; to?: number | null; satisfied?: boolean | null; level?: number | null; note?: string | null };
    const STATUS_OF: Partial<Record<Ev['kind'], (typeof s.complaintStatusEnum.enumValues)[number]>> = {
      received: 'received',
      assigned: 'assigned',
      investigating: 'investigating',
      resolved: 'resolved',
      replied: 'replied',
      reopened: 'investigating',
      closed: 'closed',
    };
    const plan = seeds.map((cs) => {
      const crng = Rng.of(seedN, 'complaint', cs.ret.id, cs.receivedAt.getTime());
      const assignee = crng.chance(0.7) ? cs.mgr.id : sup;
      const t0 = cs.receivedAt.getTime();
      const evs: Ev[] = [{ kind: 'received', t: t0, actor: cs.mgr.id, note: null }];
      let t = t0 + crng.float(0.5, 20) * HOUR;
      evs.push({ kind: 'assigned', t, actor: sup, to: assignee, note: crng.pick(D.COMPLAINT_NOTES.assigned) });
      t += crng.float(1, 24) * HOUR;
      evs.push({ kind: 'investigating', t, actor: assignee, note: crng.pick(D.COMPLAINT_NOTES.investigating) });
      t += (crng.chance(0.12) ? crng.float(6, 10) : crng.float(0.3, 4.5)) * 24 * HOUR;
      evs.push({ kind: 'resolved', t, actor: assignee, note: crng.pick(D.COMPLAINT_NOTES.resolved) });
      t += crng.float(2, 30) * HOUR;
      evs.push({ kind: 'replied', t, actor: assignee, note: crng.pick(D.COMPLAINT_NOTES.replied) });
      t += crng.float(1, 3) * 24 * HOUR;
      const happy = crng.chance(0.85);
      evs.push({ kind: 'follow_up', t, actor: sup, satisfied: happy, note: happy ? D.COMPLAINT_NOTES.follow_up_ok[0] : D.COMPLAINT_NOTES.follow_up_bad[0] });
      if (!happy) {
        t += crng.float(0.2, 2) * HOUR;
        evs.push({ kind: 'reopened', t, actor: sup, note: D.COMPLAINT_NOTES.reopened[0] });
        t += crng.float(1, 20) * HOUR;
        evs.push({ kind: 'investigating', t, actor: assignee, note: crng.pick(D.COMPLAINT_NOTES.investigating) });
        t += crng.float(1, 3) * 24 * HOUR;
        evs.push({ kind: 'resolved', t, actor: assignee, note: crng.pick(D.COMPLAINT_NOTES.resolved) });
        t += crng.float(2, 20) * HOUR;
        evs.push({ kind: 'replied', t, actor: assignee, note: crng.pick(D.COMPLAINT_NOTES.replied) });
        t += crng.float(1, 3) * 24 * HOUR;
        evs.push({ kind: 'follow_up', t, actor: sup, satisfied: true, note: D.COMPLAINT_NOTES.follow_up_ok[0] });
      }
      t += crng.float(0.1, 1) * HOUR;
      evs.push({ kind: 'closed', t, actor: sup, note: D.COMPLAINT_NOTES.closed[0] });
      return { cs, evs, assignee, forced: null as null | string };
    });
    const naturalStatus = (evs: Ev[]) => {
      let st = 'received';
      for (const e of evs) if (e.t <= nowMs && STATUS_OF[e.kind]) st = STATUS_OF[e.kind]!;
      return st;
    };
    const present = new Set(plan.map((p) => naturalStatus(p.evs)));
    const byRecent = [...plan].reverse();
    for (const st of s.complaintStatusEnum.enumValues) {
      if (present.has(st)) continue;
      const p = byRecent.find((x) => !x.forced && naturalStatus(x.evs) !== 'received');
      const q = p ?? byRecent.find((x) => !x.forced);
      if (!q) break;
      q.forced = st;
      present.add(st);
    }

    for (const p of plan) {
      const { cs } = p;
      let evs = p.evs;
      const t0 = cs.receivedAt.getTime();
      if (p.forced) {
        const cut = evs.findIndex((e) => STATUS_OF[e.kind] === p.forced);
        evs = evs.slice(0, cut + 1);
        const last = evs[evs.length - 1].t;
        if (last > nowMs) {
          const k = (nowMs - 10 * MIN - t0) / (last - t0);
          evs = evs.map((e) => ({ ...e, t: t0 + (e.t - t0) * Math.max(0, k) }));
        }
      } else evs = evs.filter((e) => e.t <= nowMs);
      const receivedAt = cs.receivedAt;
      const ackDueAt = addWorkingDays(receivedAt, settingDefaults.complaintAckWorkingDays, cal);
      const resolveDueAt = addWorkingDays(receivedAt, settingDefaults.complaintResolveWorkingDays, cal);
      // escalations by the scheduled job when the resolve deadline passes unresolved
      const firstResolved = evs.find((e) => e.kind === 'resolved')?.t ?? Infinity;
      const esc1 = resolveDueAt.getTime() + 5 * MIN;
      const esc2 = addWorkingDays(resolveDueAt, 2, cal).getTime() + 5 * MIN;
      if (esc1 < firstResolved && esc1 <= nowMs) evs.push({ kind: 'escalated', t: esc1, actor: null, to: sup, level: 1, note: D.COMPLAINT_NOTES.escalated[0] });
      if (esc2 < firstResolved && esc2 <= nowMs) evs.push({ kind: 'escalated', t: esc2, actor: null, to: team.branchHeadId, level: 2, note: D.COMPLAINT_NOTES.escalated[0] });
      evs.sort((a, b) => a.t - b.t);
      let status: (typeof s.complaintStatusEnum.enumValues)[number] = 'received';
      let ack: number | null = null;
      let resolvedAt: number | null = null;
      let closedAt: number | null = null;
      let satisfied: boolean | null = null;
      let level = 0;
      let assigned = false;
      for (const e of evs) {
        if (STATUS_OF[e.kind]) status = STATUS_OF[e.kind]!;
        if (e.kind === 'assigned') ((ack ??= e.t), (assigned = true));
        if (e.kind === 'resolved') resolvedAt = e.t;
        if (e.kind === 'closed') closedAt = e.t;
        if (e.kind === 'follow_up') satisfied = e.satisfied ?? null;
        if (e.kind === 'escalated') level = Math.max(level, e.level ?? 0);
      }
      if (!['resolved', 'replied', 'closed'].includes(status)) resolvedAt = null;
      const id = ++ids.complaint;
      const day = isoDay(receivedAt).replace(/-/g, '');
      const seq = (complaintNoByDay.get(day) ?? 0) + 1;
      complaintNoByDay.set(day, seq);
      const org = stamps(cs.mgr);
      complaints.push({
        id,
        number: `TS${day}${String(seq).padStart(3, '0')}`,
        retailerId: cs.ret.id,
        source: cs.source,
        category: cs.category,
        description: rng.pick(D.COMPLAINT_TEXTS[cs.category]),
        contact: `${cs.ret.owner} ${cs.ret.phone}`,
        visitId: cs.visitId,
        opinionEntryId: opinionIdOf.get(cs) ?? null,
        status,
        assigneeId: assigned ? p.assignee : null,
        escalationLevel: level,
        receivedAt,
        ackDueAt,
        resolveDueAt,
        acknowledgedAt: ack === null ? null : new Date(ack),
        resolvedAt: resolvedAt === null ? null : new Date(resolvedAt),
        closedAt: closedAt === null ? null : new Date(closedAt),
        satisfied,
        createdBy: cs.mgr.id,
        ...org,
      });
      for (const e of evs)
        events.push({
          complaintId: id,
          kind: e.kind,
          actorId: e.actor,
          toUserId: e.to ?? null,
          satisfied: e.kind === 'follow_up' ? (e.satisfied ?? null) : null,
          escalationLevel: e.kind === 'escalated' ? (e.level ?? null) : null,
          note: e.note ?? null,
          at: new Date(Math.round(e.t)),
          ...org,
        });
    }

    // morning briefings: every working day up to today
    for (const d of histWorkDays) {
      const mi = monthIdx.get(monthStart(d))!;
      const scarce = specList
        .filter((sp) => sp.cls === 1 && sp.pop >= 4)
        .slice(0, 3)
        .map((sp) => `${sp.name}：1–9档${alloc[mi][sp.idx][0]}条，10–19档${alloc[mi][sp.idx][1]}条，20–30档${alloc[mi][sp.idx][2]}条`)
        .join('；');
      const dom = Number(d.slice(8, 10));
      const focus = dom <= 5 ? '本月1–5日：完成客户筛选与总量预测' : dom <= 10 ? '本月6–10日：重点拜访高波动与企业级客户，完成个体预测' : rng.pick(D.BRIEF_FOCUS);
      const at = zonedTime(d, '08:00');
      briefings.push({
        day: d,
        branchId: team.branchId,
        teamId: team.id,
        authorId: sup,
        policies: rng.pick(D.BRIEF_POLICIES),
        focus,
        supplyLimits: `本周限量（每户每周）：${scarce}`,
        issues: rng.pick(D.BRIEF_ISSUES),
        createdAt: at,
      });
    }

    return [
      [s.opinionEntries, opinions],
      [s.complaints, complaints],
      [s.complaintEvents, events],
      [s.opinionSummaries, opSummaries],
      [s.morningBriefings, briefings],
    ];
  }
}

function isoDay(d: Date) {
  // the calendar date in Asia/Shanghai (UTC+8, no DST)
  return new Date(d.getTime() + 8 * HOUR).toISOString().slice(0, 10);
}

function catName(code: string) {
  return defaultComplaintCategories.find((c) => c.code === code)?.nameZh ?? code;
}

function teamName(no: number, cfg: ScaleCfg) {
  // numbered within the branch: 第一市场部, 第二市场部 …
  const inBranch = ((no - 1) % cfg.teamsPerBranch) + 1;
  return D.teamName(inBranch);
}

function isTable(x: unknown): x is PgTable {
  return is(x, PgTable);
}

export const ALL_TABLES = (): PgTable[] => (Object.values(s) as unknown[]).filter(isTable);
