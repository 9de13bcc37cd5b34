'use server';

import { revalidatePath } from 'next/cache';
import { saveCollectionSheetSpec } from '@/lib/planning/collection';
import { serverAction } from '@/lib/server-action';

const save = serverAction(saveCollectionSheetSpec);

export async function saveCollectionSheet(input: unknown) {
  const result = await save(input);
  if (result.ok) revalidatePath('/collection', 'layout');
  return result;
}
