import { useEffect } from 'react';
import { scout } from '../scout';
import { SubnetNotes } from '../notes/SubnetNotes';
import { WhatIfAside } from '../scenario/WhatIfAside';
import { MetagraphTable } from './MetagraphTable';
import { PoolChart } from './PoolChart';
import { useDataStore } from '../stores/data-store';
import { useScenarioStore } from '../stores/scenario-store';
import { DistributionChart } from './DistributionChart';
import { HistoryCharts } from './HistoryCharts';
import { KeyFigures } from './KeyFigures';
import { LorenzChart } from './LorenzChart';
import { NewcomerEconomics } from './NewcomerEconomics';
import { NewcomerHistory } from './NewcomerHistory';
import { ForecastBacktest } from './ForecastBacktest';
import { ScenarioCompare } from './ScenarioCompare';
import { SensitivityHeatmap } from './SensitivityHeatmap';
import { SubnetHeader } from './SubnetHeader';
import { useSubnetStore } from './subnet-store';
import { WatchlistMembership } from './WatchlistMembership';
import { ErrorMessage } from '../components/ErrorMessage';
import { StaleFiguresNotice } from '../components/StaleFiguresNotice';

/** A netuid the data does not hold (an old bookmark, a typo): said plainly, with the way back, not as a failure. */
function SubnetMissing({ netuid }: { netuid: number }) {
  return (
    <section className="banner" role="alert" aria-labelledby="subnet-missing-title">
      <h2 id="subnet-missing-title">SN{netuid} is not in this data</h2>
      <p>
        No sync has read a subnet numbered {netuid} (it may never have existed, or was deregistered before the first
        sync). <a href="#/subnets">Back to the subnet list</a>
      </p>
    </section>
  );
}

/** Everything about one subnet: its figures, history and distribution, and what a newcomer would make there. */
export function SubnetPage({ netuid }: { netuid: number }) {
  const scenario = useScenarioStore((s) => s.scenario);
  const { detail, sensitivity, loading, error, missing, loadedAtMs, load, historyDays, showHistory } = useSubnetStore();
  const demo = useDataStore((s) => s.subnets?.dataset === 'demo');

  // Every scenario change re-asks the engine; the store keeps only the newest answer.
  useEffect(() => load(netuid, scenario), [netuid, scenario, load]);
  // A sync (or another data set) changes the figures under the page; notes refresh in their own section.
  useEffect(
    () =>
      scout.on('data.changed', ({ scope }) => {
        if (scope === 'subnets' || scope === 'dataset') load(netuid, useScenarioStore.getState().scenario);
      }),
    [netuid, load],
  );

  return (
    <div className="with-side-panel subnet-page">
      <WhatIfAside />
      <article tabIndex={-1} className="main-panel" aria-labelledby="subnet-title" aria-busy={loading}>
        <SubnetHeader netuid={netuid} detail={detail} />
        {demo && (
          <p className="banner" role="note">
            You are looking at <strong>synthetic demo data</strong>, not the real network.
          </p>
        )}
        {detail ? (
          // The figures below stay, but they answer the last what-if that worked.
          <StaleFiguresNotice
            title="This subnet's figures could not be updated."
            error={error}
            shownFromMs={loadedAtMs}
            retrying={loading}
            onRetry={() => load(netuid, useScenarioStore.getState().scenario)}
          />
        ) : missing ? (
          <SubnetMissing netuid={netuid} />
        ) : (
          <ErrorMessage error={error} />
        )}
        {!detail && !error && <p className="muted">Loading…</p>}
        <WatchlistMembership netuid={netuid} />
        {detail && (
          <>
            <NewcomerEconomics
              economics={detail.economics}
              scenario={scenario}
              priceTrend={detail.analysis.alphaPriceTrendPerMonth}
              onUsePriceChange={(v) => useScenarioStore.getState().change({ alphaPriceChangePerMonth: v })}
            />
            <NewcomerHistory outcomes={detail.analysis.newcomers} competitive={detail.analysis.competitive} />
            <ForecastBacktest backtest={detail.analysis.backtest} />
            <KeyFigures detail={detail} />
            {sensitivity && (
              <SensitivityHeatmap
                grid={sensitivity}
                taoPriceUsd={scenario.taoPriceUsd}
                competitors={detail.economics.competitorCount.value}
              />
            )}
            <ScenarioCompare netuid={netuid} />
            <HistoryCharts history={detail.history} range={historyDays} onRangeChange={showHistory} />
            <PoolChart pool={detail.pool} range={historyDays} />
            <section className="subnet-section" aria-labelledby="distribution-title">
              <h2 id="distribution-title">Who earns what</h2>
              <div className="chart-pair">
                <DistributionChart
                  distribution={detail.distribution}
                  deregLine={detail.analysis.deregLine.alphaPerDay}
                />
                <LorenzChart distribution={detail.distribution} gini={detail.analysis.concentration.gini} />
              </div>
            </section>
            <MetagraphTable distribution={detail.distribution} blockNumber={detail.analysis.blockNumber} />
            {/* SubnetNotes brings its own section and heading; the wrapper only gives it the page's card look. */}
            <div className="subnet-section">
              <SubnetNotes netuid={netuid} />
            </div>
          </>
        )}
      </article>
    </div>
  );
}
