/**
 * The expensive half of the engine: everything about one subnet at one sync point that does not depend on the
 * scenario (sorting, concentration, percentiles, the earning-miner curve, pruning, halvings, the window).
 * Computed once per sync and cached by the caller; evaluateNewcomer then reads it in O(log n).
 *
 * Who counts as what:
 * - owner-held UIDs: the subnet owner's hotkey and every hotkey of the owner's coldkey; their incentive is burned
 *   (ST coinbase/run_coinbase.rs get_owner_hotkeys), so they are in none of the groups below;
 * - miner: no validator permit, or a permit and incentive > 0 (a "dual" UID earns from the miner pool, so it is
 *   part of the incentive curve a newcomer competes against);
 * - validator: a validator permit (duals are counted here too, and in dualUids);
 * - earning miner: a miner with combined incentive > 0; zero-earner: a miner with none;
 * - immune: registered fewer than ImmunityPeriod blocks before the snapshot (ST utils/misc.rs get_neuron_is_immune).
 */
import type { NeuronSnapshot, Provenance } from '../../../shared/domain';
import type {
  Figure,
  Percentiles,
  PoolBasis,
  PruningWorking,
  SubnetAnalysis,
  SubnetDeregistration,
  SubnetHistoryPoint,
  SubnetInput,
} from '../../../shared/economics';
import { DAYS_PER_MONTH, DEFAULT_THRESHOLDS } from '../../../shared/economics';
import { gini, hhi, nakamoto, top10PctShare, topShare } from './concentration';
import { prefixSums } from './curve';
import { emissionShares } from './emission-share';
import { emissionFactorsByMonth, halvingOutlook } from './halving';
import { combineIncentives } from './incentive';
import { DEFAULT_IMMUNE_OWNER_UIDS_LIMIT, immortalOwnerUids, isOwnerHeld } from './owners';
import { percentileValues, type PercentileValues } from './percentiles';
import {
  alphaPriceTao, minerShareOfEpoch, notEmittedReason, ownerCutShare, POOL_DISAGREEMENT, ruleGrossPoolAlphaPerDay, wasRead,
} from './pool';
import { chainAt, derived, figure } from './provenance';
import { registrationTiming } from './registration-timing';
import { unknownDeregistration } from './subnet-dereg';
import { blocksToDays, perEpochToPerDay, raoToUnits, u16Share } from './units';
import { computeWindow } from './window';

export interface AnalyzeOptions {
  /** Days of history the window covers (default 30). */
  windowDays?: number;
  /** Live-vs-window departure flagged as divergent (default DEFAULT_THRESHOLDS.divergenceRatio). */
  divergenceRatio?: number;
  /** This subnet's place in the network-wide deregistration order (subnetDeregistrations); unknown without it. */
  subnetDeregistration?: SubnetDeregistration;
}

export const DEFAULT_WINDOW_DAYS = 30;
/** ST lib.rs MinNonImmuneUids default, for rows recorded before the sync read it. */
const DEFAULT_MIN_NON_IMMUNE_UIDS = 10;
/** Months of halving factors kept in the model: the longest horizon the what-if offers (longer ones reuse the last). */
const PATH_MONTHS = 36;
const NO_UIDS = 'UID rows not stored for this sync point';

/** What the UID rows say, or null when they were not stored. */
interface UidFacts {
  minerUids: number;
  earningMiners: number;
  validators: number;
  dualUids: number;
  immuneUids: number;
  ownerUids: number;
  earningColdkeys: number;
  /** Combined incentive of earning (non-owner) miners, ascending. */
  earningIncentivesAsc: number[];
  /** Incentive summed per coldkey over earning miners, ascending. */
  coldkeyIncentivesAsc: number[];
  ownerIncentiveShare: number | null;
  /** Σ combined incentive over all UIDs and over non-owner UIDs. */
  incentiveSum: number;
  receivedIncentiveSum: number;
  /** Σ mechanism-0 incentive and dividends (u16 shares): the epoch's miner/validator split. */
  incentiveSumU16: number;
  dividendSumU16: number;
  /** Alpha (rao) the chain paid per unit of combined incentive in the last epoch, from UIDs without dividends. */
  alphaRaoPerIncentive: number | null;
  emissionAlphaPerDayAsc: number[];
  nonImmuneEmissionAlphaPerDayAsc: number[];
  pruning: Omit<PruningWorking, 'immuneOwnerUidsLimit' | 'minNonImmuneUids' | 'nonImmuneUids'> & { nonImmune: number };
  deregLineAlphaPerDay: number | null;
  deregLineUid: number | null;
  registrationsSincePrevious: number | null;
  mechanismsExpected: number;
  mechanismsRead: number;
}

