import type { Database } from 'better-sqlite3';
import type { SavedScenario } from '../../../shared/api-types';
import type { Scenario } from '../../../shared/economics';
import { CoreError } from '../errors';
import { readStoredScenario } from './stored-scenario';

interface Row {
  id: number;
  name: string;
  netuid: number | null;
  scenario_json: string;
  updated_at_ms: number;
}

/**
 * A row as the app shows it, or null when its what-if no longer passes today's rules: it is then left out of the
 * list but stays in the file untouched (a later version may read it again).
 */
function toSaved(r: Row): SavedScenario | null {
  const scenario = readStoredScenario(JSON.parse(r.scenario_json));
  return scenario && { id: r.id, name: r.name, netuid: r.netuid, scenario, updatedAtMs: r.updated_at_ms };
}

/** Named what-ifs, global (netuid null) or saved for one subnet. */
export class ScenarioRepo {
  constructor(
    private readonly db: Database,
    private readonly now: () => number,
  ) {}

  list(): SavedScenario[] {
    const rows = this.db.prepare('SELECT * FROM scenarios ORDER BY netuid IS NOT NULL, netuid, name').all() as Row[];
    return rows.flatMap((r) => toSaved(r) ?? []);
  }

  save(input: { id?: number; name: string; netuid: number | null; scenario: Scenario }): SavedScenario {
    const json = JSON.stringify(input.scenario);
    const now = this.now();
    let id = input.id;
    if (id !== undefined) {
      const changed = this.db
        .prepare('UPDATE scenarios SET name = ?, netuid = ?, scenario_json = ?, updated_at_ms = ? WHERE id = ?')
        .run(input.name, input.netuid, json, now, id);
      if (changed.changes === 0) throw new CoreError('not-found', `There is no saved scenario with id ${id}.`);
    } else {
      id = Number(
        this.db
          .prepare(
            'INSERT INTO scenarios (name, netuid, scenario_json, created_at_ms, updated_at_ms) VALUES (?, ?, ?, ?, ?)',
          )
          .run(input.name, input.netuid, json, now, now).lastInsertRowid,
      );
    }
    return { id, name: input.name, netuid: input.netuid, scenario: input.scenario, updatedAtMs: now };
  }

  remove(id: number): void {
    if (this.db.prepare('DELETE FROM scenarios WHERE id = ?').run(id).changes === 0) {
      throw new CoreError('not-found', `There is no saved scenario with id ${id}.`);
    }
  }
}
