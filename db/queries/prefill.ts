import 'server-only';
import type { Db } from '@/db/index';
import type { Scope } from '@/lib/auth/scope';
import { getSettings } from '@/lib/settings';
import { monthStart } from '@/lib/time';
import { getSchedule } from './schedule';
import { getActiveSpecs, getComplaintCategories, getEligibleKeySpecIds, getLastVisitLines, getRetailerInScope, getSupplyLimits } from './visits';

export type PrefillShop = {
  id: number;
  name: string;
  address: string;
  grade: number;
  area: 'city' | 'rural';
  routeName: string;
  keySpecIds: number[];
  lastLines: { specId: number; stock: number; onCounter: boolean; priceTagOk: boolean }[];
  lastVisitedAt: string | null;
  supplyLimits: Record<number, number>;
};

export type Prefill = {
  day: string;
  specs: Awaited<ReturnType<typeof getActiveSpecs>>;
  categories: Awaited<ReturnType<typeof getComplaintCategories>>;
  settings: { shortVisitMinutes: number; maxStockPerLine: number; maxOrderPerLine: number };
  shops: PrefillShop[];
};

/**
 * Everything the visit form needs, for the day's scheduled shops (kept on the device for offline
 * use) or for one shop in scope. Returns null when the shop is outside the caller's scope.
 */
export async function getPrefill(db: Db, scope: Scope, day: string, retailerId?: number): Promise<Prefill | null> {
  const month = monthStart(day);
  const [specs, categories, settings] = await Promise.all([getActiveSpecs(db), getComplaintCategories(db), getSettings(db)]);
  let shopRows: { id: number; name: string; address: string; grade: number; area: 'city' | 'rural'; routeName: string }[];
  if (retailerId) {
    const shop = await getRetailerInScope(db, scope, retailerId);
    if (!shop) return null;
    shopRows = [shop];
  } else {
    shopRows = (await getSchedule(db, scope, day)).items.map((s) => ({ id: s.retailerId, name: s.name, address: s.address, grade: s.grade, area: s.area, routeName: s.routeName }));
  }
  const last = await getLastVisitLines(db, shopRows.map((s) => s.id));
  const keyCache = new Map<string, number[]>();
  const limitCache = new Map<number, Record<number, number>>();
  const shops: PrefillShop[] = [];
  for (const s of shopRows) {
    const keyKey = `${s.grade}:${s.area}`;
    if (!keyCache.has(keyKey)) keyCache.set(keyKey, await getEligibleKeySpecIds(db, s, month));
    if (!limitCache.has(s.grade)) limitCache.set(s.grade, await getSupplyLimits(db, s.grade, month));
    const lines = last.get(s.id) ?? [];
    shops.push({
      ...s,
      keySpecIds: keyCache.get(keyKey)!,
      lastLines: lines.map(({ specId, stock, onCounter, priceTagOk }) => ({ specId, stock, onCounter, priceTagOk })),
      lastVisitedAt: lines[0] ? new Date(lines[0].visitedAt).toISOString() : null,
      supplyLimits: limitCache.get(s.grade)!,
    });
  }
  return {
    day,
    specs,
    categories,
    settings: { shortVisitMinutes: settings.shortVisitMinutes, maxStockPerLine: settings.maxStockPerLine, maxOrderPerLine: settings.maxOrderPerLine },
    shops,
  };
}
