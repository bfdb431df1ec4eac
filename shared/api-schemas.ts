/** Argument schemas of the contract's operations: the boundary that rejects bad input with a clear message. */
import { z } from 'zod';
import { DEFAULT_HISTORY_DAYS, MAX_HISTORY_DAYS } from './history-range';
import { DEFAULT_THRESHOLDS } from './economics';

/**
 * A node's address. Credentials in it would be stored and shown in clear (settings, sync messages, logs), so they
 * are refused rather than kept; a #fragment is never sent to a server, so it can only be a typing mistake.
 */
export function endpointProblem(s: string): string | null {
  if (!/^wss?:\/\/[^\s/]+/i.test(s)) return 'must be a ws:// or wss:// URL';
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    return 'is not a valid URL';
  }
  if (url.username || url.password) {
    return 'must not contain a user name or password (user:pass@): they would be stored and shown in clear; use a node that needs none, or a local proxy';
  }
  if (s.includes('#')) return 'must not contain a #fragment: everything after # is never sent to the node';
  return null;
}

const endpointUrl = z
  .string()
  .max(2048)
  .superRefine((s, ctx) => {
    const problem = endpointProblem(s);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const SettingsPatchSchema = z
  .object({
    network: z.enum(['finney', 'archive', 'testnet', 'local', 'custom']),
    customEndpoint: z.union([endpointUrl, z.literal('')]),
    syncIntervalMinutes: z.number().int().min(0).max(24 * 60),
    /**
     * A sync that has not finished after this many minutes stops (a node that accepts calls but never answers); a
     * backfill gets this much more per day it reads.
     */
    syncDeadlineMinutes: z.number().int('the sync time limit is a whole number of minutes').min(1, 'the sync time limit is at least 1 minute').max(120, 'the sync time limit is at most 120 minutes'),
    neuronFullResolutionDays: z.number().int().min(1).max(3650),
    backupBudgetMb: z.number().int().min(100).max(10_000_000),
    theme: z.enum(['system', 'light', 'dark']),
    scenario: z.lazy(() => ScenarioSchema),
    verdictThresholds: z.lazy(() => ThresholdsSchema),
  })
  .partial()
  .strict();

export const SyncRequestSchema = z
  .object({
    /** Override the configured endpoint for this sync only (CLI --endpoint). */
    endpoint: endpointUrl.optional(),
    /** Also read one point a day for this many past days (needs an archive node). */
    backfillDays: z.number().int().min(1).max(365).optional(),
  })
  .strict()
  .optional();

// A relative path would be resolved against wherever the core process happens to run, not anything the user chose.
const fullPath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(p), {
    message: 'give the full path of the folder (e.g. /home/me/scout or C:\\Users\\me\\scout)',
  });
export const DataFolderSchema = z.object({ path: fullPath }).strict();

export const DatasetSchema = z.object({ dataset: z.enum(['live', 'demo']) }).strict();

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const netuid = z.number().int().min(0).max(65535);
const listName = z.string().trim().min(1, 'a watchlist needs a name').max(80, 'keep watchlist names under 80 characters');
const ratio = z.number().min(0).max(100);

export const WatchlistCreateSchema = z.object({ name: listName }).strict();
export const WatchlistRenameSchema = z.object({ id, name: listName }).strict();
export const WatchlistIdSchema = z.object({ id }).strict();
export const WatchlistReorderSchema = z.object({ ids: z.array(id).max(1000) }).strict();
export const WatchlistSubnetSchema = z.object({ id, netuid }).strict();
export const WatchlistThresholdsSchema = z
  .object({
    id,
    thresholds: z
      .object({ emissionShare: ratio, price: ratio, registrationCost: ratio, earningMiners: ratio, gini: z.number().min(0).max(1) })
      .partial()
      .strict(),
  })
  .strict();

/** Limits a demanding user will not hit, and nonsense (negative rent, 1e9 competitors, NaN) will. */
const usd = (max: number, what: string) =>
  z.number({ error: `${what} must be a number` }).finite().min(0, `${what} cannot be negative`).max(max, `${what} above ${max.toLocaleString('en-US')} is not plausible`);
// A key like "00001" or "1.0" would be stored but never looked up (the engine asks for "1"): refused, not ignored.
// Checked by a refinement rather than a key schema, whose own message ("Invalid key in record") says neither.
function netuidKeyProblem(key: string): string | null {
  if (!/^(0|[1-9]\d{0,4})$/.test(key)) return 'keys are netuids written as plain whole numbers ("1", not "01" or "1.0")';
  return Number(key) > 65535 ? 'a netuid is at most 65535' : null;
}
const byNetuid = (max: number, what: string) =>
  z
    .record(z.string(), usd(max, what))
    .superRefine((r, ctx) => {
      for (const key of Object.keys(r)) {
        const problem = netuidKeyProblem(key);
        if (problem) ctx.addIssue({ code: 'custom', path: [key], message: problem });
      }
    })
    .refine((r) => Object.keys(r).length <= 4096, 'too many entries');

export const PositionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('rank'), rank: z.number().int('rank must be a whole number').min(1, 'rank starts at 1').max(100_000) }).strict(),
  z.object({ kind: z.literal('percentile'), percentile: z.number().finite().min(0).max(100, 'a percentile is 0–100') }).strict(),
  z.object({ kind: z.literal('equal') }).strict(),
  z.object({ kind: z.literal('landed') }).strict(),
]);

