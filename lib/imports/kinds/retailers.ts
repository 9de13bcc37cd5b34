import { inArray, sql } from 'drizzle-orm';
import { rawRows } from '@/db/index';
import { retailers, type Area, type RetailFormat } from '@/db/schema';
import { routesByCode } from '../lookups';
import { addCounts, batches, countUpsert, noCounts, type KindDef } from '../pipeline';
import { refreshAfterShops } from '../rollups';

type Size = 'large' | 'medium' | 'small';
type ShopRow = {
  licence: string;
  name: string;
  owner: string;
  phone: string;
  address: string;
  area: Area;
  format: RetailFormat;
  size: Size;
  grade: number;
  routeCode: string;
  isKeyCustomer?: boolean;
  isEnterprise?: boolean;
  isCollectionPoint?: boolean;
  isESettlement?: boolean;
};
type Resolved = Omit<typeof retailers.$inferInsert, 'id' | 'createdAt' | 'active'> & { old: { grade: number; area: Area } | null };

const AREA: Record<string, Area> = { 城网: 'city', 农网: 'rural' };
const FORMAT: Record<string, RetailFormat> = {
  食杂店: 'grocery',
  便利店: 'convenience',
  超市: 'supermarket',
  商场: 'mall',
  烟酒商店: 'tobacco_liquor',
  烟酒店: 'tobacco_liquor',
  娱乐服务类: 'entertainment',
  其他: 'other',
};
const SIZE: Record<string, Size> = { 大: 'large', 中: 'medium', 小: 'small', 大型: 'large', 中型: 'medium', 小型: 'small' };

