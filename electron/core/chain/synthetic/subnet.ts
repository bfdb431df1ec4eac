/**
 * One subnet at one block, read off its simulation (subnet-sim.ts) in the shapes the runtime returns. Metagraph
 * vectors are those of the subnet's last epoch, as on chain (incentive, dividends and emission only change when the
 * epoch runs); a UID re-registered since shows zeros. Nothing here re-derives an economic figure: emission,
 * incentives, MinerBurned and the burn are what the simulation paid and charged.
 */
import type { RawMetagraph, RawSubnetState } from '../raw';
import { account, AccountKind } from './accounts';
import { ACTIVITY_CUTOFF, RAO, TAO_WEIGHT } from './constants';
import { normalizeU16 } from './distributions';
import { marketAt, spotPrice, type MarketAt } from './market';
import type { SubnetPlan } from './plan';
import { hash, stream, unit, valueNoise } from './rng';
import { mechanismCountAt, registrationAllowedAt, weightsVersionKeyAt } from './owner-calls';
import { injection } from './rules';
import { Role, type SimState, type SubnetSim } from './subnet-sim';
import { teamOverlay } from './team';
import { poolIndex, type PoolValidator } from './validators';

const TAG_OPERATOR = 503;
const TAG_COLDKEY = 504;
const TAG_STAKE = 505;
const TAG_UPDATE = 506;

const OPERATOR_SHARE = 0.35;
const COLDKEY_POOL = 4_000;

/** Everything about a subnet at a block except the TAO it receives, which depends on the whole network. */
export interface SubnetDraft {
  plan: SubnetPlan;
  block: number;
  epochBlock: number;
  market: MarketAt;
  /** Emitted to at this block (get_subnets_to_emit_to). */
  emitted: boolean;
  /** SubnetAlphaOutEmission: alpha per block by the subnet's own halving curve (stale when not emitted to). */
  alphaOutEmission: bigint;
  rootProportion: number;
  pendingAlphaEmission: bigint;
  movingPrice: number;
  metagraph: RawMetagraph;
  extraMechanismIncentives: number[][];
  /** MinerBurned: share of the last epoch's miner emission withheld on owner hotkeys. */
  minerBurnedFraction: number;
}

interface MinerKeys {
  reg: number;
  hotkey: string;
  coldkey: string;
}
/** Last holder's keys per UID: consecutive blocks mostly see the same holders, so this skips the lookups. */
const minerKeyMemo = new WeakMap<SubnetPlan, MinerKeys[]>();

function minerKeys(plan: SubnetPlan, uid: number, reg: number): MinerKeys {
  let memo = minerKeyMemo.get(plan);
  if (!memo) minerKeyMemo.set(plan, (memo = []));
  const cached = memo[uid];
  if (cached && cached.reg === reg) return cached;
  const { seed, netuid } = plan;
  const operator = plan.profile.operator && unit(seed, TAG_OPERATOR, netuid, uid, reg) < OPERATOR_SHARE;
  const keys = {
    reg,
    hotkey: account(seed, AccountKind.minerHotkey, netuid, uid, reg),
    coldkey: operator
      ? account(seed, AccountKind.operatorColdkey, 0)
      : account(seed, AccountKind.minerColdkey, hash(seed, TAG_COLDKEY, netuid, uid, reg) % COLDKEY_POOL),
  };
  memo[uid] = keys;
  return keys;
}

function keysOf(
  plan: SubnetPlan,
  pool: readonly PoolValidator[],
  s: SimState,
  uid: number,
): { hotkey: string; coldkey: string; rootStake: bigint } {
  const role = s.role[uid];
  if (role === Role.ownerHotkey) return { hotkey: plan.ownerHotkey, coldkey: plan.ownerColdkey, rootStake: 0n };
  if (role === Role.ownerExtra)
    return {
      hotkey: account(plan.seed, AccountKind.ownerHotkey, plan.netuid, uid),
      coldkey: plan.ownerColdkey,
      rootStake: 0n,
    };
  if (role === Role.validator) {
    const v = pool[poolIndex(plan.seed, plan.netuid, uid - plan.firstValidator)];
    if (!v) throw new Error('validator pool too small');
    return { hotkey: v.hotkey, coldkey: v.coldkey, rootStake: v.rootStake };
  }
  const k = minerKeys(plan, uid, s.reg[uid]!);
  return { hotkey: k.hotkey, coldkey: k.coldkey, rootStake: 0n };
}

