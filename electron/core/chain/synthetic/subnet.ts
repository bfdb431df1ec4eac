/**
 * One subnet at one block. Metagraph vectors are those of the subnet's last epoch (as on chain: incentive,
 * dividends and emission only change when the epoch runs), computed for the neurons that held the UIDs then;
 * a UID re-registered since the epoch shows zeros. Emission per UID is the chain's rule: incentive share ×
 * the miner half of the epoch's alpha (split across mechanisms) plus dividend share × the validator half.
 */
import type { RawMetagraph, RawSubnetState } from '../raw';
import { account, AccountKind } from './accounts';
import {
  ACTIVITY_CUTOFF, BURN_HALF_LIFE, BURN_INCREASE_MULT, defaultSubnetStorage, RAO, SUBNET_OWNER_CUT, TAO_WEIGHT,
} from './constants';
import { baseWeight, normalizeU16 } from './distributions';
import { marketAt, type MarketAt } from './market';
import { nextReplacementAfter, registrationAt } from './occupancy';
import type { SubnetPlan } from './plan';
import { gaussian, hash, stream, unit, valueNoise } from './rng';
import { poolIndex, type PoolValidator } from './validators';
import { teamHolder, teamRegistrationAt } from './team';

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

interface Occupancy {
  /** Registration block of each UID's current holder (the array length is the UID count). */
  regs: number[];
  /** Key of the neuron that held the UID at the epoch, -1 if it re-registered since (no epoch values). */
  occupant: number[];
  /** Ramp-up × fade-out × drift of each epoch holder's performance. */
  timeFactor: number[];
}

function occupancyAt(plan: SubnetPlan, block: number, epoch: number): Occupancy {
  const { seed, netuid, tempo } = plan;
  const out: Occupancy = { regs: [], occupant: [], timeFactor: [] };
  for (const slot of plan.slots) {
    const natural = registrationAt(slot, block);
    if (natural < 0) break; // slots fill in UID order
    const reg = teamRegistrationAt(plan, slot, natural, block) ?? natural;
    out.regs.push(reg);
    if (reg > epoch) {
      out.occupant.push(-1);
      out.timeFactor.push(0);
      continue;
    }
    const key = hash(seed, TAG_OCCUPANT, netuid, slot.slot, reg);
    const next = nextReplacementAfter(slot, epoch);
    const fade = next === null ? 1 : Math.min(1, Math.max(0, (next - epoch - FADE_FLOOR_EPOCHS * (tempo + 1)) / FADE_BLOCKS));
    const ramp = Math.min(1, 0.05 + (epoch - reg) / RAMP_BLOCKS);
    out.occupant.push(key);
    out.timeFactor.push(fade * ramp * Math.exp(0.3 * valueNoise(seed, key, epoch, 7_200)));
  }
  return out;
}

interface Neuron {
  role: Role;
  hotkey: string;
  coldkey: string;
  alphaStake: number;
  taoStake: bigint;
  /** What validator dividends are proportional to (stake × a little vtrust noise); 0 for others. */
  stakeWeight: number;
}

function neuronAt(plan: SubnetPlan, pool: readonly PoolValidator[], uid: number, reg: number, block: number, epoch: number): Neuron {
  const { seed, netuid } = plan;
  const role = roleOf(plan, uid);
  if (role === 'owner') {
    return { role, hotkey: plan.ownerHotkey, coldkey: plan.ownerColdkey, alphaStake: 50_000 * RAO, taoStake: 0n, stakeWeight: 0 };
  }
  if (role === 'miner') {
    const keys = teamHolder(plan, uid, reg) ?? minerKeys(plan, uid, reg);
    return { role, hotkey: keys.hotkey, coldkey: keys.coldkey, alphaStake: 0, taoStake: 0n, stakeWeight: 0 };
  }
  const v = pool[poolIndex(seed, netuid, uid - plan.firstValidator)];
  if (!v) throw new Error('validator pool too small');
  const drift = 1 + 0.05 * valueNoise(seed, stream(TAG_STAKE, netuid), block, 7_200);
  const alpha = 200_000 * RAO * Math.exp(gaussian(seed, TAG_STAKE, netuid, uid)) * drift;
  const vtrust = 0.9 + 0.1 * unit(seed, TAG_STAKE, netuid, uid, epoch);
  return {
    role, hotkey: v.hotkey, coldkey: v.coldkey, alphaStake: Math.floor(alpha), taoStake: v.rootStake,
    stakeWeight: (alpha + Number(v.rootStake) * TAO_WEIGHT) * vtrust,
  };
}

