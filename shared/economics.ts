/**
 * Inputs and outputs of the economics engine (electron/core/engine), shared with the renderer.
 * Every figure says where it came from (Provenance). `value: null` means "cannot be known from the inputs"
 * (missing data, or no finite answer such as a payback that never comes); `note` then says why.
 * Units are in the names: ...Tao, ...Usd, ...PerDay, ...PerMonth, ...Share (0..1).
 */
import type { NetworkSnapshot, NeuronSnapshot, Provenance, SubnetSnapshot } from './domain';

/** A number (or other value) with where it came from. `note` explains a null or qualifies the value. */
export interface Figure<T = number> {
  value: T | null;
  provenance: Provenance;
  note: string | null;
}

// ---------------------------------------------------------------------------------------------------------------
// Inputs

/** One subnet at one sync point, as the sync stored it. `neurons: null` = UID rows not kept for this point. */
export interface SubnetInput {
  blockNumber: number;
  blockTimeMs: number;
  network: NetworkSnapshot;
  subnet: SubnetSnapshot;
  neurons: readonly NeuronSnapshot[] | null;
}

/** Where the newcomer expects to land among the earning miners (rank 1 = best). */
export type Position =
  | { kind: 'rank'; rank: number }
  /** 0..100: the share of the field the newcomer beats (90 = top 10%). */
  | { kind: 'percentile'; percentile: number }
  /** The miner pool split evenly among all earning miners. */
  | { kind: 'equal' }
  /**
   * Where newcomers actually landed on this subnet (the rank percentiles of recent registrants who earned, from the
   * local per-UID history; a stated prior when too few registered). The default: the honest, not the best, case.
   */
  | { kind: 'landed' };

/** The miner's machine, as the what-if states it (an assumption; presets in RIG_PRESETS). */
export interface Rig {
  /** The preset it started from ('custom' once edited by hand is still fine: only the figures matter). */
  label: string;
  gpuModel: string | null;
  gpuCount: number;
  /** Per GPU. */
  vramGb: number;
  cpuCores: number;
  ramGb: number;
}

/** The user's what-if. Everything here is an assumption and is labelled so in the outputs. */
export interface Scenario {
  /** TAO price in USD; null = not set (USD figures are then null). */
  taoPriceUsd: number | null;
  /** Hardware rent for one miner, USD/month. */
  rentUsdPerMonth: number;
  /** Per-subnet rent, by netuid (e.g. a GPU subnet next to CPU ones). */
  rentUsdPerMonthByNetuid?: Readonly<Record<number, number>>;
  position: Position;
  /** Miners competing with the newcomer (the newcomer excluded); null = each subnet's current earning miners. */
  competitorCount: number | null;
  /** Months over which the registration cost is amortised (> 0). */
  horizonMonths: number;
  /** Registration cost in TAO by netuid; a subnet not listed uses its current burn. */
  registrationCostTaoByNetuid?: Readonly<Record<number, number>>;
  /** 0..1: share of spot value lost when selling alpha for TAO (fees, slippage). */
  sellDiscount: number;
  /**
   * Assumed change of the alpha price per month, as a share (0.05 = +5% a month, compounding; default 0). The
   * subnet's own 30-day trend is offered as SubnetAnalysis.alphaPriceTrendPerMonth.
   */
  alphaPriceChangePerMonth?: number;
  /** The rig the newcomer would mine with; absent = not said (rig fit then unknown). Its rent is rentUsdPerMonth. */
  rig?: Rig;
}

