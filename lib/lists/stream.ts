import 'server-only';
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';

export type ExportColumn<R> = { header: string; value: (row: R) => string | number };

/** Text that Excel would run as a formula (a leading = + - @, or a tab or CR before one) gets a ' in front. */
export function neutraliseFormula(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

function csvCell(v: string | number) {
  const safe = neutraliseFormula(String(v ?? ''));
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

// A text cell is inert in the XLSX itself, but Excel re-reads it as a formula once someone edits
// the cell or saves the sheet as CSV; numbers stay numbers.
const xlsxCell = (v: string | number) => (typeof v === 'string' ? neutraliseFormula(v) : v);

/** Streams batches of rows as CSV (UTF-8 with BOM, for Excel) or XLSX, keeping memory flat. */
export function streamExport<R>(opts: {
  format: 'csv' | 'xlsx';
  filename: string;
  sheet: string;
  columns: ExportColumn<R>[];
  batches: () => AsyncGenerator<R[]>;
}): Response {
  const headers = {
    'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(`${opts.filename}.${opts.format}`)}`,
    'cache-control': 'private, no-store',
  };
  if (opts.format === 'csv') {
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(encoder.encode(`\uFEFF${opts.columns.map((c) => csvCell(c.header)).join(',')}\r\n`));
        for await (const rows of opts.batches()) {
          controller.enqueue(encoder.encode(rows.map((r) => opts.columns.map((c) => csvCell(c.value(r))).join(',')).join('\r\n') + '\r\n'));
        }
        controller.close();
      },
    });
    return new Response(stream, { headers: { ...headers, 'content-type': 'text/csv; charset=utf-8' } });
  }
  const pass = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: pass, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet(opts.sheet);
  sheet.columns = opts.columns.map((c) => ({ header: c.header, width: 16 }));
  (async () => {
    try {
      for await (const rows of opts.batches()) for (const r of rows) sheet.addRow(opts.columns.map((c) => xlsxCell(c.value(r)))).commit();
      sheet.commit();
      await workbook.commit();
    } catch (e) {
      pass.destroy(e as Error);
    }
  })();
  return new Response(Readable.toWeb(pass) as ReadableStream, {
    headers: { ...headers, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  });
}
