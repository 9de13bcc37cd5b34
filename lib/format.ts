import { DEFAULT_TZ, dateInTz, timeInTz } from './time';

/** A rate (0..1) as a percentage with one decimal; no rate (a zero denominator) is "—", never 0%. */
export function formatPercent(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

/** numerator ÷ denominator as a percentage (DOMAIN.md: a zero denominator shows "—"). */
export function formatRate(numerator: number, denominator: number): string {
  return formatPercent(denominator ? numerator / denominator : null);
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
