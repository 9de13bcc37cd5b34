'use server';

import { revalidatePath } from 'next/cache';
import { saveBranchSpec, saveTeamSpec } from '@/lib/admin/org';
import { serverAction } from '@/lib/server-action';

const branch = serverAction(saveBranchSpec);
const team = serverAction(saveTeamSpec);

export async function saveBranch(input: unknown) {
  const r = await branch(input);
  if (r.ok) revalidatePath('/admin', 'layout');
  return r;
}

export async function saveTeam(input: unknown) {
  const r = await team(input);
  if (r.ok) revalidatePath('/admin', 'layout');
  return r;
}