type Candidate = { emissionRao: bigint; registeredAtBlock: number; uid: number };

/** get_neuron_to_prune's order: lowest emission first, then older registration, then lower uid. */
function prunedBefore(a: Candidate, b: Candidate): boolean {
  if (a.emissionRao !== b.emissionRao) return a.emissionRao < b.emissionRao;
  if (a.registeredAtBlock !== b.registeredAtBlock) return a.registeredAtBlock < b.registeredAtBlock;
  return a.uid < b.uid;
}

function readUids(
  input: SubnetInput,
  neurons: readonly NeuronSnapshot[],
  previousBlockNumber: number | null,
): UidFacts {
  const { subnet } = input;
  const combined = combineIncentives(subnet, neurons);
  const immortal = immortalOwnerUids(subnet, neurons);
  const minNonImmune = subnet.minNonImmuneUids ?? DEFAULT_MIN_NON_IMMUNE_UIDS;
  let incentiveSum = 0;
  let ownerIncentive = 0;
  let incentiveSumU16 = 0;
  let dividendSumU16 = 0;
  let minerUids = 0;
  let validators = 0;
  let dualUids = 0;
  let immuneUids = 0;
  let ownerUids = 0;
  let nonImmune = 0;
  let registrationsSincePrevious = 0;
  let paidRao = 0n;
  let paidIncentive = 0;
  let lowestNonImmune: NeuronSnapshot | null = null;
  let lowestImmune: NeuronSnapshot | null = null;
  const earningIncentivesAsc: number[] = [];
  const byColdkey = new Map<string, number>();
  const emissionAlphaPerDayAsc: number[] = [];
  const nonImmuneEmissionAlphaPerDayAsc: number[] = [];

  for (let i = 0; i < neurons.length; i++) {
    const n = neurons[i] as NeuronSnapshot;
    const incentive = combined.incentives[i] as number;
    incentiveSum += incentive;
    incentiveSumU16 += u16Share(n.incentivesU16[0] ?? 0);
    dividendSumU16 += u16Share(n.dividendsU16);
    if (previousBlockNumber !== null && n.registeredAtBlock > previousBlockNumber) registrationsSincePrevious++;
    // A UID without dividends was paid only for its incentive: what the chain paid per unit of incentive (its
    // Emission over the weight Emission is stored in proportion to: see combineIncentives' emissionWeights).
    if (incentive > 0 && n.dividendsU16 === 0) {
      paidRao += n.emissionRao;
      paidIncentive += combined.emissionWeights[i] as number;
    }
    const immune = input.blockNumber - n.registeredAtBlock < subnet.immunityPeriodBlocks;
    if (!immortal.has(n.uid)) {
      // get_neuron_to_prune's candidates: every UID but the owner-immortal ones (other owner UIDs included).
      const perDay = perEpochToPerDay(raoToUnits(n.emissionRao), subnet.tempo);
      if (perDay !== null) emissionAlphaPerDayAsc.push(perDay);
      if (immune) {
        if (lowestImmune === null || prunedBefore(n, lowestImmune)) lowestImmune = n;
      } else {
        nonImmune++;
        if (perDay !== null) nonImmuneEmissionAlphaPerDayAsc.push(perDay);
        if (lowestNonImmune === null || prunedBefore(n, lowestNonImmune)) lowestNonImmune = n;
      }
    }
    if (isOwnerHeld(subnet, n)) {
      ownerUids++;
      ownerIncentive += incentive;
      continue;
    }
    if (immune) immuneUids++;
    if (n.validatorPermit) validators++;
    if (n.validatorPermit && incentive > 0) dualUids++;
    if (n.validatorPermit && incentive === 0) continue;
    minerUids++;
    if (incentive > 0) {
      earningIncentivesAsc.push(incentive);
      byColdkey.set(n.coldkey, (byColdkey.get(n.coldkey) ?? 0) + incentive);
    }
  }
  earningIncentivesAsc.sort((a, b) => a - b);
  emissionAlphaPerDayAsc.sort((a, b) => a - b);
  nonImmuneEmissionAlphaPerDayAsc.sort((a, b) => a - b);
  const coldkeyIncentivesAsc = [...byColdkey.values()].sort((a, b) => a - b);

  // ST subnets/registration.rs get_neuron_to_prune: the lowest non-immune while more than MinNonImmuneUids remain,
  // else the lowest immune.
  const floorApplies = nonImmune <= minNonImmune;
  const next = !floorApplies && lowestNonImmune !== null ? lowestNonImmune : lowestImmune;
  const reason =
    next === null
      ? 'no UID can be pruned (only owner-immortal UIDs)'
      : next === lowestNonImmune
        ? 'lowest last-epoch emission among non-immune UIDs (ties: older registration, then lower UID)'
        : lowestNonImmune === null
          ? 'every prunable UID is immune: the lowest immune one goes'
          : `only ${nonImmune} non-immune UIDs, not more than MinNonImmuneUids (${minNonImmune}): the lowest immune UID goes instead`;
  const line = lowestNonImmune === null ? null : perEpochToPerDay(raoToUnits(lowestNonImmune.emissionRao), subnet.tempo);
  return {
    minerUids,
    earningMiners: earningIncentivesAsc.length,
    validators,
    dualUids,
    immuneUids,
    ownerUids,
    earningColdkeys: byColdkey.size,
    earningIncentivesAsc,
    coldkeyIncentivesAsc,
    ownerIncentiveShare: incentiveSum > 0 ? ownerIncentive / incentiveSum : null,
    incentiveSum,
    receivedIncentiveSum: incentiveSum - ownerIncentive,
    incentiveSumU16,
    dividendSumU16,
    alphaRaoPerIncentive: paidIncentive > 0 ? Number(paidRao) / paidIncentive : null,
    emissionAlphaPerDayAsc,
    nonImmuneEmissionAlphaPerDayAsc,
    pruning: { nextUid: next?.uid ?? null, reason, immortalOwnerUids: [...immortal].sort((a, b) => a - b), nonImmune },
    deregLineAlphaPerDay: line,
    deregLineUid: lowestNonImmune?.uid ?? null,
    registrationsSincePrevious: previousBlockNumber === null ? null : registrationsSincePrevious,
    mechanismsExpected: combined.mechanismsExpected,
    mechanismsRead: combined.mechanismsRead,
  };
}

