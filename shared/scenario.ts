/**
 * The user's what-if: its shape and limits (one schema; the types are derived from it, so what the boundary accepts
 * and what the engine reads cannot drift apart), the what-if a new user starts from, and the rig and rent presets.
 * Everything in a scenario is an assumption and is labelled so in the outputs.
 */
import { z } from 'zod';

/** Limits a demanding user will not hit, and nonsense (negative rent, 1e9 competitors, NaN) will. */
export const usd = (max: number, what: string) =>
  z
    .number({ error: `${what} must be a number` })
    .finite()
    .min(0, `${what} cannot be negative`)
    .max(max, `${what} above ${max.toLocaleString('en-US')} is not plausible`);
// A key like "00001" or "1.0" would be stored but never looked up (the engine asks for "1"): refused, not ignored.
// Checked by a refinement rather than a key schema, whose own message ("Invalid key in record") says neither.
function netuidKeyProblem(key: string): string | null {
  if (!/^(0|[1-9]\d{0,4})$/.test(key))
    return 'keys are netuids written as plain whole numbers ("1", not "01" or "1.0")';
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

/** Where the newcomer expects to land among the earning miners (rank 1 = best). */
export const PositionSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('rank'),
      rank: z.number().int('rank must be a whole number').min(1, 'rank starts at 1').max(100_000),
    })
    .strict(),
  /** 0..100: the share of the field the newcomer beats (90 = top 10%). */
  z
    .object({ kind: z.literal('percentile'), percentile: z.number().finite().min(0).max(100, 'a percentile is 0–100') })
    .strict(),
  /** The miner pool split evenly among all earning miners. */
  z.object({ kind: z.literal('equal') }).strict(),
  /**
   * Where newcomers actually landed on this subnet (the rank percentiles of recent registrants who earned, from the
   * local per-UID history; a stated prior when too few registered). The default: the honest, not the best, case.
   */
  z.object({ kind: z.literal('landed') }).strict(),
]);
export type Position = z.output<typeof PositionSchema>;

/**
 * The miner's machine, as the what-if states it (an assumption; presets in RIG_PRESETS). A GPU rig needs VRAM above 0,
 * and nothing is negative (a wrong unit shows up as nonsense here).
 */
export const RigSchema = z
  .object({
    /** The preset it started from ('custom' once edited by hand is still fine: only the figures matter). */
    label: z.string().max(100),
    gpuModel: z.string().max(100).nullable(),
    gpuCount: z
      .number()
      .int('GPU count must be a whole number')
      .min(0, 'GPU count cannot be negative')
      .max(64, 'more than 64 GPUs in one rig is not plausible'),
    /** Per GPU. */
    vramGb: z
      .number({ error: 'VRAM must be a number' })
      .finite()
      .min(0, 'VRAM cannot be negative')
      .max(1024, 'VRAM above 1,024 GB per GPU: is it in MB? Give it in GB'),
    cpuCores: z.number().int('CPU cores must be a whole number').min(1, 'a rig has at least 1 CPU core').max(1024),
    ramGb: z
      .number()
      .finite()
      .gt(0, 'RAM must be above 0 GB')
      .max(16_384, 'RAM above 16,384 GB: is it in MB? Give it in GB'),
  })
  .strict()
  .refine((r) => r.gpuCount === 0 || r.vramGb > 0, { message: 'a GPU rig needs VRAM above 0 GB', path: ['vramGb'] });
export type Rig = z.output<typeof RigSchema>;

