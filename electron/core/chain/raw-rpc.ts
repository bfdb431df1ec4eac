/**
 * The two node requests that read chain state: `state_call` (runtime APIs) and `state_queryStorageAt` (storage), at
 * one pinned block, answered as the node's hex and decoded by the metadata-generated codecs (runtime-codecs.ts). A request that times out or answers bytes that do not decode fails
 * with its name (runtime API method and arguments, or the storage items) and the block: see call-names.ts.
 */
import { blockAt, describeStorage, named, storageItemName, undecodable, type BlockAt } from './call-names';
import type { ChainClient } from './client';
import type { RuntimeCall, StorageItem } from './runtime-codecs';

export interface BlockReader {
  /**
   * Calls a runtime API method and decodes its answer; `as` reads the decoded value into the app's shape, inside the
   * same boundary, so a value that decodes but is not what the app reads also fails naming the call.
   */
  call<T = unknown>(call: RuntimeCall, args: unknown[], as?: (value: unknown) => T): Promise<T>;
  /** Reads storage values in one request, decoded, in the order of `items` (absent values read as the default). */
  storage(items: ReadonlyArray<readonly [StorageItem, ...unknown[]]>): Promise<unknown[]>;
}

/** `block` may be updated with its number once known (network-fetch.ts does, from the header): messages use it. */
export function blockReader(client: ChainClient, block: string | BlockAt): BlockReader {
  const at = blockAt(block);
  const stateCall = (method: string, data: string, hash: string) => client.request('state_call', [method, data, hash]);
  const queryStorageAt = (keys: string[], hash: string) => client.request('state_queryStorageAt', [keys, hash]);
  return {
    async call<T>(call: RuntimeCall, args: unknown[], as?: (value: unknown) => T): Promise<T> {
      const name = `state_call ${call.name}${call.describeArgs(args)}`;
      const hex = await named(at, name, () => stateCall(call.name, call.encodeArgs(args), at.hash));
      if (typeof hex !== 'string')
        throw undecodable(name, at, `is not hex bytes`, new Error(`a JSON ${hex === null ? 'null' : typeof hex}`));
      let value: unknown;
      try {
        value = call.decode(hex);
      } catch (e) {
        throw undecodable(name, at, `could not be decoded as ${call.outputType}`, e);
      }
      if (!as) return value as T;
      try {
        return as(value);
      } catch (e) {
        throw undecodable(name, at, `decoded as ${call.outputType} but not in the form the app reads`, e);
      }
    },
    async storage(items) {
      if (items.length === 0) return [];
      const keys = items.map(([item, ...args]) => item.key(...args));
      const name = `state_queryStorageAt for ${describeStorage(items.map(([item, ...args]) => ({ name: item.name, args })))}`;
      const sets = (await named(at, name, () => queryStorageAt(keys, at.hash))) as Array<{
        changes: Array<[string, string | null]>;
      }>;
      const values = new Map<string, string | null>();
      for (const set of sets) for (const [key, value] of set.changes) values.set(key.toLowerCase(), value);
      return items.map(([item, ...args], i) => {
        try {
          return item.decode(values.get(keys[i]!.toLowerCase()) ?? null);
        } catch (e) {
          throw undecodable(
            `storage ${storageItemName(item.name, args)} (state_queryStorageAt)`,
            at,
            `could not be decoded as ${item.valueType}`,
            e,
          );
        }
      });
    },
  };
}
