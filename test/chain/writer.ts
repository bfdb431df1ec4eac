/**
 * A growable little-endian byte writer for SCALE encoding: one buffer per response, doubled when full, so a
 * 7 MB metagraph costs a handful of copies rather than thousands of small arrays.
 */
export class Writer {
  private buf: Uint8Array;
  private view: DataView;
  private pos = 0;

  constructor(initialSize = 4096) {
    this.buf = new Uint8Array(Math.max(16, initialSize));
    this.view = new DataView(this.buf.buffer);
  }

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  u8(v: number): void {
    this.ensure(1);
    this.buf[this.pos++] = v & 0xff;
  }

  u16(v: number): void {
    this.ensure(2);
    this.view.setUint16(this.pos, v, true);
    this.pos += 2;
  }

  u32(v: number): void {
    this.ensure(4);
    this.view.setUint32(this.pos, v >>> 0, true);
    this.pos += 4;
  }

  /** An unsigned integer of `byteLength` bytes (u64, u128, u256 and two's-complement signed values). */
  uint(v: bigint, byteLength: number): void {
    this.ensure(byteLength);
    let x = BigInt.asUintN(byteLength * 8, v);
    for (let i = 0; i < byteLength; i += 4) {
      this.view.setUint32(this.pos + i, Number(x & 0xffffffffn), true);
      x >>= 32n;
    }
    this.pos += byteLength;
  }

  bytes(data: ArrayLike<number>): void {
    this.ensure(data.length);
    this.buf.set(data, this.pos);
    this.pos += data.length;
  }

  zeros(n: number): void {
    this.ensure(n);
    this.buf.fill(0, this.pos, this.pos + n);
    this.pos += n;
  }

  /** SCALE compact integer: single-byte, two-byte, four-byte or big-integer mode by magnitude. */
  compact(v: number | bigint): void {
    if (typeof v === 'number' && v < 0x40000000 && v >= 0) {
      if (v < 0x40) this.u8(v << 2);
      else if (v < 0x4000) this.u16((v << 2) | 1);
      else this.u32(((v << 2) | 2) >>> 0);
      return;
    }
    let x = BigInt(v);
    if (x < 0n) throw new Error('compact of a negative number');
    if (x < 0x40000000n) {
      this.compact(Number(x));
      return;
    }
    const out: number[] = [];
    while (x > 0n) {
      out.push(Number(x & 0xffn));
      x >>= 8n;
    }
    this.u8(((out.length - 4) << 2) | 3);
    this.bytes(out);
  }

  finish(): Uint8Array {
    return this.buf.slice(0, this.pos);
  }
}
