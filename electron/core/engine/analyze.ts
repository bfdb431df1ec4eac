/**
 * The expensive half of the engine: everything about one subnet at one sync point that does not depend on the
 * scenario (sorting, concentration, percentiles, the earning-miner curve, the deregistration line, the window).
 * Computed once per sync and cached by the caller; evaluateNewcomer then reads it in O(log n).
 *
 * Who counts as what (UIDs whose hotkey is the subnet owner's are "owner UIDs" and are in none of these):
 * - miner: no validator permit, or a permit and incentive > 0 (a "dual" UID earns from the miner pool, so it is
 *   part of the incentive curve a newcomer competes against);
 * - validator: a validator permit (duals are counted here too, and in dualUids);
 * - earning miner: a miner with combined incentive > 0; zero-earner: a miner with none;
 * - immune: registered fewer than ImmunityPeriod blocks before the snapshot.
 */
import type { NeuronSnapshot, Provenance } from '../../../shared/domain';
import type {
  Figure,
  Percentiles,
  SubnetAnalysis,
  SubnetHistoryPoint,
  SubnetInput,
} from '../../../shared/economics';
import { DEFAULT_THRESHOLDS } from '../../../shared/economics';
import { gini, hhi, nakamoto, top10PctShare, topShare } from './concentration';
import { prefixSums } from './curve';
import { combineIncentives } from './incentive';
import { percentileValues, type PercentileValues } from './percentiles';
import { emissionShares } from './emission-share';
import { alphaPriceTao, minerPoolAlphaPerDay, ownerCutShare } from './pool';
import { chainAt, derived, figure } from './provenance';
import { blocksToDays, perEpochToPerDay, raoToUnits } from './units';
import { computeWindow } from './window';

export interface AnalyzeOptions {
  /** Days of history the window covers (default 30). */
  windowDays?: number;
  /** Live-vs-window departure flagged as divergent (default DEFAULT_THRESHOLDS.divergenceRatio). */
  divergenceRatio?: number;
}

export const DEFAULT_WINDOW_DAYS = 30;
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
  /** Combined incentive of earning miners, ascending. */
  earningIncentivesAsc: number[];
  /** Incentive summed per coldkey over earning miners, ascending. */
  coldkeyIncentivesAsc: number[];
  ownerIncentiveShare: number | null;
  emissionAlphaPerDayAsc: number[];
  deregLineAlphaPerDay: number | null;
  deregUid: number | null;
  registrationsSincePrevious: number | null;
  emissionCrossCheckRatio: number | null;
  mechanismsExpected: number;
  mechanismsRead: number;
}

