/**
 * Clients that are not ours, unmodified, against the stand-in node: polkadot-api (its own metadata handling and
 * codecs, over the chainHead_v1 interface) and dedot, both its DedotClient (chainHead_v1) and its LegacyClient
 * (the legacy state_/chain_ methods). Each fetches metadata at V14/V15/V16, calls the runtime APIs the app uses
 * plus the neurons and registration-cost calls, and reads storage at the block the app synced; every answer
 * must equal what the app's own sync stored in its SQLite database for that block.
 */
import { metadata as metadataCodec } from '@polkadot-api/substrate-bindings';
import { $Metadata } from 'dedot/codecs';
import { DedotClient, LegacyClient, WsProvider } from 'dedot';
import { createClient, type PolkadotClient } from 'polkadot-api';
import { getWsProvider } from 'polkadot-api/ws';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeText } from '../../electron/core/chain/mapper';
import { networkAt, neuronsAt, subnetAt } from '../../electron/core/db/snapshot-read';
import type { ScoutService } from '../../electron/core/service';
import type { NeuronSnapshot, SubnetSnapshot, SyncPoint } from '../../shared/domain';
import { call, serviceFor } from '../sync/sync-helpers';
import { networkRegistrationCost } from './network-derived';
import { startStandInNode, type StandInNode } from './node';
import { metadataOrWarn } from './test-helpers';

const metadataPath = metadataOrWarn('independent clients');

/** What every client must agree on for one subnet, in plain values. */
interface SubnetFigures {
  netuid: number;
  name: string;
  symbol: string;
  ownerHotkey: string;
  ownerColdkey: string;
  tempo: number;
  blocksSinceLastStep: number;
  registeredAtBlock: number;
  taoReserveRao: bigint;
  alphaReserveRao: bigint;
  alphaOutstandingRao: bigint;
  taoInEmissionRao: bigint;
  alphaInEmissionRao: bigint;
  alphaOutEmissionRao: bigint;
  subnetVolumeRao: bigint;
  movingPrice: number;
  alphaPriceRao: bigint | null;
  burnRao: bigint;
  excessTaoRao: bigint | null;
  mechanismCount: number;
  immunityPeriodBlocks: number;
  maxUids: number;
}

type NeuronFigures = Pick<
  NeuronSnapshot,
  | 'uid'
  | 'hotkey'
  | 'coldkey'
  | 'active'
  | 'validatorPermit'
  | 'dividendsU16'
  | 'consensusU16'
  | 'emissionRao'
  | 'lastUpdateBlock'
> & { incentiveU16: number };

const text = (bytes: ArrayLike<number>) => decodeText(Uint8Array.from(Array.from(bytes, Number)));
const I96F32_ONE = 2 ** 32;

function storedSubnet(s: SubnetSnapshot): SubnetFigures {
  return {
    netuid: s.netuid,
    name: s.name,
    symbol: s.symbol,
    ownerHotkey: s.ownerHotkey,
    ownerColdkey: s.ownerColdkey,
    tempo: s.tempo,
    blocksSinceLastStep: s.blocksSinceLastStep,
    registeredAtBlock: s.registeredAtBlock,
    taoReserveRao: s.taoReserveRao,
    alphaReserveRao: s.alphaReserveRao,
    alphaOutstandingRao: s.alphaOutstandingRao,
    taoInEmissionRao: s.taoInEmissionRao,
    alphaInEmissionRao: s.alphaInEmissionRao,
    alphaOutEmissionRao: s.alphaOutEmissionRao,
    subnetVolumeRao: s.subnetVolumeRao,
    movingPrice: s.movingPrice,
    alphaPriceRao: s.alphaPriceRao,
    burnRao: s.burnRao,
    excessTaoRao: s.excessTaoRao,
    mechanismCount: s.mechanismCount,
    immunityPeriodBlocks: s.immunityPeriodBlocks,
    maxUids: s.maxUids,
  };
}

function storedNeuron(n: NeuronSnapshot): NeuronFigures {
  return {
    uid: n.uid,
    hotkey: n.hotkey,
    coldkey: n.coldkey,
    active: n.active,
    validatorPermit: n.validatorPermit,
    dividendsU16: n.dividendsU16,
    consensusU16: n.consensusU16,
    emissionRao: n.emissionRao,
    lastUpdateBlock: n.lastUpdateBlock,
    incentiveU16: n.incentivesU16[0] ?? 0,
  };
}

/** The figures one client read, by netuid, plus the network values and the metadata versions it fetched. */
interface ClientReading {
  subnets: Map<number, SubnetFigures>;
  neurons: Map<number, NeuronFigures[]>;
  network: {
    blockEmissionRao: bigint;
    totalIssuanceRao: bigint;
    subnetOwnerCutU16: number;
    subnetLimit: number;
    networkImmunityPeriodBlocks: number;
    subnetToPrune: number | null;
  };
  registrationCostRao: bigint;
  metadataVersions: number[];
  /** Version of the metadata each client chose for itself, and how many runtime APIs it saw. */
  ownMetadataVersion: number;
  runtimeApiCount: number;
}

