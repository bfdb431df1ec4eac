/** How the Subnet page words where a number came from (product rule: provenance on every number). */
import type { Provenance } from '../../../shared/domain';
import type { Figure } from '../../../shared/economics';
import { formatAge, formatBlock } from '../../../shared/format';
import { formatWhen } from '../fixed';

/** "chain, block 9,212,345, 3 h ago" / "derived from …" / "assumed by you". */
export function describeProvenance(p: Provenance, nowMs: number): string {
  switch (p.kind) {
    case 'chain':
      return `chain, block ${formatBlock(p.blockNumber)}, ${formatAge(p.blockTimeMs, nowMs)} (${formatWhen(p.blockTimeMs)})`;
    case 'derived':
      // The engine names blocks without separators ("block 9212345"); group the digits the way the rest of the UI does.
      return `derived from ${p.from.replace(/block (\d+)/g, (_, n: string) => `block ${formatBlock(Number(n))}`)}`;
    case 'assumed':
      return p.by === 'scenario'
        ? 'assumed by you (what-if scenario)'
        : 'assumed (app default, change it in the what-if panel)';
  }
}

/** The hover/focus hint of a figure: why it is missing (or how it is qualified), then where it came from. */
export function figureHint(f: Figure<unknown>, nowMs: number): string {
  const source = describeProvenance(f.provenance, nowMs);
  if (f.value === null) return `Not known: ${f.note ?? 'no data'}. Source: ${source}`;
  return f.note ? `${f.note}. Source: ${source}` : `Source: ${source}`;
}
