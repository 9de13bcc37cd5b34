'use server';

import { revalidatePath } from 'next/cache';
import { addCalendarDaysSpec, removeCalendarDaySpec } from '@/lib/admin/calendar';
import { serverAction } from '@/lib/server-action';

const add = serverAction(addCalendarDaysSpec);
const remove = serverAction(removeCalendarDaySpec);

// working days feed complaint deadlines and time progress on the dashboards
export async function addCalendarDays(input: unknown) {
  const r = await add(input);
  if (r.ok) revalidatePath('/', 'layout');
  return r;
}

export async function removeCalendarDay(input: unknown) {
  const r = await remove(input);
  if (r.ok) revalidatePath('/', 'layout');
  return r;
}
