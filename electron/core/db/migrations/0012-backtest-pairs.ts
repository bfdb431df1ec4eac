/**
 * The backtest's pairs (one per newcomer judged, ~125k on a year of Finney-like history) move out of the cached
 * analysis JSON into a packed column (db/backtest-pairs.ts): as JSON they were 30 MB of the 33 MB written after every
 * sync and parsed at every start. Older cached analyses are dropped (a cache: recomputed on the next read).
 */
export const backtestPairs = {
  id: 12,
  name: 'backtest-pairs',
  sql: `
ALTER TABLE analysis_cache ADD COLUMN backtest_pairs BLOB;
DELETE FROM analysis_cache;
`,
};
