/**
 * First schema. Immutable once released: later changes are new migrations.
 * Amounts are INTEGER rao (int64 holds every real TAO/alpha amount: 21M × 1e9 ≪ 9.2e18); the u128 subnet volume is
 * TEXT. Account addresses are interned so 32k neuron rows per sync do not repeat 48-byte SS58 strings.
 */
export const initial = {
  id: 1,
  name: 'initial',
  sql: `
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE accounts (
  id INTEGER PRIMARY KEY,
  address TEXT NOT NULL UNIQUE
);

CREATE TABLE sync_points (
  id INTEGER PRIMARY KEY,
  network TEXT NOT NULL,
  endpoint TEXT NOT NULL,
  block_number INTEGER NOT NULL,
  block_hash TEXT NOT NULL,
  block_time_ms INTEGER NOT NULL,
  spec_version INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('live', 'backfill')),
  synced_at_ms INTEGER NOT NULL,
  block_emission_rao INTEGER NOT NULL,
  total_issuance_rao INTEGER NOT NULL,
  subnet_owner_cut_u16 INTEGER NOT NULL,
  UNIQUE (network, block_hash)
);
CREATE INDEX sync_points_by_block ON sync_points (network, block_number);

CREATE TABLE subnets (
  netuid INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  symbol TEXT NOT NULL,
  -- the newest point holding a snapshot of this subnet
  last_point_id INTEGER NOT NULL REFERENCES sync_points (id),
  -- why the newest sync could not refresh it (NULL when current)
  stale_reason TEXT
);

CREATE TABLE subnet_snapshots (
  point_id INTEGER NOT NULL REFERENCES sync_points (id) ON DELETE CASCADE,
  netuid INTEGER NOT NULL,
  name TEXT NOT NULL,
  symbol TEXT NOT NULL,
  owner_hotkey_id INTEGER NOT NULL REFERENCES accounts (id),
  owner_coldkey_id INTEGER NOT NULL REFERENCES accounts (id),
  tempo INTEGER NOT NULL,
  blocks_since_last_step INTEGER NOT NULL,
  registered_at_block INTEGER NOT NULL,
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
  min_burn_rao INTEGER NOT NULL,
  max_burn_rao INTEGER NOT NULL,
  immunity_period_blocks INTEGER NOT NULL,
  max_uids INTEGER NOT NULL,
  uid_count INTEGER NOT NULL,
  registration_allowed INTEGER NOT NULL,
  owner_cut_enabled INTEGER,
  miner_burned_fraction REAL,
  emission_enabled INTEGER,
  mechanism_count INTEGER NOT NULL,
  mechanism_split_u16 TEXT,
  identity_json TEXT,
  PRIMARY KEY (point_id, netuid)
) WITHOUT ROWID;
CREATE INDEX subnet_snapshots_by_netuid ON subnet_snapshots (netuid, point_id);

CREATE TABLE neuron_snapshots (
  point_id INTEGER NOT NULL REFERENCES sync_points (id) ON DELETE CASCADE,
  netuid INTEGER NOT NULL,
  uid INTEGER NOT NULL,
  hotkey_id INTEGER NOT NULL REFERENCES accounts (id),
  coldkey_id INTEGER NOT NULL REFERENCES accounts (id),
  active INTEGER NOT NULL,
  validator_permit INTEGER NOT NULL,
  -- u16 incentive per mechanism, comma separated (mechanism 0 first)
  incentives_u16 TEXT NOT NULL,
  dividends_u16 INTEGER NOT NULL,
  consensus_u16 INTEGER NOT NULL,
  emission_rao INTEGER NOT NULL,
  registered_at_block INTEGER NOT NULL,
  last_update_block INTEGER NOT NULL,
  alpha_stake_rao INTEGER NOT NULL,
  tao_stake_rao INTEGER NOT NULL,
  total_stake_rao INTEGER NOT NULL,
  PRIMARY KEY (point_id, netuid, uid)
) WITHOUT ROWID;

CREATE TABLE stale_subnets (
  point_id INTEGER NOT NULL REFERENCES sync_points (id) ON DELETE CASCADE,
  netuid INTEGER NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY (point_id, netuid)
) WITHOUT ROWID;

-- The chain each endpoint served when first synced: a later mismatch is refused instead of mixing histories.
CREATE TABLE known_chains (
  endpoint TEXT PRIMARY KEY,
  genesis_hash TEXT NOT NULL
);
`,
};