/** The rules of thumb (product.md) as numbers the user can change. */
export interface VerdictThresholds {
  /** Profit must exceed this (USD/month) for Mine; at or below it the verdict is Skip. */
  minProfitUsdPerMonth: number;
  /** Gini of earning-miner rewards: below giniGood is good, above giniBad is bad. */
  giniGood: number;
  giniBad: number;
  /** Competing miners: goodMin..goodMax is good, above crowdedAbove is crowded, below deadBelow maybe dead. */
  minersGoodMin: number;
  minersGoodMax: number;
  minersCrowdedAbove: number;
  minersDeadBelow: number;
  /** Registration cost in TAO: below lowTao is good, above riskyTao is bad (sunk, no refund). */
  registrationLowTao: number;
  registrationRiskyTao: number;
  /** Share of the miner pool burned on owner UIDs above which the subnet is flagged. */
  burnedShareBad: number;
  /** |live − window mean| / window mean above which the live snapshot is flagged as unrepresentative. */
  divergenceRatio: number;
  /** Pruning risk: pushed out within pruneHighDays = high, within pruneMediumDays = medium. */
  pruneHighDays: number;
  pruneMediumDays: number;
  /** Subnet deregistration: at the subnet limit, a rank from the bottom at or below this (among non-immune) is high risk. */
  subnetDeregHighRank: number;
  /** ... and at or below this, medium. */
  subnetDeregMediumRank: number;
  /** P(earn) must be at least this for Mine (0..1). */
  minEarnShare: number;
  /**
   * Assumptions used when a subnet's history holds fewer than MIN_NEWCOMERS_MEASURED newcomers with a known
   * outcome: the share of newcomers that earn (0..1) and the percentile of the earning field they land at (0..100).
   * Conservative on purpose: with no evidence, most newcomers on Finney earn nothing (see economics.md).
   */
  priorEarnShare: number;
  priorLandedPercentile: number;
}

export const DEFAULT_THRESHOLDS: Readonly<VerdictThresholds> = Object.freeze({
  minProfitUsdPerMonth: 0,
  giniGood: 0.3,
  giniBad: 0.7,
  minersGoodMin: 50,
  minersGoodMax: 200,
  minersCrowdedAbove: 500,
  minersDeadBelow: 10,
  registrationLowTao: 1,
  registrationRiskyTao: 5,
  burnedShareBad: 0.5,
  divergenceRatio: 0.5,
  pruneHighDays: 7,
  pruneMediumDays: 30,
  subnetDeregHighRank: 1,
  subnetDeregMediumRank: 5,
  minEarnShare: 0.3,
  priorEarnShare: 0.2,
  priorLandedPercentile: 20,
});

/** Fewer newcomers with a known outcome than this and the subnet's own P(earn) is not trusted: the prior is used. */
export const MIN_NEWCOMERS_MEASURED = 8;

/** Average month used for every per-month figure (365.25 / 12). */
export const DAYS_PER_MONTH = 30.44;

// ---------------------------------------------------------------------------------------------------------------
// Per subnet (expensive, once per sync point)

export interface Percentiles {
  p25: Figure;
  p50: Figure;
  p75: Figure;
  p90: Figure;
  max: Figure;
}

/** Per-sync-point summary kept as history; the window statistics are computed over a series of these. */
export interface SubnetHistoryPoint {
  blockNumber: number;
  blockTimeMs: number;
  earningMiners: number | null;
  gini: number | null;
  /** The miner pool before burns (owner-held UIDs included), alpha and TAO per day. */
  grossMinerPoolAlphaPerDay: number | null;
  grossMinerPoolTaoPerDay: number | null;
  /** What non-owner miners receive after the owner coldkey's UIDs are burned: the figure a miner shares in. */
  receivedMinerPoolAlphaPerDay: number | null;
  receivedMinerPoolTaoPerDay: number | null;
  medianMinerTaoPerDay: number | null;
  priceTao: number | null;
  burnTao: number | null;
  emissionShare: number | null;
  /** The sync point this one's registrations are counted from (null: none known). */
  previousBlockNumber: number | null;
  /** UIDs registered after previousBlockNumber (null: no previous point, or no UID rows). */
  registrationsSincePrevious: number | null;
  /** The subnet's alpha issuance, SubnetAlphaIn + SubnetAlphaOut, in alpha (drives its emission halving). */
  alphaIssuance: number | null;
  /** The network's TotalIssuance in TAO (drives the TAO block-emission halving). */
  totalIssuanceTao: number | null;
}

/** The history metrics the window summarises. */
export type WindowMetric =
  | 'earningMiners'
  | 'gini'
  | 'grossMinerPoolTaoPerDay'
  | 'receivedMinerPoolAlphaPerDay'
  | 'receivedMinerPoolTaoPerDay'
  | 'medianMinerTaoPerDay'
  | 'priceTao'
  | 'burnTao'
  | 'emissionShare';

export interface WindowMetricStats {
  live: number | null;
  /** Mean over the window's past points (the live point excluded, so a live outlier cannot hide in it). */
  mean: number | null;
  /** Least-squares slope over the past points and the live one, per day. */
  trendPerDay: number | null;
  /** (live − first point in window) / first point. */
  changeRatio: number | null;
  /** |live − mean| / |mean|; null when the mean is 0 or unknown. */
  departure: number | null;
  /** departure > divergenceRatio (true also when the mean is 0 and live is not). */
  divergent: boolean | null;
}

