/**
 * Reads what the app stores at one pinned block. `fetchNetwork` (the incremental refresh) reads all dynamic info,
 * all alpha prices and one batched storage query; `fetchBlock` adds one metagraph per subnet (plus one incentive
 * vector per extra mechanism), read as raw bytes and decoded by metadata-generated codecs (metagraph-fetch.ts).
 * A call that fails for one subnet marks that subnet, not the sync.
 */
import type { ApiPromise } from '@polkadot/api';
import type { StaleSubnet } from '../../../shared/domain';
import { ChainError } from './errors';
import { big, bool, list, num, option, type CodecLike } from './codec';
import { decodeDynamicInfo } from './decode';
import { subnetGraphReader } from './metagraph-fetch';
import type { RawDynamicInfo, RawNetworkStorage, RawSubnetState, RawSubnetStorage } from './raw';
import { runtimeCodecsAt } from './runtime-codecs';

type Fn = ((...args: unknown[]) => Promise<CodecLike>) & { meta?: unknown };
type Section = Record<string, Fn | undefined>;
type At = {
  call: Record<string, Section | undefined>;
  query: Record<string, Section | undefined>;
  queryMulti(calls: [Fn, ...unknown[]][] | Fn[]): Promise<CodecLike[]>;
  runtimeVersion: { specVersion: CodecLike };
};

export interface BlockProgress {
  (done: number, total: number, netuid: number | null): void;
}

/** The network-wide part of a block: enough to refresh prices, reserves and emissions without any metagraph. */
export interface FetchedNetwork {
  blockNumber: number;
  blockHash: string;
  blockTimeMs: number;
  specVersion: number;
  network: RawNetworkStorage;
  /** Live subnets (get_all_dynamic_info's Some entries), in the chain's order. */
  dynamics: RawDynamicInfo[];
  storage: Map<number, RawSubnetStorage>;
  /** Spot prices by netuid; null on runtimes without the swap price API. */
  prices: Map<number, bigint> | null;
}

export interface FetchedBlock {
  blockNumber: number;
  blockHash: string;
  blockTimeMs: number;
  specVersion: number;
  network: RawNetworkStorage;
  subnets: Map<number, RawSubnetState>;
  failed: StaleSubnet[];
}

export interface FetchOptions {
  concurrency?: number;
  signal?: AbortSignal;
  onProgress?: BlockProgress;
  /** Stops everything at once when the connection drops. */
  dropped?: Promise<never>;
  /** A failed call on a dead connection fails the block, not just its subnet. */
  isConnected?: () => boolean;
}

function checkAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new Error('cancelled');
}

const droppedError = () => new ChainError('dropped', 'The connection dropped during the sync; nothing was written and the previous data is intact.');

const racer = (options: FetchOptions) => <T>(p: Promise<T>): Promise<T> => (options.dropped ? Promise.race([p, options.dropped]) : p);

const PER_SUBNET_STORAGE = [
  'burn', 'subnetExcessTao', 'minerBurned', 'ownerCutEnabled', 'subnetEmissionEnabled', 'immunityPeriod',
  'mechanismCountCurrent', 'mechanismEmissionSplit',
] as const;

export async function fetchNetwork(api: ApiPromise, blockHash: string, options: FetchOptions = {}): Promise<FetchedNetwork> {
  const race = racer(options);
  const [header, atApi] = await race(Promise.all([api.rpc.chain.getHeader(blockHash), api.at(blockHash)]));
  const at = atApi as unknown as At;
  const subnetInfo = at.call.subnetInfoRuntimeApi;
  if (!subnetInfo?.getAllDynamicInfo) {
    throw new Error('this runtime has no SubnetInfoRuntimeApi.get_all_dynamic_info (is it a subtensor node?)');
  }
  const sm = at.query.subtensorModule ?? {};
  const [dynamicVec, prices, globals, timestamp] = await race(
    Promise.all([
      subnetInfo.getAllDynamicInfo(),
      readPrices(at),
      at.queryMulti([sm.blockEmission!, sm.totalIssuance!, sm.subnetOwnerCut!]),
      at.query.timestamp?.now ? at.query.timestamp.now() : Promise.resolve(null),
    ]),
  );
  checkAborted(options.signal);
  const dynamics = list(dynamicVec)
    .map(option)
    .filter((d): d is CodecLike => d !== null)
    .map(decodeDynamicInfo);
  const storage = await race(readSubnetStorage(at, dynamics.map((d) => d.netuid)));
  return {
    blockNumber: num(header.number as unknown as CodecLike),
    blockHash,
    blockTimeMs: timestamp ? num(timestamp) : 0,
    specVersion: num(at.runtimeVersion.specVersion),
    network: { blockEmission: big(globals[0]!), totalIssuance: big(globals[1]!), subnetOwnerCut: num(globals[2]!) },
    dynamics,
    storage,
    prices,
  };
}

