/**
 * The rules of thumb (product.md) as numbers the user can change: their shape and limits (one schema, the type is
 * derived from it), the defaults a new user starts from, and which pairs only make sense one way round.
 */
import { z } from 'zod';

/**
 * The defaults; the schema below gives them to thresholds saved before a field existed. (Not annotated with the
 * derived type, which would make it depend on itself: every use as VerdictThresholds checks it.)
 */
export const DEFAULT_THRESHOLDS = Object.freeze({
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

/** Each threshold on its own; ThresholdsSchema adds that pairs make sense together. */
export const ThresholdFieldsSchema = z
  .object({
    /** Profit must exceed this (USD/month) for Mine; at or below it the verdict is Skip. */
    minProfitUsdPerMonth: z.number().finite().min(-1e6).max(1e6),
    /** Gini of earning-miner rewards: below giniGood is good, above giniBad is bad. */
    giniGood: z.number().min(0).max(1),
    giniBad: z.number().min(0).max(1),
    /** Competing miners: goodMin..goodMax is good, above crowdedAbove is crowded, below deadBelow maybe dead. */
    minersGoodMin: z.number().int().min(0).max(100_000),
    minersGoodMax: z.number().int().min(0).max(100_000),
    minersCrowdedAbove: z.number().int().min(0).max(100_000),
    minersDeadBelow: z.number().int().min(0).max(100_000),
    /** Registration cost in TAO: below lowTao is good, above riskyTao is bad (sunk, no refund). */
    registrationLowTao: z.number().min(0).max(1e6),
    registrationRiskyTao: z.number().min(0).max(1e6),
    /** Share of the miner pool burned on owner UIDs above which the subnet is flagged. */
    burnedShareBad: z.number().min(0).max(1),
    /** |live − window mean| / window mean above which the live snapshot is flagged as unrepresentative. */
    divergenceRatio: z.number().min(0).max(100),
    /** Pruning risk: pushed out within pruneHighDays = high, within pruneMediumDays = medium. */
    pruneHighDays: z.number().min(0).max(3650),
    pruneMediumDays: z.number().min(0).max(3650),
    // Added with subnet deregistration: thresholds saved before then get the defaults.
    /** Subnet deregistration: at the subnet limit, a rank from the bottom at or below this (among non-immune) is high risk. */
    subnetDeregHighRank: z.number().int().min(0).max(4096).default(DEFAULT_THRESHOLDS.subnetDeregHighRank),
    /** ... and at or below this, medium. */
    subnetDeregMediumRank: z.number().int().min(0).max(4096).default(DEFAULT_THRESHOLDS.subnetDeregMediumRank),
    // Added later: thresholds saved by an older version lack them and get the defaults.
    /** P(earn) must be at least this for Mine (0..1). */
    minEarnShare: z.number().min(0, 'P(earn) is 0–1').max(1, 'P(earn) is 0–1').default(DEFAULT_THRESHOLDS.minEarnShare),
    /**
     * Assumptions used when a subnet's history holds fewer than MIN_NEWCOMERS_MEASURED newcomers with a known
     * outcome: the share of newcomers that earn (0..1) and the percentile of the earning field they land at (0..100).
     * Conservative on purpose: with no evidence, most newcomers on Finney earn nothing (see economics.md).
     */
    priorEarnShare: z
      .number()
      .min(0, 'P(earn) is 0–1')
      .max(1, 'P(earn) is 0–1')
      .default(DEFAULT_THRESHOLDS.priorEarnShare),
    priorLandedPercentile: z
      .number()
      .min(0, 'a percentile is 0–100')
      .max(100, 'a percentile is 0–100')
      .default(DEFAULT_THRESHOLDS.priorLandedPercentile),
  })
  .strict();

export type VerdictThresholds = z.output<typeof ThresholdFieldsSchema>;

export const ThresholdsSchema = ThresholdFieldsSchema.superRefine((t, ctx) => {
  for (const problem of thresholdPairProblems(t))
    ctx.addIssue({ code: 'custom', path: [problem.key], message: problem.message });
});

type PairedKey =
  | 'giniGood'
  | 'giniBad'
  | 'minersGoodMin'
  | 'minersGoodMax'
  | 'minersCrowdedAbove'
  | 'minersDeadBelow'
  | 'registrationLowTao'
  | 'registrationRiskyTao'
  | 'pruneHighDays'
  | 'pruneMediumDays';

/**
 * Pairs of thresholds that only make sense one way round: with Gini good 0.9 and bad 0.1 every subnet would be both.
 * Shared with the settings form, so it can say what is wrong before saving.
 */
export function thresholdPairProblems(
  t: Pick<VerdictThresholds, PairedKey> &
    Partial<Pick<VerdictThresholds, 'subnetDeregHighRank' | 'subnetDeregMediumRank'>>,
): { key: string; message: string }[] {
  const problems: { key: string; message: string }[] = [];
  const need = (ok: boolean, key: string, message: string) => ok || problems.push({ key, message });
  need(
    t.giniGood < t.giniBad,
    'giniBad',
    `Gini "bad above" (${t.giniBad}) must be higher than "good below" (${t.giniGood}): a lower Gini is better`,
  );
  need(
    t.minersGoodMin <= t.minersGoodMax,
    'minersGoodMax',
    `competitors "good up to" (${t.minersGoodMax}) must be at least "good from" (${t.minersGoodMin})`,
  );
  need(
    t.minersDeadBelow <= t.minersGoodMin,
    'minersDeadBelow',
    `"maybe dead below" (${t.minersDeadBelow}) must not be above competitors "good from" (${t.minersGoodMin})`,
  );
  need(
    t.minersGoodMax <= t.minersCrowdedAbove,
    'minersCrowdedAbove',
    `"crowded above" (${t.minersCrowdedAbove}) must be at least competitors "good up to" (${t.minersGoodMax})`,
  );
  need(
    t.registrationLowTao < t.registrationRiskyTao,
    'registrationRiskyTao',
    `registration "risky above" (${t.registrationRiskyTao} τ) must be higher than "cheap below" (${t.registrationLowTao} τ)`,
  );
  need(
    t.pruneHighDays < t.pruneMediumDays,
    'pruneMediumDays',
    `pruning risk "medium within" (${t.pruneMediumDays} days) must be longer than "high within" (${t.pruneHighDays} days)`,
  );
  if (t.subnetDeregHighRank !== undefined && t.subnetDeregMediumRank !== undefined) {
    need(
      t.subnetDeregHighRank <= t.subnetDeregMediumRank,
      'subnetDeregMediumRank',
      `subnet deregistration "medium" rank (${t.subnetDeregMediumRank}) must be at least the "high" rank (${t.subnetDeregHighRank})`,
    );
  }
  return problems;
}
