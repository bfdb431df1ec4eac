/**
 * Checked reads of the plain values the metadata-generated codecs produce (numbers for narrow integers, bigints for
 * u64/u128, booleans, SS58 strings, Uint8Array for Vec<u8>, arrays, objects keyed by the metadata's field names).
 * A value of another type means the runtime's types are not what the app reads: it fails with the field's name.
 */

export function fail(what: string, value: unknown): never {
  throw new Error(`chain field ${what} has an unexpected value (${value === null ? 'null' : typeof value})`);
}

type Check = (v: unknown) => boolean;
export const isNum: Check = (v) => typeof v === 'number';
export const isBig: Check = (v) => typeof v === 'bigint';
export const isBool: Check = (v) => typeof v === 'boolean';
export const isText: Check = (v) => typeof v === 'string';

export const toNum = (v: unknown, what: string): number =>
  isNum(v) ? (v as number) : isBig(v) ? Number(v) : fail(what, v);
export const toBig = (v: unknown, what: string): bigint =>
  isBig(v) ? (v as bigint) : isNum(v) ? BigInt(v as number) : fail(what, v);
export const toBool = (v: unknown, what: string): boolean => (isBool(v) ? (v as boolean) : fail(what, v));
export const toText = (v: unknown, what: string): string => (isText(v) ? (v as string) : fail(what, v));

/**
 * A vector in the wanted element type. The codecs already give the wanted type for this runtime's widths (u16 →
 * number, u64 → bigint), so the decoded array is kept as is; a runtime with other widths gets a converted copy.
 */
export function listOf<T>(v: unknown, what: string, wanted: Check, one: (x: unknown, what: string) => T): T[] {
  if (!Array.isArray(v)) fail(what, v);
  if (v.every(wanted)) return v as T[];
  return v.map((x) => one(x, what));
}

export function array(v: unknown, what: string): unknown[] {
  return Array.isArray(v) ? v : fail(what, v);
}

export function struct(v: unknown, what: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(what, v);
  return v as Record<string, unknown>;
}

/** Vec<u8> (decoded as bytes) or Vec<Compact<u8>> (decoded as numbers, subtensor's names) → bytes. */
export function bytesOf(v: unknown, what: string): Uint8Array {
  if (v instanceof Uint8Array) return v;
  return Uint8Array.from(listOf(v, what, isNum, toNum));
}

/** substrate_fixed's `{ bits }` (I96F32, U96F32): the codecs give the bits, or the one-field struct holding them. */
export function fixedBits(v: unknown, what: string): bigint {
  return isBig(v) ? (v as bigint) : toBig(struct(v, what).bits, `${what}.bits`);
}