export interface WindowStats {
  windowDays: number;
  /** Past points inside the window. */
  points: number;
  fromBlock: number | null;
  metrics: Record<WindowMetric, WindowMetricStats>;
  /** Metrics whose live value diverges from the window. */
  divergentMetrics: WindowMetric[];
  registrationsPerDay: Figure;
  provenance: Provenance;
}

/**
 * What the cheap newcomer evaluation needs, precomputed by analyzeSubnet. Engine-internal: the renderer does not
 * need it (the service may drop it before sending an analysis over IPC). Plain arrays so it survives JSON.
 */
export interface NewcomerModel {
  /** Shares of earning miners (owner UIDs removed), sorted descending, Σ = 1. */
  sharesDesc: number[];
  /** prefixShares[k] = Σ of the k largest shares; length sharesDesc.length + 1. */
  prefixShares: number[];
  /** Alpha/day that reaches non-owner miners (the miner pool minus what owner UIDs burn). */
  receivedPoolAlphaPerDay: number | null;
  alphaPriceTao: number | null;
  burnTao: number;
  /**
   * Emission (alpha/day) of every UID get_neuron_to_prune may pick (owner-immortal UIDs left out), ascending: how
   * many earn no more than the newcomer, and so go first (ties go to the older registration: the incumbent).
   */
  emissionAlphaPerDayAsc: number[];
  /** The same for the UIDs out of immunity now: the ones pruned before the newcomer once it is out of immunity. */
  nonImmuneEmissionAlphaPerDayAsc: number[];
  /** MinNonImmuneUids: with no more non-immune UIDs than this, pruning takes an immune one instead. */
  minNonImmuneUids: number;
  deregLineAlphaPerDay: number | null;
  freeSlots: number;
  immunityDays: number;
  registrationsPerDay: number | null;
  registrationAllowed: boolean;
  earningMiners: number | null;
  gini: number | null;
  burnedShare: number | null;
  /** Alpha emission per block relative to today at the end of each future month (1, then 0.5 after a halving …). */
  alphaEmissionFactorByMonth: number[];
  subnetDeregLevel: RiskLevel | null;
  chain: Provenance;
  /**
   * Percentiles earning newcomers landed at here (NewcomerOutcomes.landedPercentiles), set when enough newcomers
   * were measured; absent → the 'landed' position uses the prior percentile.
   */
  landedPercentiles?: number[];
  /** Newcomer outputs that mix this snapshot with the scenario. */
  withScenario: Provenance;
}

export type RiskLevel = 'low' | 'medium' | 'high';

/** How the received miner pool was obtained: what the chain paid, the rule, or nothing (not emitted to). */
export type PoolBasis = 'measured' | 'rule' | 'not-emitted';

/** The working of get_neuron_to_prune on this snapshot (ST subnets/registration.rs), for the subnet page. */
export interface PruningWorking {
  /** The UID the chain would replace on the next registration into a full subnet; null when none can be. */
  nextUid: number | null;
  /** Why that one: lowest emission among non-immune, or the immune fallback under the MinNonImmuneUids floor. */
  reason: string;
  /** Owner UIDs get_neuron_to_prune skips (ImmuneOwnerUidsLimit of them). */
  immortalOwnerUids: number[];
  immuneOwnerUidsLimit: Figure;
  minNonImmuneUids: Figure;
  /** Non-immune, non-immortal UIDs now (the floor compares this with MinNonImmuneUids). */
  nonImmuneUids: Figure;
}

/** Subnet deregistration (ST coinbase/root.rs get_network_to_prune; subnets/subnet.rs do_register_network). */
export interface SubnetDeregistration {
  level: RiskLevel | null;
  reason: string;
  /** 1 = the next subnet dissolved when a new one registers at the limit; among non-immune subnets by moving price. */
  rankFromBottom: Figure;
  nonImmuneSubnets: Figure;
  subnetCount: Figure;
  subnetLimit: Figure;
  /** Days of network immunity left (0 = none left). */
  immunityLeftDays: Figure;
  /** Moving price minus the next-lowest non-immune subnet's (rank 1: minus the second-lowest, so negative). */
  movingPriceGap: Figure;
  /** The runtime's own get_subnet_to_prune answer names this subnet (null: the runtime has no such call). */
  runtimeSaysNext: boolean | null;
}

