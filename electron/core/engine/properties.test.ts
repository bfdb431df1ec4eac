/** Properties that must hold for any subnet and any scenario, checked on generated inputs (fast-check). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAYS_PER_MONTH, type Position, type Scenario, type SubnetAnalysis } from '../../../shared/economics';
import { analyzeSubnet } from './analyze';
import { gini } from './concentration';
import { prefixSums, slotShare } from './curve';
import { makeInput, makeNeuron, makeSubnet } from '../../../test/fixtures/engine';
import { pathFactor, priceGrowth } from './path';
import { evaluateNewcomer } from './newcomer';
import { percentileValues } from './percentiles';

const subnetArb = fc
  .record({
    incentives: fc.array(fc.integer({ min: 0, max: 65535 }), { minLength: 1, maxLength: 64 }),
    ownerIndex: fc.option(fc.nat(), { nil: null }),
    priceRao: fc.integer({ min: 1, max: 1000 }).map((milli) => BigInt(milli) * 1_000_000n), // 0.001–1 TAO
    burnRao: fc.bigInt({ min: 0n, max: 20_000_000_000n }),
    alphaOutRao: fc.bigInt({ min: 0n, max: 2_000_000_000n }),
    ages: fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 64, maxLength: 64 }),
    immunity: fc.integer({ min: 0, max: 20_000 }),
    spareSlots: fc.integer({ min: 0, max: 3 }),
  })
  .map((g): SubnetAnalysis => {
    const owner = g.ownerIndex === null ? -1 : g.ownerIndex % g.incentives.length;
    const neurons = g.incentives.map((incentive, uid) =>
      makeNeuron({
        uid,
        hotkey: uid === owner ? 'owner-hot' : `hot-${uid}`,
        coldkey: `cold-${uid % 5}`,
        incentivesU16: [incentive],
        emissionRao: BigInt(incentive) * 1_000_000n,
        registeredAtBlock: 1_000_000 - (g.ages[uid] as number),
      }),
    );
    const subnet = makeSubnet({
      uidCount: neurons.length,
      maxUids: neurons.length + g.spareSlots,
      alphaPriceRao: g.priceRao,
      burnRao: g.burnRao,
      alphaOutEmissionRao: g.alphaOutRao,
      immunityPeriodBlocks: g.immunity,
    });
    return analyzeSubnet(makeInput(subnet, neurons));
  });

const positionArb: fc.Arbitrary<Position> = fc.oneof(
  fc.integer({ min: 1, max: 300 }).map((rank) => ({ kind: 'rank' as const, rank })),
  fc.double({ min: 0, max: 100, noNaN: true }).map((percentile) => ({ kind: 'percentile' as const, percentile })),
  fc.constant({ kind: 'equal' as const }),
  fc.constant({ kind: 'landed' as const }),
);

const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  taoPriceUsd: fc.double({ min: 0, max: 1000, noNaN: true }),
  rentUsdPerMonth: fc.double({ min: 0, max: 20_000, noNaN: true }),
  position: positionArb,
  competitorCount: fc.option(fc.integer({ min: 0, max: 2000 }), { nil: null }),
  horizonMonths: fc.double({ min: 0.25, max: 36, noNaN: true }),
  sellDiscount: fc.double({ min: 0, max: 0.5, noNaN: true }),
});

/** Every number anywhere inside is finite (missing figures are null). */
function allFinite(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (value !== null && typeof value === 'object') return Object.values(value).every(allFinite);
  return true;
}

/** Tolerance for comparing two routes to the same dollar figure. */
const near = (a: number, scale: number): number => 1e-9 * (Math.abs(a) + Math.abs(scale) + 1);

