import { useEffect, useState } from 'react';
import type { NetworkPreset, Settings } from '../../../shared/api-types';
import { ENDPOINT_PRESETS } from '../../../shared/networks';
import { NETWORK_LABELS, SETTING_LABELS } from '../../../shared/settings-labels';
import { useSettingsStore } from '../stores/settings-store';
import { ThresholdsFieldset, typedNumber } from './ThresholdsFieldset';
import { BackupsSection } from './BackupsSection';
import { AlertNotificationsSection } from './AlertNotificationsSection';
import { ErrorMessage } from '../components/ErrorMessage';

export function SettingsView() {
  const { settings, save, error, saving, savedAtMs } = useSettingsStore();
  const [draft, setDraft] = useState<Settings | null>(settings);
  useEffect(() => setDraft(settings), [settings]);
  if (!draft) return <p className="muted">Loading settings…</p>;
  const update = (patch: Partial<Settings>) => setDraft({ ...draft, ...patch });

  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          // The scenario is owned by the what-if panel; saving Settings must not roll it back.
          const { scenario: _scenario, ...rest } = draft;
          void save(rest);
        }}
      >
        <fieldset>
          <legend>Chain endpoint</legend>
          <label htmlFor="network">Network</label>
          <select
            id="network"
            value={draft.network}
            onChange={(e) => update({ network: e.target.value as NetworkPreset })}
          >
            {(Object.keys(NETWORK_LABELS) as NetworkPreset[]).map((n) => (
              <option key={n} value={n}>
                {NETWORK_LABELS[n]}
              </option>
            ))}
          </select>
          {draft.network === 'custom' ? (
            <>
              <label htmlFor="custom-endpoint">Custom endpoint URL</label>
              <input
                id="custom-endpoint"
                value={draft.customEndpoint}
                placeholder="wss://…"
                onChange={(e) => update({ customEndpoint: e.target.value })}
              />
            </>
          ) : (
            <p className="muted">{ENDPOINT_PRESETS[draft.network]}</p>
          )}
        </fieldset>
        <fieldset>
          <legend>Sync and history</legend>
          <label htmlFor="sync-interval">{SETTING_LABELS.syncIntervalMinutes}</label>
          <input
            id="sync-interval"
            type="number"
            min={0}
            max={1440}
            value={draft.syncIntervalMinutes}
            onChange={(e) => update({ syncIntervalMinutes: typedNumber(e.target.valueAsNumber) })}
          />
          <label htmlFor="sync-deadline">{SETTING_LABELS.syncDeadlineMinutes}</label>
          <input
            id="sync-deadline"
            type="number"
            min={1}
            max={120}
            value={draft.syncDeadlineMinutes}
            onChange={(e) => update({ syncDeadlineMinutes: typedNumber(e.target.valueAsNumber) })}
          />
          <label htmlFor="retention">{SETTING_LABELS.neuronFullResolutionDays}</label>
          <input
            id="retention"
            type="number"
            min={1}
            max={3650}
            value={draft.neuronFullResolutionDays}
            onChange={(e) => update({ neuronFullResolutionDays: typedNumber(e.target.valueAsNumber) })}
          />
          <label htmlFor="backup-budget">Keep backups within (MB; the newest good backup is always kept)</label>
          <input
            id="backup-budget"
            type="number"
            min={100}
            value={draft.backupBudgetMb}
            onChange={(e) => update({ backupBudgetMb: e.target.valueAsNumber })}
          />
        </fieldset>
        <ThresholdsFieldset
          value={draft.verdictThresholds}
          onChange={(verdictThresholds) => update({ verdictThresholds })}
        />
        <fieldset>
          <legend>Appearance</legend>
          <label htmlFor="theme">Theme</label>
          <select
            id="theme"
            value={draft.theme}
            onChange={(e) => update({ theme: e.target.value as Settings['theme'] })}
          >
            <option value="system">Follow the system</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </fieldset>
        <div className="row">
          <button type="submit" disabled={saving}>
            Save settings
          </button>
          {savedAtMs && !error && <span role="status">Saved.</span>}
        </div>
        <ErrorMessage error={error} />
      </form>
      <AlertNotificationsSection />
      <BackupsSection />
    </section>
  );
}
