import type { DbOrTx, Tx } from '@/db/index';
import { ordersImport } from './kinds/orders';
import { agreedImport, supplyImport, targetsImport } from './kinds/plans';
import { retailersImport } from './kinds/retailers';
import { specsImport } from './kinds/specs';
import { lockImports, validateTable, type Counts, type ImportReport, type KindDef, type Progress, type Validated } from './pipeline';
import { FileError, readTable } from './read';

export const importKinds = ['orders', 'retailers', 'specs', 'supply', 'targets', 'agreed'] as const;
export type ImportKind = (typeof importKinds)[number];
export type { Counts, ImportReport };

// each kind has its own row types
export const kindDefs: Record<ImportKind, KindDef<any, any>> = {
  orders: ordersImport,
  retailers: retailersImport,
  specs: specsImport,
  supply: supplyImport,
  targets: targetsImport,
  agreed: agreedImport,
};

export const isImportKind = (k: string): k is ImportKind => (importKinds as readonly string[]).includes(k);

/** Reads and checks a file; nothing is written. An unreadable file comes back as a file error. */
export async function validateFile(db: DbOrTx, kind: ImportKind, bytes: Uint8Array, fileName = ''): Promise<Validated<unknown>> {
  try {
    return await validateTable(db, kindDefs[kind], await readTable(bytes, fileName));
  } catch (e) {
    if (!(e instanceof FileError)) throw e;
    const report: ImportReport = {
      format: /\.xlsx$/i.test(fileName) ? 'xlsx' : 'csv',
      encoding: null,
      fileErrors: [e.message],
      ignoredColumns: [],
      totalRows: 0,
      validRows: 0,
      invalidRows: 0,
      duplicateRows: 0,
      issues: [],
      issueCount: 0,
    };
    return { report, rows: [] };
  }
}

export type ImportResult = { report: ImportReport; counts: Counts };

/**
 * Checks the file and writes its good rows inside the caller's transaction, one import at a
 * time; the rollups the dashboards read are refreshed before it returns. A file with a file-level
 * error writes nothing.
 */
export async function importFile(
  tx: Tx,
  kind: ImportKind,
  bytes: Uint8Array,
  opts: { fileName?: string; onValidated?: (report: ImportReport) => void; onProgress?: Progress } = {},
): Promise<ImportResult> {
  await lockImports(tx);
  const { report, rows } = await validateFile(tx, kind, bytes, opts.fileName);
  opts.onValidated?.(report);
  if (report.fileErrors.length || rows.length === 0) return { report, counts: { inserted: 0, updated: 0, unchanged: 0 } };
  const counts = await kindDefs[kind].apply(tx, rows, opts.onProgress ?? (() => {}));
  return { report, counts };
}

const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The template: the headers and one example row, as UTF-8 CSV with a BOM so Excel reads it. */
export function templateCsv(kind: ImportKind): string {
  const cols = kindDefs[kind].columns;
  return `\uFEFF${cols.map((c) => csvCell(c.header)).join(',')}\r\n${cols.map((c) => csvCell(c.example)).join(',')}\r\n`;
}

export function columnsOf(kind: ImportKind) {
  return kindDefs[kind].columns.map((c) => ({ key: c.key, header: c.header, required: c.required, example: c.example }));
}
