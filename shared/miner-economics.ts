/**
 * The newcomer under a scenario (cheap, every slider move): profit, verdict and its reasons, pruning risk, rig fit,
 * the Subnets table's cut of it, and the sensitivity grid.
 */
import type { Provenance } from './domain';
import type { Figure } from './figure';
import type { EarningsPath, RiskLevel } from './subnet-analysis';

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
