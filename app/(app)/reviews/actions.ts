'use server';

import { revalidatePath } from 'next/cache';
import { reviewSpec } from '@/lib/reports/workflow';
import { serverAction } from '@/lib/server-action';

const review = serverAction(reviewSpec);

export async function reviewReport(input: unknown) {
  const result = await review(input);
  if (result.ok) revalidatePath('/reviews', 'layout');
  return result;
}
