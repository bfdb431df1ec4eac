/**
 * The engine's per-subnet work (expensive, once per sync point): its input, the history it summarises, the newcomer
 * model, pruning, deregistration, halving and registration timing, the backtest, and the SubnetAnalysis that holds
 * them all.
 */
import type { NetworkSnapshot, NeuronSnapshot, Provenance, SubnetSnapshot } from './domain';
import type { Figure } from './figure';

/** One subnet at one sync point, as the sync stored it. `neurons: null` = UID rows not kept for this point. */
export interface SubnetInput {
  blockNumber: number;
  blockTimeMs: number;
  network: NetworkSnapshot;
  subnet: SubnetSnapshot;
  neurons: readonly NeuronSnapshot[] | null;
}

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
  /**
   * Share of its first m months (index m − 1, up to 36) an earning newcomer keeps its UID here, from how long the
   * window's earners kept theirs (engine/holding.ts); absent → no earner seen past its immunity: all of it.
   */
  heldShareByMonth?: number[];
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
  /**
   * `alphaPerDay` while registered; `alphaPerDay7d`/`30d` over the newcomer's first 7 and 30 days (0 once pruned, at
   * the earners' pruning rate then), which the actuals are judged against. `note`: why the forecast is what it is
   * when a rule of the chain decided it (the owner takes the whole pool).
   */
  predicted: {
    earnChance: number;
    earnChanceFromPrior: boolean;
    alphaPerDay: number;
    alphaPerDay7d: number;
    alphaPerDay30d: number;
    note: string | null;
  };
  actual: { earned: boolean | null; alphaPerDay7d: number | null; alphaPerDay30d: number | null };
}

export interface BacktestSummary {
  pairs: number;
  /** Median |predicted − actual| alpha/day over 7 and 30 days; null without a pair old enough. */
  medianAbsErrorAlphaPerDay7d: number | null;
  medianAbsErrorAlphaPerDay30d: number | null;
  pairs7d: number;
  pairs30d: number;
  /**
   * Mean forecast and mean paid α/day over 7 and 30 days: a median error cannot tell bias from spread when most
   * newcomers earn nothing and a few earn much; these means can (null without a pair old enough).
   */
  meanPredictedAlphaPerDay7d: number | null;
  meanActualAlphaPerDay7d: number | null;
  meanPredictedAlphaPerDay30d: number | null;
  meanActualAlphaPerDay30d: number | null;
  /** Pairs forecast from the prior (fewer than MIN_NEWCOMERS_MEASURED outcomes known then). */
  pairsFromPrior: number;
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
