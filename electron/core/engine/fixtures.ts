/**
 * Builders for engine inputs: a complete, plausible subnet with every field set, which a test or the benchmark
 * overrides only where it matters. Also the seeded PRNG the benchmark and synthetic subnets use.
 */
import type { NetworkSnapshot, NeuronSnapshot, SubnetSnapshot } from '../../../shared/domain';
import type { Scenario, SubnetInput } from '../../../shared/economics';

export function makeNetwork(overrides: Partial<NetworkSnapshot> = {}): NetworkSnapshot {
  return {
    blockEmissionRao: 1_000_000_000n,
    totalIssuanceRao: 10_000_000n * 1_000_000_000n,
    subnetOwnerCutU16: 11796, // ≈ 18%
    subnetLimit: 128,
    networkImmunityPeriodBlocks: 1_296_000,
    subnetToPrune: null,
    priceSource: 'swap-all',
    missingReads: [],
    ...overrides,
  };
}

export function makeSubnet(overrides: Partial<SubnetSnapshot> = {}): SubnetSnapshot {
  return {
    netuid: 1,
    name: 'test',
    symbol: 'α',
    ownerHotkey: 'owner-hot',
    ownerColdkey: 'owner-cold',
    tempo: 360,
    blocksSinceLastStep: 0,
    registeredAtBlock: 0,
    taoReserveRao: 1_000_000_000_000n,
    alphaReserveRao: 10_000_000_000_000n,
    alphaOutstandingRao: 1_000_000_000_000n,
    alphaPriceRao: 100_000_000n,
    movingPrice: 0.1,
    taoInEmissionRao: 10_000_000n,
    excessTaoRao: 0n,
    alphaOutEmissionRao: 1_000_000_000n,
    alphaInEmissionRao: 100_000_000n,
    pendingAlphaEmissionRao: 0n,
    subnetVolumeRao: 0n,
    burnRao: 1_000_000_000n,
    minBurnRao: 500_000n,
    maxBurnRao: 100_000_000_000n,
    immunityPeriodBlocks: 4096,
    maxUids: 256,
    uidCount: 0,
    registrationAllowed: true,
    ownerCutEnabled: true,
    minerBurnedFraction: null,
    emissionEnabled: true,
    mechanismCount: 1,
    mechanismSplitU16: null,
    identity: null,
    immuneOwnerUidsLimit: 1,
    minNonImmuneUids: 10,
    burnHalfLife: 360,
    burnIncreaseMult: 1.26,
    subtokenEnabled: true,
    firstEmissionBlock: 1,
    weightsVersionKey: 0n,
    ...overrides,
  };
}

export function makeNeuron(overrides: Partial<NeuronSnapshot> & { uid: number }): NeuronSnapshot {
  return {
    netuid: 1,
    hotkey: `hot-${overrides.uid}`,
    coldkey: `cold-${overrides.uid}`,
    active: true,
    validatorPermit: false,
    incentivesU16: [0],
    dividendsU16: 0,
    consensusU16: 0,
    emissionRao: 0n,
    registeredAtBlock: 0,
    lastUpdateBlock: 0,
    alphaStakeRao: 0n,
    taoStakeRao: 0n,
    totalStakeRao: 0n,
    ...overrides,
  };
}

export function makeInput(
  subnet: SubnetSnapshot,
  neurons: NeuronSnapshot[] | null,
  blockNumber = 1_000_000,
  network: NetworkSnapshot = makeNetwork(),
): SubnetInput {
  return { blockNumber, blockTimeMs: 1_700_000_000_000 + blockNumber * 12_000, network, subnet, neurons };
}

export function makeScenario(overrides: Partial<Scenario> = {}): Scenario {
  return {
    taoPriceUsd: 400,
    rentUsdPerMonth: 300,
    position: { kind: 'percentile', percentile: 50 },
    competitorCount: null,
    horizonMonths: 3,
    sellDiscount: 0,
    ...overrides,
  };
}

/** mulberry32: a tiny deterministic PRNG in [0, 1), so synthetic data is the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A full subnet of `uids` UIDs with a long-tailed incentive curve (a few miners earn most), some validators, an
 * owner UID, zero-earners and recent registrations — the shape real subnets have.
 */
