/**
 * Properties of the storage the stand-in serves, for any seed, size and block: a dissolved subnet has left no
 * trace (NetworksAdded, per-netuid items, runtime APIs agree on which subnets exist), and the storage items
 * say what the runtime APIs say (epoch scheduler, pool reserves, tempo, neurons, owners).
 */
import fc from 'fast-check';
import type { Codec } from '@polkadot/types/types';
import { describe, expect, it } from 'vitest';
import { SyntheticNetwork } from '../../electron/core/chain/synthetic/network';
import { loadRuntime } from './registry';
import { callRuntime, Encoded } from './runtime-apis';
import { buildStorage } from './storage';
import { metadataOrWarn } from './test-helpers';

const metadataPath = metadataOrWarn('stand-in storage properties');

/** Per-netuid SubtensorModule items a dissolved subnet must not keep. */
const PER_NETUID = [
  'NetworksAdded',
  'Burn',
  'Tempo',
  'SubnetTAO',
  'SubnetAlphaIn',
  'SubnetAlphaOut',
  'SubnetworkN',
  'BlocksSinceLastStep',
  'LastMechansimStepBlock',
  'SubnetOwner',
  'SubnetOwnerHotkey',
  'NetworkRegisteredAt',
  'TokenSymbol',
  'MechanismCountCurrent',
  'SubnetMovingPrice',
  'SubnetTaoInEmission',
  'ImmunityPeriod',
  'MaxAllowedUids',
  'Kappa',
  'ActivityCutoff',
  'Emission',
];

