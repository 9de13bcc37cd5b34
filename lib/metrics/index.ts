// The metrics of DOMAIN.md "Metrics" as pure functions over sums the rollups hold. A zero
// denominator gives null, shown as "—", never 0% or an error.

export type Ratio = number | null;

export const ratio = (numerator: number, denominator: number): Ratio => (denominator ? numerator / denominator : null);

/** 拜访完成率: planned retailers visited ÷ planned retailers (off-plan visits counted apart). */
export const visitCompletion = (plannedMade: number, planned: number) => ratio(plannedMade, planned);

/** 重点品牌上柜率: Σ shelved (retailer, key spec) pairs ÷ Σ eligible pairs. */
export const shelvingRate = (shelved: number, eligible: number) => ratio(shelved, eligible);

/** 动销比: Σ implied sales ÷ Σ (stock(v1) + purchases in (v1, v2]). */
export const sellThrough = (impliedSales: number, sellBase: number) => ratio(impliedSales, sellBase);

/** Average period stock per shop, 条. */
export const averageStock = (stockSum: number, retailers: number) => ratio(stockSum, retailers);

/** 可销天数: latest stock ÷ the daily implied-sales rate over the last 28 days. */
export const daysOfStock = (latestStock: number, impliedSales28: number) => ratio(latestStock, impliedSales28 / 28);

/** 存销比 in weeks of stock, and its band (thresholds are settings). */
export const stockToSales = (days: Ratio): Ratio => (days === null ? null : days / 7);

export type StockBand = 'low' | 'reasonable' | 'high' | 'over';
export function stockBand(weeks: Ratio, t: { low: number; high: number; over: number }): StockBand | null {
  if (weeks === null) return null;
  if (weeks < t.low) return 'low';
  if (weeks <= t.high) return 'reasonable';
  if (weeks <= t.over) return 'high';
  return 'over';
}

/** 目标完成率 beside 时间进度 (working days elapsed ÷ working days in the month). */
export const targetCompletion = (purchases: number, target: number) => ratio(purchases, target);
export const timeProgress = (elapsed: number, total: number) => ratio(elapsed, total);

/** 协议执行率 and whether it is on track (±10%, ±15% for small shops; settings). */
export const agreementProgress = (purchases: number, agreed: number) => ratio(purchases, agreed);
export function agreementBand(progress: Ratio, expected: number, tolerance: number): 'behind' | 'on_track' | 'ahead' | null {
  if (progress === null) return null;
  if (progress < expected - tolerance) return 'behind';
  if (progress > expected + tolerance) return 'ahead';
  return 'on_track';
}

/** 订单满足率 supplied ÷ ordered; 订足率 ordered ÷ allocation. */
export const orderFillRate = (supplied: number, ordered: number) => ratio(supplied, ordered);
export const quotaFillRate = (ordered: number, quota: number) => ratio(ordered, quota);

/** 单规格动销率 (YC/T 455.3): of D = retailers that ordered the spec in the previous 3 periods, the share ordering it now. */
export const skuMovingRate = (orderedNowOfD: number, d: number) => ratio(orderedNowOfD, d);

/** 投诉处理及时率 and 满意率. */
export const complaintOnTime = (onTime: number, resolved: number) => ratio(onTime, resolved);
export const complaintSatisfaction = (satisfied: number, followedUp: number) => ratio(satisfied, followedUp);

/** 预测准确率: max(0, 1 − |forecast − actual| ÷ actual); null when actual is 0. */
export const forecastAccuracy = (forecast: number, actual: number): Ratio => (actual ? Math.max(0, 1 - Math.abs(forecast - actual) / actual) : null);

/** Change against the previous period, in percentage points for rates or in units for amounts. */
export function change(current: Ratio, previous: Ratio): Ratio {
  if (current === null || previous === null) return null;
  return current - previous;
}
