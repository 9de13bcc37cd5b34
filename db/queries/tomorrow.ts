import 'server-only';
import { and, asc, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/index';
import { agreedVolumes, orderLines, retailers, specs, visitInfoItems, visits, visitStockLines, type VisitSections } from '@/db/schema';
import { monthStart, weekStart } from '@/lib/time';

export type VisitNote = { kind: 'section'; section: keyof VisitSections; field: string; text: string } | { kind: 'info'; infoKind: string; text: string };

export type ShopPrep = {
  retailerId: number;
  lastVisit: {
    id: string;
    date: string;
    startedAt: Date;
    durationSec: number;
    stockTotal: number;
    keyNotOnCounter: string[];
    illegalFound: boolean;
    notes: VisitNote[];
  } | null;
  weekPurchases: number;
  monthPurchases: number;
  agreed: number | null;
  /** small shops get the wider agreement tolerance (DOMAIN.md agreement_progress) */
  small: boolean;
};

// the free-text parts of the seven sections, in visit order
const sectionTexts: [keyof VisitSections, string][] = [
  ['ask', 'note'],
  ['look', 'note'],
  ['introduce', 'note'],
  ['tidy', 'note'],
  ['collect', 'note'],
  ['answer', 'questions'],
  ['answer', 'note'],
  ['record', 'effects'],
  ['record', 'suggestions'],
];

/**
 * What a manager reads the evening before (step 9 of the day) for each shop of `day`'s schedule:
 * the shop's last visit in brief, its purchases (supplied 条 by delivery date) in the week and the
 * month of `day` up to `day`, and its agreed monthly volume. A handful of queries for all the shops
 * together, whatever their number.
 */
export async function getShopPrep(db: DbOrTx, retailerIds: number[], day: string): Promise<Map<number, ShopPrep>> {
  const out = new Map<number, ShopPrep>();
  if (retailerIds.length === 0) return out;
  const week = weekStart(day);
  const month = monthStart(day);
  const from = week < month ? week : month;
  const [lastVisits, purchases, agreed, sizes] = await Promise.all([
    db
      .selectDistinctOn([visits.retailerId], {
        id: visits.id,
        retailerId: visits.retailerId,
        date: visits.visitDate,
        startedAt: visits.startedAt,
        durationSec: visits.durationSec,
        sections: visits.sections,
        illegalFound: visits.illegalFound,
      })
      .from(visits)
      .where(and(inArray(visits.retailerId, retailerIds), lte(visits.visitDate, day)))
      .orderBy(visits.retailerId, desc(visits.startedAt)),
    db
      .select({
        retailerId: orderLines.retailerId,
        week: sql<number>`coalesce(sum(${orderLines.supplied}) filter (where ${orderLines.deliveryDate} >= ${week}), 0)::int`,
        month: sql<number>`coalesce(sum(${orderLines.supplied}) filter (where ${orderLines.deliveryDate} >= ${month}), 0)::int`,
      })
      .from(orderLines)
      .where(and(inArray(orderLines.retailerId, retailerIds), gte(orderLines.deliveryDate, from), lte(orderLines.deliveryDate, day)))
      .groupBy(orderLines.retailerId),
    db
      .select({ retailerId: agreedVolumes.retailerId, qty: agreedVolumes.qty })
      .from(agreedVolumes)
      .where(and(eq(agreedVolumes.month, month), inArray(agreedVolumes.retailerId, retailerIds))),
    db.select({ id: retailers.id, size: retailers.size }).from(retailers).where(inArray(retailers.id, retailerIds)),
  ]);
  const visitIds = lastVisits.map((v) => v.id);
  const [lines, info] = visitIds.length
    ? await Promise.all([
        db
          .select({ visitId: visitStockLines.visitId, stock: visitStockLines.stock, isKey: visitStockLines.isKey, onCounter: visitStockLines.onCounter, specName: specs.name })
          .from(visitStockLines)
          .innerJoin(specs, eq(specs.id, visitStockLines.specId))
          .where(inArray(visitStockLines.visitId, visitIds))
          .orderBy(asc(specs.priceClass), asc(specs.name)),
        db
          .select({ visitId: visitInfoItems.visitId, kind: visitInfoItems.kind, note: visitInfoItems.note })
          .from(visitInfoItems)
          .where(inArray(visitInfoItems.visitId, visitIds))
          .orderBy(asc(visitInfoItems.id)),
      ])
    : [[], []];

  const purchaseMap = new Map(purchases.map((p) => [p.retailerId, p]));
  const agreedMap = new Map(agreed.map((a) => [a.retailerId, a.qty]));
  const smallShops = new Set(sizes.filter((r) => r.size === 'small').map((r) => r.id));
  const visitMap = new Map(
    lastVisits.map((v) => {
      const notes: VisitNote[] = [];
      for (const [section, field] of sectionTexts) {
        const text = (v.sections?.[section] as Record<string, unknown> | undefined)?.[field];
        if (typeof text === 'string' && text.trim()) notes.push({ kind: 'section', section, field, text: text.trim() });
      }
      return [v.id, { id: v.id, date: v.date, startedAt: v.startedAt, durationSec: v.durationSec, illegalFound: v.illegalFound, stockTotal: 0, keyNotOnCounter: [] as string[], notes, retailerId: v.retailerId }];
    }),
  );
  for (const l of lines) {
    const v = visitMap.get(l.visitId);
    if (!v) continue;
    v.stockTotal += l.stock;
    if (l.isKey && !l.onCounter) v.keyNotOnCounter.push(l.specName);
  }
  for (const i of info) visitMap.get(i.visitId)?.notes.push({ kind: 'info', infoKind: i.kind, text: i.note });
  const byShop = new Map([...visitMap.values()].map(({ retailerId, ...v }) => [retailerId, v]));

  for (const id of retailerIds) {
    const p = purchaseMap.get(id);
    out.set(id, { retailerId: id, lastVisit: byShop.get(id) ?? null, weekPurchases: p?.week ?? 0, monthPurchases: p?.month ?? 0, agreed: agreedMap.get(id) ?? null, small: smallShops.has(id) });
  }
  return out;
}
