import { z } from 'zod';
import { count, eq } from 'drizzle-orm';
import { complaintCategories, settings } from '@/db/schema';
import { FieldError, NotFoundError, type ActionSpec } from '@/lib/action';
import { now } from '@/lib/clock';
import { getSettings } from '@/lib/settings';
import { settingDefaults, type SettingKey, type Settings } from '@/lib/settings-defaults';
import { bool, int, num, text } from './fields';

// How each setting is edited and checked. Typed over every key of settingDefaults, so a new
// setting does not compile until it has an editor here.
type Def =
  | { kind: 'int'; min: number; max: number; unit?: string }
  | { kind: 'num'; min: number; max: number; unit?: string }
  | { kind: 'time' }
  | { kind: 'timeZone' }
  | { kind: 'frequency' };

export const settingGroups = [
  'visitStandards',
  'frequency',
  'visitInput',
  'customers',
  'stock',
  'agreement',
  'complaints',
  'reports',
  'security',
  'general',
] as const;
export type SettingGroup = (typeof settingGroups)[number];

export const settingDefs: Record<SettingKey, Def & { group: SettingGroup; judgement?: boolean }> = {
  visitStandardCity: { group: 'visitStandards', kind: 'int', min: 1, max: 100 },
  visitStandardRural: { group: 'visitStandards', kind: 'int', min: 1, max: 100 },
  shortVisitMinutes: { group: 'visitStandards', kind: 'int', min: 1, max: 120 },
  firstVisitBy: { group: 'visitStandards', kind: 'time' },
  visitEndBy: { group: 'visitStandards', kind: 'time' },
  reportBackBy: { group: 'visitStandards', kind: 'time' },
  visitFrequency: { group: 'frequency', kind: 'frequency', judgement: true },
  maxStockPerLine: { group: 'visitInput', kind: 'int', min: 1, max: 100_000 },
  maxOrderPerLine: { group: 'visitInput', kind: 'int', min: 1, max: 100_000 },
  visitMaxAgeDays: { group: 'visitInput', kind: 'int', min: 1, max: 60 },
  futureStartToleranceMinutes: { group: 'visitInput', kind: 'int', min: 0, max: 120 },
  keyCustomerMinGrade: { group: 'customers', kind: 'int', min: 1, max: 30, judgement: true },
  highFluctuationCv: { group: 'customers', kind: 'num', min: 0.01, max: 10, judgement: true },
  highFluctuationWeeks: { group: 'customers', kind: 'int', min: 2, max: 52, judgement: true },
  stockToSalesLow: { group: 'stock', kind: 'num', min: 0.1, max: 52, judgement: true },
  stockToSalesHigh: { group: 'stock', kind: 'num', min: 0.1, max: 52, judgement: true },
  stockToSalesOver: { group: 'stock', kind: 'num', min: 0.1, max: 52, judgement: true },
  stockStructureGapPoints: { group: 'stock', kind: 'int', min: 1, max: 100, judgement: true },
  agreementTolerance: { group: 'agreement', kind: 'num', min: 0, max: 1 },
  agreementToleranceSmall: { group: 'agreement', kind: 'num', min: 0, max: 1 },
  complaintAckWorkingDays: { group: 'complaints', kind: 'int', min: 1, max: 30, judgement: true },
  complaintResolveWorkingDays: { group: 'complaints', kind: 'int', min: 1, max: 60, judgement: true },
  complaintEscalateBranchWorkingDays: { group: 'complaints', kind: 'int', min: 1, max: 30, judgement: true },
  opinionReplyWorkingDays: { group: 'complaints', kind: 'int', min: 1, max: 60, judgement: true },
  dailyReportDue: { group: 'reports', kind: 'time' },
  weeklySummaryDueWeekday: { group: 'reports', kind: 'int', min: 1, max: 7 },
  monthlySummaryDueDay: { group: 'reports', kind: 'int', min: 1, max: 28 },
  signInMaxPerUser: { group: 'security', kind: 'int', min: 1, max: 100 },
  signInMaxPerAddress: { group: 'security', kind: 'int', min: 1, max: 1000 },
  signInWindowMinutes: { group: 'security', kind: 'int', min: 1, max: 1440 },
  sessionIdleHours: { group: 'security', kind: 'int', min: 1, max: 72 },
  // the JWT cookie itself lasts 30 days (lib/auth/session.ts), so that is the ceiling here
  sessionAbsoluteDays: { group: 'security', kind: 'int', min: 1, max: 30 },
  timeZone: { group: 'general', kind: 'timeZone' },
};

export const settingKeys = Object.keys(settingDefs) as SettingKey[];
export const keysOf = (group: SettingGroup) => settingKeys.filter((k) => settingDefs[k].group === group);

