'use server';

import { revalidatePath } from 'next/cache';
import { serverAction } from '@/lib/server-action';
import { planEditSpec, planProposeSpec, planSubmitSpec } from '@/lib/visit-plan/actions';

const propose = serverAction(planProposeSpec);
const edit = serverAction(planEditSpec);
const submit = serverAction(planSubmitSpec);

export async function proposeVisitPlan(input: unknown) {
  const r = await propose(input);
  if (r.ok) revalidatePath('/plan');
  return r;
}

export async function editVisitPlan(input: unknown) {
  const r = await edit(input);
  if (r.ok) revalidatePath('/plan');
  return r;
}

export async function submitVisitPlan(input: unknown) {
  const r = await submit(input);
  if (r.ok) revalidatePath('/plan');
  return r;
}
