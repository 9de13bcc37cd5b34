import { describe, expect, it } from 'vitest';
import * as m from '@/lib/metrics';

describe('metrics', () => {
  it('gives null, not 0 or NaN, for a zero denominator', () => {
    expect(m.shelvingRate(0, 0)).toBeNull();
    expect(m.sellThrough(5, 0)).toBeNull();
    expect(m.forecastAccuracy(10, 0)).toBeNull();
    expect(m.daysOfStock(10, 0)).toBeNull();
    expect(m.stockToSales(null)).toBeNull();
  });

  it('computes the DOMAIN.md formulas', () => {
    expect(m.shelvingRate(3, 4)).toBe(0.75);
    expect(m.daysOfStock(56, 28)).toBe(56); // one 条 a day
    expect(m.stockToSales(m.daysOfStock(14, 28))).toBe(2);
    expect(m.forecastAccuracy(90, 100)).toBeCloseTo(0.9);
    expect(m.forecastAccuracy(300, 100)).toBe(0); // never negative
    expect(m.change(0.8, 0.75)).toBeCloseTo(0.05);
    expect(m.change(0.8, null)).toBeNull();
  });

  it('bands stock-to-sales and agreement progress by the thresholds', () => {
    const t = { low: 1, high: 2, over: 3.5 };
    expect([0.5, 1, 2, 3, 4].map((w) => m.stockBand(w, t))).toEqual(['low', 'reasonable', 'reasonable', 'high', 'over']);
    expect(m.agreementBand(0.45, 0.5, 0.1)).toBe('on_track');
    expect(m.agreementBand(0.35, 0.5, 0.1)).toBe('behind');
    expect(m.agreementBand(0.65, 0.5, 0.1)).toBe('ahead');
  });
});
