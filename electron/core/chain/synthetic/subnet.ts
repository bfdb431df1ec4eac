/**
 * One subnet at one block. Metagraph vectors are those of the subnet's last epoch (as on chain: incentive,
 * dividends and emission only change when the epoch runs), computed for the neurons that held the UIDs then;
 * a UID re-registered since the epoch shows zeros. Emission per UID is the chain's rule: incentive share ×
 * the miner half of the epoch's alpha (split across mechanisms) plus dividend share × the validator half.
 */
import type { RawMetagraph, RawSubnetState } from '../raw';
import { account, AccountKind } from './accounts';
import {
  ACTIVITY_CUTOFF, BURN_HALF_LIFE, BURN_INCREASE_MULT, RAO, SUBNET_OWNER_CUT, TAO_WEIGHT,
} from './constants';
import { baseWeight, normalizeU16 } from './distributions';
import { marketAt, type MarketAt } from './market';
import { nextReplacementAfter, registrationAt } from './occupancy';
import type { SubnetPlan } from './plan';
import { gaussian, hash, stream, unit, valueNoise } from './rng';
import { poolIndex, type PoolValidator } from './validators';

const TAG_OCCUPANT = 501;
const TAG_SKILL = 502;
const TAG_OPERATOR = 503;
const TAG_COLDKEY = 504;
const TAG_STAKE = 505;
const TAG_UPDATE = 506;

/** Blocks a newcomer needs to reach full performance: immune UIDs earn little. */
const RAMP_BLOCKS = 4_000;
/** An occupant's performance fades over this many blocks before its replacement... */
const FADE_BLOCKS = 5_000;
/** ...and is zero for the last two epochs, so the UID a newcomer takes earned nothing in the last epoch. */
const FADE_FLOOR_EPOCHS = 2;
const BURN_WINDOW = BURN_HALF_LIFE * 12;
const OPERATOR_SHARE = 0.35;
const COLDKEY_POOL = 4_000;
const ALPHA_HALVING_SUPPLY = 10_500_000n * BigInt(RAO);

/** Everything about a subnet at a block except the TAO it receives, which depends on the whole network. */
export interface SubnetDraft {
  plan: SubnetPlan;
  block: number;
  epochBlock: number;
  market: MarketAt;
  alphaOutEmission: bigint;
  metagraph: RawMetagraph;
  extraMechanismIncentives: number[][];
  /** Share of the last epoch's miner incentive that landed on the owner UID (MinerBurned). */
  minerBurnedFraction: number;
}

type Role = 'owner' | 'validator' | 'miner';

interface MinerKeys {
  reg: number;
  hotkey: string;
  coldkey: string;
}
/** Last occupant's keys per slot: consecutive blocks mostly see the same occupants, so this skips the lookups. */
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

function roleOf(plan: SubnetPlan, uid: number): Role {
  if (uid === plan.ownerSlot) return 'owner';
  return uid < plan.firstValidator + plan.validatorCount ? 'validator' : 'miner';
}

/** Registration-price path over the last BURN_WINDOW blocks: ×1.26 per registration, halving every 360 blocks. */
function burnAt(plan: SubnetPlan, registrations: number[], block: number): bigint {
  const min = Number(plan.minBurn);
  const max = Number(plan.maxBurn);
  let burn = min;
  let t = block - BURN_WINDOW;
  for (const r of registrations.filter((b) => b > block - BURN_WINDOW).sort((a, b) => a - b)) {
    burn = Math.max(min, burn * 0.5 ** ((r - t) / BURN_HALF_LIFE));
    burn = Math.min(max, burn * BURN_INCREASE_MULT);
    t = r;
  }
  return BigInt(Math.floor(Math.max(min, burn * 0.5 ** ((block - t) / BURN_HALF_LIFE))));
}

/** Miner weights for one mechanism at the epoch; `occupant[uid]` is -1 where the UID has no epoch values. */
function mechanismWeights(plan: SubnetPlan, occupant: number[], timeFactor: number[], mech: number): number[] {
  const { distribution } = plan.profile;
  const weights = new Array<number>(occupant.length).fill(0);
  const miners: Array<{ uid: number; u: number; z: number }> = [];
  for (let uid = 0; uid < occupant.length; uid++) {
    const key = occupant[uid] ?? -1;
    if (key < 0 || roleOf(plan, uid) !== 'miner') continue;
    miners.push({ uid, u: unit(plan.seed, TAG_SKILL, key, mech), z: gaussian(plan.seed, TAG_SKILL, key, mech) });
  }
  const ranked = [...miners].sort((a, b) => b.u - a.u);
  let minerTotal = 0;
  ranked.forEach((m, rank) => {
    const w = baseWeight(distribution, m.u, m.z, rank, miners.length) * (timeFactor[m.uid] ?? 0);
    weights[m.uid] = Math.max(0, w);
    minerTotal += weights[m.uid] ?? 0;
  });
  if (plan.ownerSlot >= 0 && (occupant[plan.ownerSlot] ?? -1) >= 0) {
    weights[plan.ownerSlot] = distribution === 'fullBurn' || minerTotal <= 0
      ? 1
      : (minerTotal * plan.ownerShare) / (1 - plan.ownerShare);
  }
  return weights;
}

