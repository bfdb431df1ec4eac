/**
 * One subnet simulated the way subtensor runs it. Per block (in closed form between events, since nothing else
 * changes): alpha_out by the subnet's own alpha-issuance halving curve, the owner cut, the pending pools, issuance
 * growth, the burn's decay. Per registration (a Poisson stream of newcomers, each willing to pay up to some price):
 * the burn is charged and bumped, the newcomer takes a free UID or the one get_neuron_to_prune picks. Every `tempo`
 * blocks the epoch: incentive from a miner-quality model, dividends from validator stake, per-UID emission by the
 * chain's split, owner-hotkey incentive burned, the moving price updated. The rules themselves are in rules.ts.
 *
 * Any block's state is available on demand: the simulation replays forward from its start and keeps a checkpoint
 * every CHECKPOINT_EPOCHS epochs, so a past block costs at most that many epochs of replay.
 */
import { SIM_START_BLOCK, SUBNET_OWNER_CUT } from './constants';
import { spotPrice, startingMovingPrice } from './market';
import type { SubnetPlan } from './plan';
import { gaussian, hash, unit } from './rng';
import {
  blockEmissionForIssuance, bumpedBurn, decayedBurn, epochPayout, immuneOwnerUids, mechanismWeights, movingPriceAfter,
  neuronToPrune, nextHalvingIssuance, splitBlockAlpha, splitEmissions, type EpochPayout,
} from './rules';

/** What a UID's holder is. Owner hotkeys belong to the subnet owner's coldkey (incentive burned). */
export const Role = { miner: 0, validator: 1, ownerHotkey: 2, ownerExtra: 3 } as const;

const TAG_REG = 601;
const TAG_ATTEMPT = 602;
const TAG_WILL = 603;
const TAG_SKILL = 604;
const TAG_STAKE = 605;
const TAG_WARM = 606;
const TAG_LIFE = 607;

const CHECKPOINT_EPOCHS = 24;
/** A newcomer's miner needs time to reach full performance (about 10 h). */
const RAMP_BLOCKS = 3_000;
/** A miner runs for 2 days plus an exponential time of mean 30 days, fading over its last ~12 hours. */
const MIN_LIFETIME = 14_400;
const MINER_LIFETIME = 216_000;
const FADE_BLOCKS = 3_600;
/** Scores drift over a few days, so incentives move between epochs. */
const DRIFT_PERIOD = 21_600;
/** SubnetMovingAlpha (ST lib.rs default 0.000003) and EMAPriceHalvingBlocks (default 201,600). */
const MOVING_ALPHA = 0.000003;
const EMA_HALVING_BLOCKS = 201_600;
/** Drift factor exp(0.25 · sin) tabulated: looked up per UID per epoch, so no transcendental in the hot loop. */
const DRIFT_STEPS = 1024;
const DRIFT = Float64Array.from({ length: DRIFT_STEPS }, (_, i) => Math.exp(0.25 * Math.sin((2 * Math.PI * i) / DRIFT_STEPS)));
/** Owner hotkeys share the owner's incentive in these proportions (first = SubnetOwnerHotkey). */
const OWNER_SPLIT = [0.5, 0.3, 0.2];

