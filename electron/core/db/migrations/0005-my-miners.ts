/**
 * My miners: the team's public keys (user data: sync never touches them), rents per miner, the alert threshold,
 * and a cache of where the keys were seen at each stored sync. The cache exists because finding a key means
 * reading every UID row of a sync (~32k on Finney, no index by account: an index would slow every sync's writes
 * many times over); each sync is read once per key and kept, and copies of the matched rows outlive the thinning of
 * old UID rows, so the earnings history keeps its points.
 */
export const myMiners = {
  id: 5,
  name: 'my-miners',
  sql: `
CREATE TABLE team_keys (
  id INTEGER PRIMARY KEY,
  -- SS58, prefix 42: a public address, never a secret
  address TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('hotkey', 'coldkey')),
  label TEXT NOT NULL,
  rent_usd_per_month REAL,
  created_at_ms INTEGER NOT NULL
);

-- One miner's own rent (a hotkey holds at most one UID per subnet), overriding its key's.
CREATE TABLE team_miner_rents (
  netuid INTEGER NOT NULL,
  hotkey TEXT NOT NULL,
  rent_usd_per_month REAL NOT NULL,
  PRIMARY KEY (netuid, hotkey)
) WITHOUT ROWID;

CREATE TABLE team_settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- Syncs already searched for a key (a row even when nothing matched).
CREATE TABLE team_key_scans (
  point_id INTEGER NOT NULL REFERENCES sync_points (id) ON DELETE CASCADE,
  key_id INTEGER NOT NULL REFERENCES team_keys (id) ON DELETE CASCADE,
  PRIMARY KEY (key_id, point_id)
) WITHOUT ROWID;

CREATE TABLE team_sightings (
  point_id INTEGER NOT NULL REFERENCES sync_points (id) ON DELETE CASCADE,
  key_id INTEGER NOT NULL REFERENCES team_keys (id) ON DELETE CASCADE,
  netuid INTEGER NOT NULL,
  uid INTEGER NOT NULL,
  hotkey TEXT NOT NULL,
  coldkey TEXT NOT NULL,
  emission_rao INTEGER NOT NULL,
  registered_at_block INTEGER NOT NULL,
  PRIMARY KEY (key_id, point_id, netuid, uid)
) WITHOUT ROWID;
CREATE INDEX team_sightings_by_point ON team_sightings (point_id);
`,
};
