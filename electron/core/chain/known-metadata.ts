/**
 * Runtime metadata already fetched, kept for the next sync and, in a folder of the data folder, for the next
 * process: a runtime's metadata is ~340 KB (two round trips and ~680 KB of hex) that never changes for its spec
 * version. The folder matters to the CLI: cron starts a fresh process every hour, which without it paid the download
 * (and the node's time to serve it) on every sync.
 */
import fs from 'node:fs';
import path from 'node:path';

type HexString = `0x${string}`;

const known: Record<string, HexString> = {};
/** Keys whose bytes are in the folder already (read from it or written to it). */
const stored = new Set<string>();

const FILE = /^(0x[0-9a-f]{64})-(\d+)\.scale$/;

/** Keyed `${genesisHash}-${specVersion}`; bytes fetched again (the kept ones did not decode) replace the kept ones. */
export function rememberMetadata(genesisHash: string, specVersion: number, metadataBytes: Uint8Array): void {
  const key = `${genesisHash}-${specVersion}`;
  const hex: HexString = `0x${Buffer.from(metadataBytes.buffer, metadataBytes.byteOffset, metadataBytes.length).toString('hex')}`;
  if (known[key] === hex) return;
  known[key] = hex;
  stored.delete(key); // written to the folder again, over a file that did not decode
}

/** The v15+ metadata bytes of a runtime already seen, or undefined. */
export function knownMetadataBytes(genesisHash: string, specVersion: number): Uint8Array | undefined {
  const hex = known[`${genesisHash}-${specVersion}`];
  return hex === undefined ? undefined : new Uint8Array(Buffer.from(hex.slice(2), 'hex'));
}

/**
 * Adds the runtimes saved in `dir` (one `<genesis>-<spec>.scale` file each). A cache: an unreadable folder or file
 * is skipped, and a file that is not metadata fails to decode and is fetched again.
 */
export function loadMetadataFolder(dir: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = FILE.exec(name);
    if (!m) continue;
    const key = `${m[1]}-${m[2]}`;
    if (known[key] !== undefined) continue;
    try {
      known[key] = `0x${fs.readFileSync(path.join(dir, name)).toString('hex')}`;
      stored.add(key);
    } catch {
      // Unreadable: fetched from the node as if it were not there.
    }
  }
}

/** Writes the runtimes not yet in `dir` (temporary file, then rename: a reader never sees half a file). */
export function saveMetadataFolder(dir: string): void {
  for (const [key, hex] of Object.entries(known)) {
    if (stored.has(key)) continue;
    try {
      fs.mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `${key}.scale`);
      fs.writeFileSync(`${file}.tmp`, Buffer.from(hex.slice(2), 'hex'));
      fs.renameSync(`${file}.tmp`, file);
      stored.add(key);
    } catch {
      // A full disk or a read-only folder costs the next process one download, nothing else.
    }
  }
}
