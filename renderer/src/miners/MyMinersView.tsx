import { useEffect } from 'react';
import { formatBlock, formatNumber } from '../../../shared/format';
import { scout } from '../scout';
import { useScenarioStore } from '../stores/scenario-store';
import { AlertList } from './AlertsStrip';
import { EarningsChart } from './EarningsChart';
import { EarningsDropAlert } from './EarningsDropAlert';
import { KeyForm } from './KeyForm';
import { KeyList } from './KeyList';
import { MinersTable } from './MinersTable';
import { useDataVersion, useMinersStore } from './miners-store';
import { SubnetTotals } from './SubnetTotals';
import { formatWhen } from '../fixed';

/** My miners: the team's keys, every UID they hold with its status and earnings, totals, history and alerts. */
export function MyMinersView() {
  const { report, load } = useMinersStore();
  const scenario = useScenarioStore((s) => s.scenario);
  const version = useDataVersion();
  useEffect(() => void load(), [load, scenario, version]);
  // A key, rent or alert threshold changed in another window (or by an import) shows up here without reopening.
  useEffect(
    () =>
      scout.on('data.changed', ({ scope }) => {
        if (scope === 'team') void load();
      }),
    [load],
  );
  // What the last added key held is old news once another sync is in.
  useEffect(() => useMinersStore.setState({ notice: null }), [version]);

  const uidsHeld = new Map<number, number>();
  for (const m of report?.miners ?? []) {
    if (m.status === 'deregistered') continue;
    for (const id of m.keyIds) uidsHeld.set(id, (uidsHeld.get(id) ?? 0) + 1);
  }
  const hasKeys = (report?.keys.length ?? 0) > 0;

  return (
    <section className="my-miners" aria-labelledby="my-miners-title">
      <h1 id="my-miners-title">My miners</h1>
      <KeyForm />
      {report && <KeyList keys={report.keys} uidsHeld={uidsHeld} />}
      {report && hasKeys && report.latestBlock === null && (
        <p className="empty">No data yet: sync to find the UIDs your keys hold.</p>
      )}
      {report && hasKeys && report.latestBlock !== null && (
        <>
          <p className="muted miners-meta">
            Latest sync: block {formatBlock(report.latestBlock)} ({formatWhen(report.latestBlockTimeMs!)})
            {report.previousBlock !== null
              ? ` · alerts compare with block ${formatBlock(report.previousBlock)}`
              : ' · no earlier sync to compare with'}{' '}
            · USD at the scenario's TAO price{' '}
            {report.taoPriceUsd === null ? '(not set)' : `$${formatNumber(report.taoPriceUsd, 2)}`}, after its sell
            discount
          </p>
          <section className="subnet-section" aria-labelledby="miner-alerts-title">
            <h2 id="miner-alerts-title">Alerts since the previous sync</h2>
            {report.alerts.length === 0 ? <p className="muted">None.</p> : <AlertList alerts={report.alerts} />}
            <EarningsDropAlert percent={report.earningsDropAlertPercent} />
          </section>
          {report.miners.length === 0 ? (
            <p className="empty">Your keys hold no UID in the synced data.</p>
          ) : (
            <>
              <MinersTable miners={report.miners} historyDays={report.historyDays} />
              <p className="muted small miners-rule">{report.dangerRule}</p>
              <section className="subnet-section miners-summary" aria-labelledby="miners-totals-title">
                <h2 id="miners-totals-title">Actual against expected</h2>
                <SubnetTotals subnets={report.subnets} total={report.total} />
                <EarningsChart history={report.history} historyDays={report.historyDays} />
              </section>
            </>
          )}
        </>
      )}
    </section>
  );
}
