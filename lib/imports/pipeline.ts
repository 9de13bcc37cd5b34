import { sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '@/db/index';
import { today } from '@/lib/clock';
import { getSettings } from '@/lib/settings';
import type { Settings } from '@/lib/settings-defaults';
import { normaliseHeader, RowReader, type ColumnDef, type Issue } from './cells';
import type { Table } from './read';

export type Counts = { inserted: number; updated: number; unchanged: number };
export type Line<V> = { line: number; value: V };
export type ReadContext = { settings: Settings; today: string };
/** Reports a problem found while resolving a row against the database; the row is then left out. */
export type Fail = (line: number, key: string, message: string) => void;
export type Progress = (done: number) => void;

/**
 * One kind of import. `read` checks a row on its own; `resolve` checks rows against each other
 * and the database (unknown shops and specs) and returns the rows to write; `apply` upserts them
 * on their natural key and refreshes what the dashboards read, inside the caller's transaction.
 */
export type KindDef<V, R> = {
  columns: ColumnDef[];
  /** the natural key in words, for the duplicate message */
  keyLabel: string;
  read: (r: RowReader, ctx: ReadContext) => V | undefined;
  key: (v: V) => string;
  resolve: (db: DbOrTx, rows: Line<V>[], fail: Fail) => Promise<R[]>;
  apply: (tx: Tx, rows: R[], progress: Progress) => Promise<Counts>;
};

export type ImportReport = {
  format: Table['format'];
  encoding: Table['encoding'];
  /** problems with the file as a whole: nothing is imported while there is one */
  fileErrors: string[];
  ignoredColumns: string[];
  totalRows: number;
  validRows: number;
  invalidRows: number;
  /** exact copies of an earlier row: reported, and imported once through that row */
  duplicateRows: number;
  /** the first MAX_ISSUES problems, in line order */
  issues: Issue[];
  issueCount: number;
};

export type Validated<R> = { report: ImportReport; rows: R[] };

export const MAX_ISSUES = 1000;

export async function validateTable<V, R>(db: DbOrTx, def: KindDef<V, R>, table: Table): Promise<Validated<R>> {
  const report: ImportReport = {
    format: table.format,
    encoding: table.encoding,
    fileErrors: [],
    ignoredColumns: [],
    totalRows: table.rows.length,
    validRows: 0,
    invalidRows: 0,
    duplicateRows: 0,
    issues: [],
    issueCount: 0,
  };
  const byHeader = new Map<string, ColumnDef>();
  for (const c of def.columns) for (const h of [c.header, ...(c.aliases ?? [])]) byHeader.set(normaliseHeader(h), c);
  const index = new Map<string, number>();
  table.headers.forEach((h, i) => {
    if (h === '') return;
    const col = byHeader.get(normaliseHeader(h));
    if (!col) report.ignoredColumns.push(h);
    else if (index.has(col.key)) report.fileErrors.push(`列“${col.header}”出现了两次，请删除其中一列`);
    else index.set(col.key, i);
  });
  const missing = def.columns.filter((c) => c.required && !index.has(c.key)).map((c) => c.header);
  if (missing.length) report.fileErrors.push(`缺少必填列：${missing.join('、')}。请使用页面上的模板，第一行为列名`);
  if (table.rows.length === 0) report.fileErrors.push('文件中没有数据行');
  if (report.fileErrors.length) return { report, rows: [] };

  const headers = new Map(def.columns.map((c) => [c.key, c.header]));
  const issues: Issue[] = [];
  const ctx: ReadContext = { settings: await getSettings(db), today: today() };
  const read: Line<V>[] = [];
  for (const row of table.rows) {
    const r = new RowReader(row.line, row.cells, index, headers);
    const value = def.read(r, ctx);
    if (r.issues.length) issues.push(...r.issues);
    else if (value !== undefined) read.push({ line: row.line, value });
  }

  // The same natural key twice: an exact copy is imported once; copies that differ are all left
  // out, since the file does not say which one is right.
  const first = new Map<string, Line<V>>();
  const conflicting = new Set<string>();
  const copies = new Set<number>();
  const unique: Line<V>[] = [];
  for (const row of read) {
    const k = def.key(row.value);
    const seen = first.get(k);
    if (!seen) {
      first.set(k, row);
      unique.push(row);
    } else if (JSON.stringify(seen.value) === JSON.stringify(row.value)) {
      copies.add(row.line);
      issues.push({ line: row.line, column: def.keyLabel, message: `与第 ${seen.line} 行完全重复，本行已跳过（该数据按第 ${seen.line} 行导入）` });
    } else {
      conflicting.add(k);
      issues.push({ line: row.line, column: def.keyLabel, message: `与第 ${seen.line} 行的${def.keyLabel}相同但内容不同，两行都未导入；请只保留正确的一行` });
    }
  }
  for (const k of conflicting) {
    const seen = first.get(k)!;
    issues.push({ line: seen.line, column: def.keyLabel, message: `文件中还有${def.keyLabel}相同但内容不同的行，本行未导入；请只保留正确的一行` });
  }
  const candidates = unique.filter((row) => !conflicting.has(def.key(row.value)));

  const fail: Fail = (line, key, message) => issues.push({ line, column: headers.get(key) ?? key, message });
  const rows = await def.resolve(db, candidates, fail);

  issues.sort((a, b) => a.line - b.line);
  report.issueCount = issues.length;
  report.issues = issues.slice(0, MAX_ISSUES);
  report.invalidRows = new Set(issues.filter((i) => !copies.has(i.line)).map((i) => i.line)).size;
  report.duplicateRows = copies.size;
  report.validRows = rows.length;
  return { report, rows };
}

/** One import at a time: two would race on the same natural keys and on the rollups. */
export async function lockImports(tx: Tx) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('rounds.imports'))`);
}

/** Splits into batches, so a statement stays far below PostgreSQL's 65,535 parameters. */
export function* batches<T>(items: T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/** inserted / updated / unchanged from an upsert's RETURNING (xmax = 0 for a fresh row). */
export function countUpsert(total: number, returned: { inserted: boolean }[]): Counts {
  const inserted = returned.filter((r) => r.inserted).length;
  return { inserted, updated: returned.length - inserted, unchanged: total - returned.length };
}

export function addCounts(a: Counts, b: Counts): Counts {
  return { inserted: a.inserted + b.inserted, updated: a.updated + b.updated, unchanged: a.unchanged + b.unchanged };
}

export const noCounts = (): Counts => ({ inserted: 0, updated: 0, unchanged: 0 });
