/** Conversions from chain integers to engine numbers. Money stays bigint until here; sums are done in bigint. */
import { BLOCKS_PER_DAY, RAO_PER_TAO, U16_MAX } from '../../../shared/domain';

const RAO_PER_UNIT_NUMBER = 1e9;

/**
 * Rao (of TAO or alpha) to whole units. Splitting off the integer part keeps full precision for amounts above
 * 2^53 rao (≈ 9M TAO), where Number(rao) alone would already round.
 */
export function raoToUnits(rao: bigint): number {
  return Number(rao / RAO_PER_TAO) + Number(rao % RAO_PER_TAO) / RAO_PER_UNIT_NUMBER;
}

const RATIO_SCALE = 10n ** 18n;

/** numerator / denominator as a number, exact to 1e-18 however large the operands; null when dividing by 0. */
export function bigRatio(numerator: bigint, denominator: bigint): number | null {
  if (denominator === 0n) return null;
  return Number((numerator * RATIO_SCALE) / denominator) / 1e18;
}

export function u16Share(value: number): number {
  return value / U16_MAX;
}

/** Alpha per epoch (Metagraph.emission) to alpha per day: an epoch runs every `tempo` blocks. */
export function perEpochToPerDay(unitsPerEpoch: number, tempo: number): number | null {
  if (!(tempo > 0)) return null;
  return (unitsPerEpoch * BLOCKS_PER_DAY) / tempo;
}

export function blocksToDays(blocks: number): number {
  return blocks / BLOCKS_PER_DAY;
}
