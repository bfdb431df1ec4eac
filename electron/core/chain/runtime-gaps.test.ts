/**
 * Every runtime since dTAO: a block whose runtime lacks (or traps on) a price or prune call still gets prices and
 * the rest of its data, and names what it could not read (issue 16 item 8). The stand-in node answers the missing
 * call the way a node without it does: "Execution failed: … Exported method … is not found".
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startStandInNode, type StandInNode } from '../../../test/chain/node';
import { metadataOrWarn } from '../../../test/chain/test-helpers';
import { connect, type Connection } from './connect';
import { fetchNetwork } from './network-fetch';

const path = metadataOrWarn('runtime gaps');
const notFound = (method: string) => ({
  method,
  code: 4003,
  message: `Client error: Execution failed: Other: Exported method ${method} is not found`,
});

describe.skipIf(!path)('a runtime without some calls', () => {
  let node: StandInNode;
  let conn: Connection;
  // @polkadot/api keeps the answers of calls pinned to a block: each case reads its own block.
  let blocksBack = 10;
  const nextBlock = () => {
    const number = node.finalizedHead().number - blocksBack++;
    return { number, hash: node.blockHash(number) };
  };

  beforeAll(async () => {
    node = await startStandInNode({ metadataPath: path!, subnetCount: 4, maxUids: 8, seed: 11 });
    conn = await connect(node.url);
  });
  afterEach(() => node.faults.reset());
  afterAll(async () => {
    await conn?.close();
    await node?.close();
  });

  it('answers its own get_subnet_to_prune and reads every price in one call where it can', async () => {
    const block = nextBlock();
    const net = await fetchNetwork(conn.client, block.hash);
    expect(net.priceSource).toBe('swap-all');
    expect(net.missing).toEqual([]);
    expect(net.subnetToPrune).toBe(node.truthAt(block.number).subnetToPrune);
    expect(net.network.subnetLimit).toBe(128);
  });

  it('without current_alpha_price_all: one current_alpha_price per subnet, the same prices, the gap named', async () => {
    node.faults.failRuntimeCall = [notFound('SwapRuntimeApi_current_alpha_price_all')];
    const block = nextBlock();
    const net = await fetchNetwork(conn.client, block.hash);
    const truth = node.truthAt(block.number);
    expect(net.priceSource).toBe('swap-each');
    for (const d of net.dynamics)
      expect(net.prices?.get(d.netuid), `SN${d.netuid}`).toBe(truth.subnets.get(d.netuid)!.priceRao);
    expect(net.missing.join('\n')).toMatch(/^SwapRuntimeApi\.current_alpha_price_all \(.*not found/);
  });

  it('without any price call: the reserves ratio of the dynamic info, never a point of null prices', async () => {
    node.faults.failRuntimeCall = [
      notFound('SwapRuntimeApi_current_alpha_price_all'),
      notFound('SwapRuntimeApi_current_alpha_price'),
    ];
    const net = await fetchNetwork(conn.client, nextBlock().hash);
    expect(net.priceSource).toBe('reserves');
    for (const d of net.dynamics) {
      const expected = d.netuid === 0 ? 1_000_000_000n : (d.taoIn * 1_000_000_000n) / d.alphaIn;
      expect(net.prices?.get(d.netuid), `SN${d.netuid}`).toBe(expected);
    }
    expect(net.missing.some((m) => m.startsWith('SwapRuntimeApi.current_alpha_price ('))).toBe(true);
  });

  it('a trapping get_subnet_to_prune costs only that answer, named; dynamic info and storage are read', async () => {
    node.faults.failRuntimeCall = [{ method: 'SubnetInfoRuntimeApi_get_subnet_to_prune' }];
    const block = nextBlock();
    const net = await fetchNetwork(conn.client, block.hash);
    expect(net.subnetToPrune).toBeNull();
    expect(net.missing.some((m) => m.startsWith('SubnetInfoRuntimeApi.get_subnet_to_prune ('))).toBe(true);
    const live = node.truthAt(block.number).subnets.size;
    expect(net.dynamics.length).toBe(live);
    expect(net.storage.size).toBe(live);
    expect(net.priceSource).toBe('swap-all');
  });
});
