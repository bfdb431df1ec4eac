import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from '../../../shared/economics';
import { openDatabase } from './open';
import { SettingsRepo } from './settings-repo';

describe('settings saved by an older version', () => {
  it('verdict thresholds without the newcomer prior keep what the user set and get the new fields from the defaults', async () => {
    const { db } = await openDatabase(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'scout-settings-')), 'scout.db'));
    const { minEarnShare: _a, priorEarnShare: _b, priorLandedPercentile: _c, ...older } = DEFAULT_THRESHOLDS;
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(
      'verdictThresholds',
      JSON.stringify({ ...older, giniBad: 0.8 }),
    );
    const t = new SettingsRepo(db).get().verdictThresholds;
    expect(t.giniBad).toBe(0.8);
    expect([t.minEarnShare, t.priorEarnShare, t.priorLandedPercentile]).toEqual([0.3, 0.2, 20]);
    db.close();
  });
});
