import { useId } from 'react';
import type { Figure } from '../../../shared/economics';
import { MISSING } from '../../../shared/format';
import { figureHint } from './provenance';

/**
 * One number with where it came from. Missing is "—" with the reason; the source shows on hover (title) and, for
 * keyboard and screen-reader users, as the element's description, visible while it has focus.
 */
export function FigureValue<T>({ figure, format }: { figure: Figure<T>; format: (value: T) => string }) {
  const hintId = useId();
  const hint = figureHint(figure, Date.now());
  const kind = figure.provenance.kind;
  return (
    <span className="figure-value">
      <span className={`figure figure-${kind}`} tabIndex={0} title={hint} aria-describedby={hintId}>
        {figure.value === null ? MISSING : format(figure.value)}
      </span>
      <span id={hintId} role="tooltip" className="figure-hint">
        {hint}
      </span>
    </span>
  );
}
