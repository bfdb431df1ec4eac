import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NeuronSnapshot } from '../../../shared/domain';
import { packNeurons, unpackKeys, unpackNeurons, unpackRegistrations, unpackUids } from './neuron-pack';

// Uniform u64s are nearly all huge; the writer's fast paths switch at 2^31, 2^51 (zigzag) and 2^53, so the edges
// of each, and everyday amounts, are drawn as often.
const edges = [
  0n,
  1n,
  2n ** 31n - 1n,
  2n ** 31n,
  2n ** 51n,
  2n ** 51n + 1n,
  2n ** 53n - 1n,
  2n ** 53n,
  2n ** 53n + 1n,
  2n ** 64n - 1n,
];
const u64 = fc.oneof(
  fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }),
  fc.constantFrom(...edges),
  fc.bigInt({ min: 0n, max: 2n ** 40n }),
);
const neuron = fc.record({
  uid: fc.nat({ max: 4095 }),
  hotkeyId: fc.nat({ max: 2 ** 31 }),
  coldkeyId: fc.nat({ max: 2 ** 31 }),
  active: fc.boolean(),
  validatorPermit: fc.boolean(),
  incentivesU16: fc.array(fc.nat({ max: 65535 }), { minLength: 1, maxLength: 3 }),
  dividendsU16: fc.nat({ max: 65535 }),
  consensusU16: fc.nat({ max: 65535 }),
  emissionRao: u64,
  registeredAtBlock: fc.oneof(fc.nat({ max: 2 ** 32 - 1 }), fc.constantFrom(0, 2 ** 31 - 1, 2 ** 31, 2 ** 32 - 1)),
  lastUpdateBlock: fc.nat({ max: 2 ** 32 - 1 }),
  alphaStakeRao: u64,
  taoStakeRao: u64,
  totalStakeRao: u64,
});

describe('packed UIDs', () => {
  it('give back every field of every UID exactly, including amounts past 2^53 and totals below alpha stake', () => {
    fc.assert(
      fc.property(fc.array(neuron, { maxLength: 300 }), (list) => {
        const neurons: NeuronSnapshot[] = list.map(({ hotkeyId, coldkeyId, ...n }) => ({
          ...n,
          netuid: 7,
          hotkey: `a${hotkeyId}`,
          coldkey: `a${coldkeyId}`,
        }));
        const pack = packNeurons(
          neurons,
          list.map((n) => n.hotkeyId),
          list.map((n) => n.coldkeyId),
        );
        expect(pack.uidCount).toBe(list.length);
        expect(unpackKeys(pack.keys).hotkeyIds).toEqual(list.map((n) => n.hotkeyId));
        // What the newcomer statistics read of it: the UIDs, their registration blocks and incentives weighted per mechanism.
        expect(unpackUids(pack.keys)).toEqual(list.map((n) => n.uid));
        const weightOf = (m: number) => 1 / (m + 1);
        const registrations = unpackRegistrations(pack.figures, list.length, (read) =>
          Array.from({ length: read }, (_, m) => weightOf(m)),
        );
        expect([...registrations.registeredAtBlock]).toEqual(list.map((n) => n.registeredAtBlock));
        expect([...registrations.incentive]).toEqual(
          list.map((n) => n.incentivesU16.reduce((a, b, m) => a + weightOf(m) * b, 0)),
        );
        expect(unpackNeurons(7, pack, (id) => `a${id}`)).toEqual(neurons);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses to read damaged or future-format data instead of returning wrong figures', () => {
    const n: NeuronSnapshot = {
      netuid: 1,
      uid: 0,
      hotkey: 'h',
      coldkey: 'c',
      active: true,
      validatorPermit: false,
      incentivesU16: [65535],
      dividendsU16: 0,
      consensusU16: 0,
      emissionRao: 10n ** 12n,
      registeredAtBlock: 5,
      lastUpdateBlock: 9,
      alphaStakeRao: 1n,
      taoStakeRao: 0n,
      totalStakeRao: 1n,
    };
    const pack = packNeurons([n], [1], [2]);
    expect(() => unpackNeurons(1, { ...pack, figures: pack.figures.subarray(0, 3) }, String)).toThrow();
    expect(() => unpackKeys(deflateRawSync(Buffer.from([9, 1, 0, 2, 4])))).toThrow(/unknown format \(9\)/);
    expect(() => unpackNeurons(1, { ...pack, figures: deflateRawSync(Buffer.from([1, 1])) }, String)).toThrow(
      /ends early/,
    );
  });

  it('refuses negative or fractional figures at write time', () => {
    const n = {
      uid: 0,
      active: true,
      validatorPermit: false,
      incentivesU16: [1.5],
      dividendsU16: 0,
      consensusU16: 0,
      emissionRao: 0n,
      registeredAtBlock: 0,
      lastUpdateBlock: 0,
      alphaStakeRao: 0n,
      taoStakeRao: 0n,
      totalStakeRao: 0n,
    };
    expect(() => packNeurons([n], [1], [1])).toThrow(RangeError);
    expect(() => packNeurons([{ ...n, incentivesU16: [1], emissionRao: -1n }], [1], [1])).toThrow(RangeError);
  });
});