// Both clients type their unsafe (descriptor-less) APIs loosely: `any` here is theirs, not a shortcut of ours.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

async function readWithPolkadotApi(client: PolkadotClient, at: string, netuids: number[]): Promise<ClientReading> {
  const api: Loose = client.getUnsafeApi();
  const opts = { at };
  const subnets = new Map<number, SubnetFigures>();
  const neurons = new Map<number, NeuronFigures[]>();
  const all: Loose[] = await api.apis.SubnetInfoRuntimeApi.get_all_dynamic_info(opts);
  expect(all.every((d) => d !== undefined)).toBe(true);
  for (const netuid of netuids) {
    const d: Loose = all.find((x: Loose) => x?.netuid === netuid);
    const m: Loose = await api.apis.SubnetInfoRuntimeApi.get_metagraph(netuid, opts);
    const [price, burn, excess, mechanisms, immunity] = await Promise.all([
      api.apis.SwapRuntimeApi.current_alpha_price(netuid, opts),
      api.query.SubtensorModule.Burn.getValue(netuid, opts),
      api.query.SubtensorModule.SubnetExcessTao.getValue(netuid, opts),
      api.query.SubtensorModule.MechanismCountCurrent.getValue(netuid, opts),
      api.query.SubtensorModule.ImmunityPeriod.getValue(netuid, opts),
    ]);
    subnets.set(netuid, {
      netuid: d.netuid,
      name: text(d.subnet_name),
      symbol: text(d.token_symbol),
      ownerHotkey: d.owner_hotkey,
      ownerColdkey: d.owner_coldkey,
      tempo: d.tempo,
      blocksSinceLastStep: Number(d.blocks_since_last_step),
      registeredAtBlock: Number(d.network_registered_at),
      taoReserveRao: d.tao_in,
      alphaReserveRao: d.alpha_in,
      alphaOutstandingRao: d.alpha_out,
      taoInEmissionRao: d.tao_in_emission,
      alphaInEmissionRao: d.alpha_in_emission,
      alphaOutEmissionRao: d.alpha_out_emission,
      subnetVolumeRao: d.subnet_volume,
      movingPrice: Number(d.moving_price) / I96F32_ONE,
      alphaPriceRao: price,
      burnRao: burn,
      excessTaoRao: excess,
      mechanismCount: Math.max(1, mechanisms),
      immunityPeriodBlocks: immunity,
      maxUids: m.max_uids,
    });
    const lite: Loose[] = await api.apis.NeuronInfoRuntimeApi.get_neurons_lite(netuid, opts);
    neurons.set(
      netuid,
      lite.map((n) => ({
        uid: n.uid,
        hotkey: n.hotkey,
        coldkey: n.coldkey,
        active: n.active,
        validatorPermit: n.validator_permit,
        dividendsU16: n.dividends,
        consensusU16: n.consensus,
        emissionRao: n.emission,
        lastUpdateBlock: Number(n.last_update),
        incentiveU16: n.incentive,
      })),
    );
    const one: Loose = await api.apis.NeuronInfoRuntimeApi.get_neuron(netuid, 0, opts);
    expect(one?.hotkey).toBe(lite[0]?.hotkey);
  }
  const metadataVersions: number[] = await api.apis.Metadata.metadata_versions(opts);
  for (const v of metadataVersions) {
    const opaque: Loose = await api.apis.Metadata.metadata_at_version(v, opts);
    const decoded = metadataCodec.dec(opaque instanceof Uint8Array ? opaque : opaque.asBytes());
    expect(decoded.metadata.tag).toBe(`v${v}`);
  }
  const own = metadataCodec.dec(await client.getMetadata(at as `0x${string}`));
  return {
    subnets,
    neurons,
    network: {
      blockEmissionRao: await api.query.SubtensorModule.BlockEmission.getValue(opts),
      totalIssuanceRao: await api.query.SubtensorModule.TotalIssuance.getValue(opts),
      subnetOwnerCutU16: await api.query.SubtensorModule.SubnetOwnerCut.getValue(opts),
      subnetLimit: await api.query.SubtensorModule.SubnetLimit.getValue(opts),
      networkImmunityPeriodBlocks: Number(await api.query.SubtensorModule.NetworkImmunityPeriod.getValue(opts)),
      subnetToPrune: (await api.apis.SubnetInfoRuntimeApi.get_subnet_to_prune(opts)) ?? null,
    },
    registrationCostRao: await api.apis.SubnetRegistrationRuntimeApi.get_network_registration_cost(opts),
    metadataVersions,
    ownMetadataVersion: Number(own.metadata.tag.slice(1)),
    runtimeApiCount: own.metadata.tag === 'v14' ? 0 : (own.metadata.value as { apis: unknown[] }).apis.length,
  };
}

