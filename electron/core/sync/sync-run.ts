/**
 * One sync: connect, check it is the right chain, read the finalized head, store it in one transaction, then
 * optionally backfill one point a day from past blocks. Nothing is written unless a block was read completely
 * (subnets that failed individually are stored as stale, with the reason).
 */
import type { Database } from 'better-sqlite3';
import type { NetworkSync, StaleSubnet, SyncPoint } from '../../../shared/domain';
import { BLOCKS_PER_DAY } from '../../../shared/domain';
import { connect, type Connection } from '../chain/connect';
import { loadMetadataFolder, saveMetadataFolder } from '../chain/known-metadata';
import { ChainCallError, ChainError } from '../chain/errors';
import { fetchBlock, type FetchedBlock } from '../chain/fetch-block';
import { MappingError, mapNetwork, mapSubnet } from '../chain/mapper';
import { latestKeys, latestSubnets, readPointByHash, rememberGenesis } from '../db/snapshot-read';
import { writeNetworkSync } from '../db/snapshot-write';
import { previousBlock } from '../db/summary-repo';
import { NEWCOMER_HISTORY, thinNeuronHistory } from '../db/retention';
import { summarizeSync } from './summaries';
import type { Target } from './endpoint';
import { describeReadFailure, type ReadStage } from './read-failure';
import { refuseMostlyStale } from './mostly-stale';

export interface SyncProgress {
  phase: 'connecting' | 'network' | 'subnets' | 'writing' | 'backfill';
  done: number;
  total: number;
  netuid: number | null;
  message: string;
}

export interface SyncRunOptions {
  db: Database;
  target: Target;
  backfillDays?: number;
  signal?: AbortSignal;
  now: () => number;
  onProgress(p: SyncProgress): void;
  connectTimeoutMs?: number;
  callTimeoutMs?: number;
  /** Stop when this many requests in a row time out (see connect). */
  giveUpAfterTimeouts?: number;
  /** Where runtime metadata is kept between processes (see known-metadata); none: this process only. */
  metadataDir?: string;
}

export interface SyncRunResult {
  points: SyncPoint[];
  stale: StaleSubnet[];
}

export async function runSync(options: SyncRunOptions): Promise<SyncRunResult> {
  const { db, target, onProgress } = options;
  onProgress({ phase: 'connecting', done: 0, total: 1, netuid: null, message: `Connecting to ${target.endpoint}` });
  if (options.metadataDir) loadMetadataFolder(options.metadataDir);
  const conn = await connect(target.endpoint, {
    timeoutMs: options.connectTimeoutMs,
    callTimeoutMs: options.callTimeoutMs,
    giveUpAfterTimeouts: options.giveUpAfterTimeouts,
    signal: options.signal,
  });
  try {
    checkChain(db, target, conn.genesisHash);
    let headHash: string;
    try {
      headHash = blockHashOf(
        await Promise.race([conn.client.request('chain_getFinalizedHead', []), conn.dropped]),
        'the finalized head',
      );
    } catch (e) {
      if (!(e instanceof ChainCallError)) throw e;
      const failure = describeReadFailure(e, { endpoint: target.endpoint, block: 'the finalized head', stage: 'head' });
      throw new ChainError(failure.kind, `${failure.what}. Nothing was written; the previous data is unchanged.`);
    }
    onProgress({ phase: 'network', done: 0, total: 1, netuid: null, message: 'Reading the network' });
    const live = await readAndStore(
      options,
      conn,
      headHash,
      'live',
      'Nothing was written; the previous data is unchanged.',
    );
    if (options.metadataDir) saveMetadataFolder(options.metadataDir);
    const points = [live.point];
    if (options.backfillDays)
      points.push(...(await backfill(options, conn, live.point.blockNumber, options.backfillDays)));
    rememberGenesis(db, target.endpoint, conn.genesisHash);
    return { points, stale: live.stale };
  } finally {
    await conn.close();
  }
}

/** A block hash as the node answers it; null (a block it does not have) is said in words. */
function blockHashOf(answer: unknown, what: string): string {
  if (typeof answer === 'string' && /^0x[0-9a-fA-F]{64}$/.test(answer)) return answer;
  throw new ChainError('unsupported-runtime', `The node has no hash for ${what}`);
}