export function draftSubnet(sim: SubnetSim, pool: readonly PoolValidator[], block: number): SubnetDraft {
  const plan = sim.plan;
  const { seed, netuid, tempo } = plan;
  const s = sim.stateAt(block);
  const n = s.n;
  const M = s.mechanisms;
  const epoch = s.lastEpoch;
  const market = marketAt(plan.market, block, sim.issuanceAt(s, block));

  const incentives: number[][] = [];
  for (let m = 0; m < M; m++) {
    const v = new Array<number>(n);
    for (let uid = 0; uid < n; uid++) v[uid] = s.incentive[uid * M + m]!;
    incentives.push(normalizeU16(v));
  }
  const incentive0 = incentives[0] ?? [];
  const maxIncentive = Math.max(0, ...incentive0);
  const dividends = normalizeU16(Array.from(s.dividend.subarray(0, n)));

  const hotkeys: string[] = [];
  const coldkeys: string[] = [];
  const regs: bigint[] = [];
  const taoStake: bigint[] = [];
  const alphaStake: bigint[] = [];
  const lastUpdate: number[] = [];
  const drift = 1 + 0.05 * valueNoise(seed, stream(TAG_STAKE, netuid), block, 7_200);
  for (let uid = 0; uid < n; uid++) {
    const keys = keysOf(plan, pool, s, uid);
    const reg = s.reg[uid]!;
    const overlay = teamOverlay(plan, uid, reg, block);
    hotkeys.push(overlay?.hotkey ?? keys.hotkey);
    coldkeys.push(overlay?.coldkey ?? keys.coldkey);
    const shownReg = overlay?.registeredAt ?? reg;
    regs.push(BigInt(shownReg));
    taoStake.push(keys.rootStake);
    const role = s.role[uid];
    const jitter = hash(seed, TAG_UPDATE, netuid, uid, epoch);
    if (role === Role.validator) {
      alphaStake.push(BigInt(Math.floor(s.stake[uid]! * drift)));
      lastUpdate.push(Math.max(shownReg, epoch - (jitter % 60)));
    } else if (role !== Role.miner) {
      alphaStake.push(BigInt(50_000 * RAO));
      lastUpdate.push(Math.max(shownReg, epoch - (jitter % tempo)));
    } else {
      // Miners hold what they earned over their last ~30 epochs, half of it already sold.
      const held = s.server[uid]! * Math.min(30, Math.max(0, block - shownReg) / tempo) * 0.5;
      alphaStake.push(BigInt(Math.floor(held + RAO * 2 * unit(seed, TAG_STAKE, netuid, uid, shownReg))));
      lastUpdate.push(
        s.emission[uid]! > 0 && shownReg <= epoch ? Math.max(shownReg, epoch - (jitter % tempo)) : shownReg,
      );
    }
  }

  const metagraph: RawMetagraph = {
    netuid,
    block: BigInt(block),
    numUids: n,
    maxUids: plan.capacity,
    burn: BigInt(Math.floor(sim.burnAt(s, block))),
    minBurn: plan.minBurn,
    maxBurn: plan.maxBurn,
    registrationAllowed: registrationAllowedAt(plan, block),
    immunityPeriod: plan.immunityPeriod,
    hotkeys,
    coldkeys,
    active: lastUpdate.map((u) => block - u <= ACTIVITY_CUTOFF),
    validatorPermit: Array.from(s.role.subarray(0, n), (r) => r === Role.validator),
    lastUpdate: lastUpdate.map(BigInt),
    emission: Array.from(s.emission.subarray(0, n), (e) => BigInt(e)),
    dividends,
    incentives: incentive0,
    consensus: incentive0.map((x, uid) =>
      s.role[uid] === Role.miner && maxIncentive > 0 ? Math.round((x / maxIncentive) * 65535) : 0,
    ),
    blockAtRegistration: regs,
    alphaStake,
    taoStake,
    totalStake: alphaStake.map((a, uid) => a + BigInt(Math.floor(Number(taoStake[uid] ?? 0n) * TAO_WEIGHT))),
  };
  const emitted = sim.emittedAt(block);
  // SubnetAlphaOutEmission is written only for subnets emitted to: a subnet never started shows 0, one no longer
  // emitted to keeps its last (stale) value.
  const started = plan.firstEmissionBlock !== null && block >= plan.firstEmissionBlock;
  return {
    plan,
    block,
    epochBlock: epoch,
    market,
    emitted,
    alphaOutEmission: started ? BigInt(Math.floor(sim.alphaEmission(s, block))) : 0n,
    rootProportion: sim.rootProportion(s),
    pendingAlphaEmission: BigInt(emitted ? sim.pendingAlphaEmission(s, block) : 0),
    movingPrice: s.movingPrice,
    metagraph,
    // A mechanism the owner has not added yet is not on chain (its slot in the state stays empty).
    extraMechanismIncentives: incentives.slice(1, mechanismCountAt(plan, block)),
    minerBurnedFraction: s.minerBurned,
  };
}

