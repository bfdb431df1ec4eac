/** Argument schemas of the "My miners" operations. The address itself is checked by the core (checksum, prefix). */
import { z } from 'zod';
import { netuid } from './api-schemas';
import { ScenarioSchema } from './scenario';

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
/** Long enough for a pasted seed phrase to reach the check that refuses it with the right words. */
const addressText = z.string().max(1000, 'an address is under 50 characters');
const label = z
  .string()
  .trim()
  .min(1, 'give the key a label, e.g. “rig-a” or “team cold”')
  .max(80, 'keep labels under 80 characters');
const rent = z
  .number({ error: 'rent must be a number' })
  .finite()
  .min(0, 'rent cannot be negative')
  .max(1_000_000, 'rent above 1,000,000 USD/month is not plausible');

export const TeamKeyAddSchema = z
  .object({
    address: addressText,
    kind: z.enum(['hotkey', 'coldkey']),
    label,
    rentUsdPerMonth: rent.nullable().optional(),
  })
  .strict();

export const TeamKeyUpdateSchema = z
  .object({ id, label: label.optional(), rentUsdPerMonth: rent.nullable().optional() })
  .strict();

export const TeamKeyIdSchema = z.object({ id }).strict();

export const MinerRentSchema = z
  .object({ netuid, hotkey: z.string().min(1).max(64), rentUsdPerMonth: rent.nullable() })
  .strict();

export const EarningsDropAlertSchema = z
  .object({ percent: z.number().finite().min(1, 'at least 1%').max(100, 'at most 100%') })
  .strict();

export const MinersReportSchema = z
  .object({
    /** The what-if whose TAO price, sell discount and rent apply; default: the one saved in settings. */
    scenario: ScenarioSchema.optional(),
    /** Only this subnet's miners (reports). */
    netuid: netuid.optional(),
  })
  .strict()
  .optional();