/** The chain's pruning order: lowest emission first, then older registration, then lower uid. */
function prunedBefore(a: NeuronSnapshot, b: NeuronSnapshot): boolean {
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
  let totalIncentive = 0;
  let ownerIncentive = 0;
  let minerUids = 0;
  let validators = 0;
  let dualUids = 0;
  let immuneUids = 0;
  let ownerUids = 0;
  let registrationsSincePrevious = 0;
  let pureMinerEmissionRao = 0n;
  let pureMinerIncentive = 0;
  let lowest: NeuronSnapshot | null = null;
  const earningIncentivesAsc: number[] = [];
  const byColdkey = new Map<string, number>();
  const emissionAlphaPerDayAsc: number[] = [];

  for (let i = 0; i < neurons.length; i++) {
    const n = neurons[i] as NeuronSnapshot;
    const incentive = combined.incentives[i] as number;
    totalIncentive += incentive;
    if (previousBlockNumber !== null && n.registeredAtBlock > previousBlockNumber) registrationsSincePrevious++;
    if (n.hotkey === subnet.ownerHotkey) {
      ownerUids++;
      ownerIncentive += incentive;
      continue;
    }
    const immune = input.blockNumber - n.registeredAtBlock < subnet.immunityPeriodBlocks;
    if (immune) immuneUids++;
    else if (lowest === null || prunedBefore(n, lowest)) lowest = n;
    const emissionPerDay = perEpochToPerDay(raoToUnits(n.emissionRao), subnet.tempo);
    if (emissionPerDay !== null) emissionAlphaPerDayAsc.push(emissionPerDay);

    if (n.validatorPermit) validators++;
    if (n.validatorPermit && incentive > 0) dualUids++;
    if (n.validatorPermit && incentive === 0) continue;
    minerUids++;
    if (incentive > 0) {
      earningIncentivesAsc.push(incentive);
      byColdkey.set(n.coldkey, (byColdkey.get(n.coldkey) ?? 0) + incentive);
      if (!n.validatorPermit) {
        // Pure miners only: a dual UID's emission also holds dividends.
        pureMinerEmissionRao += n.emissionRao;
        pureMinerIncentive += incentive;
      }
    }
  }
  earningIncentivesAsc.sort((a, b) => a - b);
  emissionAlphaPerDayAsc.sort((a, b) => a - b);
  const coldkeyIncentivesAsc = [...byColdkey.values()].sort((a, b) => a - b);

  const poolAlphaPerDay = minerPoolAlphaPerDay(input.network, subnet);
  const emissionPerDay = perEpochToPerDay(raoToUnits(pureMinerEmissionRao), subnet.tempo);
  const incentivePerDay = pureMinerIncentive * poolAlphaPerDay;
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
    ownerIncentiveShare: totalIncentive > 0 ? ownerIncentive / totalIncentive : null,
    emissionAlphaPerDayAsc,
    deregLineAlphaPerDay: lowest === null ? null : perEpochToPerDay(raoToUnits(lowest.emissionRao), subnet.tempo),
    deregUid: lowest === null ? null : lowest.uid,
    registrationsSincePrevious: previousBlockNumber === null ? null : registrationsSincePrevious,
    emissionCrossCheckRatio: emissionPerDay !== null && incentivePerDay > 0 ? emissionPerDay / incentivePerDay : null,
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
  const poolAlphaPerDay = minerPoolAlphaPerDay(network, subnet);
  const poolTaoPerDay = price === null ? null : poolAlphaPerDay * price;
  const shares = emissionShares(subnet, network);
  const emissionShareValue = shares?.total ?? null;
  const excessMissing = subnet.excessTaoRao === null;

  // What reaches non-owner miners: the incentive owner UIDs take is burned. With no incentive at all in the last
  // epoch (or no UID rows) fall back to the chain's own MinerBurned.
  const burnedShare = uids?.ownerIncentiveShare ?? subnet.minerBurnedFraction;
  const receivedAlphaPerDay = burnedShare === null ? null : poolAlphaPerDay * (1 - burnedShare);
  const receivedTaoPerDay = receivedAlphaPerDay === null || price === null ? null : receivedAlphaPerDay * price;

  const poolProvenance = derived(`alphaOutEmission × (1 − owner cut) × ½ × 7200 at ${at}`);
  const receivedProvenance = derived(
    uids?.ownerIncentiveShare != null
      ? `miner pool minus the owner UIDs' incentive at ${at}`
      : `miner pool × (1 − MinerBurned) at ${at}`,
  );
  const mechanismNote =
    uids !== null && uids.mechanismsRead < uids.mechanismsExpected
      ? `incentives read for ${uids.mechanismsRead} of ${uids.mechanismsExpected} mechanisms`
      : null;
  const uidProvenance = derived(`UID rows at ${at}; owner hotkey excluded`);
  const incentiveProvenance = derived(`incentives of earning miners at ${at}, owner UIDs excluded`);
  const uidNote = uids === null ? NO_UIDS : mechanismNote;

  const earning = uids?.earningIncentivesAsc ?? [];
  const earningTotal = earning.reduce((s, v) => s + v, 0);
  const incentivePercentiles = percentileValues(earning);
  // Per-miner alpha/day is its incentive × the whole miner pool (incentives sum to 1 over the subnet).
  const alphaPercentiles = percentileFigures(incentivePercentiles, poolAlphaPerDay, incentiveProvenance, uidNote);
  const taoPercentiles = percentileFigures(
    incentivePercentiles,
    price === null ? null : poolAlphaPerDay * price,
    incentiveProvenance,
    uids === null ? NO_UIDS : price === null ? 'no alpha price' : mechanismNote,
  );
  const giniValue = gini(earning);

  const sharesDesc = earningTotal > 0 ? earning.map((v) => v / earningTotal).reverse() : [];
  const summary: SubnetHistoryPoint = {
    blockNumber,
    blockTimeMs,
    earningMiners: uids?.earningMiners ?? null,
    gini: giniValue,
    minerPoolAlphaPerDay: poolAlphaPerDay,
    minerPoolTaoPerDay: poolTaoPerDay,
    medianMinerTaoPerDay: taoPercentiles.p50.value,
    priceTao: price,
    burnTao,
    emissionShare: emissionShareValue,
    previousBlockNumber,
    registrationsSincePrevious: uids?.registrationsSincePrevious ?? null,
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

  const freeSlots = Math.max(0, subnet.maxUids - subnet.uidCount);
  const deregLineAlphaPerDay = uids?.deregLineAlphaPerDay ?? null;
  const deregProvenance = derived(`lowest last-epoch emission among non-immune, non-owner UIDs at ${at}`);
  const deregNote = uids === null ? NO_UIDS : deregLineAlphaPerDay === null ? 'every non-owner UID is immune' : null;

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
    alphaPriceTao: figure(price, chain, price === null ? 'no alpha price' : null),
    registrationCostTao: figure(burnTao, chain),
    registrationAllowed: subnet.registrationAllowed,
    immunityPeriodBlocks: figure(subnet.immunityPeriodBlocks, chain),
    tempo: figure(subnet.tempo, chain),
    ownerCutShare: figure(ownerCutShare(network, subnet), chain),
    minerPool: {
      alphaPerDay: figure(poolAlphaPerDay, poolProvenance),
      taoPerDay: figure(poolTaoPerDay, poolProvenance, price === null ? 'no alpha price' : null),
      receivedAlphaPerDay: figure(
        receivedAlphaPerDay,
        receivedProvenance,
        burnedShare === null ? 'burned share unknown' : null,
      ),
      receivedTaoPerDay: figure(
        receivedTaoPerDay,
        receivedProvenance,
        receivedTaoPerDay === null ? 'burned share or alpha price unknown' : null,
      ),
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
        derived(`owner UIDs' share of all incentive at ${at}`),
        uids === null ? NO_UIDS : uids.ownerIncentiveShare === null ? 'no incentive in the last epoch' : null,
      ),
      minerBurnedFraction: figure(
        subnet.minerBurnedFraction,
        chain,
        subnet.minerBurnedFraction === null ? 'MinerBurned not readable' : null,
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
      uid: uids?.deregUid ?? null,
    },
    registrationsPerDay,
    emissionCrossCheckRatio: figure(
      uids?.emissionCrossCheckRatio ?? null,
      derived(`pure miners' emission vs incentive × miner pool at ${at}`),
      uids === null ? NO_UIDS : null,
    ),
    window: windowStats,
    summary,
    model: {
      sharesDesc,
      prefixShares: prefixSums(sharesDesc),
      receivedPoolAlphaPerDay: receivedAlphaPerDay,
      alphaPriceTao: price,
      burnTao,
      emissionAlphaPerDayAsc: uids?.emissionAlphaPerDayAsc ?? [],
      deregLineAlphaPerDay,
      freeSlots,
      immunityDays: blocksToDays(subnet.immunityPeriodBlocks),
      registrationsPerDay: registrationsPerDay.value,
      registrationAllowed: subnet.registrationAllowed,
      earningMiners: uids?.earningMiners ?? null,
      gini: giniValue,
      burnedShare,
      chain,
      withScenario: derived(`chain figures at ${at} under the scenario`),
    },
  };
}
