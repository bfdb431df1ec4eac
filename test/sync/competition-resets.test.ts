/**
 * The watchlist's competition-reset alerts end to end (issue 17 item 9): the stand-in node (real WebSocket, the real
 * Finney metadata) runs the owner calls of owner-calls.ts; the app syncs either side of them into a real SQLite file
 * and names each event on exactly the subnet it happened to.
 */
import { xxhashAsHex } from '@polkadot/util-crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandInNode, type StandInNode } from '../chain/node';
import { metadataOrWarn } from '../chain/test-helpers';
import { SITUATIONS } from '../../electron/core/chain/synthetic/catalog';
import { FRESH_SUBNET_BLOCK } from '../../electron/core/chain/synthetic/constants';
import { OWNER_CALL_BLOCK } from '../../electron/core/chain/synthetic/owner-calls';
import type { ScoutService } from '../../electron/core/service';
import { DEFAULT_SCENARIO } from '../../shared/economics';
import { call, serviceFor } from './sync-helpers';

const metadata = metadataOrWarn('competition resets');
/** 40 subnets hold every situation (39 is the fresh one, 40 is dead); 8 UIDs keep the syncs quick. */
const SUBNETS = 40;
/** Storage keys of SubtensorModule.WeightsVersionKey start with twox128(pallet) ++ twox128(item). */
const WEIGHTS_VERSION_PREFIX = xxhashAsHex('SubtensorModule', 128) + xxhashAsHex('WeightsVersionKey', 128).slice(2);

describe.skipIf(!metadata)('competition resets between syncs of the stand-in node', () => {
  let node: StandInNode;
  let service: ScoutService;
  let listId: number;

  /** Syncs the head once it is at `block`; then each watched subnet's alerts, only where there are some. */
  const syncAt = async (block: number) => {
    node.produceBlocks(block - node.finalizedHead().number);
    const outcome = await call(service, 'sync.start', {});
    expect(outcome.error).toBeNull();
    expect(outcome.points[0]!.blockNumber).toBe(block);
  };
  const alerts = async () => {
    const rows = await call(service, 'watchlists.changes', { id: listId, scenario: DEFAULT_SCENARIO });
    return Object.fromEntries(
      rows.filter((r) => r.competitionResets.length > 0).map((r) => [r.netuid, r.competitionResets]),
    );
  };

  beforeAll(async () => {
    node = await startStandInNode({
      metadataPath: metadata!,
      subnetCount: SUBNETS,
      maxUids: 8,
      seed: 'resets',
      headBlock: FRESH_SUBNET_BLOCK - 200,
    });
    service = await serviceFor(node.url);
    await syncAt(FRESH_SUBNET_BLOCK - 100);
    listId = (await call(service, 'watchlists.create', { name: 'Every subnet' })).id;
    for (let netuid = 1; netuid <= SUBNETS; netuid++)
      await call(service, 'watchlists.addSubnet', { id: listId, netuid });
  });
  afterAll(async () => {
    await service?.close();
    await node?.close();
  });

  it('names the subnet registered since the previous sync, and nothing else', async () => {
    await syncAt(FRESH_SUBNET_BLOCK + 100);
    expect(await alerts()).toEqual({ [node.network.variety.fresh[0]!]: ['new subnet since the previous sync'] });
  });

  it('names each owner call on its own subnet: new scoring code, a mechanism, the burn, registration', async () => {
    node.requestLog.length = 0;
    // An epoch after the calls (the slowest tempo is 720): MinerBurned is an epoch's figure.
    await syncAt(OWNER_CALL_BLOCK + 800);
    // Every subnet's weights version comes in the sync's one batched storage query, not a request per subnet.
    const reads = node.requestLog.filter((r) => JSON.stringify(r.params).includes(WEIGHTS_VERSION_PREFIX));
    expect(reads).toHaveLength(1);
    expect(JSON.stringify(reads[0]!.params).split(WEIGHTS_VERSION_PREFIX).length - 1).toBe(
      node.truthAt(OWNER_CALL_BLOCK + 800).subnets.size,
    );
    const truth = (block: number) =>
      node.truthAt(block).subnets.get(SITUATIONS.weightsVersionBump)!.storage.weightsVersionKey;
    const [before, after] = [truth(FRESH_SUBNET_BLOCK + 100), truth(OWNER_CALL_BLOCK + 800)];
    const found = await alerts();
    expect(found).toEqual({
      [SITUATIONS.weightsVersionBump]: [`scoring code changed: weights version ${before} → ${after}`],
      [SITUATIONS.mechanismAdded]: ['a mechanism was added (1 → 2)'],
      [SITUATIONS.registrationOpened]: ['registration opened'],
      [SITUATIONS.minerBurnDropped]: [expect.stringMatching(/^the miner burn dropped \(\d+% → 0%\)$/)],
    });
    expect(after).toBe(before! + 1n);
  });

  it('says nothing more at the next sync: each event is told once', async () => {
    await syncAt(OWNER_CALL_BLOCK + 1_100);
    expect(await alerts()).toEqual({});
  });
});
