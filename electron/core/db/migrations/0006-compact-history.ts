/**
 * A year of hourly syncs took 2 GB, and writing one sync ~300 ms. Three changes bring both down:
 * - per-UID rows become one packed blob per subnet per sync (see neuron-pack.ts): ~60 → ~17 bytes a UID, and a sync
 *   writes 128 blobs instead of 32k rows;
 * - what rarely changes about a subnet (name, symbol, identity, owner, hyperparameters), repeated in every hourly
 *   row, is stored once per distinct value as a profile;
 * - the engine's summary of each subnet at each sync moves into the subnet's row as typed columns (it was JSON text
 *   with its key names in a second table with its own keys and index; its block number and time are the point's).
 */
import type { Database } from 'better-sqlite3';
import { packNeurons, type PackableNeuron } from '../neuron-pack';
import { PROFILE_COLUMNS, profileFingerprint } from '../subnet-profiles';

const FIGURE_COLUMNS = `blocks_since_last_step, tao_reserve_rao, alpha_reserve_rao, alpha_outstanding_rao, alpha_price_rao,
  moving_price, tao_in_emission_rao, excess_tao_rao, alpha_out_emission_rao, alpha_in_emission_rao,
  pending_alpha_emission_rao, subnet_volume_rao, burn_rao, uid_count`;
const SUMMARY_FIELDS = [
  ['earning_miners', 'earningMiners'],
  ['gini', 'gini'],
  ['miner_pool_alpha_per_day', 'minerPoolAlphaPerDay'],
  ['miner_pool_tao_per_day', 'minerPoolTaoPerDay'],
  ['median_miner_tao_per_day', 'medianMinerTaoPerDay'],
  ['price_tao', 'priceTao'],
  ['burn_tao', 'burnTao'],
  ['emission_share', 'emissionShare'],
  ['previous_block_number', 'previousBlockNumber'],
  ['registrations_since_previous', 'registrationsSincePrevious'],
] as const;

export const compactHistory = {
  id: 6,
  name: 'compact-history',
  sql: `
CREATE TABLE subnet_profiles (
  id INTEGER PRIMARY KEY,
  -- JSON of every value below: finds an equal profile (a UNIQUE over the columns would treat NULLs as different)
  fingerprint TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  symbol TEXT NOT NULL,
  identity_json TEXT,
  owner_hotkey_id INTEGER NOT NULL REFERENCES accounts (id),
  owner_coldkey_id INTEGER NOT NULL REFERENCES accounts (id),
  tempo INTEGER NOT NULL,
  registered_at_block INTEGER NOT NULL,
  min_burn_rao INTEGER NOT NULL,
  max_burn_rao INTEGER NOT NULL,
  immunity_period_blocks INTEGER NOT NULL,
  max_uids INTEGER NOT NULL,
  registration_allowed INTEGER NOT NULL,
  owner_cut_enabled INTEGER,
  miner_burned_fraction REAL,
  emission_enabled INTEGER,
  mechanism_count INTEGER NOT NULL,
  mechanism_split_u16 TEXT
);

CREATE TABLE subnet_snapshots_compact (
  point_id INTEGER NOT NULL REFERENCES sync_points (id) ON DELETE CASCADE,
  netuid INTEGER NOT NULL,
  profile_id INTEGER NOT NULL REFERENCES subnet_profiles (id),
  blocks_since_last_step INTEGER NOT NULL,
  tao_reserve_rao INTEGER NOT NULL,
  alpha_reserve_rao INTEGER NOT NULL,
  alpha_outstanding_rao INTEGER NOT NULL,
  alpha_price_rao INTEGER,
  moving_price REAL NOT NULL,
  tao_in_emission_rao INTEGER NOT NULL,
  excess_tao_rao INTEGER,
  alpha_out_emission_rao INTEGER NOT NULL,
  alpha_in_emission_rao INTEGER NOT NULL,
  pending_alpha_emission_rao INTEGER NOT NULL,
  subnet_volume_rao TEXT NOT NULL,
  burn_rao INTEGER NOT NULL,
  uid_count INTEGER NOT NULL,
  -- the engine's summary at this point (has_summary 0: none was made, the columns below are NULL)
  has_summary INTEGER NOT NULL,
  ${SUMMARY_FIELDS.map(([c]) => `${c} ${c === 'earning_miners' || c.endsWith('number') || c.startsWith('registrations') ? 'INTEGER' : 'REAL'}`).join(',\n  ')},
  PRIMARY KEY (point_id, netuid)
) WITHOUT ROWID;

CREATE TABLE neuron_packs (
  point_id INTEGER NOT NULL REFERENCES sync_points (id) ON DELETE CASCADE,
  netuid INTEGER NOT NULL,
  uid_count INTEGER NOT NULL,
  -- deflated columns of UIDs and hotkey/coldkey account ids (what a key search reads)
  keys BLOB NOT NULL,
  -- deflated columns of the per-UID figures
  figures BLOB NOT NULL,
  PRIMARY KEY (point_id, netuid)
);
`,
  /** Profiles need the app's fingerprint and UIDs its packing, which SQL cannot make; the old tables go last. */
  transform(db: Database): void {
    compactSubnetRows(db);
    packNeuronRows(db);
    db.exec(`
      DROP TABLE subnet_snapshots;
      DROP TABLE subnet_summaries;
      DROP TABLE neuron_snapshots;
      ALTER TABLE subnet_snapshots_compact RENAME TO subnet_snapshots;
      CREATE INDEX subnet_snapshots_by_netuid ON subnet_snapshots (netuid, point_id);`);
  },
};

