import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rawRows } from '@/db/index';
import { rebuildRollups } from '@/db/rollups';
import { runAction } from '@/lib/action';
import { importSpec } from '@/lib/imports/action';
import { templateCsv, type ImportKind, type ImportResult } from '@/lib/imports/index';
import { submitVisitSpec } from '@/lib/visits/submit';
import { zonedTime } from '@/lib/time';
import { createTestDb } from './helpers/db';
import { makeWorld } from './helpers/fixture';

const DAY = '2026-11-26';
const ROLLUPS = [
  'rollup_manager_day',
  'latest_retailer_spec',
  'latest_retailer_stock_day',
  'rollup_retailer_spec_day',
  'rollup_retailer_day',
  'rollup_manager_spec_period',
  'rollup_manager_spec_period_orders',
  'rollup_manager_period',
  'rollup_retailer_spec_month',
  'rollup_retailer_month',
  'rollup_retailer_spec_moving',
];
// makeWorld's shops and specs, as the ordering system names them
const L = ['330100000001', '330100000002', '330100000003', '330100000004'];
const ZH = '6901028075862';
const YX = '6901028180658';
const HTS = '6901028000222';
const ORDER_HEAD = '订单号,许可证号,订货日期,送货日期,结算状态,失败原因,规格编码,订购量,供货量,金额(元)';

let t: Awaited<ReturnType<typeof createTestDb>>;
let w: Awaited<ReturnType<typeof makeWorld>>;

beforeAll(async () => {
  t = await createTestDb();
  w = await makeWorld(t.db, DAY);
  process.env.ROUNDS_NOW = zonedTime(DAY, '16:00').toISOString();
});
afterAll(() => t.cleanup());

const headers = () => new Headers({ origin: 'http://app.test', host: 'app.test' });
const csv = (...lines: string[]) => new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);

async function runImport(kind: ImportKind, bytes: Uint8Array, name = `${kind}.csv`, username = 'admin') {
  const progress: number[] = [];
  const r = await runAction(importSpec({ bytes, name }, { onProgress: (n) => progress.push(n) }), { user: w.asCurrent(username), headers: headers(), db: t.db, ip: '127.0.0.1' }, { kind });
  return { r, progress };
}
async function imported(kind: ImportKind, bytes: Uint8Array, name?: string): Promise<ImportResult> {
  const { r } = await runImport(kind, bytes, name);
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.data;
}

async function count(q: string) {
  const [row] = await rawRows<{ n: number }>(t.db, sql.raw(`select count(*)::int as n from ${q}`));
  return Number(row.n);
}

async function snapshot(tables: string[]) {
  const out: Record<string, string[]> = {};
  for (const table of tables) {
    const rows = await rawRows<Record<string, unknown>>(t.db, sql.raw(`select * from ${table}`));
    out[table] = rows
      .map((r) => JSON.stringify(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : String(v)]))))
      .sort();
  }
  return out;
}

const sections = Object.fromEntries(['ask', 'look', 'introduce', 'tidy', 'collect', 'answer', 'record'].map((k) => [k, { done: true }]));
async function visit(retailerId: number, day: string, hhmm: string, lines: [number, number, boolean][]) {
  process.env.ROUNDS_NOW = zonedTime(day, '16:00').toISOString();
  const r = await runAction(submitVisitSpec, { user: w.asCurrent('mgr1'), headers: headers(), db: t.db, ip: '127.0.0.1' }, {
    clientId: randomUUID(),
    retailerId,
    startedAt: zonedTime(day, hhmm).toISOString(),
    endedAt: new Date(zonedTime(day, hhmm).getTime() + 10 * 60_000).toISOString(),
    deviceSentAt: zonedTime(day, '16:00').toISOString(),
    sections,
    illegalFound: false,
    stockLines: lines.map(([specId, stock, onCounter]) => ({ specId, stock, onCounter, priceTagOk: true })),
    complaints: [],
  });
  process.env.ROUNDS_NOW = zonedTime(DAY, '16:00').toISOString();
  expect(r.ok, JSON.stringify(r)).toBe(true);
}

