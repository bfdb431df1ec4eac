import { useId } from 'react';
import type { SubnetBacktest } from '../../../shared/economics';
import { formatInteger, formatNumber, formatPercent, MISSING } from '../../../shared/format';
import { useSectionLabel } from './section-scope';

// `== null`: an analysis stored by an older build of the same version lacks the newer figures.
const alpha = (v: number | null | undefined) => (v == null ? MISSING : `${formatNumber(v, 4)} α/day`);

/**
 * How did this forecast do here? For the newcomers in the local history old enough to judge: the forecast made from
 * what was known when each registered, against what it earned (engine/backtest.ts). Says plainly when there is too
 * little history.
 */
export function ForecastBacktest({ backtest }: { backtest: SubnetBacktest | null | undefined }) {
  const b = backtest;
  // Ids from useId: a watchlist report holds this section once per subnet.
  const titleId = useId();
  const sectionLabel = useSectionLabel(titleId);
  return (
    <section className="subnet-section" aria-labelledby={sectionLabel}>
      <h2 id={titleId}>How did this forecast do here?</h2>
      {!b || b.pairs === 0 ? (
        <p className="muted">{b?.note ?? 'not enough history yet: sync for a week or more.'}</p>
      ) : (
        <>
          <dl className="figure-list">
            <div className="figure-item">
              <dt>Newcomers judged</dt>
              <dd>{formatInteger(b.pairs)}</dd>
            </div>
            <div className="figure-item">
              <dt>Median error of α/day, first 7 days</dt>
              <dd>
                {alpha(b.medianAbsErrorAlphaPerDay7d)} ({formatInteger(b.pairs7d)} newcomers)
              </dd>
            </div>
            <div className="figure-item">
              <dt>Median error of α/day, first 30 days</dt>
              <dd>
                {alpha(b.medianAbsErrorAlphaPerDay30d)} ({formatInteger(b.pairs30d)} newcomers)
              </dd>
            </div>
            <div className="figure-item">
              <dt>Mean α/day, first 7 days: forecast vs paid</dt>
              <dd>
                {alpha(b.meanPredictedAlphaPerDay7d)} vs {alpha(b.meanActualAlphaPerDay7d)}
              </dd>
            </div>
            <div className="figure-item">
              <dt>Mean α/day, first 30 days: forecast vs paid</dt>
              <dd>
                {alpha(b.meanPredictedAlphaPerDay30d)} vs {alpha(b.meanActualAlphaPerDay30d)}
              </dd>
            </div>
            <div className="figure-item">
              <dt>P(earn): forecast vs observed</dt>
              <dd>
                {formatPercent(b.meanPredictedEarnChance, 0)} vs {formatPercent(b.observedEarnShare, 0)}
              </dd>
            </div>
          </dl>
          {b.pairsFromPrior > 0 && (
            <p className="muted">
              {formatInteger(b.pairsFromPrior)} of them were forecast from the prior (Settings), before eight newcomers'
              outcomes were known here.
            </p>
          )}
          {b.note && <p className="muted">{b.note}</p>}
        </>
      )}
    </section>
  );
}
