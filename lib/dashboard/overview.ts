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
  type PeriodSums,
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

type Sources = Awaited<ReturnType<typeof loadSources>>;

/** The rollup rows behind the KPI figures of several views (this one and the one before), read once. */
async function loadSources(db: Db, scope: Scope, f: ResolvedFilter, views: View[]) {
  const byStart = new Map<string, Period>();
  for (const v of views) for (const p of [...v.periods, ...salesWindowOf(v.period)]) byStart.set(p.start, p);
  const from = views.map((v) => v.range.from).sort()[0];
  const to = views.map((v) => v.range.to).sort().reverse()[0];
  const [byPeriod, shops, days] = await Promise.all([
    getPeriodSums(db, scope, f, [...byStart.values()], 'period', 'visits'),
    getStockRetailers(db, scope, f, views.map((v) => v.period), 'period'),
    getVisitSums(db, scope, f, { from, to }, 'day'),
  ]);
  return { byPeriod, shops, days };
}

// weeks of stock divide by the implied sales of the 4 weeks (or the month) ending with the view
const salesWindowOf = (p: Period) => (p.kind === 'week' ? lastPeriods(p, 4) : [p]);

function sumSums(rows: (PeriodSums | undefined)[]): PeriodSums | null {
  const present = rows.filter((r): r is PeriodSums => !!r);
  if (present.length === 0) return null;
  const out = { ...present[0] };
  for (const r of present.slice(1)) for (const k of Object.keys(out) as (keyof PeriodSums)[]) out[k] += r[k];
  return out;
}

/**
 * The KPI figures of a view: flows (visits, shelving, sell-through) over all its periods; stock
 * as of its last period; weeks of stock against the implied sales of the 28 days before its end.
 */
export async function viewFigures(db: Db, scope: Scope, f: ResolvedFilter, view: View) {
  return figuresOf(view, await loadSources(db, scope, f, [view]));
}

function figuresOf(view: View, src: Sources) {
  const p = view.period;
  const v = { planned: 0, made: 0, plannedMade: 0, missed: 0, offPlan: 0, short: 0 };
  for (const [day, d] of src.days) if (day >= view.range.from && day <= view.range.to) for (const k of Object.keys(v) as (keyof typeof v)[]) v[k] += d[k];
  const s = sumSums(view.periods.map((q) => src.byPeriod.get(q.start)));
  const w = sumSums(salesWindowOf(p).map((q) => src.byPeriod.get(q.start)));
  const windowDays = p.kind === 'week' ? 28 : diffDays(periodEnd(p), p.start);
  const dailySales = w ? w.impliedSales / windowDays : 0;
  const stockSum = src.byPeriod.get(p.start)?.stockSum ?? 0;
  const stockShops = src.shops.get(p.start) ?? 0;
  const days = m.ratio(stockSum, dailySales);
  return {
    visitCompletion: m.visitCompletion(v.plannedMade, v.planned),
    visits: v,
    shelvingRate: m.shelvingRate(s?.shelved ?? 0, s?.eligible ?? 0),
    shelved: s?.shelved ?? 0,
    eligible: s?.eligible ?? 0,
    avgStock: m.averageStock(stockSum, stockShops),
    stockSum,
    stockShops,
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
  // this view and the one before from the same reads: a few statements instead of twenty
  const [src, open, complaintWeeks, monthSums, target, prevTarget, calendar] = await Promise.all([
    loadSources(db, scope, f, [f, prev]),
    getOpenComplaintCounts(db, scope, f, now()),
    getComplaintWeeks(db, scope, f, [...new Set([...weeks, ...prevWeeks])]),
    getPeriodSums(db, scope, f, [{ kind: 'month', start: prevMonth }, { kind: 'month', start: month }], 'period', 'orders'),
    getTargets(db, scope, f, month),
    getTargets(db, scope, f, prevMonth),
    getWorkCalendar(db),
  ]);
  const cur = figuresOf(f, src);
  const before = figuresOf(prev, src);
  const sumWeeks = (of: string[]) =>
    complaintWeeks.filter((r) => of.includes(r.weekStart)).reduce((a, r) => ({ resolved: a.resolved + r.resolved, onTime: a.onTime + r.resolvedOnTime }), { resolved: 0, onTime: 0 });
  const c = sumWeeks(weeks);
  const pc = sumWeeks(prevWeeks);
  const monthEnd = addDays(periodEnd({ kind: 'month', start: month }), -1);
  const workDays = eachDay(month, monthEnd).filter((d) => isWorkingDay(d, calendar));
  const elapsed = workDays.filter((d) => d <= today).length;
  const targetQty = target.get('')?.qty ?? 0;
  const completion = m.targetCompletion(monthSums.get(month)?.purchases ?? 0, targetQty);
  const prevCompletion = m.targetCompletion(monthSums.get(prevMonth)?.purchases ?? 0, prevTarget.get('')?.qty ?? 0);
  return {
    cur,
    before,
    complaints: { open: open.open, overdue: open.overdue, onTime: m.complaintOnTime(c.onTime, c.resolved), prevOnTime: m.complaintOnTime(pc.onTime, pc.resolved) },
    target: { completion, prevCompletion, timeProgress: m.timeProgress(elapsed, workDays.length), purchases: monthSums.get(month)?.purchases ?? 0, qty: targetQty },
  };
}
