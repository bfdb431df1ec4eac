/**
 * The JSON-RPC methods a substrate node answers (request/response ones; subscriptions live in server.ts), with
 * the error codes a real node uses: -32601 for an unknown method, 4003 for a runtime call that fails or a block
 * the node does not know.
 */
import { hexToU8a, isHex, u8aToHex } from '@polkadot/util';
import type { Chain } from './chain';
import type { CallInfo, Faults } from './faults';
import { callRuntime, Encoded } from './runtime-apis';

export class RpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
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
    const args = chain.specAt(n ?? chain.head()).decodeArgs(api, hexToU8a(params[1]));
    return { method, runtimeMethod, netuid: Number(args[netuidIndex]) };
  } catch {
    return { method, runtimeMethod };
  }
}

export function rpcMethods(chain: Chain, faults: Faults): Record<string, RpcMethod> {
  const blockAt = (at: unknown): number => {
    const n = chain.resolve(at);
    if (n === null) throw unknownBlock(at);
    return n;
  };
  const hashOf = (n: number) => (n === 0 && faults.genesisHash ? faults.genesisHash : chain.blocks.hashOf(n));
  const getHeader = ([at]: unknown[]) => {
    const n = chain.resolve(at);
    return n === null ? null : chain.blocks.header(n);
  };
  const getBlockHash = ([which]: unknown[]) => {
    const n = which === undefined || which === null ? chain.head() : Number(which); // number or 0x-hex string
    return Number.isInteger(n) && n >= 0 && n <= chain.head() ? hashOf(n) : null;
  };
  const getRuntimeVersion = ([at]: unknown[]) => chain.specAt(blockAt(at)).runtimeVersion;
  const getFinalizedHead = () => hashOf(chain.finalized());

  const stateCall = ([name, data, at]: unknown[]) => {
    if (typeof name !== 'string' || typeof data !== 'string' || !isHex(data)) throw new RpcError(-32602, 'Invalid params');
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
        result = callRuntime({ get state() { return chain.stateAt(n); }, spec, method }, args);
      } catch (e) {
        throw new RpcError(4003, `Execution failed: ${(e as Error).message}`);
      }
      return u8aToHex(result instanceof Encoded ? result.bytes : spec.encoder.encode(method.output, result));
    });
  };

  const storageValue = (key: unknown, n: number): string | null =>
    typeof key === 'string' ? (chain.storageAt(n).values.get(key.toLowerCase()) ?? null) : null;
  const keysWithPrefix = (prefix: unknown, n: number, startKey?: unknown): string[] => {
    const p = typeof prefix === 'string' ? prefix.toLowerCase() : '0x';
    const start = typeof startKey === 'string' ? startKey.toLowerCase() : '';
    return chain.storageAt(n).sortedKeys.filter((k) => k.startsWith(p) && k > start);
  };

  return {
    chain_getBlockHash: getBlockHash,
    chain_getHead: getBlockHash,
    chain_getHeader: getHeader,
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
    state_getMetadata: ([at]) => u8aToHex(chain.specAt(blockAt(at)).metadataBytes),
    state_call: stateCall,
    state_getStorage: ([key, at]) => storageValue(key, blockAt(at)),
    state_queryStorageAt: ([keys, at]) => {
      const n = blockAt(at);
      const list = Array.isArray(keys) ? keys : [];
      return [{ block: chain.blocks.hashOf(n), changes: list.map((k) => [k, storageValue(k, n)]) }];
    },
    state_getKeys: ([prefix, at]) => keysWithPrefix(prefix, blockAt(at)),
    state_getKeysPaged: ([prefix, count, startKey, at]) =>
      keysWithPrefix(prefix, blockAt(at), startKey).slice(0, Math.max(0, Number(count) || 0)),
    system_chain: () => 'Bittensor',
    system_name: () => 'Subtensor Node',
    system_version: () => '0.0.0-scout-stand-in',
    system_chainType: () => 'Live',
    system_properties: () => CHAIN_PROPERTIES,
    system_health: () => ({ peers: 8, isSyncing: false, shouldHavePeers: true }),
  };
}