describe('order import: the report names each bad row and only good rows are written', () => {
  it('CSV with good rows, bad dates, unknown shops and specs, duplicates, huge and negative numbers, formulas', async () => {
    const file = csv(
      ORDER_HEAD,
      `A-1,${L[0]},2026-11-02,2026-11-03,成功,,${ZH},10,8,3052.80`, // 2 good
      `A-1,${L[0]},2026-11-02,2026-11-03,成功,,${HTS},5,5,375`, // 3 good
      `A-2,${L[1]},2026/11/31,2026-12-01,成功,,${ZH},1,1,381.6`, // 4 no 31 November
      `A-3,330199999999,2026-11-02,2026-11-03,成功,,${ZH},1,1,381.6`, // 5 unknown shop
      `A-4,${L[1]},2026-11-02,2026-11-03,成功,,6900000000000,1,1,10`, // 6 unknown spec
      `A-1,${L[0]},2026-11-02,2026-11-03,成功,,${ZH},10,8,3052.80`, // 7 exact copy of 2: skipped, imported once
      `A-5,${L[1]},2026-11-04,2026-11-05,成功,,${YX},3,3,604.2`, // 8 conflicts with 9
      `A-5,${L[1]},2026-11-04,2026-11-05,成功,,${YX},4,4,805.6`, // 9
      `A-6,${L[1]},2026-11-04,2026-11-05,成功,,${YX},999999,1,201.4`, // 10 huge
      `A-7,${L[1]},2026-11-04,2026-11-05,成功,,${YX},-3,0,0`, // 11 negative
      `"=HYPERLINK(""http://x"")",${L[1]},2026-11-04,2026-11-05,成功,,${YX},1,1,201.4`, // 12 formula in order no
      `A-8,${L[1]},2026-11-04,2026-11-05,失败,,${YX},1,1,201.4`, // 13 failed without reason
      `A-9,${L[1]},2026-11-04,2026-11-05,失败,余额不足,${YX},2,0,0`, // 14 good (failed with reason)
      `A-10,${L[1]},2026-11-04,2026-11-05,成功,,${YX},2,3,604.2`, // 15 supplied > ordered
      `A-11,${L[1]},2026-11-06,2026-11-05,成功,,${YX},1,1,201.4`, // 16 delivery before order
      `A-12,3.301E+11,2026-11-04,2026-11-05,成功,,${YX},1,1,201.4`, // 17 licence mangled by Excel
      `A-13,${L[1]},2026-11-04,2026-11-05,成功,,${YX},1,1,=1+1`, // 18 formula in amount
      ``,
      `A-1,${L[1]},2026-11-02,2026-11-03,成功,,${YX},1,1,201.4`, // 20 same order, other shop
    );
    const { report, counts } = await imported('orders', file);
    const at = (line: number) => report.issues.filter((i) => i.line === line).map((i) => `${i.column}: ${i.message}`);
    expect(report.fileErrors).toEqual([]);
    expect(report.totalRows).toBe(18);
    expect(report.validRows).toBe(3);
    expect(report.duplicateRows).toBe(1);
    expect(report.invalidRows).toBe(14);
    expect(at(2)).toEqual([]);
    expect(at(4)).toEqual(['订货日期: “2026/11/31”不是有效日期，应为 YYYY-MM-DD，如 2026-11-05']);
    expect(at(5)).toEqual(['许可证号: 许可证号 330199999999 不在零售户档案中，请先导入该零售户']);
    expect(at(6)).toEqual(['规格编码: 规格编码 6900000000000 不在卷烟规格中，请先导入该规格']);
    expect(at(7)[0]).toMatch(/与第 2 行完全重复/);
    expect(at(8)[0]).toMatch(/相同但内容不同/);
    expect(at(9)[0]).toMatch(/与第 8 行的订单号\+规格编码相同但内容不同/);
    expect(at(10)).toEqual(['订购量: 数值过大：不能超过 500条']);
    expect(at(11)).toEqual(['订购量: 不能为负数']);
    expect(at(12)[0]).toMatch(/^订单号: 以“=”开头，疑似公式/);
    expect(at(13)).toEqual(['失败原因: 结算失败的订单必须填写失败原因']);
    expect(at(15)).toEqual(['供货量: 供货量（3）不能大于订购量（2）']);
    expect(at(16)).toEqual(['送货日期: 送货日期不能早于订货日期']);
    expect(at(17)[0]).toMatch(/科学计数法/);
    expect(at(18)[0]).toMatch(/^金额\(元\): 以“=”开头，疑似公式/);
    expect(at(20)[0]).toMatch(/与第 2 行不一致/);
    expect(counts).toEqual({ inserted: 3, updated: 0, unchanged: 0 });
    // only the good rows, stamped with the shop's org at import time
    const lines = await rawRows<{ order_no: string; ordered: number; supplied: number; amount_fen: string; manager_id: number; team_id: number; branch_id: number }>(
      t.db,
      sql`select order_no, ordered, supplied, amount_fen::text, manager_id, team_id, branch_id from order_lines where order_no like 'A-%' order by order_no, spec_id`,
    );
    expect(lines.map((l) => `${l.order_no}:${l.ordered}/${l.supplied}/${l.amount_fen}`)).toEqual(['A-1:10/8/305280', 'A-1:5/5/37500', 'A-9:2/0/0']);
    expect(new Set(lines.map((l) => `${l.manager_id}/${l.team_id}/${l.branch_id}`))).toEqual(new Set([`${w.users.mgr1.id}/${w.t1.id}/${w.b1.id}`]));
    expect(await count(`orders where order_no like 'A-%'`)).toBe(2);
    const [a9] = await rawRows<{ settlement_status: string; failure_reason: string }>(t.db, sql`select settlement_status, failure_reason from orders where order_no = 'A-9'`);
    expect(a9).toEqual({ settlement_status: 'failed', failure_reason: 'insufficient_balance' });
  });

  it('a file missing required columns writes nothing and says which', async () => {
    const before = await count('order_lines');
    const { report, counts } = await imported('orders', csv('订单号,许可证号,订货日期,规格编码,订购量,备注', `B-1,${L[0]},2026-11-02,${ZH},3,x`));
    expect(report.fileErrors).toEqual(['缺少必填列：送货日期、结算状态、供货量、金额(元)。请使用页面上的模板，第一行为列名']);
    expect(report.ignoredColumns).toEqual(['备注']);
    expect(counts).toEqual({ inserted: 0, updated: 0, unchanged: 0 });
    expect(await count('order_lines')).toBe(before);
  });

  it('an empty file, an old .xls and a non-admin are refused', async () => {
    expect((await imported('orders', new Uint8Array())).report.fileErrors).toEqual(['文件是空的']);
    expect((await imported('orders', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2]), 'old.xls')).report.fileErrors[0]).toMatch(/不支持旧版 \.xls/);
    const { r } = await runImport('orders', csv(ORDER_HEAD), 'x.csv', 'sup1');
    expect(r).toMatchObject({ ok: false, status: 403 });
  });

  it('a GBK-encoded CSV saved by Excel reads the same as UTF-8', async () => {
    const text = [ORDER_HEAD, `G-1,${L[2]},2026-11-09,2026-11-10,非电子结算,,${HTS},4,4,300.00`, `G-2,${L[2]},2026-11-09,2026-11-10,失败,不在订货时段,${ZH},1,0,0`].join('\r\n');
    const gbk = iconv.encode(text, 'gbk');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk)).toThrow();
    const { report, counts } = await imported('orders', new Uint8Array(gbk));
    expect(report.encoding).toBe('gbk');
    expect(report.issues).toEqual([]);
    expect(counts.inserted).toBe(2);
    const [g2] = await rawRows<{ failure_reason: string }>(t.db, sql`select failure_reason from orders where order_no = 'G-2'`);
    expect(g2.failure_reason).toBe('outside_window');
  });

  it('XLSX: date cells, numbers, a formula with its result, a formula without one, formula-like text', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('订单');
    ws.addRow(ORDER_HEAD.split(','));
    ws.addRow(['X-1', L[3], new Date(Date.UTC(2026, 10, 10)), new Date(Date.UTC(2026, 10, 11)), '成功', null, YX, 6, 6, { formula: 'I2*201.4', result: 1208.4 }]);
    ws.addRow(['X-2', L[3], '2026-11-10', '2026-11-11', '成功', null, ZH, 2, 2, { formula: 'I3*381.6' }]);
    ws.addRow(['X-3', L[3], '2026-11-10', '2026-11-11', '@SUM(A1)', null, ZH, 2, 2, 763.2]);
    ws.addRow(['X-4', L[3], '2026-11-10', '2026-11-11', '成功', null, HTS, 1.5, 1, 75]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const { report, counts } = await imported('orders', bytes, 'orders.xlsx');
    expect(report.format).toBe('xlsx');
    expect(report.issues.map((i) => `${i.line} ${i.column}: ${i.message}`)).toEqual([
      '3 金额(元): 单元格是公式且没有计算结果，请复制后“选择性粘贴为数值”再导入',
      '4 结算状态: 以“@”开头，疑似公式；请去掉开头的符号，或把单元格改为纯文本后再导入',
      '5 订购量: 应为整数（条）',
    ]);
    expect(counts.inserted).toBe(1);
    const [x1] = await rawRows<{ delivery_date: string; amount_fen: string }>(t.db, sql`select delivery_date::text, amount_fen::text from order_lines where order_no = 'X-1'`);
    expect(x1).toEqual({ delivery_date: '2026-11-11', amount_fen: '120840' });
  });

  it('the template imports its own header row (its example names a shop that may not exist)', async () => {
    const { report } = await imported('orders', new TextEncoder().encode(templateCsv('orders')));
    expect(report.fileErrors).toEqual([]);
    expect(report.totalRows).toBe(1);
  });
});

