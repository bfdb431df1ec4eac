/**
 * A subnet's backtest pairs as one blob for the analysis cache: nine little-endian float64 per pair after a format
 * byte. Why not JSON: the pairs were 30 MB of JSON for every subnet of a year-long history, written after every sync
 * and parsed at every start; packed they are a quarter of that and cost no string building.
 * Every figure comes back exactly (float64 in, float64 out); null is stored as NaN, which no stored figure is (the
 * cache stores only finite figures, see analyses.ts).
 */
import type { BacktestPair } from '../../../shared/economics';
import { OWNER_TAKES_ALL } from '../engine/pool';

/** 2: the forecast over 7 and 30 days and the owner-takes-all note (a cache of format 1 is a miss, recomputed). */
const FORMAT = 2;
const FIELDS = 9;
const BYTES = FIELDS * 8;

// Flags: the prior's P(earn), whether the newcomer earned (neither bit: not known yet), and the chain rule that
// decided the forecast (the only note the engine writes: the owner takes the whole pool).
const FROM_PRIOR = 1;
const EARNED = 2;
const DID_NOT_EARN = 4;
const OWNER_TOOK_ALL = 8;

/** Null when a figure is not finite (it would come back as null): the caller then stores nothing. */
export function packBacktestPairs(pairs: readonly BacktestPair[]): Buffer | null {
  const out = Buffer.allocUnsafe(1 + pairs.length * BYTES);
  out[0] = FORMAT;
  // A DataView writes a float64 in place; Buffer.writeDoubleLE goes through a scratch array, byte by byte (a tenth
  // of what storing the analyses cost each sync).
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  let at = 1;
  for (const p of pairs) {
    const { earnChance, alphaPerDay, note } = p.predicted;
    const { earned, alphaPerDay7d, alphaPerDay30d } = p.actual;
    const forecasts = [earnChance, alphaPerDay, p.predicted.alphaPerDay7d, p.predicted.alphaPerDay30d];
    if (!forecasts.every(Number.isFinite) || (note !== null && note !== OWNER_TAKES_ALL)) return null;
    if (
      (alphaPerDay7d !== null && !Number.isFinite(alphaPerDay7d)) ||
      (alphaPerDay30d !== null && !Number.isFinite(alphaPerDay30d))
    )
      return null;
    const flags =
      (p.predicted.earnChanceFromPrior ? FROM_PRIOR : 0) |
      (earned === null ? 0 : earned ? EARNED : DID_NOT_EARN) |
      (note === null ? 0 : OWNER_TOOK_ALL);
    view.setFloat64(at, p.uid, true);
    view.setFloat64(at + 8, p.registeredAtBlock, true);
    view.setFloat64(at + 16, flags, true);
    view.setFloat64(at + 24, earnChance, true);
    view.setFloat64(at + 32, alphaPerDay, true);
    view.setFloat64(at + 40, alphaPerDay7d ?? Number.NaN, true);
    view.setFloat64(at + 48, alphaPerDay30d ?? Number.NaN, true);
    view.setFloat64(at + 56, p.predicted.alphaPerDay7d, true);
    view.setFloat64(at + 64, p.predicted.alphaPerDay30d, true);
    at += BYTES;
  }
  return out;
}

export function unpackBacktestPairs(blob: Buffer): BacktestPair[] {
  if (blob[0] !== FORMAT)
    throw new Error(
      (blob[0] ?? 0) > FORMAT
        ? `backtest pairs in an unknown format (${blob[0]}): written by a newer version of Subnet Scout`
        : `backtest pairs in an older format (${blob[0]}): to be recomputed`,
    );
  if ((blob.length - 1) % BYTES !== 0) throw new Error('backtest pairs are damaged (a pair is cut short)');
  const pairs = new Array<BacktestPair>((blob.length - 1) / BYTES);
  const orNull = (v: number) => (Number.isNaN(v) ? null : v);
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  const read = (at: number) => view.getFloat64(at, true);
  for (let i = 0, at = 1; i < pairs.length; i++, at += BYTES) {
    const flags = read(at + 16);
    pairs[i] = {
      uid: read(at),
      registeredAtBlock: read(at + 8),
      predicted: {
        earnChance: read(at + 24),
        earnChanceFromPrior: (flags & FROM_PRIOR) !== 0,
        alphaPerDay: read(at + 32),
        alphaPerDay7d: read(at + 56),
        alphaPerDay30d: read(at + 64),
        note: flags & OWNER_TOOK_ALL ? OWNER_TAKES_ALL : null,
      },
      actual: {
        earned: flags & EARNED ? true : flags & DID_NOT_EARN ? false : null,
        alphaPerDay7d: orNull(read(at + 40)),
        alphaPerDay30d: orNull(read(at + 48)),
      },
    };
  }
  return pairs;
}
