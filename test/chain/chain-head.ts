/**
 * The new JSON-RPC interface a current substrate node serves next to the legacy one: chainHead_v1 (follow the
 * chain, then read headers, bodies, storage and runtime calls of pinned blocks through operations whose results
 * arrive as follow events) and chainSpec_v1. polkadot-api and dedot's DedotClient use it when rpc_methods lists
 * it. Reads go through the same storage and runtime-call paths as the legacy methods, so both interfaces
 * answer the same.
 */
import { hexToU8a, u8aToHex } from '@polkadot/util';
import { blake2AsHex } from '@polkadot/util-crypto';
import type { Chain } from './chain';
import { invalidParams, normalizeHex, RpcError, type RpcMethod } from './rpc';

export const FOLLOW = 'chainHead_v1_follow';
export const UNFOLLOW = 'chainHead_v1_unfollow';
/** The spec's limit of follow subscriptions per connection. */
const MAX_FOLLOWS = 2;
/**
 * Finalized ancestors reported (and pinned) with the initialized event, as the spec allows: clients that read
 * the runtime version at a block's parent (dedot's `at`) find it pinned.
 */
const INITIAL_ANCESTORS = 4;

interface Follow {
  id: string;
  owner: object;
  withRuntime: boolean;
  /** Blocks reported to the client so far (numbers), up to the best one. */
  best: number;
  finalized: number;
  pinned: Set<string>;
  notify(result: unknown): void;
}

export interface ChainHeadDeps {
  chain: Chain;
  /** The legacy methods this interface shares its reads with. */
  methods: Record<string, RpcMethod>;
  genesisHash(): string;
  properties(): unknown;
}

/** RuntimeVersion JSON as chainHead reports it: apis as an object of hash → version. */
function runtimeSpec(runtimeVersion: Record<string, unknown>): Record<string, unknown> {
  const apis = Object.fromEntries(
    (runtimeVersion.apis as Array<[string, number]>).map(([hash, version]) => [hash, version]),
  );
  const { specName, implName, specVersion, implVersion, transactionVersion } = runtimeVersion;
  return { specName, implName, specVersion, implVersion, transactionVersion, apis };
}

export class ChainHead {
  private readonly follows = new Map<string, Follow>();
  private nextId = 1;
  private nextOperation = 1;

  constructor(private readonly deps: ChainHeadDeps) {}

  /** Method names for rpc_methods. */
  names(): string[] {
    return [
      FOLLOW,
      UNFOLLOW,
      ...Object.keys(this.requests()),
      'chainSpec_v1_chainName',
      'chainSpec_v1_genesisHash',
      'chainSpec_v1_properties',
    ];
  }

  /** chainSpec_v1: answered without a follow subscription. */
  chainSpec(): Record<string, RpcMethod> {
    return {
      chainSpec_v1_chainName: () => 'Bittensor',
      chainSpec_v1_genesisHash: () => this.deps.genesisHash(),
      chainSpec_v1_properties: () => this.deps.properties(),
    };
  }

  follow(owner: object, params: unknown[], notify: (result: unknown) => void): [string, () => void] {
    if ([...this.follows.values()].filter((f) => f.owner === owner).length >= MAX_FOLLOWS) {
      throw new RpcError(-32800, 'Maximum number of chainHead_follow has been reached');
    }
    const chain = this.deps.chain;
    const id = `scoutfollow${(this.nextId++).toString(36)}`;
    const finalized = chain.finalized();
    const follow: Follow = {
      id,
      owner,
      withRuntime: params[0] === true,
      best: finalized,
      finalized,
      pinned: new Set(),
      notify,
    };
    this.follows.set(id, follow);
    // The initial events go out after the subscription id has answered the request.
    const start = () => {
      const hashes = [];
      for (let n = Math.max(1, finalized - INITIAL_ANCESTORS); n <= finalized; n++) hashes.push(this.pin(follow, n));
      const initialized: Record<string, unknown> = { event: 'initialized', finalizedBlockHashes: hashes };
      if (follow.withRuntime)
        initialized.finalizedBlockRuntime = {
          type: 'valid',
          spec: runtimeSpec(chain.specAt(finalized).runtimeVersion),
        };
      notify(initialized);
      this.advance(follow);
    };
    return [id, start];
  }

  unfollow(id: unknown): null {
    this.follows.delete(String(id));
    return null;
  }

  closeOwner(owner: object): void {
    for (const [id, f] of this.follows) if (f.owner === owner) this.follows.delete(id);
  }

  /** Reports blocks produced since the last call to every follower. */
  onNewHeads(): void {
    for (const follow of this.follows.values()) this.advance(follow);
  }

  /** chainHead_v1_* requests that need a follow subscription. */
  requests(): Record<string, (params: unknown[], owner: object) => unknown> {
    return {
      chainHead_v1_header: ([sub, hash]) => {
        const n = this.pinnedBlock(sub, hash);
        return n === null ? null : this.encodedHeader(n);
      },
      chainHead_v1_body: ([sub, hash]) =>
        this.operation(sub, hash, (n) => {
          const block = this.deps.methods.chain_getBlock?.([this.deps.chain.blocks.hashOf(n)]) as {
            block: { extrinsics: string[] };
          } | null;
          return { event: 'operationBodyDone', value: block?.block.extrinsics ?? [] };
        }),
      chainHead_v1_call: ([sub, hash, fn, data]) =>
        this.operation(sub, hash, (n) => {
          try {
            const output = this.deps.methods.state_call?.([fn, data, this.deps.chain.blocks.hashOf(n)]);
            return { event: 'operationCallDone', output };
          } catch (e) {
            return { event: 'operationError', error: (e as Error).message };
          }
        }),
      chainHead_v1_storage: ([sub, hash, items]) => {
        if (!Array.isArray(items)) throw invalidParams('invalid type: expected a list of storage queries');
        return this.operation(
          sub,
          hash,
          (n) => ({ event: 'operationStorageItems', items: this.storageItems(n, items) }),
          true,
        );
      },
      chainHead_v1_unpin: ([sub, hashes]) => {
        const follow = this.followOf(sub);
        for (const h of Array.isArray(hashes) ? hashes : [hashes]) follow.pinned.delete(normalizeHex(h, 'block hash'));
        return null;
      },
      chainHead_v1_continue: ([sub]) => {
        this.followOf(sub);
        return null;
      },
      chainHead_v1_stopOperation: ([sub]) => {
        this.followOf(sub);
        return null;
      },
    };
  }

