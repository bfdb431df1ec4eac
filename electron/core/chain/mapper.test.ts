import { describe, expect, it } from 'vitest';
import { fixed32ToNumber, mapSubnet, MappingError } from './mapper';
import type { RawSubnetState } from './raw';

const enc = (s: string) => new TextEncoder().encode(s);
const HOT = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';

function raw(
  over: Partial<RawSubnetState['metagraph']> = {},
  storage: Partial<RawSubnetState['storage']> = {},
): RawSubnetState {
  return {
    dynamic: {
      netuid: 7,
      ownerHotkey: HOT,
      ownerColdkey: HOT,
      subnetName: enc('Ωmega'),
      tokenSymbol: enc('中'),
      tempo: 360,
      lastStep: 10n,
      blocksSinceLastStep: 5n,
      alphaIn: 9_007_199_254_740_993n,
      alphaOut: 1n,
      taoIn: 2n,
      alphaOutEmission: 1_000_000_000n,
      alphaInEmission: 3n,
      taoInEmission: 4n,
      pendingAlphaEmission: 5n,
      subnetVolume: 2n ** 100n,
      networkRegisteredAt: 99n,
      subnetIdentity: null,
      movingPriceBits: 3n * 2n ** 32n + 2n ** 31n, // 3.5
    },
    metagraph: {
      netuid: 7,
      block: 1000n,
      numUids: 2,
      maxUids: 256,
      burn: 1n,
      minBurn: 2n,
      maxBurn: 3n,
      registrationAllowed: true,
      immunityPeriod: 4096,
      hotkeys: [HOT, HOT],
      coldkeys: [HOT, HOT],
      active: [true, false],
      validatorPermit: [true, false],
      lastUpdate: [1n, 2n],
      emission: [10n, 20n],
      dividends: [65535, 0],
      incentives: [0, 65535],
      consensus: [1, 2],
      blockAtRegistration: [5n, 6n],
      alphaStake: [7n, 8n],
      taoStake: [9n, 10n],
      totalStake: [11n, 12n],
      ...over,
    },
    extraMechanismIncentives: [[100, 200]],
    storage: {
      burn: 1_500_000_000n,
      excessTao: null,
      minerBurnedBits: 2n ** 32n,
      ownerCutEnabled: true,
      emissionEnabled: null,
      immunityPeriod: 5000,
      mechanismCount: 2,
      mechanismSplit: null,
      immuneOwnerUidsLimit: 3,
      minNonImmuneUids: 12,
      burnHalfLife: 720,
      burnIncreaseMult: 1.5,
      subtokenEnabled: true,
      firstEmissionBlock: 77n,
      weightsVersionKey: 1_020n,
      ...storage,
    },
    priceRao: 123n,
  };
}

describe('mapSubnet', () => {
  it('decodes multi-byte names as UTF-8 and keeps amounts above 2^53 exact', () => {
    const { subnet, neurons } = mapSubnet(raw());
    expect(subnet.name).toBe('Ωmega');
    expect(subnet.symbol).toBe('中');
    expect(subnet.alphaReserveRao).toBe(9_007_199_254_740_993n);
    expect(subnet.subnetVolumeRao).toBe(2n ** 100n);
    expect(subnet.movingPrice).toBe(3.5);
    expect(subnet.minerBurnedFraction).toBe(1);
    // Storage (read at the same block) is the source for burn and immunity, not the metagraph copy.
    expect(subnet.burnRao).toBe(1_500_000_000n);
    expect(subnet.immunityPeriodBlocks).toBe(5000);
    expect(neurons.map((n) => n.incentivesU16)).toEqual([
      [0, 100],
      [65535, 200],
    ]);
  });

  it('refuses a metagraph whose vectors do not match its UID count', () => {
    expect(() => mapSubnet(raw({ hotkeys: [HOT] }))).toThrow(MappingError);
    expect(() => mapSubnet(raw({ hotkeys: [HOT] }))).toThrow(/lists 1 hotkeys for 2 UIDs/);
  });

  it('refuses amounts SQLite cannot hold instead of storing them wrong', () => {
    expect(() => mapSubnet(raw({ emission: [10n, 2n ** 64n - 1n] }))).toThrow(/emission\[1\].*outside the range/);
  });

  it('keeps the weights version key; one a runtime lacks, or beyond int64, is unknown without failing the subnet', () => {
    expect(mapSubnet(raw()).subnet.weightsVersionKey).toBe(1_020n);
    expect(mapSubnet(raw({}, { weightsVersionKey: null })).subnet.weightsVersionKey).toBeNull();
    expect(mapSubnet(raw({}, { weightsVersionKey: 2n ** 64n - 1n })).subnet.weightsVersionKey).toBeNull();
  });
});

describe('fixed32ToNumber', () => {
  it('keeps the integer part of I96F32 values (unlike the Python SDK shortcut)', () => {
    expect(fixed32ToNumber(1234n * 2n ** 32n + 2n ** 30n)).toBe(1234.25);
    expect(fixed32ToNumber(-(2n ** 31n))).toBe(-0.5);
  });
});
