import { and, inArray, sql } from 'drizzle-orm';
import { agreedVolumes, supplyAllocations, targets } from '@/db/schema';
import { managersByUsername, shopsByLicence, specsByCode } from '../lookups';
import { addCounts, batches, countUpsert, noCounts, type KindDef } from '../pipeline';
import { refreshAfterAllocations } from '../rollups';

// The monthly plan figures an admin keeps: supply allocations (货源投放), targets and agreed
// volumes. Each is keyed by its month and what it is for.

const MAX_TARGET_QTY = 10_000_000; // 条 a month for one manager
const MAX_TARGET_YUAN = 1_000_000_000;
const MAX_AGREED_QTY = 100_000; // 条 a month for one shop

type AllocationRow = { month: string; specCode: string; gradeMin: number; gradeMax: number; maxPerWeek: number };
type AllocationResolved = { month: string; specId: number; gradeMin: number; gradeMax: number; maxPerWeek: number };

export const supplyImport: KindDef<AllocationRow, AllocationResolved> = {
  keyLabel: '月份+规格编码+档位下限',
  columns: [
    { key: 'month', header: '月份', required: true, example: '2026-11' },
    { key: 'specCode', header: '规格编码', required: true, example: '6901028075862', aliases: ['卷烟编码', '商品编码'] },
    { key: 'gradeMin', header: '档位下限', required: true, example: '1' },
    { key: 'gradeMax', header: '档位上限', required: true, example: '10' },
    { key: 'maxPerWeek', header: '每周限量(条)', required: true, example: '2', aliases: ['每周限量', '限量(条)', '限量'] },
  ],
  read(r, ctx) {
    const month = r.month('month');
    const specCode = r.text('specCode', { max: 20, pattern: /^[0-9A-Za-z]{1,20}$/, patternMessage: '应为字母或数字，最长 20 位' });
    const gradeMin = r.int('gradeMin', { min: 1, max: 30, unit: '档' });
    const gradeMax = r.int('gradeMax', { min: 1, max: 30, unit: '档' });
    if (gradeMin !== undefined && gradeMax !== undefined && gradeMax < gradeMin) r.fail('gradeMax', `档位上限（${gradeMax}）不能小于档位下限（${gradeMin}）`);
    const maxPerWeek = r.int('maxPerWeek', { max: ctx.settings.maxOrderPerLine, unit: '条' });
    if (r.issues.length) return undefined;
    return { month: month!, specCode: specCode!, gradeMin: gradeMin!, gradeMax: gradeMax!, maxPerWeek: maxPerWeek! };
  },
  key: (v) => `${v.month}|${v.specCode}|${v.gradeMin}`,

  async resolve(db, rows, fail) {
    const specMap = await specsByCode(db, rows.map((r) => r.value.specCode));
    const ok: (AllocationResolved & { line: number })[] = [];
    for (const { line, value } of rows) {
      const spec = specMap.get(value.specCode);
      if (!spec) fail(line, 'specCode', `规格编码 ${value.specCode} 不在卷烟规格中，请先导入该规格`);
      else ok.push({ line, month: value.month, specId: spec.id, gradeMin: value.gradeMin, gradeMax: value.gradeMax, maxPerWeek: value.maxPerWeek });
    }
    // A shop's grade must fall in one range per month and spec, counting the ranges already
    // stored that this file does not replace; otherwise its weekly limit would be ambiguous.
    const months = [...new Set(ok.map((r) => r.month))];
    const stored = months.length
      ? await db
          .select({ month: supplyAllocations.month, specId: supplyAllocations.specId, gradeMin: supplyAllocations.gradeMin, gradeMax: supplyAllocations.gradeMax })
          .from(supplyAllocations)
          .where(and(inArray(supplyAllocations.month, months), inArray(supplyAllocations.specId, [...new Set(ok.map((r) => r.specId))])))
      : [];
    const groupKey = (r: { month: string; specId: number }) => `${r.month}|${r.specId}`;
    const inFile = new Set(ok.map((r) => `${groupKey(r)}|${r.gradeMin}`));
    const groups = new Map<string, { line: number | null; gradeMin: number; gradeMax: number }[]>();
    for (const s of stored) if (!inFile.has(`${groupKey(s)}|${s.gradeMin}`)) groups.set(groupKey(s), [...(groups.get(groupKey(s)) ?? []), { line: null, gradeMin: s.gradeMin, gradeMax: s.gradeMax }]);
    for (const r of ok) groups.set(groupKey(r), [...(groups.get(groupKey(r)) ?? []), { line: r.line, gradeMin: r.gradeMin, gradeMax: r.gradeMax }]);
    const overlapping = new Set<number>();
    type Range = { line: number | null; gradeMin: number; gradeMax: number };
    const describe = (x: Range) => (x.line === null ? `系统中已有的 ${x.gradeMin}–${x.gradeMax} 档` : `第 ${x.line} 行的 ${x.gradeMin}–${x.gradeMax} 档`);
    for (const ranges of groups.values()) {
      ranges.sort((a, b) => a.gradeMin - b.gradeMin);
      let widest = ranges[0];
      for (const b of ranges.slice(1)) {
        if (b.gradeMin <= widest.gradeMax) {
          for (const [x, partner] of [[widest, b], [b, widest]] as const) {
            if (x.line === null || overlapping.has(x.line)) continue;
            overlapping.add(x.line);
            fail(x.line, 'gradeMin', `档位 ${x.gradeMin}–${x.gradeMax} 与${describe(partner)}重叠；同一月份同一规格的档位区间不能重叠`);
          }
        }
        if (b.gradeMax > widest.gradeMax) widest = b;
      }
    }
    return ok.filter((r) => !overlapping.has(r.line)).map(({ line: _line, ...r }) => r);
  },

  async apply(tx, rows, progress) {
    let counts = noCounts();
    let done = 0;
    for (const batch of batches(rows, 2000)) {
      const returned = await tx
        .insert(supplyAllocations)
        .values(batch)
        .onConflictDoUpdate({
          target: [supplyAllocations.month, supplyAllocations.specId, supplyAllocations.gradeMin],
          set: { gradeMax: sql`excluded.grade_max`, maxPerWeek: sql`excluded.max_per_week` },
          setWhere: sql`(${supplyAllocations.gradeMax}, ${supplyAllocations.maxPerWeek}) is distinct from (excluded.grade_max, excluded.max_per_week)`,
        })
        .returning({ inserted: sql<boolean>`(xmax = 0)`, month: supplyAllocations.month, specId: supplyAllocations.specId });
      counts = addCounts(counts, countUpsert(batch.length, returned));
      // the quota of the order lines placed in that month for that spec
      const seen = new Set<string>();
      const monthSpecs = returned.filter((r) => !seen.has(`${r.month}|${r.specId}`) && seen.add(`${r.month}|${r.specId}`));
      await refreshAfterAllocations(tx, monthSpecs);
      done += batch.length;
      progress(done);
    }
    return counts;
  },
};