function compactSubnetRows(db: Database): void {
  const columns = PROFILE_COLUMNS.join(', ');
  const insert = db.prepare(
    `INSERT INTO subnet_profiles (fingerprint, ${columns}) VALUES (?, ${PROFILE_COLUMNS.map(() => '?').join(', ')})`,
  );
  const distinct = db
    .prepare(`SELECT DISTINCT ${columns} FROM subnet_snapshots`)
    .raw()
    .safeIntegers(true)
    .all() as unknown[][];
  for (const values of distinct) insert.run(profileFingerprint(values), ...values);
  // NULL-safe equality (IS) on every profile column; the index keeps it from comparing every row with every profile.
  db.exec('CREATE INDEX profiles_by_owner ON subnet_profiles (owner_hotkey_id, name)');
  db.exec(`
    INSERT INTO subnet_snapshots_compact (point_id, netuid, profile_id, ${FIGURE_COLUMNS}, has_summary, ${SUMMARY_FIELDS.map(([c]) => c).join(', ')})
    SELECT s.point_id, s.netuid, p.id, ${FIGURE_COLUMNS.replace(/(\w+)/g, 's.$1')}, m.summary_json IS NOT NULL,
      ${SUMMARY_FIELDS.map(([, f]) => `m.summary_json ->> '$.${f}'`).join(', ')}
    FROM subnet_snapshots s
    JOIN subnet_profiles p ON p.owner_hotkey_id = s.owner_hotkey_id AND p.name = s.name
      AND ${PROFILE_COLUMNS.filter((c) => c !== 'owner_hotkey_id' && c !== 'name')
        .map((c) => `p.${c} IS s.${c}`)
        .join(' AND ')}
    LEFT JOIN subnet_summaries m ON m.point_id = s.point_id AND m.netuid = s.netuid`);
  db.exec('DROP INDEX profiles_by_owner');
}

/** Packs the stored per-UID rows, one sync at a time. */
function packNeuronRows(db: Database): void {
  const points = db.prepare('SELECT DISTINCT point_id FROM neuron_snapshots').pluck().all() as number[];
  const read = db.prepare('SELECT * FROM neuron_snapshots WHERE point_id = ? ORDER BY netuid, uid').safeIntegers(true);
  const insert = db.prepare(
    'INSERT INTO neuron_packs (point_id, netuid, uid_count, keys, figures) VALUES (?, ?, ?, ?, ?)',
  );
  for (const pointId of points) {
    const bySubnet = new Map<number, { neurons: PackableNeuron[]; hot: number[]; cold: number[] }>();
    for (const r of read.all(pointId) as Record<string, bigint | string>[]) {
      const netuid = Number(r.netuid);
      let group = bySubnet.get(netuid);
      if (!group) bySubnet.set(netuid, (group = { neurons: [], hot: [], cold: [] }));
      group.neurons.push({
        uid: Number(r.uid),
        active: Number(r.active) === 1,
        validatorPermit: Number(r.validator_permit) === 1,
        incentivesU16: r.incentives_u16 === '' ? [] : String(r.incentives_u16).split(',').map(Number),
        dividendsU16: Number(r.dividends_u16),
        consensusU16: Number(r.consensus_u16),
        emissionRao: BigInt(r.emission_rao!),
        registeredAtBlock: Number(r.registered_at_block),
        lastUpdateBlock: Number(r.last_update_block),
        alphaStakeRao: BigInt(r.alpha_stake_rao!),
        taoStakeRao: BigInt(r.tao_stake_rao!),
        totalStakeRao: BigInt(r.total_stake_rao!),
      });
      group.hot.push(Number(r.hotkey_id));
      group.cold.push(Number(r.coldkey_id));
    }
    for (const [netuid, g] of bySubnet) {
      const pack = packNeurons(g.neurons, g.hot, g.cold);
      insert.run(pointId, netuid, pack.uidCount, pack.keys, pack.figures);
    }
  }
}
