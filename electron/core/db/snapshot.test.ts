import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { NetworkSync, NeuronSnapshot, SubnetSnapshot } from '../../../shared/domain';
import { openDatabase } from './open';
import { latestPoint, latestSubnets, listPoints, networkAt, neuronsAt, subnetAt } from './snapshot-read';
import { writeNetworkSync } from './snapshot-write';
import type { Database } from 'better-sqlite3';

const HOT = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const COLD = '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty';

function subnet(netuid: number, over: Partial<SubnetSnapshot> = {}): SubnetSnapshot {
  return {
    netuid,
    name: `sn${netuid}`,
    symbol: 'ش',
    ownerHotkey: HOT,
    ownerColdkey: COLD,
    tempo: 360,
    blocksSinceLastStep: 7,
    registeredAtBlock: 100,
    taoReserveRao: 12_345_678_123_456_789n,
    alphaReserveRao: 9_007_199_254_740_993n,
    alphaOutstandingRao: 1n,
    alphaPriceRao: 25_000_000n,
    movingPrice: 0.0251,
    taoInEmissionRao: 3_000_000n,
    excessTaoRao: 1_000_000n,
    alphaOutEmissionRao: 1_000_000_000n,
    alphaInEmissionRao: 100n,
    pendingAlphaEmissionRao: 5n,
    subnetVolumeRao: 340_282_366_920_938_463_463_374_607_431_768_211_455n,
    burnRao: 1_500_000_000n,
    minBurnRao: 500_000n,
    maxBurnRao: 100_000_000_000n,
    immunityPeriodBlocks: 4096,
    maxUids: 256,
    uidCount: 2,
    registrationAllowed: true,
    ownerCutEnabled: true,
    minerBurnedFraction: 0.25,
    emissionEnabled: null,
    mechanismCount: 2,
    mechanismSplitU16: [49151, 16384],
    identity: null,
    immuneOwnerUidsLimit: 2,
    minNonImmuneUids: 10,
    burnHalfLife: 360,
    burnIncreaseMult: 1.26,
    subtokenEnabled: true,
    firstEmissionBlock: 101,
    weightsVersionKey: 9_007_199_254_740_993n,
    ...over,
  };
}

function neuron(netuid: number, uid: number): NeuronSnapshot {
  return {
    netuid,
    uid,
    hotkey: uid === 0 ? HOT : `5${'C'.repeat(46)}${uid}`,
    coldkey: COLD,
    active: true,
    validatorPermit: uid === 0,
    incentivesU16: [uid * 100, 65535 - uid],
    dividendsU16: 7,
    consensusU16: 9,
    emissionRao: 9_007_199_254_740_993n,
    registeredAtBlock: 90 + uid,
    lastUpdateBlock: 1000,
    alphaStakeRao: 1n,
    taoStakeRao: 2n,
    totalStakeRao: 3n,
  };
}

function sync(blockNumber: number, netuids: number[], over: Partial<NetworkSync> = {}): NetworkSync {
  return {
    point: {
      blockNumber,
      blockHash: `0x${blockNumber.toString(16).padStart(64, '0')}`,
      blockTimeMs: 1_700_000_000_000 + blockNumber * 12_000,
      specVersion: 424,
      network: 'finney',
      endpoint: 'ws://127.0.0.1:1',
      kind: 'live',
    },
    network: {
      blockEmissionRao: 500_000_000n,
      totalIssuanceRao: 10_500_000_000_000_000n,
      subnetOwnerCutU16: 11796,
      subnetLimit: 128,
      networkImmunityPeriodBlocks: 1_296_000,
      subnetToPrune: 2,
      priceSource: 'swap-each',
      missingReads: ['SwapRuntimeApi.current_alpha_price_all'],
    },
    subnets: netuids.map((n) => ({
      subnet: subnet(n, { name: `sn${n}@${blockNumber}` }),
      neurons: [neuron(n, 0), neuron(n, 1)],
    })),
    stale: [],
    ...over,
  };
}

let db: Database;
afterEach(() => db?.close());
const fresh = async () =>
  (db = (await openDatabase(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'scout-snap-')), 'scout.db'))).db);

describe('snapshots', () => {
  it('round-trips every field, including amounts beyond 2^53 and a u128 volume', async () => {
    await fresh();
    const point = writeNetworkSync(db, sync(1000, [1, 2]), 42);
    expect(point).toMatchObject({ blockNumber: 1000, syncedAtMs: 42, kind: 'live' });
    expect(subnetAt(db, point.id, 1)).toEqual({ ...subnet(1), name: 'sn1@1000' });
    expect(neuronsAt(db, point.id, 2)).toEqual([neuron(2, 0), neuron(2, 1)]);
    // The network facts the deregistration and price-fallback figures need come back as written.
    expect(networkAt(db, point.id)).toEqual(sync(1000, [1, 2]).network);
    expect(latestSubnets(db)[0]!.network).toEqual(sync(1000, [1, 2]).network);
  });

  it('writing the same block twice adds nothing (a resumed sync does not duplicate points)', async () => {
    await fresh();
    const a = writeNetworkSync(db, sync(1000, [1]), 1);
    const b = writeNetworkSync(db, sync(1000, [1]), 2);
    expect(b.id).toBe(a.id);
    expect(listPoints(db)).toHaveLength(1);
  });

  it('a backfilled older block adds history without replacing the latest figures', async () => {
    await fresh();
    writeNetworkSync(db, sync(2000, [1]), 1);
    const old = sync(1000, [1]);
    old.point.kind = 'backfill';
    writeNetworkSync(db, old, 2);
    expect(listPoints(db).map((p) => p.blockNumber)).toEqual([1000, 2000]);
    expect(latestSubnets(db)[0]!.snapshot.name).toBe('sn1@2000');
    expect(latestPoint(db)!.blockNumber).toBe(2000);
  });

  it('a subnet that failed to sync keeps its previous snapshot and says why', async () => {
    await fresh();
    writeNetworkSync(db, sync(1000, [1, 2]), 1);
    writeNetworkSync(
      db,
      sync(2000, [1], { stale: [{ netuid: 2, reason: 'get_selective_metagraph failed: boom' }] }),
      2,
    );
    const rows = latestSubnets(db);
    expect(rows.map((r) => [r.snapshot.netuid, r.blockNumber, r.staleReason])).toEqual([
      [1, 2000, null],
      [2, 1000, 'get_selective_metagraph failed: boom'],
    ]);
  });

  it('an interrupted write leaves the previous state intact', async () => {
    await fresh();
    writeNetworkSync(db, sync(1000, [1]), 1);
    const broken = sync(2000, [1, 2]);
    broken.subnets[1]!.neurons[0]!.emissionRao = 2n ** 64n; // beyond SQLite's int64: the insert throws mid-write
    expect(() => writeNetworkSync(db, broken, 2)).toThrow();
    expect(listPoints(db).map((p) => p.blockNumber)).toEqual([1000]);
    expect(latestSubnets(db).map((r) => r.snapshot.name)).toEqual(['sn1@1000']);
  });
});
