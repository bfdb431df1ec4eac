/** Argument schemas of the contract's operations: the boundary that rejects bad input with a clear message. */
import { z } from 'zod';
import { DEFAULT_HISTORY_DAYS, MAX_HISTORY_DAYS } from './history-range';
import { ScenarioSchema, usd } from './scenario';
import { ThresholdsSchema } from './thresholds';

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

/** Everything the Settings screen holds; stored one key at a time (settings-repo.ts). */
export const SettingsSchema = z
  .object({
    /** Which endpoint to sync from; 'custom' uses customEndpoint. */
    network: z.enum(['finney', 'archive', 'testnet', 'local', 'custom']),
    customEndpoint: z.union([endpointUrl, z.literal('')]),
    /** Sync every N minutes while the app runs; 0 = only when asked. */
    syncIntervalMinutes: z
      .number()
      .int()
      .min(0)
      .max(24 * 60),
    /**
     * A sync that has not finished after this many minutes stops (a node that accepts calls but never answers); a
     * backfill gets this much more per day it reads.
     */
    syncDeadlineMinutes: z
      .number()
      .int('the sync time limit is a whole number of minutes')
      .min(1, 'the sync time limit is at least 1 minute')
      .max(120, 'the sync time limit is at most 120 minutes'),
    /** Neuron-level points are kept at full resolution for this many days, thinned to one a day beyond. */
    neuronFullResolutionDays: z.number().int().min(1).max(3650),
    /** The automatic backups together stay within this many megabytes (oldest removed first; the newest good one stays). */
    backupBudgetMb: z.number().int().min(100).max(10_000_000),
    theme: z.enum(['system', 'light', 'dark']),
    /** The what-if in force (sliders); saved named scenarios live apart from it. */
    scenario: ScenarioSchema,
    verdictThresholds: ThresholdsSchema,
  })
  .strict();

/** settings.set: any of the settings, each checked as a whole. */
export const SettingsPatchSchema = SettingsSchema.partial().strict();

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
const listName = z
  .string()
  .trim()
  .min(1, 'a watchlist needs a name')
  .max(80, 'keep watchlist names under 80 characters');
const ratio = z.number().min(0).max(100);

export const WatchlistCreateSchema = z.object({ name: listName }).strict();
export const WatchlistRenameSchema = z.object({ id, name: listName }).strict();
export const WatchlistIdSchema = z.object({ id }).strict();
export const WatchlistReorderSchema = z.object({ ids: z.array(id).max(1000) }).strict();
export const WatchlistSubnetSchema = z.object({ id, netuid }).strict();
/** How big a move between two syncs must be to be highlighted in a watchlist (relative changes, 0.2 = 20%). */
export const ChangeThresholdsSchema = z
  .object({
    emissionShare: ratio,
    price: ratio,
    registrationCost: ratio,
    earningMiners: ratio,
    /** Absolute change of the Gini coefficient (0..1). */
    gini: z.number().min(0).max(1),
  })
  .strict();
export const WatchlistThresholdsSchema = z
  .object({ id, thresholds: ChangeThresholdsSchema.partial().strict() })
  .strict();

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
        .max(
          MAX_HISTORY_DAYS,
          `days of history above ${MAX_HISTORY_DAYS.toLocaleString('en-US')} (10 years) is not plausible; ask for 'all'`,
        ),
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
