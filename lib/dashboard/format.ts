import { formatPercent } from '@/lib/format';
import type { Ratio } from '@/lib/metrics';

export const pct = formatPercent;
export const num = (n: number | null, digits = 1) => (n === null || !Number.isFinite(n) ? '—' : n.toFixed(digits));

export type ChangeLabels = { prefix: string; flat: string; points: string };

/** The change against the previous period: ▲/▼ and the number, in points for rates. */
export function changeText(delta: Ratio, kind: 'points' | 'number', labels: ChangeLabels, digits = 1): string {
  if (delta === null) return `${labels.prefix} —`;
  if (Math.abs(delta) < 1e-9) return `${labels.prefix} ${labels.flat}`;
  const arrow = delta > 0 ? '▲' : '▼';
  const v = kind === 'points' ? `${Math.abs(delta * 100).toFixed(digits)} ${labels.points}` : Math.abs(delta).toFixed(digits);
  return `${labels.prefix} ${arrow} ${v}`;
}