type TargetRow = { month: string; username: string; qty: number; amountFen: number };
type TargetResolved = { month: string; managerId: number; teamId: number; branchId: number; qty: number; amountFen: number };

export const targetsImport: KindDef<TargetRow, TargetResolved> = {
  keyLabel: '月份+客户经理账号',
  columns: [
    { key: 'month', header: '月份', required: true, example: '2026-11' },
    { key: 'username', header: '客户经理账号', required: true, example: 'mgr1', aliases: ['账号', '用户名'] },
    { key: 'qty', header: '目标量(条)', required: true, example: '12000', aliases: ['目标量', '目标(条)'] },
    { key: 'amount', header: '目标金额(元)', required: true, example: '1500000.00', aliases: ['目标金额'] },
  ],
  read(r) {
    const month = r.month('month');
    const username = r.text('username', { max: 40, pattern: /^[A-Za-z0-9_.-]{1,40}$/, patternMessage: '应为系统中的登录账号（字母、数字、_ . -）' });
    const qty = r.int('qty', { max: MAX_TARGET_QTY, unit: '条' });
    const amountFen = r.money('amount', { max: MAX_TARGET_YUAN });
    if (r.issues.length) return undefined;
    return { month: month!, username: username!, qty: qty!, amountFen: amountFen! };
  },
  key: (v) => `${v.month}|${v.username}`,
  async resolve(db, rows, fail) {
    const managers = await managersByUsername(db, rows.map((r) => r.value.username));
    const out: TargetResolved[] = [];
    for (const { line, value } of rows) {
      const m = managers.get(value.username);
      if (!m || m.teamId === null || m.branchId === null) fail(line, 'username', `账号 ${value.username} 不是系统中的客户经理`);
      else if (m.disabled) fail(line, 'username', `账号 ${value.username} 已停用`);
      else out.push({ month: value.month, managerId: m.id, teamId: m.teamId, branchId: m.branchId, qty: value.qty, amountFen: value.amountFen });
    }
    return out;
  },
  async apply(tx, rows, progress) {
    let counts = noCounts();
    let done = 0;
    for (const batch of batches(rows, 2000)) {
      // the org stamp is the manager's when the target is first set; an update changes the figures
      const returned = await tx
        .insert(targets)
        .values(batch)
        .onConflictDoUpdate({
          target: [targets.month, targets.managerId],
          set: { qty: sql`excluded.qty`, amountFen: sql`excluded.amount_fen` },
          setWhere: sql`(${targets.qty}, ${targets.amountFen}) is distinct from (excluded.qty, excluded.amount_fen)`,
        })
        .returning({ inserted: sql<boolean>`(xmax = 0)` });
      counts = addCounts(counts, countUpsert(batch.length, returned));
      done += batch.length;
      progress(done);
    }
    return counts;
  },
};