function percentileFigures(
  values: PercentileValues,
  scale: number | null,
  provenance: Provenance,
  note: string | null,
): Percentiles {
  const at = (v: number | null): Figure => figure(v === null || scale === null ? null : v * scale, provenance, note);
  return { p25: at(values.p25), p50: at(values.p50), p75: at(values.p75), p90: at(values.p90), max: at(values.max) };
}

function count(uids: UidFacts | null, pick: (u: UidFacts) => number, provenance: Provenance): Figure {
  return uids === null ? figure(null, provenance, NO_UIDS) : figure(pick(uids), provenance);
}

function earningShareOfMiners(uids: UidFacts | null, provenance: Provenance): Figure {
  if (uids === null) return figure(null, provenance, NO_UIDS);
  if (uids.minerUids === 0) return figure(null, provenance, 'no miner UIDs');
  return figure(uids.earningMiners / uids.minerUids, provenance);
}

/** Growth per day of a summary field from the oldest point of the window to the live one; null without history. */
function growthPerDay(
  history: readonly SubnetHistoryPoint[],
  live: SubnetHistoryPoint,
  windowDays: number,
  pick: (p: SubnetHistoryPoint) => number | null,
): number | null {
  const now = pick(live);
  if (now === null) return null;
  const from = live.blockTimeMs - windowDays * 86_400_000;
  let oldest: SubnetHistoryPoint | null = null;
  for (const p of history) {
    if (p.blockNumber >= live.blockNumber || p.blockTimeMs < from || pick(p) === null) continue;
    if (oldest === null || p.blockNumber < oldest.blockNumber) oldest = p;
  }
  if (oldest === null) return null;
  const days = (live.blockNumber - oldest.blockNumber) / 7200;
  return days > 0 ? (now - (pick(oldest) as number)) / days : null;
}

/**
 * Scenario-free analysis of one subnet at one sync point. `history` holds the summaries of earlier sync points
 * (any order; later ones are ignored); the window and the registration rate come from it.
 */
