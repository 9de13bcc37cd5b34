'use server';

import { revalidatePath } from 'next/cache';
import { saveSpecSpec } from '@/lib/admin/catalog';
import { serverAction } from '@/lib/server-action';

const save = serverAction(saveSpecSpec);

export async function saveSpec(input: unknown) {
  const r = await save(input);
  if (r.ok) revalidatePath('/', 'layout');
  return r;
}