export function draftSubnet(plan: SubnetPlan, pool: readonly PoolValidator[], block: number): SubnetDraft {
  const { seed, netuid, tempo, profile } = plan;
  const epoch = Math.max(plan.registeredAt, block - ((block + netuid + 1) % (tempo + 1)));
  const market = marketAt(plan.market, block);
  const alphaOutEmission = market.alphaIn + market.alphaOut < ALPHA_HALVING_SUPPLY ? 1_000_000_000n : 500_000_000n;
  const cut = profile.ownerCutEnabled ? SUBNET_OWNER_CUT / 65535 : 0;
  const minerPool = (Number(alphaOutEmission) * tempo * (1 - cut)) / 2;

  // Who holds each UID now, and who held it at the epoch (their identity keys the epoch's values).
  const regs: number[] = [];
  const occupant: number[] = [];
  const timeFactor: number[] = [];
  for (const slot of plan.slots) {
    const reg = registrationAt(slot, block);
    if (reg < 0) break;
    regs.push(reg);
    const regAtEpoch = reg <= epoch ? reg : -1;
    occupant.push(regAtEpoch < 0 ? -1 : hash(seed, TAG_OCCUPANT, netuid, slot.slot, regAtEpoch));
    if (regAtEpoch < 0) {
      timeFactor.push(0);
      continue;
    }
    const next = nextReplacementAfter(slot, epoch);
    const fade = next === null ? 1 : Math.min(1, Math.max(0, (next - epoch - FADE_FLOOR_EPOCHS * (tempo + 1)) / FADE_BLOCKS));
    const ramp = Math.min(1, 0.05 + (epoch - regAtEpoch) / RAMP_BLOCKS);
    const drift = Math.exp(0.3 * valueNoise(seed, occupant[occupant.length - 1] ?? 0, epoch, 7_200));
    timeFactor.push(fade * ramp * drift);
  }
  const n = regs.length;

  const mechWeights: number[][] = [];
  for (let m = 0; m < profile.mechanismCount; m++) mechWeights.push(mechanismWeights(plan, occupant, timeFactor, m));
  const incentives = mechWeights.map(normalizeU16);
  const splitRaw = profile.mechanismSplit ?? new Array<number>(profile.mechanismCount).fill(1);
  const splitTotal = splitRaw.reduce((a, b) => a + b, 0);

  const hotkeys: string[] = [];
  const coldkeys: string[] = [];
  const alphaStake: number[] = [];
  const taoStake: bigint[] = [];
  const stakeWeight: number[] = [];
  for (let uid = 0; uid < n; uid++) {
    const reg = regs[uid] ?? 0;
    const role = roleOf(plan, uid);
    if (role === 'owner') {
      hotkeys.push(plan.ownerHotkey);
      coldkeys.push(plan.ownerColdkey);
      alphaStake.push(50_000 * RAO);
      taoStake.push(0n);
      stakeWeight.push(0);
    } else if (role === 'validator') {
      const v = pool[poolIndex(seed, netuid, uid - plan.firstValidator)];
      if (!v) throw new Error('validator pool too small');
      hotkeys.push(v.hotkey);
      coldkeys.push(v.coldkey);
      const alpha = 200_000 * RAO * Math.exp(gaussian(seed, TAG_STAKE, netuid, uid)) * (1 + 0.05 * valueNoise(seed, stream(TAG_STAKE, netuid), block, 7_200));
      alphaStake.push(Math.floor(alpha));
      taoStake.push(v.rootStake);
      stakeWeight.push((alpha + Number(v.rootStake) * TAO_WEIGHT) * (0.9 + 0.1 * unit(seed, TAG_STAKE, netuid, uid, epoch)));
    } else {
      const keys = minerKeys(plan, uid, reg);
      hotkeys.push(keys.hotkey);
      coldkeys.push(keys.coldkey);
      alphaStake.push(0);
      taoStake.push(0n);
      stakeWeight.push(0);
    }
  }
  const dividends = normalizeU16(stakeWeight);
  const incentive0 = incentives[0] ?? new Array<number>(n).fill(0);
  const weights0 = mechWeights[0] ?? [];
  const maxWeight = Math.max(0, ...weights0);

  const metagraph: RawMetagraph = {
    netuid, block: BigInt(block), numUids: n, maxUids: plan.capacity,
    burn: burnAt(plan, regs, block), minBurn: plan.minBurn, maxBurn: plan.maxBurn,
    registrationAllowed: profile.registrationAllowed, immunityPeriod: plan.immunityPeriod,
    hotkeys, coldkeys, active: [], validatorPermit: [], lastUpdate: [], emission: [], dividends,
    incentives: incentive0, consensus: [], blockAtRegistration: regs.map(BigInt),
    alphaStake: [], taoStake, totalStake: [],
  };
  for (let uid = 0; uid < n; uid++) {
    const reg = regs[uid] ?? 0;
    const role = roleOf(plan, uid);
    let minerShare = 0;
    incentives.forEach((vec, m) => {
      minerShare += ((vec[uid] ?? 0) / 65535) * ((splitRaw[m] ?? 0) / splitTotal);
    });
    const emission = Math.floor(minerShare * minerPool + ((dividends[uid] ?? 0) / 65535) * minerPool);
    const earning = emission > 0;
    const jitter = hash(seed, TAG_UPDATE, netuid, uid, epoch);
    const lastUpdate = role === 'validator'
      ? Math.max(reg, epoch - (jitter % 60))
      : earning && reg <= epoch ? Math.max(reg, epoch - (jitter % tempo)) : reg;
    // Miners hold what they earned over their last ~30 epochs, half of it already sold.
    const ageEpochs = Math.min(30, (block - reg) / tempo);
    const alpha = role === 'miner'
      ? Math.floor(emission * ageEpochs * 0.5 + RAO * 2 * unit(seed, TAG_STAKE, netuid, uid, reg))
      : alphaStake[uid] ?? 0;
    const tao = taoStake[uid] ?? 0n;
    metagraph.emission.push(BigInt(emission));
    metagraph.lastUpdate.push(BigInt(lastUpdate));
    metagraph.active.push(block - lastUpdate <= ACTIVITY_CUTOFF);
    metagraph.validatorPermit.push(role === 'validator');
    metagraph.consensus.push(role === 'miner' && maxWeight > 0 ? Math.round(((weights0[uid] ?? 0) / maxWeight) * 65535) : 0);
    metagraph.alphaStake.push(BigInt(alpha));
    metagraph.totalStake.push(BigInt(alpha) + BigInt(Math.floor(Number(tao) * TAO_WEIGHT)));
  }
  const ownerIncentive = plan.ownerSlot >= 0 ? incentive0[plan.ownerSlot] ?? 0 : 0;
  return {
    plan, block, epochBlock: epoch, market, alphaOutEmission, metagraph,
    extraMechanismIncentives: incentives.slice(1),
    minerBurnedFraction: profile.distribution === 'fullBurn' ? 1 : ownerIncentive / 65535,
  };
}