export function analyzeSubnet(
  input: SubnetInput,
  history: readonly SubnetHistoryPoint[] = [],
  options: AnalyzeOptions = {},
): SubnetAnalysis {
  let previousBlockNumber: number | null = null;
  for (const p of history) {
    if (p.blockNumber < input.blockNumber && (previousBlockNumber === null || p.blockNumber > previousBlockNumber)) {
      previousBlockNumber = p.blockNumber;
    }
  }
  return buildAnalysis(input, previousBlockNumber, history, options);
}

/** The history point for one sync point, counting the UIDs registered since the previous point's block. */
export function summarizeSubnet(input: SubnetInput, previousBlockNumber: number | null): SubnetHistoryPoint {
  return buildAnalysis(input, previousBlockNumber, [], {}).summary;
}

interface Pool {
  gross: number | null;
  received: number | null;
  measured: number | null;
  ruleReceived: number | null;
  basis: PoolBasis | null;
  /** Alpha/day a unit of combined incentive earns (per-miner figures = incentive × this). */
  perIncentive: number | null;
  note: string | null;
  provenance: Provenance;
}

/** The received miner pool: as the chain paid it where the UID rows allow, by the rule otherwise (see pool.ts). */
function minerPool(input: SubnetInput, uids: UidFacts | null, minerShare: number, burnedShare: number | null, at: string): Pool {
  const { subnet, network } = input;
  const notEmitted = notEmittedReason(network, subnet);
  const ruleGross = notEmitted ? 0 : ruleGrossPoolAlphaPerDay(network, subnet, minerShare);
  const ruleReceived = burnedShare === null ? null : ruleGross * (1 - burnedShare);
  // Emission and Incentive are written by the same epoch; incentive paid nothing means the rows disagree: use the rule.
  const perIncentiveMeasured =
    uids?.alphaRaoPerIncentive == null || uids.alphaRaoPerIncentive <= 0
      ? null
      : perEpochToPerDay(uids.alphaRaoPerIncentive / 1e9, subnet.tempo);
  const measured = perIncentiveMeasured === null || uids === null ? null : perIncentiveMeasured * uids.receivedIncentiveSum;
  if (notEmitted !== null) {
    return {
      gross: 0, received: 0, measured, ruleReceived: 0, basis: 'not-emitted', perIncentive: 0, note: notEmitted,
      provenance: derived(`get_subnets_to_emit_to's conditions at ${at}`),
    };
  }
  if (uids !== null && uids.incentiveSum === 0 && subnet.uidCount > 0 && (input.neurons?.length ?? 0) > 0) {
    return {
      gross: 0, received: 0, measured: 0, ruleReceived: 0, basis: 'rule', perIncentive: 0,
      note: 'no miner had incentive in the last epoch: validators received everything', provenance: derived(`incentives at ${at}`),
    };
  }
  if (measured !== null && perIncentiveMeasured !== null && uids !== null) {
    const ratio = ruleReceived !== null && ruleReceived > 0 ? measured / ruleReceived : null;
    const note =
      ratio !== null && Math.abs(ratio - 1) > POOL_DISAGREEMENT
        ? `the chain paid ${(ratio * 100).toFixed(0)}% of what the rule gives (alpha_out × (1 − owner cut) × miner share): ` +
          'what it paid in the last epoch is shown (the rule does not see a changed tempo, a deferred epoch or a recycled root share)'
        : null;
    return {
      gross: perIncentiveMeasured * uids.incentiveSum, received: measured, measured, ruleReceived, basis: 'measured',
      perIncentive: perIncentiveMeasured, note,
      provenance: derived(`Σ last-epoch emission of non-owner miner UIDs × 7200 / tempo at ${at}`),
    };
  }
  return {
    gross: ruleGross,
    received: ruleReceived,
    measured: null,
    ruleReceived,
    basis: 'rule',
    perIncentive: uids !== null && uids.incentiveSum > 0 ? ruleGross / uids.incentiveSum : ruleGross,
    note: ruleReceived === null ? 'burned share unknown' : uids === null ? `${NO_UIDS}: the rule is shown` : 'no miner without dividends was paid in the last epoch: the rule is shown',
    provenance: derived(`alpha_out × (1 − owner cut) × miner share × (1 − burned share) × 7200 at ${at}`),
  };
}

