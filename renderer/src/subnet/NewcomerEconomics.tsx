import { useId, type ReactNode } from 'react';
import type { Figure, MinerEconomics, Position, Scenario } from '../../../shared/economics';
import { formatInteger, formatNumber, formatPercent } from '../../../shared/format';
import { FigureValue } from './FigureValue';
import { ProfitPathChart } from './ProfitPathChart';
import { VerdictReasons } from './VerdictReasons';
import { useSectionLabel } from './section-scope';

const usd = (v: number) => `$${formatNumber(v, 2)}`;
const usdPerMonth = (v: number) => `$${formatNumber(v, 2)}/month`;
const count = (v: number) => formatInteger(v);

export function describePosition(p: Position): string {
  if (p.kind === 'rank') return `rank ${formatInteger(p.rank)}`;
  if (p.kind === 'percentile') return `${formatNumber(p.percentile, 1)}th percentile of earning miners`;
  if (p.kind === 'landed') return 'where newcomers landed here';
  return 'an equal share of the pool';
}

function Row({ label, children, className }: { label: string; children: ReactNode; className?: string }) {
  return (
    <div className={`figure-item${className ? ` ${className}` : ''}`}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** The scenario's inputs next to its results, each labelled as the user's assumption. */
function Assumptions({ scenario, economics }: { scenario: Scenario; economics: MinerEconomics }) {
  const assumptionsTitleId = useId();
  return (
    <div className="assumptions" role="group" aria-labelledby={assumptionsTitleId}>
      <h3 id={assumptionsTitleId}>
        Your assumptions <span className="badge assumed">assumed</span>
      </h3>
      <ul>
        <li>TAO price: {scenario.taoPriceUsd === null ? 'not set' : usd(scenario.taoPriceUsd)}</li>
        <li>
          Hardware rent: <FigureValue figure={economics.rentUsdPerMonth} format={usdPerMonth} />
        </li>
        <li>Position: {describePosition(scenario.position)}</li>
        <li>
          Rig:{' '}
          {scenario.rig
            ? `${scenario.rig.label}: ${scenario.rig.gpuCount} GPU × ${scenario.rig.vramGb} GB VRAM, ${scenario.rig.cpuCores} cores, ${scenario.rig.ramGb} GB RAM`
            : 'not said'}
        </li>
        <li>
          Competitors:{' '}
          {scenario.competitorCount === null ? (
            <>
              as many as earn today (<FigureValue figure={economics.competitorCount} format={count} />)
            </>
          ) : (
            formatInteger(scenario.competitorCount)
          )}
        </li>
        <li>Horizon: {formatNumber(scenario.horizonMonths, 2)} months (registration cost spread over it)</li>
        <li>Sell discount: {formatPercent(scenario.sellDiscount, 1)}</li>
        <li>Alpha price change: {formatPercent(scenario.alphaPriceChangePerMonth ?? 0, 1)} a month</li>
      </ul>
    </div>
  );
}

/** What a newcomer earns, pays and risks on this subnet under the active scenario, and the verdict with its reasons. */
export function NewcomerEconomics({
  economics,
  scenario,
  priceTrend,
  onUsePriceChange,
}: {
  economics: MinerEconomics;
  scenario: Scenario;
  /** The subnet's own alpha price trend per month, offered as a one-click assumption. */
  priceTrend?: Figure;
  onUsePriceChange?: (changePerMonth: number) => void;
}) {
  // Ids from useId: a watchlist report holds this section once per subnet.
  const newcomerTitleId = useId();
  const sectionLabel = useSectionLabel(newcomerTitleId);
  const e = economics;
  const profit = e.expected.profitUsdPerMonth.value;
  const sign = profit === null ? '' : profit > 0 ? ' profit-positive' : ' profit-negative';
  return (
    <section className="subnet-section" aria-labelledby={sectionLabel}>
      <h2 id={newcomerTitleId}>If you mine here</h2>
      <div className="newcomer-grid">
        <div>
          <dl className="figure-list">
            <Row label="Expected profit (after P(earn))" className={`profit-row${sign}`}>
              <FigureValue figure={e.expected.profitUsdPerMonth} format={usdPerMonth} />
            </Row>
            <Row label="P(earn): chance of earning at all">
              <FigureValue figure={e.expected.earnChance} format={(v) => formatPercent(v, 0)} />
            </Row>
            <Row label="P(loss over the horizon)">
              <FigureValue figure={e.expected.lossChance} format={(v) => formatPercent(v, 0)} />
            </Row>
            <Row label="Rig fit">{e.rigFit.reason}</Row>
            <Row label="Profit if you earn at this position">
              <FigureValue figure={e.profitUsdPerMonth} format={usdPerMonth} />
            </Row>
            <Row label="Earnings">
              <FigureValue figure={e.earningsUsdPerMonth} format={usdPerMonth} />
            </Row>
            <Row label="Earnings in tokens">
              <FigureValue figure={e.alphaPerDay} format={(v) => `${formatNumber(v, 4)} α/day`} />
              {' · '}
              <FigureValue figure={e.taoPerDay} format={(v) => `${formatNumber(v, 4)} τ/day`} />
            </Row>
            <Row label="Rank and share">
              rank <FigureValue figure={e.rank} format={count} /> of{' '}
              <FigureValue figure={e.competitorCount} format={(v) => formatInteger(v + 1)} />
              {' · '}
              <FigureValue figure={e.shareOfMinerPool} format={(v) => `${formatPercent(v, 2)} of the pool`} />
            </Row>
            <Row label="Hardware rent">
              <FigureValue figure={e.rentUsdPerMonth} format={usdPerMonth} />
            </Row>
            <Row label="Registration cost">
              <FigureValue figure={e.registrationCostTao} format={(v) => `${formatNumber(v, 4)} τ`} />
              {' · '}
              <FigureValue figure={e.registrationCostUsd} format={usd} />
            </Row>
            <Row label="Payback">
              <FigureValue figure={e.paybackDays} format={(v) => `${formatNumber(v, 1)} days`} />
            </Row>
            <Row label="Profit over the horizon">
              <FigureValue figure={e.path.profitOverHorizonUsd} format={usd} />
            </Row>
            <Row label="Break-even TAO price">
              <FigureValue figure={e.breakEvenTaoPriceUsd} format={usd} />
            </Row>
            <Row label="Break-even competitors">
              <FigureValue figure={e.breakEvenCompetitors} format={count} />
            </Row>
            <Row label="Worst rank that still pays">
              <FigureValue figure={e.breakEvenRank} format={count} />
            </Row>
            <Row label="Pruning risk" className="stacked">
              <span className={`pruning pruning-${e.pruning.level ?? 'unknown'}`}>{e.pruning.level ?? 'unknown'}</span>
              {': '}
              {e.pruning.reason}
              {e.pruning.daysUntilPruned.value !== null && (
                <>
                  {' (pushed out in about '}
                  <FigureValue figure={e.pruning.daysUntilPruned} format={(v) => `${formatNumber(v, 1)} days`} />
                  {')'}
                </>
              )}
              <span className="muted small pruning-working"> Working: {e.pruning.working}.</span>
            </Row>
          </dl>
          <Assumptions scenario={scenario} economics={e} />
          {priceTrend && onUsePriceChange && priceTrend.value !== null && (
            <p>
              <button
                type="button"
                className="link"
                onClick={() => onUsePriceChange(Math.max(-0.99, Math.min(10, priceTrend.value as number)))}
              >
                Use this subnet's 30-day price trend ({formatPercent(priceTrend.value, 1)} a month)
              </button>
            </p>
          )}
          <ProfitPathChart path={e.path} />
        </div>
        <VerdictReasons verdict={e.verdict} />
      </div>
    </section>
  );
}
