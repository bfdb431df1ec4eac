/**
 * The block tree: deterministic headers for blocks 0..head whose hashes are what a real chain's are, the
 * blake2-256 of the SCALE-encoded header. Clients check that: polkadot-api's legacy-RPC layer recomputes every
 * block hash from its header and refuses storage reads when they disagree.
 *
 * A header holds its parent's hash, so a real hash chain reaches back to genesis (9 M blocks here). To keep a
 * far block cheap, the chain is cut into segments of SEGMENT blocks: a segment's first header carries a
 * seed-derived parent hash instead of its real parent's. Within a segment (the blocks a client follows, and
 * the ~3,000 blocks ahead of the default head) every parent link is real. Block 0 is Finney's real genesis hash.
 *
 * Hashes are kept per seed for the whole process, so a hash one node handed out still resolves after that
 * node is closed and another one starts with the same seed (a test restarting its node).
 */
import { blake2AsU8a } from '@polkadot/util-crypto';
import { compactToU8a, hexToU8a, u8aConcat, u8aToHex } from '@polkadot/util';

export const FINNEY_GENESIS_HASH = '0x2f0555cc76fc2840a25a6ea3b9637146806f1f44b090c175ffde2a7e5ab36c03';
const ZERO_HASH = `0x${'00'.repeat(32)}`;
const SEGMENT = 4096;
/** DigestItem::RuntimeEnvironmentUpdated: the log a block that changes the runtime carries. */
const RUNTIME_UPDATED_LOG = '0x08';

export interface HeaderJson {
  parentHash: string;
  number: string;
  stateRoot: string;
  extrinsicsRoot: string;
  digest: { logs: string[] };
}

function digest(text: string): string {
  return u8aToHex(blake2AsU8a(new TextEncoder().encode(text), 256));
}

/** Hashes of one seed's chain, shared by every node of that seed in this process. */
interface SeedHashes {
  byNumber: Map<number, string>;
  numberOf: Map<string, number>;
  upgrades: Set<number>;
}
const seeds = new Map<string, SeedHashes>();

export class BlockTree {
  private readonly hashes: SeedHashes;

  constructor(private readonly seed: number) {
    this.hashes = seeds.get(String(seed)) ?? { byNumber: new Map(), numberOf: new Map(), upgrades: new Set() };
    seeds.set(String(seed), this.hashes);
  }

  /** Block n changes the runtime: its header carries the RuntimeEnvironmentUpdated log (and so gets another hash). */
  markRuntimeUpgrade(n: number): void {
    if (this.hashes.upgrades.has(n)) return;
    this.hashes.upgrades.add(n);
    // Hashes from n to the end of its segment depend on that header: forget them.
    const end = (Math.floor(n / SEGMENT) + 1) * SEGMENT;
    for (let i = n; i < end; i++) {
      const hash = this.hashes.byNumber.get(i);
      if (hash === undefined) continue;
      this.hashes.byNumber.delete(i);
      this.hashes.numberOf.delete(hash);
    }
  }

  hashOf(n: number): string {
    if (n === 0) return FINNEY_GENESIS_HASH;
    const known = this.hashes.byNumber.get(n);
    if (known) return known;
    // Walk forward from the nearest block whose hash is known (or the segment start), remembering each hash.
    let from = n;
    while (from > 0 && from % SEGMENT !== 0 && !this.hashes.byNumber.has(from - 1)) from--;
    let hash = '';
    for (let i = from; i <= n; i++) {
      hash = u8aToHex(blake2AsU8a(encodeHeader(this.header(i)), 256));
      this.hashes.byNumber.set(i, hash);
      this.hashes.numberOf.set(hash, i);
    }
    return hash;
  }

  /** Number of a block hash of this chain (0x optional), or null for a hash it never made. */
  numberOf(hash: string): number | null {
    const h = hash.startsWith('0x') || hash.startsWith('0X') ? hash.toLowerCase() : `0x${hash.toLowerCase()}`;
    if (h === FINNEY_GENESIS_HASH) return 0;
    return this.hashes.numberOf.get(h) ?? null;
  }

  /** The SCALE-encoded header (what chainHead_v1_header answers; its blake2 is the block hash). */
  encodedHeader(n: number): Uint8Array {
    return encodeHeader(this.header(n));
  }

  header(n: number): HeaderJson {
    let parentHash = ZERO_HASH;
    if (n > 0) parentHash = n % SEGMENT === 0 ? digest(`scout-stand-in-parent:${this.seed}:${n}`) : this.hashOf(n - 1);
    return {
      parentHash,
      number: `0x${n.toString(16)}`,
      stateRoot: digest(`scout-stand-in-state:${this.seed}:${n}`),
      extrinsicsRoot: digest(`scout-stand-in-extrinsics:${this.seed}:${n}`),
      digest: { logs: this.hashes.upgrades.has(n) ? [RUNTIME_UPDATED_LOG] : [] },
    };
  }
}

/** The SCALE header: parent, Compact number, state root, extrinsics root, Vec<DigestItem>. */
function encodeHeader(h: HeaderJson): Uint8Array {
  return u8aConcat(
    hexToU8a(h.parentHash),
    compactToU8a(Number.parseInt(h.number.slice(2), 16)),
    hexToU8a(h.stateRoot),
    hexToU8a(h.extrinsicsRoot),
    compactToU8a(h.digest.logs.length),
    ...h.digest.logs.map((log) => hexToU8a(log)),
  );
}