/** Completes a draft with the TAO the subnet receives per block (its share of BlockEmission). */
export function finishSubnet(draft: SubnetDraft, taoPerBlock: number): RawSubnetState {
  const { plan, market, metagraph, block, epochBlock, alphaOutEmission } = draft;
  const price = spotPrice(plan.market, block);
  const inject = draft.emitted
    ? injection(taoPerBlock, price, draft.rootProportion, Number(alphaOutEmission))
    : { taoIn: 0, alphaIn: 0, excessTao: 0 };
  return {
    dynamic: {
      netuid: plan.netuid,
      ownerHotkey: plan.ownerHotkey,
      ownerColdkey: plan.ownerColdkey,
      subnetName: plan.name,
      tokenSymbol: plan.symbol,
      tempo: plan.tempo,
      lastStep: BigInt(epochBlock),
      blocksSinceLastStep: BigInt(block - epochBlock),
      alphaIn: market.alphaIn,
      alphaOut: market.alphaOut,
      taoIn: market.taoIn,
      alphaOutEmission,
      alphaInEmission: BigInt(inject.alphaIn),
      taoInEmission: BigInt(inject.taoIn),
      pendingAlphaEmission: draft.pendingAlphaEmission,
      subnetVolume: market.subnetVolume,
      networkRegisteredAt: BigInt(plan.registeredAt),
      subnetIdentity: plan.identity,
      movingPriceBits: BigInt(Math.round(draft.movingPrice * 2 ** 32)),
    },
    metagraph,
    extraMechanismIncentives: draft.extraMechanismIncentives,
    storage: {
      burn: metagraph.burn,
      excessTao: BigInt(inject.excessTao),
      minerBurnedBits: BigInt(Math.round(draft.minerBurnedFraction * 2 ** 32)),
      ownerCutEnabled: plan.profile.ownerCutEnabled,
      emissionEnabled: plan.profile.emissionEnabled,
      immunityPeriod: plan.immunityPeriod,
      mechanismCount: mechanismCountAt(plan, block),
      mechanismSplit: plan.profile.mechanismSplit,
      immuneOwnerUidsLimit: plan.immuneOwnerUidsLimit,
      minNonImmuneUids: plan.minNonImmuneUids,
      burnHalfLife: plan.burnHalfLife,
      burnIncreaseMult: plan.burnIncreaseMult,
      subtokenEnabled: plan.firstEmissionBlock !== null && block >= plan.firstEmissionBlock,
      firstEmissionBlock:
        plan.firstEmissionBlock !== null && block >= plan.firstEmissionBlock ? BigInt(plan.firstEmissionBlock) : null,
      weightsVersionKey: weightsVersionKeyAt(plan, block),
    },
    priceRao: market.priceRao,
  };
}
