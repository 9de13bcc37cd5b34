// Calendar arithmetic in the company's time zone. Dates travel as 'YYYY-MM-DD' strings, the form
// PostgreSQL `date` columns use, so nothing shifts a day when the server runs in UTC.
export const DEFAULT_TZ = 'Asia/Shanghai';

const dateFmt = new Map<string, Intl.DateTimeFormat>();
function fmtFor(tz: string) {
  let f = dateFmt.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone: tz,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    dateFmt.set(tz, f);
  }
  return f;
}

function parts(d: Date, tz: string) {
  const p = Object.fromEntries(fmtFor(tz).formatToParts(d).map((x) => [x.type, x.value]));
  return p as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string>;
}

/** The calendar date of an instant in the time zone, as YYYY-MM-DD. */
export function dateInTz(d: Date, tz = DEFAULT_TZ): string {
  const p = parts(d, tz);
  return `${p.year}-${p.month}-${p.day}`;
}

/** HH:mm of an instant in the time zone, 24-hour. */
export function timeInTz(d: Date, tz = DEFAULT_TZ): string {
  const p = parts(d, tz);
  return `${p.hour}:${p.minute}`;
}

/** Offset of the time zone from UTC at an instant, in minutes (Shanghai: +480). */
export function tzOffsetMinutes(d: Date, tz = DEFAULT_TZ): number {
  const p = parts(d, tz);
  const asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
  return Math.round((asUtc - Math.floor(d.getTime() / 1000) * 1000) / 60000);
}

/** The instant of a wall-clock time on a date in the time zone. */
export function zonedTime(day: string, hhmm: string, tz = DEFAULT_TZ): Date {
  const [y, m, d] = day.split('-').map(Number);
  const [hh, mm] = hhmm.split(':').map(Number);
  const guess = new Date(Date.UTC(y, m - 1, d, hh, mm));
  const offset = tzOffsetMinutes(guess, tz);
  return new Date(guess.getTime() - offset * 60000);
}

export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + n));
  return t.toISOString().slice(0, 10);
}

/** 1 = Monday … 7 = Sunday */
export function isoWeekday(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  const wd = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return wd === 0 ? 7 : wd;
}

export function weekStart(day: string): string {
  return addDays(day, 1 - isoWeekday(day));
}

export function monthStart(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1 + n, 1));
  return t.toISOString().slice(0, 10);
}

/** The last day of the month that `month` (its first day) starts. */
export function monthEnd(month: string): string {
  return addDays(addMonths(month, 1), -1);
}

export function daysInMonth(month: string): number {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function diffDays(a: string, b: string): number {
  return Math.round((Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86400000);
}

export function eachDay(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** Holiday calendar: listed holidays rest, listed make-up days (调休) work, otherwise Mon–Fri work. */
export type WorkCalendar = { holidays: ReadonlySet<string>; workdays: ReadonlySet<string> };

export function isWorkingDay(day: string, cal: WorkCalendar): boolean {
  if (cal.holidays.has(day)) return false;
  if (cal.workdays.has(day)) return true;
  return isoWeekday(day) <= 5;
}

export function workingDaysBetween(from: string, to: string, cal: WorkCalendar): string[] {
  return eachDay(from, to).filter((d) => isWorkingDay(d, cal));
}

/** The instant n working days after `from`, keeping its wall-clock time. */
export function addWorkingDays(from: Date, n: number, cal: WorkCalendar, tz = DEFAULT_TZ): Date {
  let day = dateInTz(from, tz);
  const hhmm = timeInTz(from, tz);
  let left = n;
  while (left > 0) {
    day = addDays(day, 1);
    if (isWorkingDay(day, cal)) left--;
  }
  return zonedTime(day, hhmm, tz);
}

/** The first working day after `day` (tomorrow's rounds when today is Friday: Monday, or a 调休 Saturday). */
export function nextWorkingDay(day: string, cal: WorkCalendar): string {
  let d = addDays(day, 1);
  while (!isWorkingDay(d, cal)) d = addDays(d, 1);
  return d;
}

/** The last working day before `day`. */
export function previousWorkingDay(day: string, cal: WorkCalendar): string {
  let d = addDays(day, -1);
  while (!isWorkingDay(d, cal)) d = addDays(d, -1);
  return d;
}