/** Completes a draft with the TAO the subnet receives per block (its share of BlockEmission). */
export function finishSubnet(draft: SubnetDraft, taoPerBlock: bigint, injectedShare: number): RawSubnetState {
  const { plan, market, metagraph, block, epochBlock, alphaOutEmission } = draft;
  const taoInEmission = BigInt(Math.floor(Number(taoPerBlock) * injectedShare));
  const cutU16 = plan.profile.ownerCutEnabled ? BigInt(SUBNET_OWNER_CUT) : 0n;
  const sinceStep = BigInt(block - epochBlock);
  return {
    dynamic: {
      netuid: plan.netuid, ownerHotkey: plan.ownerHotkey, ownerColdkey: plan.ownerColdkey,
      subnetName: plan.name, tokenSymbol: plan.symbol, tempo: plan.tempo,
      lastStep: BigInt(epochBlock), blocksSinceLastStep: sinceStep,
      alphaIn: market.alphaIn, alphaOut: market.alphaOut, taoIn: market.taoIn,
      alphaOutEmission, alphaInEmission: (taoInEmission * BigInt(RAO)) / market.priceRao, taoInEmission,
      pendingAlphaEmission: (sinceStep * alphaOutEmission * (65535n - cutU16)) / 65535n,
      subnetVolume: market.subnetVolume, networkRegisteredAt: BigInt(plan.registeredAt),
      subnetIdentity: plan.identity, movingPriceBits: market.movingPriceBits,
    },
    metagraph,
    extraMechanismIncentives: draft.extraMechanismIncentives,
    storage: {
      burn: metagraph.burn,
      excessTao: taoPerBlock - taoInEmission,
      minerBurnedBits: BigInt(Math.round(draft.minerBurnedFraction * 2 ** 32)),
      ownerCutEnabled: plan.profile.ownerCutEnabled,
      emissionEnabled: plan.profile.emissionEnabled,
      immunityPeriod: plan.immunityPeriod,
      mechanismCount: plan.profile.mechanismCount,
      mechanismSplit: plan.profile.mechanismSplit,
    },
    priceRao: market.priceRao,
  };
}
