/**
 * The emission halving curve subtensor applies to TAO (on TotalIssuance) and to each subnet's alpha (on its own
 * issuance SubnetAlphaIn + SubnetAlphaOut): ST coinbase/block_emission.rs get_block_emission_for_issuance,
 * emission = 1 / 2^floor(log2(1 / (1 − issuance / (2 × 10.5M)))) per block, 0 from the 21M total supply on (the
 * alpha side: ST coinbase/run_coinbase.rs get_subnet_terms with get_alpha_issuance, staking/stake_utils.rs).
 */
import type { HalvingOutlook } from '../../../shared/economics';
import { BLOCKS_PER_DAY, type Provenance } from '../../../shared/domain';
import { figure } from './provenance';

/** TotalSupply (ST lib.rs): 21M units; the halving thresholds are 10.5M, 15.75M, 18.375M … */
export const TOTAL_SUPPLY = 21_000_000;
const BLOCK_MS = 12_000;

/** How many halvings the curve has passed at this issuance (floor of the log residual); Infinity at the supply. */
export function halvingsAt(issuance: number): number {
  if (issuance >= TOTAL_SUPPLY) return Infinity;
  // A hair of tolerance so an issuance exactly on a threshold counts as past it despite float rounding.
  return Math.floor(Math.log2(1 / (1 - Math.max(0, issuance) / TOTAL_SUPPLY)) + 1e-12);
}

/** Emission per block relative to the first era (1, 0.5, 0.25 …; 0 at the supply). */
export function emissionFactorAt(issuance: number): number {
  const k = halvingsAt(issuance);
  return Number.isFinite(k) ? 1 / 2 ** k : 0;
}

/** The issuance at which the next halving happens: TOTAL_SUPPLY × (1 − 2^−(k+1)). */
export function nextHalvingThreshold(issuance: number): number | null {
  const k = halvingsAt(issuance);
  return Number.isFinite(k) ? TOTAL_SUPPLY * (1 - 2 ** -(k + 1)) : null;
}

/**
 * Emission relative to today at the middle of each of the next `months` months, the issuance growing at
 * `perDay` (the rate seen in history). A growing issuance only ever lowers the factor.
 */
export function emissionFactorsByMonth(
  issuance: number,
  perDay: number | null,
  months: number,
  daysPerMonth: number,
): number[] {
  const now = emissionFactorAt(issuance);
  const out = new Array<number>(months);
  for (let m = 0; m < months; m++) {
    const at = perDay === null || perDay <= 0 ? issuance : issuance + perDay * (m + 0.5) * daysPerMonth;
    out[m] = now > 0 ? emissionFactorAt(at) / now : 0;
  }
  return out;
}

export function halvingOutlook(
  issuance: number | null,
  perDay: number | null,
  perDayProvenance: Provenance,
  perDayNote: string | null,
  blockNumber: number,
  blockTimeMs: number,
  provenance: Provenance,
  issuanceNote: string | null,
): HalvingOutlook {
  const threshold = issuance === null ? null : nextHalvingThreshold(issuance);
  const days =
    threshold === null || issuance === null || perDay === null || perDay <= 0 ? null : (threshold - issuance) / perDay;
  const why =
    issuance === null
      ? issuanceNote
      : threshold === null
        ? 'the supply is fully issued'
        : perDay === null
          ? perDayNote
          : perDay <= 0
            ? 'issuance is not growing: no halving ahead at this rate'
            : null;
  const blocks = days === null ? null : Math.ceil(days * BLOCKS_PER_DAY);
  return {
    issuance: figure(issuance, provenance, issuanceNote),
    issuancePerDay: figure(perDay, perDayProvenance, perDayNote),
    nextThreshold: figure(threshold, provenance, threshold === null ? why : null),
    daysToHalving: figure(days, perDayProvenance, why),
    halvingBlock: figure(blocks === null ? null : blockNumber + blocks, perDayProvenance, why),
    halvingTimeMs: figure(blocks === null ? null : blockTimeMs + blocks * BLOCK_MS, perDayProvenance, why),
  };
}
