import type { Ratio } from './index';

/**
 * 预测准确率 (DOMAIN.md "Metrics"): max(0, 1 − |forecast − actual| ÷ actual), actual = ordered 条.
 * No actual orders: null, shown as "—" (the formula has no answer there, and 0% would blame the forecast).
 */
export function forecastAccuracy(forecast: number, actual: number): Ratio {
  if (!actual) return null;
  return Math.max(0, 1 - Math.abs(forecast - actual) / actual);
}

/** The coefficient of variation (population standard deviation ÷ mean); null when the mean is 0. */
export function coefficientOfVariation(values: readonly number[]): Ratio {
  if (values.length === 0) return null;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  if (mean === 0) return null;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
  return Math.sqrt(variance) / mean;
}
