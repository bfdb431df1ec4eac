import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compactAddLength, compactToU8a, hexToU8a, u8aConcat, u8aEq, u8aToHex } from '@polkadot/util';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_HEAD_BLOCK } from '../../electron/core/chain/synthetic/constants';
import { SyntheticNetwork } from '../../electron/core/chain/synthetic/network';
import { decodeMetadataFile, loadMetadataFile, PREVIOUS_METADATA_FILE } from './metadata';
import { loadRuntime } from './registry';
import { callRuntime, Encoded } from './runtime-apis';
import { buildStorage } from './storage';
import { metadataOrWarn } from './test-helpers';
import { Writer } from './writer';

const current = metadataOrWarn('SCALE encoder');
const previous = metadataOrWarn('SCALE encoder', PREVIOUS_METADATA_FILE);
const ALL_INDEXES = Array.from({ length: 74 }, (_, i) => i);

/** Runtime calls the node serves, with arguments that reach every branch worth checking. */
const CASES: Array<[string, unknown[]]> = [
  ['Metadata_metadata_versions', []],
  ['SubnetInfoRuntimeApi_get_all_dynamic_info', []],
  ['SubnetInfoRuntimeApi_get_dynamic_info', [1]],
  ['SubnetInfoRuntimeApi_get_metagraph', [2]],
  ['SubnetInfoRuntimeApi_get_all_metagraphs', []],
  ['SubnetInfoRuntimeApi_get_mechagraph', [1, 2]],
  ['SubnetInfoRuntimeApi_get_all_mechagraphs', []],
  ['SubnetInfoRuntimeApi_get_selective_metagraph', [1, ALL_INDEXES]],
  ['SubnetInfoRuntimeApi_get_selective_metagraph', [3, [3, 62]]],
  ['SubnetInfoRuntimeApi_get_selective_mechagraph', [1, 1, [62, 72]]],
  ['SubnetInfoRuntimeApi_get_subnet_hyperparams', [1]],
  ['SubnetInfoRuntimeApi_get_subnet_hyperparams_v2', [1]],
  ['SubnetInfoRuntimeApi_get_subnet_hyperparams_v3', [1]],
  ['SubnetInfoRuntimeApi_get_next_epoch_start_block', [1]],
  ['SwapRuntimeApi_current_alpha_price', [1]],
  ['SwapRuntimeApi_current_alpha_price_all', []],
  ['SwapRuntimeApi_sim_swap_alpha_for_tao', [1, 10n ** 12n]],
  ['SwapRuntimeApi_sim_swap_tao_for_alpha', [1, 10n ** 12n]],
];

describe.each([current, previous].filter((p): p is string => p !== null))('SCALE encoder with %s', (path) => {
  const spec = loadRuntime(path);
  const state = new SyntheticNetwork({ seed: 9, subnetCount: 8, maxUids: 16 }).stateAt(DEFAULT_HEAD_BLOCK);
  const decode = (typeId: number, bytes: Uint8Array) =>
    spec.registry.createTypeUnsafe(spec.registry.createLookupType(typeId), [bytes]);

  it('encodes every served runtime-API result as @polkadot/types reads and re-encodes it, byte for byte', () => {
    let checked = 0;
    for (const [name, args] of CASES) {
      const method = spec.apis.get(name);
      if (!method) continue; // e.g. hyperparams_v3 is not in spec 393
      const value = callRuntime({ state, spec, method }, args);
      const bytes = value instanceof Encoded ? value.bytes : spec.encoder.encode(method.output, value);
      const codec = decode(method.output, bytes);
      expect(codec.encodedLength, name).toBe(bytes.length);
      expect(u8aEq(codec.toU8a(), bytes), name).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(CASES.length - 2);
  });

  it('serves Core_version as the System.Version constant', () => {
    const method = spec.apis.get('Core_version');
    expect(method).toBeDefined();
    if (!method) return;
    const value = callRuntime({ state, spec, method }, []);
    expect(value).toBeInstanceOf(Encoded);
    const version = decode(method.output, (value as Encoded).bytes).toJSON() as { specVersion: number };
    expect(version.specVersion).toBe(spec.specVersion);
  });

  it('encodes storage values with each entry’s declared type', () => {
    const storage = buildStorage(state, spec);
    const items: Array<[string, string, unknown[]]> = [
      ['Timestamp', 'Now', []],
      ['SubtensorModule', 'TotalIssuance', []],
      ['SubtensorModule', 'Burn', [1]],
      ['SubtensorModule', 'SubnetMovingPrice', [2]],
      ['SubtensorModule', 'TokenSymbol', [3]],
      ['SubtensorModule', 'MechanismEmissionSplit', [1]],
      ['SubtensorModule', 'MechanismCountCurrent', [1]],
      ['SubtensorModule', 'SubnetOwnerHotkey', [1]],
      ['SubtensorModule', 'SubnetVolume', [1]],
    ];
    for (const [pallet, item, args] of items) {
      const entry = spec.storageItem(pallet, item);
      if (!entry) continue;
      const hex = storage.get(entry.key(...args));
      expect(hex, `${pallet}.${item}`).not.toBeNull();
      const bytes = hexToU8a(hex ?? '0x');
      expect(u8aToHex(decode(entry.valueType, bytes).toU8a()), `${pallet}.${item}`).toBe(hex);
    }
    const keys = storage.keys('0x');
    expect(keys).toEqual([...keys].sort());
    expect(keys.every((k) => storage.get(k) !== null)).toBe(true);
  });
});

describe('SCALE writer', () => {
  it('writes compact integers in every mode as @polkadot/util does', () => {
    const values = [
      0,
      1,
      63,
      64,
      16383,
      16384,
      2 ** 30 - 1,
      2 ** 30,
      2 ** 32,
      2n ** 53n + 1n,
      2n ** 64n - 1n,
      2n ** 128n - 1n,
    ];
    for (const v of values) {
      const w = new Writer(16);
      w.compact(v);
      expect(u8aToHex(w.finish()), String(v)).toBe(u8aToHex(compactToU8a(v)));
    }
  });

  it('writes little-endian and two’s-complement integers', () => {
    const w = new Writer(16);
    w.uint(-2n, 16);
    w.u16(0x1234);
    expect(u8aToHex(w.finish())).toBe(`0x${'fe'}${'ff'.repeat(15)}3412`);
  });
});

describe.skipIf(!current)('metadata files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'scout-metadata-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const raw = current ? loadMetadataFile(current) : new Uint8Array();

  it('accepts raw bytes, 0x hex text, Option<OpaqueMetadata> and Vec<u8>', () => {
    const forms: Array<[string, Uint8Array | string]> = [
      ['raw.scale', raw],
      ['hex.txt', `${u8aToHex(raw)}\n`],
      ['option.scale', u8aConcat([1], compactAddLength(raw))],
      ['vec.scale', compactAddLength(raw)],
    ];
    for (const [name, content] of forms) {
      const file = join(dir, name);
      writeFileSync(file, content);
      expect(u8aEq(loadMetadataFile(file), raw), name).toBe(true);
    }
  });

  it('rejects a file that is not metadata', () => {
    expect(() => decodeMetadataFile(new TextEncoder().encode('hello world'))).toThrow(/not runtime metadata/);
  });
});
