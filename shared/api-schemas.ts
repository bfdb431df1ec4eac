/** Argument schemas of the contract's operations: the boundary that rejects bad input with a clear message. */
import { z } from 'zod';

const endpointUrl = z
  .string()
  .max(2048)
  .refine((s) => /^wss?:\/\/[^\s/]+/.test(s), { message: 'must be a ws:// or wss:// URL' });

export const SettingsPatchSchema = z
  .object({
    network: z.enum(['finney', 'archive', 'testnet', 'local', 'custom']),
    customEndpoint: z.union([endpointUrl, z.literal('')]),
    syncIntervalMinutes: z.number().int().min(0).max(24 * 60),
    neuronFullResolutionDays: z.number().int().min(1).max(3650),
    theme: z.enum(['system', 'light', 'dark']),
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

export const DataFolderSchema = z.object({ path: z.string().min(1).max(4096) }).strict();

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
