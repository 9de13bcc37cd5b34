import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';

/** A spreadsheet as text: the header row and the data rows, each with its line in the file. */
export type Table = {
  format: 'csv' | 'xlsx';
  encoding: 'utf-8' | 'gbk' | 'utf-16le' | null;
  headers: string[];
  rows: { line: number; cells: string[] }[];
};

/** The file cannot be read at all: nothing in it is imported. */
export class FileError extends Error {}

export const MAX_FILE_BYTES = 40 * 1024 * 1024;
export const MAX_ROWS = 200_000;

// Excel saves "CSV" in the system code page, which on Chinese Windows is GBK. Bytes that are not
// valid UTF-8 are read as GB18030 (a superset of GBK), so either save option of Excel imports.
export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'gbk' | 'utf-16le' } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), 'gb18030'), encoding: 'gbk' };
  }
}

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

export async function readTable(bytes: Uint8Array, fileName = ''): Promise<Table> {
  if (bytes.byteLength === 0) throw new FileError('文件是空的');
  if (bytes.byteLength > MAX_FILE_BYTES) throw new FileError(`文件超过 ${MAX_FILE_BYTES / 1024 / 1024} MB，请拆分后分批导入`);
  if (isOle(bytes) || /\.xls$/i.test(fileName)) throw new FileError('不支持旧版 .xls 格式，请在 Excel 中另存为 .xlsx 或 CSV 后再导入');
  const table = isZip(bytes) ? await readXlsx(bytes) : readCsv(bytes);
  if (table.headers.every((h) => h === '')) throw new FileError('文件第一行应为列名，但它是空的');
  if (table.rows.length > MAX_ROWS) throw new FileError(`文件有 ${table.rows.length} 行数据，超过每次 ${MAX_ROWS} 行的上限，请拆分后分批导入`);
  return table;
}

const clean = (s: string) => s.replace(/^[\s\u3000\uFEFF]+|[\s\u3000]+$/g, '');

function readCsv(bytes: Uint8Array): Table {
  const { text, encoding } = decodeText(bytes);
  if (text.includes('\u0000')) throw new FileError('文件不是 CSV 或 XLSX 表格，请检查文件类型');
  // Excel's "Unicode text" is tab-separated and some locales save CSV with ';': the header line
  // says which (papaparse's own guess stumbles on short files with blank lines)
  const head1 = text.slice(0, text.search(/\r?\n|$/));
  const count = (ch: string) => head1.split(ch).length - 1;
  const delimiter = count('\t') > count(',') ? '\t' : count(';') > count(',') ? ';' : ',';
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
  const all = parsed.data;
  const [head = [], ...body] = all;
  const rows: Table['rows'] = [];
  // papaparse gives records, not lines; a quoted cell with a line break makes them differ, so
  // count the breaks to name the line Excel shows
  let line = 2 + ((head.join(',').match(/\n/g) ?? []).length);
  for (const cells of body) {
    const values = cells.map(clean);
    if (values.some((v) => v !== '')) rows.push({ line, cells: values });
    line += 1 + cells.reduce((n, c) => n + (c.match(/\n/g) ?? []).length, 0);
  }
  return { format: 'csv', encoding, headers: head.map(clean), rows };
}

/** One cell as text; a formula counts by its cached result, and one without a result cannot be read. */
function xlsxText(value: ExcelJS.CellValue): string | { formula: true } {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10); // exceljs gives a date cell as UTC midnight of that day
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Math.round(value * 1e6) / 1e6);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    if (result === undefined || result === null || (typeof result === 'object' && !(result instanceof Date) && 'error' in result)) return { formula: true };
    return xlsxText(result);
  }
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('text' in value) return String(value.text);
  if ('error' in value) return String(value.error);
  return '';
}

// A formula without a cached result has no value to import; the row reports it by this marker,
// which no real cell text starts with.
export const FORMULA_CELL = '\u0000formula';

async function readXlsx(bytes: Uint8Array): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    throw new FileError('无法读取该 XLSX 文件，请确认它没有损坏或加密');
  }
  const sheet = workbook.worksheets.find((s) => s.actualRowCount > 0);
  if (!sheet) throw new FileError('工作簿中没有数据');
  const width = sheet.columnCount;
  const cellsOf = (row: ExcelJS.Row) =>
    Array.from({ length: width }, (_, i) => {
      const t = xlsxText(row.getCell(i + 1).value);
      return typeof t === 'string' ? clean(t) : FORMULA_CELL;
    });
  let headers: string[] | null = null;
  const rows: Table['rows'] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    if (!headers) {
      headers = cellsOf(row);
      return;
    }
    const cells = cellsOf(row);
    if (cells.some((c) => c !== '')) rows.push({ line, cells });
  });
  return { format: 'xlsx', encoding: null, headers: headers ?? [], rows };
}
