/**
 * The chain as the node sees it: head and finalized block, which runtime (metadata file) each block runs, and
 * small LRU caches of per-block work (generated state, storage map, encoded responses). Every block's content
 * is a pure function of the seed and its number, so evicting a block only costs regenerating it.
 */
import type { RawNetworkState } from '../../electron/core/chain/raw';
import type { SyntheticNetwork } from '../../electron/core/chain/synthetic/network';
import { BlockTree } from './blocks';
import type { RuntimeSpec } from './registry';
import { buildStorage, type BlockStorage } from './storage';

class Lru<K, V> {
  private readonly map = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  get(key: K, create: () => V): V {
    const hit = this.map.get(key);
    if (hit !== undefined) {
      this.map.delete(key);
      this.map.set(key, hit);
      return hit;
    }
    const value = create();
    this.map.set(key, value);
    if (this.map.size > this.capacity) {
      const oldest = this.map.keys().next();
      if (!oldest.done) this.map.delete(oldest.value);
    }
    return value;
  }

  clear(): void {
    this.map.clear();
  }
}

export interface ChainOptions {
  network: SyntheticNetwork;
  runtime: RuntimeSpec;
  headBlock: number;
  /** Finalized head trails the best head by this many blocks (Finney: ~2). */
  finalityLag: number;
}

export class Chain {
  readonly network: SyntheticNetwork;
  readonly blocks: BlockTree;
  private headNumber: number;
  private readonly finalityLag: number;
  private readonly runtime: RuntimeSpec;
  private upgrade: { atBlock: number; spec: RuntimeSpec } | null = null;
  private readonly states = new Lru<number, RawNetworkState>(4);
  private readonly storages = new Lru<number, BlockStorage>(8);
  private readonly responses = new Lru<number, Map<string, string>>(6);

  constructor(options: ChainOptions) {
    this.network = options.network;
    this.runtime = options.runtime;
    this.headNumber = options.headBlock;
    this.finalityLag = options.finalityLag;
    this.blocks = new BlockTree(options.network.seed);
  }

  head(): number {
    return this.headNumber;
  }

  finalized(): number {
    return Math.max(0, this.headNumber - this.finalityLag);
  }

  produce(count: number): void {
    if (!Number.isInteger(count) || count < 0) throw new Error(`cannot produce ${count} blocks`);
    this.headNumber += count;
  }

  /** From `atBlock` on, blocks run the runtime of `spec` (its version, metadata and types). */
  scheduleUpgrade(atBlock: number, spec: RuntimeSpec): void {
    this.upgrade = { atBlock, spec };
    this.blocks.markRuntimeUpgrade(atBlock);
    this.storages.clear();
    this.responses.clear();
  }

  specAt(n: number): RuntimeSpec {
    return this.upgrade && n >= this.upgrade.atBlock ? this.upgrade.spec : this.runtime;
  }

  stateAt(n: number): RawNetworkState {
    return this.states.get(n, () => this.network.stateAt(n));
  }

  storageAt(n: number): BlockStorage {
    return this.storages.get(n, () => buildStorage(this.stateAt(n), this.specAt(n)));
  }

  /** An encoded response for block n, built once per block and request. */
  response(n: number, request: string, build: () => string): string {
    const cache = this.responses.get(n, () => new Map());
    let hex = cache.get(request);
    if (hex === undefined) {
      hex = build();
      cache.set(request, hex);
    }
    return hex;
  }

  /** Block number of an `at` parameter (a hash, or absent for the best block); null if unknown or not yet made. */
  resolve(at: unknown): number | null {
    if (at === undefined || at === null) return this.headNumber;
    if (typeof at !== 'string') return null;
    const n = this.blocks.numberOf(at);
    return n !== null && n <= this.headNumber ? n : null;
  }
}
