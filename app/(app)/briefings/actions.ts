'use server';

import { revalidatePath } from 'next/cache';
import { postBriefingSpec } from '@/lib/briefings/post-briefing';
import { serverAction } from '@/lib/server-action';

const post = serverAction(postBriefingSpec);

export async function postBriefing(input: unknown) {
  const result = await post(input);
  if (result.ok) {
    revalidatePath('/briefings');
    revalidatePath('/today');
  }
  return result;
}
