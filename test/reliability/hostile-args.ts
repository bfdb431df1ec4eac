/**
 * Arguments a compromised or buggy renderer could send: wrong types, huge strings, prototype-pollution keys,
 * NaN/Infinity, deep nesting, arrays for objects, and valid arguments with one part swapped for any of those.
 */
import fc from 'fast-check';

export const HUGE_STRING = 'x'.repeat(1_000_000);
const HUGE_KEY = 'k'.repeat(100_000);

/** `{"__proto__": …}` as an own key, the way JSON.parse (and so every wire) delivers it. */
const parsed = (json: string): unknown => JSON.parse(json);

function nest(depth: number, asArray: boolean): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = asArray ? [v] : { a: v };
  return v;
}

const hostileKey = fc.constantFrom(
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
  '',
  ' ',
  '0',
  'then',
);

const hostileLeaf = fc.oneof(
  fc.constantFrom<unknown>(
    NaN,
    Infinity,
    -Infinity,
    -0,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER + 2,
    2 ** 53,
    0.1 + 0.2,
    -1,
    null,
    undefined,
    true,
    false,
    '',
    ' ',
    '0',
    'NaN',
    'null',
    '__proto__',
    '../../../../etc/passwd',
    'C:\\Windows\\system32',
    'javascript:alert(1)',
    '<img src=x onerror=alert(1)>',
    "'; DROP TABLE notes; --",
    '\u0000',
    '\ud800',
    '🦀'.repeat(50),
    HUGE_STRING,
  ),
  fc.bigInt(),
  fc.double(),
  fc.integer(),
  fc.string({ maxLength: 40 }),
  fc.date(),
);

const polluter = fc.constantFrom<unknown>(
  parsed('{"__proto__": {"polluted": "yes"}}'),
  parsed('{"constructor": {"prototype": {"polluted": "yes"}}}'),
  parsed('{"a": {"__proto__": {"polluted": "yes"}}, "__proto__": []}'),
  parsed('[{"__proto__": {"polluted": "yes"}}]'),
  { [HUGE_KEY]: 1 },
  Object.create(null) as unknown,
  nest(5_000, true),
  nest(5_000, false),
  new Array(100_000).fill(0),
  new Map([['a', 1]]),
  new Set([1]),
  new Uint8Array(16),
);

/** Any hostile value, nested a little. */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { maxDepth: 3, depthSize: 'small' },
    hostileLeaf,
    polluter,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.string({ maxLength: 8 }), hostileKey), tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** Everything fast-check can make, with null prototypes, boxed values, sparse arrays and typed arrays. */
export const anything = fc.anything({
  maxDepth: 3,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  key: fc.oneof(fc.string({ maxLength: 8 }), hostileKey),
});

type Path = (string | number)[];

function pathsOf(value: unknown, at: Path = []): Path[] {
  const out: Path[] = [at];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...at, i])));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...at, k]));
  return out;
}

function replaceAt(value: unknown, path: Path, next: (old: unknown) => unknown): unknown {
  if (path.length === 0) return next(value);
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? replaceAt(v, rest, next) : v));
  const copy: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as object))
    Object.defineProperty(copy, k, {
      value: k === head ? replaceAt(v, rest, next) : v,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return copy;
}

/** A valid argument with one part changed: swapped for a hostile value, wrapped in an array, given an extra key, or removed. */
export function nearValid(example: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(example);
  return fc
    .tuple(
      fc.nat({ max: paths.length - 1 }),
      hostileValue,
      fc.constantFrom('swap', 'wrap', 'extra-key', 'drop'),
      hostileKey,
    )
    .map(([i, v, how, key]) => {
      const path = paths[i]!;
      return replaceAt(example, path, (old) => {
        if (how === 'swap') return v;
        if (how === 'wrap') return [old];
        if (how === 'drop') return undefined;
        if (!old || typeof old !== 'object' || Array.isArray(old)) return v;
        const withKey = { ...old };
        Object.defineProperty(withKey, key, { value: v, enumerable: true, writable: true, configurable: true });
        return withKey;
      });
    });
}