/** The whole mutable state of one subnet at `block` (every event at or before it applied). */
export class SimState {
  block = 0;
  n = 0;
  reg: Float64Array;
  key: Uint32Array;
  role: Uint8Array;
  /** 1 where get_neuron_to_prune skips the UID (the owner's immortal hotkeys). */
  immortal: Uint8Array;
  /** 1 where the holder can be paid at all (validator, owner hotkey, or a miner that scores). */
  pays: Uint8Array;
  /** Quality per (uid × mechanism). */
  quality: Float32Array;
  /** Block at which the holder's miner stops (it fades over FADE_BLOCKS before, then scores nothing). */
  retiresAt: Float64Array;
  /** Drift phase (index into DRIFT). */
  phase: Uint16Array;
  /** Stake weight (validators; 0 for others). */
  stake: Float64Array;
  /** Last epoch: Emission storage, what was credited (miner side / validator side), normalised incentive per
   * (uid × mechanism) and dividends. Cleared for a UID when it is replaced (ST registration.rs replace_neuron). */
  emission: Float64Array;
  server: Float64Array;
  validatorPaid: Float64Array;
  incentive: Float64Array;
  dividend: Float64Array;
  burnBase = 0;
  burnBlock = 0;
  /** SubnetAlphaIn + SubnetAlphaOut, rao, as of `issuanceBlock`. */
  issuance = 0;
  issuanceBlock = 0;
  /** Pending server + validator + root alpha accrued since the last epoch, and the owner cut. */
  pending = 0;
  pendingOwnerCut = 0;
  lastEpoch = 0;
  /** The last epoch's total (alpha entering the epoch) and the incentive burned on owner hotkeys. */
  lastEpochTotal = 0;
  lastEpochBurned = 0;
  minerBurned = 0;
  movingPrice = 0;
  movingBlock = 0;
  registrations = 0;
  /** Attempts of the current interval (after the last epoch) already looked at. */
  attemptCursor = 0;

  /** All per-UID arrays live in one buffer, so a checkpoint is one copy. */
  private readonly buffer: ArrayBuffer;

  constructor(readonly capacity: number, readonly mechanisms: number, from?: ArrayBuffer) {
    const f64 = capacity * 8;
    const layout = { f64: f64 * (7 + mechanisms), f32: capacity * mechanisms * 4, u32: capacity * 4, u16: capacity * 2, u8: capacity * 3 };
    const bytes = layout.f64 + layout.f32 + layout.u32 + layout.u16 + layout.u8;
    this.buffer = from ? from.slice(0) : new ArrayBuffer(bytes);
    let at = 0;
    const take = <T>(make: (buffer: ArrayBuffer, offset: number, length: number) => T, length: number, size: number): T => {
      const view = make(this.buffer, at, length);
      at += length * size;
      return view;
    };
    const F64 = (b: ArrayBuffer, o: number, l: number) => new Float64Array(b, o, l);
    this.reg = take(F64, capacity, 8);
    this.retiresAt = take(F64, capacity, 8);
    this.stake = take(F64, capacity, 8);
    this.emission = take(F64, capacity, 8);
    this.server = take(F64, capacity, 8);
    this.validatorPaid = take(F64, capacity, 8);
    this.dividend = take(F64, capacity, 8);
    this.incentive = take(F64, capacity * mechanisms, 8);
    this.quality = take((b, o, l) => new Float32Array(b, o, l), capacity * mechanisms, 4);
    this.key = take((b, o, l) => new Uint32Array(b, o, l), capacity, 4);
    this.phase = take((b, o, l) => new Uint16Array(b, o, l), capacity, 2);
    this.role = take((b, o, l) => new Uint8Array(b, o, l), capacity, 1);
    this.immortal = take((b, o, l) => new Uint8Array(b, o, l), capacity, 1);
    this.pays = take((b, o, l) => new Uint8Array(b, o, l), capacity, 1);
  }

  /** A copy (every scalar field below, and the buffer). */
  clone(): SimState {
    const c = new SimState(this.capacity, this.mechanisms, this.buffer);
    c.block = this.block;
    c.n = this.n;
    c.burnBase = this.burnBase;
    c.burnBlock = this.burnBlock;
    c.issuance = this.issuance;
    c.issuanceBlock = this.issuanceBlock;
    c.pending = this.pending;
    c.pendingOwnerCut = this.pendingOwnerCut;
    c.lastEpoch = this.lastEpoch;
    c.lastEpochTotal = this.lastEpochTotal;
    c.lastEpochBurned = this.lastEpochBurned;
    c.minerBurned = this.minerBurned;
    c.movingPrice = this.movingPrice;
    c.movingBlock = this.movingBlock;
    c.registrations = this.registrations;
    c.attemptCursor = this.attemptCursor;
    return c;
  }
}