const frequencyRows = z
  .array(
    z.object({
      gradeMin: int('起始档位', 1, 30),
      gradeMax: int('结束档位', 1, 30),
      perMonth: int('每月拜访次数', 1, 31),
    }),
    { error: '请填写拜访频次' },
  )
  .min(1, { error: '至少需要一个档位区间' })
  .max(10, { error: '最多 10 个档位区间' })
  .superRefine((rows, ctx) => {
    const covered = new Map<number, number>();
    rows.forEach((r, i) => {
      if (r.gradeMin > r.gradeMax) {
        ctx.addIssue({ code: 'custom', path: [i, 'gradeMax'], message: '结束档位不能小于起始档位' });
        return;
      }
      for (let g = r.gradeMin; g <= r.gradeMax; g++) {
        if (covered.has(g)) {
          ctx.addIssue({ code: 'custom', path: [i, 'gradeMin'], message: `档位 ${g} 与第 ${covered.get(g)! + 1} 行重叠` });
          return;
        }
        covered.set(g, i);
      }
    });
    const missing = Array.from({ length: 30 }, (_, i) => i + 1).filter((g) => !covered.has(g));
    if (missing.length && !rows.some((r) => r.gradeMin > r.gradeMax)) {
      ctx.addIssue({ code: 'custom', path: [], message: `档位 ${missing.join('、')} 没有设置拜访频次，1–30 档都须覆盖` });
    }
  });

function isTimeZone(tz: string) {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const label = (k: SettingKey) => settingLabelsZh[k];

export function schemaFor(key: SettingKey): z.ZodType {
  const d = settingDefs[key];
  switch (d.kind) {
    case 'int':
      return int(label(key), d.min, d.max);
    case 'num':
      return num(label(key), d.min, d.max);
    case 'time':
      return z.preprocess(
        (v) => (typeof v === 'string' ? v.trim() : v),
        z.string({ error: `请输入${label(key)}` }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: `${label(key)}应为 24 小时制时间，如 15:00` }),
      );
    case 'timeZone':
      return z.preprocess(
        (v) => (typeof v === 'string' ? v.trim() : v),
        z.string({ error: '请输入时区' }).min(1, { error: '请输入时区' }).refine(isTimeZone, { error: '时区无效，请填写如 Asia/Shanghai 的 IANA 时区名' }),
      );
    case 'frequency':
      return frequencyRows;
  }
}

// Chinese names used in messages; the page shows the catalog's names (messages/*/admin-settings.json).
export const settingLabelsZh: Record<SettingKey, string> = {
  timeZone: '时区',
  visitStandardCity: '城网日拜访标准',
  visitStandardRural: '农网日拜访标准',
  shortVisitMinutes: '短时拜访分钟数',
  visitEndBy: '拜访结束时间',
  firstVisitBy: '首家拜访时间',
  reportBackBy: '回公司时间',
  maxStockPerLine: '单规格库存上限',
  maxOrderPerLine: '单规格订货上限',
  visitMaxAgeDays: '拜访记录最长补录天数',
  futureStartToleranceMinutes: '开始时间超前容差',
  visitFrequency: '按档位的拜访频次',
  keyCustomerMinGrade: '重点客户最低档位',
  highFluctuationCv: '波动大客户变异系数阈值',
  highFluctuationWeeks: '波动计算周数',
  stockToSalesLow: '存销比偏低线',
  stockToSalesHigh: '存销比偏高线',
  stockToSalesOver: '存销比积压线',
  stockStructureGapPoints: '库存结构偏差百分点',
  agreementTolerance: '协议执行容差',
  agreementToleranceSmall: '小户协议执行容差',
  complaintAckWorkingDays: '投诉受理时限',
  complaintResolveWorkingDays: '投诉处理时限',
  complaintEscalateBranchWorkingDays: '升级至营销部的时限',
  opinionReplyWorkingDays: '意见簿答复时限',
  dailyReportDue: '日报截止时间',
  weeklySummaryDueWeekday: '周小结截止星期',
  monthlySummaryDueDay: '月总结截止日',
  signInMaxPerUser: '单用户登录失败上限',
  signInMaxPerAddress: '单地址登录失败上限',
  signInWindowMinutes: '登录失败统计窗口',
  sessionIdleHours: '空闲超时',
  sessionAbsoluteDays: '会话最长有效期',
};

