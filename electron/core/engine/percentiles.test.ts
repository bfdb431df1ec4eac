import { describe, expect, it } from 'vitest';
import { percentileOfSorted, percentileValues } from './percentiles';

describe('percentiles (linear between closest ranks)', () => {
  // Sorted [192, 384, 576, 1152]: position (n − 1)·p = 3p.
  const v = [192, 384, 576, 1152];

  it('p25: position 0.75 → 192 + 0.75 × 192 = 336', () => {
    expect(percentileOfSorted(v, 0.25)).toBeCloseTo(336, 9);
  });
  it('p50: position 1.5 → 384 + 0.5 × 192 = 480', () => {
    expect(percentileOfSorted(v, 0.5)).toBeCloseTo(480, 9);
  });
  it('p75: position 2.25 → 576 + 0.25 × 576 = 720', () => {
    expect(percentileOfSorted(v, 0.75)).toBeCloseTo(720, 9);
  });
  it('p90: position 2.7 → 576 + 0.7 × 576 = 979.2', () => {
    expect(percentileOfSorted(v, 0.9)).toBeCloseTo(979.2, 9);
  });
  it('max is the largest', () => {
    expect(percentileValues(v).max).toBe(1152);
  });
  it('one value: every percentile is that value', () => {
    expect(percentileValues([7])).toEqual({ p25: 7, p50: 7, p75: 7, p90: 7, max: 7 });
  });
  it('no values: null, not 0', () => {
    expect(percentileValues([])).toEqual({ p25: null, p50: null, p75: null, p90: null, max: null });
  });
});
