import { z } from 'zod';
import { and, asc, eq, ne } from 'drizzle-orm';
import type { Tx } from '@/db/index';
import { agreedVolumes, areaEnum, keyBrandListItems, keyBrandLists, retailers, specs, supplyAllocations, targets, users } from '@/db/schema';
import { FieldError, NotFoundError, type ActionSpec } from '@/lib/action';
import { addMonths } from '@/lib/time';
import { bool, int, isUniqueViolation, month, optionalPick, pick, text, yuanToFen } from './fields';

const optionalUuid = z.uuid({ error: '提交编号无效，请刷新页面后重试' }).optional();

// ---------------------------------------------------------------- cigarette specs

export const saveSpecSchema = z
  .object({
    clientId: optionalUuid,
    id: optionalPick('规格'),
    code: z.preprocess(
      (v) => (typeof v === 'string' ? v.trim() : v),
      z.string({ error: '请输入规格编码' }).regex(/^[0-9A-Za-z-]{4,20}$/, { error: '规格编码为 4–20 位字母、数字或 -（常用条码）' }),
    ),
    brand: text('品牌', 20),
    name: text('规格名称', 40),
    priceClass: int('价类', 1, 5),
    wholesaleFen: yuanToFen('批发价'),
    retailFen: yuanToFen('建议零售价'),
    packsPerCarton: int('每条包数', 1, 50),
    sticksPerPack: int('每包支数', 1, 50),
    active: bool,
  })
  .superRefine((v, ctx) => {
    if (v.wholesaleFen <= 0) ctx.addIssue({ code: 'custom', path: ['wholesaleFen'], message: '批发价须大于 0' });
    if (v.retailFen <= 0) ctx.addIssue({ code: 'custom', path: ['retailFen'], message: '建议零售价须大于 0' });
    else if (v.retailFen < v.wholesaleFen) ctx.addIssue({ code: 'custom', path: ['retailFen'], message: '建议零售价不应低于批发价' });
  });

/** Price class is entered, never derived from the wholesale price (DOMAIN.md "Reference data"). */
export const saveSpecSpec: ActionSpec<typeof saveSpecSchema, { id: number }> = {
  name: 'spec.save',
  permission: 'admin:write',
  schema: saveSpecSchema,
  // only a create can be repeated into a duplicate; an edit is the same either way
  idempotencyKey: (input) => (input.id ? undefined : input.clientId),
  handler: async ({ tx, input }) => {
    const { id, clientId: _c, ...values } = input;
    const [taken] = await tx
      .select({ id: specs.id })
      .from(specs)
      .where(and(eq(specs.code, values.code), id ? ne(specs.id, id) : undefined))
      .limit(1);
    if (taken) throw new FieldError({ code: ['该规格编码已存在'] });
    try {
      if (id) {
        const [before] = await tx.select().from(specs).where(eq(specs.id, id)).limit(1);
        if (!before) throw new NotFoundError('规格不存在');
        await tx.update(specs).set(values).where(eq(specs.id, id));
        const changes = Object.fromEntries(
          (Object.keys(values) as (keyof typeof values)[]).filter((k) => before[k] !== values[k]).map((k) => [k, [before[k], values[k]]]),
        );
        return { result: { id }, entity: 'spec', entityId: String(id), detail: { changes } };
      }
      const [row] = await tx.insert(specs).values(values).returning({ id: specs.id });
      return { result: { id: row.id }, entity: 'spec', entityId: String(row.id), detail: { code: values.code, name: values.name } };
    } catch (e) {
      if (isUniqueViolation(e)) throw new FieldError({ code: ['该规格编码已存在'] });
      throw e;
    }
  },
};

// ---------------------------------------------------------------- key-brand lists

const grades = { gradeMin: int('起始档位', 1, 30), gradeMax: int('结束档位', 1, 30) };
const gradesInOrder = (v: { gradeMin: number; gradeMax: number }) => v.gradeMin <= v.gradeMax;
const gradeOrderError = { path: ['gradeMax'], error: '结束档位不能小于起始档位' };

async function activeSpec(tx: Tx, id: number) {
  const [spec] = await tx.select({ id: specs.id, active: specs.active, name: specs.name }).from(specs).where(eq(specs.id, id)).limit(1);
  if (!spec) throw new FieldError({ specId: ['规格不存在'] });
  if (!spec.active) throw new FieldError({ specId: ['该规格已停用'] });
  return spec;
}

export const addKeyBrandSchema = z
  .object({
    month,
    specId: pick('规格'),
    area: z.preprocess((v) => (v === '' ? undefined : v), z.enum(areaEnum.enumValues, { error: '区域无效' }).optional()),
    ...grades,
  })
  .refine(gradesInOrder, gradeOrderError);