describe('order import is idempotent, upserts on (order number, spec) and keeps the rollups equal to a rebuild', () => {
  it('importing twice changes nothing; an overlapping file inserts new lines and updates changed ones; rollups = rebuild', async () => {
    const [zh, yx, hts] = w.specs.map((s) => s.id);
    const [s1, s2] = w.shops.map((s) => s.id);
    await rebuildRollups(t.db);
    // visits before and after the deliveries, so the orders feed implied sales
    await visit(s1, '2026-11-16', '10:00', [[zh, 10, true], [hts, 4, true], [yx, 2, false]]);
    await visit(s2, '2026-11-16', '11:00', [[zh, 3, true], [hts, 2, true]]);
    await visit(s1, '2026-11-19', '10:00', [[zh, 12, true], [hts, 6, false], [yx, 1, false]]);
    await visit(s1, '2026-11-24', '10:00', [[zh, 9, true], [hts, 5, true]]);
    await visit(s2, '2026-11-25', '10:00', [[zh, 4, true], [hts, 1, true]]);

    const first = csv(
      ORDER_HEAD,
      `R-1,${L[0]},2026-11-17,2026-11-18,成功,,${ZH},6,6,2289.6`,
      `R-1,${L[0]},2026-11-17,2026-11-18,成功,,${HTS},4,4,300`,
      `R-2,${L[1]},2026-11-17,2026-11-18,成功,,${ZH},3,2,763.2`,
      `R-3,${L[0]},2026-11-20,2026-11-21,成功,,${ZH},5,5,1908`,
    );
    const a = await imported('orders', first);
    expect(a.counts).toEqual({ inserted: 4, updated: 0, unchanged: 0 });
    const afterFirst = await snapshot(['orders', 'order_lines', ...ROLLUPS]);

    const again = await imported('orders', first);
    expect(again.counts).toEqual({ inserted: 0, updated: 0, unchanged: 4 });
    expect(await snapshot(['orders', 'order_lines', ...ROLLUPS])).toEqual(afterFirst);

    // R-1 ZH unchanged, R-1 HTS supplied 4 → 3, R-2's delivery moves a day later (a header
    // change, which also moves its line), R-4 new; R-3 not in the file stays as it was
    const overlap = csv(
      ORDER_HEAD,
      `R-1,${L[0]},2026-11-17,2026-11-18,成功,,${ZH},6,6,2289.6`,
      `R-1,${L[0]},2026-11-17,2026-11-18,成功,,${HTS},4,3,225`,
      `R-2,${L[1]},2026-11-17,2026-11-19,成功,,${ZH},3,2,763.2`,
      `R-4,${L[1]},2026-11-23,2026-11-24,成功,,${HTS},2,2,150`,
      `R-4,${L[1]},2026-11-23,2026-11-24,成功,,${YX},1,1,201.4`,
    );
    const b = await imported('orders', overlap);
    expect(b.counts).toEqual({ inserted: 2, updated: 2, unchanged: 1 });
    const lines = await rawRows<{ k: string }>(
      t.db,
      sql`select order_no || ':' || spec_id || ':' || supplied || ':' || delivery_date::text as k from order_lines where order_no like 'R-%' order by 1`,
    );
    expect(lines.map((l) => l.k)).toEqual(
      [`R-1:${zh}:6:2026-11-18`, `R-1:${hts}:3:2026-11-18`, `R-2:${zh}:2:2026-11-19`, `R-3:${zh}:5:2026-11-21`, `R-4:${yx}:1:2026-11-24`, `R-4:${hts}:2:2026-11-24`].sort(),
    );

    const incremental = await snapshot(ROLLUPS);
    // the orders moved the dashboards: implied sales between the visits and the order rollups
    expect(incremental.rollup_manager_spec_period_orders.length).toBeGreaterThan(0);
    expect(incremental.rollup_retailer_spec_day.some((r) => JSON.parse(r).purchases !== '0')).toBe(true);
    await rebuildRollups(t.db);
    const rebuilt = await snapshot(ROLLUPS);
    for (const table of ROLLUPS) expect(incremental[table], table).toEqual(rebuilt[table]);
  });

  it("a changed order header moves the order's lines the file leaves out, and the rollups follow", async () => {
    const b = await imported('orders', csv(ORDER_HEAD, `R-1,${L[0]},2026-11-17,2026-11-20,成功,,${ZH},6,6,2289.6`));
    expect(b.counts).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
    const lines = await rawRows<{ d: string }>(t.db, sql`select distinct delivery_date::text as d from order_lines where order_no = 'R-1'`);
    expect(lines).toEqual([{ d: '2026-11-20' }]);
    const incremental = await snapshot(ROLLUPS);
    await rebuildRollups(t.db);
    expect(await snapshot(ROLLUPS)).toEqual(incremental);
  });

  it('an order keeps the org it was first stamped with when its shop is reassigned', async () => {
    const s2 = w.shops[1].id;
    const [other] = await rawRows<{ id: number }>(
      t.db,
      sql`insert into users (username, name, role, branch_id, team_id, password_hash) values ('mgr1c', '孙丽', 'manager', ${w.b1.id}, ${w.t1.id}, 'x') returning id`,
    );
    await t.db.execute(sql`update retailers set manager_id = ${other.id} where id = ${s2}`);
    const b = await imported('orders', csv(ORDER_HEAD, `R-2,${L[1]},2026-11-17,2026-11-19,成功,,${ZH},3,3,1144.8`, `R-5,${L[1]},2026-11-24,2026-11-25,成功,,${ZH},1,1,381.6`));
    expect(b.counts).toEqual({ inserted: 1, updated: 1, unchanged: 0 });
    const rows = await rawRows<{ order_no: string; manager_id: number }>(t.db, sql`select order_no, manager_id from order_lines where order_no in ('R-2', 'R-5') order by 1`);
    expect(rows.map((r) => [r.order_no, Number(r.manager_id)])).toEqual([
      ['R-2', w.users.mgr1.id],
      ['R-5', Number(other.id)],
    ]);
    const incremental = await snapshot(ROLLUPS);
    await rebuildRollups(t.db);
    expect(await snapshot(ROLLUPS)).toEqual(incremental);
  });
});