export function syntheticSubnet(
  netuid: number,
  uids: number,
  random: () => number,
  blockNumber = 1_000_000,
): SubnetInput {
  const validators = Math.min(16, Math.floor(uids / 8));
  const raw: number[] = [];
  for (let i = 0; i < uids; i++) {
    const isValidator = i > 0 && i <= validators;
    const earns = !isValidator && random() < 0.7;
    raw.push(earns ? Math.pow(random(), 4) : 0);
  }
  raw[0] = random() < 0.3 ? 0.5 : 0; // the owner UID burns half the pool on some subnets
  const total = raw.reduce((s, v) => s + v, 0) || 1;
  const tempo = 360;
  const minerPoolPerEpochRao = 0.41 * 1e9 * tempo;
  const neurons: NeuronSnapshot[] = raw.map((r, uid) => {
    const incentive = Math.round((r / total) * 65535);
    const isValidator = uid > 0 && uid <= validators;
    return makeNeuron({
      netuid,
      uid,
      hotkey: uid === 0 ? 'owner-hot' : `hot-${netuid}-${uid}`,
      coldkey: `cold-${netuid}-${Math.floor(uid / 3)}`,
      validatorPermit: isValidator || uid === 0,
      incentivesU16: [incentive],
      dividendsU16: isValidator ? Math.round(65535 / validators) : 0,
      emissionRao: BigInt(
        Math.round(isValidator ? minerPoolPerEpochRao / validators : (incentive / 65535) * minerPoolPerEpochRao),
      ),
      registeredAtBlock: Math.floor(blockNumber - random() * 200_000),
    });
  });
  const subnet = makeSubnet({
    netuid,
    uidCount: uids,
    maxUids: uids,
    tempo,
    alphaPriceRao: BigInt(Math.round(random() * 0.1 * 1e9)) + 1_000_000n,
    burnRao: BigInt(Math.round(random() * 8 * 1e9)),
    taoInEmissionRao: BigInt(Math.round(random() * 20_000_000)),
  });
  return makeInput(subnet, neurons, blockNumber);
}

/**
 * The hand-worked subnet of the tests (block 1,000,000; tempo 360; immunity 7200 blocks = 1 day; full at 7 UIDs).
 * Owner cut 13107/65535 = 0.2 and 1 alpha/block: miner pool 1 × 0.8 × ½ × 7200 = 2880 alpha/day; 0.4 alpha/block
 * × 360 = 144 alpha per epoch. Price 0.005 TAO, burn 2 TAO, TAO per block 0.2 injected + 0.05 excess of 1.
 * Incentives in fifteenths (65535 / 15 = 4369 exactly):
 *   uid 0  owner hotkey, permit, 3/15  (burned)       emission 3/15 × 144 = 28.8 alpha/epoch
 *   uid 1  validator, permit, 0, dividends 1          emission 144 alpha/epoch
 *   uid 2  miner, coldkey A, 6/15                     emission 57.6
 *   uid 3  miner, coldkey A, 3/15                     emission 28.8
 *   uid 4  miner, coldkey B, 2/15                     emission 19.2
 *   uid 5  miner, coldkey C, 1/15                     emission 9.6
 *   uid 6  miner, coldkey D, 0, registered 1000 blocks ago (immune)
 */
export function workedExample(): SubnetInput {
  const fifteenth = 4369;
  const alpha = (units: number): bigint => BigInt(Math.round(units * 10)) * 100_000_000n;
  const subnet = makeSubnet({
    netuid: 7,
    ownerHotkey: 'owner',
    tempo: 360,
    immunityPeriodBlocks: 7200,
    maxUids: 7,
    uidCount: 7,
    alphaOutEmissionRao: 1_000_000_000n,
    alphaPriceRao: 5_000_000n,
    burnRao: 2_000_000_000n,
    taoInEmissionRao: 200_000_000n,
    excessTaoRao: 50_000_000n,
    minerBurnedFraction: 0.2,
  });
  const neurons = [
    makeNeuron({ uid: 0, hotkey: 'owner', coldkey: 'owner-cold', validatorPermit: true, incentivesU16: [3 * fifteenth], emissionRao: alpha(28.8) }),
    makeNeuron({ uid: 1, hotkey: 'val', coldkey: 'val-cold', validatorPermit: true, dividendsU16: 65535, emissionRao: alpha(144), registeredAtBlock: 10 }),
    makeNeuron({ uid: 2, hotkey: 'm2', coldkey: 'A', incentivesU16: [6 * fifteenth], emissionRao: alpha(57.6), registeredAtBlock: 100 }),
    makeNeuron({ uid: 3, hotkey: 'm3', coldkey: 'A', incentivesU16: [3 * fifteenth], emissionRao: alpha(28.8), registeredAtBlock: 200 }),
    makeNeuron({ uid: 4, hotkey: 'm4', coldkey: 'B', incentivesU16: [2 * fifteenth], emissionRao: alpha(19.2), registeredAtBlock: 300 }),
    makeNeuron({ uid: 5, hotkey: 'm5', coldkey: 'C', incentivesU16: [fifteenth], emissionRao: alpha(9.6), registeredAtBlock: 400 }),
    makeNeuron({ uid: 6, hotkey: 'm6', coldkey: 'D', incentivesU16: [0], emissionRao: 0n, registeredAtBlock: 999_000 }),
  ];
  return makeInput(subnet, neurons, 1_000_000, makeNetwork({ subnetOwnerCutU16: 13107 }));
}
