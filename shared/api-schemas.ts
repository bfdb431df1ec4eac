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
