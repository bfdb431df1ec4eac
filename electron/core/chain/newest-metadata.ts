/**
 * A block's runtime metadata at the newest version both the node and this app read. Only v15 and later describe
 * the runtime APIs (the calls a sync makes); `state_getMetadata` answers v14 on subtensor, as on any Substrate node.
 * (A live @polkadot/api connection that saw a runtime upgrade re-read it that way and lost its runtime calls: the
 * sync asks for the metadata itself, through here, for every runtime it meets.)
 */
import { Bytes, Option, Vector, u32 } from '@polkadot-api/substrate-bindings';

/** Versions that describe runtime APIs and the codecs (runtime-codecs.ts) read, best first. */
const READABLE = [16, 15];

/** `state_call(method, data)` at the block in question, answering the node's hex. */
export type StateCall = (method: string, data: string) => Promise<unknown>;

const hexOf = (bytes: Uint8Array) => `0x${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('hex')}`;
const bytesOf = (hex: unknown): Uint8Array => {
  if (typeof hex !== 'string' || !hex.startsWith('0x'))
    throw new Error(`expected 0x-prefixed hex from the node, got ${typeof hex}`);
  // A copy that owns its buffer: the SCALE decoders read from offset 0 of `bytes.buffer`.
  return new Uint8Array(Buffer.from(hex.slice(2), 'hex'));
};

/** The newest readable version the runtime offers (Metadata_metadata_versions), or null when it offers none. */
export async function newestMetadataVersion(call: StateCall): Promise<number | null> {
  const offered = Vector(u32).dec(bytesOf(await call('Metadata_metadata_versions', '0x')));
  return READABLE.find((v) => offered.includes(v)) ?? null;
}

/**
 * The metadata bytes (`RuntimeMetadataPrefixed`) at `version` (Metadata_metadata_at_version), or null when the node
 * has none at that version.
 */
export async function metadataAtVersion(call: StateCall, version: number): Promise<Uint8Array | null> {
  const opaque = Option(Bytes()).dec(bytesOf(await call('Metadata_metadata_at_version', hexOf(u32.enc(version)))));
  return opaque ?? null;
}
