/**
 * What `--json` and `--csv` print: plain JSON a script can read without knowing this app. Chain amounts are bigint rao
 * inside the app; out here every `…Rao` field is a decimal string (exact), followed by the same amount as a decimal
 * number in its unit (`…Tao`, or `…Alpha` for an amount of alpha). Every command's machine output goes through here.
 */
import { raoToTao } from '../../../shared/format';

/** Bumped when a field is renamed, removed or changes unit (adding fields keeps it). */
export const JSON_SCHEMA_VERSION = 1;

/** The number beside a rao field: `alphaReserveRao` is alpha, every other rao amount (prices included) is TAO. */
function unitName(raoKey: string): string {
  const stem = raoKey.slice(0, -'Rao'.length);
  return stem === 'alphaReserve' ? `${stem}Alpha` : `${stem}Tao`;
}

export function plain(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(plain);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = plain(v);
    if (key.endsWith('Rao') && (typeof v === 'bigint' || v === null))
      out[unitName(key)] = v === null ? null : raoToTao(v);
  }
  return out;
}

/** One JSON document with `schemaVersion` first. */
export function toPlainJson(value: object): string {
  return JSON.stringify({ schemaVersion: JSON_SCHEMA_VERSION, ...(plain(value) as object) });
}

const csvCell = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  const text = typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** CSV with the JSON rows' fields as columns, in the same order, names and units. */
export function toPlainCsv(rows: object[]): string[] {
  const plainRows = rows.map((r) => plain(r) as Record<string, unknown>);
  const columns = plainRows[0] ? Object.keys(plainRows[0]) : [];
  return [columns.join(','), ...plainRows.map((r) => columns.map((c) => csvCell(r[c])).join(','))];
}
