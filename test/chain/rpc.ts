/**
 * The JSON-RPC methods a substrate node answers to read clients (request/response ones; subscriptions live in
 * server.ts), with its aliases and the error codes a real node (jsonrpsee) uses: -32601 "Method not found",
 * -32602 "Invalid params" with the reason in `data`, 4003 for a runtime call that fails or a block the node
 * does not know. Hex parameters are accepted with or without `0x`, as substrate's serde accepts them.
 */
import { hexToU8a, u8aToHex } from '@polkadot/util';
import { blake2AsHex } from '@polkadot/util-crypto';
import type { Chain } from './chain';
import type { CallInfo, Faults } from './faults';
import { callRuntime, Encoded, oldestMetadata } from './runtime-apis';

export class RpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
    /** jsonrpsee's `data`: the reason behind an Invalid params. */
    readonly data?: string,
  ) {
    super(message);
  }
}

export function invalidParams(reason: string): RpcError {
  return new RpcError(-32602, 'Invalid params', reason);
}

/** `0x`-prefixed lower-case hex of a hex parameter given with or without `0x` ("" = no bytes). */
export function normalizeHex(value: unknown, what: string): string {
  if (typeof value !== 'string')
    throw invalidParams(
      `invalid type: ${value === null ? 'null' : typeof value}, expected a 0x-prefixed hex string (${what})`,
    );
  const digits = value.startsWith('0x') || value.startsWith('0X') ? value.slice(2) : value;
  if (!/^[0-9a-fA-F]*$/.test(digits)) throw invalidParams(`Invalid character in ${what}: not hex`);
  if (digits.length % 2 !== 0) throw invalidParams(`Invalid input length of ${what}: odd number of hex digits`);
  return `0x${digits.toLowerCase()}`;
}

/** A block number parameter: a number or a hex/decimal string (NumberOrHex). */
function blockNumberParam(value: unknown): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value !== '' ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 0)
    throw invalidParams(`invalid value: ${JSON.stringify(value)}, expected a block number`);
  return n;
}

export type RpcMethod = (params: unknown[]) => unknown;

const CHAIN_PROPERTIES = { ss58Format: 42, tokenDecimals: 9, tokenSymbol: 'TAO' };
/** Bytes no Vec/Option/struct decodes from: a compact length far beyond the payload, then filler. */
const GARBAGE = '0xffffffffffdeadbeefdeadbeef';

function unknownBlock(at: unknown): RpcError {
  return new RpcError(4003, `Client error: UnknownBlock: State already discarded for ${String(at)}`);
}

/** What a request is, for the request log and for matching fault rules (runtime API name and netuid). */
export function describeCall(chain: Chain, method: string, params: unknown[]): CallInfo {
  if (method !== 'state_call' || typeof params[0] !== 'string') return { method };
  const runtimeMethod = params[0];
  const n = chain.resolve(params[2]);
  const api = chain.specAt(n ?? chain.head()).apis.get(runtimeMethod);
  const netuidIndex = api?.inputs.findIndex((i) => i.name === 'netuid') ?? -1;
  if (!api || netuidIndex < 0 || typeof params[1] !== 'string') return { method, runtimeMethod };
  try {
    const args = chain.specAt(n ?? chain.head()).decodeArgs(api, hexToU8a(normalizeHex(params[1], 'call data')));
    return { method, runtimeMethod, netuid: Number(args[netuidIndex]) };
  } catch {
    return { method, runtimeMethod };
  }
}

/** Block number of an `at` parameter (absent: the best block); throws what a node answers for an unknown one. */
export function blockResolver(chain: Chain): (at: unknown) => number {
  return (at) => {
    if (at !== undefined && at !== null) normalizeHex(at, 'block hash');
    const n = chain.resolve(at);
    if (n === null) throw unknownBlock(at);
    return n;
  };
}

