/**
 * The words a refused call comes back with, at both boundaries (the IPC router and the service). Whatever the
 * caller sent (an object as an operation name, a 100 kB key, thousands of wrong fields) the message stays short
 * and readable: it names the operation and the first few problems, and never echoes more than a snippet.
 */
import type { z } from 'zod';

const MAX_ISSUES = 5;
const MAX_PART = 120;

const clip = (s: string, max = MAX_PART) => (s.length > max ? `${s.slice(0, max)}…` : s);

/** An operation name as received: a string is quoted (clipped), anything else is named by its type. */
export function describeMethod(method: unknown): string {
  if (typeof method === 'string') return JSON.stringify(clip(method, 80));
  const type = typeof method;
  const kind =
    method === null ? 'null' : Array.isArray(method) ? 'an array' : /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
  return `(${kind}, not an operation name)`;
}

export function unknownMethodMessage(method: unknown): string {
  return `Unknown operation ${describeMethod(method)}.`;
}

export function invalidArgumentMessage(method: string, error: z.ZodError): string {
  const details = error.issues
    .slice(0, MAX_ISSUES)
    .map((i) => {
      const at = i.path.map((p) => clip(String(p), 40)).join('.');
      return clip(at ? `${at}: ${i.message}` : i.message);
    })
    .join('; ');
  const more = error.issues.length > MAX_ISSUES ? `; and ${error.issues.length - MAX_ISSUES} more` : '';
  return `${method}: invalid argument (${details}${more}).`;
}