function buildAnalysis(
  input: SubnetInput,
  previousBlockNumber: number | null,
  history: readonly SubnetHistoryPoint[],
  options: AnalyzeOptions,
): SubnetAnalysis {
  const windowDays = options.windowDays ?? DEFAULT_WINDOW_DAYS;
  const divergenceRatio = options.divergenceRatio ?? DEFAULT_THRESHOLDS.divergenceRatio;
  const { subnet, network, blockNumber, blockTimeMs } = input;
  const at = `block ${blockNumber}`;
  const chain = chainAt(blockNumber, blockTimeMs);
  const uids = input.neurons === null ? null : readUids(input, input.neurons, previousBlockNumber);

  const price = alphaPriceTao(subnet);
  const burnTao = raoToUnits(subnet.burnRao);
  const shares = emissionShares(subnet, network);
  const emissionShareValue = shares?.total ?? null;
  const excessMissing = subnet.excessTaoRao === null;

  // ST run_epoch.rs: server emission = incentive / (Σ incentive + Σ dividends); without UID rows the usual ½.
  const minerShare =
    uids === null || (input.neurons?.length ?? 0) === 0 ? 0.5 : minerShareOfEpoch(uids.incentiveSumU16, uids.dividendSumU16);
  // The share of the miners' alpha withheld from them: the chain's own MinerBurned (run_coinbase.rs writes it each
  // epoch from the same owner-hotkey rule) where it has one, else re-derived from the incentive vector.
  const chainBurned = subnet.minerBurnedFraction === null ? null : Math.min(1, Math.max(0, subnet.minerBurnedFraction));
  const burnedShare = chainBurned ?? uids?.ownerIncentiveShare ?? null;
  const pool = minerPool(input, uids, minerShare, burnedShare, at);
  const receivedAlphaPerDay = pool.received;
  const receivedTaoPerDay = receivedAlphaPerDay === null || price === null ? null : receivedAlphaPerDay * price;
  const grossTaoPerDay = pool.gross === null || price === null ? null : pool.gross * price;

  const mechanismNote =
    uids !== null && uids.mechanismsRead < uids.mechanismsExpected
      ? `incentives read for ${uids.mechanismsRead} of ${uids.mechanismsExpected} mechanisms`
      : null;
  const uidProvenance = derived(`UID rows at ${at}; UIDs of the owner's coldkey excluded`);
  const incentiveProvenance = derived(`incentives of earning miners at ${at}, owner-held UIDs excluded`);
  const uidNote = uids === null ? NO_UIDS : mechanismNote;

  const earning = uids?.earningIncentivesAsc ?? [];
  const earningTotal = earning.reduce((s, v) => s + v, 0);
  const incentivePercentiles = percentileValues(earning);
  // Per-miner alpha/day: its incentive × what the chain paid per unit of incentive.
  const alphaPercentiles = percentileFigures(incentivePercentiles, pool.perIncentive, incentiveProvenance, uidNote);
  const taoPercentiles = percentileFigures(
    incentivePercentiles,
    price === null || pool.perIncentive === null ? null : pool.perIncentive * price,
    incentiveProvenance,
    uids === null ? NO_UIDS : price === null ? 'no alpha price' : mechanismNote,
  );
  const giniValue = gini(earning);
  const alphaIssuance = raoToUnits(subnet.alphaReserveRao + subnet.alphaOutstandingRao);
  const totalIssuanceTao = raoToUnits(network.totalIssuanceRao);

  const sharesDesc = earningTotal > 0 ? earning.map((v) => v / earningTotal).reverse() : [];
  const summary: SubnetHistoryPoint = {
    blockNumber,
    blockTimeMs,
    earningMiners: uids?.earningMiners ?? null,
    gini: giniValue,
    grossMinerPoolAlphaPerDay: pool.gross,
    grossMinerPoolTaoPerDay: grossTaoPerDay,
    receivedMinerPoolAlphaPerDay: receivedAlphaPerDay,
    receivedMinerPoolTaoPerDay: receivedTaoPerDay,
    medianMinerTaoPerDay: taoPercentiles.p50.value,
    priceTao: price,
    burnTao,
    emissionShare: emissionShareValue,
    previousBlockNumber,
    registrationsSincePrevious: uids?.registrationsSincePrevious ?? null,
    alphaIssuance,
    totalIssuanceTao,
  };
  const windowStats = history.length > 0 ? computeWindow(history, summary, windowDays, divergenceRatio) : null;
  // Registrations per day: measured over the window when history allows, else estimated from this snapshot alone:
  // the immune UIDs are exactly those registered within the immunity period (none can be replaced while immune).
  let registrationsPerDay: Figure;
  if (windowStats !== null && windowStats.registrationsPerDay.value !== null) {
    registrationsPerDay = windowStats.registrationsPerDay;
  } else {
    const spanBlocks = Math.min(subnet.immunityPeriodBlocks, blockNumber - subnet.registeredAtBlock);
    const provenance = derived(`immune UIDs ÷ immunity period at ${at} (no registration history)`);
    registrationsPerDay =
      uids === null
        ? figure(null, provenance, NO_UIDS)
        : spanBlocks > 0
          ? figure(uids.immuneUids / blocksToDays(spanBlocks), provenance)
          : figure(null, provenance, 'no immunity period to estimate from');
  }

  // Halvings: issuance growth from the window, else from this block's flows (alpha out + alpha in; TAO BlockEmission).
  const alphaGrowth = growthPerDay(history, summary, windowDays, (p) => p.alphaIssuance);
  const alphaPerDay =
    alphaGrowth ?? raoToUnits(subnet.alphaOutEmissionRao + subnet.alphaInEmissionRao) * 7200;
  const alphaRateProvenance = derived(
    alphaGrowth !== null
      ? `growth of SubnetAlphaIn + SubnetAlphaOut over the window to ${at}`
      : `(alpha out + alpha in emission) per block × 7200 at ${at} (no issuance history)`,
  );
  const taoGrowth = growthPerDay(history, summary, windowDays, (p) => p.totalIssuanceTao);
  const taoPerDayIssued = taoGrowth ?? raoToUnits(network.blockEmissionRao) * 7200;
  const taoRateProvenance = derived(
    taoGrowth !== null ? `growth of TotalIssuance over the window to ${at}` : `BlockEmission × 7200 at ${at} (no issuance history)`,
  );
  const alphaHalving = halvingOutlook(alphaIssuance, alphaPerDay, alphaRateProvenance, null, blockNumber, blockTimeMs, chain, null);
  const taoHalving = halvingOutlook(totalIssuanceTao, taoPerDayIssued, taoRateProvenance, null, blockNumber, blockTimeMs, chain, null);
  const priceTrend = windowStats?.metrics.priceTao.trendPerDay ?? null;
  const alphaPriceTrendPerMonth = figure(
    priceTrend === null || price === null || price <= 0 ? null : (priceTrend * DAYS_PER_MONTH) / price,
    derived(`least-squares trend of the alpha price over the ${windowDays}-day window to ${at}`),
    priceTrend === null ? 'no price history in the window' : price === null || price <= 0 ? 'no alpha price' : null,
  );

  const freeSlots = Math.max(0, subnet.maxUids - subnet.uidCount);
  const deregLineAlphaPerDay = uids?.deregLineAlphaPerDay ?? null;
  const deregProvenance = derived(`lowest last-epoch emission among non-immune UIDs (owner-immortal ones skipped) at ${at}`);
  const deregNote = uids === null ? NO_UIDS : deregLineAlphaPerDay === null ? 'every prunable UID is immune' : null;
  const limitRead = subnet.immuneOwnerUidsLimit !== null;
  const floorRead = subnet.minNonImmuneUids !== null;
  const pruningWorking: PruningWorking = {
    nextUid: uids?.pruning.nextUid ?? null,
    reason: uids?.pruning.reason ?? NO_UIDS,
    immortalOwnerUids: uids?.pruning.immortalOwnerUids ?? [],
    immuneOwnerUidsLimit: figure(
      subnet.immuneOwnerUidsLimit ?? DEFAULT_IMMUNE_OWNER_UIDS_LIMIT,
      limitRead ? chain : derived('subtensor default'),
      limitRead ? null : wasRead(network, 'ImmuneOwnerUidsLimit') ? null : 'SubtensorModule.ImmuneOwnerUidsLimit not read: default 1 assumed',
    ),
    minNonImmuneUids: figure(
      subnet.minNonImmuneUids ?? DEFAULT_MIN_NON_IMMUNE_UIDS,
      floorRead ? chain : derived('subtensor default'),
      floorRead ? null : 'SubtensorModule.MinNonImmuneUids not read: default 10 assumed',
    ),
    nonImmuneUids: count(uids, (u) => u.pruning.nonImmune, uidProvenance),
  };
  const subnetDeregistration = options.subnetDeregistration ?? unknownDeregistration(derived(`SN${subnet.netuid} alone at ${at}`));

  return {
    netuid: subnet.netuid,
    name: subnet.name,
    symbol: subnet.symbol,
    blockNumber,
    blockTimeMs,
    provenance: chain,
    emissionShare: figure(
      emissionShareValue,
      excessMissing
        ? derived(`TAO-in emission only (SubnetExcessTao unreadable) ÷ BlockEmission at ${at}`)
        : derived(`(TAO-in emission + chain buys) ÷ BlockEmission at ${at}`),
      emissionShareValue === null
        ? 'the network mints no TAO per block'
        : excessMissing
          ? 'partial: chain buys unknown'
          : subnet.emissionEnabled === false
            ? 'SubnetEmissionEnabled is off: no TAO enters this subnet (its miners are still paid alpha)'
            : null,
    ),
    taoInEmissionShare: figure(
      shares?.taoIn ?? null,
      derived(`SubnetTaoInEmission ÷ BlockEmission at ${at}`),
      shares === null ? 'the network mints no TAO per block' : null,
    ),
    chainBuyShare: figure(
      shares?.chainBuys ?? null,
      derived(`SubnetExcessTao ÷ BlockEmission at ${at}`),
      shares === null ? 'the network mints no TAO per block' : excessMissing ? 'SubnetExcessTao is not readable on this runtime' : null,
    ),
    alphaPriceTao: figure(price, chain, price === null ? 'no alpha price' : network.priceSource === 'reserves' ? 'SubnetTAO ÷ SubnetAlphaIn: this runtime has no price call' : null),
    registrationCostTao: figure(burnTao, chain),
    registrationAllowed: subnet.registrationAllowed,
    immunityPeriodBlocks: figure(subnet.immunityPeriodBlocks, chain),
    tempo: figure(subnet.tempo, chain),
    ownerCutShare: figure(ownerCutShare(network, subnet), chain),
    minerPool: {
      grossAlphaPerDay: figure(pool.gross, pool.provenance, pool.note),
      grossTaoPerDay: figure(grossTaoPerDay, pool.provenance, price === null ? 'no alpha price' : pool.note),
      receivedAlphaPerDay: figure(receivedAlphaPerDay, pool.provenance, pool.note),
      receivedTaoPerDay: figure(receivedTaoPerDay, pool.provenance, price === null ? 'no alpha price' : pool.note),
      measuredReceivedAlphaPerDay: figure(
        pool.measured,
        derived(`Σ last-epoch emission of non-owner miner UIDs × 7200 / tempo at ${at}`),
        pool.measured === null ? (uids === null ? NO_UIDS : 'no miner without dividends was paid in the last epoch') : null,
      ),
      ruleReceivedAlphaPerDay: figure(
        pool.ruleReceived,
        derived(`alpha_out × (1 − owner cut) × miner share × (1 − burned share) × 7200 at ${at}`),
        pool.ruleReceived === null ? 'burned share unknown' : null,
      ),
      measuredVsRule: figure(
        pool.measured !== null && pool.ruleReceived !== null && pool.ruleReceived > 0 ? pool.measured / pool.ruleReceived : null,
        derived(`paid ÷ rule at ${at}`),
        pool.measured === null ? 'nothing measured to compare' : pool.ruleReceived === null || pool.ruleReceived <= 0 ? 'the rule gives nothing' : null,
      ),
      basis: pool.basis,
      minerShareOfEpoch: figure(
        minerShare,
        derived(`Σ incentive ÷ (Σ incentive + Σ dividends) at ${at}`),
        uids === null ? `${NO_UIDS}: ½ assumed` : uids.dividendSumU16 === 0 && uids.incentiveSumU16 > 0 ? 'no validator dividends: miners receive everything' : null,
      ),
      notEmittedReason: pool.basis === 'not-emitted' ? pool.note : null,
    },
    counts: {
      uids: figure(subnet.uidCount, chain),
      maxUids: figure(subnet.maxUids, chain),
      minerUids: count(uids, (u) => u.minerUids, uidProvenance),
      earningMiners: count(uids, (u) => u.earningMiners, uidProvenance),
      zeroEarners: count(uids, (u) => u.minerUids - u.earningMiners, uidProvenance),
      validators: count(uids, (u) => u.validators, uidProvenance),
      dualUids: count(uids, (u) => u.dualUids, uidProvenance),
      immuneUids: count(uids, (u) => u.immuneUids, uidProvenance),
      ownerUids: count(uids, (u) => u.ownerUids, uidProvenance),
      earningColdkeys: count(uids, (u) => u.earningColdkeys, uidProvenance),
      earningShareOfMiners: earningShareOfMiners(uids, uidProvenance),
    },
    burn: {
      ownerIncentiveShare: figure(
        uids?.ownerIncentiveShare ?? null,
        derived(`owner-held UIDs' share of all incentive at ${at}`),
        uids === null ? NO_UIDS : uids.ownerIncentiveShare === null ? 'no incentive in the last epoch' : null,
      ),
      minerBurnedFraction: figure(
        subnet.minerBurnedFraction,
        chain,
        subnet.minerBurnedFraction === null ? 'SubtensorModule.MinerBurned not readable' : null,
      ),
      burnedShare: figure(
        burnedShare,
        chainBurned !== null ? chain : derived(`owner-held UIDs' share of all incentive at ${at}`),
        burnedShare === null ? 'neither MinerBurned nor the incentive vector is known' : chainBurned === null ? 'MinerBurned unreadable: re-derived from the incentive vector' : null,
      ),
    },
    perMiner: { alphaPerDay: alphaPercentiles, taoPerDay: taoPercentiles },
    concentration: {
      gini: figure(giniValue, incentiveProvenance, uidNote),
      top1Share: figure(topShare(earning, 1), incentiveProvenance, uidNote),
      top10PctShare: figure(top10PctShare(earning), incentiveProvenance, uidNote),
      hhi: figure(hhi(earning), incentiveProvenance, uidNote),
      nakamoto: figure(nakamoto(earning), incentiveProvenance, uidNote),
      nakamotoColdkeys: figure(nakamoto(uids?.coldkeyIncentivesAsc ?? []), incentiveProvenance, uidNote),
    },
    deregLine: {
      alphaPerDay: figure(deregLineAlphaPerDay, deregProvenance, deregNote),
      taoPerDay: figure(
        deregLineAlphaPerDay === null || price === null ? null : deregLineAlphaPerDay * price,
        deregProvenance,
        deregNote ?? (price === null ? 'no alpha price' : null),
      ),
      uid: uids?.deregLineUid ?? null,
    },
    registrationsPerDay,
    pruningWorking,
    subnetDeregistration,
    alphaHalving,
    taoHalving,
    registrationTiming: registrationTiming(subnet, network, registrationsPerDay.value, chain, derived(`burn decay and bumps at the registration rate, from ${at}`)),
    alphaPriceTrendPerMonth,
    window: windowStats,
    summary,
    model: {
      sharesDesc,
      prefixShares: prefixSums(sharesDesc),
      receivedPoolAlphaPerDay: receivedAlphaPerDay,
      alphaPriceTao: price,
      burnTao,
      emissionAlphaPerDayAsc: uids?.emissionAlphaPerDayAsc ?? [],
      nonImmuneEmissionAlphaPerDayAsc: uids?.nonImmuneEmissionAlphaPerDayAsc ?? [],
      minNonImmuneUids: subnet.minNonImmuneUids ?? DEFAULT_MIN_NON_IMMUNE_UIDS,
      deregLineAlphaPerDay,
      freeSlots,
      immunityDays: blocksToDays(subnet.immunityPeriodBlocks),
      registrationsPerDay: registrationsPerDay.value,
      registrationAllowed: subnet.registrationAllowed,
      earningMiners: uids?.earningMiners ?? null,
      gini: giniValue,
      burnedShare,
      alphaEmissionFactorByMonth: emissionFactorsByMonth(alphaIssuance, alphaPerDay, PATH_MONTHS, DAYS_PER_MONTH),
      subnetDeregLevel: subnetDeregistration.level,
      chain,
      withScenario: derived(`chain figures at ${at} under the scenario`),
    },
  };
}