/** The next halving of an emission curve (ST coinbase/block_emission.rs get_block_emission_for_issuance). */
export interface HalvingOutlook {
  issuance: Figure;
  issuancePerDay: Figure;
  /** Issuance at which the emission per block next halves. */
  nextThreshold: Figure;
  daysToHalving: Figure;
  halvingBlock: Figure;
  halvingTimeMs: Figure;
}

/** The registration price if you wait (ST subnets/registration.rs update_registration_prices_for_networks, bump_…). */
export interface RegistrationTiming {
  burnNowTao: Figure;
  in1hTao: Figure;
  in6hTao: Figure;
  in24hTao: Figure;
  /** A limit price for register_limit that still gets in if one other registration lands first (burn × mult). */
  registerLimitTao: Figure;
  halfLifeBlocks: Figure;
  increaseMult: Figure;
}

/** One month of the earnings path. */
export interface PathMonth {
  month: number;
  /** Alpha emission relative to today (halvings), and the assumed alpha price, at this month. */
  emissionFactor: number;
  alphaPriceTao: number | null;
  earningsUsd: number | null;
  profitUsd: number | null;
  /** Profit from the start, the registration paid up front. */
  cumulativeProfitUsd: number | null;
}

export interface EarningsPath {
  months: PathMonth[];
  /** Cumulative profit at the end of the horizon. */
  profitOverHorizonUsd: Figure;
  /** Month (fractional) at which the cumulative profit first reaches 0. */
  paybackMonths: Figure;
  /** The assumed alpha price change per month the path used. */
  alphaPriceChangePerMonth: Figure;
}

/**
 * What happened to the UIDs registered on a subnet within the history window (engine/newcomer-history.ts).
 * A newcomer's outcome is known once it earned, was pruned, or outlived its immunity; the others are still open.
 */
export interface NewcomerOutcomes {
  /** Registrations seen (registered after the window's first point). */
  registered: number;
  /**
   * Of those, registered between two points further apart than the immunity (thinned history): left out, since a
   * newcomer pruned there could have gone unseen and the survivors alone would overstate P(earn).
   */
  inCoarseGaps: number;
  /** Of the others, outcome known (earned, pruned, or immunity over). */
  resolved: number;
  /** Reached incentive > 0 before their immunity ended. */
  earned: number;
  /** Replaced before they ever earned. */
  prunedBeforeEarning: number;
  /** earned / resolved; null without resolved newcomers. */
  earnShare: number | null;
  /** Median days from registration to the first sync point showing incentive (earners only). */
  medianDaysToFirstIncentive: number | null;
  /**
   * Median rank percentile among the earning miners (0..100, the share of earners beaten; a non-earner counts 0)
   * 1, 3 and 7 days after registration, over the newcomers still registered then.
   */
  medianPercentileAfterDays: { d1: number | null; d3: number | null; d7: number | null };
  /** Percentiles earners held at their latest milestone up to 7 days, ascending: the landed distribution. */
  landedPercentiles: number[];
  /** Sync points read and the block span they cover. */
  points: number;
  fromBlock: number | null;
  toBlock: number | null;
}

/** Income of the miners a newcomer competes with: not owner-controlled, not validator-permitted (TAO/day). */
export interface CompetitiveIncome {
  miners: number;
  bestTaoPerDay: number | null;
  medianTaoPerDay: number | null;
}

// Backtest of the newcomer forecast (engine/backtest.ts)

/** One newcomer: what was forecast for it and what it earned. */
export interface BacktestPair {
  uid: number;
  registeredAtBlock: number;
  predicted: { earnChance: number; earnChanceFromPrior: boolean; alphaPerDay: number };
  actual: { earned: boolean | null; alphaPerDay7d: number | null; alphaPerDay30d: number | null };
}

export interface BacktestSummary {
  pairs: number;
  /** Median |predicted − actual| alpha/day over 7 and 30 days; null without a pair old enough. */
  medianAbsErrorAlphaPerDay7d: number | null;
  medianAbsErrorAlphaPerDay30d: number | null;
  pairs7d: number;
  pairs30d: number;
  /** Calibration of P(earn): mean forecast vs the observed share, over the newcomers whose outcome is known. */
  meanPredictedEarnChance: number | null;
  observedEarnShare: number | null;
  /** Says why figures are missing ("not enough history yet"), null when everything could be judged. */
  note: string | null;
}

