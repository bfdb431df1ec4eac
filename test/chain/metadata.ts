/**
 * Finding and reading runtime metadata files. The files live outside the repository (../shared/chain beside
 * the clone, or wherever SCOUT_METADATA points) and come in the forms tools save them in: raw
 * `RuntimeMetadataPrefixed` bytes ("meta" magic), `0x` hex text, or those bytes wrapped in a SCALE
 * `Option<OpaqueMetadata>` or `Vec<u8>`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEFAULT_METADATA_FILE = 'bittensor.scale';
/** The older runtime (spec 393) kept for upgrade tests. */
export const PREVIOUS_METADATA_FILE = 'bittensor-393.scale';

const MAGIC = [0x6d, 0x65, 0x74, 0x61]; // "meta"
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Path of a metadata file, or null if it cannot be found (tests then skip and say why). With no name: the file
 * in SCOUT_METADATA, else ../shared/chain/bittensor.scale relative to the repository. With a name: that file
 * beside SCOUT_METADATA's file or in ../shared/chain.
 */
export function findMetadata(fileName?: string): string | null {
  const fromEnv = process.env.SCOUT_METADATA;
  const candidates: string[] = [];
  if (fileName === undefined) {
    if (fromEnv) candidates.push(resolve(fromEnv));
    candidates.push(join(repoRoot, '..', 'shared', 'chain', DEFAULT_METADATA_FILE));
  } else {
    if (fromEnv) candidates.push(join(dirname(resolve(fromEnv)), fileName));
    candidates.push(join(repoRoot, '..', 'shared', 'chain', fileName));
  }
  return candidates.find((path) => existsSync(path)) ?? null;
}

function startsWithMagic(bytes: Uint8Array, offset: number): boolean {
  return MAGIC.every((b, i) => bytes[offset + i] === b);
}

/** Reads a SCALE compact length at `offset`: [value, bytes used]. */
function compactAt(bytes: Uint8Array, offset: number): [number, number] {
  const first = bytes[offset] ?? 0;
  switch (first & 3) {
    case 0:
      return [first >>> 2, 1];
    case 1:
      return [((bytes[offset + 1] ?? 0) * 256 + first) >>> 2, 2];
    case 2:
      return [new DataView(bytes.buffer, bytes.byteOffset + offset, 4).getUint32(0, true) >>> 2, 4];
    default:
      throw new Error('metadata length prefix too large');
  }
}

/** Strips a `Vec<u8>` length prefix if what follows it is exactly the metadata. */
function unwrapVec(bytes: Uint8Array, offset: number): Uint8Array | null {
  const [length, used] = compactAt(bytes, offset);
  const start = offset + used;
  return start + length === bytes.length && startsWithMagic(bytes, start) ? bytes.subarray(start) : null;
}

/** Returns the raw `RuntimeMetadataPrefixed` bytes in any of the accepted forms. */
export function decodeMetadataFile(content: Uint8Array): Uint8Array {
  const text = new TextDecoder().decode(content.subarray(0, 2));
  if (text === '0x') {
    const hex = new TextDecoder().decode(content).trim().slice(2);
    if (!/^[0-9a-fA-F]*$/.test(hex) || hex.length % 2 !== 0) throw new Error('metadata hex text is not valid hex');
    return decodeMetadataFile(Uint8Array.from(Buffer.from(hex, 'hex')));
  }
  if (startsWithMagic(content, 0)) return content;
  // Option<OpaqueMetadata>: 0x01 then a Vec<u8>.
  const unwrapped = (content[0] === 1 ? unwrapVec(content, 1) : null) ?? unwrapVec(content, 0);
  if (unwrapped) return unwrapped;
  throw new Error('not runtime metadata: expected "meta" magic, 0x hex, or an Option/Vec wrapper around them');
}

export function loadMetadataFile(path: string): Uint8Array {
  return decodeMetadataFile(new Uint8Array(readFileSync(path)));
}
