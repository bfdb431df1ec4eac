/**
 * Writes one network sync in a single transaction: an interruption (crash, cancelled sync, dropped connection)
 * leaves the previous state intact, and re-writing a block already stored adds nothing.
 */
import type { Database } from 'better-sqlite3';
import type { NetworkSync, SyncPoint } from '../../../shared/domain';
import { AccountIds } from './accounts';
import { readPointByHash } from './snapshot-read';
import { insertSummaries } from './summary-repo';
import type { SubnetHistoryPoint } from '../../../shared/economics';

// Column order of the values passed to run() below; naming them keeps the two lists checkable side by side.
const SUBNET_COLUMNS = [
  'point_id', 'netuid', 'name', 'symbol', 'owner_hotkey_id', 'owner_coldkey_id', 'tempo', 'blocks_since_last_step',
  'registered_at_block', 'tao_reserve_rao', 'alpha_reserve_rao', 'alpha_outstanding_rao', 'alpha_price_rao',
  'moving_price', 'tao_in_emission_rao', 'excess_tao_rao', 'alpha_out_emission_rao', 'alpha_in_emission_rao',
  'pending_alpha_emission_rao', 'subnet_volume_rao', 'burn_rao', 'min_burn_rao', 'max_burn_rao',
  'immunity_period_blocks', 'max_uids', 'uid_count', 'registration_allowed', 'owner_cut_enabled',
  'miner_burned_fraction', 'emission_enabled', 'mechanism_count', 'mechanism_split_u16', 'identity_json',
];
const NEURON_COLUMNS = [
  'point_id', 'netuid', 'uid', 'hotkey_id', 'coldkey_id', 'active', 'validator_permit', 'incentives_u16',
  'dividends_u16', 'consensus_u16', 'emission_rao', 'registered_at_block', 'last_update_block', 'alpha_stake_rao',
  'tao_stake_rao', 'total_stake_rao',
];
const insertInto = (table: string, columns: string[], rows = 1) =>
  `INSERT INTO ${table} (${columns.join(', ')}) VALUES ` +
  Array.from({ length: rows }, () => `(${columns.map(() => '?').join(', ')})`).join(', ');
/**
 * Neuron rows go in 64 to a statement (1,024 parameters, well under SQLite's limit): one call into SQLite per row
 * made the per-statement overhead a quarter of the neuron rows' cost.
 */
const NEURONS_PER_INSERT = 64;

const b = (v: boolean | null): number | null => (v === null ? null : v ? 1 : 0);

export function writeNetworkSync(
  db: Database,
  sync: NetworkSync,
  syncedAtMs: number,
  summaries: ReadonlyMap<number, SubnetHistoryPoint> = new Map(),
): SyncPoint {
  const { point, network } = sync;
  return db.transaction((): SyncPoint => {
    const existing = readPointByHash(db, point.network, point.blockHash);
    if (existing) return existing;
    const accounts = new AccountIds(db);
    const pointId = Number(
      db
        .prepare(
          `INSERT INTO sync_points (network, endpoint, block_number, block_hash, block_time_ms, spec_version, kind,
             synced_at_ms, block_emission_rao, total_issuance_rao, subnet_owner_cut_u16)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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
        ).lastInsertRowid,
    );
    internAccounts(accounts, sync);
    const insertSubnet = db.prepare(insertInto('subnet_snapshots', SUBNET_COLUMNS));
    const neurons = neuronWriter(db);
    for (const { subnet: s, neurons: subnetNeurons } of sync.subnets) {
      insertSubnet.run(
        pointId, s.netuid, s.name, s.symbol, accounts.idOf(s.ownerHotkey), accounts.idOf(s.ownerColdkey), s.tempo,
        s.blocksSinceLastStep, s.registeredAtBlock, s.taoReserveRao, s.alphaReserveRao, s.alphaOutstandingRao,
        s.alphaPriceRao, s.movingPrice, s.taoInEmissionRao, s.excessTaoRao, s.alphaOutEmissionRao,
        s.alphaInEmissionRao, s.pendingAlphaEmissionRao, s.subnetVolumeRao.toString(), s.burnRao, s.minBurnRao,
        s.maxBurnRao, s.immunityPeriodBlocks, s.maxUids, s.uidCount, b(s.registrationAllowed), b(s.ownerCutEnabled),
        s.minerBurnedFraction, b(s.emissionEnabled), s.mechanismCount,
        s.mechanismSplitU16 ? s.mechanismSplitU16.join(',') : null, s.identity ? JSON.stringify(s.identity) : null,
      );
      for (const n of subnetNeurons) {
        neurons.values.push(
          pointId, n.netuid, n.uid, accounts.idOf(n.hotkey), accounts.idOf(n.coldkey), b(n.active),
          b(n.validatorPermit), n.incentivesU16.join(','), n.dividendsU16, n.consensusU16, n.emissionRao,
          n.registeredAtBlock, n.lastUpdateBlock, n.alphaStakeRao, n.taoStakeRao, n.totalStakeRao,
        );
        neurons.rowAdded();
      }
    }
    neurons.flush();
    const insertStale = db.prepare('INSERT INTO stale_subnets (point_id, netuid, reason) VALUES (?, ?, ?)');
    for (const st of sync.stale) insertStale.run(pointId, st.netuid, st.reason);
    insertSummaries(db, pointId, summaries);
    updateLatest(db, sync, pointId);
    return readPointByHash(db, point.network, point.blockHash)!;
  })();
}

/**
 * Neuron rows are pushed onto `values` (no per-row array) and inserted NEURONS_PER_INSERT at a time; `flush`
 * writes the rest one by one.
 */
function neuronWriter(db: Database): { values: unknown[]; rowAdded(): void; flush(): void } {
  const many = db.prepare(insertInto('neuron_snapshots', NEURON_COLUMNS, NEURONS_PER_INSERT));
  const one = db.prepare(insertInto('neuron_snapshots', NEURON_COLUMNS));
  const width = NEURON_COLUMNS.length;
  const values: unknown[] = [];
  return {
    values,
    rowAdded() {
      if (values.length < NEURONS_PER_INSERT * width) return;
      many.run(values);
      values.length = 0;
    },
    flush() {
      for (let i = 0; i < values.length; i += width) one.run(values.slice(i, i + width));
      values.length = 0;
    },
  };
}

/**
 * Every address of the sync interned before any snapshot row: interleaved with ~30k neuron rows, the accounts
 * index pages kept falling out of SQLite's small page cache (measured: ~15% less CPU for the whole write).
 */
function internAccounts(accounts: AccountIds, sync: NetworkSync): void {
  for (const { subnet, neurons } of sync.subnets) {
    accounts.idOf(subnet.ownerHotkey);
    accounts.idOf(subnet.ownerColdkey);
    for (const n of neurons) {
      accounts.idOf(n.hotkey);
      accounts.idOf(n.coldkey);
    }
  }
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
    if (!newer.get(subnet.netuid, sync.point.blockNumber)) upsert.run(subnet.netuid, subnet.name, subnet.symbol, pointId);
  }
  if (sync.point.kind === 'live') {
    const markStale = db.prepare('UPDATE subnets SET stale_reason = ? WHERE netuid = ?');
    for (const st of sync.stale) markStale.run(st.reason, st.netuid);
  }
}
