/**
 * The fast read path (raw state_call / storage + codecs generated from the node's metadata) against @polkadot/types,
 * the decoder it replaced, and against the network the stand-in node serves: field by field, for every subnet, under
 * the current metadata and the spec-393 one whose types differ. The @polkadot/types side is the old metagraph
 * decoder, kept here as the oracle.
 */
import type { ApiPromise } from '@polkadot/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandInNode, type StandInNode } from '../../../test/chain/node';
import { connect as connectPolkadot, metadataOrWarn } from '../../../test/chain/test-helpers';
import { connect, type Connection } from './connect';
import { INCENTIVES_INDEX, METAGRAPH_INDEXES } from './metagraph-decode';
import { subnetGraphReader } from './metagraph-fetch';
import { fetchNetwork } from './network-fetch';
import type { RawMetagraph } from './raw';
import { blockReader, type BlockReader } from './raw-rpc';
import { runtimeCodecsAt, type RuntimeCodecs } from './runtime-codecs';

const current = metadataOrWarn('fast read path');
const previous = metadataOrWarn('fast read path (spec 393)', 'bittensor-393.scale');

/** The part of @polkadot/types' codec classes the oracle reads. */
interface CodecLike {
  toBigInt?(): bigint;
  toNumber?(): number;
  isTrue?: boolean;
  isSome?: boolean;
  unwrap?(): CodecLike;
  [field: string]: unknown;
}
const field = (c: CodecLike, name: string) => c[name] as CodecLike;
const big = (c: CodecLike) => c.toBigInt!();
const num = (c: CodecLike) => c.toNumber!();
const bool = (c: CodecLike) => c.isTrue === true;
const list = (c: CodecLike) => Array.from(c as unknown as Iterable<CodecLike>);
const option = (c: CodecLike) => (c.isSome ? c.unwrap!() : null);
const bytesOfCompacts = (c: CodecLike) => Uint8Array.from(list(c).map(num));

type Call = (...args: unknown[]) => Promise<CodecLike>;

async function polkadotCall(
  api: ApiPromise,
  hash: string,
  method: string,
  ...args: unknown[]
): Promise<CodecLike | null> {
  const at = (await api.at(hash)) as unknown as { call: Record<string, Record<string, Call>> };
  return option(await at.call.subnetInfoRuntimeApi![method]!(...args));
}

async function polkadotAll(api: ApiPromise, hash: string): Promise<CodecLike | null> {
  const at = (await api.at(hash)) as unknown as { call: Record<string, Record<string, Call>> };
  return at.call.subnetInfoRuntimeApi!.getAllDynamicInfo!();
}

/** The @polkadot/types decoder the fast path replaced (selective fields are Options, full ones are not). */
function polkadotMetagraph(mg: CodecLike): RawMetagraph {
  const get = (name: string): CodecLike => {
    const v = field(mg, name);
    return v.isSome === undefined ? v : option(v)!;
  };
  const nums = (name: string) => list(get(name)).map(num);
  const bigs = (name: string) => list(get(name)).map(big);
  return {
    netuid: num(get('netuid')),
    block: big(get('block')),
    numUids: num(get('numUids')),
    maxUids: num(get('maxUids')),
    burn: big(get('burn')),
    minBurn: big(get('minBurn')),
    maxBurn: big(get('maxBurn')),
    registrationAllowed: bool(get('registrationAllowed')),
    immunityPeriod: num(get('immunityPeriod')),
    hotkeys: list(get('hotkeys')).map(String),
    coldkeys: list(get('coldkeys')).map(String),
    active: list(get('active')).map(bool),
    validatorPermit: list(get('validatorPermit')).map(bool),
    lastUpdate: bigs('lastUpdate'),
    emission: bigs('emission'),
    dividends: nums('dividends'),
    incentives: nums('incentives'),
    consensus: nums('consensus'),
    blockAtRegistration: bigs('blockAtRegistration'),
    alphaStake: bigs('alphaStake'),
    taoStake: bigs('taoStake'),
    totalStake: bigs('totalStake'),
  };
}

