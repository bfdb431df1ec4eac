/**
 * SCALE codecs for runtime-API calls and storage items, generated from the node's own metadata with polkadot-api's
 * builders (about 8× faster than @polkadot/types at decoding large results). Nothing here knows a type shape: a runtime
 * upgrade brings new metadata, and its spec version gets its own codecs. Codecs are built once per runtime and kept for
 * the life of the process, since a runtime (genesis + spec name + spec version) never changes its types.
 */
import { getDynamicBuilder, getLookupCodecBuilder, getLookupFn } from '@polkadot-api/metadata-builders';
import {
  Tuple,
  createCodec,
  createDecoder,
  decAnyMetadata,
  unifyMetadata,
  type Codec,
  type Decoder,
  type UnifiedMetadata,
} from '@polkadot-api/substrate-bindings';
import { blockAt, describeArgs, named, undecodable, type BlockAt } from './call-names';
import type { ChainClient } from './client';
import { ChainError } from './errors';
import { knownMetadataBytes, rememberMetadata } from './known-metadata';
import { metadataAtVersion, newestMetadataVersion } from './newest-metadata';
import { readSs58, ss58Encoder } from './ss58';

export interface RuntimeCall {
  /** The state_call method, e.g. SubnetInfoRuntimeApi_get_selective_metagraph. */
  readonly name: string;
  /** The declared result type, for messages: `Option<SelectiveMetagraph>`. */
  readonly outputType: string;
  /** The arguments by their metadata names, scalars only, for messages: `(netuid 7)`; '' when none. */
  describeArgs(args: unknown[]): string;
  /** SCALE-encoded arguments as 0x hex, the form state_call takes. */
  encodeArgs(args: unknown[]): string;
  /** Decodes a state_call result (0x hex); throws on bytes that do not decode or leave bytes over. */
  decode(hex: string): unknown;
}

export interface StorageItem {
  /** Pallet and item as the metadata names them: `SubtensorModule.Burn`. */
  readonly name: string;
  /** The stored value's type, for messages. */
  readonly valueType: string;
  /** The storage key (0x hex) for these map keys (none for a plain value). */
  key(...args: unknown[]): string;
  /** A stored value (0x hex); an absent one (null) reads as the item's default, or undefined if it has none. */
  decode(hex: string | null): unknown;
}

export interface RuntimeCodecs {
  readonly specVersion: number;
  /** The runtime-API method's codecs; null when this runtime does not declare it. */
  call(api: string, method: string): RuntimeCall | null;
  /** A storage item's key and value codecs (pallet and item as the metadata names them); null if absent. */
  storage(pallet: string, item: string): StorageItem | null;
}

const toHex = (bytes: Uint8Array) => `0x${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('hex')}`;

/**
 * 0x hex → a Uint8Array that owns its whole ArrayBuffer. scale-ts decodes from `bytes.buffer` at offset 0, so a view
 * into a larger buffer (Node's Buffer pool) would decode the wrong bytes.
 */
function ownedBytes(hex: string): Uint8Array {
  if (!hex.startsWith('0x')) throw new Error('expected 0x-prefixed hex from the node');
  return new Uint8Array(Buffer.from(hex.slice(2), 'hex'));
}

/**
 * scale-ts keeps its read position in the array it wraps the input in (`i`, not public API). This module reads it
 * in two places, both for good reason (below); the unit tests pin that it still works.
 */
type Positioned = Uint8Array & { i: number };
function positioned(input: Uint8Array): Positioned {
  if (typeof (input as Partial<Positioned>).i !== 'number')
    throw new Error('cannot read the decoder position (scale-ts internals changed)');
  return input as Positioned;
}

/**
 * A decoder that also fails when bytes are left over, as @polkadot/types does: SCALE has no framing, so garbage
 * can decode "successfully" into nonsense and only the length tells.
 */
function exact<T>(decoder: Decoder<T>): Decoder<T> {
  return createDecoder((input) => {
    const value = decoder(input);
    const at = positioned(input).i;
    if (at !== input.length) throw new Error(`${input.length - at} unexpected trailing bytes in the node's answer`);
    return value;
  });
}

/**
 * AccountId32 ↔ SS58 text with the chain's prefix. Decoding goes through the shared cache, the key read in place:
 * papi's Bytes(32) copies each key into a new ArrayBuffer, ~60k per sync, which cost ten times the decode itself.
 * Encoding (for storage keys: the owners of an hour's new hotkeys) reads the text with ss58.ts, checksum and length
 * checked as papi's AccountId does (any prefix): ~8 µs a key, where papi's generic base 58 took ~47 µs.
 */
