import { describe, expect, it } from 'vitest';
import type { BacktestPair } from '../../../shared/economics';
import { OWNER_TAKES_ALL } from '../engine/pool';
import { packBacktestPairs, unpackBacktestPairs } from './backtest-pairs';

const pair = (
  uid: number,
  earned: boolean | null,
  fromPrior: boolean,
  a7: number | null,
  a30: number | null,
): BacktestPair => ({
  uid,
  registeredAtBlock: 8_736_322 + uid * 17,
  predicted: {
    earnChance: 0.1 + uid / 3,
    earnChanceFromPrior: fromPrior,
    alphaPerDay: Math.PI * uid,
    alphaPerDay7d: (Math.PI * uid) / 7,
    alphaPerDay30d: Math.E * uid,
    note: null,
  },
  actual: { earned, alphaPerDay7d: a7, alphaPerDay30d: a30 },
});

describe('backtest pairs packed for the analysis cache', () => {
  it('come back exactly: every figure, unknown outcomes and actuals not old enough as null', () => {
    const pairs: BacktestPair[] = [
      pair(0, false, true, 0, 0),
      pair(54, true, false, 1 / 3, 2e-17),
      pair(255, null, false, null, null),
      pair(7, false, true, 123.456, null),
      {
        ...pair(9, false, false, 0, 0),
        predicted: {
          ...pair(9, false, false, 0, 0).predicted,
          alphaPerDay7d: 0,
          alphaPerDay30d: 0,
          note: OWNER_TAKES_ALL,
        },
      },
    ];
    expect(unpackBacktestPairs(packBacktestPairs(pairs)!)).toEqual(pairs);
    expect(unpackBacktestPairs(packBacktestPairs([])!)).toEqual([]);
  });

  it('are not packed when a figure is not finite (it could not come back), and a damaged blob is refused', () => {
    expect(packBacktestPairs([pair(1, true, false, Number.NaN, null)])).toBeNull();
    expect(
      packBacktestPairs([
        {
          ...pair(1, true, false, 1, 1),
          predicted: { ...pair(1, true, false, 1, 1).predicted, alphaPerDay: Infinity },
        },
      ]),
    ).toBeNull();
    // A note the format has no flag for is not packed either (it would come back as null).
    expect(
      packBacktestPairs([
        { ...pair(1, true, false, 1, 1), predicted: { ...pair(1, true, false, 1, 1).predicted, note: 'x' } },
      ]),
    ).toBeNull();
    const blob = packBacktestPairs([pair(1, true, false, 1, 1)])!;
    expect(() => unpackBacktestPairs(blob.subarray(0, blob.length - 3))).toThrow(/damaged/);
    expect(() => unpackBacktestPairs(Buffer.from([9]))).toThrow(/newer version/);
    expect(() => unpackBacktestPairs(Buffer.from([1]))).toThrow(/older format/);
  });
});
