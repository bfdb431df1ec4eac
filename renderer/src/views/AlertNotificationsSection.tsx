import { useState } from 'react';
import type { MinerAlertKind } from '../../../shared/miners-types';
import { ALERT_KINDS, enabledKinds, permission, setKindEnabled } from '../miners/alert-notifications';
import { useMinersStore } from '../miners/miners-store';

const PERMISSION_NOTE: Record<ReturnType<typeof permission>, string | null> = {
  granted: null,
  default: 'The system will ask whether Subnet Scout may show notifications.',
  denied: 'Notifications are blocked for Subnet Scout: allow them in the system (or browser) settings to see these.',
  unsupported: 'This window cannot show desktop notifications; the alerts still show in My miners.',
};

/** Settings → which My miners alerts also pop up as desktop notifications (each off until turned on). */
export function AlertNotificationsSection() {
  const [enabled, setEnabled] = useState(enabledKinds);
  const [state, setState] = useState(permission);
  const toggle = async (kind: MinerAlertKind, on: boolean) => {
    setEnabled({ ...enabled, [kind]: on });
    setState(await setKindEnabled(kind, on, useMinersStore.getState().alerts));
  };
  const anyOn = Object.values(enabled).some(Boolean);
  return (
    <section className="form alert-notifications" aria-labelledby="alert-notifications-title">
      <fieldset>
        <legend id="alert-notifications-title">Desktop notifications for My miners alerts</legend>
        <p className="muted small">Applies at once. Each alert pops up once, after the sync that found it.</p>
        {ALERT_KINDS.map(({ kind, label }) => (
          <label key={kind} className="checkbox-label row">
            <input type="checkbox" checked={enabled[kind]} onChange={(e) => void toggle(kind, e.target.checked)} />{' '}
            {label}
          </label>
        ))}
        {anyOn && PERMISSION_NOTE[state] && <p className="muted small">{PERMISSION_NOTE[state]}</p>}
      </fieldset>
    </section>
  );
}