export const retailersImport: KindDef<ShopRow, Resolved> = {
  keyLabel: '许可证号',
  columns: [
    { key: 'licence', header: '许可证号', required: true, example: '430101000001' },
    { key: 'name', header: '店名', required: true, example: '芙蓉路便利店' },
    { key: 'owner', header: '店主', required: true, example: '王芳' },
    { key: 'phone', header: '电话', required: true, example: '13800000000' },
    { key: 'address', header: '地址', required: true, example: '芙蓉中路 100 号' },
    { key: 'area', header: '区域', required: true, example: '城网' },
    { key: 'format', header: '业态', required: true, example: '便利店' },
    { key: 'size', header: '规模', required: true, example: '中' },
    { key: 'grade', header: '档位', required: true, example: '18' },
    { key: 'route', header: '线路编码', required: true, example: 'R0101' },
    { key: 'key', header: '重点客户', required: false, example: '否' },
    { key: 'enterprise', header: '企业级', required: false, example: '否' },
    { key: 'collection', header: '信息采集点', required: false, example: '否' },
    { key: 'eSettlement', header: '电子结算', required: false, example: '是' },
  ],
  read(r) {
    const v = {
      licence: r.text('licence', { max: 12, pattern: /^\d{12}$/, patternMessage: '应为 12 位数字' }),
      name: r.text('name', { max: 60 }),
      owner: r.text('owner', { max: 30 }),
      phone: r.text('phone', { max: 20, pattern: /^\+?[\d -]{5,20}$/, patternMessage: '应为电话号码（数字、空格或 -）' }),
      address: r.text('address', { max: 120 }),
      area: r.choice('area', AREA),
      format: r.choice('format', FORMAT, { shown: ['食杂店', '便利店', '超市', '商场', '烟酒商店', '娱乐服务类', '其他'] }),
      size: r.choice('size', SIZE, { shown: ['大', '中', '小'] }),
      grade: r.int('grade', { min: 1, max: 30, unit: '档' }),
      routeCode: r.text('route', { max: 30, pattern: /^[0-9A-Za-z_-]{1,30}$/, patternMessage: '应为字母、数字、- 或 _' }),
      isKeyCustomer: r.flag('key'),
      isEnterprise: r.flag('enterprise'),
      isCollectionPoint: r.flag('collection'),
      isESettlement: r.flag('eSettlement'),
    };
    if (r.issues.length) return undefined;
    return v as ShopRow;
  },
  key: (v) => v.licence,

  async resolve(db, rows, fail) {
    const routeMap = await routesByCode(db, rows.map((r) => r.value.routeCode));
    const existing = new Map<string, typeof retailers.$inferSelect>();
    for (const chunk of batches(rows.map((r) => r.value.licence), 5000)) {
      for (const e of await db.select().from(retailers).where(inArray(retailers.licenceNo, chunk))) existing.set(e.licenceNo, e);
    }
    // a new shop, or one moved to another route, goes to the end of its route
    const routeIds = [...new Set([...routeMap.values()].map((r) => r.id))];
    const nextSeq = new Map<number, number>();
    if (routeIds.length) {
      const maxes = await rawRows<{ route_id: number; seq: number }>(
        db,
        sql`select route_id, max(route_seq) as seq from retailers where route_id in (${sql.join(routeIds.map((id) => sql`${id}`), sql`, `)}) group by route_id`,
      );
      for (const m of maxes) nextSeq.set(Number(m.route_id), Number(m.seq) + 1);
    }
    const out: Resolved[] = [];
    for (const { line, value: v } of rows) {
      const route = routeMap.get(v.routeCode);
      if (!route) {
        fail(line, 'route', `线路编码 ${v.routeCode} 不存在，请先在系统中建立该线路`);
        continue;
      }
      if (route.managerId === null) {
        fail(line, 'route', `线路 ${v.routeCode} 还没有分配客户经理，请先分配`);
        continue;
      }
      const old = existing.get(v.licence);
      let routeSeq = old?.routeSeq ?? 0;
      if (!old || old.routeId !== route.id) {
        routeSeq = nextSeq.get(route.id) ?? 1;
        nextSeq.set(route.id, routeSeq + 1);
      }
      out.push({
        licenceNo: v.licence,
        name: v.name,
        owner: v.owner,
        phone: v.phone,
        address: v.address,
        area: v.area,
        format: v.format,
        size: v.size,
        grade: v.grade,
        routeId: route.id,
        routeSeq,
        branchId: route.branchId,
        teamId: route.teamId,
        managerId: route.managerId,
        // a blank flag keeps what the shop has, or takes the usual default when it is new
        isKeyCustomer: v.isKeyCustomer ?? old?.isKeyCustomer ?? false,
        isEnterprise: v.isEnterprise ?? old?.isEnterprise ?? false,
        isCollectionPoint: v.isCollectionPoint ?? old?.isCollectionPoint ?? false,
        isESettlement: v.isESettlement ?? old?.isESettlement ?? true,
        old: old ? { grade: old.grade, area: old.area } : null,
      });
    }
    return out;
  },

  async apply(tx, rows, progress) {
    let counts = noCounts();
    let done = 0;
    const cols = ['name', 'owner', 'phone', 'address', 'area', 'format', 'size', 'grade', 'route_id', 'route_seq', 'branch_id', 'team_id', 'manager_id', 'is_key_customer', 'is_enterprise', 'is_collection_point', 'is_e_settlement'];
    for (const batch of batches(rows, 1000)) {
      const returned = await tx
        .insert(retailers)
        .values(batch.map(({ old: _old, ...r }) => r))
        .onConflictDoUpdate({
          target: retailers.licenceNo,
          set: Object.fromEntries(cols.map((c) => [camel(c), sql.raw(`excluded.${c}`)])),
          setWhere: sql.raw(`(${cols.map((c) => `retailers.${c}`).join(', ')}) is distinct from (${cols.map((c) => `excluded.${c}`).join(', ')})`),
        })
        .returning({ inserted: sql<boolean>`(xmax = 0)` });
      counts = addCounts(counts, countUpsert(batch.length, returned));
      done += batch.length;
      progress(done);
    }
    const licenceIds = async (list: string[]) => {
      const out: number[] = [];
      for (const chunk of batches(list, 5000)) out.push(...(await tx.select({ id: retailers.id }).from(retailers).where(inArray(retailers.licenceNo, chunk))).map((r) => r.id));
      return out;
    };
    await refreshAfterShops(tx, {
      gradeChanged: await licenceIds(rows.filter((r) => r.old && r.old.grade !== r.grade).map((r) => r.licenceNo)),
      areaChanged: await licenceIds(rows.filter((r) => r.old && r.old.area !== r.area).map((r) => r.licenceNo)),
    });
    return counts;
  },
};

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