/** A data file holds one chain's history: a different genesis (wrong endpoint, other network) is refused. */
function checkChain(db: Database, target: Target, genesis: string): void {
  if (target.expectedGenesis && genesis !== target.expectedGenesis) {
    throw new ChainError(
      'wrong-chain',
      `${target.endpoint} serves a different chain (genesis ${short(genesis)}) than ${target.network} ` +
        `(${short(target.expectedGenesis)}). Nothing was synced; check the endpoint in Settings.`,
    );
  }
  const held = db.prepare('SELECT endpoint, genesis_hash FROM known_chains LIMIT 1').get() as
    { endpoint: string; genesis_hash: string } | undefined;
  if (held && held.genesis_hash !== genesis) {
    throw new ChainError(
      'wrong-chain',
      `${target.endpoint} serves a different chain (genesis ${short(genesis)}) than the one this data folder holds ` +
        `(${short(held.genesis_hash)}, first synced from ${held.endpoint}). Nothing was synced; use another data folder ` +
        `for another network.`,
    );
  }
}

const short = (hash: string) => `${hash.slice(0, 10)}…`;

/** Reads one block and stores it; a failure says what broke and `consequence` (what is stored, what is not). */
async function readAndStore(
  options: SyncRunOptions,
  conn: Connection,
  blockHash: string,
  kind: 'live' | 'backfill',
  consequence: string,
): Promise<{ point: SyncPoint; stale: StaleSubnet[] }> {
  const { db, target, onProgress } = options;
  let stage: ReadStage = 'network';
  let fetched: FetchedBlock;
  try {
    fetched = await fetchBlock(conn.client, blockHash, {
      signal: options.signal,
      dropped: conn.dropped,
      isConnected: conn.isConnected,
      // The live head is newer than what is stored: its coldkeys are read only where they may have changed. A
      // backfill reads older blocks whole.
      ...(kind === 'live' ? { knownKeys: latestKeys(db) } : {}),
      onProgress: (done, total, netuid) => {
        stage = 'subnets';
        if (kind === 'live')
          onProgress({
            phase: 'subnets',
            done,
            total,
            netuid,
            message: netuid === null ? 'Reading subnets' : `Read SN${netuid}`,
          });
      },
    });
  } catch (e) {
    // Dropped, cancelled, unsupported runtime: already in words. A named request's failure gets its context here.
    if (e instanceof ChainError && !(e instanceof ChainCallError)) throw e;
    const failure = describeReadFailure(e, {
      endpoint: target.endpoint,
      block: `block ${blockHash.slice(0, 12)}`,
      stage,
    });
    throw new ChainError(failure.kind, `${failure.what}. ${consequence}`);
  }
  const sync = toNetworkSync(db, fetched, target, kind);
  refuseMostlyStale(fetched, consequence);
  if (options.signal?.aborted) throw new ChainError('cancelled', 'The sync was cancelled; nothing was written.');
  if (kind === 'live') onProgress({ phase: 'writing', done: 0, total: 1, netuid: null, message: 'Saving' });
  const point = writeNetworkSync(
    db,
    sync,
    options.now(),
    summarizeSync(sync, previousBlock(db, sync.point.blockNumber)),
  );
  return { point, stale: sync.stale };
}

function toNetworkSync(db: Database, fetched: FetchedBlock, target: Target, kind: 'live' | 'backfill'): NetworkSync {
  const stale: StaleSubnet[] = [...fetched.failed];
  const subnets = [];
  for (const raw of fetched.subnets.values()) {
    try {
      subnets.push(mapSubnet(raw));
    } catch (e) {
      if (!(e instanceof MappingError)) throw e;
      stale.push({ netuid: raw.dynamic.netuid, reason: e.message });
    }
  }
  if (kind === 'live') {
    // Subnets we hold that the chain no longer lists (deregistered, or a None entry being replaced).
    const listed = new Set([...fetched.subnets.keys(), ...fetched.failed.map((f) => f.netuid)]);
    for (const known of latestSubnets(db)) {
      if (!listed.has(known.snapshot.netuid)) {
        stale.push({
          netuid: known.snapshot.netuid,
          reason: `SN${known.snapshot.netuid} is no longer listed by the chain (deregistered or being replaced).`,
        });
      }
    }
  }
  return {
    point: {
      blockNumber: fetched.blockNumber,
      blockHash: fetched.blockHash,
      blockTimeMs: fetched.blockTimeMs,
      specVersion: fetched.specVersion,
      network: target.network,
      endpoint: target.endpoint,
      kind,
    },
    network: mapNetwork(fetched.network, fetched),
    subnets: subnets.sort((a, b) => a.subnet.netuid - b.subnet.netuid),
    stale: stale.sort((a, b) => a.netuid - b.netuid),
  };
}

