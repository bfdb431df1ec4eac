/**
 * Everything the node derives from one metadata file: the @polkadot/types registry (for argument decoding and
 * storage keys), the runtime version from the `System.Version` constant, the runtime-API index with input and
 * output type ids, storage items with their hashers and value types, and the compiled SCALE encoder. A second
 * file (another spec version) gives a second, independent RuntimeSpec; nothing here knows a type shape.
 */
import { expandMetadata, Metadata, TypeRegistry } from '@polkadot/types';
import { stringCamelCase, stringLowerFirst, u8aConcat, u8aToHex } from '@polkadot/util';
import { blake2AsU8a, decodeAddress, xxhashAsU8a } from '@polkadot/util-crypto';
import { generatedPublicKey } from '../../electron/core/chain/synthetic/accounts';
import { loadMetadataFile } from './metadata';
import { metadataVersions } from './metadata-versions';
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
  /** twox128(pallet) ++ twox128(item) as hex: every key of the item starts with it. */
  prefix: string;
  /** Hex storage key for these map keys (none for a plain value), hashed as the metadata declares. */
  key(...args: unknown[]): string;
}

/** One map key part hashed the way a storage hasher does (the *Concat hashers append the key itself). */
function hashKeyPart(hasher: string, bytes: Uint8Array): Uint8Array {
  switch (hasher) {
    case 'Identity':
      return bytes;
    case 'Twox64Concat':
      return u8aConcat(xxhashAsU8a(bytes, 64), bytes);
    case 'Blake2_128Concat':
      return u8aConcat(blake2AsU8a(bytes, 128), bytes);
    case 'Blake2_128':
      return blake2AsU8a(bytes, 128);
    case 'Blake2_256':
      return blake2AsU8a(bytes, 256);
    case 'Twox128':
      return xxhashAsU8a(bytes, 128);
    case 'Twox256':
      return xxhashAsU8a(bytes, 256);
    default:
      throw new Error(`unknown storage hasher ${hasher}`);
  }
}

export interface RuntimeSpec {
  path: string;
  /** Raw RuntimeMetadataPrefixed bytes of the file (its own version, V16 for Finney's). */
  metadataBytes: Uint8Array;
  /** The metadata at every version the runtime offers (Metadata_metadata_versions), oldest first. */
  metadataByVersion: Map<number, Uint8Array>;
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
  const encoder = new ScaleEncoder(lookupTypes(metadata), accountBytes);
  const storageItems = new Map<string, StorageItem | undefined>();
  const storageItem = (pallet: string, item: string): StorageItem | undefined => {
    const id = `${pallet}.${item}`;
    if (storageItems.has(id)) return storageItems.get(id);
    const fn = decorated.query[stringCamelCase(pallet)]?.[stringLowerFirst(item)];
    let found: StorageItem | undefined;
    if (fn) {
      const type = fn.meta.type;
      const prefix = fn.keyPrefix();
      const hashers = type.isPlain ? [] : type.asMap.hashers.map((h) => h.type);
      // A map with several hashers is keyed by a tuple: one part per hasher.
      const keyTypes = (() => {
        if (type.isPlain) return [];
        const keyType = type.asMap.key.toNumber();
        if (hashers.length === 1) return [keyType];
        const def = registry.lookup.getSiType(keyType).def;
        return def.asTuple.map((t) => t.toNumber());
      })();
      found = {
        pallet,
        item,
        valueType: (type.isPlain ? type.asPlain : type.asMap.value).toNumber(),
        prefix: u8aToHex(prefix),
        // Hashing here rather than through the decorated function: ~10x faster, and storage has ~10^5 keys.
        key: (...args: unknown[]) => {
          if (args.length !== hashers.length)
            throw new Error(`${pallet}.${item} takes ${hashers.length} keys, got ${args.length}`);
          const parts = args.map((arg, i) => hashKeyPart(hashers[i] ?? '', encoder.encode(keyTypes[i] ?? 0, arg, 40)));
          return u8aToHex(u8aConcat(prefix, ...parts));
        },
      };
    }
    storageItems.set(id, found);
    return found;
  };

  return {
    path,
    metadataBytes,
    metadataByVersion: metadataVersions(metadataBytes),
    registry,
    specVersion,
    runtimeVersion,
    runtimeVersionBytes: versionConst.value.toU8a(true),
    apis,
    encoder,
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
