import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { startStandInNode, type StandInNode } from '../chain/node';
import { metadataOrWarn } from '../chain/test-helpers';
import type { SyncOutcome } from '../../shared/api-types';
import type { ScoutService } from '../../electron/core/service';
import { call, serviceFor } from './sync-helpers';

const metadata = metadataOrWarn('sync retry');

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

describe.skipIf(!metadata)('sync when the endpoint comes back', () => {
  let node: StandInNode | undefined;
  let service: ScoutService | undefined;
  afterAll(async () => {
    await service?.close();
    await node?.close();
  });

  it('retries with backoff by itself and syncs once the node answers, without being asked again', async () => {
    const port = await freePort();
    service = await serviceFor(`ws://127.0.0.1:${port}`, {
      syncTimeouts: { connectMs: 2000, callMs: 5000, retryDelaysMs: [300, 600] },
    });
    const outcomes: SyncOutcome[] = [];
    service.on((event, payload) => {
      if (event === 'sync.done') outcomes.push(payload as SyncOutcome);
    });
    const first = await call(service, 'sync.start', {});
    expect(first.ok).toBe(false);
    expect((await call(service, 'sync.status')).message).toMatch(/Retrying in/);
    node = await startStandInNode({ metadataPath: metadata!, subnetCount: 4, maxUids: 8, port });
    await expect.poll(() => outcomes.some((o) => o.ok), { timeout: 20_000, interval: 100 }).toBe(true);
    expect((await call(service, 'sync.points')).length).toBe(1);
    expect((await call(service, 'sync.status')).online).toBe(true);
  });
});
