import 'server-only';
import type { Db } from '@/db/index';
import {
  getComplaintWeeks,
  getOpenComplaintCounts,
  getPeriodSums,
  getStockRetailers,
  getTargets,
  getVisitSums,
  lastPeriods,
  rangeOf,
  type ResolvedFilter,
} from '@/db/queries/dashboard';
import { periodEnd, type Period } from '@/db/rollups';
import type { Scope } from '@/lib/auth/scope';
import { now } from '@/lib/clock';
import * as m from '@/lib/metrics';
import { getWorkCalendar } from '@/lib/settings';
import { addDays, diffDays, eachDay, isoWeekday, isWorkingDay, monthStart } from '@/lib/time';

export type Overview = Awaited<ReturnType<typeof getOverview>>;

// complaint figures are weekly: a month takes the weeks that start in it
export const weeksOf = (p: Period) => (p.kind === 'week' ? [p.start] : eachDay(p.start, addDays(periodEnd(p), -1)).filter((d) => isoWeekday(d) === 1));

export type View = Pick<ResolvedFilter, 'period' | 'periods' | 'range'>;

/** The KPI figures of one period, from the rollups only. */
export function periodFigures(db: Db, scope: Scope, f: ResolvedFilter, p: Period) {
  return viewFigures(db, scope, f, { period: p, periods: [p], range: rangeOf(p) });
}

/**
 * The KPI figures of a view: flows (visits, shelving, sell-through) over all its periods; stock
 * as of its last period; weeks of stock against the implied sales of the 28 days before its end.
 */
export async function viewFigures(db: Db, scope: Scope, f: ResolvedFilter, view: View) {
  const p = view.period;
  const weekly = p.kind === 'week' ? lastPeriods(p, 4) : [p];
  const [visits, sums, last, salesWindow, stockN] = await Promise.all([
    getVisitSums(db, scope, f, view.range),
    getPeriodSums(db, scope, f, view.periods, 'none', 'visits'),
    view.periods.length > 1 ? getPeriodSums(db, scope, f, [p], 'none', 'visits') : Promise.resolve(null),
    getPeriodSums(db, scope, f, weekly, 'none', 'visits'),
    getStockRetailers(db, scope, f, [p]),
  ]);
  const v = visits.get('') ?? { planned: 0, made: 0, plannedMade: 0, missed: 0, offPlan: 0, short: 0 };
  const s = sums.get('') ?? null;
  const w = salesWindow.get('');
  const windowDays = p.kind === 'week' ? 28 : diffDays(periodEnd(p), p.start);
  const dailySales = w ? w.impliedSales / windowDays : 0;
  const stockSum = (last ? last.get('')?.stockSum : s?.stockSum) ?? 0;
  const days = m.ratio(stockSum, dailySales);
  return {
    visitCompletion: m.visitCompletion(v.plannedMade, v.planned),
    visits: v,
    shelvingRate: m.shelvingRate(s?.shelved ?? 0, s?.eligible ?? 0),
    shelved: s?.shelved ?? 0,
    eligible: s?.eligible ?? 0,
    avgStock: m.averageStock(stockSum, stockN.get('') ?? 0),
    stockSum,
    stockShops: stockN.get('') ?? 0,
    stockToSales: m.stockToSales(days),
    sellThrough: m.sellThrough(s?.impliedSales ?? 0, s?.sellBase ?? 0),
  };
}

export async function getOverview(db: Db, scope: Scope, f: ResolvedFilter, prev: View, today: string) {
  const p = f.period;
  const month = monthStart(p.start);
  const prevMonth = monthStart(addDays(month, -1));
  const weeks = f.periods.flatMap(weeksOf);
  const prevWeeks = prev.periods.flatMap(weeksOf);
  const [cur, before, open, cw, pcw, monthSums, prevMonthSums, target, prevTarget, calendar] = await Promise.all([
    viewFigures(db, scope, f, f),
    viewFigures(db, scope, f, prev),
    getOpenComplaintCounts(db, scope, f, now()),
    getComplaintWeeks(db, scope, f, weeks),
    getComplaintWeeks(db, scope, f, prevWeeks),
    getPeriodSums(db, scope, f, [{ kind: 'month', start: month }], 'none', 'orders'),
    getPeriodSums(db, scope, f, [{ kind: 'month', start: prevMonth }], 'none', 'orders'),
    getTargets(db, scope, f, month),
    getTargets(db, scope, f, prevMonth),
    getWorkCalendar(db),
  ]);
  const sumWeeks = (rows: typeof cw) =>
    rows.reduce((a, r) => ({ resolved: a.resolved + r.resolved, onTime: a.onTime + r.resolvedOnTime }), { resolved: 0, onTime: 0 });
  const c = sumWeeks(cw);
  const pc = sumWeeks(pcw);
  const monthEnd = addDays(periodEnd({ kind: 'month', start: month }), -1);
  const workDays = eachDay(month, monthEnd).filter((d) => isWorkingDay(d, calendar));
  const elapsed = workDays.filter((d) => d <= today).length;
  const targetQty = target.get('')?.qty ?? 0;
  const completion = m.targetCompletion(monthSums.get('')?.purchases ?? 0, targetQty);
  const prevCompletion = m.targetCompletion(prevMonthSums.get('')?.purchases ?? 0, prevTarget.get('')?.qty ?? 0);
  return {
    cur,
    before,
    complaints: { open: open.open, overdue: open.overdue, onTime: m.complaintOnTime(c.onTime, c.resolved), prevOnTime: m.complaintOnTime(pc.onTime, pc.resolved) },
    target: { completion, prevCompletion, timeProgress: m.timeProgress(elapsed, workDays.length), purchases: monthSums.get('')?.purchases ?? 0, qty: targetQty },
  };
}
