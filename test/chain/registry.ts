/**
 * Everything the node derives from one metadata file: the @polkadot/types registry (for argument decoding and
 * storage keys), the runtime version from the `System.Version` constant, the runtime-API index with input and
 * output type ids, storage items with their hashers and value types, and the compiled SCALE encoder. A second
 * file (another spec version) gives a second, independent RuntimeSpec; nothing here knows a type shape.
 */
import { expandMetadata, Metadata, TypeRegistry } from '@polkadot/types';
import { compactStripLength, stringCamelCase, stringLowerFirst, u8aToHex } from '@polkadot/util';
import { decodeAddress } from '@polkadot/util-crypto';
import { generatedPublicKey } from '../../electron/core/chain/synthetic/accounts';
import { loadMetadataFile } from './metadata';
import { lookupTypes, ScaleEncoder } from './scale';

export interface RuntimeApiMethod {
  /** e.g. SubnetInfoRuntimeApi_get_metagraph, the name state_call uses. */
  name: string;
  inputs: Array<{ name: string; type: number }>;
  output: number;
}

export interface StorageItem {
  pallet: string;
  item: string;
  valueType: number;
  /** Hex storage key for these map keys (none for a plain value), hashed as the metadata declares. */
  key(...args: unknown[]): string;
}

export interface RuntimeSpec {
  path: string;
  /** Raw RuntimeMetadataPrefixed bytes, served by Metadata_metadata_at_version and state_getMetadata. */
  metadataBytes: Uint8Array;
  metadataVersion: number;
  registry: TypeRegistry;
  specVersion: number;
  /** state_getRuntimeVersion result, in the JSON form a substrate node returns. */
  runtimeVersion: Record<string, unknown>;
  /** SCALE RuntimeVersion (the constant's bytes), the Core_version result. */
  runtimeVersionBytes: Uint8Array;
  apis: Map<string, RuntimeApiMethod>;
  encoder: ScaleEncoder;
  storageItem(pallet: string, item: string): StorageItem | undefined;
  /** Decodes state_call argument bytes into plain values (numbers, arrays, SS58 strings). */
  decodeArgs(method: RuntimeApiMethod, data: Uint8Array): unknown[];
  /** The block's `timestamp.set(now)` inherent, the one extrinsic every block carries. */
  timestampExtrinsic(nowMs: number): string;
}

const addressCache = new Map<string, Uint8Array>();

/** 32 account bytes from SS58 or 0x hex; addresses the synthetic network made resolve without base58. */
export function accountBytes(address: string): Uint8Array {
  const generated = generatedPublicKey(address);
  if (generated) return generated;
  let bytes = addressCache.get(address);
  if (!bytes) {
    bytes = decodeAddress(address);
    addressCache.set(address, bytes);
  }
  return bytes;
}

export function loadRuntime(path: string): RuntimeSpec {
  const metadataBytes = loadMetadataFile(path);
  const registry = new TypeRegistry();
  const metadata = new Metadata(registry, metadataBytes);
  registry.setMetadata(metadata, undefined, undefined, true);
  const latest = metadata.asLatest;

  const system = latest.pallets.find((p) => p.name.eq('System'));
  const versionConst = system?.constants.find((c) => c.name.eq('Version'));
  if (!versionConst) throw new Error(`${path}: no System.Version constant, cannot derive the runtime version`);
  const version = registry.createTypeUnsafe(registry.createLookupType(versionConst.type), [versionConst.value]);
  const runtimeVersion = version.toJSON() as Record<string, unknown>;
  const specVersion = Number(runtimeVersion.specVersion);

  const apis = new Map<string, RuntimeApiMethod>();
  for (const api of latest.apis) {
    for (const m of api.methods) {
      const name = `${api.name.toString()}_${m.name.toString()}`;
      apis.set(name, {
        name,
        inputs: m.inputs.map((i) => ({ name: i.name.toString(), type: i.type.toNumber() })),
        output: m.output.toNumber(),
      });
    }
  }

  const decorated = expandMetadata(registry, metadata);
  const storageItems = new Map<string, StorageItem | undefined>();
  const storageItem = (pallet: string, item: string): StorageItem | undefined => {
    const id = `${pallet}.${item}`;
    if (storageItems.has(id)) return storageItems.get(id);
    const fn = decorated.query[stringCamelCase(pallet)]?.[stringLowerFirst(item)];
    let found: StorageItem | undefined;
    if (fn) {
      const type = fn.meta.type;
      found = {
        pallet,
        item,
        valueType: (type.isPlain ? type.asPlain : type.asMap.value).toNumber(),
        // The decorated function returns the key with a compact length prefix (it is Bytes): strip it.
        key: (...args: unknown[]) => u8aToHex(compactStripLength(fn(...args))[1]),
      };
    }
    storageItems.set(id, found);
    return found;
  };

  return {
    path,
    metadataBytes,
    metadataVersion: metadata.version,
    registry,
    specVersion,
    runtimeVersion,
    runtimeVersionBytes: versionConst.value.toU8a(true),
    apis,
    encoder: new ScaleEncoder(lookupTypes(metadata), accountBytes),
    storageItem,
    decodeArgs(method, data) {
      let offset = 0;
      const values = method.inputs.map((input) => {
        // Pass bytes, never hex: createType reads a hex string as a big-endian number (fake-node gotcha 4a).
        const codec = registry.createTypeUnsafe(registry.createLookupType(input.type), [data.subarray(offset)]);
        offset += codec.encodedLength;
        return codec.toPrimitive();
      });
      if (offset !== data.length) throw new Error(`expected ${offset} argument bytes, got ${data.length}`);
      return values;
    },
    timestampExtrinsic(nowMs) {
      const set = decorated.tx.timestamp?.set;
      if (!set) throw new Error(`${path}: the runtime has no timestamp.set call`);
      return registry.createType('Extrinsic', set(nowMs)).toHex();
    },
  };
}
