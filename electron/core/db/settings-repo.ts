import type { Database } from 'better-sqlite3';
import type { Settings } from '../../../shared/api-types';
import { DEFAULT_SCENARIO, DEFAULT_THRESHOLDS } from '../../../shared/economics';
import { SettingsPatchSchema } from '../../../shared/api-schemas';

export const DEFAULT_SETTINGS: Settings = {
  network: 'finney',
  customEndpoint: '',
  syncIntervalMinutes: 60,
  // Three days of every sync's UIDs (what "changes since the last sync" and recent turnover read), one a day before:
  // a year of hourly syncs then stays under 500 MB (14 days took ~600 MB).
  neuronFullResolutionDays: 3,
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
    // A stored value that no longer validates (older app, hand-edited file) falls back to the default.
    const shape = SettingsPatchSchema.shape;
    for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
      if (!(key in stored)) continue;
      // The parsed value, so fields a later version added get their defaults.
      const parsed = shape[key].safeParse(stored[key]);
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
    })();
    return this.get();
  }
}