/** The runtime as a node without the selective calls would describe it. */
const withoutSelective = (codecs: RuntimeCodecs): RuntimeCodecs => ({
  specVersion: codecs.specVersion,
  call: (api, method) => (method.startsWith('get_selective_') ? null : codecs.call(api, method)),
  storage: (pallet, item) => codecs.storage(pallet, item),
});

const rawStateCall = (conn: Connection) => (method: string, data: string, at: string) =>
  conn.client.request('state_call', [method, data, at]) as Promise<string>;

const runtimes = [
  { label: 'current metadata (spec 424)', path: current },
  { label: 'spec-393 metadata', path: previous },
];

describe.each(runtimes)('fast read path, $label', ({ path }) => {
  let node: StandInNode;
  let conn: Connection;
  /** The oracle's own connection: the app's sync has no @polkadot/api object. */
  let api: ApiPromise;
  let hash: string;
  let codecs: RuntimeCodecs;
  let read: BlockReader;
  let netuids: number[];

  beforeAll(async () => {
    if (!path) return;
    node = await startStandInNode({ metadataPath: path, subnetCount: 6, maxUids: 16, seed: 5 });
    conn = await connect(node.url);
    api = await connectPolkadot(node.url);
    hash = node.finalizedHead().hash;
    codecs = await runtimeCodecsAt(conn.client, hash);
    read = blockReader(conn.client, hash);
    netuids = [...node.truthAt(node.finalizedHead().number).subnets.keys()];
  });
  afterAll(async () => {
    await conn?.close();
    await api?.disconnect();
    await node?.close();
  });

  it.skipIf(!path)('decodes every subnet’s selective metagraph field by field as @polkadot/types does', async () => {
    const readGraphs = subnetGraphReader(read, codecs);
    for (const netuid of netuids) {
      const fast = (await readGraphs(netuid, 1)).metagraph;
      const slow = polkadotMetagraph(
        (await polkadotCall(api, hash, 'getSelectiveMetagraph', netuid, METAGRAPH_INDEXES))!,
      );
      for (const key of Object.keys(slow) as (keyof RawMetagraph)[])
        expect(fast[key], `SN${netuid} ${key}`).toEqual(slow[key]);
      expect(fast.hotkeys).toEqual(node.truthAt(node.finalizedHead().number).subnets.get(netuid)!.metagraph.hotkeys);
    }
  });

  it.skipIf(!path)(
    'reads each extra mechanism’s incentives as @polkadot/types does (multi-mechanism subnet)',
    async () => {
      const { netuid, count } = node.network.variety.multiMechanism[0]!;
      expect(count).toBeGreaterThan(1);
      const { extraMechanismIncentives } = await subnetGraphReader(read, codecs)(netuid, count);
      expect(extraMechanismIncentives).toHaveLength(count - 1);
      for (let m = 1; m < count; m++) {
        const slow = await polkadotCall(api, hash, 'getSelectiveMechagraph', netuid, m, [INCENTIVES_INDEX]);
        expect(extraMechanismIncentives[m - 1]).toEqual(list(option(field(slow!, 'incentives'))!).map(num));
      }
    },
  );

  it.skipIf(!path)('falls back to the full get_metagraph/get_mechagraph with the same result', async () => {
    const { netuid, count } = node.network.variety.multiMechanism[0]!;
    const fast = await subnetGraphReader(read, withoutSelective(codecs))(netuid, count);
    expect(fast.metagraph).toEqual(polkadotMetagraph((await polkadotCall(api, hash, 'getMetagraph', netuid))!));
    expect(fast).toEqual(await subnetGraphReader(read, codecs)(netuid, count));
  });

  it.skipIf(!path)('decodes multi-byte names and symbols (Vec<Compact<u8>>) to the same UTF-8 bytes', async () => {
    const call = codecs.call('SubnetInfoRuntimeApi', 'get_selective_metagraph')!;
    const utf8 = new TextDecoder();
    const multiByte = node.network.variety.multiByteNames[0]!;
    for (const netuid of netuids) {
      const hex = await rawStateCall(conn)(call.name, call.encodeArgs([netuid, [0, 1, 2]]), hash);
      const fast = call.decode(hex) as { name: number[]; symbol: number[] };
      const slow = (await polkadotCall(api, hash, 'getSelectiveMetagraph', netuid, [0, 1, 2]))!;
      expect(Uint8Array.from(fast.name)).toEqual(bytesOfCompacts(option(field(slow, 'name'))!));
      expect(Uint8Array.from(fast.symbol)).toEqual(bytesOfCompacts(option(field(slow, 'symbol'))!));
      if (netuid === multiByte) expect(utf8.decode(Uint8Array.from(fast.name))).toMatch(/\P{ASCII}/u);
    }
  });

  it.skipIf(!path)(
    'reads dynamic info, prices and storage as the node holds them; names as @polkadot/types does',
    async () => {
      const net = await fetchNetwork(conn.client, hash);
      const truth = node.truthAt(node.finalizedHead().number);
      expect(net.dynamics.map((d) => d.netuid)).toEqual(netuids.sort((a, b) => a - b));
      // Items an older runtime lacks read as null ("unknown").
      const absent = {
        SubnetExcessTao: 'excessTao',
        MinerBurned: 'minerBurnedBits',
        OwnerCutEnabled: 'ownerCutEnabled',
        SubnetEmissionEnabled: 'emissionEnabled',
        ImmuneOwnerUidsLimit: 'immuneOwnerUidsLimit',
        MinNonImmuneUids: 'minNonImmuneUids',
        BurnHalfLife: 'burnHalfLife',
        BurnIncreaseMult: 'burnIncreaseMult',
        SubtokenEnabled: 'subtokenEnabled',
        FirstEmissionBlockNumber: 'firstEmissionBlock',
        WeightsVersionKey: 'weightsVersionKey',
      } as const;
      for (const d of net.dynamics) {
        const t = truth.subnets.get(d.netuid)!;
        expect(d, `SN${d.netuid} dynamic info`).toEqual(t.dynamic);
        const storage = { ...t.storage };
        for (const [item, key] of Object.entries(absent))
          if (!codecs.storage('SubtensorModule', item)) (storage as Record<string, unknown>)[key] = null;
        expect(net.storage.get(d.netuid), `SN${d.netuid} storage`).toEqual(storage);
        expect(net.prices?.get(d.netuid)).toBe(t.priceRao);
      }
      const network = { ...truth.network };
      if (!codecs.storage('SubtensorModule', 'SubnetLimit')) network.subnetLimit = null;
      if (!codecs.storage('SubtensorModule', 'NetworkImmunityPeriod')) network.networkImmunityPeriod = null;
      expect(net.network).toEqual(network);
      expect(net.priceSource).toBe('swap-all');
      const slow = list((await polkadotAll(api, hash))!)
        .map(option)
        .filter((d): d is CodecLike => d !== null);
      for (const [i, d] of net.dynamics.entries()) {
        expect(d.subnetName).toEqual(bytesOfCompacts(field(slow[i]!, 'subnetName')));
        expect(d.tokenSymbol).toEqual(bytesOfCompacts(field(slow[i]!, 'tokenSymbol')));
        expect(d.ownerHotkey).toBe(String(field(slow[i]!, 'ownerHotkey')));
      }
      const multiByte = net.dynamics.find((d) => d.netuid === node.network.variety.multiByteNames[0])!;
      expect(new TextDecoder().decode(multiByte.subnetName)).toMatch(/\P{ASCII}/u);
    },
  );

  it.skipIf(!path)('refuses bytes that do not decode exactly: trailing bytes, garbage', async () => {
    const call = codecs.call('SubnetInfoRuntimeApi', 'get_selective_metagraph')!;
    const hex = await rawStateCall(conn)(call.name, call.encodeArgs([netuids[1], METAGRAPH_INDEXES]), hash);
    expect(() => call.decode(hex)).not.toThrow();
    expect(() => call.decode(`${hex}00`)).toThrow(/1 unexpected trailing bytes/);
    expect(() => call.decode('0xffffffffffdeadbeefdeadbeef')).toThrow();
    expect(() => call.decode(hex.slice(0, -2))).toThrow();
  });
});
