/** Watchlists: named, ordered lists of netuids. Deleting is soft so the UI can offer Undo. */
import type { Database } from 'better-sqlite3';
import type { ChangeThresholds, Watchlist } from '../../../shared/api-types';
import { ChangeThresholdsSchema } from '../../../shared/api-schemas';
import { CoreError } from '../errors';

export const DEFAULT_CHANGE_THRESHOLDS: ChangeThresholds = {
  emissionShare: 0.2,
  price: 0.2,
  registrationCost: 0.5,
  earningMiners: 0.2,
  gini: 0.1,
};

const StoredThresholdsSchema = ChangeThresholdsSchema.partial();

/** The thresholds a list changed from the defaults; ones that no longer pass today's rules fall back to them. */
function storedThresholds(json: string | null): Partial<ChangeThresholds> {
  const parsed = json ? StoredThresholdsSchema.safeParse(JSON.parse(json)) : null;
  return parsed?.success ? parsed.data : {};
}

interface Row {
  id: number;
  name: string;
  thresholds_json: string | null;
}

export class WatchlistRepo {
  constructor(
    private readonly db: Database,
    private readonly now: () => number,
  ) {}

  list(): Watchlist[] {
    const lists = this.db
      .prepare('SELECT id, name, thresholds_json FROM watchlists WHERE deleted_at_ms IS NULL ORDER BY position, id')
      .all() as Row[];
    const items = this.db
      .prepare('SELECT watchlist_id, netuid FROM watchlist_subnets ORDER BY watchlist_id, position, netuid')
      .all() as { watchlist_id: number; netuid: number }[];
    // Grouped once: filtering every list's items out of all items was quadratic in the number of lists.
    const netuidsOf = new Map<number, number[]>();
    for (const i of items) {
      const netuids = netuidsOf.get(i.watchlist_id);
      if (netuids) netuids.push(i.netuid);
      else netuidsOf.set(i.watchlist_id, [i.netuid]);
    }
    return lists.map((l) => ({
      id: l.id,
      name: l.name,
      netuids: netuidsOf.get(l.id) ?? [],
      thresholds: { ...DEFAULT_CHANGE_THRESHOLDS, ...storedThresholds(l.thresholds_json) },
    }));
  }

  get(id: number): Watchlist {
    const found = this.list().find((w) => w.id === id);
    if (!found) throw new CoreError('not-found', `There is no watchlist with id ${id}.`);
    return found;
  }

  create(name: string): Watchlist {
    this.assertNameFree(name);
    const position =
      (this.db.prepare('SELECT COALESCE(MAX(position), 0) + 1 FROM watchlists').pluck().get() as number) ?? 1;
    const id = Number(
      this.db
        .prepare('INSERT INTO watchlists (name, position, created_at_ms) VALUES (?, ?, ?)')
        .run(name, position, this.now()).lastInsertRowid,
    );
    return this.get(id);
  }

  rename(id: number, name: string): Watchlist {
    this.get(id);
    this.assertNameFree(name, id);
    this.db.prepare('UPDATE watchlists SET name = ? WHERE id = ?').run(name, id);
    return this.get(id);
  }

  /** Soft delete: the list disappears but can be restored (Undo). */
  remove(id: number): void {
    this.get(id);
    this.db.prepare('UPDATE watchlists SET deleted_at_ms = ? WHERE id = ?').run(this.now(), id);
  }

  restore(id: number): Watchlist {
    const changed = this.db
      .prepare('UPDATE watchlists SET deleted_at_ms = NULL WHERE id = ? AND deleted_at_ms IS NOT NULL')
      .run(id);
    if (changed.changes === 0)
      throw new CoreError('not-found', `Watchlist ${id} was not deleted, so there is nothing to restore.`);
    return this.get(id);
  }

  reorder(ids: number[]): Watchlist[] {
    const live = this.list().map((w) => w.id);
    if (ids.length !== live.length || !live.every((id) => ids.includes(id))) {
      throw new CoreError('invalid-argument', 'Reordering must list every watchlist exactly once.');
    }
    const set = this.db.prepare('UPDATE watchlists SET position = ? WHERE id = ?');
    this.db.transaction(() => ids.forEach((id, i) => set.run(i + 1, id))).immediate();
    return this.list();
  }

  addSubnet(id: number, netuid: number): Watchlist {
    this.get(id);
    const position = this.db
      .prepare('SELECT COALESCE(MAX(position), 0) + 1 FROM watchlist_subnets WHERE watchlist_id = ?')
      .pluck()
      .get(id) as number;
    this.db
      .prepare(
        'INSERT INTO watchlist_subnets (watchlist_id, netuid, position, added_at_ms) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
      )
      .run(id, netuid, position, this.now());
    return this.get(id);
  }

  /**
   * Adds many subnets at the end, in order, skipping those already on the list (an import): one statement for all,
   * where addSubnet re-reads every list per subnet (a 6,000-subnet list took ~20 s).
   */
  addSubnets(id: number, netuids: readonly number[]): void {
    this.get(id);
    let position = this.db
      .prepare('SELECT COALESCE(MAX(position), 0) FROM watchlist_subnets WHERE watchlist_id = ?')
      .pluck()
      .get(id) as number;
    const add = this.db.prepare(
      'INSERT INTO watchlist_subnets (watchlist_id, netuid, position, added_at_ms) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
    );
    const now = this.now();
    for (const netuid of netuids) if (add.run(id, netuid, position + 1, now).changes > 0) position++;
  }

  removeSubnet(id: number, netuid: number): Watchlist {
    this.get(id);
    this.db.prepare('DELETE FROM watchlist_subnets WHERE watchlist_id = ? AND netuid = ?').run(id, netuid);
    return this.get(id);
  }

  setThresholds(id: number, thresholds: Partial<ChangeThresholds>): Watchlist {
    const current = this.get(id).thresholds;
    this.db
      .prepare('UPDATE watchlists SET thresholds_json = ? WHERE id = ?')
      .run(JSON.stringify({ ...current, ...thresholds }), id);
    return this.get(id);
  }

  private assertNameFree(name: string, exceptId?: number): void {
    const clash = this.list().find((w) => w.name.toLowerCase() === name.toLowerCase() && w.id !== exceptId);
    if (clash) throw new CoreError('conflict', `A watchlist named "${clash.name}" already exists.`);
  }
}
