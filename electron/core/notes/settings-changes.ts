/**
 * What importing a file's settings would change, setting by setting, in the words of the Settings screen: the
 * import asks before replacing yours and shows this list, so a custom endpoint or a sync interval is never replaced
 * unseen.
 */
import type { Settings } from '../../../shared/api-types';
import type { SettingChange } from '../../../shared/notes-types';
import { ENDPOINT_PRESETS } from '../../../shared/networks';
import { NETWORK_LABELS, SCENARIO_LABELS, SETTING_LABELS, THRESHOLD_LABELS } from '../../../shared/settings-labels';

const text = (v: unknown): string => {
  if (v === null || v === undefined) return 'not set';
  if (typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>);
    return entries.length ? entries.map(([k, x]) => `${k}: ${text(x)}`).join(', ') : 'none';
  }
  return String(v);
};

const endpointOf = (s: Pick<Settings, 'network' | 'customEndpoint'>) =>
  s.network === 'custom'
    ? `${NETWORK_LABELS.custom} ${s.customEndpoint || '(none set)'}`
    : `${NETWORK_LABELS[s.network]} (${ENDPOINT_PRESETS[s.network]})`;

/** The settings `file` would change in `mine`; a setting the file does not hold stays as it is and is not listed. */
export function settingsChanges(mine: Settings, file: Partial<Settings>): SettingChange[] {
  const changes: SettingChange[] = [];
  const add = (label: string, a: unknown, b: unknown) => {
    if (JSON.stringify(a) !== JSON.stringify(b)) changes.push({ label, mine: text(a), file: text(b) });
  };
  const after: Settings = { ...mine };
  const take = <K extends keyof Settings>(key: K) => {
    const value = file[key];
    if (value !== undefined) after[key] = value;
  };
  for (const key of Object.keys(file) as (keyof Settings)[]) take(key);
  if (endpointOf(mine) !== endpointOf(after))
    changes.push({ label: 'Chain endpoint', mine: endpointOf(mine), file: endpointOf(after) });
  for (const key of Object.keys(SETTING_LABELS) as (keyof typeof SETTING_LABELS)[])
    add(SETTING_LABELS[key], mine[key], after[key]);
  for (const key of Object.keys(THRESHOLD_LABELS) as (keyof typeof THRESHOLD_LABELS)[]) {
    add(THRESHOLD_LABELS[key], mine.verdictThresholds[key], after.verdictThresholds[key]);
  }
  for (const key of Object.keys(SCENARIO_LABELS) as (keyof typeof SCENARIO_LABELS)[])
    add(SCENARIO_LABELS[key], mine.scenario[key], after.scenario[key]);
  return changes;
}