function accountCodec(ss58Prefix: number): Codec<string> {
  const textOf = ss58Encoder(ss58Prefix);
  const decode = createDecoder((input) => {
    const bytes = positioned(input);
    const text = textOf(bytes, bytes.i);
    bytes.i += 32;
    return text;
  });
  const encode = (text: string): Uint8Array => {
    const read = readSs58(text);
    if (read.ok) return read.publicKey;
    throw new Error(
      read.problem === 'length' ? 'Invalid public key length' : `Invalid SS58 account id "${text}" (${read.problem})`,
    );
  };
  return createCodec(encode, decode);
}

type Lookup = UnifiedMetadata['lookup'];

/**
 * A type's name as a user could find it in the runtime's source: the last path segment (`SelectiveMetagraph`),
 * Option/Vec/Compact spelled out around it, primitives as they are. Generic parameters of other types are left out.
 */
export function typeName(lookup: Lookup, id: number, depth = 0): string {
  const entry = lookup[id]?.id === id ? lookup[id] : lookup.find((t) => t.id === id);
  if (!entry || depth > 4) return '…';
  const inner = (inner: number) => typeName(lookup, inner, depth + 1);
  if (entry.path.length === 1 && entry.path[0] === 'Option' && entry.params[0]?.type !== undefined)
    return `Option<${inner(entry.params[0].type)}>`;
  if (entry.path.length) return entry.path[entry.path.length - 1]!;
  const { def } = entry;
  switch (def.tag) {
    case 'sequence':
      return `Vec<${inner(def.value)}>`;
    case 'array':
      return `[${inner(def.value.type)}; ${def.value.len}]`;
    case 'tuple':
      return `(${def.value.map(inner).join(', ')})`;
    case 'primitive':
      return def.value.tag;
    case 'compact':
      return `Compact<${inner(def.value)}>`;
    default:
      return `type #${id}`;
  }
}

/** Codecs from raw `RuntimeMetadataPrefixed` bytes (v15 or v16: earlier versions do not describe runtime APIs). */
function buildRuntimeCodecs(metadataBytes: Uint8Array, specVersion: number, ss58Prefix: number): RuntimeCodecs {
  const metadata: UnifiedMetadata = unifyMetadata(decAnyMetadata(metadataBytes));
  if (metadata.version < 15)
    throw new ChainError('unsupported-runtime', `runtime metadata v${metadata.version} does not describe runtime APIs`);
  const lookup = getLookupFn(metadata);
  const build = getLookupCodecBuilder(lookup, accountCodec(ss58Prefix));
  const makeCall = (apiName: string, methodName: string): RuntimeCall | null => {
    const method = metadata.apis.find((a) => a.name === apiName)?.methods.find((m) => m.name === methodName);
    if (!method) return null;
    const args = Tuple(...method.inputs.map((i) => build(i.type)));
    const value = exact(build(method.output).dec);
    const argNames = method.inputs.map((i) => i.name);
    return {
      name: `${apiName}_${methodName}`,
      outputType: typeName(metadata.lookup, method.output),
      describeArgs: (values) => describeArgs(argNames, values),
      encodeArgs: (values) => toHex(args.enc(values)),
      decode: (hex) => value(ownedBytes(hex)),
    };
  };
  // Storage keys need the hashers; papi's dynamic builder has them. Values are decoded as the calls' are, so an
  // account (Owner) reads as the same SS58 text, through the same cache, as in a metagraph.
  let dynamic: ReturnType<typeof getDynamicBuilder> | undefined;
  const makeStorage = (pallet: string, item: string): StorageItem | null => {
    const entry = metadata.pallets.find((p) => p.name === pallet)?.storage?.items.find((i) => i.name === item);
    if (!entry) return null;
    const built = (dynamic ??= getDynamicBuilder(lookup)).buildStorage(pallet, item);
    const valueTypeId = entry.type.tag === 'plain' ? entry.type.value : entry.type.value.value;
    const value = exact(build(valueTypeId).dec);
    return {
      name: `${pallet}.${item}`,
      valueType: typeName(metadata.lookup, valueTypeId),
      key: (...args) => built.keys.enc(...args),
      decode: (hex) => (hex === null ? built.fallback : value(ownedBytes(hex))),
    };
  };
  return { specVersion, call: memo(makeCall), storage: memo(makeStorage) };
}

