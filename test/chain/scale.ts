/**
 * A SCALE encoder compiled from the metadata's own type lookup. @polkadot/types' createType needs ~5 s for a
 * full 7 MB get_all_metagraphs; walking the portable type definitions once and compiling one closure per type
 * id does the same in a small fraction of that, and still hard-codes no shape: every field order, option,
 * compact and enum comes from the metadata being served.
 *
 * Plain values in: structs as objects keyed by the camelCase field name, Option as null/undefined or the
 * value, enums as `{ VariantName: inner }` (or the name for unit variants), numbers as number or bigint,
 * byte vectors as Uint8Array, accounts ([u8; 32]) as SS58 or 0x hex. Missing values encode as the type's
 * default (0, false, empty, None, first variant), which is how the node fills fields the app never reads.
 */
import type { Metadata } from '@polkadot/types';
import { Writer } from './writer';

export interface ScaleField {
  /** camelCase key of a named field, null for a tuple-struct field. */
  key: string | null;
  type: number;
}

export type ScaleType =
  | { kind: 'composite'; fields: ScaleField[] }
  | { kind: 'variant'; option: boolean; variants: Array<{ name: string; index: number; fields: ScaleField[] }> }
  | { kind: 'sequence'; of: number }
  | { kind: 'array'; len: number; of: number }
  | { kind: 'tuple'; of: number[] }
  | { kind: 'primitive'; name: string }
  | { kind: 'compact'; of: number }
  | { kind: 'bitSequence' };

export type Encoder = (w: Writer, value: unknown) => void;

/** Forces Option's Some, for an optional value that is itself None (SelectiveMetagraph's Option<Option<T>>). */
export class Some {
  constructor(readonly value: unknown) {}
}

const camel = (name: string): string => name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** The metadata's portable type registry as plain definitions, indexed by type id. */
export function lookupTypes(metadata: Metadata): ScaleType[] {
  const out: ScaleType[] = [];
  const fieldsOf = (
    fields: Iterable<{ name: { isSome: boolean; unwrap(): { toString(): string } }; type: { toNumber(): number } }>,
  ) =>
    [...fields].map((f) => ({
      key: f.name.isSome ? camel(f.name.unwrap().toString()) : null,
      type: f.type.toNumber(),
    }));
  for (const { id, type } of metadata.asLatest.lookup.types) {
    const def = type.def;
    let t: ScaleType;
    if (def.isComposite) t = { kind: 'composite', fields: fieldsOf(def.asComposite.fields) };
    else if (def.isVariant) {
      t = {
        kind: 'variant',
        option: type.path.length === 1 && type.path[0]?.toString() === 'Option',
        variants: def.asVariant.variants.map((v) => ({
          name: v.name.toString(),
          index: v.index.toNumber(),
          fields: fieldsOf(v.fields),
        })),
      };
    } else if (def.isSequence) t = { kind: 'sequence', of: def.asSequence.type.toNumber() };
    else if (def.isArray) t = { kind: 'array', len: def.asArray.len.toNumber(), of: def.asArray.type.toNumber() };
    else if (def.isTuple) t = { kind: 'tuple', of: def.asTuple.map((x) => x.toNumber()) };
    else if (def.isPrimitive) t = { kind: 'primitive', name: def.asPrimitive.type.toLowerCase() };
    else if (def.isCompact) t = { kind: 'compact', of: def.asCompact.type.toNumber() };
    else t = { kind: 'bitSequence' };
    out[id.toNumber()] = t;
  }
  return out;
}

function toBigInt(value: unknown): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') return BigInt(Math.trunc(value));
  if (typeof value === 'boolean') return value ? 1n : 0n;
  if (typeof value === 'string') return BigInt(value);
  if (value === undefined || value === null) return 0n;
  throw new Error(`expected an integer, got ${typeof value}`);
}