export interface SubnetBacktest extends BacktestSummary {
  netuid: number;
  /** Each newcomer judged: predicted and actual side by side. */
  pairList: BacktestPair[];
}

export interface SubnetAnalysis {
  netuid: number;
  name: string;
  symbol: string;
  blockNumber: number;
  blockTimeMs: number;
  /** The snapshot itself: chain, at blockNumber. */
  provenance: Provenance;
  /** Total TAO entering the subnet per block (TAO-in emission + chain buys) ÷ block emission. */
  emissionShare: Figure;
  /** TAO-in emission ÷ block emission: btcli's "Emission" (SubnetTaoInEmission). */
  taoInEmissionShare: Figure;
  /** Chain buys ÷ block emission: TAO the chain spends buying this subnet's alpha (SubnetExcessTao). */
  chainBuyShare: Figure;
  alphaPriceTao: Figure;
  registrationCostTao: Figure;
  registrationAllowed: boolean;
  immunityPeriodBlocks: Figure;
  tempo: Figure;
  ownerCutShare: Figure;
  minerPool: {
    /** Before burns: the whole miners' share of the epoch, owner-held UIDs included. */
    grossAlphaPerDay: Figure;
    grossTaoPerDay: Figure;
    /** What non-owner miners receive: as paid where the chain's per-UID emission allows, else by the rule. */
    receivedAlphaPerDay: Figure;
    receivedTaoPerDay: Figure;
    /** Σ last-epoch emission of non-owner miner UIDs (incentive part), × 7200 / tempo. */
    measuredReceivedAlphaPerDay: Figure;
    /** alpha_out × (1 − owner cut) × miner share × (1 − burned share) × 7200. */
    ruleReceivedAlphaPerDay: Figure;
    /** measured ÷ rule; a departure beyond POOL_DISAGREEMENT is explained in the received figure's note. */
    measuredVsRule: Figure;
    basis: PoolBasis | null;
    /** Miners' share of the epoch: Σinc / (Σinc + Σdiv): ½ normally, 1 without dividends, 0 without incentive. */
    minerShareOfEpoch: Figure;
    /** Why the chain pays this subnet's miners nothing (not emitted to), or null. */
    notEmittedReason: string | null;
  };
  counts: {
    uids: Figure;
    maxUids: Figure;
    minerUids: Figure;
    earningMiners: Figure;
    zeroEarners: Figure;
    validators: Figure;
    /** Validator permit and incentive > 0: counted as both a validator and a miner. */
    dualUids: Figure;
    immuneUids: Figure;
    ownerUids: Figure;
    earningColdkeys: Figure;
    /** earningMiners / minerUids: base rate of a miner UID earning anything. */
    earningShareOfMiners: Figure;
  };
  burn: {
    /** Share of incentive that lands on owner-held UIDs (burned), from the incentive vector. */
    ownerIncentiveShare: Figure;
    /** MinerBurned as the chain reports it. */
    minerBurnedFraction: Figure;
    /** The share the engine applies: MinerBurned where the chain has it, else the incentive-derived share. */
    burnedShare: Figure;
  };
  perMiner: {
    alphaPerDay: Percentiles;
    taoPerDay: Percentiles;
  };
  concentration: {
    gini: Figure;
    top1Share: Figure;
    top10PctShare: Figure;
    hhi: Figure;
    nakamoto: Figure;
    nakamotoColdkeys: Figure;
  };
  deregLine: {
    alphaPerDay: Figure;
    taoPerDay: Figure;
    uid: number | null;
  };
  registrationsPerDay: Figure;
  pruningWorking: PruningWorking;
  subnetDeregistration: SubnetDeregistration;
  alphaHalving: HalvingOutlook;
  taoHalving: HalvingOutlook;
  registrationTiming: RegistrationTiming;
  /** The subnet's own alpha price trend over its window, as a share per month (the what-if's one-click value). */
  alphaPriceTrendPerMonth: Figure;
  window: WindowStats | null;
  summary: SubnetHistoryPoint;
  model: NewcomerModel;
  /** Newcomers' outcomes from the local per-UID history (absent: not computed, e.g. a single snapshot). */
  newcomers?: NewcomerOutcomes | null;
  /** Best and median competing miner (absent: not computed). */
  competitive?: CompetitiveIncome | null;
  /** How the newcomer forecast did here on the local history (absent: not computed). */
  backtest?: SubnetBacktest | null;
}