  private followOf(sub: unknown): Follow {
    const follow = this.follows.get(String(sub));
    if (!follow) throw new RpcError(-32602, 'Invalid params', `no follow subscription ${String(sub)}`);
    return follow;
  }

  private pin(follow: Follow, n: number): string {
    const hash = this.deps.chain.blocks.hashOf(n);
    follow.pinned.add(hash);
    return hash;
  }

  /** The number of a block the subscription has pinned, or null (the spec answers null for others). */
  private pinnedBlock(sub: unknown, hash: unknown): number | null {
    const follow = this.followOf(sub);
    const h = normalizeHex(hash, 'block hash');
    return follow.pinned.has(h) ? this.deps.chain.resolve(h) : null;
  }

  /**
   * Starts an operation on a pinned block: answers { result: 'started', operationId } and sends its events right
   * after. A block the subscription has not pinned is refused with -32801 "Invalid block hash", as substrate does.
   */
  private operation(
    sub: unknown,
    hash: unknown,
    run: (n: number) => Record<string, unknown>,
    storage = false,
  ): unknown {
    const follow = this.followOf(sub);
    const n = this.pinnedBlock(sub, hash);
    if (n === null) throw new RpcError(-32801, 'Invalid block hash');
    const operationId = String(this.nextOperation++);
    setImmediate(() => {
      if (!this.follows.has(follow.id)) return;
      let event: Record<string, unknown>;
      try {
        event = run(n);
      } catch (e) {
        event = { event: 'operationError', error: (e as Error).message };
      }
      follow.notify({ ...event, operationId });
      if (storage && event.event === 'operationStorageItems')
        follow.notify({ event: 'operationStorageDone', operationId });
    });
    return storage ? { result: 'started', operationId, discardedItems: 0 } : { result: 'started', operationId };
  }

  private storageItems(n: number, items: unknown[]): Array<Record<string, string>> {
    const storage = this.deps.chain.storageAt(n);
    const hashOfValue = (value: string) => blake2AsHex(hexToU8a(value), 256);
    const out: Array<Record<string, string>> = [];
    for (const raw of items) {
      const { key, type } = raw as { key?: unknown; type?: unknown };
      const k = normalizeHex(key, 'storage key');
      switch (type) {
        case 'value':
        case 'hash': {
          const value = storage.get(k);
          if (value !== null) out.push(type === 'value' ? { key: k, value } : { key: k, hash: hashOfValue(value) });
          break;
        }
        case 'descendantsValues':
        case 'descendantsHashes':
          // The key itself counts as its own descendant, as in the spec.
          for (const d of storage.keys(k)) {
            const value = storage.get(d) ?? '0x';
            out.push(type === 'descendantsValues' ? { key: d, value } : { key: d, hash: hashOfValue(value) });
          }
          break;
        case 'closestDescendantMerkleValue': {
          // No trie behind the map: a digest of the subtree's keys and values changes exactly when they do.
          const subtree = storage
            .keys(k)
            .map((d) => `${d}=${storage.get(d) ?? ''}`)
            .join(';');
          if (subtree !== '') out.push({ key: k, closestDescendantMerkleValue: blake2AsHex(subtree, 256) });
          break;
        }
        default:
          throw invalidParams(`unknown storage query type ${String(type)}`);
      }
    }
    return out;
  }

  private encodedHeader(n: number): string {
    return u8aToHex(this.deps.chain.blocks.encodedHeader(n));
  }

  /** newBlock for each block after the last reported one, then the best and finalized changes. */
  private advance(follow: Follow): void {
    const chain = this.deps.chain;
    const head = chain.head();
    for (let n = follow.best + 1; n <= head; n++) {
      const hash = this.pin(follow, n);
      const event: Record<string, unknown> = {
        event: 'newBlock',
        blockHash: hash,
        parentBlockHash: chain.blocks.hashOf(n - 1),
        newRuntime: null,
      };
      const spec = chain.specAt(n);
      if (follow.withRuntime && spec !== chain.specAt(n - 1))
        event.newRuntime = { type: 'valid', spec: runtimeSpec(spec.runtimeVersion) };
      follow.notify(event);
    }
    if (head > follow.best) {
      follow.best = head;
      follow.notify({ event: 'bestBlockChanged', bestBlockHash: chain.blocks.hashOf(head) });
    }
    const finalized = chain.finalized();
    if (finalized > follow.finalized) {
      const hashes = [];
      for (let n = follow.finalized + 1; n <= finalized; n++) hashes.push(chain.blocks.hashOf(n));
      follow.finalized = finalized;
      follow.notify({ event: 'finalized', finalizedBlockHashes: hashes, prunedBlockHashes: [] });
    }
  }
}
