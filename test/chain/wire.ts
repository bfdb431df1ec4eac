/**
 * Plain values for the runtime-API results, built from the generator's Raw* state. Keys are the camelCase
 * forms of the metadata's field names; the encoder picks the fields the served metadata declares, in its order,
 * and defaults the rest. So this file names fields but never decides a layout: serving an older or newer
 * runtime (fields added, removed, re-typed) needs no change here. Values the app does not read (rho, axons,
 * difficulty…) get plausible constants.
 */
import type { RawDynamicInfo, RawSubnetState } from '../../electron/core/chain/raw';
import { Some } from './scale';
import { ACTIVITY_CUTOFF, BURN_HALF_LIFE, MAX_VALIDATORS } from '../../electron/core/chain/synthetic/constants';

type Value = Record<string, unknown>;
const utf8 = new TextEncoder();
const U64_MAX_62 = (1n << 62n) - 1n;

export function dynamicInfoValue(d: RawDynamicInfo): Value {
  // emission and pending_root_emission are always 0 on chain since 2025 (chain-reference.md §1.3).
  return { ...d, emission: 0, pendingRootEmission: 0, movingPrice: { bits: d.movingPriceBits } };
}

/** Hyperparameters by name: get_subnet_hyperparams v1/v2 (each picks its fields), v3 and the metagraph. */
export function hyperparamsValue(sub: RawSubnetState): Value {
  const { metagraph: m, dynamic: d } = sub;
  return {
    rho: 10,
    kappa: 32_767,
    immunityPeriod: m.immunityPeriod,
    minAllowedWeights: 1,
    maxWeightsLimit: 65_535,
    tempo: d.tempo,
    minDifficulty: 10_000_000n,
    maxDifficulty: U64_MAX_62,
    weightsVersion: sub.storage.weightsVersionKey ?? 0n,
    weightsRateLimit: 100,
    adjustmentInterval: 360,
    activityCutoff: ACTIVITY_CUTOFF,
    registrationAllowed: m.registrationAllowed,
    powRegistrationAllowed: false,
    targetRegsPerInterval: 1,
    minBurn: m.minBurn,
    maxBurn: m.maxBurn,
    bondsMovingAvg: 900_000,
    maxRegsPerBlock: 1,
    servingRateLimit: 50,
    maxValidators: MAX_VALIDATORS,
    adjustmentAlpha: 0,
    difficulty: 10_000_000n,
    commitRevealPeriod: 1,
    commitRevealWeightsEnabled: true,
    alphaHigh: 58_982,
    alphaLow: 45_875,
    liquidAlphaEnabled: false,
    alphaSigmoidSteepness: { bits: 1000n << 32n },
    yumaVersion: 2,
    subnetIsActive: true,
    transfersEnabled: true,
    bondsResetEnabled: false,
    userLiquidityEnabled: false,
    burn: m.burn,
    numUids: m.numUids,
    maxUids: m.maxUids,
    ownerCutEnabled: sub.storage.ownerCutEnabled ?? true,
  };
}

/**
 * get_subnet_hyperparams_v3 entries: names from the current runtime (chain-reference.md §1.7), each with the
 * HyperparamValue variant the runtime uses for it. Variant names are checked against the metadata's enum by
 * the encoder.
 */