// ---------------------------------------------------------------------------------------------------------------
// Newcomer under a scenario (cheap, every slider move)

export type PruningLevel = RiskLevel;

export interface PruningRisk {
  level: PruningLevel | null;
  reason: string;
  /** Registrations (after the newcomer's immunity) until it is the lowest non-immune UID and is replaced. */
  registrationsUntilPruned: Figure;
  daysUntilPruned: Figure;
  registrationsPerDay: Figure;
  deregLineAlphaPerDay: Figure;
  /** The working, in words: UIDs below the newcomer, the replenishment share, free slots, the floor. */
  working: string;
}

export type VerdictLabel = 'Mine' | 'Watch' | 'Skip';

/** The what-if's rig against a subnet's reviewed hardware needs (engine/rig-fit.ts). */
export type RigFitLevel = 'fits' | 'too-small' | 'not-reviewed';

export type VerdictFactor =
  | 'profit'
  | 'expected-profit'
  | 'earn-chance'
  | 'rig-fit'
  | 'registration-closed'
  | 'gini'
  | 'miners'
  | 'registration-cost'
  | 'burn'
  | 'pruning'
  | 'subnet-deregistration'
  | 'divergence';

export interface VerdictReason {
  factor: VerdictFactor;
  level: 'good' | 'neutral' | 'bad' | 'unknown';
  /** The measured or computed value and the threshold it was compared with. */
  value: number | null;
  threshold: number | null;
  /** Did this reason decide the label? */
  decisive: boolean;
  message: string;
}

export interface Verdict {
  label: VerdictLabel;
  reasons: VerdictReason[];
  /** The deciding reason as a short phrase for the table row (the full reasons are on the subnet page). */
  phrase: string;
}

export interface MinerEconomics {
  netuid: number;
  /** Competitors (newcomer excluded) the evaluation used. */
  competitorCount: Figure;
  /** The newcomer's rank among competitorCount + 1 earning miners. */
  rank: Figure;
  shareOfMinerPool: Figure;
  alphaPerDay: Figure;
  taoPerDay: Figure;
  /** Realised after the sell discount, at the scenario's TAO price. */
  earningsUsdPerMonth: Figure;
  /** The gross miner pool (before burns) in USD/day at the scenario's TAO price. */
  grossMinerPoolUsdPerDay: Figure;
  rentUsdPerMonth: Figure;
  registrationCostTao: Figure;
  registrationCostUsd: Figure;
  profitUsdPerMonth: Figure;
  paybackDays: Figure;
  breakEvenTaoPriceUsd: Figure;
  /** Largest competitor count at which the position still covers costs. */
  breakEvenCompetitors: Figure;
  /** Worst rank (at the scenario's competitor count) that still covers costs. */
  breakEvenRank: Figure;
  pruning: PruningRisk;
  /** Month by month over the horizon: halvings and the alpha price assumption; payback and profit come from it. */
  path: EarningsPath;
  /** The rig against the subnet's reviewed hardware needs, with the reason; level null = no rig given. */
  rigFit: { level: RigFitLevel | null; reason: string };
  /** The honest case: the position's earnings weighted by the chance of earning at all (engine/expected-value.ts). */
  expected: NewcomerExpectation;
  verdict: Verdict;
}

export interface NewcomerExpectation {
  /** P(earn): share of this subnet's newcomers that earned before immunity ended, or the stated prior. */
  earnChance: Figure;
  /** P(earn) × earnings at the position (given earning). */
  earningsUsdPerMonth: Figure;
  /** Expected earnings − rent − registration amortised over the horizon. */
  profitUsdPerMonth: Figure;
  /** Chance of ending the horizon below zero (not earning, or earning less than costs where the newcomer lands). */
  lossChance: Figure;
}

/**
 * What the Subnets table shows of one subnet's MinerEconomics, for every subnet on every what-if change. A full
 * MinerEconomics is ~3.8 KB on the wire (every figure with its provenance and note); carrying 128 of them to the
 * window on each slider move took longer than evaluating them, so the table asks for this instead.
 */
