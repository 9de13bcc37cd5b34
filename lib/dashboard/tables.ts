import 'server-only';
import type { Db } from '@/db/index';
import { getManagerDays, getPeriodSums, getScopeOrg, getShopStockRisk, getTargets, type ResolvedFilter } from '@/db/queries/dashboard';
import { periodEnd } from '@/db/rollups';
import type { Scope } from '@/lib/auth/scope';
import { formatTime } from '@/lib/format';
import * as m from '@/lib/metrics';
import type { Settings } from '@/lib/settings-defaults';
import { getWorkCalendar } from '@/lib/settings';
import { addDays, eachDay, isWorkingDay, monthStart } from '@/lib/time';
import { queryString } from '@/lib/lists/params';
import zh from '@/messages/zh-CN.json';

// The dashboards' tables, built once for the page and for its CSV / XLSX export.
export type TableCtx = { db: Db; user: Scope; f: ResolvedFilter & { org: Awaited<ReturnType<typeof getScopeOrg>> }; settings: Settings; today: string };
export type TableRow = Record<string, string | number | null>;

export async function stockRiskRows({ db, f, settings, today }: TableCtx): Promise<TableRow[]> {
  const managerIds = f.managerIds ?? f.org.managers.map((x) => x.id);
  const names = new Map(f.org.managers.map((x) => [x.id, x.name]));
  // a few managers, thousands of shops: each manager's drill-down link built once
  const hrefs = new Map(f.org.managers.map((x) => [x.id, `/dashboard/inventory?${queryString({ manager: String(x.id), team: String(x.teamId) })}`]));
  return (await getShopStockRisk(db, f, managerIds, today))
    .map((r) => {
      const days = m.daysOfStock(r.stock, r.sales28);
      const weeks = m.stockToSales(days);
      const band = m.stockBand(weeks, { low: settings.stockToSalesLow, high: settings.stockToSalesHigh, over: settings.stockToSalesOver });
      return {
        shop: r.name,
        shopHref: `/retailers/${r.retailerId}`,
        manager: names.get(r.managerId) ?? '',
        managerHref: hrefs.get(r.managerId) ?? `/dashboard/inventory?${queryString({ manager: String(r.managerId) })}`,
        stock: r.stock,
        dailySales: Math.round((r.sales28 / 28) * 100) / 100,
        days: days === null ? null : Math.round(days),
        weeks: weeks === null ? null : Math.round(weeks * 100) / 100,
        band: band ? zh.dash.inventory.bands[band] : null,
        bandVariant: band === 'over' || band === 'low' ? 'destructive' : 'warning',
      };
    })
    .filter((r) => r.band !== null && r.band !== zh.dash.inventory.bands.reasonable)
    .sort((a, b) => (b.weeks ?? 0) - (a.weeks ?? 0));
}

export async function managerDayRows({ db, user, f, settings }: TableCtx): Promise<TableRow[]> {
  const rows = await getManagerDays(db, user, f, f.range);
  const names = new Map(f.org.managers.map((x) => [x.id, x]));
  return rows
    .filter((r) => r.made > 0 || r.planned > 0)
    .map((r) => {
      const standard = r.area === 'rural' ? settings.visitStandardRural : settings.visitStandardCity;
      const met = r.made >= standard;
      const mg = names.get(r.managerId);
      return {
        day: r.day,
        manager: mg?.name ?? String(r.managerId),
        managerHref: `/dashboard/visits?${queryString({ manager: String(r.managerId), team: mg ? String(mg.teamId) : undefined })}`,
        planned: r.planned,
        made: r.made,
        standard: `${met ? '▲' : '▼'} ${standard}`,
        standardVariant: met ? 'success' : 'warning',
        short: r.short,
        offPlan: r.offPlan,
        missed: r.missed,
        firstStart: formatTime(r.firstStart),
        lastEnd: formatTime(r.lastEnd),
      };
    });
}

