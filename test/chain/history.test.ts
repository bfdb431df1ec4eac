import type { ApiPromise } from '@polkadot/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandInNode, type StandInNode } from './node';
import {
  connect,
  metadataOrWarn,
  query,
  rawRequest,
  read,
  runtimeCall,
  type Int,
  type MetagraphCodec,
  type Opt,
} from './test-helpers';

const metadataPath = metadataOrWarn('stand-in node history');
const DAY = 7200;

describe.skipIf(!metadataPath)('stand-in node: block tree, history and new blocks', () => {
  let node: StandInNode;
  let api: ApiPromise;

  beforeAll(async () => {
    node = await startStandInNode({
      metadataPath: metadataPath ?? undefined,
      seed: 8,
      subnetCount: 6,
      maxUids: 16,
      headBlock: 9_000_000,
    });
    api = await connect(node.url);
  });

  afterAll(async () => {
    await api?.disconnect();
    await node?.close();
  });

  it('reads a past block through api.at(hash)', async () => {
    const past = 8_500_000;
    const hash = await api.rpc.chain.getBlockHash(past);
    expect(hash.toHex()).toBe(node.blockHash(past));
    const at = await api.at(hash);
    const truth = node.truthAt(past);
    const mg = (await runtimeCall<Opt<MetagraphCodec>>(at, 'subnetInfoRuntimeApi', 'getMetagraph', 1)).unwrap();
    expect(mg.block.toNumber()).toBe(past);
    expect(mg.hotkeys.map(String)).toEqual(truth.subnets.get(1)?.metagraph.hotkeys);
    expect((await read<Int>(at, 'timestamp', 'now')).toNumber()).toBe(truth.blockTimeMs);
    expect((await read<Int>(at, 'subtensorModule', 'burn', 1)).toBigInt()).toBe(truth.subnets.get(1)?.storage.burn);
  });

  it('answers a 30-point daily backfill, each point its own state, 24 h apart', async () => {
    const head = node.finalizedHead().number;
    const times: number[] = [];
    const prices = new Set<bigint>();
    for (let k = 0; k < 30; k++) {
      const n = head - k * DAY;
      const at = await api.at(await api.rpc.chain.getBlockHash(n));
      const [now, price] = await Promise.all([
        read<Int>(at, 'timestamp', 'now'),
        runtimeCall<Int>(at, 'swapRuntimeApi', 'currentAlphaPrice', 1),
      ]);
      expect(price.toBigInt()).toBe(node.truthAt(n).subnets.get(1)?.priceRao);
      times.push(now.toNumber());
      prices.add(price.toBigInt());
    }
    for (let k = 1; k < times.length; k++) expect((times[k - 1] ?? 0) - (times[k] ?? 0)).toBe(86_400_000);
    expect(prices.size).toBeGreaterThan(25);
  });

  it('keeps a consistent header chain and refuses blocks it never made', async () => {
    const n = node.head().number;
    const header = await api.rpc.chain.getHeader(node.blockHash(n));
    expect(header.number.toNumber()).toBe(n);
    expect(header.parentHash.toHex()).toBe(node.blockHash(n - 1));
    expect((await rawRequest(node.url, 'chain_getBlockHash', [n + 1])).result).toBeNull();
    const unknown = await rawRequest(node.url, 'state_call', [
      'SwapRuntimeApi_current_alpha_price',
      '0x0100',
      `0x${'ab'.repeat(32)}`,
    ]);
    expect(unknown.error?.code).toBe(4003);
  });

  it('produces blocks: head advances, finalized trails by 2, subscribers are told', async () => {
    const start = node.head().number;
    const newHeads: number[] = [];
    const finalized: number[] = [];
    const unsubNew = await api.rpc.chain.subscribeNewHeads((h) => {
      newHeads.push(h.number.toNumber());
    });
    const unsubFin = await api.rpc.chain.subscribeFinalizedHeads((h) => {
      finalized.push(h.number.toNumber());
    });
    const reserves: bigint[] = [];
    const onReserve = (v: unknown) => {
      reserves.push((v as Int).toBigInt());
    };
    const unsubReserve = (await query(api, 'subtensorModule', 'subnetTAO')(1, onReserve)) as unknown as () => void;
    node.produceBlocks(3);
    await expect.poll(() => newHeads.at(-1), { timeout: 5000 }).toBe(start + 3);
    await expect.poll(() => finalized.at(-1), { timeout: 5000 }).toBe(start + 1);
    await expect.poll(() => reserves.length, { timeout: 5000 }).toBeGreaterThanOrEqual(2);
    expect(reserves.at(-1)).toBe(node.truthAt(start + 3).subnets.get(1)?.dynamic.taoIn);
    expect((await api.rpc.chain.getFinalizedHead()).toHex()).toBe(node.finalizedHead().hash);
    unsubNew();
    unsubFin();
    unsubReserve();
  });

  it('produces blocks on a timer when asked to', async () => {
    const ticking = await startStandInNode({
      metadataPath: metadataPath ?? undefined,
      subnetCount: 2,
      maxUids: 8,
      blockIntervalMs: 40,
    });
    try {
      const start = ticking.head().number;
      await expect.poll(() => ticking.head().number, { timeout: 5000 }).toBeGreaterThanOrEqual(start + 3);
    } finally {
      await ticking.close();
    }
  });
});