/** The user's what-if. */
export const ScenarioSchema = z
  .object({
    /** TAO price in USD; null = not set (USD figures are then null). */
    taoPriceUsd: usd(1_000_000, 'TAO price').nullable(),
    /** Hardware rent for one miner, USD/month. */
    rentUsdPerMonth: usd(1_000_000, 'rent'),
    /** Per-subnet rent, by netuid (e.g. a GPU subnet next to CPU ones). */
    rentUsdPerMonthByNetuid: byNetuid(1_000_000, 'rent').optional(),
    position: PositionSchema,
    /** Miners competing with the newcomer (the newcomer excluded); null = each subnet's current earning miners. */
    competitorCount: z
      .number({ error: 'competitor count must be a number' })
      .int('competitor count must be a whole number')
      .min(0, 'competitor count cannot be negative')
      .max(100_000, 'competitor count above 100,000 is not plausible (a subnet has at most 4,096 UIDs)')
      .nullable(),
    /** Months over which the registration cost is amortised (> 0). */
    horizonMonths: z
      .number()
      .finite()
      .min(0.25, 'the horizon must be at least a week (0.25 months)')
      .max(120, 'horizon above 10 years'),
    /** Registration cost in TAO by netuid; a subnet not listed uses its current burn. */
    registrationCostTaoByNetuid: byNetuid(1_000_000, 'registration cost').optional(),
    /** 0..1: share of spot value lost when selling alpha for TAO (fees, slippage). */
    sellDiscount: z.number().finite().min(0, 'sell discount is 0–1').max(1, 'sell discount is 0–1'),
    /**
     * Assumed change of the alpha price per month, as a share (0.05 = +5% a month, compounding; default 0). The
     * subnet's own 30-day trend is offered as SubnetAnalysis.alphaPriceTrendPerMonth.
     */
    alphaPriceChangePerMonth: z
      .number({ error: 'alpha price change must be a number' })
      .finite()
      .min(-0.99, 'the alpha price cannot fall more than 99% a month')
      .max(10, 'alpha price change above +1000% a month is not plausible')
      .optional(),
    /** The rig the newcomer would mine with; absent = not said (rig fit then unknown). Its rent is rentUsdPerMonth. */
    rig: RigSchema.optional(),
  })
  .strict()
  .refine((s) => !s.rig || s.rentUsdPerMonth > 0, {
    message: "a rig's rent must be above $0/month",
    path: ['rentUsdPerMonth'],
  });
export type Scenario = z.output<typeof ScenarioSchema>;

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
  {
    id: 'cpu',
    rig: { label: 'CPU-only box', gpuModel: null, gpuCount: 0, vramGb: 0, cpuCores: 16, ramGb: 64 },
    rentUsdPerMonth: 60,
  },
  {
    id: 'rtx3090',
    rig: { label: 'RTX 3090', gpuModel: 'RTX 3090', gpuCount: 1, vramGb: 24, cpuCores: 8, ramGb: 32 },
    rentUsdPerMonth: 160,
  },
  {
    id: 'rtx4090',
    rig: { label: 'RTX 4090', gpuModel: 'RTX 4090', gpuCount: 1, vramGb: 24, cpuCores: 16, ramGb: 64 },
    rentUsdPerMonth: 300,
  },
  {
    id: 'rtx5090',
    rig: { label: 'RTX 5090', gpuModel: 'RTX 5090', gpuCount: 1, vramGb: 32, cpuCores: 16, ramGb: 64 },
    rentUsdPerMonth: 450,
  },
  {
    id: 'a100-40',
    rig: { label: 'A100 40 GB', gpuModel: 'A100 40GB', gpuCount: 1, vramGb: 40, cpuCores: 16, ramGb: 128 },
    rentUsdPerMonth: 800,
  },
  {
    id: 'a100-80',
    rig: { label: 'A100 80 GB', gpuModel: 'A100 80GB', gpuCount: 1, vramGb: 80, cpuCores: 16, ramGb: 128 },
    rentUsdPerMonth: 1100,
  },
  {
    id: 'h100',
    rig: { label: 'H100', gpuModel: 'H100 80GB', gpuCount: 1, vramGb: 80, cpuCores: 24, ramGb: 192 },
    rentUsdPerMonth: 1900,
  },
  {
    id: 'h200',
    rig: { label: 'H200', gpuModel: 'H200 141GB', gpuCount: 1, vramGb: 141, cpuCores: 24, ramGb: 256 },
    rentUsdPerMonth: 2600,
  },
];

/** Rent presets the user can pick and edit (USD/month, typical cloud rents; assumptions, not quotes). */
export const RENT_PRESETS: { id: string; label: string; rentUsdPerMonth: number }[] = [
  { id: 'cpu', label: 'CPU box', rentUsdPerMonth: 60 },
  { id: 'a100', label: '1×A100', rentUsdPerMonth: 1100 },
  { id: 'h100', label: '1×H100', rentUsdPerMonth: 1900 },
];
