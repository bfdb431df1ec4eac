/** User data: watchlists (soft-deleted so a delete can be undone) and saved scenarios. Sync never touches these. */
export const watchlistsAndScenarios = {
  id: 2,
  name: 'watchlists-scenarios',
  sql: `
CREATE TABLE watchlists (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  position INTEGER NOT NULL,
  -- per-list change thresholds (JSON); NULL = defaults
  thresholds_json TEXT,
  created_at_ms INTEGER NOT NULL,
  deleted_at_ms INTEGER
);

CREATE TABLE watchlist_subnets (
  watchlist_id INTEGER NOT NULL REFERENCES watchlists (id) ON DELETE CASCADE,
  netuid INTEGER NOT NULL,
  position INTEGER NOT NULL,
  added_at_ms INTEGER NOT NULL,
  PRIMARY KEY (watchlist_id, netuid)
) WITHOUT ROWID;

CREATE TABLE scenarios (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  -- NULL for a global scenario, else the subnet it was saved for
  netuid INTEGER,
  scenario_json TEXT NOT NULL,
  created_at_ms INTEGER NOT NULL,
  updated_at_ms INTEGER NOT NULL
);
`,
};
