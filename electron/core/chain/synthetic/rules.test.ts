/**
 * The subtensor rules the simulation applies, against examples worked by hand from the cited source (opentensor/
 * subtensor @ 14bc6f9f9). If a rule here is wrong, the stand-in chain pays and prunes differently from Finney.
 */
import { describe, expect, it } from 'vitest';
import {
  blockEmissionForIssuance,
  bumpedBurn,
  decayedBurn,
  epochPayout,
  immuneOwnerUids,
  injection,
  mechanismWeights,
  movingPriceAfter,
  networkToPrune,
  neuronToPrune,
  nextHalvingIssuance,
  splitBlockAlpha,
  splitEmissions,
  subnetBlockEmissions,
} from './rules';

const M = 1e15; // one million alpha (or TAO) in rao

describe('block emission halving (coinbase/block_emission.rs get_block_emission_for_issuance)', () => {
  it('halves at 10.5M, 15.75M and 18.375M issued', () => {
    expect(blockEmissionForIssuance(0)).toBe(1e9);
    expect(blockEmissionForIssuance(10.5 * M - 1e9)).toBe(1e9); // one alpha short
    expect(blockEmissionForIssuance(10.5 * M)).toBe(5e8);
    expect(blockEmissionForIssuance(15.75 * M - 1e9)).toBe(5e8);
    expect(blockEmissionForIssuance(15.75 * M)).toBe(2.5e8);
    expect(blockEmissionForIssuance(18.375 * M)).toBe(1.25e8);
    expect(blockEmissionForIssuance(21 * M)).toBe(0);
    expect(nextHalvingIssuance(5 * M)).toBe(10.5 * M);
    expect(nextHalvingIssuance(11 * M)).toBe(15.75 * M);
  });
});

describe('registration price (subnets/registration.rs)', () => {
  it('decays by half every BurnHalfLife blocks, never below MinBurn', () => {
    expect(decayedBurn(1e9, 360, 360, 5e5, 100e9)).toBeCloseTo(5e8, 0);
    expect(decayedBurn(1e9, 720, 360, 5e5, 100e9)).toBeCloseTo(2.5e8, 0);
    expect(decayedBurn(1e9, 720, 360, 3e8, 100e9)).toBe(3e8);
    expect(decayedBurn(1e9, 0, 360, 5e5, 100e9)).toBe(1e9);
  });

  it('jumps ×BurnIncreaseMult per registration (at least ×1), never above MaxBurn', () => {
    expect(bumpedBurn(1e9, 1.26, 5e5, 100e9)).toBe(1.26e9);
    expect(bumpedBurn(1e9, 0.9, 5e5, 100e9)).toBe(1e9);
    expect(bumpedBurn(90e9, 1.26, 5e5, 100e9)).toBe(100e9);
  });
});

describe('get_neuron_to_prune (subnets/registration.rs)', () => {
  // uid:        0 owner   1       2       3       4 immune 5
  const view = {
    n: 6,
    emission: [0, 5, 3, 3, 0, 3],
    registeredAt: [10, 100, 200, 150, 990, 150],
    ownerImmortal: [1, 0, 0, 0, 0, 0],
  };
  const block = 1000;
  const immunity = 100;

  it('takes the lowest emission among non-immune UIDs, ties to the older registration then the lower UID', () => {
    // UIDs 2, 3 and 5 tie on emission 3; 3 and 5 registered first (150); 3 is the lower. The owner's 0 is skipped.
    expect(neuronToPrune(view, block, immunity, 3)).toBe(3);
  });

  it('prunes an immune UID once no more than MinNonImmuneUids non-immune UIDs remain', () => {
    // Four non-immune non-owner UIDs (1, 2, 3, 5): with a floor of 4 the immune UID 4 goes instead.
    expect(neuronToPrune(view, block, immunity, 4)).toBe(4);
    expect(neuronToPrune({ ...view, n: 4 }, block, immunity, 10)).toBeNull();
  });

  it('keeps the owner hotkey first among the immortal UIDs, then the oldest of the owner coldkey (get_immune_owner_tuples)', () => {
    const owned = [
      { uid: 5, registeredAt: 300 },
      { uid: 2, registeredAt: 100 },
      { uid: 7, registeredAt: 100 },
    ];
    expect(immuneOwnerUids(owned, 9, 2)).toEqual([9, 2]);
    expect(immuneOwnerUids(owned, 9, 1)).toEqual([9]);
    expect(immuneOwnerUids(owned, -1, 2)).toEqual([2, 7]);
    // The owner hotkey is put first even when the oldest three already fill the limit.
    expect(immuneOwnerUids([...owned, { uid: 9, registeredAt: 500 }], 9, 3)).toEqual([9, 2, 7]);
  });
});