async function readWithDedot(
  client: LegacyClient | DedotClient,
  at: string,
  netuids: number[],
): Promise<ClientReading> {
  const api: Loose = await client.at(at as `0x${string}`);
  const address = (account: Loose) => account.address(42);
  const subnets = new Map<number, SubnetFigures>();
  const neurons = new Map<number, NeuronFigures[]>();
  const all: Loose[] = await api.call.subnetInfoRuntimeApi.getAllDynamicInfo();
  expect(all.every((d) => d !== undefined)).toBe(true);
  for (const netuid of netuids) {
    const d: Loose = all.find((x: Loose) => x?.netuid === netuid);
    const m: Loose = await api.call.subnetInfoRuntimeApi.getMetagraph(netuid);
    const [price, burn, excess, mechanisms, immunity] = await Promise.all([
      api.call.swapRuntimeApi.currentAlphaPrice(netuid),
      api.query.subtensorModule.burn(netuid),
      api.query.subtensorModule.subnetExcessTao(netuid),
      api.query.subtensorModule.mechanismCountCurrent(netuid),
      api.query.subtensorModule.immunityPeriod(netuid),
    ]);
    subnets.set(netuid, {
      netuid: d.netuid,
      name: text(d.subnetName),
      symbol: text(d.tokenSymbol),
      ownerHotkey: address(d.ownerHotkey),
      ownerColdkey: address(d.ownerColdkey),
      tempo: d.tempo,
      blocksSinceLastStep: Number(d.blocksSinceLastStep),
      registeredAtBlock: Number(d.networkRegisteredAt),
      taoReserveRao: d.taoIn,
      alphaReserveRao: d.alphaIn,
      alphaOutstandingRao: d.alphaOut,
      taoInEmissionRao: d.taoInEmission,
      alphaInEmissionRao: d.alphaInEmission,
      alphaOutEmissionRao: d.alphaOutEmission,
      subnetVolumeRao: d.subnetVolume,
      movingPrice: Number(d.movingPrice.bits) / I96F32_ONE,
      alphaPriceRao: price,
      burnRao: burn,
      excessTaoRao: excess,
      mechanismCount: Math.max(1, mechanisms),
      immunityPeriodBlocks: immunity,
      maxUids: m.maxUids,
    });
    const lite: Loose[] = await api.call.neuronInfoRuntimeApi.getNeuronsLite(netuid);
    neurons.set(
      netuid,
      lite.map((n) => ({
        uid: n.uid,
        hotkey: address(n.hotkey),
        coldkey: address(n.coldkey),
        active: n.active,
        validatorPermit: n.validatorPermit,
        dividendsU16: n.dividends,
        consensusU16: n.consensus,
        emissionRao: n.emission,
        lastUpdateBlock: Number(n.lastUpdate),
        incentiveU16: n.incentive,
      })),
    );
    const one: Loose = await api.call.neuronInfoRuntimeApi.getNeuron(netuid, 0);
    expect(address(one.hotkey)).toBe(address(lite[0].hotkey));
  }
  const metadataVersions: number[] = await api.call.metadata.metadataVersions();
  for (const v of metadataVersions) {
    const opaque: Loose = await api.call.metadata.metadataAtVersion(v);
    const decoded = $Metadata.tryDecode(opaque);
    expect(decoded.metadataVersioned.type).toBe(`V${v}`);
  }
  return {
    subnets,
    neurons,
    network: {
      blockEmissionRao: await api.query.subtensorModule.blockEmission(),
      totalIssuanceRao: await api.query.subtensorModule.totalIssuance(),
      subnetOwnerCutU16: await api.query.subtensorModule.subnetOwnerCut(),
      subnetLimit: await api.query.subtensorModule.subnetLimit(),
      networkImmunityPeriodBlocks: Number(await api.query.subtensorModule.networkImmunityPeriod()),
      subnetToPrune: (await api.call.subnetInfoRuntimeApi.getSubnetToPrune()) ?? null,
    },
    registrationCostRao: await api.call.subnetRegistrationRuntimeApi.getNetworkRegistrationCost(),
    metadataVersions,
    ownMetadataVersion: Number(String(client.metadata.version).replace('V', '')),
    runtimeApiCount: client.metadata.latest.apis.length,
  };
}

