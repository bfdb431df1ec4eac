/** The team's keys, per-miner rents and the alert threshold, as stored (user data: sync never touches them). */
import type { Database } from 'better-sqlite3';
import type { TeamKey, TeamKeyKind } from '../../../shared/miners-types';
import { CoreError } from '../errors';

/** Earnings falling by more than this between two syncs raise an alert until the user sets their own. */
export const DEFAULT_EARNINGS_DROP_ALERT_PERCENT = 25;
const DROP_ALERT_SETTING = 'earningsDropAlertPercent';

interface KeyRow {
  id: number;
  address: string;
  kind: TeamKeyKind;
  label: string;
  rent_usd_per_month: number | null;
  created_at_ms: number;
}

const toKey = (r: KeyRow): TeamKey => ({
  id: r.id,
  address: r.address,
  kind: r.kind,
  label: r.label,
  rentUsdPerMonth: r.rent_usd_per_month,
  createdAtMs: r.created_at_ms,
});

export interface NewTeamKey {
  address: string;
  kind: TeamKeyKind;
  label: string;
  rentUsdPerMonth: number | null;
  /** When the key was first added; an import keeps the date from its file. Default: now. */
  createdAtMs?: number;
}

/** One miner's own rent, overriding its key's. */
export interface MinerOwnRent {
  netuid: number;
  hotkey: string;
  rentUsdPerMonth: number;
}

export class TeamRepo {
  constructor(
    private readonly db: Database,
    private readonly now: () => number,
  ) {}

  keys(): TeamKey[] {
    return (this.db.prepare('SELECT * FROM team_keys ORDER BY id').all() as KeyRow[]).map(toKey);
  }

  get(id: number): TeamKey {
    const row = this.db.prepare('SELECT * FROM team_keys WHERE id = ?').get(id) as KeyRow | undefined;
    if (!row) throw new CoreError('not-found', `There is no team key with id ${id}.`);
    return toKey(row);
  }

  /** The address has been checked (address.ts); a second copy of it is refused whatever its kind or label. */
  add(key: NewTeamKey): TeamKey {
    const existing = this.db.prepare('SELECT * FROM team_keys WHERE address = ?').get(key.address) as
      KeyRow | undefined;
    if (existing) {
      throw new CoreError(
        'conflict',
        `This address is already in your keys as the ${existing.kind} “${existing.label || 'unlabelled'}”: nothing was added.`,
      );
    }
    const id = this.db
      .prepare('INSERT INTO team_keys (address, kind, label, rent_usd_per_month, created_at_ms) VALUES (?, ?, ?, ?, ?)')
      .run(key.address, key.kind, key.label, key.rentUsdPerMonth, key.createdAtMs ?? this.now()).lastInsertRowid;
    return this.get(Number(id));
  }

  update(id: number, patch: { label?: string; rentUsdPerMonth?: number | null }): TeamKey {
    const key = this.get(id);
    this.db
      .prepare('UPDATE team_keys SET label = ?, rent_usd_per_month = ? WHERE id = ?')
      .run(
        patch.label ?? key.label,
        patch.rentUsdPerMonth === undefined ? key.rentUsdPerMonth : patch.rentUsdPerMonth,
        id,
      );
    return this.get(id);
  }

  /** Its sightings go with it (foreign keys). */
  remove(id: number): void {
    this.get(id);
    this.db.prepare('DELETE FROM team_keys WHERE id = ?').run(id);
  }

  /** Each miner's own rent (set on My miners), by subnet then hotkey. */
  minerRentList(): MinerOwnRent[] {
    return this.db
      .prepare(
        'SELECT netuid, hotkey, rent_usd_per_month AS rentUsdPerMonth FROM team_miner_rents ORDER BY netuid, hotkey',
      )
      .all() as MinerOwnRent[];
  }

  /** Rent per miner, by `${netuid}:${hotkey}`. */
  minerRents(): Map<string, number> {
    return new Map(this.minerRentList().map((r) => [`${r.netuid}:${r.hotkey}`, r.rentUsdPerMonth]));
  }

  setMinerRent(netuid: number, hotkey: string, rentUsdPerMonth: number | null): void {
    if (rentUsdPerMonth === null) {
      this.db.prepare('DELETE FROM team_miner_rents WHERE netuid = ? AND hotkey = ?').run(netuid, hotkey);
      return;
    }
    this.db
      .prepare(
        `INSERT INTO team_miner_rents (netuid, hotkey, rent_usd_per_month) VALUES (?, ?, ?)
         ON CONFLICT (netuid, hotkey) DO UPDATE SET rent_usd_per_month = excluded.rent_usd_per_month`,
      )
      .run(netuid, hotkey, rentUsdPerMonth);
  }

  earningsDropAlertPercent(): number {
    return this.ownEarningsDropAlertPercent() ?? DEFAULT_EARNINGS_DROP_ALERT_PERCENT;
  }

  /** The threshold the user set, or null while the default applies (an export keeps that difference). */
  ownEarningsDropAlertPercent(): number | null {
    const value = this.db.prepare('SELECT value FROM team_settings WHERE key = ?').pluck().get(DROP_ALERT_SETTING) as
      string | undefined;
    const percent = value === undefined ? NaN : Number(value);
    return Number.isFinite(percent) ? percent : null;
  }

  setEarningsDropAlertPercent(percent: number): void {
    this.db
      .prepare(
        'INSERT INTO team_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      )
      .run(DROP_ALERT_SETTING, String(percent));
  }
}
