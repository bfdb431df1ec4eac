/**
 * The block tree: deterministic hashes and headers for blocks 0..head. Block 0 is Finney's real genesis hash;
 * block N's hash is blake2-256 of "scout-stand-in:<seed>:<N>" with N stamped into its last four bytes, so any
 * hash this chain ever produced (even by an earlier run with the same seed) resolves to its number without a
 * lookup table, and a hash from another seed or a made-up one resolves to nothing.
 */
import { blake2AsU8a } from '@polkadot/util-crypto';
import { u8aToHex } from '@polkadot/util';

export const FINNEY_GENESIS_HASH = '0x2f0555cc76fc2840a25a6ea3b9637146806f1f44b090c175ffde2a7e5ab36c03';
const ZERO_HASH = `0x${'00'.repeat(32)}`;

export interface HeaderJson {
  parentHash: string;
  number: string;
  stateRoot: string;
  extrinsicsRoot: string;
  digest: { logs: string[] };
}

function digest(text: string): Uint8Array {
  return blake2AsU8a(new TextEncoder().encode(text), 256);
}

export class BlockTree {
  private readonly hashes = new Map<number, string>();

  constructor(private readonly seed: number) {}

  hashOf(n: number): string {
    if (n === 0) return FINNEY_GENESIS_HASH;
    let hash = this.hashes.get(n);
    if (!hash) {
      const bytes = digest(`scout-stand-in:${this.seed}:${n}`);
      new DataView(bytes.buffer, bytes.byteOffset).setUint32(28, n);
      hash = u8aToHex(bytes);
      this.hashes.set(n, hash);
    }
    return hash;
  }

  /** Number of a block hash of this chain, or null for a hash it never made. */
  numberOf(hash: string): number | null {
    // Substrate's serde accepts a hash with or without 0x.
    const h = hash.startsWith('0x') || hash.startsWith('0X') ? hash.toLowerCase() : `0x${hash.toLowerCase()}`;
    if (h === FINNEY_GENESIS_HASH) return 0;
    if (!/^0x[0-9a-f]{64}$/.test(h)) return null;
    const n = Number.parseInt(h.slice(58), 16);
    return n > 0 && this.hashOf(n) === h ? n : null;
  }

  header(n: number): HeaderJson {
    return {
      parentHash: n === 0 ? ZERO_HASH : this.hashOf(n - 1),
      number: `0x${n.toString(16)}`,
      stateRoot: u8aToHex(digest(`scout-stand-in-state:${this.seed}:${n}`)),
      extrinsicsRoot: u8aToHex(digest(`scout-stand-in-extrinsics:${this.seed}:${n}`)),
      digest: { logs: [] },
    };
  }
}
