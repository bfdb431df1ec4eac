import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../../../shared/scenario';
import { openDatabase } from './open';
import { ScenarioRepo } from './scenario-repo';

const openRepo = async () => {
  const { db } = await openDatabase(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'scout-scenarios-')), 'scout.db'));
  return { db, repo: new ScenarioRepo(db, () => 1_000) };
};
const insert = (db: Awaited<ReturnType<typeof openRepo>>['db'], name: string, scenario: unknown) =>
  db
    .prepare(
      'INSERT INTO scenarios (name, netuid, scenario_json, created_at_ms, updated_at_ms) VALUES (?, NULL, ?, 1, 1)',
    )
    .run(name, JSON.stringify(scenario));

describe('saved scenarios read back through the scenario schema', () => {
  it('a scenario an older version saved with a padded netuid key ("00001") reads as netuid 1', async () => {
    const { db, repo } = await openRepo();
    insert(db, 'older', { ...DEFAULT_SCENARIO, rentUsdPerMonthByNetuid: { '00001': 90 } });
    expect(repo.list().map((s) => [s.name, s.scenario.rentUsdPerMonthByNetuid])).toEqual([['older', { '1': 90 }]]);
    db.close();
  });

  it('a scenario that no longer passes the rules is left out of the list, and stays in the file', async () => {
    const { db, repo } = await openRepo();
    insert(db, 'hand-edited', { ...DEFAULT_SCENARIO, rentUsdPerMonth: -5 });
    repo.save({ name: 'good', netuid: null, scenario: DEFAULT_SCENARIO });
    expect(repo.list().map((s) => s.name)).toEqual(['good']);
    expect(db.prepare('SELECT name FROM scenarios ORDER BY name').pluck().all()).toEqual(['good', 'hand-edited']);
    db.close();
  });

  it('saving returns what a later list shows', async () => {
    const { db, repo } = await openRepo();
    const saved = repo.save({ name: 'mine', netuid: 7, scenario: { ...DEFAULT_SCENARIO, taoPriceUsd: 321 } });
    expect(repo.list()).toEqual([saved]);
    db.close();
  });
});
