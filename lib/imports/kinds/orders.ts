import { inArray, sql } from 'drizzle-orm';
import { rawRows, type Tx } from '@/db/index';
import { orderLines, orders, settlementFailureEnum, settlementStatusEnum } from '@/db/schema';
import { addDays } from '@/lib/time';
import { shopsByLicence, specsByCode } from '../lookups';
import { addCounts, batches, noCounts, type Counts, type KindDef } from '../pipeline';
import { OrderTouch, refreshAfterOrders } from '../rollups';

type Status = (typeof settlementStatusEnum.enumValues)[number];
type Reason = (typeof settlementFailureEnum.enumValues)[number];

export type OrderRow = {
  orderNo: string;
  licence: string;
  orderDate: string;
  deliveryDate: string;
  status: Status;
  reason: Reason | null;
  specCode: string;
  ordered: number;
  supplied: number;
  amountFen: number;
};
type Resolved = OrderRow & { retailerId: number; specId: number; shop: { branchId: number; teamId: number; managerId: number } };

const STATUS: Record<string, Status> = {
  成功: 'success',
  结算成功: 'success',
  失败: 'failed',
  结算失败: 'failed',
  非电子结算: 'not_e_settlement',
  非电子结算客户: 'not_e_settlement',
};
const REASON: Record<string, Reason> = {
  余额不足: 'insufficient_balance',
  不在订货时段: 'outside_window',
  超出订货时段: 'outside_window',
  数量规则: 'quantity_rule',
  不符合数量规则: 'quantity_rule',
  其他: 'other',
};
// an order line above this is a typing error, not a purchase (about 2.6 箱 of 中华 at 381.6 元)
const MAX_LINE_YUAN = 1_000_000;
// a delivery later than this after the order is a mistyped date
const MAX_DELIVERY_DAYS = 31;
// lines per statement (one JSON parameter each); progress is reported per batch
const BATCH_LINES = 5000;

export const ordersImport: KindDef<OrderRow, Resolved> = {
  keyLabel: '订单号+规格编码',
  columns: [
    { key: 'orderNo', header: '订单号', required: true, example: 'SO202611050001' },
    { key: 'licence', header: '许可证号', required: true, example: '430101000001' },
    { key: 'orderDate', header: '订货日期', required: true, example: '2026-11-05' },
    { key: 'deliveryDate', header: '送货日期', required: true, example: '2026-11-06' },
    { key: 'status', header: '结算状态', required: true, example: '成功' },
    { key: 'reason', header: '失败原因', required: false, example: '' },
    { key: 'specCode', header: '规格编码', required: true, example: '6901028075862', aliases: ['卷烟编码', '商品编码'] },
    { key: 'ordered', header: '订购量', required: true, example: '10', aliases: ['订购量(条)', '订货量'] },
    { key: 'supplied', header: '供货量', required: true, example: '8', aliases: ['供货量(条)'] },
    { key: 'amount', header: '金额(元)', required: true, example: '3052.80', aliases: ['金额'] },
  ],
  read(r, ctx) {
    const orderNo = r.text('orderNo', { max: 40, pattern: /^[A-Za-z0-9_-]{1,40}$/, patternMessage: '只能包含字母、数字、- 和 _，最长 40 位' });
    const licence = r.text('licence', { max: 12, pattern: /^\d{12}$/, patternMessage: '应为 12 位数字' });
    const orderDate = r.date('orderDate');
    const deliveryDate = r.date('deliveryDate');
    if (orderDate && orderDate > ctx.today) r.fail('orderDate', `订货日期 ${orderDate} 晚于今天（${ctx.today}）`);
    if (orderDate && deliveryDate && deliveryDate < orderDate) r.fail('deliveryDate', '送货日期不能早于订货日期');
    else if (orderDate && deliveryDate && deliveryDate > addDays(orderDate, MAX_DELIVERY_DAYS)) r.fail('deliveryDate', `送货日期比订货日期晚 ${MAX_DELIVERY_DAYS} 天以上，请检查日期`);
    const status = r.choice('status', STATUS, { shown: ['成功', '失败', '非电子结算'] });
    const reason = r.choice('reason', REASON, { required: false, shown: ['余额不足', '不在订货时段', '数量规则', '其他'] }) ?? null;
    if (status === 'failed' && !reason && r.raw('reason') === '') r.fail('reason', '结算失败的订单必须填写失败原因');
    if (status && status !== 'failed' && reason) r.fail('reason', '只有结算失败的订单才填写失败原因');
    const specCode = r.text('specCode', { max: 20, pattern: /^[0-9A-Za-z]{1,20}$/, patternMessage: '应为字母或数字，最长 20 位' });
    const max = ctx.settings.maxOrderPerLine;
    const ordered = r.int('ordered', { max, unit: '条' });
    const supplied = r.int('supplied', { max, unit: '条' });
    if (ordered !== undefined && supplied !== undefined && supplied > ordered) r.fail('supplied', `供货量（${supplied}）不能大于订购量（${ordered}）`);
    const amountFen = r.money('amount', { max: MAX_LINE_YUAN });
    if (r.issues.length) return undefined;
    return { orderNo: orderNo!, licence: licence!, orderDate: orderDate!, deliveryDate: deliveryDate!, status: status!, reason, specCode: specCode!, ordered: ordered!, supplied: supplied!, amountFen: amountFen! };
  },
  key: (v) => `${v.orderNo}|${v.specCode}`,

  async resolve(db, rows, fail) {
    // an order's header repeats on each of its lines and must say the same thing on each
    const head = (v: OrderRow) => `${v.licence}|${v.orderDate}|${v.deliveryDate}|${v.status}|${v.reason ?? ''}`;
    const firstLine = new Map<string, { line: number; head: string }>();
    const consistent = rows.filter(({ line, value }) => {
      const seen = firstLine.get(value.orderNo);
      if (!seen) firstLine.set(value.orderNo, { line, head: head(value) });
      else if (seen.head !== head(value)) {
        fail(line, 'orderNo', `同一订单号的许可证号、日期或结算状态与第 ${seen.line} 行不一致，本行未导入`);
        return false;
      }
      return true;
    });
    const [shops, specMap] = await Promise.all([
      shopsByLicence(db, consistent.map((r) => r.value.licence)),
      specsByCode(db, consistent.map((r) => r.value.specCode)),
    ]);
    const out: Resolved[] = [];
    for (const { line, value } of consistent) {
      const shop = shops.get(value.licence);
      const spec = specMap.get(value.specCode);
      if (!shop) fail(line, 'licence', `许可证号 ${value.licence} 不在零售户档案中，请先导入该零售户`);
      if (!spec) fail(line, 'specCode', `规格编码 ${value.specCode} 不在卷烟规格中，请先导入该规格`);
      if (shop && spec) out.push({ ...value, retailerId: shop.id, specId: spec.id, shop: { branchId: shop.branchId, teamId: shop.teamId, managerId: shop.managerId } });
    }
    return out;
  },

  async apply(tx, rows, progress) {
    const touch = new OrderTouch();
    let counts = noCounts();
    let done = 0;
    for (const batch of orderBatches(rows)) {
      counts = addCounts(counts, await applyBatch(tx, batch, touch));
      done += batch.length;
      progress(done);
    }
    await refreshAfterOrders(tx, touch);
    return counts;
  },
};

