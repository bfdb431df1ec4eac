/** Reads of stored sync points and snapshots, mapped back to domain types (amounts as bigint rao). */
import type { Database } from 'better-sqlite3';
import type {
  NetworkSnapshot,
  NeuronSnapshot,
  SubnetIdentity,
  SubnetSnapshot,
  SyncPoint,
} from '../../../shared/domain';
import { unpackKeys, unpackNeurons, type NeuronPack } from './neuron-pack';
import { addressesOf } from './accounts';

type Row = Record<string, unknown>;

const num = (v: unknown): number => Number(v);
const big = (v: unknown): bigint => BigInt(v as bigint | number | string);
const bigOrNull = (v: unknown): bigint | null => (v === null || v === undefined ? null : big(v));
const boolOrNull = (v: unknown): boolean | null => (v === null || v === undefined ? null : Number(v) === 1);
/** A stored comma-separated u16 list (mechanism splits): '' is the empty list. */
export const u16List = (v: unknown): number[] => (v === '' ? [] : String(v).split(',').map(Number));

const POINT_COLUMNS = `id, network, endpoint, block_number, block_hash, block_time_ms, spec_version, kind, synced_at_ms`;

function toPoint(r: Row): SyncPoint {
  return {
    id: num(r.id),
    network: String(r.network),
    endpoint: String(r.endpoint),
    blockNumber: num(r.block_number),
    blockHash: String(r.block_hash),
    blockTimeMs: num(r.block_time_ms),
    specVersion: num(r.spec_version),
    kind: r.kind === 'backfill' ? 'backfill' : 'live',
    syncedAtMs: num(r.synced_at_ms),
  };
}

export function readPointByHash(db: Database, network: string, blockHash: string): SyncPoint | null {
  const r = db
    .prepare(`SELECT ${POINT_COLUMNS} FROM sync_points WHERE network = ? AND block_hash = ?`)
    .get(network, blockHash) as Row | undefined;
  return r ? toPoint(r) : null;
}

/** The newest point by block number (live or backfilled). */
export function latestPoint(db: Database): SyncPoint | null {
  const r = db.prepare(`SELECT ${POINT_COLUMNS} FROM sync_points ORDER BY block_number DESC, id DESC LIMIT 1`).get() as
    Row | undefined;
  return r ? toPoint(r) : null;
}

export function listPoints(db: Database): SyncPoint[] {
  return (db.prepare(`SELECT ${POINT_COLUMNS} FROM sync_points ORDER BY block_number`).all() as Row[]).map(toPoint);
}

const NETWORK_COLUMNS = `block_emission_rao, total_issuance_rao, subnet_owner_cut_u16, subnet_limit,
  network_immunity_period_blocks, subnet_to_prune, price_source, missing_reads`;

const PRICE_SOURCES = ['swap-all', 'swap-each', 'reserves', 'none'] as const;

/** A sync point's network columns (NETWORK_COLUMNS, under `prefix`) as a snapshot; NULLs are "not recorded". */
function toNetwork(r: Row, prefix = ''): NetworkSnapshot {
  const col = (name: string) => r[`${prefix}${name}`];
  const numOrNull = (v: unknown) => (v === null || v === undefined ? null : num(v));
  const source = col('price_source');
  return {
    blockEmissionRao: big(col('block_emission_rao')),
    totalIssuanceRao: big(col('total_issuance_rao')),
    subnetOwnerCutU16: num(col('subnet_owner_cut_u16')),
    subnetLimit: numOrNull(col('subnet_limit')),
    networkImmunityPeriodBlocks: numOrNull(col('network_immunity_period_blocks')),
    subnetToPrune: numOrNull(col('subnet_to_prune')),
    priceSource: PRICE_SOURCES.find((s) => s === source) ?? null,
    missingReads:
      col('missing_reads') === null || col('missing_reads') === undefined
        ? []
        : (JSON.parse(String(col('missing_reads'))) as string[]),
  };
}

export function networkAt(db: Database, pointId: number): NetworkSnapshot | null {
  const r = db.prepare(`SELECT ${NETWORK_COLUMNS} FROM sync_points WHERE id = ?`).safeIntegers(true).get(pointId) as
    Row | undefined;
  return r ? toNetwork(r) : null;
}

