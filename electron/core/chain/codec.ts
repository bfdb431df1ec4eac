/**
 * Reading @polkadot/types codecs into plain values. Amounts always through toBigInt (toJSON turns values above
 * 2^52 into hex strings); names are UTF-8 bytes (Vec<Compact<u8>>), never String.fromCharCode.
 */

/** The small part of the codec surface we read; polkadot's Codec classes all satisfy it structurally. */
export interface CodecLike {
  toBigInt?(): bigint;
  toNumber?(): number;
  toString(): string;
  toU8a(isBare?: boolean): Uint8Array;
  isTrue?: boolean;
  isSome?: boolean;
  isNone?: boolean;
  unwrap?(): CodecLike;
  [field: string]: unknown;
}

export const field = (c: CodecLike, name: string): CodecLike => {
  const v = c[name];
  if (v === undefined) throw new Error(`field ${name} missing in ${c.constructor?.name ?? 'struct'}`);
  return v as CodecLike;
};
export const big = (c: CodecLike): bigint => c.toBigInt!();
export const num = (c: CodecLike): number => c.toNumber!();
export const bool = (c: CodecLike): boolean => c.isTrue === true;
export const list = (c: CodecLike): CodecLike[] => Array.from(c as unknown as Iterable<CodecLike>);
export const bytesOfCompacts = (c: CodecLike): Uint8Array => Uint8Array.from(list(c).map(num));
/** Raw Vec<u8> content without its length prefix. */
export const bytes = (c: CodecLike): Uint8Array => c.toU8a(true);

export function option(c: CodecLike): CodecLike | null {
  return c.isSome ? c.unwrap!() : null;
}

