/**
 * One subnet simulated the way subtensor runs it. Per block (in closed form between events, since nothing else
 * changes): alpha_out by the subnet's own alpha-issuance halving curve, the owner cut, the pending pools, issuance
 * growth, the burn's decay. Per registration (a Poisson stream of newcomers, each willing to pay up to some price):
 * the burn is charged and bumped, the newcomer takes a free UID or the one get_neuron_to_prune picks. Every `tempo`
 * blocks the epoch: incentive from a miner-quality model, dividends from validator stake, per-UID emission by the
 * chain's split, owner-hotkey incentive burned, the moving price updated. The rules themselves are in rules.ts.
 *
 * Any block's state is available on demand: the simulation replays forward from its start and keeps a checkpoint
 * every CHECKPOINT_EPOCHS epochs, so a past block costs at most that many epochs of replay. Who holds the UIDs is
 * drawn in sim-holders.ts, the epoch is run by sim-epoch.ts, and the state they share is sim-state.ts.
 */
import { SIM_START_BLOCK, SUBNET_OWNER_CUT } from './constants';
import { spotPrice, startingMovingPrice } from './market';
import { registrationAllowedAt, registrationOpensAt } from './owner-calls';
import type { SubnetPlan } from './plan';
import { unit } from './rng';
import {
  blockEmissionForIssuance,
  bumpedBurn,
  decayedBurn,
  neuronToPrune,
  nextHalvingIssuance,
  splitBlockAlpha,
} from './rules';
import { EpochRunner } from './sim-epoch';
import { drawAttempts, placeHolder, refreshImmortal, type Attempt } from './sim-holders';
import { Role, SimState } from './sim-state';

export { Role, SimState } from './sim-state';

const TAG_WARM = 606;
const CHECKPOINT_EPOCHS = 24;

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
  private readonly epochs: EpochRunner;
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
    this.epochs = new EpochRunner(plan);
    this.live = this.warmStart(Math.max(options.start, plan.registeredAt));
    this.checkpoints.push(this.live.clone());
  }

  get startBlock(): number {
    return this.checkpoints[0]!.block;
  }

  /** The subnet's state at `block` (≥ the start). The returned object must not be changed; it may be reused. */
  stateAt(block: number): SimState {
    if (block < this.startBlock)
      throw new Error(`SN${this.plan.netuid}: block ${block} is before the simulation starts (${this.startBlock})`);
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
    return registrationAllowedAt(p, block) && p.firstEmissionBlock !== null && block >= p.firstEmissionBlock;
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
      else
        reg = Math.max(
          p.registeredAt + uid,
          start - p.tempo - Math.floor(unit(p.seed, TAG_WARM, p.netuid, uid) * 60 * 7_200),
        );
      // Lifetimes are memoryless: a holder found running at the start has a fresh one from there.
      placeHolder(
        this.plan,
        s,
        uid,
        reg,
        uid < p.ownerUids.length
          ? uid === 0
            ? Role.ownerHotkey
            : Role.ownerExtra
          : uid < p.firstValidator + p.validatorCount
            ? Role.validator
            : Role.miner,
        start,
      );
    }
    refreshImmortal(this.plan, s);
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
      s.pending = this.emittedAt(s.lastEpoch)
        ? blockEmissionForIssuance(s.issuance) * p.tempo * (1 - this.ownerCutFraction())
        : 0;
      this.epochs.run(s, s.lastEpoch, this.emittedAt(s.lastEpoch));
    }
    // Attempts of the current interval before the start did not happen.
    const attempts = this.attempts(s.lastEpoch);
    while (s.attemptCursor < attempts.length && attempts[s.attemptCursor]!.block <= start) s.attemptCursor++;
    return s;
  }

  private ownerCutFraction(): number {
    return this.plan.profile.ownerCutEnabled ? SUBNET_OWNER_CUT / 65535 : 0;
  }

  /** Registration attempts in the interval that starts at epoch block `epoch` (drawn once per interval). */
  private attempts(epoch: number): Attempt[] {
    if (this.attemptsMemo.epoch === epoch) return this.attemptsMemo.attempts;
    const attempts = drawAttempts(this.plan, epoch);
    this.attemptsMemo = { epoch, attempts };
    return attempts;
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
    const first = Math.max(this.plan.firstEmissionBlock ?? block, registrationOpensAt(this.plan));
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
      this.epochs.run(s, nextEpoch, this.emittedAt(nextEpoch));
      s.attemptCursor = 0;
      s.block = nextEpoch;
      if (live && this.keepCheckpoints && Math.round((nextEpoch - this.offset) / tempo) % CHECKPOINT_EPOCHS === 0)
        this.checkpoints.push(s.clone());
    }
  }

  /**
   * One registration attempt (ST subnets/registration.rs do_register): pay the current Burn if willing, take a free
   * UID or the one get_neuron_to_prune picks (none: NoNeuronIdAvailable, nothing charged), bump the burn.
   */
  private register(s: SimState, attempt: Attempt, live: boolean): void {
    const p = this.plan;
    if (attempt.block <= p.registeredAt || !registrationAllowedAt(p, attempt.block)) return;
    const burn = this.burnAt(s, attempt.block);
    if (burn > attempt.willingness) return;
    let uid: number;
    if (s.n < p.capacity) {
      uid = s.n++;
    } else {
      const pruned = neuronToPrune(
        { n: s.n, emission: s.emission, registeredAt: s.reg, ownerImmortal: s.immortal },
        attempt.block,
        p.immunityPeriod,
        p.minNonImmuneUids,
      );
      if (pruned === null) return;
      uid = pruned;
      if (live) this.replacements.push(attempt.block, uid);
    }
    const wasOwner = s.role[uid] === Role.ownerHotkey || s.role[uid] === Role.ownerExtra;
    placeHolder(this.plan, s, uid, attempt.block, Role.miner);
    if (wasOwner) refreshImmortal(this.plan, s);
    this.accrue(s, attempt.block);
    // The TAO paid buys alpha from the pool, which is taken out of SubnetAlphaOut (recycled).
    const price = spotPrice(p.market, attempt.block);
    s.issuance = Math.max(0, s.issuance - burn / price);
    s.burnBase = bumpedBurn(burn, p.burnIncreaseMult, Number(p.minBurn), Number(p.maxBurn));
    s.burnBlock = attempt.block;
    s.registrations++;
  }
}
