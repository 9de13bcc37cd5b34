import 'server-only';
import { and, asc, count, desc, eq, gte, inArray, lt, lte, max, sql, sum } from 'drizzle-orm';
import type { Db } from '@/db/index';
import {
  collectionSheetLines,
  collectionSheets,
  customerGroupAssignments as cga,
  forecasts,
  keyBrandListItems,
  keyBrandLists,
  orderLines,
  retailers,
  specs,
  users,
  visitStockLines,
} from '@/db/schema';
import type { Scope } from '@/lib/auth/scope';
import { scopeFilter } from '@/lib/auth/scope';
import { forecastAccuracy } from '@/lib/metrics/forecast';
import { focusShopCondition } from '@/lib/planning/focus';
import { addDays, addMonths, diffDays, monthStart, weekStart } from '@/lib/time';

// ---------------------------------------------------------------- who

/** A manager the caller may look at: self, the supervisor's team, the branch head's branch. */
export async function getManagerInScope(db: Db, scope: Scope, managerId: number) {
  const [row] = await db
    .select({ id: users.id, name: users.name, teamId: users.teamId, branchId: users.branchId })
    .from(users)
    .where(and(eq(users.id, managerId), eq(users.role, 'manager')))
    .limit(1);
  if (!row) return null;
  const ok =
    scope.role === 'manager' ? row.id === scope.userId : scope.role === 'supervisor' ? row.teamId === scope.teamId : scope.role === 'branch_head' ? row.branchId === scope.branchId : false;
  return ok ? row : null;
}

async function managersInScope(db: Db, scope: Scope) {
  const where =
    scope.role === 'supervisor' ? eq(users.teamId, scope.teamId ?? -1) : scope.role === 'branch_head' ? eq(users.branchId, scope.branchId ?? -1) : eq(users.id, scope.userId);
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.role, 'manager'), where))
    .orderBy(asc(users.id));
}

// ---------------------------------------------------------------- screening

export async function getScreening(db: Db, managerId: number, month: string) {
  return db
    .select({
      retailerId: retailers.id,
      name: retailers.name,
      grade: retailers.grade,
      isEnterprise: retailers.isEnterprise,
      group: cga.group,
      isKeyCustomer: cga.isKeyCustomer,
      weeklyCv: cga.weeklyCv,
      overrideReason: cga.overrideReason,
      computedAt: cga.computedAt,
    })
    .from(retailers)
    .leftJoin(cga, and(eq(cga.retailerId, retailers.id), eq(cga.month, month)))
    .where(and(eq(retailers.managerId, managerId), eq(retailers.active, true)))
    .orderBy(asc(retailers.routeId), asc(retailers.routeSeq));
}

// ---------------------------------------------------------------- total forecast

/** Ordered 条 by price class for each month in [from, to): the actual the forecast is judged by. */
async function orderedByClass(db: Db, managerId: number, from: string, to: string) {
  const month = sql<string>`to_char(${orderLines.orderDate}, 'YYYY-MM-01')`;
  return db
    .select({ month, priceClass: specs.priceClass, qty: sum(orderLines.ordered).mapWith(Number) })
    .from(orderLines)
    .innerJoin(specs, eq(specs.id, orderLines.specId))
    .where(and(eq(orderLines.managerId, managerId), gte(orderLines.orderDate, from), lt(orderLines.orderDate, to)))
    .groupBy(month, specs.priceClass);
}

export type TotalForecastGuide = { priceClass: number; months: number[]; lastMonth: number; average3: number; forecast: number | null };

/** The form's guide: ordered 条 by price class in each of the three months before, and what is filed. */
export async function getTotalForecastForm(db: Db, managerId: number, month: string) {
  const from = addMonths(month, -3);
  const [ordered, filed] = await Promise.all([
    orderedByClass(db, managerId, from, month),
    db
      .select({ priceClass: forecasts.priceClass, qty: forecasts.qty, createdAt: forecasts.createdAt })
      .from(forecasts)
      .where(and(eq(forecasts.managerId, managerId), eq(forecasts.month, month), eq(forecasts.kind, 'total'))),
  ]);
  const months = [addMonths(month, -3), addMonths(month, -2), addMonths(month, -1)];
  const rows: TotalForecastGuide[] = [1, 2, 3, 4, 5].map((c) => {
    const byMonth = months.map((m) => ordered.find((o) => o.month === m && o.priceClass === c)?.qty ?? 0);
    return {
      priceClass: c,
      months: byMonth,
      lastMonth: byMonth[2],
      average3: Math.round(byMonth.reduce((a, b) => a + b, 0) / 3),
      forecast: filed.find((f) => f.priceClass === c)?.qty ?? null,
    };
  });
  const savedAt = filed.reduce<Date | null>((a, f) => (!a || f.createdAt > a ? f.createdAt : a), null);
  return { months, rows, savedAt };
}