describe('properties', () => {
  it('Gini stays in [0, 1]', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e12, noNaN: true })), (values) => {
        const g = gini([...values].sort((a, b) => a - b));
        return g === null || (g >= 0 && g <= 1);
      }),
    );
  });

  it('percentiles are ordered: p25 ≤ p50 ≤ p75 ≤ p90 ≤ max', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e12, max: 1e12, noNaN: true }), { minLength: 1 }), (values) => {
        const p = percentileValues([...values].sort((a, b) => a - b));
        const ordered = [p.p25, p.p50, p.p75, p.p90, p.max] as number[];
        return ordered.every((v, i) => i === 0 || (ordered[i - 1] as number) <= v);
      }),
    );
  });

  it('percentiles of a subnet’s earning miners are ordered too', () => {
    fc.assert(
      fc.property(subnetArb, (a) => {
        const p = a.perMiner.taoPerDay;
        const v = [p.p25.value, p.p50.value, p.p75.value, p.p90.value, p.max.value];
        if (v.every((x) => x === null)) return true;
        return (v as number[]).every((x, i) => i === 0 || (v[i - 1] as number) <= x);
      }),
    );
  });

  it('resampled shares sum to 1 for any curve and slot count', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1e-6, max: 1, noNaN: true }), { minLength: 1, maxLength: 50 }),
        fc.integer({ min: 1, max: 200 }),
        (raw, slots) => {
          const total = raw.reduce((s, v) => s + v, 0);
          const sharesDesc = raw.map((v) => v / total).sort((a, b) => b - a);
          const curve = { sharesDesc, prefixShares: prefixSums(sharesDesc) };
          let sum = 0;
          for (let r = 1; r <= slots; r++) sum += slotShare(curve, r, slots) as number;
          return Math.abs(sum - 1) < 1e-9;
        },
      ),
    );
  });

  it('more competitors never raise a fixed-position newcomer’s earnings', () => {
    fc.assert(
      fc.property(
        subnetArb,
        scenarioArb,
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 0, max: 3000 }),
        (a, s, n1, n2) => {
          const [few, many] = n1 <= n2 ? [n1, n2] : [n2, n1];
          const e1 = evaluateNewcomer(a, { ...s, competitorCount: few }).alphaPerDay.value;
          const e2 = evaluateNewcomer(a, { ...s, competitorCount: many }).alphaPerDay.value;
          return e1 === null || e2 === null || e2 <= e1;
        },
      ),
    );
  });

  it('a higher TAO price never lowers profit while the TAO earned covers the amortised registration', () => {
    fc.assert(
      fc.property(subnetArb, scenarioArb, fc.double({ min: 0, max: 5000, noNaN: true }), (a, s, otherPrice) => {
        const low = Math.min(s.taoPriceUsd as number, otherPrice);
        const high = Math.max(s.taoPriceUsd as number, otherPrice);
        const eLow = evaluateNewcomer(a, { ...s, taoPriceUsd: low });
        const eHigh = evaluateNewcomer(a, { ...s, taoPriceUsd: high });
        const pLow = eLow.profitUsdPerMonth.value;
        const pHigh = eHigh.profitUsdPerMonth.value;
        const taoPerDay = eLow.taoPerDay.value;
        if (pLow === null || pHigh === null || taoPerDay === null) return true;
        // Profit = price × (TAO realised per month − registration TAO per month) − rent: linear in the price.
        // (TAO earned over the horizon follows the path: today's rate × its average halving factor.)
        const overHorizon = pathFactor(a.model, s.horizonMonths, priceGrowth(s.alphaPriceChangePerMonth));
        const netTaoPerMonth =
          taoPerDay * (1 - s.sellDiscount) * DAYS_PER_MONTH * overHorizon -
          (eLow.registrationCostTao.value as number) / s.horizonMonths;
        const tolerance = near(pLow, pHigh) * (1 + high);
        if (netTaoPerMonth >= 0) return pHigh >= pLow - tolerance;
        // Otherwise a dearer TAO makes the TAO-denominated loss dearer too — by exactly that slope.
        return Math.abs(pHigh - pLow - (high - low) * netTaoPerMonth) <= tolerance * 10;
      }),
    );
  });

  it('at the break-even TAO price the profit is 0', () => {
    fc.assert(
      fc.property(subnetArb, scenarioArb, (a, s) => {
        const price = evaluateNewcomer(a, s).breakEvenTaoPriceUsd.value;
        if (price === null) return true;
        const profit = evaluateNewcomer(a, { ...s, taoPriceUsd: price }).profitUsdPerMonth.value as number;
        return Math.abs(profit) <= 1e-6 * (s.rentUsdPerMonth + 1);
      }),
      { numRuns: 300 },
    );
  });

  it('break-even competitors: costs covered at that count, not at one more', () => {
    fc.assert(
      fc.property(subnetArb, scenarioArb, (a, s) => {
        const e = evaluateNewcomer(a, s);
        const n = e.breakEvenCompetitors.value;
        if (n === null || e.breakEvenCompetitors.note !== null) return true;
        const at = evaluateNewcomer(a, { ...s, competitorCount: n }).profitUsdPerMonth.value as number;
        const beyond = evaluateNewcomer(a, { ...s, competitorCount: n + 1 }).profitUsdPerMonth.value as number;
        const scale = s.rentUsdPerMonth + 1;
        return at >= -near(at, scale) && beyond < near(beyond, scale);
      }),
      { numRuns: 300 },
    );
  });

  it('break-even rank: costs covered at that rank, not at the next one', () => {
    fc.assert(
      fc.property(subnetArb, scenarioArb, (a, s) => {
        const e = evaluateNewcomer(a, s);
        const rank = e.breakEvenRank.value;
        // Ranks exist only within the subnet's UID slots.
        const slots = Math.min((e.competitorCount.value ?? 0) + 1, a.counts.maxUids.value as number);
        if (rank === null) return true;
        const profitAt = (r: number) =>
          evaluateNewcomer(a, { ...s, position: { kind: 'rank', rank: r }, competitorCount: slots - 1 })
            .profitUsdPerMonth.value as number;
        const scale = s.rentUsdPerMonth + 1;
        const at = profitAt(rank);
        return at >= -near(at, scale) && (rank === slots || profitAt(rank + 1) < near(at, scale));
      }),
      { numRuns: 300 },
    );
  });

  it('break-even competitors never exceed the UID slots (a count the subnet cannot hold)', () => {
    fc.assert(
      fc.property(subnetArb, scenarioArb, (a, s) => {
        const n = evaluateNewcomer(a, s).breakEvenCompetitors.value;
        return n === null || n <= (a.counts.maxUids.value as number) - 1;
      }),
      { numRuns: 300 },
    );
  });

  it('expected profit never beats the profit at the position, and P(loss) is a probability', () => {
    fc.assert(
      fc.property(subnetArb, scenarioArb, (a, s) => {
        const e = evaluateNewcomer(a, s);
        const expected = e.expected.profitUsdPerMonth.value;
        const given = e.profitUsdPerMonth.value;
        const loss = e.expected.lossChance.value;
        return (
          (expected === null || given === null || expected <= given + near(given, s.rentUsdPerMonth + 1)) &&
          (loss === null || (loss >= 0 && loss <= 1))
        );
      }),
      { numRuns: 300 },
    );
  });

  it('no output is ever NaN or infinite', () => {
    fc.assert(fc.property(subnetArb, scenarioArb, (a, s) => allFinite(a) && allFinite(evaluateNewcomer(a, s))));
  });

  it('evaluation is a pure function of its inputs', () => {
    fc.assert(
      fc.property(subnetArb, scenarioArb, (a, s) => {
        expect(evaluateNewcomer(a, s)).toEqual(evaluateNewcomer(a, s));
      }),
      { numRuns: 20 },
    );
  });
});
