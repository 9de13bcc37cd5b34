import { sql } from 'drizzle-orm';
import { rawRows, type Tx } from '@/db/index';
import {
  periodsOf,
  rebuildManagerDay,
  rebuildManagerPeriodOrders,
  rebuildManagerPeriods,
  rebuildRetailerSpecDay,
  rebuildRetailerSpecMonth,
  type Period,
} from '@/db/rollups';
import { monthStart } from '@/lib/time';
import { batches } from './pipeline';

// What an import changed, old and new values both: a moved delivery date changes the periods it
// left as well as those it joined.
export class OrderTouch {
  /** retailer → the earliest delivery day changed */
  readonly retailers = new Map<number, string>();
  readonly managers = new Set<number>();
  readonly days = new Set<string>();

  add(retailerId: number, managerId: number, deliveryDate: string) {
    const prev = this.retailers.get(retailerId);
    if (!prev || deliveryDate < prev) this.retailers.set(retailerId, deliveryDate);
    this.managers.add(managerId);
    this.days.add(deliveryDate);
  }

  get empty() {
    return this.retailers.size === 0;
  }
}

const ids = (list: number[]) => sql.join(list.map((id) => sql`${id}`), sql`, `);
const uniquePeriods = (days: Iterable<string>) => {
  const out = new Map<string, Period>();
  for (const day of days) for (const p of periodsOf(day)) out.set(`${p.kind}:${p.start}`, p);
  return [...out.values()];
};

/** Recomputes whole periods of the visit-derived rollup (every manager) and marks them complete. */
async function recomputeVisitPeriods(tx: Tx, periods: Period[]) {
  if (!periods.length) return;
  await rebuildManagerPeriods(tx, { periods });
  await tx.execute(sql`insert into rollup_periods (period_kind, period_start)
    values ${sql.join(periods.map((p) => sql`(${p.kind}::period_kind, ${p.start}::date)`), sql`, `)} on conflict do nothing`);
}

/**
 * After order lines changed: each shop's day rows from its earliest changed delivery (purchases
 * between visits feed implied sales), the visit periods those day rows fall in, and the order
 * rollups for the touched managers × periods and shops × months. Same SQL as the full rebuild,
 * over fewer rows.
 */
export async function refreshAfterOrders(tx: Tx, touch: OrderTouch) {
  if (touch.empty) return;
  // shops grouped by the month of their earliest change: one pass per month instead of per shop,
  // recomputing at most a month more than needed
  const byMonth = new Map<string, number[]>();
  for (const [retailerId, day] of touch.retailers) {
    const m = monthStart(day);
    byMonth.set(m, [...(byMonth.get(m) ?? []), retailerId]);
  }
  const visitDays = new Set<string>();
  for (const [fromDay, retailerIds] of byMonth) {
    for (const chunk of batches(retailerIds, 500)) {
      await rebuildRetailerSpecDay(tx, { retailerIds: chunk, fromDay });
      const days = await rawRows<{ day: string }>(
        tx,
        sql`select distinct day::text as day from rollup_retailer_spec_day where retailer_id in (${ids(chunk)}) and day >= ${fromDay}`,
      );
      for (const d of days) visitDays.add(d.day);
    }
  }
  await recomputeVisitPeriods(tx, uniquePeriods(visitDays));
  await rebuildManagerPeriodOrders(tx, { periods: uniquePeriods(touch.days), managerIds: [...touch.managers] });
  const months = [...new Set([...touch.days].map(monthStart))];
  for (const chunk of batches([...touch.retailers.keys()], 2000)) await rebuildRetailerSpecMonth(tx, { retailerIds: chunk, months });
}

/** After supply allocations changed: the quota of the order lines placed in those months for those specs. */
export async function refreshAfterAllocations(tx: Tx, monthSpecs: { month: string; specId: number }[]) {
  if (!monthSpecs.length) return;
  const rows = await rawRows<{ day: string; manager_id: number }>(
    tx,
    sql`select distinct delivery_date::text as day, manager_id from order_lines
        where (date_trunc('month', order_date)::date, spec_id) in (${sql.join(
          monthSpecs.map((m) => sql`(${m.month}::date, ${m.specId})`),
          sql`, `,
        )})`,
  );
  if (!rows.length) return;
  await rebuildManagerPeriodOrders(tx, { periods: uniquePeriods(rows.map((r) => r.day)), managerIds: [...new Set(rows.map((r) => Number(r.manager_id)))] });
}

/**
 * After shops changed. The rollups read two current shop attributes: the grade (key-brand
 * eligibility of its visits, the supply quota of its order lines) and the area (the planned area
 * of a manager's day).
 */
export async function refreshAfterShops(tx: Tx, changed: { gradeChanged: number[]; areaChanged: number[] }) {
  for (const chunk of batches(changed.gradeChanged, 1000)) {
    const visitDays = await rawRows<{ day: string }>(tx, sql`select distinct visit_date::text as day from visits where retailer_id in (${ids(chunk)})`);
    await recomputeVisitPeriods(tx, uniquePeriods(visitDays.map((d) => d.day)));
    const lines = await rawRows<{ day: string; manager_id: number }>(
      tx,
      sql`select distinct delivery_date::text as day, manager_id from order_lines where retailer_id in (${ids(chunk)})`,
    );
    if (lines.length) {
      await rebuildManagerPeriodOrders(tx, { periods: uniquePeriods(lines.map((r) => r.day)), managerIds: [...new Set(lines.map((r) => Number(r.manager_id)))] });
    }
  }
  for (const chunk of batches(changed.areaChanged, 1000)) {
    const days = await rawRows<{ day: string; manager_id: number }>(
      tx,
      sql`select distinct pi.day::text as day, pi.manager_id from visit_plan_items pi where pi.retailer_id in (${ids(chunk)})`,
    );
    for (const d of days) await rebuildManagerDay(tx, { managerId: Number(d.manager_id), day: d.day });
  }
}
