import { useId } from 'react';
import type { CompetitiveIncome, NewcomerOutcomes } from '../../../shared/economics';
import { MIN_NEWCOMERS_MEASURED } from '../../../shared/economics';
import { formatInteger, formatNumber, formatPercent, MISSING } from '../../../shared/format';
import { useSectionLabel } from './section-scope';

const pct = (v: number | null) => (v === null ? MISSING : `${formatNumber(v, 0)}th`);

/**
 * Where newcomers really landed on this subnet, from the local per-UID history: how many registered, how many
 * earned before their immunity ended, how fast, where they stood after 1/3/7 days, and how many were pruned first.
 * Too few to trust says so: the forecast then uses the prior from Settings.
 */
export function NewcomerHistory({
  outcomes,
  competitive,
}: {
  outcomes: NewcomerOutcomes | null | undefined;
  competitive?: CompetitiveIncome | null;
}) {
  const o = outcomes;
  const enough = !!o && o.resolved >= MIN_NEWCOMERS_MEASURED;
  const tao = (v: number | null) => (v === null ? MISSING : `${formatNumber(v, 4)} τ/day`);
  // Ids from useId: a watchlist report holds this section once per subnet.
  const titleId = useId();
  const sectionLabel = useSectionLabel(titleId);
  return (
    <section className="subnet-section" aria-labelledby={sectionLabel}>
      <h2 id={titleId}>Where newcomers landed here</h2>
      {competitive && (
        <p className="competitive-income">
          Competing miners (neither the owner's keys nor validators): {formatInteger(competitive.miners)}; best{' '}
          {tao(competitive.bestTaoPerDay)}, median {tao(competitive.medianTaoPerDay)} — the headline top miner is often
          the owner or a validator.
        </p>
      )}
      {!o || o.points === 0 ? (
        <p className="muted">No per-UID history yet: sync a few times. The forecast uses the prior from Settings.</p>
      ) : (
        <>
          {!enough && (
            <p className="notice" role="note">
              Too few newcomers to measure: {formatInteger(o.resolved)} with a known outcome ({MIN_NEWCOMERS_MEASURED}{' '}
              needed). P(earn) and the landing spot are the prior from Settings{' '}
              <span className="badge assumed">assumed</span>.
            </p>
          )}
          <dl className="figure-list">
            <div className="figure-item">
              <dt>Registered in the window</dt>
              <dd>
                {formatInteger(o.registered)} ({formatInteger(o.resolved)} with a known outcome,{' '}
                {formatInteger(o.points)} sync points)
                {o.inCoarseGaps > 0 &&
                  ` · ${formatInteger(o.inCoarseGaps)} left out: registered between syncs further apart than the immunity, where a pruned newcomer could go unseen`}
              </dd>
            </div>
            <div className="figure-item">
              <dt>Earned before immunity ended</dt>
              <dd>
                {formatInteger(o.earned)} of {formatInteger(o.resolved)} ({formatPercent(o.earnShare, 0)})
              </dd>
            </div>
            <div className="figure-item">
              <dt>Pruned before earning</dt>
              <dd>{formatInteger(o.prunedBeforeEarning)}</dd>
            </div>
            <div className="figure-item">
              <dt>Time to first incentive (median)</dt>
              <dd>
                {o.medianDaysToFirstIncentive === null
                  ? MISSING
                  : `${formatNumber(o.medianDaysToFirstIncentive * 24, 1)} h`}
              </dd>
            </div>
            <div className="figure-item">
              <dt>Percentile among earners after 1 / 3 / 7 days (median)</dt>
              <dd>
                {pct(o.medianPercentileAfterDays.d1)} / {pct(o.medianPercentileAfterDays.d3)} /{' '}
                {pct(o.medianPercentileAfterDays.d7)}
              </dd>
            </div>
          </dl>
        </>
      )}
    </section>
  );
}