/** A rig's figures: a GPU rig needs VRAM above 0, and nothing is negative (a wrong unit shows up as nonsense here). */
export const RigSchema = z
  .object({
    label: z.string().max(100),
    gpuModel: z.string().max(100).nullable(),
    gpuCount: z.number().int('GPU count must be a whole number').min(0, 'GPU count cannot be negative').max(64, 'more than 64 GPUs in one rig is not plausible'),
    vramGb: z.number({ error: 'VRAM must be a number' }).finite().min(0, 'VRAM cannot be negative').max(1024, 'VRAM above 1,024 GB per GPU: is it in MB? Give it in GB'),
    cpuCores: z.number().int('CPU cores must be a whole number').min(1, 'a rig has at least 1 CPU core').max(1024),
    ramGb: z.number().finite().gt(0, 'RAM must be above 0 GB').max(16_384, 'RAM above 16,384 GB: is it in MB? Give it in GB'),
  })
  .strict()
  .refine((r) => r.gpuCount === 0 || r.vramGb > 0, { message: 'a GPU rig needs VRAM above 0 GB', path: ['vramGb'] });

export const ScenarioSchema = z
  .object({
    taoPriceUsd: usd(1_000_000, 'TAO price').nullable(),
    rentUsdPerMonth: usd(1_000_000, 'rent'),
    rentUsdPerMonthByNetuid: byNetuid(1_000_000, 'rent').optional(),
    position: PositionSchema,
    competitorCount: z
      .number({ error: 'competitor count must be a number' })
      .int('competitor count must be a whole number')
      .min(0, 'competitor count cannot be negative')
      .max(100_000, 'competitor count above 100,000 is not plausible (a subnet has at most 4,096 UIDs)')
      .nullable(),
    horizonMonths: z.number().finite().min(0.25, 'the horizon must be at least a week (0.25 months)').max(120, 'horizon above 10 years'),
    registrationCostTaoByNetuid: byNetuid(1_000_000, 'registration cost').optional(),
    sellDiscount: z.number().finite().min(0, 'sell discount is 0–1').max(1, 'sell discount is 0–1'),
    alphaPriceChangePerMonth: z
      .number({ error: 'alpha price change must be a number' })
      .finite()
      .min(-0.99, 'the alpha price cannot fall more than 99% a month')
      .max(10, 'alpha price change above +1000% a month is not plausible')
      .optional(),
    rig: RigSchema.optional(),
  })
  .strict()
  .refine((s) => !s.rig || s.rentUsdPerMonth > 0, { message: "a rig's rent must be above $0/month", path: ['rentUsdPerMonth'] });

/** Each threshold on its own; ThresholdsSchema adds that pairs make sense together. */
export const ThresholdFieldsSchema = z
  .object({
    minProfitUsdPerMonth: z.number().finite().min(-1e6).max(1e6),
    giniGood: z.number().min(0).max(1),
    giniBad: z.number().min(0).max(1),
    minersGoodMin: z.number().int().min(0).max(100_000),
    minersGoodMax: z.number().int().min(0).max(100_000),
    minersCrowdedAbove: z.number().int().min(0).max(100_000),
    minersDeadBelow: z.number().int().min(0).max(100_000),
    registrationLowTao: z.number().min(0).max(1e6),
    registrationRiskyTao: z.number().min(0).max(1e6),
    burnedShareBad: z.number().min(0).max(1),
    divergenceRatio: z.number().min(0).max(100),
    pruneHighDays: z.number().min(0).max(3650),
    pruneMediumDays: z.number().min(0).max(3650),
    // Added with subnet deregistration: thresholds saved before then get the defaults.
    subnetDeregHighRank: z.number().int().min(0).max(4096).default(1),
    subnetDeregMediumRank: z.number().int().min(0).max(4096).default(5),
    // Added later: thresholds saved by an older version lack them and get the defaults.
    minEarnShare: z.number().min(0, 'P(earn) is 0–1').max(1, 'P(earn) is 0–1').default(DEFAULT_THRESHOLDS.minEarnShare),
    priorEarnShare: z.number().min(0, 'P(earn) is 0–1').max(1, 'P(earn) is 0–1').default(DEFAULT_THRESHOLDS.priorEarnShare),
    priorLandedPercentile: z.number().min(0, 'a percentile is 0–100').max(100, 'a percentile is 0–100').default(DEFAULT_THRESHOLDS.priorLandedPercentile),
  })
  .strict();

