/**
 * JSON with bigint: chain amounts are bigint rao, and JSON has no bigint. The test host and the CLI's --json use
 * this encoding ({"$bigint":"123"}); Electron IPC carries bigint natively through structured clone.
 */
export function toWire(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? { $bigint: v.toString() } : v));
}

export function fromWire<T = unknown>(text: string): T {
  return JSON.parse(text, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const keys = Object.keys(v);
      const tagged = (v as { $bigint?: unknown }).$bigint;
      if (keys.length === 1 && typeof tagged === 'string' && /^-?\d+$/.test(tagged)) return BigInt(tagged);
    }
    return v;
  }) as T;
}
