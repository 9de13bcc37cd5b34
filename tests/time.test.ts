import { describe, expect, it } from 'vitest';
import { addWorkingDays, dateInTz, isWorkingDay, monthStart, timeInTz, weekStart, workingDaysBetween, zonedTime } from '@/lib/time';
import { formatRate } from '@/lib/format';

const cal = { holidays: new Set(['2026-10-01', '2026-10-02', '2026-10-05']), workdays: new Set(['2026-10-10']) };

describe('company time zone', () => {
  it('places an instant on the Shanghai calendar, not the server one', () => {
    const late = new Date('2026-11-26T17:30:00Z'); // 01:30 on the 27th in Shanghai
    expect(dateInTz(late)).toBe('2026-11-27');
    expect(timeInTz(late)).toBe('01:30');
    expect(zonedTime('2026-11-27', '09:30').toISOString()).toBe('2026-11-27T01:30:00.000Z');
  });

  it('starts weeks on Monday and months on the 1st', () => {
    expect(weekStart('2026-11-29')).toBe('2026-11-23'); // a Sunday belongs to the week before
    expect(weekStart('2026-11-23')).toBe('2026-11-23');
    expect(monthStart('2026-11-26')).toBe('2026-11-01');
  });
});

describe('working days', () => {
  it('follows the holiday calendar including make-up days (调休)', () => {
    expect(isWorkingDay('2026-10-01', cal)).toBe(false); // holiday on a Thursday
    expect(isWorkingDay('2026-10-10', cal)).toBe(true); // make-up Saturday
    expect(isWorkingDay('2026-10-11', cal)).toBe(false); // ordinary Sunday
    expect(workingDaysBetween('2026-10-01', '2026-10-11', cal)).toEqual(['2026-10-06', '2026-10-07', '2026-10-08', '2026-10-09', '2026-10-10']);
  });

  it('counts deadlines in working days, keeping the time of day', () => {
    const friday = zonedTime('2026-09-30', '16:00'); // Wednesday before the holiday
    expect(dateInTz(addWorkingDays(friday, 1, cal))).toBe('2026-10-06');
    expect(timeInTz(addWorkingDays(friday, 1, cal))).toBe('16:00');
  });
});

describe('rates', () => {
  it('shows a zero denominator as a dash, never 0%', () => {
    expect(formatRate(0, 0)).toBe('—');
    expect(formatRate(0, 4)).toBe('0.0%');
    expect(formatRate(23, 25)).toBe('92.0%');
  });
});
