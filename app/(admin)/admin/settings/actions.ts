'use server';

import { revalidatePath } from 'next/cache';
import { saveCategorySpec, updateSettingsSpec } from '@/lib/admin/settings';
import { serverAction } from '@/lib/server-action';

const update = serverAction(updateSettingsSpec);
const saveCategory = serverAction(saveCategorySpec);

export async function updateSettings(input: unknown) {
  const r = await update(input);
  // settings shape schedules, deadlines and dashboards everywhere
  if (r.ok) revalidatePath('/', 'layout');
  return r;
}

export async function saveComplaintCategory(input: unknown) {
  const r = await saveCategory(input);
  if (r.ok) revalidatePath('/', 'layout');
  return r;
}
