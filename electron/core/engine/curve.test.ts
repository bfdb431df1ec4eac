import { describe, expect, it } from 'vitest';
import { positionShare, prefixSums, rankForPosition, slotShare } from './curve';

// Earning shares 6/12, 3/12, 2/12, 1/12 (the worked example without its owner UID).
const sharesDesc = [0.5, 0.25, 2 / 12, 1 / 12];
const curve = { sharesDesc, prefixShares: prefixSums(sharesDesc) };

describe('resampling the incentive curve', () => {
  it('with as many slots as measured miners, each rank keeps its share', () => {
    sharesDesc.forEach((s, i) => expect(slotShare(curve, i + 1, 4)).toBeCloseTo(s, 12));
  });

  it('fewer slots keep the head and renormalise: 2 slots → 0.5/0.75 and 0.25/0.75', () => {
    expect(slotShare(curve, 1, 2)).toBeCloseTo(2 / 3, 12);
    expect(slotShare(curve, 2, 2)).toBeCloseTo(1 / 3, 12);
  });

  it('more slots append miners like the weakest (1/12): 6 slots weigh 1 + 2/12 = 14/12', () => {
    // rank 1: 0.5 / (14/12) = 6/14; rank 6: (1/12) / (14/12) = 1/14
    expect(slotShare(curve, 1, 6)).toBeCloseTo(6 / 14, 12);
    expect(slotShare(curve, 6, 6)).toBeCloseTo(1 / 14, 12);
  });

  it('the slot shares always sum to 1', () => {
    for (const slots of [1, 2, 4, 5, 50]) {
      let sum = 0;
      for (let r = 1; r <= slots; r++) sum += slotShare(curve, r, slots) as number;
      expect(sum).toBeCloseTo(1, 12);
    }
  });

  it('a fixed rank never gains from a weaker competitor joining (stretching the curve would: 0.1 → 1/3)', () => {
    const twoMiners = { sharesDesc: [0.9, 0.1], prefixShares: prefixSums([0.9, 0.1]) };
    // rank 2 of 2 gets 0.1; rank 2 of 3: 0.1 / (0.9 + 0.1 + 0.1) = 1/11.
    expect(slotShare(twoMiners, 2, 2)).toBeCloseTo(0.1, 12);
    expect(slotShare(twoMiners, 2, 3)).toBeCloseTo(1 / 11, 12);
  });

  it('no measured curve: no share (equal share still works)', () => {
    const empty = { sharesDesc: [], prefixShares: [0] };
    expect(slotShare(empty, 1, 3)).toBeNull();
    expect(positionShare(empty, { kind: 'rank', rank: 1 }, 2)).toBeNull();
    expect(positionShare(empty, { kind: 'equal' }, 3)).toBe(0.25);
  });
});

describe('positions', () => {
  it('percentile p beats p% of the field: rank ⌈(1 − p/100) × slots⌉', () => {
    expect(rankForPosition({ kind: 'percentile', percentile: 90 }, 10)).toBe(1); // ⌈1.0⌉ despite 0.1 × 10 = 0.999…
    expect(rankForPosition({ kind: 'percentile', percentile: 75 }, 5)).toBe(2); // ⌈1.25⌉
    expect(rankForPosition({ kind: 'percentile', percentile: 50 }, 10)).toBe(5);
    expect(rankForPosition({ kind: 'percentile', percentile: 0 }, 10)).toBe(10);
    expect(rankForPosition({ kind: 'percentile', percentile: 100 }, 10)).toBe(1);
  });

  it('a rank beyond the field is the last slot; equal share has no rank', () => {
    expect(rankForPosition({ kind: 'rank', rank: 9 }, 4)).toBe(4);
    expect(rankForPosition({ kind: 'rank', rank: 0 }, 4)).toBe(1);
    expect(rankForPosition({ kind: 'equal' }, 4)).toBeNull();
  });

  it('equal share with 4 competitors is 1/5', () => {
    expect(positionShare(curve, { kind: 'equal' }, 4)).toBeCloseTo(0.2, 12);
  });
});