/** Adds a key spec to a month's list, with the grades and area of the shops it is required for. */
export const addKeyBrandSpec: ActionSpec<typeof addKeyBrandSchema, { id: number }> = {
  name: 'key_brand.add',
  permission: 'admin:write',
  schema: addKeyBrandSchema,
  handler: async ({ tx, input }) => {
    const spec = await activeSpec(tx, input.specId);
    await tx.insert(keyBrandLists).values({ month: input.month }).onConflictDoNothing();
    const [list] = await tx.select({ id: keyBrandLists.id }).from(keyBrandLists).where(eq(keyBrandLists.month, input.month)).limit(1);
    const [dup] = await tx
      .select({ id: keyBrandListItems.id })
      .from(keyBrandListItems)
      .where(and(eq(keyBrandListItems.listId, list.id), eq(keyBrandListItems.specId, spec.id)))
      .limit(1);
    if (dup) throw new FieldError({ specId: ['该规格已在本月重点品牌名单中'] });
    const [row] = await tx
      .insert(keyBrandListItems)
      .values({ listId: list.id, specId: spec.id, gradeMin: input.gradeMin, gradeMax: input.gradeMax, area: input.area ?? null })
      .returning({ id: keyBrandListItems.id });
    return { result: { id: row.id }, entity: 'key_brand_item', entityId: String(row.id), detail: { month: input.month, spec: spec.name, gradeMin: input.gradeMin, gradeMax: input.gradeMax, area: input.area ?? null } };
  },
};

export const removeKeyBrandSchema = z.object({ id: pick('名单项') });

export const removeKeyBrandSpec: ActionSpec<typeof removeKeyBrandSchema, { id: number }> = {
  name: 'key_brand.remove',
  permission: 'admin:write',
  schema: removeKeyBrandSchema,
  handler: async ({ tx, input }) => {
    const [gone] = await tx.delete(keyBrandListItems).where(eq(keyBrandListItems.id, input.id)).returning({ specId: keyBrandListItems.specId, listId: keyBrandListItems.listId });
    if (!gone) throw new NotFoundError('名单项不存在');
    return { result: { id: input.id }, entity: 'key_brand_item', entityId: String(input.id), detail: gone };
  },
};

export const copyKeyBrandsSchema = z.object({ month });

/** Starts a month's list from the previous month's, when the month has none yet. */
export const copyKeyBrandsSpec: ActionSpec<typeof copyKeyBrandsSchema, { copied: number }> = {
  name: 'key_brand.copy',
  permission: 'admin:write',
  schema: copyKeyBrandsSchema,
  handler: async ({ tx, input }) => {
    const prev = addMonths(input.month, -1);
    const source = await tx
      .select({ specId: keyBrandListItems.specId, gradeMin: keyBrandListItems.gradeMin, gradeMax: keyBrandListItems.gradeMax, area: keyBrandListItems.area })
      .from(keyBrandListItems)
      .innerJoin(keyBrandLists, eq(keyBrandLists.id, keyBrandListItems.listId))
      .innerJoin(specs, eq(specs.id, keyBrandListItems.specId))
      .where(and(eq(keyBrandLists.month, prev), eq(specs.active, true)));
    if (!source.length) throw new FieldError({ month: ['上月没有重点品牌名单可复制'] });
    await tx.insert(keyBrandLists).values({ month: input.month }).onConflictDoNothing();
    const [list] = await tx.select({ id: keyBrandLists.id }).from(keyBrandLists).where(eq(keyBrandLists.month, input.month)).limit(1);
    const existing = await tx.select({ id: keyBrandListItems.id }).from(keyBrandListItems).where(eq(keyBrandListItems.listId, list.id)).limit(1);
    if (existing.length) throw new FieldError({ month: ['本月已有名单，请逐项调整'] });
    await tx.insert(keyBrandListItems).values(source.map((s) => ({ ...s, listId: list.id })));
    return { result: { copied: source.length }, entity: 'key_brand_list', entityId: input.month, detail: { from: prev, copied: source.length } };
  },
};

// ---------------------------------------------------------------- supply allocations

export const saveSupplySchema = z
  .object({
    id: optionalPick('投放'),
    month,
    specId: pick('规格'),
    maxPerWeek: int('每周限量', 0, 100_000),
    ...grades,
  })
  .refine(gradesInOrder, gradeOrderError);

/** Per month and spec, the most 条 a shop in a grade range may order per order week; ranges of one spec may not overlap. */
export const saveSupplySpec: ActionSpec<typeof saveSupplySchema, { id: number }> = {
  name: 'supply.save',
  permission: 'admin:write',
  schema: saveSupplySchema,
  handler: async ({ tx, input }) => {
    const spec = await activeSpec(tx, input.specId);
    const others = await tx
      .select({ id: supplyAllocations.id, gradeMin: supplyAllocations.gradeMin, gradeMax: supplyAllocations.gradeMax })
      .from(supplyAllocations)
      .where(and(eq(supplyAllocations.month, input.month), eq(supplyAllocations.specId, spec.id), input.id ? ne(supplyAllocations.id, input.id) : undefined))
      .orderBy(asc(supplyAllocations.gradeMin));
    const clash = others.find((o) => o.gradeMin <= input.gradeMax && input.gradeMin <= o.gradeMax);
    if (clash) throw new FieldError({ gradeMin: [`与已有的 ${clash.gradeMin}–${clash.gradeMax} 档投放重叠`] });
    const values = { month: input.month, specId: spec.id, gradeMin: input.gradeMin, gradeMax: input.gradeMax, maxPerWeek: input.maxPerWeek };
    if (input.id) {
      const [row] = await tx.update(supplyAllocations).set(values).where(eq(supplyAllocations.id, input.id)).returning({ id: supplyAllocations.id });
      if (!row) throw new NotFoundError('投放记录不存在');
      return { result: { id: row.id }, entity: 'supply_allocation', entityId: String(row.id), detail: { ...values, spec: spec.name } };
    }
    const [row] = await tx.insert(supplyAllocations).values(values).returning({ id: supplyAllocations.id });
    return { result: { id: row.id }, entity: 'supply_allocation', entityId: String(row.id), detail: { ...values, spec: spec.name } };
  },
};