describe.skipIf(!metadataPath)('stand-in storage', () => {
  const spec = loadRuntime(metadataPath ?? '');
  const decode = (typeId: number, hex: string | null): Codec => {
    if (hex === null) throw new Error(`no value for type ${typeId}`);
    return spec.registry.createTypeUnsafe(spec.registry.createLookupType(typeId), [Buffer.from(hex.slice(2), 'hex')]);
  };
  /** A storage value decoded with the item's declared type; null when the key is absent. */
  const read = (storage: ReturnType<typeof buildStorage>, item: string, ...args: unknown[]): Codec | null => {
    const entry = spec.storageItem('SubtensorModule', item);
    if (!entry) throw new Error(`SubtensorModule.${item} is not in the metadata`);
    const hex = storage.get(entry.key(...args));
    return hex === null ? null : decode(entry.valueType, hex);
  };
  const runtime = (state: Parameters<typeof callRuntime>[0]['state'], name: string, args: unknown[]) => {
    const method = spec.apis.get(name);
    if (!method) throw new Error(`${name} is not in the metadata`);
    const value = callRuntime({ state, spec, method }, args);
    return decode(
      method.output,
      `0x${Buffer.from(value instanceof Encoded ? value.bytes : spec.encoder.encode(method.output, value)).toString('hex')}`,
    );
  };
  const networks = fc.record({
    seed: fc.integer({ min: 1, max: 10_000 }),
    subnetCount: fc.integer({ min: 4, max: 12 }),
    block: fc.integer({ min: 8_990_000, max: 9_100_000 }),
  });

  it('a dissolved netuid is in no item and no API; every netuid NetworksAdded lists is answered by every API', () => {
    fc.assert(
      fc.property(networks, ({ seed, subnetCount, block }) => {
        const state = new SyntheticNetwork({ seed, subnetCount, maxUids: 8 }).stateAt(block);
        const storage = buildStorage(state, spec);
        const added = spec.storageItem('SubtensorModule', 'NetworksAdded');
        const listed = storage
          .keys(added?.prefix ?? '')
          .map((key) => Number.parseInt(key.slice(-4, -2), 16) + Number.parseInt(key.slice(-2), 16) * 256);
        expect(listed.sort((a, b) => a - b)).toEqual([...state.subnets.keys()].sort((a, b) => a - b));
        expect(read(storage, 'TotalNetworks')?.toString()).toBe(String(listed.length));
        for (const dead of state.deadNetuids) {
          for (const item of PER_NETUID) expect(read(storage, item, dead), `${item}(${dead})`).toBeNull();
          expect(
            (runtime(state, 'SubnetInfoRuntimeApi_get_dynamic_info', [dead]) as unknown as { isNone: boolean }).isNone,
          ).toBe(true);
        }
        const all = runtime(state, 'SubnetInfoRuntimeApi_get_all_dynamic_info', []) as unknown as Array<{
          isSome: boolean;
          unwrap(): { netuid: Codec };
        }>;
        expect(all.every((o) => o.isSome)).toBe(true);
        expect(all.map((o) => Number(o.unwrap().netuid.toString()))).toEqual(listed);
        for (const name of ['SubnetInfoRuntimeApi_get_all_metagraphs', 'SubnetInfoRuntimeApi_get_subnets_info_v2']) {
          const list = runtime(state, name, []) as unknown as Array<{ isSome: boolean }>;
          expect(list.length, name).toBe(listed.length);
          expect(
            list.every((o) => o.isSome),
            name,
          ).toBe(true);
        }
      }),
      { numRuns: 8 },
    );
  });

  it('storage items agree with the dynamic info and the metagraph', () => {
    fc.assert(
      fc.property(networks, ({ seed, subnetCount, block }) => {
        const state = new SyntheticNetwork({ seed, subnetCount, maxUids: 8 }).stateAt(block);
        const storage = buildStorage(state, spec);
        for (const [netuid, sub] of state.subnets) {
          const d = runtime(state, 'SubnetInfoRuntimeApi_get_dynamic_info', [netuid]).toJSON() as Record<
            string,
            unknown
          >;
          const m = runtime(state, 'SubnetInfoRuntimeApi_get_metagraph', [netuid]).toJSON() as Record<string, unknown>;
          const same = (item: string, expected: unknown) =>
            expect(String(read(storage, item, netuid)?.toPrimitive()), `${item}(${netuid})`).toBe(String(expected));
          same('BlocksSinceLastStep', BigInt(String(d.blocksSinceLastStep)));
          same('LastMechansimStepBlock', BigInt(String(d.lastStep)));
          same('Tempo', d.tempo);
          same('SubnetTAO', sub.dynamic.taoIn);
          same('SubnetAlphaIn', sub.dynamic.alphaIn);
          same('SubnetAlphaOut', sub.dynamic.alphaOut);
          same('SubnetworkN', m.numUids);
          same('MaxAllowedUids', m.maxUids);
          same('Kappa', m.kappa);
          same('ActivityCutoff', m.activityCutoff);
          same('SubnetOwner', d.ownerColdkey);
          same('SubnetOwnerHotkey', d.ownerHotkey);
          same('NetworkRegisteredAt', d.networkRegisteredAt);
          // The epoch scheduler adds up: the last step plus the blocks since is the current block.
          expect(sub.dynamic.lastStep + sub.dynamic.blocksSinceLastStep, `epoch(${netuid})`).toBe(BigInt(block));
          const hotkeys = m.hotkeys as string[];
          hotkeys.forEach((hotkey, uid) => {
            expect(read(storage, 'Keys', netuid, uid)?.toString()).toBe(hotkey);
            expect(read(storage, 'Uids', netuid, hotkey)?.toPrimitive()).toBe(uid);
            expect(read(storage, 'Owner', hotkey)?.toString()).toBe((m.coldkeys as string[])[uid]);
            expect(read(storage, 'BlockAtRegistration', netuid, uid)?.toString()).toBe(
              String((m.blockAtRegistration as unknown[])[uid]),
            );
            expect(read(storage, 'TotalHotkeyAlpha', hotkey, netuid)?.toString()).toBe(
              String(sub.metagraph.alphaStake[uid]),
            );
          });
          expect(read(storage, 'Keys', netuid, hotkeys.length)).toBeNull();
        }
      }),
      { numRuns: 6 },
    );
  });
});
