/**
 * One subnet's UIDs at one sync, packed into two compressed blobs instead of ~256 rows.
 *
 * Why: per-UID rows were 60 % of a year's data file (2 GB) and most of a sync's write time. Stored column by column
 * as variable-length integers (deltas where neighbours are close: UIDs, key ids, blocks) and deflated, a UID costs
 * ~12 bytes instead of ~60, and a sync writes 128 blobs instead of 32k rows.
 *
 * The account ids go in their own blob (`keys`) so a search for a key (My miners) inflates only that part.
 * Each blob starts with a format byte: a later format can be added beside this one without rewriting history.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { NeuronSnapshot } from '../../../shared/domain';

const FORMAT = 1;
/** Level 1: measured 4 % larger than level 6 on synthetic Finney, for a third of the time. */
const DEFLATE = { level: 1 };

export interface NeuronPack {
  uidCount: number;
  keys: Buffer;
  figures: Buffer;
}

/** The key columns of a pack: what a search for an account reads. */
export interface PackedKeys {
  uids: number[];
  hotkeyIds: number[];
  coldkeyIds: number[];
}

/** Per-UID figures of a pack, same order as its keys. */
interface PackedFigures {
  active: boolean[];
  validatorPermit: boolean[];
  incentivesU16: number[][];
  dividendsU16: number[];
  consensusU16: number[];
  emissionRao: bigint[];
  registeredAtBlock: number[];
  lastUpdateBlock: number[];
  alphaStakeRao: bigint[];
  taoStakeRao: bigint[];
  totalStakeRao: bigint[];
}

/** A UID as packed: its keys are given as account ids beside it. */
export type PackableNeuron = Omit<NeuronSnapshot, 'netuid' | 'hotkey' | 'coldkey'>;

/** `hotkeyIds[i]`/`coldkeyIds[i]`: the account ids of `neurons[i]`'s keys. */
export function packNeurons(
  neurons: readonly PackableNeuron[],
  hotkeyIds: ArrayLike<number> & Iterable<number>,
  coldkeyIds: ArrayLike<number> & Iterable<number>,
): NeuronPack {
  const keys = new VarintWriter(neurons.length * 8);
  keys.byte(FORMAT);
  keys.unsigned(neurons.length);
  keys.deltas(neurons.map((n) => n.uid));
  keys.deltas(hotkeyIds);
  keys.deltas(coldkeyIds);

  const figures = new VarintWriter(neurons.length * 40);
  figures.byte(FORMAT);
  for (const n of neurons) figures.unsigned((n.active ? 1 : 0) | (n.validatorPermit ? 2 : 0));
  for (const n of neurons) figures.unsigned(n.incentivesU16.length);
  for (const n of neurons) for (const v of n.incentivesU16) figures.unsigned(v);
  for (const n of neurons) figures.unsigned(n.dividendsU16);
  for (const n of neurons) figures.unsigned(n.consensusU16);
  for (const n of neurons) figures.big(n.emissionRao);
  figures.deltas(neurons.map((n) => n.registeredAtBlock));
  figures.deltas(neurons.map((n) => n.lastUpdateBlock));
  for (const n of neurons) figures.big(n.alphaStakeRao);
  for (const n of neurons) figures.big(n.taoStakeRao);
  // Total stake is alpha stake plus weighted TAO stake: its difference from alpha stake is a much smaller number.
  for (const n of neurons) figures.signedBig(n.totalStakeRao - n.alphaStakeRao);
  return {
    uidCount: neurons.length,
    keys: deflateRawSync(keys.bytes(), DEFLATE),
    figures: deflateRawSync(figures.bytes(), DEFLATE),
  };
}

export function unpackKeys(blob: Uint8Array): PackedKeys {
  const r = new VarintReader(inflateRawSync(blob));
  r.format();
  const count = r.unsigned();
  return { uids: r.deltas(count), hotkeyIds: r.deltas(count), coldkeyIds: r.deltas(count) };
}

/** Only the UID column of a keys blob: what the newcomer statistics follow (the account ids are not decoded). */
export function unpackUids(blob: Uint8Array): number[] {
  const r = new VarintReader(inflateRawSync(blob));
  r.format();
  return r.deltas(r.unsigned());
}

