'use server';

import { revalidatePath } from 'next/cache';
import { createOpinionSpec, replyOpinionSpec, sendOpinionSummarySpec } from '@/lib/opinions/actions';
import { serverAction } from '@/lib/server-action';

const create = serverAction(createOpinionSpec);
const reply = serverAction(replyOpinionSpec);
const summary = serverAction(sendOpinionSummarySpec);

export async function createOpinion(input: unknown) {
  const r = await create(input);
  if (r.ok) revalidatePath('/opinions');
  return r;
}
export async function replyOpinion(input: unknown) {
  const r = await reply(input);
  if (r.ok) revalidatePath('/opinions');
  return r;
}
export async function sendOpinionSummary(input: unknown) {
  const r = await summary(input);
  if (r.ok) revalidatePath('/opinions');
  return r;
}
