/**
 * The fast metagraph path (raw state_call + codecs generated from the node's metadata) against @polkadot/types, the
 * decoder it replaced, on the stand-in node: field by field, for every subnet, under the current metadata and the
 * spec-393 one whose types differ. The @polkadot/types side below is the old decoder, kept here as the oracle.
 */
import type { ApiPromise } from '@polkadot/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandInNode, type StandInNode } from '../../../test/chain/node';
import { metadataOrWarn } from '../../../test/chain/test-helpers';
import { big, bool, bytesOfCompacts, field, list, num, option, type CodecLike } from './codec';
import { connect, type Connection } from './connect';
import { INCENTIVES_INDEX, METAGRAPH_INDEXES } from './metagraph-decode';
import { subnetGraphReader } from './metagraph-fetch';
import type { RawMetagraph } from './raw';
import { runtimeCodecsAt, type RuntimeCodecs } from './runtime-codecs';

const current = metadataOrWarn('fast metagraph decoder');
const previous = metadataOrWarn('fast metagraph decoder (spec 393)', 'bittensor-393.scale');

type Call = (...args: unknown[]) => Promise<CodecLike>;

async function polkadotCall(api: ApiPromise, hash: string, method: string, ...args: unknown[]): Promise<CodecLike | null> {
  const at = (await api.at(hash)) as unknown as { call: Record<string, Record<string, Call>> };
  return option(await at.call.subnetInfoRuntimeApi![method]!(...args));
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
    netuid: num(get('netuid')), block: big(get('block')), numUids: num(get('numUids')), maxUids: num(get('maxUids')),
    burn: big(get('burn')), minBurn: big(get('minBurn')), maxBurn: big(get('maxBurn')),
    registrationAllowed: bool(get('registrationAllowed')), immunityPeriod: num(get('immunityPeriod')),
    hotkeys: list(get('hotkeys')).map(String), coldkeys: list(get('coldkeys')).map(String),
    active: list(get('active')).map(bool), validatorPermit: list(get('validatorPermit')).map(bool),
    lastUpdate: bigs('lastUpdate'), emission: bigs('emission'), dividends: nums('dividends'),
    incentives: nums('incentives'), consensus: nums('consensus'), blockAtRegistration: bigs('blockAtRegistration'),
    alphaStake: bigs('alphaStake'), taoStake: bigs('taoStake'), totalStake: bigs('totalStake'),
  };
}

/** The runtime as a node without the selective calls would describe it. */
const withoutSelective = (codecs: RuntimeCodecs): RuntimeCodecs => ({
  specVersion: codecs.specVersion,
  call: (api, method) => (method.startsWith('get_selective_') ? null : codecs.call(api, method)),
});

type RawCall = (method: string, data: string, at: string) => Promise<string>;
const rawStateCall = (api: ApiPromise) => (api.rpc.state.call as unknown as { raw: RawCall }).raw;

const runtimes = [
  { label: 'current metadata (spec 424)', path: current },
  { label: 'spec-393 metadata', path: previous },
];

describe.each(runtimes)('fast metagraph decoder, $label', ({ path }) => {
  let node: StandInNode;
  let conn: Connection;
  let hash: string;
  let codecs: RuntimeCodecs;
  let netuids: number[];

  beforeAll(async () => {
    if (!path) return;
    node = await startStandInNode({ metadataPath: path, subnetCount: 6, maxUids: 16, seed: 5 });
    conn = await connect(node.url);
    hash = node.finalizedHead().hash;
    codecs = await runtimeCodecsAt(conn.api, hash);
    netuids = [...node.truthAt(node.finalizedHead().number).subnets.keys()];
  });
  afterAll(async () => {
    await conn?.close();
    await node?.close();
  });

  it.skipIf(!path)('decodes every subnet’s selective metagraph field by field as @polkadot/types does', async () => {
    const read = subnetGraphReader(conn.api, hash, codecs);
    for (const netuid of netuids) {
      const fast = (await read(netuid, 1)).metagraph;
      const slow = polkadotMetagraph((await polkadotCall(conn.api, hash, 'getSelectiveMetagraph', netuid, METAGRAPH_INDEXES))!);
      for (const key of Object.keys(slow) as (keyof RawMetagraph)[]) expect(fast[key], `SN${netuid} ${key}`).toEqual(slow[key]);
      expect(fast.hotkeys).toEqual(node.truthAt(node.finalizedHead().number).subnets.get(netuid)!.metagraph.hotkeys);
    }
  });

  it.skipIf(!path)('reads each extra mechanism’s incentives as @polkadot/types does (multi-mechanism subnet)', async () => {
    const { netuid, count } = node.network.variety.multiMechanism[0]!;
    expect(count).toBeGreaterThan(1);
    const { extraMechanismIncentives } = await subnetGraphReader(conn.api, hash, codecs)(netuid, count);
    expect(extraMechanismIncentives).toHaveLength(count - 1);
    for (let m = 1; m < count; m++) {
      const slow = await polkadotCall(conn.api, hash, 'getSelectiveMechagraph', netuid, m, [INCENTIVES_INDEX]);
      expect(extraMechanismIncentives[m - 1]).toEqual(list(option(field(slow!, 'incentives'))!).map(num));
    }
  });

  it.skipIf(!path)('falls back to the full get_metagraph/get_mechagraph with the same result', async () => {
    const { netuid, count } = node.network.variety.multiMechanism[0]!;
    const fast = await subnetGraphReader(conn.api, hash, withoutSelective(codecs))(netuid, count);
    expect(fast.metagraph).toEqual(polkadotMetagraph((await polkadotCall(conn.api, hash, 'getMetagraph', netuid))!));
    expect(fast).toEqual(await subnetGraphReader(conn.api, hash, codecs)(netuid, count));
  });

  it.skipIf(!path)('decodes multi-byte names and symbols (Vec<Compact<u8>>) to the same UTF-8 bytes', async () => {
    const call = codecs.call('SubnetInfoRuntimeApi', 'get_selective_metagraph')!;
    const utf8 = new TextDecoder();
    const multiByte = node.network.variety.multiByteNames[0]!;
    for (const netuid of netuids) {
      const hex = await rawStateCall(conn.api)(call.name, call.encodeArgs([netuid, [0, 1, 2]]), hash);
      const fast = call.decode(hex) as { name: number[]; symbol: number[] };
      const slow = (await polkadotCall(conn.api, hash, 'getSelectiveMetagraph', netuid, [0, 1, 2]))!;
      expect(Uint8Array.from(fast.name)).toEqual(bytesOfCompacts(option(field(slow, 'name'))!));
      expect(Uint8Array.from(fast.symbol)).toEqual(bytesOfCompacts(option(field(slow, 'symbol'))!));
      if (netuid === multiByte) expect(utf8.decode(Uint8Array.from(fast.name))).toMatch(/[^\x00-\x7f]/);
    }
  });

  it.skipIf(!path)('refuses bytes that do not decode exactly: trailing bytes, garbage', async () => {
    const call = codecs.call('SubnetInfoRuntimeApi', 'get_selective_metagraph')!;
    const hex = await rawStateCall(conn.api)(call.name, call.encodeArgs([netuids[1], METAGRAPH_INDEXES]), hash);
    expect(() => call.decode(hex)).not.toThrow();
    expect(() => call.decode(`${hex}00`)).toThrow(/1 unexpected trailing bytes/);
    expect(() => call.decode('0xffffffffffdeadbeefdeadbeef')).toThrow();
    expect(() => call.decode(hex.slice(0, -2))).toThrow();
  });
});
