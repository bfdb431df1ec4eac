import { describe, expect, it } from 'vitest';
import { analyzeSubnet } from './analyze';
import { competitiveIncome } from './competitive-income';
import { makeInput, makeNeuron, makeSubnet } from '../../../test/fixtures/engine';

describe('competitive income: the miners a newcomer competes with', () => {
  // Incentive shares (of 65535): owner hotkey 50%, a UID on the owner's coldkey 20%, a validator 15%, then three
  // plain miners 9%, 4%, 2%. The headline top miner is the owner; the competitive best is the 9% miner.
  const u16 = (share: number) => Math.round(share * 65535);
  const input = makeInput(makeSubnet({ uidCount: 6, alphaPriceRao: 100_000_000n }), [
    makeNeuron({ uid: 0, hotkey: 'owner-hot', incentivesU16: [u16(0.5)] }),
    makeNeuron({ uid: 1, coldkey: 'owner-cold', incentivesU16: [u16(0.2)] }),
    makeNeuron({ uid: 2, validatorPermit: true, incentivesU16: [u16(0.15)] }),
    makeNeuron({ uid: 3, incentivesU16: [u16(0.09)] }),
    makeNeuron({ uid: 4, incentivesU16: [u16(0.04)] }),
    makeNeuron({ uid: 5, incentivesU16: [u16(0.02)] }),
  ]);
  const analysis = analyzeSubnet(input);
  const c = competitiveIncome(input, analysis);
  const poolTao = analysis.minerPool.grossTaoPerDay.value!;

  it('leaves out owner-controlled (hotkey or coldkey) and validator-permitted UIDs', () => {
    expect(c.miners).toBe(3);
  });

  it('best and median: the 9% and 4% miners, of the whole miner pool in TAO/day', () => {
    // (u16 rounding: within 1e-4 of the share)
    expect(c.bestTaoPerDay! / (0.09 * poolTao)).toBeCloseTo(1, 3);
    expect(c.medianTaoPerDay! / (0.04 * poolTao)).toBeCloseTo(1, 3);
  });

  it('nobody competing: no figures, not zeros', () => {
    const only = makeInput(makeSubnet({ uidCount: 1 }), [
      makeNeuron({ uid: 0, hotkey: 'owner-hot', incentivesU16: [65535] }),
    ]);
    expect(competitiveIncome(only, analyzeSubnet(only))).toEqual({
      miners: 0,
      bestTaoPerDay: null,
      medianTaoPerDay: null,
    });
  });
});
