import { useEffect } from 'react';
import type { MinerAlert, MinerAlertKind } from '../../../shared/miners-types';
import { useUiStore } from '../stores/ui-store';
import { useDataVersion, useMinersStore } from './miners-store';

const ICON: Record<MinerAlertKind, string> = { 'entered-danger': '!', deregistered: '✕', 'earnings-fell': '▼' };

export function AlertList({ alerts }: { alerts: MinerAlert[] }) {
  return (
    <ul className="miner-alerts">
      {alerts.map((a) => (
        <li key={`${a.kind}:${a.minerId}`} className={`miner-alert miner-alert-${a.kind}`}>
          <span aria-hidden="true">{ICON[a.kind]} </span>
          {a.message}
        </li>
      ))}
    </ul>
  );
}

/** The alerts of the data in view, fetched again when a sync or another data file changes it. */
function useAlerts(): MinerAlert[] {
  const { alerts, loadAlerts } = useMinersStore();
  const version = useDataVersion();
  useEffect(() => {
    if (version !== null) void loadAlerts();
  }, [loadAlerts, version]);
  return version === null ? [] : alerts;
}

/** The team's alerts since the previous sync, on top of other screens (nothing when there are none). */
export function AlertsStrip() {
  const alerts = useAlerts();
  const go = useUiStore((s) => s.go);
  if (alerts.length === 0) return null;
  return (
    <section className="alerts-strip" aria-label="My miners alerts" role="status">
      <strong>
        My miners: {alerts.length} alert{alerts.length === 1 ? '' : 's'} since the previous sync
      </strong>
      <AlertList alerts={alerts} />
      <button className="link" onClick={() => go('miners')}>
        Open My miners
      </button>
    </section>
  );
}

/** The alert count next to "My miners" in the navigation. */
export function MinersAlertBadge() {
  const alerts = useAlerts();
  if (alerts.length === 0) return null;
  return (
    <span className="badge nav-alerts" aria-label={`${alerts.length} alert${alerts.length === 1 ? '' : 's'}`}>
      {alerts.length}
    </span>
  );
}
