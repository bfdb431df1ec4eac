import type { ApiPromise } from '@polkadot/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandInNode, type StandInNode } from './node';
import {
  connect,
  metadataOrWarn,
  rawClient,
  runtimeCall,
  type DynamicInfoCodec,
  type Int,
  type Opt,
  type SelectiveCodec,
  type Vec,
} from './test-helpers';

const metadataPath = metadataOrWarn('stand-in node full network');
/** The per-UID fields a sync asks for (chain-reference.md §8). */
const SYNC_INDEXES = [7, 8, 9, 30, 31, 32, 36, 52, 53, 56, 57, 59, 60, 61, 62, 63, 66, 67, 69];
const NETUIDS = Array.from({ length: 128 }, (_, i) => i + 1);

/** SCALE args of get_selective_metagraph(netuid, SYNC_INDEXES), for raw requests. */
function selectiveArgs(netuid: number): string {
  const u16 = (n: number) => Buffer.from([n & 0xff, n >> 8]).toString('hex');
  return `0x${u16(netuid)}${(SYNC_INDEXES.length << 2).toString(16).padStart(2, '0')}${SYNC_INDEXES.map(u16).join('')}`;
}

/** Completion, not speed, is asserted; the timings are printed for the record. */
describe.skipIf(!metadataPath)('stand-in node: the full 128 × 256 network', () => {
  let node: StandInNode;
  let api: ApiPromise;
  const report: string[] = [];
  const timed = async <T>(label: string, run: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await run();
    report.push(`${label}: ${Math.round(performance.now() - started)} ms`);
    return result;
  };

  beforeAll(async () => {
    node = await timed('startStandInNode', () =>
      startStandInNode({ metadataPath: metadataPath ?? undefined, seed: 1 }),
    );
    api = await timed('ApiPromise.create', () => connect(node.url));
  });

  afterAll(async () => {
    await api?.disconnect();
    await node?.close();
    console.info(`[full network timings]\n  ${report.join('\n  ')}`);
  });

  it('serves the block fast on the server side: first serve, then from the cache', async () => {
    const client = await rawClient(node.url);
    try {
      const dynamic = await timed('server: get_all_dynamic_info (generates the block)', () =>
        client.request('state_call', ['SubnetInfoRuntimeApi_get_all_dynamic_info', '0x']),
      );
      expect(typeof dynamic.result).toBe('string');
      const selective = () =>
        Promise.all(
          NETUIDS.map((n) =>
            client.request('state_call', ['SubnetInfoRuntimeApi_get_selective_metagraph', selectiveArgs(n)]),
          ),
        );
      await timed('server: 128 parallel get_selective_metagraph (first)', selective);
      const cached = await timed('server: 128 parallel get_selective_metagraph (cached)', selective);
      expect(cached.every((r) => typeof r.result === 'string')).toBe(true);
      const all = ['SubnetInfoRuntimeApi_get_all_metagraphs', '0x'];
      const first = await timed('server: get_all_metagraphs (first: build + encode)', () =>
        client.request('state_call', all),
      );
      await timed('server: get_all_metagraphs (cached)', () => client.request('state_call', all));
      report.push(`get_all_metagraphs size: ${((String(first.result).length - 2) / 2 / 1e6).toFixed(2)} MB`);
    } finally {
      client.close();
    }
  });

  it('ApiPromise decodes get_all_dynamic_info for every live netuid, none of them None', async () => {
    const all = await timed('client: getAllDynamicInfo', () =>
      runtimeCall<Vec<Opt<DynamicInfoCodec>>>(api, 'subnetInfoRuntimeApi', 'getAllDynamicInfo'),
    );
    // A dissolved subnet is gone from NetworksAdded, so the list has no entry (not a None) for it.
    expect(all.length).toBe(129 - node.network.variety.dead.length);
    const none = Array.from({ length: all.length }, (_, i) => all[i]).filter((o) => o?.isNone).length;
    expect(none).toBe(0);
  });

  it('ApiPromise decodes 128 parallel selective metagraphs equal to the generator', async () => {
    const results = await timed('client: 128 parallel getSelectiveMetagraph', () =>
      Promise.all(
        NETUIDS.map((n) =>
          runtimeCall<Opt<SelectiveCodec>>(api, 'subnetInfoRuntimeApi', 'getSelectiveMetagraph', n, SYNC_INDEXES),
        ),
      ),
    );
    const truth = node.truthAt(node.head().number);
    const live = results.filter((o) => o.isSome).map((o) => o.unwrap());
    expect(live.length).toBe(truth.subnets.size - 1);
    for (const sel of live.slice(0, 10)) {
      const t = truth.subnets.get(sel.netuid.toNumber())?.metagraph;
      expect(sel.hotkeys.unwrap().map(String)).toEqual(t?.hotkeys);
      expect(sel.incentives.unwrap().map((x: Int) => x.toNumber())).toEqual(t?.incentives);
    }
  });

  it('ApiPromise decodes get_all_metagraphs', async () => {
    const decoded = await timed('client: getAllMetagraphs (decode dominates)', () =>
      runtimeCall<Vec<Opt<unknown>>>(api, 'subnetInfoRuntimeApi', 'getAllMetagraphs'),
    );
    expect(decoded.length).toBe(129 - node.network.variety.dead.length);
  });
});