// ---------------------------------------------------------------- individual forecasts

export type FocusShop = {
  retailerId: number;
  name: string;
  grade: number;
  group: 'high_fluctuation' | 'enterprise' | 'general' | null;
  isEnterprise: boolean;
  weekly: number[]; // supplied 条, oldest week first
  forecast: number | null;
  note: string | null;
};

/** The month's high-fluctuation and enterprise-level shops, their last `weeks` weeks of purchases and what is filed. */
export async function getIndividualForecastForm(db: Db, managerId: number, month: string, day: string, weeks = 8) {
  const shops = await db
    .select({ retailerId: retailers.id, name: retailers.name, grade: retailers.grade, group: cga.group, isEnterprise: retailers.isEnterprise })
    .from(retailers)
    .leftJoin(cga, and(eq(cga.retailerId, retailers.id), eq(cga.month, month)))
    .where(and(eq(retailers.managerId, managerId), eq(retailers.active, true), focusShopCondition()))
    .orderBy(asc(retailers.routeId), asc(retailers.routeSeq));
  const to = weekStart(day);
  const from = addDays(to, -7 * weeks);
  const ids = shops.map((s) => s.retailerId);
  if (ids.length === 0) return { shops: [] as FocusShop[], weeks: [] as string[] };
  const [daily, filed] = await Promise.all([
    db
      .select({ retailerId: orderLines.retailerId, day: orderLines.deliveryDate, qty: sum(orderLines.supplied).mapWith(Number) })
      .from(orderLines)
      .where(and(inArray(orderLines.retailerId, ids), gte(orderLines.deliveryDate, from), lt(orderLines.deliveryDate, to)))
      .groupBy(orderLines.retailerId, orderLines.deliveryDate),
    db
      .select({ retailerId: forecasts.retailerId, qty: forecasts.qty, note: forecasts.note })
      .from(forecasts)
      .where(and(eq(forecasts.managerId, managerId), eq(forecasts.month, month), eq(forecasts.kind, 'individual'), inArray(forecasts.retailerId, ids))),
  ]);
  const weekly = new Map<number, number[]>(ids.map((id) => [id, new Array<number>(weeks).fill(0)]));
  for (const d of daily) weekly.get(d.retailerId)![Math.floor(diffDays(d.day, from) / 7)] += d.qty;
  const filedMap = new Map(filed.map((f) => [f.retailerId, f]));
  return {
    weeks: Array.from({ length: weeks }, (_, i) => addDays(from, 7 * i)),
    shops: shops.map((s) => ({ ...s, weekly: weekly.get(s.retailerId)!, forecast: filedMap.get(s.retailerId)?.qty ?? null, note: filedMap.get(s.retailerId)?.note ?? null })),
  };
}

// ---------------------------------------------------------------- accuracy

export type AccuracyRow = { forecast: number | null; actual: number; accuracy: number | null };

/**
 * 预测准确率 for a finished month: the total forecast by price class against the ordered 条 of
 * the manager's orders (stamped with the manager, so a shop moved away keeps its month), and each
 * individual forecast against that shop's ordered 条.
 */
export async function getForecastAccuracy(db: Db, managerId: number, month: string) {
  const next = addMonths(month, 1);
  const [ordered, totals, indiv] = await Promise.all([
    orderedByClass(db, managerId, month, next),
    db
      .select({ priceClass: forecasts.priceClass, qty: forecasts.qty })
      .from(forecasts)
      .where(and(eq(forecasts.managerId, managerId), eq(forecasts.month, month), eq(forecasts.kind, 'total'))),
    db
      .select({ retailerId: retailers.id, name: retailers.name, qty: forecasts.qty, note: forecasts.note, group: cga.group })
      .from(forecasts)
      .innerJoin(retailers, eq(retailers.id, forecasts.retailerId))
      .leftJoin(cga, and(eq(cga.retailerId, forecasts.retailerId), eq(cga.month, month)))
      .where(and(eq(forecasts.managerId, managerId), eq(forecasts.month, month), eq(forecasts.kind, 'individual')))
      .orderBy(asc(retailers.routeId), asc(retailers.routeSeq)),
  ]);
  const filed = totals.length > 0;
  const classes = [1, 2, 3, 4, 5].map((c) => {
    const actual = ordered.find((o) => o.priceClass === c)?.qty ?? 0;
    const forecast = filed ? (totals.find((t) => t.priceClass === c)?.qty ?? 0) : null;
    return { priceClass: c, forecast, actual, accuracy: forecast === null ? null : forecastAccuracy(forecast, actual) };
  });
  const actualAll = classes.reduce((a, c) => a + c.actual, 0);
  const forecastAll = filed ? classes.reduce((a, c) => a + (c.forecast ?? 0), 0) : null;
  const ids = indiv.map((i) => i.retailerId);
  const shopActual = ids.length
    ? await db
        .select({ retailerId: orderLines.retailerId, qty: sum(orderLines.ordered).mapWith(Number) })
        .from(orderLines)
        .where(and(inArray(orderLines.retailerId, ids), gte(orderLines.orderDate, month), lt(orderLines.orderDate, next)))
        .groupBy(orderLines.retailerId)
    : [];
  const actualMap = new Map(shopActual.map((s) => [s.retailerId, s.qty]));
  const shops = indiv.map((i) => {
    const actual = actualMap.get(i.retailerId) ?? 0;
    return { retailerId: i.retailerId, name: i.name, group: i.group, note: i.note, forecast: i.qty, actual, accuracy: forecastAccuracy(i.qty, actual) };
  });
  const scored = shops.filter((s) => s.accuracy !== null);
  return {
    classes,
    total: { forecast: forecastAll, actual: actualAll, accuracy: forecastAll === null ? null : forecastAccuracy(forecastAll, actualAll) } satisfies AccuracyRow,
    shops,
    // the plain mean over shops that ordered at all: each shop's forecast weighs the same
    individualMean: scored.length ? scored.reduce((a, s) => a + s.accuracy!, 0) / scored.length : null,
  };
}

