import type { Verdict } from '../../../shared/economics';

const ICON = { Mine: '✓', Watch: '◐', Skip: '✕' } as const;

/** The verdict as text plus an icon (colour is never the only signal); hover lists the deciding reasons. */
export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  const decisive = verdict.reasons.filter((r) => r.decisive).map((r) => r.message);
  return (
    <span className={`verdict verdict-${verdict.label.toLowerCase()}`} title={decisive.join('\n') || undefined}>
      <span aria-hidden="true">{ICON[verdict.label]} </span>
      {verdict.label}
    </span>
  );
}
