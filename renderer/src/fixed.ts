/**
 * Numbers and dates as the screens show them. Table columns use a fixed count of decimals (trailing zeros kept)
 * so that, in tabular numerals, the decimal points line up down a column. Dates go through Intl in the user's
 * locale and time zone, one format everywhere.
 */
import { MISSING, raoToTao } from '../../shared/format';

const fixedFormats = new Map<number, Intl.NumberFormat>();

/** `value` with exactly `digits` decimals ("0.050", "1,234.500"); "—" when unknown. */
export function formatFixed(value: number | null | undefined, digits: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  let f = fixedFormats.get(digits);
  if (!f)
    fixedFormats.set(
      digits,
      (f = new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })),
    );
  return f.format(value);
}

/** Rao as TAO with exactly `digits` decimals and the τ sign. */
export function formatTaoFixed(rao: bigint | null | undefined, digits: number): string {
  return rao === null || rao === undefined ? MISSING : `${formatFixed(raoToTao(rao), digits)} τ`;
}

// undefined locale: the user's (the OS's, in Electron); built once, Intl formatters are slow to make.
const WHEN = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const DAY = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const DAY_WITH_YEAR = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const TIME = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

/** A moment: date and time ("Aug 21, 2026, 6:00 PM" in en-US). */
export const formatWhen = (ms: number): string => WHEN.format(ms);
/** A day, with the year only when asked (chart axes whose range spans years). */
export const formatDay = (ms: number, withYear = false): string => (withYear ? DAY_WITH_YEAR : DAY).format(ms);
/** A time of day today. */
export const formatTime = (ms: number): string => TIME.format(ms);