/** Builds each codec on first use only: a runtime declares hundreds the app never reads. */
function memo<T>(make: (a: string, b: string) => T): (a: string, b: string) => T {
  const made = new Map<string, T>();
  return (a, b) => {
    const key = `${a}/${b}`;
    if (!made.has(key)) made.set(key, make(a, b));
    return made.get(key)!;
  };
}

/**
 * The block's metadata bytes at the newest version the node offers and the codecs read (v15/v16): what
 * `state_getMetadata` answers is v14, which does not describe runtime APIs (see newest-metadata.ts).
 */
async function metadataBytesAt(client: ChainClient, at: BlockAt): Promise<{ bytes: Uint8Array; version: number }> {
  const call = (method: string, data: string) =>
    named(at, `state_call ${method}`, () => client.request('state_call', [method, data, at.hash]));
  const decoding = async <T>(name: string, as: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (e) {
      if (e instanceof ChainError) throw e;
      throw undecodable(`state_call ${name}`, at, `could not be decoded as ${as}`, e);
    }
  };
  const version = await decoding('Metadata_metadata_versions', 'Vec<u32>', () => newestMetadataVersion(call));
  if (version === null)
    throw new ChainError(
      'unsupported-runtime',
      `the node offers no v15 or v16 metadata (the versions that describe runtime APIs) for block ${at.hash}`,
    );
  const bytes = await decoding(`Metadata_metadata_at_version(version ${version})`, 'Option<OpaqueMetadata>', () =>
    metadataAtVersion(call, version),
  );
  if (!bytes) throw new ChainError('unsupported-runtime', `the node has no v${version} metadata for block ${at.hash}`);
  return { bytes, version };
}

/** fetchBlock and fetchNetwork both ask for the pinned block's codecs: one runtime-version request per block. */
const versions = new WeakMap<BlockAt, Promise<{ specName: string; specVersion: number }>>();

/** The runtime a block's state runs (state_getRuntimeVersion at that block). */
function runtimeVersionAt(client: ChainClient, at: BlockAt): Promise<{ specName: string; specVersion: number }> {
  let version = versions.get(at);
  if (!version) {
    versions.set(at, (version = readRuntimeVersion(client, at)));
    version.catch(() => versions.delete(at));
  }
  return version;
}

async function readRuntimeVersion(
  client: ChainClient,
  at: BlockAt,
): Promise<{ specName: string; specVersion: number }> {
  const answer = await named(at, 'state_getRuntimeVersion', () => client.request('state_getRuntimeVersion', [at.hash]));
  const { specName, specVersion } = (answer ?? {}) as { specName?: unknown; specVersion?: unknown };
  if (typeof specName !== 'string' || typeof specVersion !== 'number') {
    throw undecodable(
      'state_getRuntimeVersion',
      at,
      'is not a runtime version',
      new Error('no specName and specVersion'),
    );
  }
  return { specName, specVersion };
}

const cache = new Map<string, Promise<RuntimeCodecs>>();

/** The codecs of the runtime that block `blockHash` runs, built on first use of that runtime. */
export async function runtimeCodecsAt(client: ChainClient, block: string | BlockAt): Promise<RuntimeCodecs> {
  const at = blockAt(block);
  const { specName, specVersion } = await runtimeVersionAt(client, at);
  const genesis = client.genesisHash;
  const key = `${genesis}/${specName}/${specVersion}`;
  let codecs = cache.get(key);
  if (!codecs) {
    const prefix = client.ss58Prefix;
    codecs = (async () => {
      // Metadata an earlier sync kept (this process, or the data folder) costs no download; bytes that turn out
      // not to be metadata are fetched again.
      const held = knownMetadataBytes(genesis, specVersion);
      if (held) {
        try {
          return buildRuntimeCodecs(held, specVersion, prefix);
        } catch {
          // fetched below
        }
      }
      const { bytes, version } = await metadataBytesAt(client, at);
      let built: RuntimeCodecs;
      try {
        built = buildRuntimeCodecs(bytes, specVersion, prefix);
      } catch (e) {
        if (e instanceof ChainError) throw e;
        throw undecodable(
          `state_call Metadata_metadata_at_version(version ${version})`,
          at,
          'could not be decoded as runtime metadata',
          e,
        );
      }
      rememberMetadata(genesis, specVersion, bytes);
      return built;
    })();
    cache.set(key, codecs);
    codecs.catch(() => cache.delete(key)); // a failed fetch is retried by the next sync
  }
  return codecs;
}