/** A registration attempt: when, and the most the newcomer will pay (rao). */
interface Attempt {
  block: number;
  willingness: number;
}

export interface SimOptions {
  /** The block the simulation starts from (a subnet registered later starts at its registration). */
  start: number;
  /** TaoWeight × SubnetTAO[root] in rao: the root side of RootProp (ST run_coinbase.rs root_proportion). */
  rootWeightRao: number;
  /** Keep a replay checkpoint every CHECKPOINT_EPOCHS epochs (default); false: only the start (forward-only use). */
  checkpoints?: boolean;
}

export class SubnetSim {
  readonly plan: SubnetPlan;
  private readonly rootWeight: number;
  private readonly keepCheckpoints: boolean;
  private readonly offset: number;
  private readonly checkpoints: SimState[] = [];
  private live: SimState;
  private readonly scratch: EpochPayout;
  private readonly scores: Float64Array;
  private readonly dividendsBuf: Float64Array;
  private readonly incentiveBuf: Float64Array;
  private readonly stakeBuf: Float64Array;
  private readonly payable: Int32Array;
  private readonly sortBuf: Float64Array;
  private attemptsMemo: { epoch: number; attempts: Attempt[] } = { epoch: NaN, attempts: [] };
  /** Replacements seen by the live state: [block, uid, block, uid, …]. */
  readonly replacements: number[] = [];

  constructor(plan: SubnetPlan, options: SimOptions) {
    this.plan = plan;
    this.rootWeight = options.rootWeightRao;
    this.keepCheckpoints = options.checkpoints ?? true;
    const tempo = plan.tempo;
    // Epochs every `tempo` blocks, staggered by netuid (ST run_coinbase.rs should_run_epoch: current −
    // LastEpochBlock ≥ tempo; the MaxEpochsPerBlock deferral is not modelled).
    this.offset = (tempo - ((plan.netuid + 1) % tempo)) % tempo;
    const cap = plan.capacity;
    this.scratch = { server: new Float64Array(cap), validator: new Float64Array(cap), combined: new Float64Array(cap) };
    this.scores = new Float64Array(cap);
    this.dividendsBuf = new Float64Array(cap);
    this.incentiveBuf = new Float64Array(cap);
    this.stakeBuf = new Float64Array(cap);
    this.payable = new Int32Array(cap);
    this.sortBuf = new Float64Array(cap);
    this.live = this.warmStart(Math.max(options.start, plan.registeredAt));
    this.checkpoints.push(this.live.clone());
  }

  get startBlock(): number {
    return this.checkpoints[0]!.block;
  }

