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

export function formatNumber(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  const abs = Math.abs(value);
  const maxDigits = abs >= 1000 ? 0 : abs >= 1 ? Math.min(digits, 2) : digits;
  return value.toLocaleString('en-US', { maximumFractionDigits: maxDigits, minimumFractionDigits: 0 });
}

export function formatPercent(fraction: number | null | undefined, digits = 2): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return MISSING;
  return `${(fraction * 100).toFixed(digits)}%`;
}

export function formatInteger(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  return Math.round(value).toLocaleString('en-US');
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
  return blockNumber.toLocaleString('en-US');
}

export function formatDateTime(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
}