export function hyperparamsV3Value(sub: RawSubnetState): Value[] {
  const h = hyperparamsValue(sub);
  const u16 = (v: unknown) => ({ U16: v });
  const u64 = (v: unknown) => ({ U64: v });
  const bool = (v: unknown) => ({ Bool: v });
  const entries: Array<[string, Value]> = [
    ['kappa', u16(h.kappa)],
    ['immunity_period', u16(h.immunityPeriod)],
    ['min_allowed_weights', u16(h.minAllowedWeights)],
    ['max_weights_limit', u16(h.maxWeightsLimit)],
    ['tempo', u16(h.tempo)],
    ['weights_version', u64(h.weightsVersion)],
    ['weights_rate_limit', u64(h.weightsRateLimit)],
    ['activity_cutoff', u64(h.activityCutoff)],
    ['registration_allowed', bool(h.registrationAllowed)],
    ['target_regs_per_interval', u16(h.targetRegsPerInterval)],
    ['min_burn', { TaoBalance: h.minBurn }],
    ['max_burn', { TaoBalance: h.maxBurn }],
    ['burn_half_life', u16(BURN_HALF_LIFE)],
    ['burn_increase_mult', { U64F64: { bits: (126n << 64n) / 100n } }],
    ['bonds_moving_avg', u64(h.bondsMovingAvg)],
    ['max_regs_per_block', u16(h.maxRegsPerBlock)],
    ['serving_rate_limit', u64(h.servingRateLimit)],
    ['max_validators', u16(h.maxValidators)],
    ['commit_reveal_period', u64(h.commitRevealPeriod)],
    ['commit_reveal_weights_enabled', bool(h.commitRevealWeightsEnabled)],
    ['alpha_high', u16(h.alphaHigh)],
    ['alpha_low', u16(h.alphaLow)],
    ['liquid_alpha_enabled', bool(h.liquidAlphaEnabled)],
    ['alpha_sigmoid_steepness', { I32F32: h.alphaSigmoidSteepness }],
    ['yuma_version', u16(h.yumaVersion)],
    ['subnet_is_active', bool(h.subnetIsActive)],
    ['transfers_enabled', bool(h.transfersEnabled)],
    ['bonds_reset_enabled', bool(h.bondsResetEnabled)],
    ['user_liquidity_enabled', bool(h.userLiquidityEnabled)],
    ['owner_cut_enabled', bool(h.ownerCutEnabled)],
  ];
  return entries.map(([name, value]) => ({ name: utf8.encode(name), value }));
}

/** IPv4 in TEST-NET-3 (203.0.113.0/24), as the u128 AxonInfo.ip holds it. */
export function axonOf(uid: number, registeredAt: bigint): Value {
  return {
    block: registeredAt,
    version: 0,
    ip: (203 << 24) + (113 << 8) + (uid % 254) + 1,
    port: 8091 + (uid % 8),
    ipType: 4,
    protocol: 4,
  };
}

/**
 * Metagraph of `mech` (0 = the main one). On chain a mechagraph differs from the metagraph only in its
 * incentive (and last-update) vector, which is what the generator varies.
 */
export function metagraphValue(sub: RawSubnetState, mech: number): Value {
  const { dynamic: d, metagraph: m } = sub;
  const incentives = mech === 0 ? m.incentives : (sub.extraMechanismIncentives[mech - 1] ?? []);
  const validators: number[] = [];
  m.validatorPermit.forEach((permit, uid) => {
    if (permit) validators.push(uid);
  });
  return {
    ...hyperparamsValue(sub),
    netuid: d.netuid,
    name: d.subnetName,
    symbol: d.tokenSymbol,
    identity: d.subnetIdentity,
    networkRegisteredAt: d.networkRegisteredAt,
    ownerHotkey: d.ownerHotkey,
    ownerColdkey: d.ownerColdkey,
    block: m.block,
    lastStep: d.lastStep,
    blocksSinceLastStep: d.blocksSinceLastStep,
    subnetEmission: 0,
    alphaIn: d.alphaIn,
    alphaOut: d.alphaOut,
    taoIn: d.taoIn,
    alphaOutEmission: d.alphaOutEmission,
    alphaInEmission: d.alphaInEmission,
    taoInEmission: d.taoInEmission,
    pendingAlphaEmission: d.pendingAlphaEmission,
    pendingRootEmission: 0,
    subnetVolume: d.subnetVolume,
    movingPrice: { bits: d.movingPriceBits },
    hotkeys: m.hotkeys,
    coldkeys: m.coldkeys,
    identities: m.hotkeys.map(() => null),
    axons: m.blockAtRegistration.map((reg, uid) => axonOf(uid, reg)),
    active: m.active,
    validatorPermit: m.validatorPermit,
    // pruning_score, trust and rank are empty vectors since April 2026 (chain-reference.md §1.4).
    pruningScore: [],
    trust: [],
    rank: [],
    lastUpdate: m.lastUpdate,
    emission: m.emission,
    dividends: m.dividends,
    incentives,
    consensus: m.consensus,
    blockAtRegistration: m.blockAtRegistration,
    alphaStake: m.alphaStake,
    taoStake: m.taoStake,
    totalStake: m.totalStake,
    taoDividendsPerHotkey: validators.map((uid) => [m.hotkeys[uid], 0]),
    alphaDividendsPerHotkey: validators.map((uid) => [m.hotkeys[uid], m.emission[uid] ?? 0n]),
    validators,
    commitments: [],
  };
}

