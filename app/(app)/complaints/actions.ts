'use server';

import { revalidatePath } from 'next/cache';
import { complaintIntakeSpec } from '@/lib/complaints/intake';
import { complaintStepSpec } from '@/lib/complaints/workflow';
import { serverAction } from '@/lib/server-action';

const intake = serverAction(complaintIntakeSpec);
const stepAction = serverAction(complaintStepSpec);

export async function registerComplaint(input: unknown) {
  const result = await intake(input);
  if (result.ok) revalidatePath('/complaints');
  return result;
}

export async function complaintStep(input: unknown) {
  const result = await stepAction(input);
  if (result.ok) revalidatePath('/complaints', 'layout');
  return result;
}
