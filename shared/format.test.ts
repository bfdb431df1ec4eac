import { describe, expect, it } from 'vitest';
import { formatAge, formatInteger, formatNumber, formatPercent, formatTao, raoToTao, MISSING } from './format';

describe('format', () => {
  it('converts rao to TAO exactly for amounts above 2^53', () => {
    // 12_345_678.123456789 TAO = 12345678123456789 rao (> 2^53 ≈ 9.007e15)
    expect(raoToTao(12_345_678_123_456_789n)).toBeCloseTo(12_345_678.123456789, 6);
    expect(formatTao(1_500_000_000n)).toBe('1.5 τ');
  });
  it('shows missing as a dash, never zero', () => {
    expect(formatTao(null)).toBe(MISSING);
    expect(formatPercent(null)).toBe(MISSING);
    expect(formatPercent(Number.NaN)).toBe(MISSING);
  });
  it('says how old data is in words', () => {
    const now = 1_000_000_000_000;
    expect(formatAge(now - 10_000, now)).toBe('just now');
    expect(formatAge(now - 3 * 3600_000, now)).toBe('3 h ago');
    expect(formatAge(now - 3 * 86400_000, now)).toBe('3 d ago');
  });
  it('never shows "-0": negative zero and negatives that round to zero read as 0', () => {
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(-0.0001)).toBe('0');
    expect(formatNumber(-1.5)).toBe('-1.5');
    expect(formatInteger(-0.2)).toBe('0');
    expect(formatPercent(-0)).toBe('0.00%');
    expect(formatPercent(-0.000001)).toBe('0.00%');
    expect(formatPercent(-0.5)).toBe('-50.00%');
  });
});
