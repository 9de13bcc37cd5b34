'use server';

import { revalidatePath } from 'next/cache';
import { recordCallBackSpec } from '@/lib/follow-up/record-call';
import { serverAction } from '@/lib/server-action';

const record = serverAction(recordCallBackSpec);

export async function recordCallBack(input: unknown) {
  const result = await record(input);
  if (result.ok) revalidatePath('/follow-up');
  return result;
}
