'use server';

import { revalidatePath } from 'next/cache';
import { saveIndividualForecastsSpec, saveTotalForecastSpec } from '@/lib/planning/forecasts';
import { clearOverrideSpec, overrideGroupSpec, recomputeScreeningSpec } from '@/lib/planning/screening';
import { serverAction } from '@/lib/server-action';

const recompute = serverAction(recomputeScreeningSpec);
const override = serverAction(overrideGroupSpec);
const clearOverride = serverAction(clearOverrideSpec);
const total = serverAction(saveTotalForecastSpec);
const individual = serverAction(saveIndividualForecastsSpec);

export async function recomputeScreening(input: unknown) {
  const result = await recompute(input);
  // Today's order on days 6–10 follows the groups
  if (result.ok) revalidatePath('/', 'layout');
  return result;
}

export async function overrideGroup(input: unknown) {
  const result = await override(input);
  if (result.ok) revalidatePath('/', 'layout');
  return result;
}

export async function clearGroupOverride(input: unknown) {
  const result = await clearOverride(input);
  if (result.ok) revalidatePath('/', 'layout');
  return result;
}

export async function saveTotalForecast(input: unknown) {
  const result = await total(input);
  if (result.ok) revalidatePath('/forecasts', 'layout');
  return result;
}

export async function saveIndividualForecasts(input: unknown) {
  const result = await individual(input);
  if (result.ok) revalidatePath('/forecasts', 'layout');
  return result;
}
