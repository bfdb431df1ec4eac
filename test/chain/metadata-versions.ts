/**
 * The metadata versions a real node offers. A substrate runtime builds V14, V15 and V16 from one description of
 * itself; `state_getMetadata` and `Metadata_metadata` answer V14, `Metadata_metadata_at_version(v)` any listed
 * version. We only have the newest (the stored file), so older versions are derived from it: decoded and
 * re-encoded with polkadot-api's metadata codecs, dropping what the older format lacks (deprecation notes, view
 * functions, associated types, API versions) and restoring what it had that V16 dropped (the runtime type, the
 * extrinsic type, the extra tuple), found in the type registry by the paths the runtime gives them.
 */
import { metadata as metadataCodec, type V14, type V15, type V16 } from '@polkadot-api/substrate-bindings';

type Lookup = V16['lookup'];

/** Version each format is written in, oldest first; a node offers those up to its own file's version. */
const SUPPORTED = [14, 15, 16] as const;
const MAGIC = 0x6174656d; // "meta", little-endian u32

function typeWithPath(lookup: Lookup, test: (path: string) => boolean): V16['lookup'][number] | undefined {
  return lookup.find((t) => test(t.path.join('::')));
}

/** The runtime's UncheckedExtrinsic (Frontier's self-contained one on subtensor, else sp_runtime's). */
function uncheckedExtrinsic(lookup: Lookup): V16['lookup'][number] {
  const found =
    typeWithPath(lookup, (p) => p.endsWith('unchecked_extrinsic::UncheckedExtrinsic') && !p.startsWith('sp_runtime')) ??
    typeWithPath(lookup, (p) => p.endsWith('unchecked_extrinsic::UncheckedExtrinsic'));
  if (!found) throw new Error('metadata has no UncheckedExtrinsic type: cannot derive V14/V15');
  return found;
}

function runtimeTypeId(lookup: Lookup): number {
  const found = typeWithPath(lookup, (p) => /_runtime::Runtime$/.test(p));
  if (!found) throw new Error('metadata has no <chain>_runtime::Runtime type: cannot derive V14/V15');
  return found.id;
}

function toV15(v16: V16): V15 {
  const unchecked = uncheckedExtrinsic(v16.lookup);
  // The 4th type parameter is the signed-extension tuple, named Extra or Extension depending on the crate.
  const extra = unchecked.params[3]?.type;
  if (extra === undefined) throw new Error('UncheckedExtrinsic has no extra/extension type parameter');
  // V15 knows one extrinsic format (4, signed extensions) and one extension list: V16's extension version 0.
  const indexes = v16.extrinsic.signedExtensionsByVersion[0]?.[1] ?? v16.extrinsic.signedExtensions.map((_, i) => i);
  return {
    lookup: v16.lookup,
    pallets: v16.pallets.map((p) => ({
      name: p.name,
      storage: p.storage && {
        prefix: p.storage.prefix,
        items: p.storage.items.map(({ deprecationInfo: _, ...item }) => item),
      },
      calls: p.calls?.type,
      events: p.events?.type,
      constants: p.constants.map(({ deprecationInfo: _, ...c }) => c),
      errors: p.errors?.type,
      index: p.index,
      docs: p.docs,
    })),
    extrinsic: {
      version: 4,
      address: v16.extrinsic.address,
      call: v16.extrinsic.call,
      signature: v16.extrinsic.signature,
      extra,
      signedExtensions: indexes.map((i) => {
        const ext = v16.extrinsic.signedExtensions[i];
        if (!ext) throw new Error(`extension index ${i} out of range`);
        return ext;
      }),
    },
    type: runtimeTypeId(v16.lookup),
    apis: v16.apis.map((api) => ({
      name: api.name,
      methods: api.methods.map(({ deprecationInfo: _, ...m }) => m),
      docs: api.docs,
    })),
    outerEnums: v16.outerEnums,
    custom: v16.custom,
  };
}

function toV14(v15: V15): V14 {
  return {
    lookup: v15.lookup,
    // V14 pallets have no docs and V14 has no runtime APIs: the codec writes nothing for either.
    pallets: v15.pallets.map((p) => ({ ...p, docs: [] })),
    extrinsic: {
      type: uncheckedExtrinsic(v15.lookup).id,
      version: v15.extrinsic.version,
      signedExtensions: v15.extrinsic.signedExtensions,
    },
    type: v15.type,
    apis: [],
  };
}

/** Raw RuntimeMetadataPrefixed bytes of the file at each version a node running it offers. */
export function metadataVersions(fileBytes: Uint8Array): Map<number, Uint8Array> {
  const decoded = metadataCodec.dec(fileBytes);
  const out = new Map<number, Uint8Array>();
  const fileVersion = Number(decoded.metadata.tag.slice(1));
  out.set(fileVersion, fileBytes);
  const encode = (metadata: (typeof decoded)['metadata']) => metadataCodec.enc({ magicNumber: MAGIC, metadata });
  let v15: V15 | undefined;
  if (decoded.metadata.tag === 'v16') {
    v15 = toV15(decoded.metadata.value);
    out.set(15, encode({ tag: 'v15', value: v15 }));
  } else if (decoded.metadata.tag === 'v15') v15 = decoded.metadata.value;
  if (v15) out.set(14, encode({ tag: 'v14', value: toV14(v15) }));
  for (const v of out.keys()) if (!SUPPORTED.includes(v as (typeof SUPPORTED)[number])) out.delete(v);
  return new Map([...out].sort(([a], [b]) => a - b));
}