export function unpackFigures(blob: Uint8Array, count: number): PackedFigures {
  const r = new VarintReader(inflateRawSync(blob));
  r.format();
  const flags = r.list(count, () => r.unsigned());
  const lengths = r.list(count, () => r.unsigned());
  const incentivesU16 = lengths.map((length) => r.list(length, () => r.unsigned()));
  const dividendsU16 = r.list(count, () => r.unsigned());
  const consensusU16 = r.list(count, () => r.unsigned());
  const emissionRao = r.list(count, () => r.big());
  const registeredAtBlock = r.deltas(count);
  const lastUpdateBlock = r.deltas(count);
  const alphaStakeRao = r.list(count, () => r.big());
  const taoStakeRao = r.list(count, () => r.big());
  const totalStakeRao = alphaStakeRao.map((alpha) => alpha + r.signedBig());
  return {
    active: flags.map((f) => (f & 1) !== 0),
    validatorPermit: flags.map((f) => (f & 2) !== 0),
    incentivesU16,
    dividendsU16,
    consensusU16,
    emissionRao,
    registeredAtBlock,
    lastUpdateBlock,
    alphaStakeRao,
    taoStakeRao,
    totalStakeRao,
  };
}

/** The pack's UIDs as domain objects; `addressOf` maps the stored account ids back to SS58. */
export function unpackNeurons(
  netuid: number,
  pack: NeuronPack,
  addressOf: (id: number) => string,
  k: PackedKeys = unpackKeys(pack.keys),
): NeuronSnapshot[] {
  const f = unpackFigures(pack.figures, pack.uidCount);
  return k.uids.map((uid, i) => ({
    netuid,
    uid,
    hotkey: addressOf(k.hotkeyIds[i]!),
    coldkey: addressOf(k.coldkeyIds[i]!),
    active: f.active[i]!,
    validatorPermit: f.validatorPermit[i]!,
    incentivesU16: f.incentivesU16[i]!,
    dividendsU16: f.dividendsU16[i]!,
    consensusU16: f.consensusU16[i]!,
    emissionRao: f.emissionRao[i]!,
    registeredAtBlock: f.registeredAtBlock[i]!,
    lastUpdateBlock: f.lastUpdateBlock[i]!,
    alphaStakeRao: f.alphaStakeRao[i]!,
    taoStakeRao: f.taoStakeRao[i]!,
    totalStakeRao: f.totalStakeRao[i]!,
  }));
}

/**
 * What the newcomer statistics read of a pack: each UID's registration block and its incentive over all mechanisms,
 * Σ_m weight_m · incentive_m (u16 scale) with the subnet's mechanism weights (engine/incentive.ts splitWeights), so a
 * share of the total is a share of the miner pool on a subnet with several mechanisms too. Skips the other columns
 * without decoding them (no BigInt), since it runs over every pack of a month.
 */
export function unpackRegistrations(
  blob: Uint8Array,
  count: number,
  weightsFor: (mechanismsRead: number) => readonly number[],
): { incentive: Float64Array; registeredAtBlock: Float64Array } {
  const r = new VarintReader(inflateRawSync(blob));
  r.format();
  r.skip(count); // flags
  const lengths = new Uint32Array(count);
  let mechanismsRead = 1;
  for (let i = 0; i < count; i++) {
    lengths[i] = r.unsigned();
    if (lengths[i]! > mechanismsRead) mechanismsRead = lengths[i]!;
  }
  const weights = weightsFor(mechanismsRead);
  const incentive = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    let sum = 0;
    for (let m = 0; m < lengths[i]!; m++) sum += (weights[m] ?? 0) * r.unsigned();
    incentive[i] = sum;
  }
  r.skip(3 * count); // dividends, consensus, emission
  // Into a typed array: a month of packs is read at a start, and per-pack garbage is most of its cost.
  const registeredAtBlock = new Float64Array(count);
  r.deltasInto(registeredAtBlock);
  return { incentive, registeredAtBlock };
}

/** The figures a key search copies out of one UID of a pack (My miners' sightings). */
export function unpackEarnings(pack: NeuronPack): { emissionRao: bigint[]; registeredAtBlock: number[] } {
  const f = unpackFigures(pack.figures, pack.uidCount);
  return { emissionRao: f.emissionRao, registeredAtBlock: f.registeredAtBlock };
}

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const U64_MAX = 2n ** 64n - 1n;
/** Below this a zigzagged value (2|v|, or 2|v| - 1) is still a safe integer. */
const HALF_SAFE = 2 ** 51;

/** LEB128 unsigned varints; Number arithmetic while values fit in 2^53 (nearly always), BigInt beyond. */
class VarintWriter {
  private buf: Uint8Array;
  private at = 0;

  constructor(initial: number) {
    this.buf = new Uint8Array(Math.max(64, initial));
  }

