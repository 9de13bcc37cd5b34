import { addMonths } from '@/lib/time';

/** ?month=YYYY-MM from a URL as the month's first day, or null when absent or malformed. */
export function parseMonthParam(v: string | string[] | undefined): string | null {
  if (typeof v !== 'string' || !/^\d{4}-(0[1-9]|1[0-2])$/.test(v)) return null;
  return `${v}-01`;
}

/** The `n` months before `month`, newest first: the months whose accuracy can be scored. */
export function pastMonths(month: string, n = 6): string[] {
  return Array.from({ length: n }, (_, i) => addMonths(month, -(i + 1)));
}

export const monthParam = (month: string) => month.slice(0, 7);
