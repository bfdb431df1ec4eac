/**
 * The two node requests the sync makes through @polkadot/api's connection but without its codecs: `state_call`
 * (runtime APIs) and `state_queryStorageAt` (storage), at one pinned block, answered as the node's hex. `.raw` skips
 * the @polkadot/types objects @polkadot/api would otherwise build around each answer; the metadata-generated codecs
 * (runtime-codecs.ts) decode the bytes instead.
 */
import type { ApiPromise } from '@polkadot/api';
import type { RuntimeCall, StorageItem } from './runtime-codecs';

type Raw = (...params: unknown[]) => Promise<unknown>;
/** The `.raw` form of an `api.rpc.*` method: the node's JSON result as is. */
export const raw = (method: unknown): Raw => (method as { raw: Raw }).raw;

export interface BlockReader {
  /** Calls a runtime API method and decodes its answer. */
  call(call: RuntimeCall, args: unknown[]): Promise<unknown>;
  /** Reads storage values in one request, decoded, in the order of `items` (absent values read as the default). */
  storage(items: ReadonlyArray<readonly [StorageItem, ...unknown[]]>): Promise<unknown[]>;
}

export function blockReader(api: ApiPromise, blockHash: string): BlockReader {
  const stateCall = raw(api.rpc.state.call);
  const queryStorageAt = raw(api.rpc.state.queryStorageAt);
  return {
    async call(call, args) {
      const hex = await stateCall(call.name, call.encodeArgs(args), blockHash);
      if (typeof hex !== 'string') throw new Error(`${call.name} answered with ${typeof hex}, not hex bytes`);
      return call.decode(hex);
    },
    async storage(items) {
      if (items.length === 0) return [];
      const keys = items.map(([item, ...args]) => item.key(...args));
      const sets = (await queryStorageAt(keys, blockHash)) as Array<{ changes: Array<[string, string | null]> }>;
      const values = new Map<string, string | null>();
      for (const set of sets) for (const [key, value] of set.changes) values.set(key.toLowerCase(), value);
      return items.map(([item], i) => item.decode(values.get(keys[i]!.toLowerCase()) ?? null));
    },
  };
}
