/**
 * Chain-true economics (issue 16):
 * - the network facts subnet deregistration and the price fallback need, per sync point (SubnetLimit,
 *   NetworkImmunityPeriod, the runtime's get_subnet_to_prune answer, how prices were read, what the runtime lacked);
 * - the per-subnet rules pruning, registration timing and the emission gate read, in the subnet profile
 *   (ImmuneOwnerUidsLimit, MinNonImmuneUids, BurnHalfLife, BurnIncreaseMult, SubtokenEnabled, FirstEmissionBlockNumber);
 * - one name per meaning in the history: the pool before burns is "gross" and the pool miners receive is
 *   "received" (the old miner_pool_* columns held the gross pool under a name the list used for the received one);
 *   the alpha and TAO issuance feed the halving projection.
 * Older rows keep NULL in the new columns ("not recorded"). The analysis cache is dropped: its figures changed.
 */
export const chainRules = {
  id: 9,
  name: 'chain-rules',
  sql: `
ALTER TABLE sync_points ADD COLUMN subnet_limit INTEGER;
ALTER TABLE sync_points ADD COLUMN network_immunity_period_blocks INTEGER;
ALTER TABLE sync_points ADD COLUMN subnet_to_prune INTEGER;
ALTER TABLE sync_points ADD COLUMN price_source TEXT;
ALTER TABLE sync_points ADD COLUMN missing_reads TEXT;

ALTER TABLE subnet_profiles ADD COLUMN immune_owner_uids_limit INTEGER;
ALTER TABLE subnet_profiles ADD COLUMN min_non_immune_uids INTEGER;
ALTER TABLE subnet_profiles ADD COLUMN burn_half_life INTEGER;
ALTER TABLE subnet_profiles ADD COLUMN burn_increase_mult REAL;
ALTER TABLE subnet_profiles ADD COLUMN subtoken_enabled INTEGER;
ALTER TABLE subnet_profiles ADD COLUMN first_emission_block INTEGER;

ALTER TABLE subnet_snapshots RENAME COLUMN miner_pool_alpha_per_day TO gross_miner_pool_alpha_per_day;
ALTER TABLE subnet_snapshots RENAME COLUMN miner_pool_tao_per_day TO gross_miner_pool_tao_per_day;
ALTER TABLE subnet_snapshots ADD COLUMN received_miner_pool_alpha_per_day REAL;
ALTER TABLE subnet_snapshots ADD COLUMN received_miner_pool_tao_per_day REAL;
ALTER TABLE subnet_snapshots ADD COLUMN alpha_issuance REAL;
ALTER TABLE subnet_snapshots ADD COLUMN total_issuance_tao REAL;

DELETE FROM analysis_cache;
`,
};
