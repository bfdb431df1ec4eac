import { describe, expect, it } from 'vitest';
import { gini, hhi, nakamoto, top10PctShare, topShare } from './concentration';

describe('concentration of [1, 2, 3, 6] (sum 12)', () => {
  const x = [1, 2, 3, 6];

  it('Gini: Σ|xi − xj| over ordered pairs = 2 × (1+2+5+1+4+3) = 32; 32 / (2 × 4² × mean 3) = 1/3', () => {
    expect(gini(x)).toBeCloseTo(1 / 3, 12);
  });

  it('top-1 share = 6/12; top 10% of 4 miners rounds up to 1 miner: also 6/12', () => {
    expect(topShare(x, 1)).toBeCloseTo(0.5, 12);
    expect(top10PctShare(x)).toBeCloseTo(0.5, 12);
    expect(topShare(x, 2)).toBeCloseTo(9 / 12, 12);
  });

  it('HHI = (6² + 3² + 2² + 1²) / 12² = 50/144', () => {
    expect(hhi(x)).toBeCloseTo(50 / 144, 12);
  });

  it('Nakamoto: the top one holds exactly half, not more; the top two hold 9/12 → 2', () => {
    expect(nakamoto(x)).toBe(2);
  });
});

describe('concentration extremes', () => {
  it('equal rewards: Gini 0, HHI 1/n, Nakamoto ⌊n/2⌋ + 1', () => {
    const equal = [5, 5, 5, 5, 5];
    expect(gini(equal)).toBe(0);
    expect(hhi(equal)).toBeCloseTo(1 / 5, 12);
    expect(nakamoto(equal)).toBe(3);
  });

  it('one of n takes everything: Gini (n − 1)/n, HHI 1, Nakamoto 1', () => {
    const monopoly = [0, 0, 0, 10];
    expect(gini(monopoly)).toBeCloseTo(3 / 4, 12);
    expect(hhi(monopoly)).toBe(1);
    expect(nakamoto(monopoly)).toBe(1);
  });

  it('top 10% of 25 miners is 3 of them (⌈2.5⌉)', () => {
    const ones = Array.from({ length: 25 }, () => 1);
    expect(top10PctShare(ones)).toBeCloseTo(3 / 25, 12);
  });

  it('nothing to measure gives null, not 0', () => {
    for (const f of [gini, hhi, nakamoto, top10PctShare]) {
      expect(f([])).toBeNull();
      expect(f([0, 0])).toBeNull();
    }
    expect(topShare([], 1)).toBeNull();
  });
});
