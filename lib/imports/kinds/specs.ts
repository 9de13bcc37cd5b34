import { inArray, sql } from 'drizzle-orm';
import { specs } from '@/db/schema';
import { addCounts, batches, countUpsert, noCounts, type KindDef } from '../pipeline';

type SpecRow = {
  code: string;
  brand: string;
  name: string;
  priceClass: number;
  wholesaleFen: number;
  retailFen: number;
  packsPerCarton?: number;
  sticksPerPack?: number;
};

const PRICE_CLASS: Record<string, string> = { 一类: '1', 二类: '2', 三类: '3', 四类: '4', 五类: '5', '1': '1', '2': '2', '3': '3', '4': '4', '5': '5' };
const MAX_PRICE_YUAN = 10_000; // per 条

export const specsImport: KindDef<SpecRow, SpecRow> = {
  keyLabel: '规格编码',
  columns: [
    { key: 'code', header: '规格编码', required: true, example: '6901028075862', aliases: ['卷烟编码', '商品编码'] },
    { key: 'brand', header: '品牌', required: true, example: '中华' },
    { key: 'name', header: '规格名称', required: true, example: '中华(硬)' },
    { key: 'priceClass', header: '价类', required: true, example: '一类' },
    { key: 'wholesale', header: '批发价(元/条)', required: true, example: '381.60', aliases: ['批发价'] },
    { key: 'retail', header: '建议零售价(元/条)', required: true, example: '450.00', aliases: ['建议零售价', '零售价'] },
    { key: 'packs', header: '每条包数', required: false, example: '10' },
    { key: 'sticks', header: '每包支数', required: false, example: '20' },
  ],
  read(r) {
    const code = r.text('code', { max: 20, pattern: /^[0-9A-Za-z]{1,20}$/, patternMessage: '应为字母或数字，最长 20 位' });
    const brand = r.text('brand', { max: 20 });
    const name = r.text('name', { max: 40 });
    // the class is stored as given, never derived from a price (DOMAIN.md "Reference data")
    const priceClass = r.choice('priceClass', PRICE_CLASS, { shown: ['一类', '二类', '三类', '四类', '五类'] });
    const wholesaleFen = r.money('wholesale', { max: MAX_PRICE_YUAN, positive: true });
    const retailFen = r.money('retail', { max: MAX_PRICE_YUAN, positive: true });
    const packsPerCarton = r.int('packs', { required: false, min: 1, max: 50, unit: '包' });
    const sticksPerPack = r.int('sticks', { required: false, min: 1, max: 50, unit: '支' });
    if (r.issues.length) return undefined;
    return { code: code!, brand: brand!, name: name!, priceClass: Number(priceClass), wholesaleFen: wholesaleFen!, retailFen: retailFen!, packsPerCarton, sticksPerPack };
  },
  key: (v) => v.code,
  async resolve(db, rows) {
    // a blank optional cell keeps what the spec has (or takes the default when the spec is new)
    const existing = new Map<string, { packs: number; sticks: number }>();
    for (const chunk of batches(rows.map((r) => r.value.code), 5000)) {
      const found = await db.select({ code: specs.code, packs: specs.packsPerCarton, sticks: specs.sticksPerPack }).from(specs).where(inArray(specs.code, chunk));
      for (const f of found) existing.set(f.code, f);
    }
    return rows.map(({ value }) => ({
      ...value,
      packsPerCarton: value.packsPerCarton ?? existing.get(value.code)?.packs ?? 10,
      sticksPerPack: value.sticksPerPack ?? existing.get(value.code)?.sticks ?? 20,
    }));
  },
  async apply(tx, rows, progress) {
    let counts = noCounts();
    let done = 0;
    for (const batch of batches(rows, 1000)) {
      const returned = await tx
        .insert(specs)
        .values(batch)
        .onConflictDoUpdate({
          target: specs.code,
          set: {
            brand: sql`excluded.brand`,
            name: sql`excluded.name`,
            priceClass: sql`excluded.price_class`,
            wholesaleFen: sql`excluded.wholesale_fen`,
            retailFen: sql`excluded.retail_fen`,
            packsPerCarton: sql`excluded.packs_per_carton`,
            sticksPerPack: sql`excluded.sticks_per_pack`,
          },
          setWhere: sql`(${specs.brand}, ${specs.name}, ${specs.priceClass}, ${specs.wholesaleFen}, ${specs.retailFen}, ${specs.packsPerCarton}, ${specs.sticksPerPack})
            is distinct from (excluded.brand, excluded.name, excluded.price_class, excluded.wholesale_fen, excluded.retail_fen, excluded.packs_per_carton, excluded.sticks_per_pack)`,
        })
        .returning({ inserted: sql<boolean>`(xmax = 0)` });
      counts = addCounts(counts, countUpsert(batch.length, returned));
      done += batch.length;
      progress(done);
    }
    return counts;
  },
};
