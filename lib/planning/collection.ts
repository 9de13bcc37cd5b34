import { z } from 'zod';
import { eq, inArray } from 'drizzle-orm';
import { getRetailerInScope } from '@/db/queries/visits';
import { collectionSheetLines, collectionSheets, specs } from '@/db/schema';
import { FieldError, NotFoundError, type ActionSpec } from '@/lib/action';
import { today } from '@/lib/clock';
import { getSettings } from '@/lib/settings';
import { addDays, isoWeekday, weekStart } from '@/lib/time';

// A sheet is filled from the shop's books after the week; past two months the shop no longer
// remembers the figures, so older weeks are closed.
export const COLLECTION_WEEKS_BACK = 8;
// 元 per 条: the dearest specs sell for a few thousand; more is a typing slip.
export const MAX_PRICE_FEN = 1_000_000;

/** Weeks a sheet may be written for, newest first: this week and the COLLECTION_WEEKS_BACK before. */
export function collectionWeeks(day = today()): string[] {
  const current = weekStart(day);
  return Array.from({ length: COLLECTION_WEEKS_BACK + 1 }, (_, i) => addDays(current, -7 * i));
}

const count = (label: string) =>
  z.int({ error: `请填写${label}（整数，条）` }).min(0, { error: `${label}不能为负数` });

export const collectionLineSchema = z.object({
  specId: z.int({ error: '规格无效' }).positive({ error: '规格无效' }).max(2_147_483_647, { error: '规格无效' }),
  purchases: count('进货量'),
  sales: count('销量'),
  stock: count('库存'),
  price: z
    .string({ error: '请填写零售价（元/条）' })
    .trim()
    .min(1, { error: '请填写零售价（元/条）', abort: true })
    .regex(/^\d+(\.\d{1,2})?$/, { error: '零售价请填写金额，如 45 或 45.50（元/条）' })
    .transform((v) => Math.round(Number(v) * 100))
    .refine((fen) => fen > 0, { error: '零售价必须大于 0' })
    .refine((fen) => fen <= MAX_PRICE_FEN, { error: `零售价超出合理范围（最多 ${MAX_PRICE_FEN / 100} 元/条）` }),
  stockOutDays: z
    .int({ error: '请填写断货天数（0–7 的整数）' })
    .min(0, { error: '断货天数不能为负数' })
    .max(7, { error: '断货天数不能超过 7 天' }),
});

export const collectionSheetSchema = z.object({
  clientId: z.uuid({ error: '提交编号无效' }),
  retailerId: z.int({ error: '请选择采集点' }).positive({ error: '请选择采集点' }).max(2_147_483_647, { error: '请选择采集点' }),
  weekStart: z.string({ error: '请选择周' }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: '周的格式应为 YYYY-MM-DD' }),
  lines: z.array(collectionLineSchema).min(1, { error: '采集表至少要有一个规格' }).max(300, { error: '一张采集表最多 300 个规格' }),
});

/**
 * One sheet per shop and week: saving again replaces the lines, so a retry or a correction never
 * leaves two sheets; the client id makes a repeated submit return the first answer.
 */
export const saveCollectionSheetSpec: ActionSpec<typeof collectionSheetSchema, { sheetId: number }> = {
  name: 'collection.save',
  permission: 'collection:write',
  schema: collectionSheetSchema,
  idempotencyKey: (input) => input.clientId,
  handler: async ({ user, tx, input }) => {
    const shop = await getRetailerInScope(tx, user, input.retailerId);
    if (!shop || !shop.isCollectionPoint) throw new NotFoundError('采集点不存在或不在您的负责范围内');
    if (isoWeekday(input.weekStart) !== 1 || Number.isNaN(Date.parse(input.weekStart))) throw new FieldError({ weekStart: ['请选择一周（从周一开始）'] });
    const weeks = collectionWeeks();
    if (input.weekStart > weeks[0]) throw new FieldError({ weekStart: ['不能填写未来的周'] });
    if (!weeks.includes(input.weekStart)) throw new FieldError({ weekStart: [`只能填写最近 ${COLLECTION_WEEKS_BACK} 周的采集表`] });

    const errors: Record<string, string[]> = {};
    const seen = new Set<number>();
    const settings = await getSettings(tx);
    const limit = settings.maxStockPerLine;
    input.lines.forEach((l, i) => {
      if (seen.has(l.specId)) errors[`lines.${i}.specId`] = ['同一规格填写了两次'];
      seen.add(l.specId);
      for (const [k, label] of [
        ['purchases', '进货量'],
        ['sales', '销量'],
        ['stock', '库存'],
      ] as const) {
        if (l[k] > limit) errors[`lines.${i}.${k}`] = [`${label}超出合理范围（一个规格最多 ${limit} 条），请检查是否多输了 0`];
      }
    });
    if (Object.keys(errors).length) throw new FieldError(errors);
    const known = await tx
      .select({ id: specs.id })
      .from(specs)
      .where(inArray(specs.id, [...seen]));
    if (known.length !== seen.size) throw new FieldError({ _form: ['采集表里有不存在的规格，请刷新页面后重试'] });

    const stamps = { managerId: shop.managerId, teamId: shop.teamId, branchId: shop.branchId };
    const [sheet] = await tx
      .insert(collectionSheets)
      .values({ weekStart: input.weekStart, retailerId: shop.id, ...stamps })
      .onConflictDoUpdate({ target: [collectionSheets.retailerId, collectionSheets.weekStart], set: stamps })
      .returning({ id: collectionSheets.id });
    await tx.delete(collectionSheetLines).where(eq(collectionSheetLines.sheetId, sheet.id));
    await tx.insert(collectionSheetLines).values(
      input.lines.map((l) => ({
        sheetId: sheet.id,
        specId: l.specId,
        purchases: l.purchases,
        sales: l.sales,
        stock: l.stock,
        priceFen: l.price,
        stockOutDays: l.stockOutDays,
      })),
    );
    return { result: { sheetId: sheet.id }, entity: 'collection_sheet', entityId: String(sheet.id) };
  },
};
