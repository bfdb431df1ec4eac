import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HELD_MONTHS, heldShare, heldShareByMonth, heldSharesAt, spanKey, type HeldRegistration } from './holding';

/** Spans as (blocks held after immunity, pruned?) pairs, encoded and sorted as the module keeps them. */
const keys = (spans: [number, boolean][]) => Float64Array.from(spans.map(([b, p]) => spanKey(b, p))).sort();

const I = 100; // immunity, blocks
const H = 1100; // horizon, blocks: 1000 after immunity

describe('the share of a horizon a newcomer that earns keeps its UID', () => {
  it('all of it when no earner was seen past its immunity, or the horizon ends inside the immunity', () => {
    expect(heldShare([], I, H)).toBe(1);
    expect(heldShare(keys([[10, true]]), I, I)).toBe(1);
  });

  it('earners pruned the moment immunity ended: only the immunity is held', () => {
    expect(heldShare(keys([[0, true]]), I, H)).toBeCloseTo(I / H, 12);
  });

  it('half pruned after 200 blocks, half still held past the horizon: (I + 200 + ½ · 800) / H', () => {
    const spans: [number, boolean][] = [
      [200, true],
      [200, true],
      [2000, false],
      [2000, false],
    ];
    expect(heldShare(keys(spans), I, H)).toBeCloseTo((I + 200 + 0.5 * 800) / H, 12);
  });

  it('a UID still held is censored, not counted as pruned: one seen for 100 blocks leaves the rest to the others', () => {
    // Kaplan–Meier: at 50 one of 3 pruned (S = 2/3), at 100 one censored, at 300 the last of 1 pruned (S = 0).
    const spans: [number, boolean][] = [
      [50, true],
      [100, false],
      [300, true],
    ];
    expect(heldShare(keys(spans), I, H)).toBeCloseTo((I + 50 + (2 / 3) * 250) / H, 12);
  });
});

describe('what a forecast at block t knew of the earners before it', () => {
  const earner = (block: number, firstIncentiveBlock: number, prunedAtBlock: number | null): HeldRegistration => ({
    block,
    coarse: false,
    earned: true,
    firstIncentiveBlock,
    prunedAtBlock,
  });

  it('a pruning after t is not known at t (the UID counts as held until t), and one not yet known to earn is left out', () => {
    const regs = [earner(0, 10, 400), earner(50, 800, null)];
    const [before, after] = heldSharesAt(regs, [300, 900], I, 10_000, [H]);
    // At 300: the first earner is held 200 blocks past immunity, censored; nothing pruned yet.
    expect(before![0]).toBe(1);
    // At 900: it was pruned 300 blocks past immunity; the second, known to earn since 800, is held 750 so far.
    expect(after![0]).toBeCloseTo((I + 300 + 0.5 * 700) / H, 12);
  });

  it('earners leave the lookback: registered longer ago than it, they no longer count', () => {
    const [share] = heldSharesAt([earner(0, 10, 150)], [5000], I, 1000, [H]);
    expect(share![0]).toBe(1);
  });

  it('at every block, the shares of the spans of the earners in play then, sorted (the sweep merges, never sorts)', () => {
    const registration = fc.record({
      block: fc.integer({ min: 0, max: 800 }),
      coarse: fc.boolean(),
      earned: fc.boolean(),
      incentiveAfter: fc.option(fc.integer({ min: 0, max: 400 })),
      prunedAfter: fc.option(fc.integer({ min: 0, max: 1500 })),
    });
    fc.assert(
      fc.property(fc.array(registration, { maxLength: 60 }), fc.array(fc.integer({ min: 0, max: 2500 })), (rs, ts) => {
        const regs: HeldRegistration[] = rs.map((r) => ({
          block: r.block,
          coarse: r.coarse,
          earned: r.earned,
          firstIncentiveBlock: r.incentiveAfter === null ? null : r.block + r.incentiveAfter,
          prunedAtBlock: r.prunedAfter === null ? null : r.block + r.prunedAfter,
        }));
        const at = [...ts].sort((a, b) => a - b);
        const lookback = 1000;
        const expected = at.map((t) => {
          const spans: [number, boolean][] = [];
          for (const q of regs) {
            if (q.coarse || !q.earned || q.firstIncentiveBlock === null) continue;
            if (Math.max(q.firstIncentiveBlock, q.block + 1) > t || q.block + lookback < t) continue;
            const start = q.block + I;
            const pruned = q.prunedAtBlock !== null && q.prunedAtBlock <= t;
            if (pruned) spans.push([Math.max(0, q.prunedAtBlock! - start), true]);
            else if (t > start) spans.push([t - start, false]);
          }
          return [H, 3 * H].map((h) => heldShare(keys(spans), I, h));
        });
        expect(heldSharesAt(regs, at, I, lookback, [H, 3 * H])).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe("the live forecast's held shares, month by month", () => {
  const earner = (block: number, prunedAtBlock: number | null): HeldRegistration => ({
    block,
    coarse: false,
    earned: true,
    firstIncentiveBlock: block + 1,
    prunedAtBlock,
  });

  it('nothing measured when no earner is past its immunity yet', () => {
    expect(heldShareByMonth([earner(950, null)], 1000, I, 10_000, 1000)).toBeNull();
  });

  it('every earner pruned 100 blocks after immunity: the first month (1000 blocks) holds 200 of it, month m 200/m', () => {
    const shares = heldShareByMonth([earner(0, 200), earner(10, 210)], 5000, I, 10_000, 1000)!;
    expect(shares).toHaveLength(HELD_MONTHS);
    expect(shares[0]).toBeCloseTo(200 / 1000, 12);
    expect(shares[3]).toBeCloseTo(200 / 4000, 12);
  });
});
