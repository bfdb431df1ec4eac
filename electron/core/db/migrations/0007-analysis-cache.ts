/**
 * The engine's analysis of each subnet's newest data, kept between runs: computing it reads a month of summaries
 * and every UID of 128 subnets (~1 s on a year-old file), which made the first table paint after a start slow.
 * A cache: any row may be deleted at any time and is recomputed.
 */
export const analysisCache = {
  id: 7,
  name: 'analysis-cache',
  sql: `
CREATE TABLE analysis_cache (
  netuid INTEGER PRIMARY KEY,
  -- what the analysis was computed from (data and app version); a different key means recompute
  cache_key TEXT NOT NULL,
  analysis_json TEXT NOT NULL
);
`,
};
