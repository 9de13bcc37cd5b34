import { calendarDays, settings } from '@/db/schema';
import type { DbOrTx } from '@/db/index';
import { settingDefaults, type Settings } from './settings-defaults';
import type { WorkCalendar } from './time';

export async function getSettings(db: DbOrTx): Promise<Settings> {
  const rows = await db.select({ key: settings.key, value: settings.value }).from(settings);
  const merged: Record<string, unknown> = { ...settingDefaults };
  for (const row of rows) if (row.key in settingDefaults) merged[row.key] = row.value;
  return merged as Settings;
}

export async function getWorkCalendar(db: DbOrTx): Promise<WorkCalendar> {
  const rows = await db.select({ day: calendarDays.day, kind: calendarDays.kind }).from(calendarDays);
  return {
    holidays: new Set(rows.filter((r) => r.kind === 'holiday').map((r) => r.day)),
    workdays: new Set(rows.filter((r) => r.kind === 'workday').map((r) => r.day)),
  };
}