function intEncoder(bits: number, signed: boolean): Encoder {
  if (bits <= 32 && !signed) {
    const write = bits === 8 ? 'u8' : bits === 16 ? 'u16' : 'u32';
    return (w, v) => w[write](typeof v === 'number' ? v : Number(toBigInt(v)));
  }
  return (w, v) => {
    const n = toBigInt(v);
    w.uint(signed ? BigInt.asUintN(bits, n) : n, bits / 8);
  };
}

function primitiveEncoder(name: string): Encoder {
  if (name === 'bool') return (w, v) => w.u8(v ? 1 : 0);
  if (name === 'str') {
    return (w, v) => {
      const bytes = new TextEncoder().encode(typeof v === 'string' ? v : '');
      w.compact(bytes.length);
      w.bytes(bytes);
    };
  }
  if (name === 'char') return (w, v) => w.u32(typeof v === 'string' ? (v.codePointAt(0) ?? 0) : Number(toBigInt(v)));
  const match = /^([ui])(\d+)$/.exec(name);
  if (!match) throw new Error(`unsupported primitive ${name}`);
  return intEncoder(Number(match[2]), match[1] === 'i');
}

function asByteArray(value: unknown): ArrayLike<number> {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return new TextEncoder().encode(value);
  if (typeof value === 'object' && 'length' in value) return value as ArrayLike<number>;
  throw new Error(`expected bytes, got ${typeof value}`);
}

function asList(value: unknown): ArrayLike<unknown> {
  if (value === undefined || value === null) return [];
  if (typeof value === 'object' && 'length' in value) return value as ArrayLike<unknown>;
  throw new Error(`expected a list, got ${typeof value}`);
}

export class ScaleEncoder {
  private readonly cache: Encoder[] = [];

  /** `account` turns an SS58 (or 0x) string into the 32 bytes of an AccountId32. */
  constructor(
    private readonly types: ScaleType[],
    private readonly account: (address: string) => Uint8Array,
  ) {}

  /** `sizeHint`: initial buffer size, so thousands of small storage values do not each allocate 4 KB. */
  encode(typeId: number, value: unknown, sizeHint?: number): Uint8Array {
    const w = new Writer(sizeHint);
    this.encoder(typeId)(w, value);
    return w.finish();
  }

  encoder(id: number): Encoder {
    const cached = this.cache[id];
    if (cached) return cached;
    // Placeholder first, so recursive types compile: the real encoder replaces it before it can run.
    let real: Encoder | undefined;
    this.cache[id] = (w, v) => real?.(w, v);
    real = this.build(this.typeOf(id));
    this.cache[id] = real;
    return real;
  }

  /** Field keys of a struct, looking through Option (as in an API returning Option<SelectiveMetagraph>). */
  structKeys(id: number): string[] {
    const t = this.typeOf(id);
    const inner =
      t.kind === 'variant' && t.option ? t.variants.find((v) => v.name === 'Some')?.fields[0]?.type : undefined;
    if (inner !== undefined) return this.structKeys(inner);
    if (t.kind !== 'composite') throw new Error(`type ${id} is not a struct`);
    return t.fields.map((f) => f.key ?? '');
  }

  private typeOf(id: number): ScaleType {
    const t = this.types[id];
    if (!t) throw new Error(`type ${id} is not in the metadata`);
    return t;
  }

  private isU8(id: number): boolean {
    const t = this.typeOf(id);
    return t.kind === 'primitive' && t.name === 'u8';
  }

  /** `newtype`: a single unnamed field takes the value itself (structs like AccountId32(\[u8; 32\])). */
  private fieldsEncoder(fields: ScaleField[], newtype = true): Encoder {
    const encoders = fields.map((f) => this.encoder(f.type));
    const only = encoders[0];
    if (newtype && fields.length === 1 && fields[0]?.key === null && only) return only;
    if (fields.every((f) => f.key === null)) {
      return (w, v) => {
        const list = asList(v);
        encoders.forEach((enc, i) => enc(w, list[i]));
      };
    }
    const keys = fields.map((f) => f.key ?? '');
    return (w, v) => {
      const obj = (v ?? {}) as Record<string, unknown>;
      for (let i = 0; i < encoders.length; i++) encoders[i]?.(w, obj[keys[i] ?? '']);
    };
  }

