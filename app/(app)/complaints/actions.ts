'use server';

import { revalidatePath } from 'next/cache';
import { complaintIntakeSpec } from '@/lib/complaints/intake';
import { serverAction } from '@/lib/server-action';

const intake = serverAction(complaintIntakeSpec);

export async function registerComplaint(input: unknown) {
  const result = await intake(input);
  if (result.ok) revalidatePath('/complaints');
  return result;
}
