import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { streamExport } from '@/lib/lists/stream';

// Shop names and notes are typed by people; an export must never hand Excel a formula.
const rows = [
  { name: '=HYPERLINK("http://evil.example","点我")', note: '+86 138', qty: 5 },
  { name: '-2+3', note: '@SUM(A1:A2)', qty: -4 },
  { name: '正常店名', note: 'a=b', qty: 0 },
];
const columns = [
  { header: '店名', value: (r: (typeof rows)[number]) => r.name },
  { header: '备注', value: (r: (typeof rows)[number]) => r.note },
  { header: '数量', value: (r: (typeof rows)[number]) => r.qty },
];
const exportOf = (format: 'csv' | 'xlsx') =>
  streamExport({
    format,
    filename: '测试',
    sheet: '测试',
    columns,
    async *batches() {
      yield rows.slice(0, 2);
      yield rows.slice(2);
    },
  });

describe('exports neutralise formula-like cells', () => {
  it('CSV: a leading = + - @ gets a quote mark in front', async () => {
    const text = await exportOf('csv').text();
    const lines = text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toEqual([
      '店名,备注,数量',
      `"'=HYPERLINK(""http://evil.example"",""点我"")",'+86 138,5`,
      `'-2+3,'@SUM(A1:A2),'-4`,
      '正常店名,a=b,0',
    ]);
  });

  it('XLSX: text cells get the same quote mark and no cell is a formula; numbers stay numbers', async () => {
    const bytes = await exportOf('xlsx').arrayBuffer();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes);
    const ws = wb.worksheets[0];
    const values = [2, 3, 4].map((n) => [1, 2, 3].map((c) => ws.getRow(n).getCell(c).value));
    expect(values).toEqual([
      [`'=HYPERLINK("http://evil.example","点我")`, "'+86 138", 5],
      ["'-2+3", "'@SUM(A1:A2)", -4],
      ['正常店名', 'a=b', 0],
    ]);
    ws.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
  });
});