/** Rules between settings, checked on the merged result so a group cannot break another. */
function crossCheck(s: Settings): Record<string, string[]> {
  const e: Record<string, string[]> = {};
  if (!(s.stockToSalesLow < s.stockToSalesHigh)) e.stockToSalesHigh = ['偏高线须大于偏低线'];
  if (!(s.stockToSalesHigh < s.stockToSalesOver)) e.stockToSalesOver = ['积压线须大于偏高线'];
  if (s.agreementToleranceSmall < s.agreementTolerance) e.agreementToleranceSmall = ['小户容差不能小于一般容差'];
  if (s.complaintAckWorkingDays > s.complaintResolveWorkingDays) e.complaintResolveWorkingDays = ['处理时限不能短于受理时限'];
  if (!(s.firstVisitBy < s.visitEndBy)) e.visitEndBy = ['拜访结束时间须晚于首家拜访时间'];
  if (s.reportBackBy < s.visitEndBy) e.reportBackBy = ['回公司时间不能早于拜访结束时间'];
  if (s.signInMaxPerAddress < s.signInMaxPerUser) e.signInMaxPerAddress = ['单地址上限不能小于单用户上限'];
  if (s.sessionIdleHours > s.sessionAbsoluteDays * 24) e.sessionIdleHours = ['空闲超时不能超过会话最长有效期'];
  return e;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export const updateSettingsSchema = z.object({
  group: z.enum(settingGroups, { error: '设置分组无效' }),
  values: z.record(z.string(), z.unknown(), { error: '请填写设置' }),
});

export const updateSettingsSpec: ActionSpec<typeof updateSettingsSchema, { changed: string[] }> = {
  name: 'settings.update',
  permission: 'admin:write',
  schema: updateSettingsSchema,
  handler: async ({ user, tx, input }) => {
    const keys = keysOf(input.group);
    const errors: Record<string, string[]> = {};
    const parsed: Partial<Record<SettingKey, unknown>> = {};
    for (const key of keys) {
      const r = schemaFor(key).safeParse(input.values[key]);
      if (r.success) parsed[key] = r.data;
      else for (const issue of r.error.issues) (errors[[key, ...issue.path].join('.')] ??= []).push(issue.message);
    }
    if (Object.keys(errors).length) throw new FieldError(errors);
    const current = await getSettings(tx);
    const merged = { ...current, ...parsed } as Settings;
    const cross = crossCheck(merged);
    if (Object.keys(cross).length) throw new FieldError(cross);
    const changes: Record<string, [unknown, unknown]> = {};
    for (const key of keys) {
      if (same(current[key], parsed[key])) continue;
      changes[key] = [current[key], parsed[key]];
      // back at its default the override goes, so a later change of the default applies here too
      if (same(parsed[key], settingDefaults[key])) await tx.delete(settings).where(eq(settings.key, key));
      else
        await tx
          .insert(settings)
          .values({ key, value: parsed[key] as object, updatedBy: user.userId, updatedAt: now() })
          .onConflictDoUpdate({ target: settings.key, set: { value: parsed[key] as object, updatedBy: user.userId, updatedAt: now() } });
    }
    return { result: { changed: Object.keys(changes) }, entity: 'settings', entityId: input.group, detail: { changes } };
  },
};

// ---------------------------------------------------------------- complaint categories

export const saveCategorySchema = z.object({
  isNew: bool,
  code: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().toLowerCase() : v),
    z.string({ error: '请输入类别编码' }).regex(/^[a-z][a-z0-9_]{1,31}$/, { error: '编码为 2–32 位小写字母、数字或下划线，以字母开头' }),
  ),
  nameZh: text('中文名称', 20),
  nameEn: text('英文名称', 60),
  sort: int('排序', 0, 999),
  active: bool,
});

export const saveCategorySpec: ActionSpec<typeof saveCategorySchema, { code: string }> = {
  name: 'complaint_category.save',
  permission: 'admin:write',
  schema: saveCategorySchema,
  handler: async ({ tx, input }) => {
    const [existing] = await tx.select().from(complaintCategories).where(eq(complaintCategories.code, input.code)).limit(1);
    const values = { nameZh: input.nameZh, nameEn: input.nameEn, sort: input.sort, active: input.active };
    if (input.isNew) {
      if (existing) throw new FieldError({ code: ['该编码已存在'] });
      await tx.insert(complaintCategories).values({ code: input.code, ...values });
    } else {
      if (!existing) throw new NotFoundError('投诉类别不存在');
      if (input.active === false && existing.active) {
        const [{ n }] = await tx.select({ n: count() }).from(complaintCategories).where(eq(complaintCategories.active, true));
        if (n <= 1) throw new FieldError({ active: ['至少保留一个启用的投诉类别'] });
      }
      await tx.update(complaintCategories).set(values).where(eq(complaintCategories.code, input.code));
    }
    return {
      result: { code: input.code },
      entity: 'complaint_category',
      entityId: input.code,
      detail: existing ? { before: { nameZh: existing.nameZh, nameEn: existing.nameEn, sort: existing.sort, active: existing.active }, after: values } : { after: values },
    };
  },
};