describe('epoch payout (subnets/mechanism.rs split_emissions, epoch/run_epoch.rs epoch_mechanism)', () => {
  it('splits evenly when unset, gives mechanisms past a short split nothing, rounding to mechanism 0', () => {
    expect(splitEmissions(1000, 3, null)).toEqual([334, 333, 333]);
    expect(splitEmissions(1000, 3, [49151, 16384])).toEqual([750, 250, 0]);
    expect(mechanismWeights([750, 250, 0], 1000)).toEqual([0.75, 0.25, 0]);
    expect(mechanismWeights([0, 0], 0)).toEqual([1, 0]);
  });

  it('pays incentive / (Σinc + Σdiv) to miners and dividends likewise to validators', () => {
    const p = epochPayout([0.75, 0.25, 0, 0], [0, 0, 0.6, 0.4], [0, 0, 3, 1], 1000);
    expect([...p.server]).toEqual([375, 125, 0, 0]);
    expect([...p.validator]).toEqual([0, 0, 300, 200]);
    expect([...p.combined]).toEqual([375, 125, 300, 200]);
  });

  it('gives miners everything without dividends and validators everything without incentive', () => {
    expect([...epochPayout([0.75, 0.25, 0, 0], [0, 0, 0, 0], [0, 0, 3, 1], 1000).server]).toEqual([750, 250, 0, 0]);
    expect([...epochPayout([0, 0, 0, 0], [0, 0, 0.6, 0.4], [0, 0, 3, 1], 1000).validator]).toEqual([0, 0, 600, 400]);
    // Neither: validators by stake.
    expect([...epochPayout([0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 3, 1], 1000).validator]).toEqual([0, 0, 750, 250]);
  });
});

describe('coinbase (coinbase/run_coinbase.rs, subnet_emissions.rs)', () => {
  it('splits alpha_out: owner cut, half of the rest to miners, root takes RootProp of the validator half', () => {
    const s = splitBlockAlpha(1e9, 0.18, true, 0.2);
    expect(s.ownerCut).toBeCloseTo(1.8e8, 3);
    expect(s.server).toBeCloseTo(4.1e8, 3);
    expect(s.root).toBeCloseTo(8.2e7, 3);
    expect(s.validator).toBeCloseTo(3.28e8, 3);
    expect(splitBlockAlpha(1e9, 0.18, false, 0).server).toBe(5e8);
  });

  it('shares TAO by moving price × (1 − MinerBurned) among subnets emitted to, zero for emission-disabled ones', () => {
    const base = {
      registrationAllowed: true,
      subtokenEnabled: true,
      firstEmissionBlock: 1,
      emissionEnabled: true,
      minerBurned: 0,
    };
    const tao = subnetBlockEmissions(
      [
        { ...base, netuid: 1, movingPrice: 0.2 },
        { ...base, netuid: 2, movingPrice: 0.2, minerBurned: 0.5 },
        { ...base, netuid: 3, movingPrice: 0.1, emissionEnabled: false },
        { ...base, netuid: 4, movingPrice: 0.5, firstEmissionBlock: null },
        { ...base, netuid: 5, movingPrice: 0.5, registrationAllowed: false },
      ],
      5e8,
    );
    // Weights 0.4, 0.2, 0.2 (of Σp = 0.5) → shares ½, ¼, ¼; the disabled third is renormalised away: ⅔, ⅓, 0.
    expect(tao.get(1)).toBe(333_333_333);
    expect(tao.get(2)).toBe(166_666_666);
    expect(tao.get(3)).toBe(0);
    expect(tao.has(4)).toBe(false);
    expect(tao.has(5)).toBe(false);
  });

  it('caps the alpha injected at RootProp × alpha emission; the rest of the TAO buys alpha', () => {
    expect(injection(1e7, 0.01, 0.1, 1e9)).toEqual({ taoIn: 1e6, alphaIn: 1e8, excessTao: 9e6 });
    expect(injection(1e5, 0.01, 0.1, 1e9)).toEqual({ taoIn: 1e5, alphaIn: 1e7, excessTao: 0 });
  });

  it('moves the moving price toward min(spot, 1) at SubnetMovingAlpha · b/(b + halving) per block', () => {
    expect(movingPriceAfter(0.5, 2, 1, 0.000003, 201_600, 201_600)).toBeCloseTo(0.5 + 0.5 * 1.5e-6, 12);
    expect(movingPriceAfter(0.5, 0.5, 1000, 0.000003, 1e9, 201_600)).toBe(0.5);
  });

  it('picks the non-immune subnet with the lowest moving price to dissolve (coinbase/root.rs get_network_to_prune)', () => {
    const subnets = [
      { netuid: 1, registeredAt: 100, movingPrice: 0.02 },
      { netuid: 2, registeredAt: 50, movingPrice: 0.01 },
      { netuid: 3, registeredAt: 10, movingPrice: 0.01 },
      { netuid: 4, registeredAt: 900, movingPrice: 0.001 },
    ];
    expect(networkToPrune(subnets, 1000, 500)).toBe(3); // 4 is immune; 2 and 3 tie, 3 registered first
    expect(networkToPrune(subnets, 2000, 500)).toBe(4);
    expect(networkToPrune([], 2000, 500)).toBeNull();
  });
});