type AgreedRow = { month: string; licence: string; qty: number };
type AgreedResolved = { month: string; retailerId: number; managerId: number; teamId: number; branchId: number; qty: number };

export const agreedImport: KindDef<AgreedRow, AgreedResolved> = {
  keyLabel: '月份+许可证号',
  columns: [
    { key: 'month', header: '月份', required: true, example: '2026-11' },
    { key: 'licence', header: '许可证号', required: true, example: '430101000001' },
    { key: 'qty', header: '协议量(条)', required: true, example: '120', aliases: ['协议量'] },
  ],
  read(r) {
    const month = r.month('month');
    const licence = r.text('licence', { max: 12, pattern: /^\d{12}$/, patternMessage: '应为 12 位数字' });
    const qty = r.int('qty', { max: MAX_AGREED_QTY, unit: '条' });
    if (r.issues.length) return undefined;
    return { month: month!, licence: licence!, qty: qty! };
  },
  key: (v) => `${v.month}|${v.licence}`,
  async resolve(db, rows, fail) {
    const shops = await shopsByLicence(db, rows.map((r) => r.value.licence));
    const out: AgreedResolved[] = [];
    for (const { line, value } of rows) {
      const s = shops.get(value.licence);
      if (!s) fail(line, 'licence', `许可证号 ${value.licence} 不在零售户档案中，请先导入该零售户`);
      else out.push({ month: value.month, retailerId: s.id, managerId: s.managerId, teamId: s.teamId, branchId: s.branchId, qty: value.qty });
    }
    return out;
  },
  async apply(tx, rows, progress) {
    let counts = noCounts();
    let done = 0;
    for (const batch of batches(rows, 2000)) {
      const returned = await tx
        .insert(agreedVolumes)
        .values(batch)
        .onConflictDoUpdate({
          target: [agreedVolumes.month, agreedVolumes.retailerId],
          set: { qty: sql`excluded.qty` },
          setWhere: sql`${agreedVolumes.qty} is distinct from excluded.qty`,
        })
        .returning({ inserted: sql<boolean>`(xmax = 0)` });
      counts = addCounts(counts, countUpsert(batch.length, returned));
      done += batch.length;
      progress(done);
    }
    return counts;
  },
};