  /** The subnet's state at `block` (≥ the start). The returned object must not be changed; it may be reused. */
  stateAt(block: number): SimState {
    if (block < this.startBlock) throw new Error(`SN${this.plan.netuid}: block ${block} is before the simulation starts (${this.startBlock})`);
    if (block >= this.live.block) {
      this.advance(this.live, block, true);
      return this.live;
    }
    let lo = 0;
    let hi = this.checkpoints.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.checkpoints[mid]!.block <= block) lo = mid;
      else hi = mid - 1;
    }
    const state = this.checkpoints[lo]!.clone();
    this.advance(state, block, false);
    return state;
  }

  /** The next block after `block` (within `horizon` blocks) at which the simulation replaces `uid`, or null. */
  nextReplacementAfter(uid: number, block: number, horizon: number): number | null {
    this.stateAt(block + horizon);
    for (let i = 0; i < this.replacements.length; i += 2) {
      const at = this.replacements[i]!;
      if (at > block && at <= block + horizon && this.replacements[i + 1] === uid) return at;
    }
    return null;
  }

  /** Blocks of the epochs: ≡ offset (mod tempo). */
  epochAtOrBefore(block: number): number {
    const t = this.plan.tempo;
    return Math.floor((block - this.offset) / t) * t + this.offset;
  }

  /** Subnets emitted to get alpha_out (ST subnet_emissions.rs get_subnets_to_emit_to). */
  emittedAt(block: number): boolean {
    const p = this.plan;
    return p.profile.registrationAllowed && p.firstEmissionBlock !== null && block >= p.firstEmissionBlock;
  }

  /** Alpha minted per block for participants at `block` (SubnetAlphaOutEmission), from the issuance. */
  alphaEmission(state: SimState, block: number): number {
    return blockEmissionForIssuance(this.issuanceAt(state, block));
  }

  /** RootProp of the subnet now (ST run_coinbase.rs root_proportion). */
  rootProportion(state: SimState): number {
    return this.rootWeight / (this.rootWeight + state.issuance);
  }

  /** Current Burn (registration price, rao) at `block` (≥ the last registration). */
  burnAt(state: SimState, block: number): number {
    const p = this.plan;
    return decayedBurn(state.burnBase, block - state.burnBlock, p.burnHalfLife, Number(p.minBurn), Number(p.maxBurn));
  }

  /** PendingServerEmission + PendingValidatorEmission (DynamicInfo.pending_alpha_emission): the pending pool
   * without root's RootProp · ½ share (splitBlockAlpha). */
  pendingAlphaEmission(state: SimState, block: number): number {
    return Math.floor(this.accrued(state, block).pending * (1 - this.rootProportion(state) / 2));
  }

  private warmStart(start: number): SimState {
    const p = this.plan;
    const s = new SimState(p.capacity, p.profile.mechanismCount);
    // A subnet simulated from its birth starts with its owner and validators only; newcomers fill it.
    const fresh = start <= p.registeredAt;
    s.block = start;
    s.n = fresh ? p.firstValidator + p.validatorCount : p.initialUids;
    for (let uid = 0; uid < s.n; uid++) {
      let reg: number;
      if (fresh) reg = start;
      else if (uid < p.firstValidator + p.validatorCount) reg = p.registeredAt + uid;
      else reg = Math.max(p.registeredAt + uid, start - p.tempo - Math.floor(unit(p.seed, TAG_WARM, p.netuid, uid) * 60 * 7_200));
      // Lifetimes are memoryless: a holder found running at the start has a fresh one from there.
      this.place(s, uid, reg, uid < p.ownerUids.length ? (uid === 0 ? Role.ownerHotkey : Role.ownerExtra) : uid < p.firstValidator + p.validatorCount ? Role.validator : Role.miner, start);
    }
    this.refreshImmortal(s);
    s.burnBase = Number(p.minBurn);
    s.burnBlock = start;
    // The plan's issuance is for SIM_START_BLOCK; an earlier era starts with what ~1.15 alpha per block had minted.
    s.issuance = Math.max(200_000e9, p.alphaIssuanceAtStart - Math.max(0, SIM_START_BLOCK - start) * 1.15e9);
    s.issuanceBlock = start;
    s.movingPrice = startingMovingPrice(p.market, start);
    s.movingBlock = start;
    s.lastEpoch = this.epochAtOrBefore(start);
    s.attemptCursor = 0;
    // An established subnet has run its last epoch already: run it on the warm state so the metagraph is populated
    // (a subnet not emitted to runs it too, with nothing to pay).
    if (!fresh) {
      s.pending = this.emittedAt(s.lastEpoch) ? blockEmissionForIssuance(s.issuance) * p.tempo * (1 - this.ownerCutFraction()) : 0;
      this.runEpoch(s, s.lastEpoch);
    }
    // Attempts of the current interval before the start did not happen.
    const attempts = this.attempts(s.lastEpoch);
    while (s.attemptCursor < attempts.length && attempts[s.attemptCursor]!.block <= start) s.attemptCursor++;
    return s;
  }

  private ownerCutFraction(): number {
    return this.plan.profile.ownerCutEnabled ? SUBNET_OWNER_CUT / 65535 : 0;
  }

  /** Puts a holder on `uid` registered at `reg` with a fresh quality draw (its identity is (netuid, uid, reg)). */
  private place(s: SimState, uid: number, reg: number, role: number, lifeFrom = reg): void {
    const p = this.plan;
    const key = hash(p.seed, TAG_REG, p.netuid, uid, reg);
    s.reg[uid] = reg;
    s.key[uid] = key;
    s.role[uid] = role;
    s.phase[uid] = key % DRIFT_STEPS;
    // Miners do not run forever: an exponential lifetime (mean MINER_LIFETIME), so earners fade, stop and are pruned.
    s.retiresAt[uid] = lifeFrom + MIN_LIFETIME - MINER_LIFETIME * Math.log(1 - unit(p.seed, TAG_LIFE, key));
    const M = s.mechanisms;
    const skilled = role === Role.miner && unit(p.seed, TAG_SKILL, key) < p.skillShare;
    for (let m = 0; m < M; m++) {
      s.quality[uid * M + m] = skilled ? Math.exp(p.skillSigma * gaussian(p.seed, TAG_SKILL, key, m + 1)) : 0;
      s.incentive[uid * M + m] = 0;
    }
    s.pays[uid] = role !== Role.miner || skilled ? 1 : 0;
    s.stake[uid] = role === Role.validator && p.validatorCount > 0 ? 200_000e9 * Math.exp(gaussian(p.seed, TAG_STAKE, p.netuid, uid)) : 0;
    s.emission[uid] = 0;
    s.server[uid] = 0;
    s.validatorPaid[uid] = 0;
    s.dividend[uid] = 0;
  }

  private refreshImmortal(s: SimState): void {
    const owned: Array<{ uid: number; registeredAt: number }> = [];
    let ownerHotkeyUid = -1;
    for (let uid = 0; uid < s.n; uid++) {
      s.immortal[uid] = 0;
      if (s.role[uid] === Role.ownerHotkey) ownerHotkeyUid = uid;
      if (s.role[uid] === Role.ownerHotkey || s.role[uid] === Role.ownerExtra) owned.push({ uid, registeredAt: s.reg[uid]! });
    }
    for (const uid of immuneOwnerUids(owned, ownerHotkeyUid, this.plan.immuneOwnerUidsLimit)) s.immortal[uid] = 1;
  }

  /** Registration attempts in the interval that starts at epoch block `epoch` (Poisson, by subnet rate). */
  private attempts(epoch: number): Attempt[] {
    if (this.attemptsMemo.epoch === epoch) return this.attemptsMemo.attempts;
    const attempts = this.drawAttempts(epoch);
    this.attemptsMemo = { epoch, attempts };
    return attempts;
  }

  private drawAttempts(epoch: number): Attempt[] {
    const p = this.plan;
    if (!p.profile.registrationAllowed || p.attemptsPerDay <= 0) return [];
    const mean = (p.attemptsPerDay * p.tempo) / 7_200;
    const u = unit(p.seed, TAG_ATTEMPT, p.netuid, epoch);
    let count = 0;
    let term = Math.exp(-mean);
    let cdf = term;
    while (u > cdf && count < 200) {
      count++;
      term *= mean / count;
      cdf += term;
    }
    const out: Attempt[] = [];
    for (let i = 0; i < count; i++) {
      const block = epoch + Math.floor(unit(p.seed, TAG_ATTEMPT, p.netuid, epoch, i + 1) * p.tempo);
      const willingness = p.willingnessTao * 1e9 * Math.exp(0.8 * gaussian(p.seed, TAG_WILL, p.netuid * 1_000_003 + i, epoch));
      out.push({ block, willingness });
    }
    return out.sort((a, b) => a.block - b.block || a.willingness - b.willingness);
  }

  /**
   * Issuance and pending pools carried from `s.issuanceBlock` to `block` (ST run_coinbase.rs emit_to_subnets, each
   * block), without changing `s`: the state is only advanced at events (registrations, epochs), so any path to a
   * block gives the same numbers.
   */
  private accrued(s: SimState, block: number): { issuance: number; pending: number; ownerCut: number } {
    let issuance = s.issuance;
    let pending = s.pending;
    let ownerCut = s.pendingOwnerCut;
    let left = block - s.issuanceBlock;
    if (left <= 0 || !this.emittedAt(block)) return { issuance, pending, ownerCut };
    const first = this.plan.firstEmissionBlock ?? block;
    if (s.issuanceBlock < first) left = block - first;
    // Alpha injected into the pool is capped at RootProp × alpha emission (rules.ts injection); the simulation
    // assumes the cap binds, as it does on most subnets, so issuance grows by alpha_out × (1 + RootProp).
    const rp = this.rootWeight / (this.rootWeight + issuance);
    const cut = this.ownerCutFraction();
    while (left > 0) {
      const a = blockEmissionForIssuance(issuance);
      if (a <= 0) break;
      const perBlock = a * (1 + rp);
      const toHalving = Math.max(1, Math.ceil((nextHalvingIssuance(issuance) - issuance) / perBlock));
      const k = Math.min(left, toHalving);
      const split = splitBlockAlpha(a, cut, cut > 0, rp);
      issuance += k * perBlock;
      // The root sell flag (Σ moving prices > 1) is set on this network, so root alpha stays pending.
      pending += k * (split.server + split.validator + split.root);
      ownerCut += k * split.ownerCut;
      left -= k;
    }
    return { issuance, pending, ownerCut };
  }

  /** Applies the accrual up to an event at `block`. */
  private accrue(s: SimState, block: number): void {
    if (block <= s.issuanceBlock) return;
    const a = this.accrued(s, block);
    s.issuance = a.issuance;
    s.pending = a.pending;
    s.pendingOwnerCut = a.ownerCut;
    s.issuanceBlock = block;
  }

  /** SubnetAlphaIn + SubnetAlphaOut at `block` (≥ the state's last event). */
  issuanceAt(s: SimState, block: number): number {
    return this.accrued(s, block).issuance;
  }

  private advance(s: SimState, target: number, live: boolean): void {
    const p = this.plan;
    const tempo = p.tempo;
    for (;;) {
      const nextEpoch = s.lastEpoch + tempo;
      const attempts = this.attempts(s.lastEpoch);
      const until = Math.min(target, nextEpoch - 1);
      while (s.attemptCursor < attempts.length && attempts[s.attemptCursor]!.block <= until) {
        this.register(s, attempts[s.attemptCursor]!, live);
        s.attemptCursor++;
      }
      if (nextEpoch > target) {
        s.block = target;
        return;
      }
      this.accrue(s, nextEpoch);
      this.runEpoch(s, nextEpoch);
      s.attemptCursor = 0;
      s.block = nextEpoch;
      if (live && this.keepCheckpoints && Math.round((nextEpoch - this.offset) / tempo) % CHECKPOINT_EPOCHS === 0) this.checkpoints.push(s.clone());
    }
  }

  /**
   * One registration attempt (ST subnets/registration.rs do_register): pay the current Burn if willing, take a free
   * UID or the one get_neuron_to_prune picks (none: NoNeuronIdAvailable, nothing charged), bump the burn.
   */
  private register(s: SimState, attempt: Attempt, live: boolean): void {
    const p = this.plan;
    if (attempt.block <= p.registeredAt) return;
    const burn = this.burnAt(s, attempt.block);
    if (burn > attempt.willingness) return;
    let uid: number;
    if (s.n < p.capacity) {
      uid = s.n++;
    } else {
      const pruned = neuronToPrune({ n: s.n, emission: s.emission, registeredAt: s.reg, ownerImmortal: s.immortal }, attempt.block, p.immunityPeriod, p.minNonImmuneUids);
      if (pruned === null) return;
      uid = pruned;
      if (live) this.replacements.push(attempt.block, uid);
    }
    const wasOwner = s.role[uid] === Role.ownerHotkey || s.role[uid] === Role.ownerExtra;
    this.place(s, uid, attempt.block, Role.miner);
    if (wasOwner) this.refreshImmortal(s);
    this.accrue(s, attempt.block);
    // The TAO paid buys alpha from the pool, which is taken out of SubnetAlphaOut (recycled).
    const price = spotPrice(p.market, attempt.block);
    s.issuance = Math.max(0, s.issuance - burn / price);
    s.burnBase = bumpedBurn(burn, p.burnIncreaseMult, Number(p.minBurn), Number(p.maxBurn));
    s.burnBlock = attempt.block;
    s.registrations++;
  }

  /**
   * Miner scores for one mechanism at an epoch over the payable UIDs (`payable[0..k)`): quality × ramp-up × fade × drift,
   * squared and cut to the best topK on winner-take-most subnets. Written to `scores[j]`; returns their sum.
   */
  private minerScores(s: SimState, epoch: number, m: number, k: number): number {
    const p = this.plan;
    const M = s.mechanisms;
    const { scores, payable } = this;
    const step = Math.floor((epoch * DRIFT_STEPS) / DRIFT_PERIOD);
    for (let j = 0; j < k; j++) {
      const uid = payable[j]!;
      const q = s.role[uid] === Role.miner ? s.quality[uid * M + m]! : 0;
      if (q <= 0) {
        scores[j] = 0;
        continue;
      }
      const age = epoch - s.reg[uid]!;
      const ramp = age <= 0 ? 0 : Math.min(1, 0.05 + age / RAMP_BLOCKS);
      const fade = Math.min(1, Math.max(0, (s.retiresAt[uid]! - epoch) / FADE_BLOCKS));
      const v = q * ramp * fade * DRIFT[(s.phase[uid]! + step) & (DRIFT_STEPS - 1)]!;
      scores[j] = p.topK > 0 && p.topK < 8 ? v * v : v;
    }
    if (p.topK > 0) {
      // Validators reward only the best topK miners (winner-take-most subnets: squared scores too).
      const positive = this.sortBuf;
      let count = 0;
      for (let j = 0; j < k; j++) if (scores[j]! > 0) positive[count++] = scores[j]!;
      if (count > p.topK) {
        const threshold = positive.subarray(0, count).sort()[count - p.topK]!;
        for (let j = 0; j < k; j++) if (scores[j]! < threshold) scores[j] = 0;
      }
    }
    let sum = 0;
    for (let j = 0; j < k; j++) sum += scores[j]!;
    return sum;
  }

  /**
   * The epoch at block `epoch` (ST run_coinbase.rs drain_pending → distribute_emission → subnets/mechanism.rs
   * epoch_with_mechanisms → epoch/run_epoch.rs epoch_mechanism → run_coinbase.rs distribute_dividends_and_incentives).
   * Only "payable" UIDs (validators, owner hotkeys, miners that score at all) can receive anything; the others' epoch
   * terms are zero, and stay zero from when they were placed.
   */
  private runEpoch(s: SimState, epoch: number): void {
    const p = this.plan;
    const M = s.mechanisms;
    const total = Math.floor(s.pending);
    s.pending = 0;
    s.pendingOwnerCut = 0;
    const mechEmission = M === 1 ? [total] : splitEmissions(total, M, p.profile.mechanismSplit);
    const weights = M === 1 ? [1] : mechanismWeights(mechEmission, total);
    const { payable, scores } = this;
    let k = 0;
    let owners = 0;
    let stakeSum = 0;
    for (let uid = 0; uid < s.n; uid++) {
      if (!s.pays[uid]) continue;
      const role = s.role[uid];
      payable[k++] = uid;
      if (role === Role.ownerHotkey || role === Role.ownerExtra) owners++;
      stakeSum += s.stake[uid]!;
    }
    // Dividends: proportional to validator stake, each mechanism alike (none where bonds are empty).
    const div = this.dividendsBuf;
    const stake = this.stakeBuf;
    for (let j = 0; j < k; j++) {
      const uid = payable[j]!;
      stake[j] = s.stake[uid]!;
      div[j] = p.dividends && stakeSum > 0 ? s.stake[uid]! / stakeSum : 0;
      s.dividend[uid] = div[j]!;
      s.emission[uid] = 0;
      s.server[uid] = 0;
      s.validatorPaid[uid] = 0;
    }
    const inc = this.incentiveBuf;
    const out = this.scratch;
    for (let m = 0; m < M; m++) {
      const minerSum = this.minerScores(s, epoch, m, k);
      // The owner's hotkeys: validators weight them so they take `ownerShare` of the incentive (all of it on
      // full-burn subnets, or when no miner scores).
      if (owners > 0 && p.ownerShare > 0) {
        const ownerTotal = p.ownerShare >= 1 || minerSum <= 0 ? 1 : (minerSum * p.ownerShare) / (1 - p.ownerShare);
        let splitSum = 0;
        for (let i = 0; i < owners; i++) splitSum += OWNER_SPLIT[i] ?? 0.1;
        let i = 0;
        for (let j = 0; j < k; j++) {
          const role = s.role[payable[j]!];
          if (role === Role.ownerHotkey || role === Role.ownerExtra) scores[j] = (ownerTotal * (OWNER_SPLIT[i++] ?? 0.1)) / splitSum;
          else if (p.ownerShare >= 1) scores[j] = 0;
        }
      }
      let sum = 0;
      for (let j = 0; j < k; j++) sum += scores[j]!;
      for (let j = 0; j < k; j++) {
        inc[j] = sum > 0 ? scores[j]! / sum : 0;
        s.incentive[payable[j]! * M + m] = inc[j]!;
      }
      epochPayout(inc, div, stake, mechEmission[m]!, out, k);
      for (let j = 0; j < k; j++) {
        const uid = payable[j]!;
        s.server[uid] = s.server[uid]! + out.server[j]!;
        s.validatorPaid[uid] = s.validatorPaid[uid]! + out.validator[j]!;
        s.emission[uid] = s.emission[uid]! + Math.floor(weights[m]! * out.combined[j]!);
      }
    }
    // Incentive on any hotkey of the owner's coldkey is burned and counted in MinerBurned.
    let paidToMiners = 0;
    let burned = 0;
    for (let j = 0; j < k; j++) {
      const uid = payable[j]!;
      paidToMiners += s.server[uid]!;
      if (s.role[uid] === Role.ownerHotkey || s.role[uid] === Role.ownerExtra) burned += s.server[uid]!;
    }
    s.minerBurned = paidToMiners > 0 ? burned / paidToMiners : 0;
    s.lastEpochTotal = total;
    s.lastEpochBurned = burned;
    s.issuance = Math.max(0, s.issuance - burned);
    // Moving price: the EMA over the blocks since the last update, at the spot seen at the interval's start.
    if (this.emittedAt(epoch)) {
      const sinceStart = epoch - (p.firstEmissionBlock ?? epoch);
      s.movingPrice = movingPriceAfter(s.movingPrice, spotPrice(p.market, s.movingBlock), epoch - s.movingBlock, MOVING_ALPHA, sinceStart, EMA_HALVING_BLOCKS);
    }
    s.movingBlock = epoch;
    s.lastEpoch = epoch;
  }
}