export function rpcMethods(chain: Chain, faults: Faults): Record<string, RpcMethod> {
  const blockAt = blockResolver(chain);
  const hashOf = (n: number) => (n === 0 && faults.genesisHash ? faults.genesisHash : chain.blocks.hashOf(n));
  const hashAt = (which: unknown) => {
    const n = which === undefined || which === null ? chain.head() : blockNumberParam(which);
    return n <= chain.head() ? hashOf(n) : null;
  };
  // ListOrValue<NumberOrHex>: a list of numbers answers a list of hashes.
  const getBlockHash = ([which]: unknown[]) => (Array.isArray(which) ? which.map(hashAt) : hashAt(which));
  const getRuntimeVersion = ([at]: unknown[]) => chain.specAt(blockAt(at)).runtimeVersion;
  const getFinalizedHead = () => hashOf(chain.finalized());

  const stateCall = ([name, rawData, at]: unknown[]) => {
    if (typeof name !== 'string') throw invalidParams('invalid type: expected a runtime API method name string');
    const data = normalizeHex(rawData, 'call data');
    const n = blockAt(at);
    const spec = chain.specAt(n);
    const method = spec.apis.get(name);
    if (!method) throw new RpcError(4003, `Execution failed: Other: Exported method ${name} is not found`);
    const call = describeCall(chain, 'state_call', [name, data, at]);
    const rejection = faults.rejectionFor(call);
    if (rejection) throw new RpcError(rejection.code, rejection.message);
    if (faults.shouldGarble(call)) return GARBAGE;
    return chain.response(n, `state_call:${name}:${data}`, () => {
      let args: unknown[];
      try {
        args = spec.decodeArgs(method, hexToU8a(data));
      } catch (e) {
        throw new RpcError(4003, `Execution failed: Codec error: ${(e as Error).message}`);
      }
      let result: unknown;
      try {
        // The state is generated on first use only: metadata calls must not pay for a whole network.
        result = callRuntime(
          {
            get state() {
              return chain.stateAt(n);
            },
            spec,
            method,
          },
          args,
        );
      } catch (e) {
        throw new RpcError(4003, `Execution failed: ${(e as Error).message}`);
      }
      return u8aToHex(result instanceof Encoded ? result.bytes : spec.encoder.encode(method.output, result));
    });
  };

  const storageValue = (key: unknown, n: number): string | null =>
    chain.storageAt(n).get(normalizeHex(key, 'storage key'));
  const keysWithPrefix = (prefix: unknown, n: number, startKey?: unknown): string[] => {
    const p = prefix === undefined || prefix === null ? '0x' : normalizeHex(prefix, 'storage key prefix');
    const start = startKey === undefined || startKey === null ? '' : normalizeHex(startKey, 'start key');
    return chain.storageAt(n).keys(p, start);
  };
  const getStorage = ([key, at]: unknown[]) => storageValue(key, blockAt(at));
  const getStorageHash = ([key, at]: unknown[]) => {
    const value = storageValue(key, blockAt(at));
    return value === null ? null : blake2AsHex(hexToU8a(value), 256);
  };
  const getStorageSize = ([key, at]: unknown[]) => {
    const value = storageValue(key, blockAt(at));
    return value === null ? null : (value.length - 2) / 2;
  };
  const getKeysPaged = ([prefix, count, startKey, at]: unknown[]) => {
    const limit = Number(count);
    // A real node refuses pages above 1000 keys (STORAGE_KEYS_PAGED_MAX_COUNT).
    if (!Number.isInteger(limit) || limit < 0)
      throw invalidParams(`invalid value: ${JSON.stringify(count)}, expected a key count`);
    if (limit > 1000) throw new RpcError(4002, `count exceeds maximum value. value: ${limit}, max: 1000`);
    return keysWithPrefix(prefix, blockAt(at), startKey).slice(0, limit);
  };
  const header = ([at]: unknown[]) => {
    if (at !== undefined && at !== null) normalizeHex(at, 'block hash');
    const n = chain.resolve(at);
    return n === null ? null : chain.blocks.header(n);
  };

  return {
    chain_getBlockHash: getBlockHash,
    chain_getHead: getBlockHash,
    chain_getHeader: header,
    chain_getFinalizedHead: getFinalizedHead,
    chain_getFinalisedHead: getFinalizedHead,
    chain_getBlock: ([at]) => {
      const n = chain.resolve(at);
      if (n === null) return null;
      const extrinsics = n === 0 ? [] : [chain.specAt(n).timestampExtrinsic(chain.stateAt(n).blockTimeMs)];
      return { block: { header: chain.blocks.header(n), extrinsics }, justifications: null };
    },
    chain_getRuntimeVersion: getRuntimeVersion,
    state_getRuntimeVersion: getRuntimeVersion,
    state_getMetadata: ([at]) => u8aToHex(oldestMetadata(chain.specAt(blockAt(at)))),
    state_call: stateCall,
    state_getStorage: getStorage,
    state_getStorageAt: getStorage,
    state_getStorageHash: getStorageHash,
    state_getStorageHashAt: getStorageHash,
    state_getStorageSize: getStorageSize,
    state_getStorageSizeAt: getStorageSize,
    state_queryStorageAt: ([keys, at]) => {
      if (!Array.isArray(keys)) throw invalidParams('invalid type: expected a list of storage keys');
      const n = blockAt(at);
      return [
        {
          block: chain.blocks.hashOf(n),
          changes: keys.map((k) => [normalizeHex(k, 'storage key'), storageValue(k, n)]),
        },
      ];
    },
    state_getKeys: ([prefix, at]) => keysWithPrefix(prefix, blockAt(at)),
    state_getKeysPaged: getKeysPaged,
    state_getKeysPagedAt: getKeysPaged,
    system_chain: () => 'Bittensor',
    system_name: () => 'Subtensor Node',
    system_version: () => '0.0.0-scout-stand-in',
    system_chainType: () => 'Live',
    system_properties: () => CHAIN_PROPERTIES,
    system_health: () => ({ peers: 8, isSyncing: false, shouldHavePeers: true }),
    system_nodeRoles: () => ['Full'],
    system_syncState: () => ({ startingBlock: 0, currentBlock: chain.head(), highestBlock: chain.head() }),
    system_localPeerId: () => '12D3KooWScoutStandInNode1111111111111111111111111111',
    system_localListenAddresses: () => [],
    // Accounts of the synthetic network never sign: every nonce is 0.
    system_accountNextIndex: ([account]) => {
      if (typeof account !== 'string') throw invalidParams('invalid type: expected an SS58 account id');
      return 0;
    },
  };
}
