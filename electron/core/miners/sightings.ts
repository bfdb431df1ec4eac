/**
 * Where the team's keys were seen: each stored sync is searched once per key (a read of the key columns of that
 * sync's UID packs, see migrations 0005 and 0006) and the matching UIDs are kept in team_sightings. Reading
 * sightings afterwards is cheap.
 */
import type { Database } from 'better-sqlite3';
import type { TeamKey } from '../../../shared/miners-types';
import type { SubnetPricing } from './history';
import { unpackEarnings, unpackKeys } from '../db/neuron-pack';
import { addressesOf } from '../db/accounts';

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
  const packs = db.prepare('SELECT netuid, uid_count, keys, figures FROM neuron_packs WHERE point_id = ?');
  db.transaction(() => {
    for (const [pointId, wanted] of pending) {
      const hot = new Map(
        wanted.filter((w) => w.key.kind === 'hotkey' && w.accountId !== null).map((w) => [w.accountId!, w]),
      );
      const cold = new Map(
        wanted.filter((w) => w.key.kind === 'coldkey' && w.accountId !== null).map((w) => [w.accountId!, w]),
      );
      if (hot.size + cold.size > 0) {
        for (const p of packs.all(pointId) as PackRow[]) {
          const keys = unpackKeys(p.keys);
          const matches: { i: number; key: TeamKey }[] = [];
          keys.uids.forEach((_, i) => {
            const h = hot.get(keys.hotkeyIds[i]!);
            const c = cold.get(keys.coldkeyIds[i]!);
            if (h) matches.push({ i, key: h.key });
            if (c) matches.push({ i, key: c.key });
          });
          if (matches.length === 0) continue;
          // Only a pack holding a team key is read beyond its keys.
          const figures = unpackEarnings({ uidCount: p.uid_count, keys: p.keys, figures: p.figures });
          const addresses = addressesOf(
            db,
            matches.flatMap(({ i }) => [keys.hotkeyIds[i]!, keys.coldkeyIds[i]!]),
          );
          for (const { i, key } of matches) {
            keep.run(
              pointId,
              key.id,
              p.netuid,
              keys.uids[i],
              addresses.get(keys.hotkeyIds[i]!),
              addresses.get(keys.coldkeyIds[i]!),
              figures.emissionRao[i],
              figures.registeredAtBlock[i],
            );
          }
        }
      }
      for (const w of wanted) markScanned.run(pointId, w.key.id);
    }
  }).immediate();
}

interface PackRow {
  netuid: number;
  uid_count: number;
  keys: Buffer;
  figures: Buffer;
}

export function readSightings(db: Database, pointIds: readonly number[]): Sighting[] {
  if (pointIds.length === 0) return [];
  const rows = db
    .prepare(
      `SELECT * FROM team_sightings WHERE point_id IN (${pointIds.map(Number).join(',')}) ORDER BY point_id, netuid, uid`,
    )
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
  return db.prepare('SELECT 1 FROM neuron_packs WHERE point_id = ? AND netuid = ?').get(pointId, netuid) !== undefined;
}

/** Tempo and alpha price of each (sync, subnet) asked for, keyed `${pointId}:${netuid}`. */
export function subnetPricing(
  db: Database,
  pairs: readonly { pointId: number; netuid: number }[],
): Map<string, SubnetPricing> {
  const read = db
    .prepare(
      `SELECT pr.tempo, s.alpha_price_rao FROM subnet_snapshots s JOIN subnet_profiles pr ON pr.id = s.profile_id
       WHERE s.point_id = ? AND s.netuid = ?`,
    )
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