/**
 * SelectiveMetagraph: the metadata's field order is the index order (chain-reference.md §1.5); requested fields
 * carry the metagraph's value, the others None. netuid is always filled, as on chain.
 */
export function selectiveValue(full: Value, fieldKeys: readonly string[], indexes: readonly number[]): Value {
  const wanted = new Set(indexes);
  const out: Value = {};
  fieldKeys.forEach((key, i) => {
    // netuid is a plain field; the others are Options, and a requested one that is None on chain (identity)
    // must encode as Some(None), hence the explicit Some.
    out[key] = i === 0 ? full[key] : wanted.has(i) ? new Some(full[key]) : null;
  });
  return out;
}

/**
 * NeuronInfoLite (NeuronInfo adds empty weights and bonds: the simulation has no weight matrix). Rank, trust
 * and pruning score are the constants the chain now reports (chain-reference.md §1.6); stake is one entry,
 * the owner coldkey with the hotkey's alpha.
 */
export function neuronValue(sub: RawSubnetState, uid: number): Value {
  const m = sub.metagraph;
  return {
    hotkey: m.hotkeys[uid],
    coldkey: m.coldkeys[uid],
    uid,
    netuid: sub.dynamic.netuid,
    active: m.active[uid],
    axonInfo: axonOf(uid, m.blockAtRegistration[uid] ?? 0n),
    prometheusInfo: { block: 0, version: 0, ip: 0, port: 0, ipType: 0 },
    stake: [[m.coldkeys[uid], m.alphaStake[uid] ?? 0n]],
    rank: 0,
    emission: m.emission[uid],
    incentive: m.incentives[uid],
    consensus: m.consensus[uid],
    trust: 0,
    validatorTrust: 0,
    dividends: m.dividends[uid],
    lastUpdate: m.lastUpdate[uid],
    validatorPermit: m.validatorPermit[uid],
    weights: [],
    bonds: [],
    pruningScore: 65_535,
  };
}

/** SubnetInfo / SubnetInfov2 (legacy, every field also in the metagraph or dynamic info). */
export function subnetInfoValue(sub: RawSubnetState): Value {
  const h = hyperparamsValue(sub);
  const { dynamic: d, metagraph: m } = sub;
  return {
    ...h,
    netuid: d.netuid,
    maxAllowedValidators: h.maxValidators,
    scalingLawPower: 50,
    subnetworkN: m.numUids,
    maxAllowedUids: m.maxUids,
    blocksSinceLastStep: d.blocksSinceLastStep,
    networkModality: 0,
    networkConnect: [],
    emissionValues: 0,
    emissionValue: 0,
    burn: sub.storage.burn,
    owner: d.ownerColdkey,
    identity: d.subnetIdentity,
  };
}

/** SubnetState: the metagraph's per-UID vectors (emission history is not kept by the simulation). */
export function subnetStateValue(sub: RawSubnetState): Value {
  return { ...metagraphValue(sub, 0), emissionHistory: [] };
}

/** StakeInfo of one neuron's owner on its hotkey. */
export function stakeInfoValue(sub: RawSubnetState, uid: number): Value {
  const m = sub.metagraph;
  return {
    hotkey: m.hotkeys[uid],
    coldkey: m.coldkeys[uid],
    netuid: sub.dynamic.netuid,
    stake: m.alphaStake[uid] ?? 0n,
    locked: 0,
    emission: m.emission[uid] ?? 0n,
    taoEmission: 0,
    drain: 0,
    isRegistered: true,
  };
}