export interface TableEconomics {
  netuid: number;
  profitUsdPerMonth: number | null;
  /** Expected profit after P(earn) (the table's default sort) and P(earn) itself. */
  expectedProfitUsdPerMonth: number | null;
  earnChance: number | null;
  /** The rig against the subnet's reviewed hardware (null: no rig in the what-if). */
  rigFit: RigFitLevel | null;
  /** The verdict with its decisive reasons only (the ones the table shows). */
  verdict: Verdict;
}

// ---------------------------------------------------------------------------------------------------------------
// Sensitivity

export interface SensitivityAxes {
  taoPricesUsd: number[];
  competitorCounts: number[];
  /** Defaults to the scenario's rent only. */
  rentsUsdPerMonth?: number[];
}

export interface SensitivityGrid {
  netuid: number;
  taoPricesUsd: number[];
  competitorCounts: number[];
  rentsUsdPerMonth: number[];
  /** profitUsdPerMonth[rent][price][competitors]; null where the subnet lacks an input (e.g. no alpha price). */
  profitUsdPerMonth: (number | null)[][][];
  /**
   * Why a competitor count's column jumps or cannot happen: beyond the subnet's UID slots, or the newcomer's
   * emission there falls below the deregistration line (pruned once immune no more). null = nothing to say.
   */
  competitorNotes?: ('beyond-slots' | 'below-dereg-line' | null)[];
  provenance: Provenance;
}

/**
 * The what-if a new user starts from. Every value is an assumption shown as such; the TAO price is deliberately a
 * round placeholder the user is expected to set (the app has no price feed offline).
 */
export const DEFAULT_SCENARIO: Scenario = {
  taoPriceUsd: 400,
  rentUsdPerMonth: 150,
  position: { kind: 'landed' },
  competitorCount: null,
  horizonMonths: 6,
  sellDiscount: 0.01,
};

/**
 * Rigs a miner recognises, each with a typical cloud rent (USD/month). Assumptions, not quotes: picking one sets
 * the rig and the rent, and both stay editable.
 */
export const RIG_PRESETS: { id: string; rig: Rig; rentUsdPerMonth: number }[] = [
  { id: 'cpu', rig: { label: 'CPU-only box', gpuModel: null, gpuCount: 0, vramGb: 0, cpuCores: 16, ramGb: 64 }, rentUsdPerMonth: 60 },
  { id: 'rtx3090', rig: { label: 'RTX 3090', gpuModel: 'RTX 3090', gpuCount: 1, vramGb: 24, cpuCores: 8, ramGb: 32 }, rentUsdPerMonth: 160 },
  { id: 'rtx4090', rig: { label: 'RTX 4090', gpuModel: 'RTX 4090', gpuCount: 1, vramGb: 24, cpuCores: 16, ramGb: 64 }, rentUsdPerMonth: 300 },
  { id: 'rtx5090', rig: { label: 'RTX 5090', gpuModel: 'RTX 5090', gpuCount: 1, vramGb: 32, cpuCores: 16, ramGb: 64 }, rentUsdPerMonth: 450 },
  { id: 'a100-40', rig: { label: 'A100 40 GB', gpuModel: 'A100 40GB', gpuCount: 1, vramGb: 40, cpuCores: 16, ramGb: 128 }, rentUsdPerMonth: 800 },
  { id: 'a100-80', rig: { label: 'A100 80 GB', gpuModel: 'A100 80GB', gpuCount: 1, vramGb: 80, cpuCores: 16, ramGb: 128 }, rentUsdPerMonth: 1100 },
  { id: 'h100', rig: { label: 'H100', gpuModel: 'H100 80GB', gpuCount: 1, vramGb: 80, cpuCores: 24, ramGb: 192 }, rentUsdPerMonth: 1900 },
  { id: 'h200', rig: { label: 'H200', gpuModel: 'H200 141GB', gpuCount: 1, vramGb: 141, cpuCores: 24, ramGb: 256 }, rentUsdPerMonth: 2600 },
];

/** Rent presets the user can pick and edit (USD/month, typical cloud rents; assumptions, not quotes). */
export const RENT_PRESETS: { id: string; label: string; rentUsdPerMonth: number }[] = [
  { id: 'cpu', label: 'CPU box', rentUsdPerMonth: 60 },
  { id: 'a100', label: '1×A100', rentUsdPerMonth: 1100 },
  { id: 'h100', label: '1×H100', rentUsdPerMonth: 1900 },
];