  private build(t: ScaleType): Encoder {
    switch (t.kind) {
      case 'primitive':
        return primitiveEncoder(t.name);
      case 'compact':
        return this.compactEncoder(t.of);
      case 'composite':
        return this.fieldsEncoder(t.fields);
      case 'tuple':
        return this.fieldsEncoder(
          t.of.map((type) => ({ key: null, type })),
          false,
        );
      case 'sequence': {
        if (this.isU8(t.of)) {
          return (w, v) => {
            const bytes = asByteArray(v);
            w.compact(bytes.length);
            w.bytes(bytes);
          };
        }
        const item = this.encoder(t.of);
        return (w, v) => {
          const list = asList(v);
          w.compact(list.length);
          for (let i = 0; i < list.length; i++) item(w, list[i]);
        };
      }
      case 'array': {
        if (this.isU8(t.of)) {
          return (w, v) => {
            const bytes = typeof v === 'string' ? this.account(v) : asByteArray(v);
            if (bytes.length !== 0 && bytes.length !== t.len)
              throw new Error(`expected ${t.len} bytes, got ${bytes.length}`);
            if (bytes.length === 0) w.zeros(t.len);
            else w.bytes(bytes);
          };
        }
        const item = this.encoder(t.of);
        return (w, v) => {
          const list = asList(v);
          for (let i = 0; i < t.len; i++) item(w, list[i]);
        };
      }
      case 'variant':
        return t.option ? this.optionEncoder(t) : this.enumEncoder(t);
      case 'bitSequence':
        return (w, v) => {
          if (asList(v).length !== 0) throw new Error('non-empty BitVec values are not supported');
          w.compact(0);
        };
    }
  }

  private compactEncoder(of: number): Encoder {
    const inner = this.typeOf(of);
    // Compact<NewType(u64)> (CompactAs): compact-encode the wrapped integer.
    if (inner.kind === 'composite' && inner.fields.length === 1 && inner.fields[0])
      return this.compactEncoder(inner.fields[0].type);
    // Compact<()> (e.g. a unit weight component) has no bytes at all.
    if (inner.kind === 'tuple' && inner.of.length === 0) return () => undefined;
    if (inner.kind !== 'primitive' || !/^u\d+$/.test(inner.name)) throw new Error(`cannot compact-encode type ${of}`);
    return (w, v) => w.compact(typeof v === 'number' ? v : toBigInt(v));
  }

  private optionEncoder(t: Extract<ScaleType, { kind: 'variant' }>): Encoder {
    const some = t.variants.find((v) => v.name === 'Some');
    if (!some) throw new Error('Option without Some');
    const inner = this.fieldsEncoder(some.fields);
    return (w, v) => {
      if (v === null || v === undefined) w.u8(0);
      else {
        w.u8(1);
        inner(w, v instanceof Some ? v.value : v);
      }
    };
  }

  private enumEncoder(t: Extract<ScaleType, { kind: 'variant' }>): Encoder {
    const byName = new Map(t.variants.map((v) => [v.name, { index: v.index, encode: this.fieldsEncoder(v.fields) }]));
    const first = t.variants[0];
    return (w, v) => {
      const name = typeof v === 'string' ? v : v && typeof v === 'object' ? Object.keys(v)[0] : first?.name;
      const variant = name === undefined ? undefined : byName.get(name);
      if (!variant) throw new Error(`unknown enum variant ${String(name)}`);
      w.u8(variant.index);
      variant.encode(w, v && typeof v === 'object' ? (v as Record<string, unknown>)[name ?? ''] : undefined);
    };
  }
}
