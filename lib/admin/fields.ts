import { z } from 'zod';

// Form values arrive as text (FormData); these read them into typed values with Chinese messages.

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const text = (label: string, max = 100) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : v),
    z.string({ error: `请输入${label}` }).min(1, { error: `请输入${label}` }).max(max, { error: `${label}不能超过 ${max} 个字` }),
  );

export const optionalText = (label: string, max = 200) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() || undefined : v ?? undefined),
    z.string().max(max, { error: `${label}不能超过 ${max} 个字` }).optional(),
  );

export const int = (label: string, min: number, max: number) =>
  z.preprocess(
    (v) => {
      const b = blankToUndefined(v);
      return typeof b === 'string' ? Number(b.trim()) : b;
    },
    z
      .number({ error: (iss) => (iss.input === undefined ? `请输入${label}` : `${label}必须是数字`) })
      .refine(Number.isFinite, { error: `${label}必须是数字` })
      .refine(Number.isInteger, { error: `${label}必须是整数` })
      .refine((n) => n >= min && n <= max, { error: `${label}应在 ${min}–${max} 之间` }),
  );

export const num = (label: string, min: number, max: number) =>
  z.preprocess(
    (v) => {
      const b = blankToUndefined(v);
      return typeof b === 'string' ? Number(b.trim()) : b;
    },
    z
      .number({ error: (iss) => (iss.input === undefined ? `请输入${label}` : `${label}必须是数字`) })
      .refine(Number.isFinite, { error: `${label}必须是数字` })
      .refine((n) => n >= min && n <= max, { error: `${label}应在 ${min}–${max} 之间` }),
  );

/** Money typed in 元 with at most two decimals, kept as integer 分. */
export const yuanToFen = (label: string, maxYuan = 100_000) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : v),
    z
      .union([z.string(), z.number()], { error: `请输入${label}` })
      .transform((v) => String(v))
      .refine((s) => s !== '', { error: `请输入${label}` })
      .refine((s) => /^\d+(\.\d{1,2})?$/.test(s), { error: `${label}应为金额（元），最多两位小数` })
      .transform((s) => Math.round(Number(s) * 100))
      .refine((fen) => fen <= maxYuan * 100, { error: `${label}不能超过 ${maxYuan} 元` }),
  );

/** An id picked from a list. */
export const pick = (what: string) =>
  z.preprocess(
    (v) => {
      const b = blankToUndefined(v);
      return typeof b === 'string' ? Number(b) : b;
    },
    z.number({ error: `请选择${what}` }).int({ error: `请选择${what}` }).positive({ error: `请选择${what}` }),
  );

export const optionalPick = (what: string) =>
  z.preprocess(
    (v) => {
      const b = blankToUndefined(v);
      return typeof b === 'string' ? Number(b) : b;
    },
    z.number({ error: `请选择${what}` }).int({ error: `请选择${what}` }).positive({ error: `请选择${what}` }).optional(),
  );

export const bool = z.preprocess((v) => v === true || v === 'on' || v === 'true' || v === '1', z.boolean());

/** A month typed as YYYY-MM (or its first day), stored as the first day. */
export const month = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim() : v),
  z
    .string({ error: '请选择月份' })
    .regex(/^\d{4}-(0[1-9]|1[0-2])(-01)?$/, { error: '月份格式应为 YYYY-MM' })
    .transform((s) => `${s.slice(0, 7)}-01`),
);

export const day = (label = '日期') =>
  z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : v),
    z
      .string({ error: `请选择${label}` })
      .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label}格式应为 YYYY-MM-DD` })
      .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s, {
        error: `${label}不是有效日期`,
      }),
  );

export const clientId = z.uuid({ error: '提交编号无效，请刷新页面后重试' });

/** A database unique violation (23505), from either driver. */
export function isUniqueViolation(e: unknown): boolean {
  for (let cur: unknown = e; cur && typeof cur === 'object'; cur = (cur as { cause?: unknown }).cause) {
    if ((cur as { code?: unknown }).code === '23505') return true;
  }
  return false;
}