export async function fetchBlock(api: ApiPromise, blockHash: string, options: FetchOptions = {}): Promise<FetchedBlock> {
  const race = racer(options);
  // The codecs (metadata fetch + build, once per runtime) load while the network part is read.
  const [net, codecs] = await race(Promise.all([fetchNetwork(api, blockHash, options), runtimeCodecsAt(api, blockHash)]));
  const readGraphs = subnetGraphReader(api, blockHash, codecs);
  const subnets = new Map<number, RawSubnetState>();
  const failed: StaleSubnet[] = [];
  let done = 0;
  options.onProgress?.(0, net.dynamics.length, null);
  const queue = [...net.dynamics];
  const worker = async () => {
    for (let d = queue.shift(); d; d = queue.shift()) {
      checkAborted(options.signal);
      const st = net.storage.get(d.netuid)!;
      try {
        const graphs = await race(readGraphs(d.netuid, st.mechanismCount));
        subnets.set(d.netuid, { dynamic: d, ...graphs, storage: st, priceRao: net.prices?.get(d.netuid) ?? null });
      } catch (e) {
        if (options.isConnected && !options.isConnected()) throw droppedError();
        failed.push({ netuid: d.netuid, reason: `Could not read SN${d.netuid}'s metagraph: ${(e as Error).message}` });
      }
      options.onProgress?.(++done, net.dynamics.length, d.netuid);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 8 }, worker));
  checkAborted(options.signal);
  if (options.isConnected && !options.isConnected()) throw droppedError();

  const { blockNumber, blockTimeMs, specVersion, network } = net;
  return { blockNumber, blockHash, blockTimeMs, specVersion, network, subnets, failed: failed.sort((a, b) => a.netuid - b.netuid) };
}

/** Exact swap prices (rao of TAO per alpha); null on runtimes without the swap price API. */
async function readPrices(at: At): Promise<Map<number, bigint> | null> {
  const swap = at.call.swapRuntimeApi;
  if (!swap?.currentAlphaPriceAll) return null;
  const all = await swap.currentAlphaPriceAll();
  return new Map(list(all).map((p) => [num(p.netuid as CodecLike), big(p.price as CodecLike)]));
}

async function readSubnetStorage(at: At, netuids: number[]): Promise<Map<number, RawSubnetStorage>> {
  const sm = at.query.subtensorModule ?? {};
  // Items this runtime does not have are read as null ("unknown"), not as their default.
  const present = PER_SUBNET_STORAGE.filter((name) => sm[name]);
  const calls = netuids.flatMap((n) => present.map((name) => [sm[name]!, n] as [Fn, number]));
  const values = calls.length ? await at.queryMulti(calls) : [];
  const result = new Map<number, RawSubnetStorage>();
  netuids.forEach((netuid, i) => {
    const v = (name: (typeof PER_SUBNET_STORAGE)[number]): CodecLike | null => {
      const k = present.indexOf(name);
      return k < 0 ? null : values[i * present.length + k]!;
    };
    const split = v('mechanismEmissionSplit');
    const splitValue = split ? option(split) : null;
    result.set(netuid, {
      burn: v('burn') ? big(v('burn')!) : 0n,
      excessTao: v('subnetExcessTao') ? big(v('subnetExcessTao')!) : null,
      minerBurnedBits: v('minerBurned') ? big(v('minerBurned')!.bits as CodecLike) : null,
      ownerCutEnabled: v('ownerCutEnabled') ? bool(v('ownerCutEnabled')!) : null,
      emissionEnabled: v('subnetEmissionEnabled') ? bool(v('subnetEmissionEnabled')!) : null,
      immunityPeriod: v('immunityPeriod') ? num(v('immunityPeriod')!) : 0,
      mechanismCount: v('mechanismCountCurrent') ? num(v('mechanismCountCurrent')!) : 1,
      mechanismSplit: splitValue ? list(splitValue).map(num) : null,
    });
  });
  return result;
}
