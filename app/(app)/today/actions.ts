'use server';

import { revalidatePath } from 'next/cache';
import { serverAction } from '@/lib/server-action';
import { markMissedSpec, reorderScheduleSpec } from '@/lib/visits/schedule-actions';

const markMissedAction = serverAction(markMissedSpec);
const reorderAction = serverAction(reorderScheduleSpec);

export async function markMissed(input: unknown) {
  const result = await markMissedAction(input);
  if (result.ok) revalidatePath('/today');
  return result;
}

export async function reorderSchedule(input: unknown) {
  const result = await reorderAction(input);
  if (result.ok) revalidatePath('/today');
  return result;
}
