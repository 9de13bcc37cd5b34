'use server';

import { revalidatePath } from 'next/cache';
import { dailyReportSpec, summarySpec } from '@/lib/reports/workflow';
import { serverAction } from '@/lib/server-action';

const daily = serverAction(dailyReportSpec);
const summary = serverAction(summarySpec);

export async function saveDailyReport(input: unknown) {
  const result = await daily(input);
  if (result.ok) revalidatePath('/reports', 'layout');
  return result;
}

export async function saveSummary(input: unknown) {
  const result = await summary(input);
  if (result.ok) revalidatePath('/reports', 'layout');
  return result;
}
