/**
 * Where the team's keys were seen: each stored sync is searched once per key (a full read of that sync's UID rows,
 * see migration 0005) and the matching rows are kept in team_sightings. Reading sightings afterwards is cheap.
 */
import type { Database } from 'better-sqlite3';
import type { TeamKey } from '../../../shared/miners-types';
import type { SubnetPricing } from './history';

export interface Sighting {
  pointId: number;
  keyId: number;
  netuid: number;
  uid: number;
  hotkey: string;
  coldkey: string;
  emissionRao: bigint;
  registeredAtBlock: number;
}

interface MatchRow {
  netuid: number;
  uid: number;
  hotkey_id: bigint;
  coldkey_id: bigint;
  hotkey: string;
  coldkey: string;
  emission_rao: bigint;
  registered_at_block: bigint;
}

/** Searches every given sync not yet searched for each key, and keeps what it finds. */
export function scanForKeys(db: Database, keys: readonly TeamKey[], pointIds: readonly number[]): void {
  if (keys.length === 0 || pointIds.length === 0) return;
  const accountId = db.prepare('SELECT id FROM accounts WHERE address = ?').pluck();
  const scanned = db.prepare('SELECT point_id FROM team_key_scans WHERE key_id = ?').pluck();
  // Per sync, the keys still to search for it.
  const pending = new Map<number, { key: TeamKey; accountId: number | null }[]>();
  for (const key of keys) {
    const done = new Set(scanned.all(key.id) as number[]);
    const id = (accountId.get(key.address) as number | undefined) ?? null;
    for (const pointId of pointIds) {
      if (done.has(pointId)) continue;
      const list = pending.get(pointId) ?? [];
      list.push({ key, accountId: id });
      pending.set(pointId, list);
    }
  }
  if (pending.size === 0) return;
  const markScanned = db.prepare('INSERT OR IGNORE INTO team_key_scans (point_id, key_id) VALUES (?, ?)');
  const keep = db.prepare(
    `INSERT OR IGNORE INTO team_sightings (point_id, key_id, netuid, uid, hotkey, coldkey, emission_rao, registered_at_block)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (const [pointId, wanted] of pending) {
      const hot = wanted.filter((w) => w.key.kind === 'hotkey' && w.accountId !== null);
      const cold = wanted.filter((w) => w.key.kind === 'coldkey' && w.accountId !== null);
      if (hot.length + cold.length > 0) {
        const ids = (list: typeof hot) => (list.length ? list.map((w) => w.accountId).join(',') : 'NULL');
        // Account ids are integers from the database itself, so they can be written into the statement.
        const rows = db
          .prepare(
            `SELECT n.netuid, n.uid, n.hotkey_id, n.coldkey_id, n.emission_rao, n.registered_at_block,
                    h.address AS hotkey, c.address AS coldkey
             FROM neuron_snapshots n JOIN accounts h ON h.id = n.hotkey_id JOIN accounts c ON c.id = n.coldkey_id
             WHERE n.point_id = ? AND (n.hotkey_id IN (${ids(hot)}) OR n.coldkey_id IN (${ids(cold)}))`,
          )
          .safeIntegers(true)
          .all(pointId) as MatchRow[];
        for (const r of rows) {
          for (const w of wanted) {
            const matches = Number(w.key.kind === 'hotkey' ? r.hotkey_id : r.coldkey_id) === w.accountId;
            if (matches) keep.run(pointId, w.key.id, r.netuid, r.uid, r.hotkey, r.coldkey, r.emission_rao, r.registered_at_block);
          }
        }
      }
      for (const w of wanted) markScanned.run(pointId, w.key.id);
    }
  })();
}

export function readSightings(db: Database, pointIds: readonly number[]): Sighting[] {
  if (pointIds.length === 0) return [];
  const rows = db
    .prepare(`SELECT * FROM team_sightings WHERE point_id IN (${pointIds.map(Number).join(',')}) ORDER BY point_id, netuid, uid`)
    .safeIntegers(true)
    .all() as Record<string, bigint | string>[];
  return rows.map((r) => ({
    pointId: Number(r.point_id),
    keyId: Number(r.key_id),
    netuid: Number(r.netuid),
    uid: Number(r.uid),
    hotkey: String(r.hotkey),
    coldkey: String(r.coldkey),
    emissionRao: BigInt(r.emission_rao as bigint),
    registeredAtBlock: Number(r.registered_at_block),
  }));
}

/** Whether a sync stored the UID rows of a subnet (old syncs are thinned to one a day). */
export function hasUidRows(db: Database, pointId: number, netuid: number): boolean {
  return db.prepare('SELECT 1 FROM neuron_snapshots WHERE point_id = ? AND netuid = ? LIMIT 1').get(pointId, netuid) !== undefined;
}

/** Tempo and alpha price of each (sync, subnet) asked for, keyed `${pointId}:${netuid}`. */
export function subnetPricing(db: Database, pairs: readonly { pointId: number; netuid: number }[]): Map<string, SubnetPricing> {
  const read = db
    .prepare('SELECT tempo, alpha_price_rao FROM subnet_snapshots WHERE point_id = ? AND netuid = ?')
    .safeIntegers(true);
  const out = new Map<string, SubnetPricing>();
  for (const { pointId, netuid } of pairs) {
    const key = `${pointId}:${netuid}`;
    if (out.has(key)) continue;
    const r = read.get(pointId, netuid) as { tempo: bigint; alpha_price_rao: bigint | null } | undefined;
    if (r) out.set(key, { tempo: Number(r.tempo), alphaPriceRao: r.alpha_price_rao });
  }
  return out;
}