describe.skipIf(!metadataPath)('independent clients against the stand-in node', () => {
  let node: StandInNode;
  let service: ScoutService;
  let point: SyncPoint;
  let netuids: number[];
  let papi: PolkadotClient;
  let dedot: LegacyClient;
  let dedotV2: DedotClient;
  const stored = () => {
    const db = service.requireWorkspace().db;
    return {
      subnets: new Map(netuids.map((n) => [n, storedSubnet(subnetAt(db, point.id, n) as SubnetSnapshot)])),
      neurons: new Map(netuids.map((n) => [n, neuronsAt(db, point.id, n).map(storedNeuron)])),
      network: networkAt(db, point.id),
    };
  };
  const expectSameAsApp = (reading: ClientReading) => {
    const app = stored();
    expect(reading.metadataVersions).toEqual([14, 15, 16]);
    for (const netuid of netuids) {
      const mine = reading.subnets.get(netuid);
      const theirs = app.subnets.get(netuid);
      // Every figure was read (an undefined on both sides would compare equal).
      expect(
        Object.entries(mine ?? {}).filter(([, v]) => v === undefined),
        `subnet ${netuid}`,
      ).toEqual([]);
      expect(Object.keys(mine ?? {}).length).toBe(22);
      expect(reading.neurons.get(netuid)?.length, `neurons ${netuid}`).toBeGreaterThan(0);
      expect({ ...mine, movingPrice: 0 }, `subnet ${netuid}`).toEqual({ ...theirs, movingPrice: 0 });
      expect(mine?.movingPrice, `moving price ${netuid}`).toBeCloseTo(theirs?.movingPrice ?? Number.NaN, 9);
      expect(reading.neurons.get(netuid), `neurons ${netuid}`).toEqual(app.neurons.get(netuid));
    }
    // The network values both read; the app also records how it read them (price source, calls the runtime lacked).
    const { missingReads, priceSource, ...appNetwork } = app.network!;
    expect(missingReads).toEqual([]);
    expect(priceSource).toBe('swap-all');
    expect(reading.network).toEqual(appNetwork);
    expect(reading.registrationCostRao).toBe(networkRegistrationCost(node.truthAt(point.blockNumber)));
  };

  beforeAll(async () => {
    node = await startStandInNode({ metadataPath: metadataPath ?? undefined, seed: 17, subnetCount: 5, maxUids: 12 });
    service = await serviceFor(node.url);
    const outcome = await call(service, 'sync.start', {});
    expect(outcome.ok).toBe(true);
    point = outcome.points[0] as SyncPoint;
    netuids = (await call(service, 'subnets.list')).rows.map((r) => r.netuid);
    papi = createClient(getWsProvider(node.url, { websocketClass: WebSocket as never }));
    dedot = await LegacyClient.new(new WsProvider(node.url));
    dedotV2 = await DedotClient.new(new WsProvider(node.url));
  });

  afterAll(async () => {
    papi?.destroy();
    await dedot?.disconnect();
    await dedotV2?.disconnect();
    await service?.close();
    await node?.close();
  });

  it('the app synced every live subnet at the finalized head', () => {
    expect(point.blockHash).toBe(node.finalizedHead().hash);
    expect(netuids).toEqual([...node.truthAt(point.blockNumber).subnets.keys()].sort((a, b) => a - b));
    expect(netuids.length).toBeGreaterThan(3);
  });

  it('polkadot-api reads the same figures the app stored', async () => {
    node.requestLog.length = 0;
    const reading = await readWithPolkadotApi(papi, point.blockHash, netuids);
    // It found chainHead_v1 in rpc_methods and read through it, as it does from a real node.
    expect(node.requestLog.some((r) => r.method === 'chainHead_v1_call')).toBe(true);
    expect(node.requestLog.some((r) => r.method === 'chainHead_v1_storage')).toBe(true);
    expect(node.requestLog.some((r) => r.method === 'state_call')).toBe(false);
    // polkadot-api picked the newest metadata itself (through Metadata_metadata_at_version) and saw its APIs.
    expect(reading.ownMetadataVersion).toBe(16);
    expect(reading.runtimeApiCount).toBeGreaterThan(20);
    expectSameAsApp(reading);
  });

  it("dedot's DedotClient (chainHead_v1) reads the same figures the app stored", async () => {
    node.requestLog.length = 0;
    const reading = await readWithDedot(dedotV2, point.blockHash, netuids);
    expect(node.requestLog.some((r) => r.method === 'chainHead_v1_call')).toBe(true);
    expect(reading.ownMetadataVersion).toBeGreaterThanOrEqual(15);
    expect(reading.runtimeApiCount).toBeGreaterThan(20);
    expectSameAsApp(reading);
  });

  it("dedot's LegacyClient (state_ and chain_ methods) reads the same figures the app stored", async () => {
    const reading = await readWithDedot(dedot, point.blockHash, netuids);
    expect(reading.ownMetadataVersion).toBeGreaterThanOrEqual(15);
    expect(reading.runtimeApiCount).toBeGreaterThan(20);
    expectSameAsApp(reading);
  });
});