export const removeSupplySchema = z.object({ id: pick('投放') });

export const removeSupplySpec: ActionSpec<typeof removeSupplySchema, { id: number }> = {
  name: 'supply.remove',
  permission: 'admin:write',
  schema: removeSupplySchema,
  handler: async ({ tx, input }) => {
    const [gone] = await tx.delete(supplyAllocations).where(eq(supplyAllocations.id, input.id)).returning();
    if (!gone) throw new NotFoundError('投放记录不存在');
    return { result: { id: input.id }, entity: 'supply_allocation', entityId: String(input.id), detail: gone };
  },
};

// ---------------------------------------------------------------- targets and agreed volumes

export const saveTargetSchema = z.object({
  month,
  managerId: pick('客户经理'),
  qty: int('目标销量', 0, 10_000_000),
  amountFen: yuanToFen('目标金额', 1_000_000_000),
});

/** A manager's monthly target (条 and 元), stamped with the manager's team and branch of now. */
export const saveTargetSpec: ActionSpec<typeof saveTargetSchema, { managerId: number }> = {
  name: 'target.save',
  permission: 'admin:write',
  schema: saveTargetSchema,
  handler: async ({ tx, input }) => {
    const [m] = await tx.select({ id: users.id, role: users.role, teamId: users.teamId, branchId: users.branchId, username: users.username }).from(users).where(eq(users.id, input.managerId)).limit(1);
    if (!m || m.role !== 'manager' || !m.teamId || !m.branchId) throw new FieldError({ managerId: ['请选择一位客户经理'] });
    const values = { month: input.month, qty: input.qty, amountFen: input.amountFen, managerId: m.id, teamId: m.teamId, branchId: m.branchId };
    await tx
      .insert(targets)
      .values(values)
      .onConflictDoUpdate({ target: [targets.month, targets.managerId], set: { qty: values.qty, amountFen: values.amountFen, teamId: values.teamId, branchId: values.branchId } });
    return { result: { managerId: m.id }, entity: 'target', entityId: `${input.month}:${m.id}`, detail: { manager: m.username, month: input.month, qty: input.qty, amountFen: input.amountFen } };
  },
};

export const saveAgreementSchema = z.object({
  month,
  licenceNo: z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.string({ error: '请输入许可证号' }).regex(/^[0-9]{12}$/, { error: '许可证号为 12 位数字' })),
  qty: int('协议量', 0, 1_000_000),
  remove: bool,
});

/** A shop's agreed monthly volume (协议量), stamped with the shop's current manager. */
export const saveAgreementSpec: ActionSpec<typeof saveAgreementSchema, { retailerId: number; removed: boolean }> = {
  name: 'agreement.save',
  permission: 'admin:write',
  schema: saveAgreementSchema,
  handler: async ({ tx, input }) => {
    const [shop] = await tx
      .select({ id: retailers.id, managerId: retailers.managerId, teamId: retailers.teamId, branchId: retailers.branchId })
      .from(retailers)
      .where(eq(retailers.licenceNo, input.licenceNo))
      .limit(1);
    if (!shop) throw new FieldError({ licenceNo: ['没有这个许可证号的零售户'] });
    if (input.remove) {
      const gone = await tx.delete(agreedVolumes).where(and(eq(agreedVolumes.month, input.month), eq(agreedVolumes.retailerId, shop.id))).returning({ qty: agreedVolumes.qty });
      if (!gone.length) throw new NotFoundError('该零售户本月没有协议量');
      return { result: { retailerId: shop.id, removed: true }, entity: 'agreed_volume', entityId: `${input.month}:${shop.id}`, detail: { removed: gone[0].qty } };
    }
    await tx
      .insert(agreedVolumes)
      .values({ month: input.month, retailerId: shop.id, qty: input.qty, managerId: shop.managerId, teamId: shop.teamId, branchId: shop.branchId })
      .onConflictDoUpdate({ target: [agreedVolumes.month, agreedVolumes.retailerId], set: { qty: input.qty } });
    return { result: { retailerId: shop.id, removed: false }, entity: 'agreed_volume', entityId: `${input.month}:${shop.id}`, detail: { licenceNo: input.licenceNo, qty: input.qty } };
  },
};