export function draftSubnet(plan: SubnetPlan, pool: readonly PoolValidator[], block: number): SubnetDraft {
  const { seed, netuid, tempo, profile } = plan;
  const epoch = Math.max(plan.registeredAt, block - ((block + netuid + 1) % (tempo + 1)));
  const market = marketAt(plan.market, block);
  const alphaOutEmission = market.alphaIn + market.alphaOut < ALPHA_HALVING_SUPPLY ? 1_000_000_000n : 500_000_000n;
  const cut = profile.ownerCutEnabled ? SUBNET_OWNER_CUT / 65535 : 0;
  const minerPool = (Number(alphaOutEmission) * tempo * (1 - cut)) / 2;

  const { regs, occupant, timeFactor } = occupancyAt(plan, block, epoch);
  const mechWeights: number[][] = [];
  for (let m = 0; m < profile.mechanismCount; m++) mechWeights.push(mechanismWeights(plan, occupant, timeFactor, m));
  const incentives = mechWeights.map(normalizeU16);
  const incentive0 = incentives[0] ?? regs.map(() => 0);
  const split = profile.mechanismSplit ?? incentives.map(() => 1);
  const splitTotal = split.reduce((a, b) => a + b, 0);
  const weights0 = mechWeights[0] ?? [];
  const maxWeight = Math.max(0, ...weights0);

  const neurons = regs.map((reg, uid) => neuronAt(plan, pool, uid, reg, block, epoch));
  const dividends = normalizeU16(neurons.map((nr) => nr.stakeWeight));
  const emission = neurons.map((_, uid) => {
    const minerShare = incentives.reduce((acc, vec, m) => acc + ((vec[uid] ?? 0) / 65535) * ((split[m] ?? 0) / splitTotal), 0);
    return Math.floor(minerShare * minerPool + ((dividends[uid] ?? 0) / 65535) * minerPool);
  });
  const lastUpdate = neurons.map((nr, uid) => {
    const reg = regs[uid] ?? 0;
    const jitter = hash(seed, TAG_UPDATE, netuid, uid, epoch);
    if (nr.role === 'validator') return Math.max(reg, epoch - (jitter % 60));
    return (emission[uid] ?? 0) > 0 && reg <= epoch ? Math.max(reg, epoch - (jitter % tempo)) : reg;
  });
  const alphaStake = neurons.map((nr, uid) => {
    if (nr.role !== 'miner') return BigInt(nr.alphaStake);
    // Miners hold what they earned over their last ~30 epochs, half of it already sold.
    const reg = regs[uid] ?? 0;
    const held = (emission[uid] ?? 0) * Math.min(30, (block - reg) / tempo) * 0.5;
    return BigInt(Math.floor(held + RAO * 2 * unit(seed, TAG_STAKE, netuid, uid, reg)));
  });

  const metagraph: RawMetagraph = {
    netuid, block: BigInt(block), numUids: regs.length, maxUids: plan.capacity,
    burn: burnAt(plan, regs, block), minBurn: plan.minBurn, maxBurn: plan.maxBurn,
    registrationAllowed: profile.registrationAllowed, immunityPeriod: plan.immunityPeriod,
    hotkeys: neurons.map((nr) => nr.hotkey),
    coldkeys: neurons.map((nr) => nr.coldkey),
    active: lastUpdate.map((u) => block - u <= ACTIVITY_CUTOFF),
    validatorPermit: neurons.map((nr) => nr.role === 'validator'),
    lastUpdate: lastUpdate.map(BigInt),
    emission: emission.map(BigInt),
    dividends,
    incentives: incentive0,
    consensus: neurons.map((nr, uid) =>
      nr.role === 'miner' && maxWeight > 0 ? Math.round(((weights0[uid] ?? 0) / maxWeight) * 65535) : 0),
    blockAtRegistration: regs.map(BigInt),
    alphaStake,
    taoStake: neurons.map((nr) => nr.taoStake),
    totalStake: neurons.map((nr, uid) => (alphaStake[uid] ?? 0n) + BigInt(Math.floor(Number(nr.taoStake) * TAO_WEIGHT))),
  };
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
      ...defaultSubnetStorage(plan.registeredAt),
    },
    priceRao: market.priceRao,
  };
}
