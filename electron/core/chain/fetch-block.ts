/**
 * Reads what the app stores at one pinned block: the network part (network-fetch.ts, also the incremental
 * refresh) and one metagraph per subnet (plus one incentive vector per extra mechanism, metagraph-fetch.ts).
 * Every request names the pinned block; every answer is decoded by codecs generated from that block's metadata. A call that fails for one subnet marks that subnet, not the sync.
 */
import type { StaleSubnet } from '../../../shared/domain';
import type { BlockAt } from './call-names';
import type { ChainClient } from './client';
import { coldkeysDue, fillColdkeys, keepKnownColdkeys, readOwners, type KnownKeys } from './coldkeys';
import { ChainError, SyncStopped } from './errors';
import { subnetGraphReader } from './metagraph-fetch';
import { fetchNetwork, type PriceSource } from './network-fetch';
import type { RawNetworkStorage, RawSubnetState } from './raw';
import { blockReader } from './raw-rpc';
import { runtimeCodecsAt } from './runtime-codecs';
import { rememberSs58 } from './ss58';

export interface BlockProgress {
  (done: number, total: number, netuid: number | null): void;
}

export interface FetchedBlock {
  blockNumber: number;
  blockHash: string;
  blockTimeMs: number;
  specVersion: number;
  network: RawNetworkStorage;
  subnets: Map<number, RawSubnetState>;
  failed: StaleSubnet[];
  priceSource: PriceSource;
  subnetToPrune: number | null;
  /** Calls and storage items this runtime lacks or failed on (see FetchedNetwork.missing). */
  missing: string[];
}

export interface FetchOptions {
  concurrency?: number;
  signal?: AbortSignal;
  onProgress?: BlockProgress;
  /** Stops everything at once when the connection drops. */
  dropped?: Promise<never>;
  /** A failed call on a dead connection fails the block, not just its subnet. */
  isConnected?: () => boolean;
  /**
   * The keys stored for each subnet by the last sync, to read only the coldkeys that may have changed (coldkeys.ts).
   * Without them every subnet's coldkeys are read whole.
   */
  knownKeys?: ReadonlyMap<number, KnownKeys>;
}

function checkAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new Error('cancelled');
}

const droppedError = () =>
  new ChainError(
    'dropped',
    'The connection dropped during the sync; nothing was written and the previous data is intact.',
  );

export async function fetchBlock(
  client: ChainClient,
  blockHash: string,
  options: FetchOptions = {},
): Promise<FetchedBlock> {
  const race = <T>(p: Promise<T>): Promise<T> => (options.dropped ? Promise.race([p, options.dropped]) : p);
  // Shared by every request of this block: it learns its number from the header, and messages name `block #N`.
  const at: BlockAt = { hash: blockHash };
  const [net, codecs] = await race(Promise.all([fetchNetwork(client, at), runtimeCodecsAt(client, at)]));
  checkAborted(options.signal);
  const read = blockReader(client, at);
  const readGraphs = subnetGraphReader(read, codecs);
  const owner = codecs.storage('SubtensorModule', 'Owner');
  const knownKeys = owner ? options.knownKeys : undefined;
  const subnets = new Map<number, RawSubnetState>();
  const failed: StaleSubnet[] = [];
  /** Subnets read without their coldkeys, and the hotkeys whose owner is still to read. */
  const ownersToRead = new Map<number, string[]>();
  const failSubnet = (netuid: number, what: string, e: unknown) => {
    if (options.isConnected && !options.isConnected()) throw droppedError();
    if (e instanceof SyncStopped) throw e;
    failed.push({ netuid, reason: `Could not read SN${netuid}'s ${what}: ${(e as Error).message}` });
  };
  let done = 0;
  options.onProgress?.(0, net.dynamics.length, null);
  const queue = [...net.dynamics];
  const worker = async () => {
    for (let d = queue.shift(); d; d = queue.shift()) {
      checkAborted(options.signal);
      const st = net.storage.get(d.netuid)!;
      const known = knownKeys?.get(d.netuid);
      const withColdkeys = coldkeysDue(d.netuid, net.blockNumber, known);
      try {
        const reading = readGraphs(d.netuid, st.mechanismCount, withColdkeys);
        if (known) {
          // Most keys the metagraph brings are the stored ones: a fresh process (the hourly CLI) reads their texts
          // back to bytes, while the request is out, instead of encoding each key again. Coldkeys only where their
          // column is read.
          rememberSs58(client.ss58Prefix, known.hotkeys);
          if (withColdkeys) rememberSs58(client.ss58Prefix, known.coldkeys);
        }
        const graphs = await race(reading);
        // A runtime without the selective call answers with the coldkeys anyway.
        if (known && graphs.metagraph.coldkeys.length !== graphs.metagraph.hotkeys.length) {
          const unknown = keepKnownColdkeys(graphs.metagraph, known);
          if (unknown.length > 0) ownersToRead.set(d.netuid, unknown);
        }
        subnets.set(d.netuid, { dynamic: d, ...graphs, storage: st, priceRao: net.prices?.get(d.netuid) ?? null });
      } catch (e) {
        failSubnet(d.netuid, 'metagraph', e);
      }
      options.onProgress?.(++done, net.dynamics.length, d.netuid);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 8 }, worker));
  checkAborted(options.signal);
  if (ownersToRead.size > 0) {
    try {
      // One request for every subnet's new hotkeys: one round trip more per sync, not one per subnet.
      const owners = await race(readOwners(read, owner!, [...ownersToRead.values()].flat()));
      for (const netuid of ownersToRead.keys()) fillColdkeys(subnets.get(netuid)!.metagraph, owners);
    } catch (e) {
      for (const netuid of ownersToRead.keys()) {
        subnets.delete(netuid);
        failSubnet(netuid, 'coldkeys of its new hotkeys', e);
      }
    }
  }
  if (options.isConnected && !options.isConnected()) throw droppedError();

  const { blockNumber, blockTimeMs, specVersion, network, priceSource, subnetToPrune, missing } = net;
  return {
    blockNumber,
    blockHash,
    blockTimeMs,
    specVersion,
    network,
    subnets,
    failed: failed.sort((a, b) => a.netuid - b.netuid),
    priceSource,
    subnetToPrune,
    missing,
  };
}
