import type { Database } from 'better-sqlite3';
import type { Settings } from '../../../shared/api-types';
import { DEFAULT_SCENARIO, DEFAULT_THRESHOLDS } from '../../../shared/economics';
import type { z } from 'zod';
import { SettingsSchema } from '../../../shared/api-schemas';
import { ThresholdFieldsSchema } from '../../../shared/thresholds';
import { withPlainNetuidKeys } from './stored-scenario';

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

/** How each stored setting is read back: as settings.set accepts it, except thresholds (see get). */
const STORED_SETTING: { [K in keyof Settings]: z.ZodType<Settings[K]> } = {
  ...SettingsSchema.shape,
  verdictThresholds: ThresholdFieldsSchema,
};

/** Settings are stored one JSON value per key, so a later version can add keys without a migration. */
export class SettingsRepo {
  constructor(private readonly db: Database) {}

  get(): Settings {
    const rows = this.db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
    const stored: Record<string, unknown> = {};
    for (const r of rows) stored[r.key] = JSON.parse(r.value);
    const settings: Settings = { ...DEFAULT_SETTINGS };
    // A stored value that no longer validates (older app, hand-edited file) falls back to the default. Two rules
    // newer than some stored values are applied gently, so an upgrade does not reset what the user set: thresholds
    // whose pairs contradict are kept (the Settings screen says which pair, and saving asks for a fix), and netuid
    // keys an older version accepted as "00001" are read as "1".
    const keep = <K extends keyof Settings>(key: K): void => {
      if (!(key in stored)) return;
      const value = key === 'scenario' ? withPlainNetuidKeys(stored[key]) : stored[key];
      // The parsed value, so fields a later version added get their defaults.
      const parsed = STORED_SETTING[key].safeParse(value);
      if (parsed.success) settings[key] = parsed.data;
    };
    for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) keep(key);
    return settings;
  }

  /** The patch has been validated at the boundary. */
  set(patch: Partial<Settings>): Settings {
    const put = this.db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    this.db
      .transaction(() => {
        for (const [key, value] of Object.entries(patch)) if (value !== undefined) put.run(key, JSON.stringify(value));
      })
      .immediate();
    return this.get();
  }
}