const SUBNET_SELECT = `
  SELECT ss.*, pr.*, oh.address AS owner_hotkey, oc.address AS owner_coldkey
  FROM subnet_snapshots ss
  JOIN subnet_profiles pr ON pr.id = ss.profile_id
  JOIN accounts oh ON oh.id = pr.owner_hotkey_id
  JOIN accounts oc ON oc.id = pr.owner_coldkey_id`;

export function toSubnetSnapshot(r: Row): SubnetSnapshot {
  return {
    netuid: num(r.netuid),
    name: String(r.name),
    symbol: String(r.symbol),
    ownerHotkey: String(r.owner_hotkey),
    ownerColdkey: String(r.owner_coldkey),
    tempo: num(r.tempo),
    blocksSinceLastStep: num(r.blocks_since_last_step),
    registeredAtBlock: num(r.registered_at_block),
    taoReserveRao: big(r.tao_reserve_rao),
    alphaReserveRao: big(r.alpha_reserve_rao),
    alphaOutstandingRao: big(r.alpha_outstanding_rao),
    alphaPriceRao: bigOrNull(r.alpha_price_rao),
    movingPrice: num(r.moving_price),
    taoInEmissionRao: big(r.tao_in_emission_rao),
    excessTaoRao: bigOrNull(r.excess_tao_rao),
    alphaOutEmissionRao: big(r.alpha_out_emission_rao),
    alphaInEmissionRao: big(r.alpha_in_emission_rao),
    pendingAlphaEmissionRao: big(r.pending_alpha_emission_rao),
    subnetVolumeRao: big(r.subnet_volume_rao),
    burnRao: big(r.burn_rao),
    minBurnRao: big(r.min_burn_rao),
    maxBurnRao: big(r.max_burn_rao),
    immunityPeriodBlocks: num(r.immunity_period_blocks),
    maxUids: num(r.max_uids),
    uidCount: num(r.uid_count),
    registrationAllowed: num(r.registration_allowed) === 1,
    ownerCutEnabled: boolOrNull(r.owner_cut_enabled),
    minerBurnedFraction: r.miner_burned_fraction === null ? null : num(r.miner_burned_fraction),
    emissionEnabled: boolOrNull(r.emission_enabled),
    mechanismCount: num(r.mechanism_count),
    mechanismSplitU16: r.mechanism_split_u16 === null ? null : u16List(r.mechanism_split_u16),
    identity: r.identity_json === null ? null : (JSON.parse(String(r.identity_json)) as SubnetIdentity),
    immuneOwnerUidsLimit: r.immune_owner_uids_limit == null ? null : num(r.immune_owner_uids_limit),
    minNonImmuneUids: r.min_non_immune_uids == null ? null : num(r.min_non_immune_uids),
    burnHalfLife: r.burn_half_life == null ? null : num(r.burn_half_life),
    burnIncreaseMult: r.burn_increase_mult == null ? null : num(r.burn_increase_mult),
    subtokenEnabled: boolOrNull(r.subtoken_enabled),
    firstEmissionBlock: r.first_emission_block == null ? null : num(r.first_emission_block),
    weightsVersionKey: bigOrNull(r.weights_version_key),
  };
}

export interface LatestSubnet {
  snapshot: SubnetSnapshot;
  pointId: number;
  blockNumber: number;
  blockTimeMs: number;
  network: NetworkSnapshot;
  staleReason: string | null;
}

