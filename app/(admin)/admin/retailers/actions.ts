'use server';

import { revalidatePath } from 'next/cache';
import { updateRetailerSpec } from '@/lib/admin/retailers';
import { serverAction } from '@/lib/server-action';

const update = serverAction(updateRetailerSpec);

export async function updateRetailer(input: unknown) {
  const r = await update(input);
  // the shop moves between managers' lists, schedules and dashboards
  if (r.ok) revalidatePath('/', 'layout');
  return r;
}
