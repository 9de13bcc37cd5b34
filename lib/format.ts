import { DEFAULT_TZ, dateInTz, timeInTz } from './time';

/** A ratio as a percentage with one decimal; a zero denominator is "—", never 0% (DOMAIN.md). */
export function formatRate(numerator: number, denominator: number): string {
  if (!denominator) return '—';
  return `${((numerator / denominator) * 100).toFixed(1)}%`;
}

export function formatTime(d: Date | string | null | undefined, tz = DEFAULT_TZ): string {
  if (!d) return '—';
  return timeInTz(typeof d === 'string' ? new Date(d) : d, tz);
}

export function formatDateTime(d: Date | string | null | undefined, tz = DEFAULT_TZ): string {
  if (!d) return '—';
  const x = typeof d === 'string' ? new Date(d) : d;
  return `${dateInTz(x, tz)} ${timeInTz(x, tz)}`;
}

/** 万 for large counts, as Chinese offices read them. */
export function formatCount(n: number, locale = 'zh-CN'): string {
  if (locale.startsWith('zh') && Math.abs(n) >= 100_000) return `${(n / 10_000).toFixed(1)}万`;
  return n.toLocaleString(locale === 'en' ? 'en-US' : 'zh-CN');
}

export function formatYuan(fen: number): string {
  return `${(fen / 100).toFixed(2)} 元`;
}