describe('the other kinds', () => {
  it('specs: insert, update, unchanged; bad price class and prices reported', async () => {
    const head = '规格编码,品牌,规格名称,价类,批发价(元/条),建议零售价(元/条),每条包数,每包支数';
    const a = await imported('specs', csv(head, `6901028999001,黄鹤楼,黄鹤楼(软蓝),二类,164.30,190,,`, `${YX},玉溪,玉溪(软),一类,201.40,230.00,10,20`));
    expect(a.counts).toEqual({ inserted: 1, updated: 0, unchanged: 1 });
    const b = await imported(
      'specs',
      csv(head, `6901028999001,黄鹤楼,黄鹤楼(软蓝),二类,170.00,190,,16`, `6901028999002,利群,利群(硬新版),六类,143.1,160,,`, `6901028999003,+利群,利群,三类,0,160,,`),
    );
    expect(b.counts).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
    expect(b.report.issues.map((i) => `${i.line} ${i.column}`)).toEqual(['3 价类', '4 品牌', '4 批发价(元/条)']);
    const [hhl] = await rawRows<{ wholesale_fen: number; packs_per_carton: number; sticks_per_pack: number }>(
      t.db,
      sql`select wholesale_fen, packs_per_carton, sticks_per_pack from specs where code = '6901028999001'`,
    );
    expect(hhl).toEqual({ wholesale_fen: 17000, packs_per_carton: 10, sticks_per_pack: 16 });
  });

  it('retailers: a new shop on a route, a grade change refreshes the rollups, a formula-like name is refused', async () => {
    const head = '许可证号,店名,店主,电话,地址,区域,业态,规模,档位,线路编码,重点客户,企业级,信息采集点,电子结算';
    const a = await imported(
      'retailers',
      csv(
        head,
        `330100000009,新开便利店,赵六,0731-8888888,测试路9号,城网,便利店,小,8,R1,,,,否`,
        `${L[1]},测试便利店2,店主2,13800000002,测试路2号,城网,便利店,中,5,R1,,,,`,
        `330100000010,=cmd|' /C calc'!A0,钱七,13800000010,测试路10号,城网,便利店,小,8,R1,,,,`,
        `330100000011,无线路店,孙八,13800000011,测试路11号,城网,便利店,小,8,R9,,,,`,
      ),
    );
    expect(a.report.issues.map((i) => `${i.line} ${i.column}`)).toEqual(['4 店名', '5 线路编码']);
    expect(a.counts).toEqual({ inserted: 1, updated: 1, unchanged: 0 });
    const [n] = await rawRows<{ manager_id: number; route_seq: number; is_e_settlement: boolean }>(t.db, sql`select manager_id, route_seq, is_e_settlement from retailers where licence_no = '330100000009'`);
    expect(n).toEqual({ manager_id: w.users.mgr1.id, route_seq: 4, is_e_settlement: false });
    // 15 → 5 takes shop 2 out of 中华's key-brand range (grades 15–30): the rollups follow
    const incremental = await snapshot(ROLLUPS);
    await rebuildRollups(t.db);
    expect(await snapshot(ROLLUPS)).toEqual(incremental);
  });

  it('supply allocations: overlapping grade ranges are refused, quotas follow', async () => {
    const head = '月份,规格编码,档位下限,档位上限,每周限量(条)';
    // makeWorld stores 1–30 for each spec in November; replacing it by two ranges is fine
    const a = await imported('supply', csv(head, `2026-11,${ZH},1,14,3`, `2026-11,${ZH},15,30,8`, `2026-11,${YX},10,20,2`, `2026年12月,${ZH},1,30,0`));
    expect(a.report.issues.map((i) => `${i.line} ${i.column}: ${i.message}`)).toEqual([
      '4 档位下限: 档位 10–20 与系统中已有的 1–30 档重叠；同一月份同一规格的档位区间不能重叠',
    ]);
    expect(a.report.issues).toHaveLength(1);
    const b = await imported('supply', csv(head, `2026-11,${ZH},1,14,3`, `2026-11,${ZH},15,30,8`, `2026-12,${ZH},1,30,0`));
    expect(b.counts).toEqual({ inserted: 0, updated: 0, unchanged: 3 });
    const incremental = await snapshot(ROLLUPS);
    await rebuildRollups(t.db);
    expect(await snapshot(ROLLUPS)).toEqual(incremental);
  });

  it('targets and agreed volumes: upsert by month and manager / shop', async () => {
    const a = await imported('targets', csv('月份,客户经理账号,目标量(条),目标金额(元)', '2026-11,mgr1,1200,150000', '2026-11,sup1,10,10', '2026-11,mgr2,-5,10'));
    expect(a.counts).toEqual({ inserted: 1, updated: 0, unchanged: 0 });
    expect(a.report.issues.map((i) => `${i.line} ${i.column}: ${i.message}`)).toEqual(['3 客户经理账号: 账号 sup1 不是系统中的客户经理', '4 目标量(条): 不能为负数']);
    const b = await imported('targets', csv('月份,客户经理账号,目标量(条),目标金额(元)', '2026-11,mgr1,1300,150000', '2026-12,mgr2,900,90000'));
    expect(b.counts).toEqual({ inserted: 1, updated: 1, unchanged: 0 });
    const c = await imported('agreed', csv('月份,许可证号,协议量(条)', `2026-11,${L[0]},120`, `2026-11,${L[3]},80`, `2026-11,${L[0]},120`));
    expect(c.counts).toEqual({ inserted: 2, updated: 0, unchanged: 0 });
    expect(c.report.duplicateRows).toBe(1);
    const [ag] = await rawRows<{ qty: number; team_id: number }>(t.db, sql`select qty, team_id from agreed_volumes where retailer_id = ${w.shops[3].id}`);
    expect(ag).toEqual({ qty: 80, team_id: w.t2.id });
  });
});

