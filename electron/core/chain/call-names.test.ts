/**
 * Failed node requests name the request a user could look up: the labels themselves, the connection's own per-call
 * timeout (exact, where @polkadot/api's checks only every 5 s and names nothing), and the block reader's names for
 * runtime calls and storage, against the stand-in node.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startStandInNode, type StandInNode } from '../../../test/chain/node';
import { metadataOrWarn } from '../../../test/chain/test-helpers';
import {
  blockLabel,
  describeArgs,
  describeStorage,
  formatWait,
  named,
  nodeRefusal,
  rpcCallName,
  undecodable,
} from './call-names';
import { connect, type Connection } from './connect';
import { ChainCallError } from './errors';
import { INCENTIVES_INDEX, METAGRAPH_INDEXES } from './metagraph-decode';
import { blockReader } from './raw-rpc';
import { runtimeCodecsAt, type RuntimeCodecs } from './runtime-codecs';

describe('request names', () => {
  it('names JSON-RPC requests by method, with scalar parameters only', () => {
    expect(rpcCallName('state_call', ['SubnetInfoRuntimeApi_get_all_dynamic_info', '0x', '0xabc'])).toBe(
      'state_call SubnetInfoRuntimeApi_get_all_dynamic_info',
    );
    expect(rpcCallName('chain_getBlockHash', [8992800])).toBe('chain_getBlockHash(8992800)');
    expect(rpcCallName('chain_getHeader', [`0x${'12'.repeat(32)}`])).toBe('chain_getHeader');
    expect(rpcCallName('chain_getFinalizedHead', [])).toBe('chain_getFinalizedHead');
  });

  it('names runtime API arguments by their metadata names, leaving lists out', () => {
    expect(describeArgs(['netuid', 'metagraph_indexes'], [7, [0, 1, 2]])).toBe('(netuid 7)');
    expect(describeArgs(['netuid', 'subid', 'metagraph_indexes'], [7, 1, [62]])).toBe('(netuid 7, subid 1)');
    expect(describeArgs([], [])).toBe('');
  });

  it('names storage reads: one key in full, many by pallet and item', () => {
    expect(describeStorage([{ name: 'SubtensorModule.Burn', args: [7] }])).toBe('SubtensorModule.Burn(7)');
    const items = ['Burn', 'SubnetExcessTao', 'MinerBurned', 'OwnerCutEnabled', 'ImmunityPeriod'].flatMap((item) =>
      [1, 2].map((n) => ({ name: `SubtensorModule.${item}`, args: [n] })),
    );
    expect(describeStorage([...items, { name: 'Timestamp.Now', args: [] }])).toBe(
      'SubtensorModule.{Burn, SubnetExcessTao, MinerBurned, +2 more}, Timestamp.Now (11 keys)',
    );
  });

  it('says waits and blocks in words', () => {
    expect([formatWait(2000), formatWait(1500), formatWait(60_000)]).toEqual(['2 s', '1500 ms', '60 s']);
    expect(blockLabel({ hash: `0x${'ab'.repeat(32)}`, number: 4_523_123 })).toBe('block #4,523,123');
    expect(blockLabel({ hash: `0x${'ab'.repeat(32)}` })).toBe('block 0xababababab…');
  });

  it('renames a bare timeout once, with the call and block its caller knows', async () => {
    const bare = new ChainCallError('timeout', 'state_call SubnetInfoRuntimeApi_get_dynamic_info', null, '2 s');
    const at = { hash: '0x12', number: 123 };
    const once = named(at, 'state_call SubnetInfoRuntimeApi_get_dynamic_info(netuid 7)', () => Promise.reject(bare));
    await expect(once).rejects.toThrow(
      /^state_call SubnetInfoRuntimeApi_get_dynamic_info\(netuid 7\) at block #123 timed out after 2 s$/,
    );
    const inner = await once.catch((e: ChainCallError) => e);
    await expect(named(at, 'something vaguer', () => Promise.reject(inner))).rejects.toBe(inner);
    const other = new Error('4003: Execution failed');
    await expect(named(at, 'x', () => Promise.reject(other))).rejects.toBe(other);
  });

  it("turns the node's JSON-RPC error into a refusal named by the request, keeping the node's words, and only that", async () => {
    // As @polkadot/api raises it: `<code>: <message>`, with the code beside it.
    const rpcError = Object.assign(
      new Error('4003: Client error: Execution failed: Other: Exported method X_y is not found'),
      { code: 4003 },
    );
    const bare = nodeRefusal('state_call', ['SubnetInfoRuntimeApi_get_dynamic_info', '0x0700', '0xabc'], rpcError)!;
    expect(bare.message).toBe(
      'the node refused state_call SubnetInfoRuntimeApi_get_dynamic_info with error 4003: Client error: Execution failed: Other: Exported method X_y is not found',
    );
    expect([bare.problem, bare.kind]).toEqual(['rejected', 'unsupported-runtime']);
    const at = { hash: '0x12', number: 123 };
    await expect(
      named(at, 'state_call SubnetInfoRuntimeApi_get_dynamic_info(netuid 7)', () => Promise.reject(bare)),
    ).rejects.toThrow(
      /^the node refused state_call SubnetInfoRuntimeApi_get_dynamic_info\(netuid 7\) at block #123 with error 4003: Client error: /,
    );
    expect(nodeRefusal('system_chain', [], new Error('disconnected from ws://x: 1006:: Abnormal Closure'))).toBeNull();
    expect(
      nodeRefusal('system_chain', [], Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })),
    ).toBeNull();
    expect(nodeRefusal('system_chain', [], new ChainCallError('timeout', 'system_chain', null, '2 s'))).toBeNull();
  });

  it('says what did not decode, in words for bytes that end early', () => {
    const e = undecodable(
      'state_call X(netuid 3)',
      { hash: '0x1', number: 5 },
      'could not be decoded as Option<Y>',
      new RangeError('Offset is outside the bounds of the DataView'),
    );
    expect(e.message).toBe(
      "the node's answer to state_call X(netuid 3) at block #5 could not be decoded as Option<Y> (the bytes end before the value does)",
    );
    expect(e.kind).toBe('unsupported-runtime');
  });
});

const metadata = metadataOrWarn('request names against the stand-in node');

describe.skipIf(!metadata)('request names against the stand-in node', () => {
  let node: StandInNode;
  let conn: Connection;
  let codecs: RuntimeCodecs;
  let at: { hash: string; number: number };
  // The node runs in this process: a call timeout shorter than a busy moment of this thread would fire by itself.
  const CALL_MS = 1500;

  beforeAll(async () => {
    node = await startStandInNode({ metadataPath: metadata!, subnetCount: 3, maxUids: 8, seed: 9 });
    conn = await connect(node.url, { callTimeoutMs: CALL_MS });
    at = { hash: node.finalizedHead().hash, number: node.finalizedHead().number };
    codecs = await runtimeCodecsAt(conn.client, at);
  });
  afterEach(() => node.faults.reset());
  afterAll(async () => {
    await conn?.close();
    await node?.close();
  });

  it('times out any request after exactly the call timeout, naming its JSON-RPC method', async () => {
    node.faults.methodDelayMs = { system_chain: 5000 };
    const started = performance.now();
    const failure = await conn.client.request('system_chain', []).then(
      () => null,
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(ChainCallError);
    expect((failure as ChainCallError).message).toBe('system_chain timed out after 1500 ms');
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('knows each runtime call and storage item by name, with the declared types', () => {
    const selective = codecs.call('SubnetInfoRuntimeApi', 'get_selective_metagraph')!;
    expect(selective.outputType).toBe('Option<SelectiveMetagraph>');
    expect(selective.describeArgs([7, METAGRAPH_INDEXES])).toBe('(netuid 7)');
    expect(codecs.call('SubnetInfoRuntimeApi', 'get_all_dynamic_info')!.outputType).toBe('Vec<Option<DynamicInfo>>');
    const burn = codecs.storage('SubtensorModule', 'Burn')!;
    expect([burn.name, burn.valueType]).toEqual(['SubtensorModule.Burn', 'u64']);
  });

  it('a slow runtime call fails naming the method, its netuid and the block', async () => {
    node.faults.slowCalls = [{ method: 'SubnetInfoRuntimeApi_get_selective_metagraph', netuid: 2, delayMs: 3000 }];
    const read = blockReader(conn.client, at);
    const selective = codecs.call('SubnetInfoRuntimeApi', 'get_selective_metagraph')!;
    await expect(read.call(selective, [1, METAGRAPH_INDEXES])).resolves.toBeDefined();
    await expect(read.call(selective, [2, METAGRAPH_INDEXES])).rejects.toThrow(
      `state_call SubnetInfoRuntimeApi_get_selective_metagraph(netuid 2) at block #${at.number.toLocaleString('en-US')} timed out after 1500 ms`,
    );
  });

  it("a runtime call the node refuses fails naming the method, its netuid and the block, with the node's error", async () => {
    const trap =
      'Client error: Execution failed: Execution aborted due to trap: wasm trap: wasm `unreachable` instruction executed';
    node.faults.failRuntimeCall = [
      { method: 'SubnetInfoRuntimeApi_get_selective_metagraph', netuid: 3, code: -32000, message: trap },
    ];
    const read = blockReader(conn.client, at);
    const selective = codecs.call('SubnetInfoRuntimeApi', 'get_selective_metagraph')!;
    const incentives = [INCENTIVES_INDEX];
    await expect(read.call(selective, [1, incentives])).resolves.toBeDefined();
    const failure = await read.call(selective, [3, incentives]).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ChainCallError);
    expect((failure as ChainCallError).message).toBe(
      `the node refused state_call SubnetInfoRuntimeApi_get_selective_metagraph(netuid 3) at block #${at.number.toLocaleString('en-US')} ` +
        `with error -32000: ${trap}`,
    );
  });

  it('any other request the node refuses is named by its JSON-RPC method', async () => {
    const failure = await conn.client
      .request('state_getStorage', ['0x00', `0x${'ee'.repeat(32)}`])
      .catch((e: unknown) => e);
    expect((failure as Error).message).toMatch(
      /^the node refused state_getStorage with error 4003: Client error: UnknownBlock: State already discarded for 0xeeee/,
    );
  });

  it('a slow storage read fails naming the items', async () => {
    node.faults.methodDelayMs = { state_queryStorageAt: 3000 };
    const burn = codecs.storage('SubtensorModule', 'Burn')!;
    await expect(blockReader(conn.client, at).storage([[burn, 1]])).rejects.toThrow(
      /^state_queryStorageAt for SubtensorModule\.Burn\(1\) at block #[\d,]+ timed out after 1500 ms$/,
    );
  });

  it('garbage bytes, or a value not in the form the app reads, fail naming the call and the type', async () => {
    const read = blockReader(conn.client, at);
    const selective = codecs.call('SubnetInfoRuntimeApi', 'get_selective_metagraph')!;
    node.faults.garbageRuntimeCall = [{ method: 'SubnetInfoRuntimeApi_get_selective_metagraph', netuid: 3 }];
    await expect(read.call(selective, [3, METAGRAPH_INDEXES])).rejects.toThrow(
      /^the node's answer to state_call SubnetInfoRuntimeApi_get_selective_metagraph\(netuid 3\) at block #[\d,]+ could not be decoded as Option<SelectiveMetagraph> \(.+\)$/,
    );
    const wrongShape = () => {
      throw new Error('chain field hotkeys has an unexpected value (number)');
    };
    await expect(read.call(selective, [1, METAGRAPH_INDEXES], wrongShape)).rejects.toThrow(
      /^the node's answer to state_call SubnetInfoRuntimeApi_get_selective_metagraph\(netuid 1\) at block #[\d,]+ decoded as Option<SelectiveMetagraph> but not in the form the app reads \(chain field hotkeys has an unexpected value \(number\)\)$/,
    );
  });
});