/** Every known subnet at its newest snapshot (stale ones keep their older snapshot and say why). */
export function latestSubnets(db: Database): LatestSubnet[] {
  const rows = db
    .prepare(
      // From the small subnets table into the snapshots (CROSS JOIN fixes that order): left to itself, SQLite walks
      // every snapshot ever stored by netuid to save a sort, which takes seconds once a year of syncs is held.
      `SELECT ss.*, pr.*, oh.address AS owner_hotkey, oc.address AS owner_coldkey, s.stale_reason, p.block_number AS p_block,
          p.block_time_ms AS p_time, ${NETWORK_COLUMNS.split(',')
            .map((c) => `p.${c.trim()} AS p_${c.trim()}`)
            .join(', ')}
       FROM subnets s
       CROSS JOIN subnet_snapshots ss ON ss.point_id = s.last_point_id AND ss.netuid = s.netuid
       JOIN subnet_profiles pr ON pr.id = ss.profile_id
       JOIN accounts oh ON oh.id = pr.owner_hotkey_id
       JOIN accounts oc ON oc.id = pr.owner_coldkey_id
       JOIN sync_points p ON p.id = ss.point_id
       ORDER BY s.netuid`,
    )
    .safeIntegers(true)
    .all() as Row[];
  return rows.map((r) => ({
    snapshot: toSubnetSnapshot(r),
    pointId: num(r.point_id),
    blockNumber: num(r.p_block),
    blockTimeMs: num(r.p_time),
    network: toNetwork(r, 'p_'),
    staleReason: r.stale_reason === null ? null : String(r.stale_reason),
  }));
}

export function subnetAt(db: Database, pointId: number, netuid: number): SubnetSnapshot | null {
  const r = db
    .prepare(`${SUBNET_SELECT} WHERE ss.point_id = ? AND ss.netuid = ?`)
    .safeIntegers(true)
    .get(pointId, netuid) as Row | undefined;
  return r ? toSubnetSnapshot(r) : null;
}

export function neuronsAt(db: Database, pointId: number, netuid: number): NeuronSnapshot[] {
  const pack = readPack(db, pointId, netuid);
  if (!pack) return [];
  const keys = unpackKeys(pack.keys);
  const addresses = addressesOf(db, [...keys.hotkeyIds, ...keys.coldkeyIds]);
  return unpackNeurons(netuid, pack, (id) => addresses.get(id)!, keys);
}

export function readPack(db: Database, pointId: number, netuid: number): NeuronPack | null {
  const r = db
    .prepare('SELECT uid_count, keys, figures FROM neuron_packs WHERE point_id = ? AND netuid = ?')
    .get(pointId, netuid) as { uid_count: number; keys: Buffer; figures: Buffer } | undefined;
  return r ? { uidCount: r.uid_count, keys: r.keys, figures: r.figures } : null;
}

export function rememberGenesis(db: Database, endpoint: string, genesisHash: string): void {
  db.prepare('INSERT INTO known_chains (endpoint, genesis_hash) VALUES (?, ?) ON CONFLICT (endpoint) DO NOTHING').run(
    endpoint,
    genesisHash,
  );
}

/** The keys a subnet's UIDs had at its newest stored snapshot (index = UID), and that snapshot's block. */
export interface StoredKeys {
  blockNumber: number;
  hotkeys: string[];
  coldkeys: string[];
}

/**
 * Every subnet's keys at its newest snapshot: the next sync reads only the coldkeys that may have changed since
 * (chain/coldkeys.ts). A subnet whose newest snapshot has no UIDs stored is left out (read whole).
 */
export function latestKeys(db: Database): Map<number, StoredKeys> {
  const rows = db
    .prepare(
      `SELECT s.netuid, p.block_number, np.keys FROM subnets s
       JOIN sync_points p ON p.id = s.last_point_id
       JOIN neuron_packs np ON np.point_id = s.last_point_id AND np.netuid = s.netuid`,
    )
    .all() as { netuid: number; block_number: number; keys: Buffer }[];
  const packs = rows.map((r) => ({ ...r, unpacked: unpackKeys(r.keys) }));
  const addresses = addressesOf(
    db,
    packs.flatMap((p) => [...p.unpacked.hotkeyIds, ...p.unpacked.coldkeyIds]),
  );
  const out = new Map<number, StoredKeys>();
  for (const { netuid, block_number, unpacked } of packs) {
    const hotkeys: string[] = [];
    const coldkeys: string[] = [];
    unpacked.uids.forEach((uid, i) => {
      hotkeys[uid] = addresses.get(unpacked.hotkeyIds[i]!)!;
      coldkeys[uid] = addresses.get(unpacked.coldkeyIds[i]!)!;
    });
    out.set(netuid, { blockNumber: block_number, hotkeys, coldkeys });
  }
  return out;
}