export const ThresholdsSchema = ThresholdFieldsSchema.superRefine((t, ctx) => {
  for (const problem of thresholdPairProblems(t)) ctx.addIssue({ code: 'custom', path: [problem.key], message: problem.message });
});

/**
 * Pairs of thresholds that only make sense one way round: with Gini good 0.9 and bad 0.1 every subnet would be both.
 * Shared with the settings form, so it can say what is wrong before saving.
 */
export function thresholdPairProblems(t: {
  giniGood: number; giniBad: number; minersGoodMin: number; minersGoodMax: number; minersCrowdedAbove: number;
  minersDeadBelow: number; registrationLowTao: number; registrationRiskyTao: number; pruneHighDays: number; pruneMediumDays: number;
  subnetDeregHighRank?: number; subnetDeregMediumRank?: number;
}): { key: string; message: string }[] {
  const problems: { key: string; message: string }[] = [];
  const need = (ok: boolean, key: string, message: string) => ok || problems.push({ key, message });
  need(t.giniGood < t.giniBad, 'giniBad', `Gini "bad above" (${t.giniBad}) must be higher than "good below" (${t.giniGood}): a lower Gini is better`);
  need(t.minersGoodMin <= t.minersGoodMax, 'minersGoodMax', `competitors "good up to" (${t.minersGoodMax}) must be at least "good from" (${t.minersGoodMin})`);
  need(t.minersDeadBelow <= t.minersGoodMin, 'minersDeadBelow', `"maybe dead below" (${t.minersDeadBelow}) must not be above competitors "good from" (${t.minersGoodMin})`);
  need(t.minersGoodMax <= t.minersCrowdedAbove, 'minersCrowdedAbove', `"crowded above" (${t.minersCrowdedAbove}) must be at least competitors "good up to" (${t.minersGoodMax})`);
  need(t.registrationLowTao < t.registrationRiskyTao, 'registrationRiskyTao', `registration "risky above" (${t.registrationRiskyTao} τ) must be higher than "cheap below" (${t.registrationLowTao} τ)`);
  need(t.pruneHighDays < t.pruneMediumDays, 'pruneMediumDays', `pruning risk "medium within" (${t.pruneMediumDays} days) must be longer than "high within" (${t.pruneHighDays} days)`);
  if (t.subnetDeregHighRank !== undefined && t.subnetDeregMediumRank !== undefined) {
    need(t.subnetDeregHighRank <= t.subnetDeregMediumRank, 'subnetDeregMediumRank', `subnet deregistration "medium" rank (${t.subnetDeregMediumRank}) must be at least the "high" rank (${t.subnetDeregHighRank})`);
  }
  return problems;
}

export const EvaluateSchema = z.object({ scenario: ScenarioSchema }).strict();
/** The history the charts draw (see history-range.ts); callers that do not say get the charts' default month. */
const historyDays = z
  .union(
    [
      z.literal('all'),
      z
        .number()
        .int('days of history must be a whole number')
        .min(1, "days of history must be at least 1 (or 'all')")
        .max(MAX_HISTORY_DAYS, `days of history above ${MAX_HISTORY_DAYS.toLocaleString('en-US')} (10 years) is not plausible; ask for 'all'`),
    ],
    { error: `days of history must be a whole number from 1 to ${MAX_HISTORY_DAYS.toLocaleString('en-US')}, or 'all'` },
  )
  .default(DEFAULT_HISTORY_DAYS);
export const SubnetEconomicsSchema = z.object({ netuid, scenario: ScenarioSchema, historyDays }).strict();
export const SensitivitySchema = z
  .object({
    netuid,
    scenario: ScenarioSchema,
    axes: z
      .object({
        taoPricesUsd: z.array(usd(1_000_000, 'TAO price')).min(1).max(101),
        competitorCounts: z.array(z.number().int().min(0).max(100_000)).min(1).max(101),
        rentsUsdPerMonth: z.array(usd(1_000_000, 'rent')).min(1).max(21).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export const ScenarioSaveSchema = z
  .object({
    id: id.optional(),
    name: z.string().trim().min(1, 'a scenario needs a name').max(80),
    netuid: netuid.nullable(),
    scenario: ScenarioSchema,
  })
  .strict();
export const ScenarioIdSchema = z.object({ id }).strict();

export const WatchlistChangesSchema = z.object({ id, scenario: ScenarioSchema }).strict();
