import type { Database } from 'better-sqlite3';
import type { SavedScenario } from '../../../shared/api-types';
import type { Scenario } from '../../../shared/economics';
import { CoreError } from '../errors';

interface Row {
  id: number;
  name: string;
  netuid: number | null;
  scenario_json: string;
  updated_at_ms: number;
}

const toSaved = (r: Row): SavedScenario => ({
  id: r.id,
  name: r.name,
  netuid: r.netuid,
  scenario: JSON.parse(r.scenario_json) as Scenario,
  updatedAtMs: r.updated_at_ms,
});

/** Named what-ifs, global (netuid null) or saved for one subnet. */
export class ScenarioRepo {
  constructor(
    private readonly db: Database,
    private readonly now: () => number,
  ) {}

  list(): SavedScenario[] {
    return (this.db.prepare('SELECT * FROM scenarios ORDER BY netuid IS NOT NULL, netuid, name').all() as Row[]).map(toSaved);
  }

  save(input: { id?: number; name: string; netuid: number | null; scenario: Scenario }): SavedScenario {
    const json = JSON.stringify(input.scenario);
    const now = this.now();
    let id = input.id;
    if (id !== undefined) {
      const changed = this.db
        .prepare('UPDATE scenarios SET name = ?, netuid = ?, scenario_json = ?, updated_at_ms = ? WHERE id = ?')
        .run(input.name, input.netuid, json, now, id);
      if (changed.changes === 0) throw new CoreError('invalid-argument', `There is no saved scenario with id ${id}.`);
    } else {
      id = Number(
        this.db
          .prepare('INSERT INTO scenarios (name, netuid, scenario_json, created_at_ms, updated_at_ms) VALUES (?, ?, ?, ?, ?)')
          .run(input.name, input.netuid, json, now, now).lastInsertRowid,
      );
    }
    return toSaved(this.db.prepare('SELECT * FROM scenarios WHERE id = ?').get(id) as Row);
  }

  remove(id: number): void {
    if (this.db.prepare('DELETE FROM scenarios WHERE id = ?').run(id).changes === 0) {
      throw new CoreError('invalid-argument', `There is no saved scenario with id ${id}.`);
    }
  }
}