/** One row per manager in the caller's scope: total and individual accuracy for the month. */
export async function getTeamForecastAccuracy(db: Db, scope: Scope, month: string) {
  const managers = await managersInScope(db, scope);
  return Promise.all(
    managers.map(async (m) => {
      const a = await getForecastAccuracy(db, m.id, month);
      return { managerId: m.id, name: m.name, total: a.total, individualShops: a.shops.length, individualMean: a.individualMean };
    }),
  );
}

// ---------------------------------------------------------------- collection sheets

/** The collection points in the caller's scope, and whether the week's sheet is in. */
export async function getCollectionPoints(db: Db, scope: Scope, week: string) {
  return db
    .select({
      retailerId: retailers.id,
      name: retailers.name,
      address: retailers.address,
      managerName: users.name,
      sheetId: collectionSheets.id,
      savedAt: collectionSheets.createdAt,
    })
    .from(retailers)
    .innerJoin(users, eq(users.id, retailers.managerId))
    .leftJoin(collectionSheets, and(eq(collectionSheets.retailerId, retailers.id), eq(collectionSheets.weekStart, week)))
    .where(and(eq(retailers.isCollectionPoint, true), eq(retailers.active, true), scopeFilter(scope, retailers)))
    .orderBy(asc(users.id), asc(retailers.routeId), asc(retailers.routeSeq));
}

// one order for a draft and a saved sheet (the database's collation would sort names differently),
// so a line stays where the manager typed it
function sortLines<T extends { priceClass: number; specName: string }>(lines: T[]): T[] {
  return [...lines].sort((a, b) => a.priceClass - b.priceClass || a.specName.localeCompare(b.specName, 'zh-CN'));
}

export type CollectionLine = {
  specId: number;
  specName: string;
  priceClass: number;
  purchases: number | null;
  sales: number | null;
  stock: number | null;
  priceFen: number | null;
  stockOutDays: number | null;
};

/**
 * A shop's sheet for a week: the saved lines, or a draft for the specs the shop stocks (its latest
 * visit, its orders over 8 weeks) and the key specs it is eligible for, with purchases from the
 * week's deliveries, stock from the latest visit up to the week's end and last week's prices.
 */