describe('the page documents every column', () => {
  it('each kind and column has its name and note in both catalogs', async () => {
    const { columnsOf, importKinds } = await import('@/lib/imports/index');
    for (const locale of ['zh-CN', 'en']) {
      const { imports: m } = (await import(`@/messages/${locale}/imports.json`)).default as {
        imports: { kinds: Record<string, string>; keyOf: Record<string, string>; columnNotes: Record<string, Record<string, string>> };
      };
      for (const kind of importKinds) {
        expect(m.kinds[kind], `${locale} ${kind}`).toBeTruthy();
        expect(m.keyOf[kind], `${locale} ${kind}`).toBeTruthy();
        expect(Object.keys(m.columnNotes[kind]).sort(), `${locale} ${kind}`).toEqual(columnsOf(kind).map((c) => c.key).sort());
      }
    }
  });
});

describe('reading files', () => {
  it('names the line Excel shows, past a quoted cell with a line break; reads UTF-16 text and a BOM', async () => {
    const { readTable } = await import('@/lib/imports/read');
    const t1 = await readTable(new TextEncoder().encode('\uFEFF店名,地址\r\n"甲店","一楼\r\n二楼"\r\n\r\n乙店,三楼\r\n'));
    expect(t1.headers).toEqual(['店名', '地址']);
    expect(t1.rows).toEqual([
      { line: 2, cells: ['甲店', '一楼\r\n二楼'] },
      { line: 5, cells: ['乙店', '三楼'] },
    ]);
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from('店名\t地址\r\n丙店\t四楼\r\n', 'utf16le'))]);
    const t2 = await readTable(utf16);
    expect(t2.encoding).toBe('utf-16le');
    expect(t2.rows).toEqual([{ line: 2, cells: ['丙店', '四楼'] }]);
  });
});
