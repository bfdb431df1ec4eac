/**
 * How the engine states a figure: with where it came from (Provenance). `value: null` means "cannot be known from the
 * inputs" (missing data, or no finite answer such as a payback that never comes); `note` then says why.
 */
import type { Provenance } from './domain';

/** A number (or other value) with where it came from. `note` explains a null or qualifies the value. */
export interface Figure<T = number> {
  value: T | null;
  provenance: Provenance;
  note: string | null;
}

/** Average month used for every per-month figure (365.25 / 12). */
export const DAYS_PER_MONTH = 30.44;
