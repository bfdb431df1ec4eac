/**
 * The epoch of a simulated subnet (ST run_coinbase.rs drain_pending → distribute_emission → subnets/mechanism.rs
 * epoch_with_mechanisms → epoch/run_epoch.rs epoch_mechanism → run_coinbase.rs distribute_dividends_and_incentives):
 * miner scores from the quality model, the owner's share, dividends by validator stake, per-UID emission by the
 * chain's split (rules.ts), MinerBurned and the moving price. Scratch buffers are kept per subnet, so an epoch
 * allocates nothing.
 */
import { spotPrice } from './market';
import type { SubnetPlan } from './plan';
import { mechanismCountAt, ownerShareAt } from './owner-calls';
import { epochPayout, mechanismWeights, movingPriceAfter, splitEmissions, type EpochPayout } from './rules';
import { Role, type SimState } from './sim-state';

/** A newcomer's miner needs time to reach full performance (about 10 h). */
const RAMP_BLOCKS = 3_000;
/** A retiring miner's score fades to nothing over its last ~12 hours. */
const FADE_BLOCKS = 3_600;
/** Scores drift over a few days, so incentives move between epochs. */
const DRIFT_PERIOD = 21_600;
/** SubnetMovingAlpha (ST lib.rs default 0.000003) and EMAPriceHalvingBlocks (default 201,600). */
const MOVING_ALPHA = 0.000003;
const EMA_HALVING_BLOCKS = 201_600;
/** Drift factor exp(0.25 · sin) tabulated: looked up per UID per epoch, so no transcendental in the hot loop. */
export const DRIFT_STEPS = 1024;
const DRIFT = Float64Array.from({ length: DRIFT_STEPS }, (_, i) =>
  Math.exp(0.25 * Math.sin((2 * Math.PI * i) / DRIFT_STEPS)),
);
/** Owner hotkeys share the owner's incentive in these proportions (first = SubnetOwnerHotkey). */
const OWNER_SPLIT = [0.5, 0.3, 0.2];

export class EpochRunner {
  private readonly scratch: EpochPayout;
  private readonly scores: Float64Array;
  private readonly dividendsBuf: Float64Array;
  private readonly incentiveBuf: Float64Array;
  private readonly stakeBuf: Float64Array;
  private readonly payable: Int32Array;
  private readonly sortBuf: Float64Array;

  constructor(private readonly plan: SubnetPlan) {
    const cap = plan.capacity;
    this.scratch = { server: new Float64Array(cap), validator: new Float64Array(cap), combined: new Float64Array(cap) };
    this.scores = new Float64Array(cap);
    this.dividendsBuf = new Float64Array(cap);
    this.incentiveBuf = new Float64Array(cap);
    this.stakeBuf = new Float64Array(cap);
    this.payable = new Int32Array(cap);
    this.sortBuf = new Float64Array(cap);
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
  run(s: SimState, epoch: number, emitted: boolean): void {
    const p = this.plan;
    const M = s.mechanisms;
    // Mechanisms on chain at this epoch (owner-calls.ts); a later one's slots stay empty until the owner adds it.
    const live = mechanismCountAt(p, epoch);
    const ownerShare = ownerShareAt(p, epoch);
    const total = Math.floor(s.pending);
    s.pending = 0;
    s.pendingOwnerCut = 0;
    const mechEmission = live === 1 ? [total] : splitEmissions(total, live, p.profile.mechanismSplit);
    const weights = live === 1 ? [1] : mechanismWeights(mechEmission, total);
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
    for (let m = 0; m < live; m++) {
      const minerSum = this.minerScores(s, epoch, m, k);
      // The owner's hotkeys: validators weight them so they take `ownerShare` of the incentive (all of it on
      // full-burn subnets, or when no miner scores).
      if (owners > 0 && ownerShare > 0) {
        const ownerTotal = ownerShare >= 1 || minerSum <= 0 ? 1 : (minerSum * ownerShare) / (1 - ownerShare);
        let splitSum = 0;
        for (let i = 0; i < owners; i++) splitSum += OWNER_SPLIT[i] ?? 0.1;
        let i = 0;
        for (let j = 0; j < k; j++) {
          const role = s.role[payable[j]!];
          if (role === Role.ownerHotkey || role === Role.ownerExtra)
            scores[j] = (ownerTotal * (OWNER_SPLIT[i++] ?? 0.1)) / splitSum;
          else if (ownerShare >= 1) scores[j] = 0;
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
    if (emitted) {
      const sinceStart = epoch - (p.firstEmissionBlock ?? epoch);
      s.movingPrice = movingPriceAfter(
        s.movingPrice,
        spotPrice(p.market, s.movingBlock),
        epoch - s.movingBlock,
        MOVING_ALPHA,
        sinceStart,
        EMA_HALVING_BLOCKS,
      );
    }
    s.movingBlock = epoch;
    s.lastEpoch = epoch;
  }
}
