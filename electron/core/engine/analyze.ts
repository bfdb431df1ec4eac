/**
 * The expensive half of the engine: everything about one subnet at one sync point that does not depend on the
 * scenario (sorting, concentration, percentiles, the earning-miner curve, pruning, halvings, the window).
 * Computed once per sync and cached by the caller; evaluateNewcomer then reads it in O(log n).
 *
 * Who counts as what is said in uid-facts.ts, which reads the UID rows; the miner pool is chosen in miner-pool.ts.
 */
import type { Provenance } from '../../../shared/domain';
import type {
  Figure,
  Percentiles,
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
import { minerPool } from './miner-pool';
import { DEFAULT_IMMUNE_OWNER_UIDS_LIMIT } from './owners';
import { percentileValues, type PercentileValues } from './percentiles';
import { alphaPriceTao, minerShareOfEpoch, ownerCutShare, wasRead } from './pool';
import { chainAt, derived, figure } from './provenance';
import { registrationTiming } from './registration-timing';
import { unknownDeregistration } from './subnet-dereg';
import { count, DEFAULT_MIN_NON_IMMUNE_UIDS, earningShareOfMiners, NO_UIDS, readUids } from './uid-facts';
import { blocksToDays, raoToUnits } from './units';
import { computeWindow, growthPerDay } from './window';

export interface AnalyzeOptions {
  /** Days of history the window covers (default 30). */
  windowDays?: number;
  /** Live-vs-window departure flagged as divergent (default DEFAULT_THRESHOLDS.divergenceRatio). */
  divergenceRatio?: number;
  /** This subnet's place in the network-wide deregistration order (subnetDeregistrations); unknown without it. */
  subnetDeregistration?: SubnetDeregistration;
}

export const DEFAULT_WINDOW_DAYS = 30;
/** Months of halving factors kept in the model: the longest horizon the what-if offers (longer ones reuse the last). */
const PATH_MONTHS = 36;

function percentileFigures(
  values: PercentileValues,
  scale: number | null,
  provenance: Provenance,
  note: string | null,
): Percentiles {
  const at = (v: number | null): Figure => figure(v === null || scale === null ? null : v * scale, provenance, note);
  return { p25: at(values.p25), p50: at(values.p50), p75: at(values.p75), p90: at(values.p90), max: at(values.max) };
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
  const shares = emissionShares(subnet, network);
  const emissionShareValue = shares?.total ?? null;
  const excessMissing = subnet.excessTaoRao === null;

  // ST run_epoch.rs: server emission = incentive / (Σ incentive + Σ dividends); without UID rows the usual ½.
  const minerShare =
    uids === null || (input.neurons?.length ?? 0) === 0
      ? 0.5
      : minerShareOfEpoch(uids.incentiveSumU16, uids.dividendSumU16);
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
  const alphaPerDay = alphaGrowth ?? raoToUnits(subnet.alphaOutEmissionRao + subnet.alphaInEmissionRao) * 7200;
  const alphaRateProvenance = derived(
    alphaGrowth !== null
      ? `growth of SubnetAlphaIn + SubnetAlphaOut over the window to ${at}`
      : `(alpha out + alpha in emission) per block × 7200 at ${at} (no issuance history)`,
  );
  const taoGrowth = growthPerDay(history, summary, windowDays, (p) => p.totalIssuanceTao);
  const taoPerDayIssued = taoGrowth ?? raoToUnits(network.blockEmissionRao) * 7200;
  const taoRateProvenance = derived(
    taoGrowth !== null
      ? `growth of TotalIssuance over the window to ${at}`
      : `BlockEmission × 7200 at ${at} (no issuance history)`,
  );
  const alphaHalving = halvingOutlook(
    alphaIssuance,
    alphaPerDay,
    alphaRateProvenance,
    null,
    blockNumber,
    blockTimeMs,
    chain,
    null,
  );
  const taoHalving = halvingOutlook(
    totalIssuanceTao,
    taoPerDayIssued,
    taoRateProvenance,
    null,
    blockNumber,
    blockTimeMs,
    chain,
    null,
  );
  const priceTrend = windowStats?.metrics.priceTao.trendPerDay ?? null;
  const alphaPriceTrendPerMonth = figure(
    priceTrend === null || price === null || price <= 0 ? null : (priceTrend * DAYS_PER_MONTH) / price,
    derived(`least-squares trend of the alpha price over the ${windowDays}-day window to ${at}`),
    priceTrend === null ? 'no price history in the window' : price === null || price <= 0 ? 'no alpha price' : null,
  );

  const freeSlots = Math.max(0, subnet.maxUids - subnet.uidCount);
  const deregLineAlphaPerDay = uids?.deregLineAlphaPerDay ?? null;
  const deregProvenance = derived(
    `lowest last-epoch emission among non-immune UIDs (owner-immortal ones skipped) at ${at}`,
  );
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
      limitRead
        ? null
        : wasRead(network, 'ImmuneOwnerUidsLimit')
          ? null
          : 'SubtensorModule.ImmuneOwnerUidsLimit not read: default 1 assumed',
    ),
    minNonImmuneUids: figure(
      subnet.minNonImmuneUids ?? DEFAULT_MIN_NON_IMMUNE_UIDS,
      floorRead ? chain : derived('subtensor default'),
      floorRead ? null : 'SubtensorModule.MinNonImmuneUids not read: default 10 assumed',
    ),
    nonImmuneUids: count(uids, (u) => u.pruning.nonImmune, uidProvenance),
  };
  const subnetDeregistration =
    options.subnetDeregistration ?? unknownDeregistration(derived(`SN${subnet.netuid} alone at ${at}`));

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
      shares === null
        ? 'the network mints no TAO per block'
        : excessMissing
          ? 'SubnetExcessTao is not readable on this runtime'
          : null,
    ),
    alphaPriceTao: figure(
      price,
      chain,
      price === null
        ? 'no alpha price'
        : network.priceSource === 'reserves'
          ? 'SubnetTAO ÷ SubnetAlphaIn: this runtime has no price call'
          : null,
    ),
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
        pool.measured === null
          ? uids === null
            ? NO_UIDS
            : 'no miner without dividends was paid in the last epoch'
          : null,
      ),
      ruleReceivedAlphaPerDay: figure(
        pool.ruleReceived,
        derived(`alpha_out × (1 − owner cut) × miner share × (1 − burned share) × 7200 at ${at}`),
        pool.ruleReceived === null ? 'burned share unknown' : null,
      ),
      measuredVsRule: figure(
        pool.measured !== null && pool.ruleReceived !== null && pool.ruleReceived > 0
          ? pool.measured / pool.ruleReceived
          : null,
        derived(`paid ÷ rule at ${at}`),
        pool.measured === null
          ? 'nothing measured to compare'
          : pool.ruleReceived === null || pool.ruleReceived <= 0
            ? 'the rule gives nothing'
            : null,
      ),
      basis: pool.basis,
      minerShareOfEpoch: figure(
        minerShare,
        derived(`Σ incentive ÷ (Σ incentive + Σ dividends) at ${at}`),
        uids === null
          ? `${NO_UIDS}: ½ assumed`
          : uids.dividendSumU16 === 0 && uids.incentiveSumU16 > 0
            ? 'no validator dividends: miners receive everything'
            : null,
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
        burnedShare === null
          ? 'neither MinerBurned nor the incentive vector is known'
          : chainBurned === null
            ? 'MinerBurned unreadable: re-derived from the incentive vector'
            : null,
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
    registrationTiming: registrationTiming(
      subnet,
      network,
      registrationsPerDay.value,
      chain,
      derived(`burn decay and bumps at the registration rate, from ${at}`),
    ),
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
