import 'server-only';
import { and, asc, gte, lte } from 'drizzle-orm';
import type { Db } from '@/db/index';
import { calendarDays } from '@/db/schema';

export async function getCalendarYear(db: Db, year: number) {
  return db
    .select({ day: calendarDays.day, kind: calendarDays.kind, name: calendarDays.name })
    .from(calendarDays)
    .where(and(gte(calendarDays.day, `${year}-01-01`), lte(calendarDays.day, `${year}-12-31`)))
    .orderBy(asc(calendarDays.day));
}
