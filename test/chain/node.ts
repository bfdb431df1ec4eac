/**
 * The stand-in subtensor node: a real WebSocket JSON-RPC server on 127.0.0.1 that an unmodified
 * `ApiPromise.create({ provider: new WsProvider(url) })` accepts as Finney. It serves the real runtime metadata
 * and a seeded synthetic network (electron/core/chain/synthetic) encoded with that metadata's own types. Used by
 * chain integration tests, the browser suite, the CLI and benchmarks.
 *
 *   const node = await startStandInNode({ subnetCount: 4, maxUids: 16 });
 *   const api = await ApiPromise.create({ provider: new WsProvider(node.url), noInitWarn: true });
 *   node.truthAt(node.finalizedHead().number)   // what the chain holds at the block a sync pins
 */
import type { RawNetworkState } from '../../electron/core/chain/raw';
import { DEFAULT_HEAD_BLOCK } from '../../electron/core/chain/synthetic/constants';
import { SyntheticNetwork, type NetworkOptions } from '../../electron/core/chain/synthetic/network';
import { Chain } from './chain';
import { Faults } from './faults';
import { findMetadata } from './metadata';
import { loadRuntime, type RuntimeSpec } from './registry';
import { customRpcMethods } from './custom-rpc';
import { blockResolver, rpcMethods } from './rpc';
import { RpcServer, type RequestLogEntry } from './server';

export { findMetadata, PREVIOUS_METADATA_FILE } from './metadata';
export type { FaultRule, SlowRule } from './faults';
export type { RequestLogEntry } from './server';

export interface StandInNodeOptions {
  /** Runtime metadata file; default: findMetadata() (SCOUT_METADATA or ../shared/chain/bittensor.scale). */
  metadataPath?: string;
  seed?: number | string;
  /** Subnets besides root. Default 128. */
  subnetCount?: number;
  /** UIDs per regular subnet. Default 256. */
  maxUids?: number;
  /** The mining team's own hotkeys on given UIDs (SyntheticNetwork's teamHotkeys). */
  teamHotkeys?: NetworkOptions['teamHotkeys'];
  /** Best block at start; every earlier block is served as history. Default 9,000,000. */
  headBlock?: number;
  /** Produce one block every this many ms (0 or absent: only on produceBlocks). */
  blockIntervalMs?: number;
  /** The finalized head trails the best head by this many blocks. Default 2, as on Finney. */
  finalityLag?: number;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Runtime upgrade: from block `atBlock` on, serve this metadata (version, types, APIs). */
  upgrade?: { atBlock: number; metadataPath: string };
}

export interface BlockRef {
  number: number;
  hash: string;
}

export interface StandInNode {
  url: string;
  port: number;
  /** The generator behind the node; `network.variety` says which netuid plays which role. */
  network: SyntheticNetwork;
  head(): BlockRef;
  finalizedHead(): BlockRef;
  blockHash(blockNumber: number): string;
  /** Advances the head by n blocks (default 1) and notifies subscribers once, with the new head. */
  produceBlocks(n?: number): BlockRef;
  /** What the chain holds at a block: the generator's state the node encodes. Do not mutate it. */
  truthAt(blockNumber: number): RawNetworkState;
  /** Spec version and metadata file a block is served with. */
  runtimeAt(blockNumber: number): { specVersion: number; metadataPath: string };
  /** Schedules a runtime upgrade (see StandInNodeOptions.upgrade); subscribers hear of it when the head gets there. */
  upgradeRuntimeAt(atBlock: number, metadataPath: string): void;
  faults: Faults;
  /** Every request received, in order (the test may clear it: `requestLog.length = 0`). */
  requestLog: RequestLogEntry[];
  close(): Promise<void>;
}

export async function startStandInNode(options: StandInNodeOptions = {}): Promise<StandInNode> {
  const metadataPath = options.metadataPath ?? findMetadata();
  if (!metadataPath) {
    throw new Error(
      'stand-in node: no runtime metadata found (set SCOUT_METADATA or put shared/chain/bittensor.scale beside the repository)',
    );
  }
  const runtime = loadRuntime(metadataPath);
  const network = new SyntheticNetwork({
    seed: options.seed,
    subnetCount: options.subnetCount,
    maxUids: options.maxUids,
    teamHotkeys: options.teamHotkeys,
  });
  const chain = new Chain({
    network,
    runtime,
    headBlock: options.headBlock ?? DEFAULT_HEAD_BLOCK,
    finalityLag: options.finalityLag ?? 2,
  });
  const specs = new Map<string, RuntimeSpec>([[metadataPath, runtime]]);
  const upgradeRuntimeAt = (atBlock: number, path: string) => {
    let spec = specs.get(path);
    if (!spec) specs.set(path, (spec = loadRuntime(path)));
    chain.scheduleUpgrade(atBlock, spec);
  };
  if (options.upgrade) upgradeRuntimeAt(options.upgrade.atBlock, options.upgrade.metadataPath);

  const faults = new Faults();
  const requestLog: RequestLogEntry[] = [];
  const methods = { ...rpcMethods(chain, faults), ...customRpcMethods(chain, blockResolver(chain)) };
  const server = new RpcServer(chain, faults, methods, requestLog);
  const port = await server.listen(options.port ?? 0);
  const ref = (n: number): BlockRef => ({ number: n, hash: chain.blocks.hashOf(n) });
  const produceBlocks = (n = 1): BlockRef => {
    chain.produce(n);
    server.notifyHeads();
    return ref(chain.head());
  };
  const timer = options.blockIntervalMs ? setInterval(() => produceBlocks(1), options.blockIntervalMs) : null;

  return {
    url: `ws://127.0.0.1:${port}`,
    port,
    network,
    head: () => ref(chain.head()),
    finalizedHead: () => ref(chain.finalized()),
    blockHash: (n) => chain.blocks.hashOf(n),
    produceBlocks,
    truthAt: (n) => chain.stateAt(n),
    runtimeAt: (n) => {
      const spec = chain.specAt(n);
      return { specVersion: spec.specVersion, metadataPath: spec.path };
    },
    upgradeRuntimeAt,
    faults,
    requestLog,
    close: async () => {
      if (timer) clearInterval(timer);
      await server.close();
    },
  };
}
