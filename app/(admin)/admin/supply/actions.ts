'use server';

import { revalidatePath } from 'next/cache';
import { removeSupplySpec, saveSupplySpec } from '@/lib/admin/catalog';
import { serverAction } from '@/lib/server-action';

const save = serverAction(saveSupplySpec);
const remove = serverAction(removeSupplySpec);

export async function saveSupply(input: unknown) {
  const r = await save(input);
  if (r.ok) revalidatePath('/', 'layout');
  return r;
}

export async function removeSupply(input: unknown) {
  const r = await remove(input);
  if (r.ok) revalidatePath('/', 'layout');
  return r;
}
