'use server';

import { revalidatePath } from 'next/cache';
import { createUserSpec, resetPasswordSpec, setUserDisabledSpec, updateUserSpec } from '@/lib/admin/users';
import { serverAction } from '@/lib/server-action';

const create = serverAction(createUserSpec);
const update = serverAction(updateUserSpec);
const reset = serverAction(resetPasswordSpec);
const setDisabled = serverAction(setUserDisabledSpec);

export async function createUser(input: unknown) {
  const r = await create(input);
  if (r.ok) revalidatePath('/admin/users');
  return r;
}

export async function updateUser(input: unknown) {
  const r = await update(input);
  if (r.ok) revalidatePath('/admin/users', 'layout');
  return r;
}

export async function resetUserPassword(input: unknown) {
  return reset(input);
}

export async function setUserDisabled(input: unknown) {
  const r = await setDisabled(input);
  if (r.ok) revalidatePath('/admin/users', 'layout');
  return r;
}
