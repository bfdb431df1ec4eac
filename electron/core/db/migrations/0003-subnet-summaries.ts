/**
 * Per subnet per sync point, the engine's summary (earning miners, Gini, pool, price…). Kept for ever, so history
 * charts and window statistics stay cheap and survive the thinning of per-UID rows.
 */
export const subnetSummaries = {
  id: 3,
  name: 'subnet-summaries',
  sql: `
CREATE TABLE subnet_summaries (
  point_id INTEGER NOT NULL REFERENCES sync_points (id) ON DELETE CASCADE,
  netuid INTEGER NOT NULL,
  summary_json TEXT NOT NULL,
  PRIMARY KEY (point_id, netuid)
) WITHOUT ROWID;
CREATE INDEX subnet_summaries_by_netuid ON subnet_summaries (netuid, point_id);
`,
};