/** Batches of about BATCH_LINES lines that never split an order. */
function* orderBatches(rows: Resolved[]): Generator<Resolved[]> {
  const byOrder = new Map<string, Resolved[]>();
  for (const r of rows) byOrder.set(r.orderNo, [...(byOrder.get(r.orderNo) ?? []), r]);
  let batch: Resolved[] = [];
  for (const lines of byOrder.values()) {
    batch.push(...lines);
    if (batch.length >= BATCH_LINES) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

async function applyBatch(tx: Tx, batch: Resolved[], touch: OrderTouch): Promise<Counts> {
  const heads = new Map<string, Resolved>();
  for (const r of batch) if (!heads.has(r.orderNo)) heads.set(r.orderNo, r);
  const existing = new Map(
    (
      await tx
        .select({ orderNo: orders.orderNo, retailerId: orders.retailerId, deliveryDate: orders.deliveryDate, branchId: orders.branchId, teamId: orders.teamId, managerId: orders.managerId })
        .from(orders)
        .where(inArray(orders.orderNo, [...heads.keys()]))
    ).map((o) => [o.orderNo, o]),
  );
  // An order keeps the org it was first stamped with (a reassigned shop's past stays with its past
  // manager); it takes the shop's current org when new, or when the file moves it to another shop.
  const stampOf = (r: Resolved) => {
    const old = existing.get(r.orderNo);
    return old && old.retailerId === r.retailerId ? { branchId: old.branchId, teamId: old.teamId, managerId: old.managerId } : r.shop;
  };

  // One JSON parameter per statement instead of one per value: PostgreSQL parses it faster than
  // thousands of bind parameters, and a batch is no longer limited by their number.
  const headRows = await rawRows<{ order_no: string; inserted: boolean }>(
    tx,
    sql`insert into orders as t (order_no, retailer_id, order_date, delivery_date, settlement_status, failure_reason, branch_id, team_id, manager_id)
        select order_no, retailer_id, order_date, delivery_date, settlement_status, failure_reason, branch_id, team_id, manager_id
        from jsonb_to_recordset(${JSON.stringify(
          [...heads.values()].map((r) => {
            const st = stampOf(r);
            return { order_no: r.orderNo, retailer_id: r.retailerId, order_date: r.orderDate, delivery_date: r.deliveryDate, settlement_status: r.status, failure_reason: r.reason, branch_id: st.branchId, team_id: st.teamId, manager_id: st.managerId };
          }),
        )}::jsonb) as x(order_no text, retailer_id int, order_date date, delivery_date date, settlement_status settlement_status,
                       failure_reason settlement_failure, branch_id int, team_id int, manager_id int)
        on conflict (order_no) do update set
          retailer_id = excluded.retailer_id, order_date = excluded.order_date, delivery_date = excluded.delivery_date,
          settlement_status = excluded.settlement_status, failure_reason = excluded.failure_reason,
          branch_id = excluded.branch_id, team_id = excluded.team_id, manager_id = excluded.manager_id, imported_at = now()
        where (t.retailer_id, t.order_date, t.delivery_date, t.settlement_status, t.failure_reason)
          is distinct from (excluded.retailer_id, excluded.order_date, excluded.delivery_date, excluded.settlement_status, excluded.failure_reason)
        returning t.order_no, (xmax = 0) as inserted`,
  );
  const changedHeads = headRows.filter((h) => !h.inserted).map((h) => h.order_no);
  if (changedHeads.length) {
    // the order's lines carry its shop, dates and org too, including lines this file leaves out
    const moved = await tx
      .update(orderLines)
      .set({
        retailerId: sql`o.retailer_id`,
        orderDate: sql`o.order_date`,
        deliveryDate: sql`o.delivery_date`,
        branchId: sql`o.branch_id`,
        teamId: sql`o.team_id`,
        managerId: sql`o.manager_id`,
      })
      .from(sql`${orders} o`)
      .where(sql`o.order_no = ${orderLines.orderNo} and o.order_no in (${sql.join(changedHeads.map((n) => sql`${n}`), sql`, `)})`)
      .returning({ retailerId: orderLines.retailerId, managerId: orderLines.managerId, deliveryDate: orderLines.deliveryDate });
    for (const l of moved) touch.add(l.retailerId, l.managerId, l.deliveryDate);
    for (const n of changedHeads) {
      const old = existing.get(n)!;
      touch.add(old.retailerId, old.managerId, old.deliveryDate);
    }
  }

  const lineRows = await rawRows<{ order_no: string; spec_id: number; inserted: boolean }>(
    tx,
    sql`insert into order_lines as t (order_no, spec_id, ordered, supplied, amount_fen, retailer_id, order_date, delivery_date, branch_id, team_id, manager_id)
        select order_no, spec_id, ordered, supplied, amount_fen, retailer_id, order_date, delivery_date, branch_id, team_id, manager_id
        from jsonb_to_recordset(${JSON.stringify(
          batch.map((r) => {
            const st = stampOf(r);
            return {
              order_no: r.orderNo,
              spec_id: r.specId,
              ordered: r.ordered,
              supplied: r.supplied,
              amount_fen: r.amountFen,
              retailer_id: r.retailerId,
              order_date: r.orderDate,
              delivery_date: r.deliveryDate,
              branch_id: st.branchId,
              team_id: st.teamId,
              manager_id: st.managerId,
            };
          }),
        )}::jsonb) as x(order_no text, spec_id int, ordered int, supplied int, amount_fen bigint, retailer_id int,
                       order_date date, delivery_date date, branch_id int, team_id int, manager_id int)
        on conflict (order_no, spec_id) do update set ordered = excluded.ordered, supplied = excluded.supplied, amount_fen = excluded.amount_fen
        where (t.ordered, t.supplied, t.amount_fen) is distinct from (excluded.ordered, excluded.supplied, excluded.amount_fen)
        returning t.order_no, t.spec_id, (xmax = 0) as inserted`,
  );
  const written = new Map(lineRows.map((l) => [`${l.order_no}|${Number(l.spec_id)}`, l.inserted]));
  const headChanged = new Set(changedHeads);
  const counts = noCounts();
  for (const r of batch) {
    const inserted = written.get(`${r.orderNo}|${r.specId}`);
    if (inserted === true) counts.inserted++;
    else if (inserted === false || headChanged.has(r.orderNo)) counts.updated++;
    else counts.unchanged++;
    if (inserted !== undefined) {
      const stamp = stampOf(r);
      touch.add(r.retailerId, stamp.managerId, r.deliveryDate);
      const old = existing.get(r.orderNo);
      if (old) touch.add(old.retailerId, old.managerId, old.deliveryDate);
    }
  }
  return counts;
}
