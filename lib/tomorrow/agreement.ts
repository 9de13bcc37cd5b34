import { agreementBand, agreementProgress, timeProgress, type Ratio } from '@/lib/metrics';
import type { Settings } from '@/lib/settings-defaults';
import { monthEnd, monthStart, workingDaysBetween, type WorkCalendar } from '@/lib/time';

/** The month's time progress (时间进度) on `day`: working days up to and including it ÷ working days in the month. */
export function monthTimeProgress(day: string, cal: WorkCalendar) {
  const month = monthStart(day);
  const days = workingDaysBetween(month, monthEnd(month), cal);
  const elapsed = days.filter((d) => d <= day).length;
  return { elapsed, total: days.length, ratio: timeProgress(elapsed, days.length) };
}

/**
 * 协议执行率 for one shop and whether it keeps pace with the month: on track within the tolerance
 * (a setting; wider for small shops) around the time progress. No agreed volume: no figure.
 */
export function agreementStatus(
  shop: { monthPurchases: number; agreed: number | null; small: boolean },
  expected: Ratio,
  settings: Pick<Settings, 'agreementTolerance' | 'agreementToleranceSmall'>,
) {
  const progress: Ratio = shop.agreed === null ? null : agreementProgress(shop.monthPurchases, shop.agreed);
  const tolerance = shop.small ? settings.agreementToleranceSmall : settings.agreementTolerance;
  return { progress, band: expected === null ? null : agreementBand(progress, expected, tolerance) };
}
