/** Formatting shared by the UI, reports and the CLI. Missing values are "—", never 0. */
import { RAO_PER_TAO } from './domain';

export const MISSING = '—';

/** Rao → TAO as a number (for display and the engine; exact integer arithmetic happens before this). */
export function raoToTao(rao: bigint): number {
  const whole = rao / RAO_PER_TAO;
  const frac = rao % RAO_PER_TAO;
  return Number(whole) + Number(frac) / 1e9;
}

export function formatTao(rao: bigint | null | undefined, digits = 4): string {
  if (rao === null || rao === undefined) return MISSING;
  return `${formatNumber(raoToTao(rao), digits)} τ`;
}

// One formatter per digit count: toLocaleString builds a new Intl.NumberFormat on every call (~40 µs), which made
// formatting the largest cost of repainting a 128-row table.
const formatters = new Map<number, Intl.NumberFormat>();
function formatterFor(maxDigits: number): Intl.NumberFormat {
  let f = formatters.get(maxDigits);
  // signDisplay 'negative': -0, and a tiny negative that rounds to zero, read "0", never "-0".
  if (!f)
    formatters.set(
      maxDigits,
      (f = new Intl.NumberFormat('en-US', {
        maximumFractionDigits: maxDigits,
        minimumFractionDigits: 0,
        signDisplay: 'negative',
      })),
    );
  return f;
}

export function formatNumber(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  const abs = Math.abs(value);
  const maxDigits = abs >= 1000 ? 0 : abs >= 1 ? Math.min(digits, 2) : digits;
  return formatterFor(maxDigits).format(value);
}

export function formatPercent(fraction: number | null | undefined, digits = 2): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return MISSING;
  const text = (fraction * 100).toFixed(digits);
  // toFixed keeps the sign of a value that rounds to zero ("-0.00"): it is zero.
  return `${/^-0(\.0*)?$/.test(text) ? text.slice(1) : text}%`;
}

export function formatInteger(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  return formatterFor(0).format(Math.round(value));
}

/** "3 h ago", "just now", "2 d ago": the age of data as a user reads it. */
export function formatAge(thenMs: number, nowMs: number): string {
  const s = Math.max(0, Math.round((nowMs - thenMs) / 1000));
  if (s < 45) return 'just now';
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min ago`;
  const h = Math.round(m / 60);
  if (h < 48) return `${h} h ago`;
  return `${Math.round(h / 24)} d ago`;
}

export function formatBlock(blockNumber: number): string {
  return formatterFor(0).format(blockNumber);
}

export function formatDateTime(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
}