/** A stored point within half a day of `blockNumber`, the closest; null when that day has none. */
function pointNear(db: Database, blockNumber: number): SyncPoint | null {
  const half = BLOCKS_PER_DAY / 2;
  const near = db
    .prepare(
      `SELECT network, block_hash FROM sync_points WHERE block_number > ? AND block_number < ?
       ORDER BY ABS(block_number - ?) LIMIT 1`,
    )
    .get(blockNumber - half, blockNumber + half, blockNumber) as { network: string; block_hash: string } | undefined;
  return near ? readPointByHash(db, near.network, near.block_hash) : null;
}

/** One point a day for `days` days before the head, from past blocks (an archive node keeps them). */
async function backfill(
  options: SyncRunOptions,
  conn: Connection,
  headNumber: number,
  days: number,
): Promise<SyncPoint[]> {
  const points: SyncPoint[] = [];
  for (let day = 1; day <= days; day++) {
    const blockNumber = headNumber - day * BLOCKS_PER_DAY;
    if (blockNumber <= 0) break;
    if (options.signal?.aborted) throw new ChainError('cancelled', 'The sync was cancelled during the backfill.');
    options.onProgress({
      phase: 'backfill',
      done: day - 1,
      total: days,
      netuid: null,
      message: `Backfilling day ${day} of ${days} (block ${blockNumber})`,
    });
    // That day may be stored already: by an earlier backfill a reset interrupted (the head has moved on a little
    // since), or by a live sync. Reading it again would add a second point for the same day.
    const stored = pointNear(options.db, blockNumber);
    if (stored) {
      points.push(stored);
      continue;
    }
    const stopped =
      `The backfill stopped at day ${day} of ${days} (block ${blockNumber}); the days before it are stored, ` +
      'and a new backfill reads only the missing days.';
    try {
      const hash = blockHashOf(
        await Promise.race([conn.client.request('chain_getBlockHash', [blockNumber]), conn.dropped]),
        `block ${blockNumber}`,
      );
      points.push((await readAndStore(options, conn, hash, 'backfill', stopped)).point);
    } catch (e) {
      if (e instanceof ChainError && (e.kind === 'cancelled' || e.message.endsWith(stopped))) throw e;
      const failure = describeReadFailure(e, {
        endpoint: options.target.endpoint,
        block: `block ${blockNumber}`,
        stage: 'network',
      });
      const hint = failure.kind === 'unsupported-runtime' ? ' Past blocks need an archive node.' : '';
      throw new ChainError(failure.kind, `${failure.what}. ${stopped}${hint}`);
    }
  }
  options.onProgress({ phase: 'backfill', done: days, total: days, netuid: null, message: 'Backfill done' });
  return points;
}

/**
 * Housekeeping after a stored sync: thinning old per-UID history. It runs after the point is committed, so a failure
 * here (another process holding the write lock past the wait, a full disk) does not undo or hide the stored point:
 * it is returned in words for the sync's message, and the next sync thins again (thinning always covers everything
 * older than the window, so nothing is skipped for good).
 */
export function tidyAfterSync(db: Database, fullResolutionDays: number): string | null {
  try {
    // Newcomers are followed through the month at 12-hourly points (engine/newcomer-history.ts).
    thinNeuronHistory(db, fullResolutionDays, NEWCOMER_HISTORY);
    return null;
  } catch (e) {
    return `Thinning old per-UID history failed (${(e as Error).message}); it is retried after the next sync`;
  }
}