  byte(b: number): void {
    if (this.at === this.buf.length) this.grow();
    this.buf[this.at++] = b;
  }

  unsigned(v: number): void {
    if (v >= 0 && v <= 0x7fffffff && (v | 0) === v) {
      // Most values (u16 figures, deltas, block numbers): bit operations, which are exact below 2^31.
      while (v >= 128) {
        this.byte((v & 127) | 128);
        v >>>= 7;
      }
      return this.byte(v);
    }
    if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`cannot pack ${v}: not an unsigned integer`);
    while (v >= 128) {
      this.byte((v % 128) | 128);
      v = Math.floor(v / 128);
    }
    this.byte(v);
  }

  /** A chain amount: u64. */
  big(v: bigint): void {
    // Converting first spares the BigInt comparisons for the usual amount below 2^53 (Number(v) of a larger one
    // rounds to at least 2^53, so it still takes the exact path).
    const n = Number(v);
    if (n >= 0 && n <= Number.MAX_SAFE_INTEGER) return this.unsigned(n);
    if (v < 0n || v > U64_MAX) throw new RangeError(`cannot pack ${v}: not a u64 amount`);
    this.anyBig(v);
  }

  /** Zigzag: small negative numbers stay small. */
  signedBig(v: bigint): void {
    const n = Number(v);
    if (Math.abs(n) <= HALF_SAFE) return this.unsigned(n >= 0 ? n * 2 : -n * 2 - 1);
    this.anyBig(v >= 0n ? v * 2n : -v * 2n - 1n);
  }

  private anyBig(v: bigint): void {
    if (v <= SAFE) return this.unsigned(Number(v));
    while (v >= 128n) {
      this.byte(Number(v & 127n) | 128);
      v >>= 7n;
    }
    this.byte(Number(v));
  }

  /** Each value as its difference from the previous one (zigzag), for sorted or clustered columns. */
  deltas(values: Iterable<number>): void {
    let previous = 0;
    for (const v of values) {
      const d = v - previous;
      this.unsigned(d >= 0 ? d * 2 : -d * 2 - 1);
      previous = v;
    }
  }

  bytes(): Uint8Array {
    return this.buf.subarray(0, this.at);
  }

  private grow(): void {
    const next = new Uint8Array(this.buf.length * 2);
    next.set(this.buf);
    this.buf = next;
  }
}

class VarintReader {
  private at = 0;

  constructor(private readonly buf: Uint8Array) {}

  format(): void {
    const f = this.buf[this.at++];
    if (f !== FORMAT)
      throw new Error(`UID data in an unknown format (${f}): written by a newer version of Subnet Scout`);
  }

  unsigned(): number {
    let v = 0;
    let scale = 1;
    for (;;) {
      const b = this.next();
      v += (b & 127) * scale;
      if (b < 128) return v;
      scale *= 128;
      if (scale > 2 ** 49) throw new Error('UID data is damaged (a number is too long)');
    }
  }

  big(): bigint {
    const start = this.at;
    let v = 0;
    let scale = 1;
    for (;;) {
      const b = this.next();
      v += (b & 127) * scale;
      if (b < 128) return BigInt(v);
      scale *= 128;
      if (scale > 2 ** 42) break; // an eighth byte could pass 2^53: read it again exactly
    }
    this.at = start;
    let out = 0n;
    let shift = 0n;
    for (;;) {
      const b = this.next();
      out |= BigInt(b & 127) << shift;
      if (b < 128) return out;
      shift += 7n;
    }
  }

  signedBig(): bigint {
    const z = this.big();
    return z & 1n ? -(z >> 1n) - 1n : z >> 1n;
  }

  deltas(count: number): number[] {
    const out = new Array<number>(count);
    this.deltasInto(out);
    return out;
  }

  deltasInto(out: { length: number; [i: number]: number }): void {
    let previous = 0;
    for (let i = 0; i < out.length; i++) {
      const z = this.unsigned();
      previous += z % 2 === 0 ? z / 2 : -(z + 1) / 2;
      out[i] = previous;
    }
  }

  /** Passes over `count` varints of any size. */
  skip(count: number): void {
    for (let i = 0; i < count; i++) while (this.next() >= 128);
  }

  list<T>(count: number, read: () => T): T[] {
    const out = new Array<T>(count);
    for (let i = 0; i < count; i++) out[i] = read();
    return out;
  }

  private next(): number {
    if (this.at >= this.buf.length) throw new Error('UID data is damaged (it ends early)');
    return this.buf[this.at++]!;
  }
}