export async function shelvingManagerRows({ db, user, f }: TableCtx): Promise<TableRow[]> {
  const sums = await getPeriodSums(db, user, f, f.periods, 'manager', 'visits');
  return f.org.managers
    .filter((mg) => sums.has(String(mg.id)))
    .map((mg) => {
      const s = sums.get(String(mg.id))!;
      return {
        manager: mg.name,
        managerHref: `/dashboard/shelving?${queryString({ manager: String(mg.id), team: String(mg.teamId) })}`,
        eligible: s.eligible,
        shelved: s.shelved,
        rate: m.shelvingRate(s.shelved, s.eligible),
      };
    })
    .sort((a, b) => (a.rate ?? 0) - (b.rate ?? 0));
}

export async function targetManagerRows({ db, user, f, today }: TableCtx): Promise<{ rows: TableRow[]; time: number | null }> {
  const month = monthStart(f.period.start);
  const p = { kind: 'month' as const, start: month };
  const [sums, targets, calendar] = await Promise.all([getPeriodSums(db, user, f, [p], 'manager', 'orders'), getTargets(db, user, f, month, 'manager'), getWorkCalendar(db)]);
  const days = eachDay(month, addDays(periodEnd(p), -1)).filter((d) => isWorkingDay(d, calendar));
  const time = m.timeProgress(days.filter((d) => d <= today).length, days.length);
  const rows = f.org.managers
    .filter((mg) => !f.managerIds || f.managerIds.includes(mg.id))
    .map((mg) => {
      const s = sums.get(String(mg.id));
      const tg = targets.get(String(mg.id));
      const completion = m.targetCompletion(s?.purchases ?? 0, tg?.qty ?? 0);
      return {
        id: mg.id,
        manager: mg.name,
        managerHref: `/dashboard/targets?${queryString({ manager: String(mg.id), team: String(mg.teamId) })}`,
        target: tg?.qty ?? 0,
        purchases: s?.purchases ?? 0,
        completion,
        behind: completion !== null && time !== null && completion < time ? '▼' : '',
        amount: m.targetCompletion(s?.purchasesFen ?? 0, tg?.amountFen ?? 0),
        fill: m.orderFillRate(s?.purchases ?? 0, s?.ordered ?? 0),
        quota: m.quotaFillRate(s?.ordered ?? 0, s?.quota ?? 0),
      };
    })
    .sort((a, b) => (a.completion ?? 0) - (b.completion ?? 0));
  return { rows, time };
}

/** Export headers (Chinese, as the offices read them) for each table. */
export const exportTables: Record<string, { title: string; columns: [string, string][]; build: (ctx: TableCtx) => Promise<TableRow[]> }> = {
  'stock-risk': {
    title: '库存风险客户',
    columns: [['shop', '客户'], ['manager', '客户经理'], ['stock', '当前库存（条）'], ['dailySales', '日均动销（条）'], ['days', '可销天数'], ['weeks', '存销比（周）'], ['band', '判断']],
    build: stockRiskRows,
  },
  'manager-days': {
    title: '拜访规范',
    columns: [['day', '日期'], ['manager', '客户经理'], ['planned', '计划'], ['made', '拜访'], ['standard', '标准'], ['short', '短时'], ['offPlan', '计划外'], ['missed', '未拜访'], ['firstStart', '首家开始'], ['lastEnd', '末家结束']],
    build: managerDayRows,
  },
  'shelving-managers': {
    title: '上柜率按客户经理',
    columns: [['manager', '客户经理'], ['eligible', '应上柜'], ['shelved', '实上柜'], ['rate', '上柜率']],
    build: shelvingManagerRows,
  },
  'target-managers': {
    title: '目标完成按客户经理',
    columns: [['manager', '客户经理'], ['target', '目标（条）'], ['purchases', '已购（条）'], ['completion', '完成率'], ['amount', '金额完成率'], ['fill', '订单满足率'], ['quota', '订足率']],
    build: async (ctx) => (await targetManagerRows(ctx)).rows,
  },
};