export async function getCollectionSheet(db: Db, shop: { id: number; grade: number; area: 'city' | 'rural' }, week: string) {
  const weekEnd = addDays(week, 6);
  const [saved] = await db
    .select({ id: collectionSheets.id, createdAt: collectionSheets.createdAt })
    .from(collectionSheets)
    .where(and(eq(collectionSheets.retailerId, shop.id), eq(collectionSheets.weekStart, week)))
    .limit(1);
  const specCols = { specId: specs.id, specName: specs.name, priceClass: specs.priceClass, retailFen: specs.retailFen };
  if (saved) {
    const lines = await db
      .select({
        specId: specs.id,
        specName: specs.name,
        priceClass: specs.priceClass,
        purchases: collectionSheetLines.purchases,
        sales: collectionSheetLines.sales,
        stock: collectionSheetLines.stock,
        priceFen: collectionSheetLines.priceFen,
        stockOutDays: collectionSheetLines.stockOutDays,
      })
      .from(collectionSheetLines)
      .innerJoin(specs, eq(specs.id, collectionSheetLines.specId))
      .where(eq(collectionSheetLines.sheetId, saved.id));
    return { savedAt: saved.createdAt, lines: sortLines(lines) satisfies CollectionLine[] };
  }

  const [latestVisit] = await db
    .select({ at: max(visitStockLines.visitedAt) })
    .from(visitStockLines)
    .where(and(eq(visitStockLines.retailerId, shop.id), lte(visitStockLines.visitDate, weekEnd)));
  const [stocked, ordered, key, purchases, lastSheet] = await Promise.all([
    latestVisit?.at
      ? db
          .select({ ...specCols, stock: visitStockLines.stock })
          .from(visitStockLines)
          .innerJoin(specs, eq(specs.id, visitStockLines.specId))
          .where(and(eq(visitStockLines.retailerId, shop.id), eq(visitStockLines.visitedAt, latestVisit.at)))
      : Promise.resolve([]),
    db
      .selectDistinct(specCols)
      .from(orderLines)
      .innerJoin(specs, eq(specs.id, orderLines.specId))
      .where(and(eq(orderLines.retailerId, shop.id), gte(orderLines.deliveryDate, addDays(week, -49)), lte(orderLines.deliveryDate, weekEnd))),
    db
      .select(specCols)
      .from(keyBrandListItems)
      .innerJoin(keyBrandLists, eq(keyBrandLists.id, keyBrandListItems.listId))
      .innerJoin(specs, eq(specs.id, keyBrandListItems.specId))
      .where(
        and(
          eq(keyBrandLists.month, monthStart(week)),
          lte(keyBrandListItems.gradeMin, shop.grade),
          gte(keyBrandListItems.gradeMax, shop.grade),
          sql`(${keyBrandListItems.area} is null or ${keyBrandListItems.area} = ${shop.area})`,
        ),
      ),
    db
      .select({ specId: orderLines.specId, qty: sum(orderLines.supplied).mapWith(Number) })
      .from(orderLines)
      .where(and(eq(orderLines.retailerId, shop.id), gte(orderLines.deliveryDate, week), lte(orderLines.deliveryDate, weekEnd)))
      .groupBy(orderLines.specId),
    db
      .select({ id: collectionSheets.id })
      .from(collectionSheets)
      .where(and(eq(collectionSheets.retailerId, shop.id), lt(collectionSheets.weekStart, week)))
      .orderBy(desc(collectionSheets.weekStart))
      .limit(1),
  ]);
  const lastPrices = lastSheet[0]
    ? await db
        .select({ specId: collectionSheetLines.specId, priceFen: collectionSheetLines.priceFen })
        .from(collectionSheetLines)
        .where(eq(collectionSheetLines.sheetId, lastSheet[0].id))
    : [];
  const bySpec = new Map<number, (typeof ordered)[number]>();
  for (const s of [...stocked, ...ordered, ...key]) if (!bySpec.has(s.specId)) bySpec.set(s.specId, s);
  const stockMap = new Map(stocked.map((s) => [s.specId, s.stock]));
  const purchaseMap = new Map(purchases.map((p) => [p.specId, p.qty]));
  const priceMap = new Map(lastPrices.map((p) => [p.specId, p.priceFen]));
  const lines: CollectionLine[] = sortLines([...bySpec.values()]).map((s) => ({
    specId: s.specId,
    specName: s.specName,
    priceClass: s.priceClass,
    purchases: purchaseMap.get(s.specId) ?? 0,
    sales: null, // the shop's own figure: nothing in our data says what it sold
    stock: stockMap.get(s.specId) ?? null,
    priceFen: priceMap.get(s.specId) ?? s.retailFen,
    stockOutDays: 0,
  }));
  return { savedAt: null, lines };
}

/** Where the manager stands in the month's rhythm: screened shops, the total filed, individual forecasts filed. */
export async function getForecastStatus(db: Db, managerId: number, month: string) {
  const [[screen], [filed], [focus]] = await Promise.all([
    db
      .select({ shops: count(), screened: count(cga.retailerId) })
      .from(retailers)
      .leftJoin(cga, and(eq(cga.retailerId, retailers.id), eq(cga.month, month)))
      .where(and(eq(retailers.managerId, managerId), eq(retailers.active, true))),
    db
      .select({
        total: count(sql`case when ${forecasts.kind} = 'total' then 1 end`),
        individual: count(sql`case when ${forecasts.kind} = 'individual' then 1 end`),
      })
      .from(forecasts)
      .where(and(eq(forecasts.managerId, managerId), eq(forecasts.month, month))),
    db
      .select({ n: count() })
      .from(retailers)
      .leftJoin(cga, and(eq(cga.retailerId, retailers.id), eq(cga.month, month)))
      .where(and(eq(retailers.managerId, managerId), eq(retailers.active, true), focusShopCondition())),
  ]);
  return { shops: screen.shops, screened: screen.screened, totalFiled: filed.total > 0, individualFiled: filed.individual, focusShops: focus.n };
}
