'use server';

import { revalidatePath } from 'next/cache';
import { saveAgreementSpec, saveTargetSpec } from '@/lib/admin/catalog';
import { serverAction } from '@/lib/server-action';

const target = serverAction(saveTargetSpec);
const agreement = serverAction(saveAgreementSpec);

export async function saveTarget(input: unknown) {
  const r = await target(input);
  if (r.ok) revalidatePath('/', 'layout');
  return r;
}

export async function saveAgreement(input: unknown) {
  const r = await agreement(input);
  if (r.ok) revalidatePath('/', 'layout');
  return r;
}
