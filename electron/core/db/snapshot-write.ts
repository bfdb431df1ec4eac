/**
 * Writes one network sync in a single transaction: an interruption (crash, cancelled sync, dropped connection)
 * leaves the previous state intact, and re-writing a block already stored adds nothing.
 */
import type { Database } from 'better-sqlite3';
import type { NetworkSync, SyncPoint } from '../../../shared/domain';
import { packNeurons } from './neuron-pack';
import { AccountIds } from './accounts';
import { readPointByHash } from './snapshot-read';
import { SUMMARY_COLUMNS, summaryValues } from './summary-repo';
import { profileValues, SubnetProfiles } from './subnet-profiles';
import type { SubnetHistoryPoint } from '../../../shared/economics';

// Column order of the values passed to run() below; naming them keeps the two lists checkable side by side.
const SUBNET_COLUMNS = [
  'point_id',
  'netuid',
  'profile_id',
  'blocks_since_last_step',
  'tao_reserve_rao',
  'alpha_reserve_rao',
  'alpha_outstanding_rao',
  'alpha_price_rao',
  'moving_price',
  'tao_in_emission_rao',
  'excess_tao_rao',
  'alpha_out_emission_rao',
  'alpha_in_emission_rao',
  'pending_alpha_emission_rao',
  'subnet_volume_rao',
  'burn_rao',
  'uid_count',
  'has_summary',
  ...SUMMARY_COLUMNS,
];
const insertInto = (table: string, columns: string[]) =>
  `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;

export function writeNetworkSync(
  db: Database,
  sync: NetworkSync,
  syncedAtMs: number,
  summaries: ReadonlyMap<number, SubnetHistoryPoint> = new Map(),
): SyncPoint {
  const { point, network } = sync;
  const [written, accounts] = db
    .transaction((): [SyncPoint, AccountIds | null] => {
      const existing = readPointByHash(db, point.network, point.blockHash);
      if (existing) return [existing, null];
      const pointId = Number(
        db
          .prepare(
            `INSERT INTO sync_points (network, endpoint, block_number, block_hash, block_time_ms, spec_version, kind,
             synced_at_ms, block_emission_rao, total_issuance_rao, subnet_owner_cut_u16, subnet_limit,
             network_immunity_period_blocks, subnet_to_prune, price_source, missing_reads)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            point.network,
            point.endpoint,
            point.blockNumber,
            point.blockHash,
            point.blockTimeMs,
            point.specVersion,
            point.kind,
            syncedAtMs,
            network.blockEmissionRao,
            network.totalIssuanceRao,
            network.subnetOwnerCutU16,
            network.subnetLimit,
            network.networkImmunityPeriodBlocks,
            network.subnetToPrune,
            network.priceSource,
            network.missingReads.length > 0 ? JSON.stringify(network.missingReads) : null,
          ).lastInsertRowid,
      );
      const ids = AccountIds.intern(db, keysInWriteOrder(sync));
      let at = 0; // position of the subnet's first key in keysInWriteOrder
      const insertSubnet = db.prepare(insertInto('subnet_snapshots', SUBNET_COLUMNS));
      const insertPack = db.prepare(
        'INSERT INTO neuron_packs (point_id, netuid, uid_count, keys, figures) VALUES (?, ?, ?, ?, ?)',
      );
      const profiles = new SubnetProfiles(db);
      for (const { subnet: s, neurons } of sync.subnets) {
        const summary = summaries.get(s.netuid);
        const n = neurons.length;
        const keyIds = ids.ids.subarray(at, (at += 2 + 2 * n));
        insertSubnet.run(
          pointId,
          s.netuid,
          profiles.idOf(profileValues(s, keyIds[0]!, keyIds[1]!)),
          s.blocksSinceLastStep,
          s.taoReserveRao,
          s.alphaReserveRao,
          s.alphaOutstandingRao,
          s.alphaPriceRao,
          s.movingPrice,
          s.taoInEmissionRao,
          s.excessTaoRao,
          s.alphaOutEmissionRao,
          s.alphaInEmissionRao,
          s.pendingAlphaEmissionRao,
          s.subnetVolumeRao.toString(),
          s.burnRao,
          s.uidCount,
          summary ? 1 : 0,
          ...summaryValues(summary),
        );
        // A subnet the chain lists without UIDs stores no pack (as it stored no rows before).
        if (n === 0) continue;
        const pack = packNeurons(neurons, keyIds.subarray(2, 2 + n), keyIds.subarray(2 + n));
        insertPack.run(pointId, s.netuid, pack.uidCount, pack.keys, pack.figures);
      }
      const insertStale = db.prepare('INSERT INTO stale_subnets (point_id, netuid, reason) VALUES (?, ?, ?)');
      for (const st of sync.stale) insertStale.run(pointId, st.netuid, st.reason);
      updateLatest(db, sync, pointId);
      return [readPointByHash(db, point.network, point.blockHash)!, ids];
    })
    .immediate();
  accounts?.committed();
  return written;
}

/**
 * Every address of the sync, subnet by subnet: owner hotkey, owner coldkey, the UIDs' hotkeys, then their coldkeys.
 * The writer reads the ids back in this layout; and new accounts get ids in this order (see AccountIds).
 */
function keysInWriteOrder(sync: NetworkSync): string[] {
  const out: string[] = [];
  for (const { subnet, neurons } of sync.subnets) {
    out.push(subnet.ownerHotkey, subnet.ownerColdkey);
    for (const n of neurons) out.push(n.hotkey);
    for (const n of neurons) out.push(n.coldkey);
  }
  return out;
}

/** The subnets table points at each subnet's newest snapshot; a backfill of older blocks never moves it back. */
function updateLatest(db: Database, sync: NetworkSync, pointId: number): void {
  const newer = db.prepare(
    `SELECT 1 FROM subnets s JOIN sync_points p ON p.id = s.last_point_id
     WHERE s.netuid = ? AND p.block_number > ?`,
  );
  const upsert = db.prepare(
    `INSERT INTO subnets (netuid, name, symbol, last_point_id, stale_reason) VALUES (?, ?, ?, ?, NULL)
     ON CONFLICT (netuid) DO UPDATE SET name = excluded.name, symbol = excluded.symbol,
       last_point_id = excluded.last_point_id, stale_reason = NULL`,
  );
  for (const { subnet } of sync.subnets) {
    if (!newer.get(subnet.netuid, sync.point.blockNumber))
      upsert.run(subnet.netuid, subnet.name, subnet.symbol, pointId);
  }
  if (sync.point.kind === 'live') {
    const markStale = db.prepare('UPDATE subnets SET stale_reason = ? WHERE netuid = ?');
    for (const st of sync.stale) markStale.run(st.reason, st.netuid);
  }
}
