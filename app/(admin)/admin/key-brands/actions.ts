'use server';

import { revalidatePath } from 'next/cache';
import { addKeyBrandSpec, copyKeyBrandsSpec, removeKeyBrandSpec } from '@/lib/admin/catalog';
import { serverAction } from '@/lib/server-action';

const add = serverAction(addKeyBrandSpec);
const remove = serverAction(removeKeyBrandSpec);
const copy = serverAction(copyKeyBrandsSpec);

// key specs decide the required lines of every visit form and the shelving dashboards
export async function addKeyBrand(input: unknown) {
  const r = await add(input);
  if (r.ok) revalidatePath('/', 'layout');
  return r;
}

export async function removeKeyBrand(input: unknown) {
  const r = await remove(input);
  if (r.ok) revalidatePath('/', 'layout');
  return r;
}

export async function copyKeyBrands(input: unknown) {
  const r = await copy(input);
  if (r.ok) revalidatePath('/', 'layout');
  return r;
}
