/** Constructors for figures and their provenance. A non-finite number never leaves the engine: it becomes null. */
import type { Provenance } from '../../../shared/domain';
import type { Figure } from '../../../shared/economics';

export function chainAt(blockNumber: number, blockTimeMs: number): Provenance {
  return { kind: 'chain', blockNumber, blockTimeMs };
}

export function derived(from: string): Provenance {
  return { kind: 'derived', from };
}

/** Shared instances: provenance objects are read-only, so the hot path need not allocate them. */
export const ASSUMED_SCENARIO: Provenance = Object.freeze({ kind: 'assumed', by: 'scenario' } as const);
export const ASSUMED_DEFAULT: Provenance = Object.freeze({ kind: 'assumed', by: 'default' } as const);

export function figure(value: number | null, provenance: Provenance, note: string | null = null): Figure {
  if (value !== null && !Number.isFinite(value)) return { value: null, provenance, note: note ?? 'not finite' };
  return { value, provenance, note };
}
