import type { Database } from 'better-sqlite3';
import type { Settings } from '../../../shared/api-types';
import { DEFAULT_SCENARIO, DEFAULT_THRESHOLDS } from '../../../shared/economics';
import { SettingsPatchSchema, ThresholdFieldsSchema } from '../../../shared/api-schemas';

/** A stored scenario with its per-subnet keys written as the engine looks them up ("00001" → "1"). */
function withPlainNetuidKeys(scenario: unknown): unknown {
  if (!scenario || typeof scenario !== 'object') return scenario;
  const fixed: Record<string, unknown> = { ...(scenario as Record<string, unknown>) };
  for (const field of ['rentUsdPerMonthByNetuid', 'registrationCostTaoByNetuid']) {
    const byNetuid = fixed[field];
    if (!byNetuid || typeof byNetuid !== 'object') continue;
    const plain: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(byNetuid)) {
      const netuid = /^\d+$/.test(key) ? String(Number(key)) : key;
      // A key already written plainly wins over a padded spelling of the same subnet.
      if (!(netuid in plain) || netuid === key) plain[netuid] = value;
    }
    fixed[field] = plain;
  }
  return fixed;
}

export const DEFAULT_SETTINGS: Settings = {
  network: 'finney',
  customEndpoint: '',
  syncIntervalMinutes: 60,
  // A full sync of ~130 subnets takes well under a minute on a healthy node; five leaves room for a slow one.
  syncDeadlineMinutes: 5,
  // Three days of every sync's UIDs (what "changes since the last sync" and recent turnover read), one a day before:
  // a year of hourly syncs then stays under 500 MB (14 days took ~600 MB).
  neuronFullResolutionDays: 3,
  // Seven daily copies of a year-sized file (~460 MB) would take 3 GB; 2 GB keeps four of those, or all seven of a
  // file up to ~290 MB.
  backupBudgetMb: 2048,
  theme: 'system',
  scenario: DEFAULT_SCENARIO,
  verdictThresholds: { ...DEFAULT_THRESHOLDS },
};

/** Settings are stored one JSON value per key, so a later version can add keys without a migration. */
export class SettingsRepo {
  constructor(private readonly db: Database) {}

  get(): Settings {
    const rows = this.db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
    const stored: Record<string, unknown> = {};
    for (const r of rows) stored[r.key] = JSON.parse(r.value);
    const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    // A stored value that no longer validates (older app, hand-edited file) falls back to the default. Two rules
    // newer than some stored values are applied gently, so an upgrade does not reset what the user set: thresholds
    // whose pairs contradict are kept (the Settings screen says which pair, and saving asks for a fix), and netuid
    // keys an older version accepted as "00001" are read as "1".
    const shape = SettingsPatchSchema.shape;
    for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
      if (!(key in stored)) continue;
      const value = key === 'scenario' ? withPlainNetuidKeys(stored[key]) : stored[key];
      const schema = key === 'verdictThresholds' ? ThresholdFieldsSchema : shape[key];
      // The parsed value, so fields a later version added get their defaults.
      const parsed = schema.safeParse(value);
      if (parsed.success) merged[key] = parsed.data;
    }
    return merged as unknown as Settings;
  }

  /** The patch has been validated at the boundary. */
  set(patch: Partial<Settings>): Settings {
    const put = this.db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    this.db.transaction(() => {
      for (const [key, value] of Object.entries(patch)) if (value !== undefined) put.run(key, JSON.stringify(value));
    }).immediate();
    return this.get();
  }
}
