/**
 * The real Finney panel (../shared/real, read at test time, never copied into the project) and the same per-subnet
 * statistics computed from a synthetic network state with the panel's own definitions (its README), so the
 * generator's distributions can be compared with Finney's (calibration.test.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { RawNetworkState } from '../raw';

export interface SubnetStats {
  earners: number;
  activeUids: number;
  minerBurn: number;
  regCostTao: number;
  gini: number;
  /** Median and competitive (best non-owner, non-validator) earner's income, USD/day; null when none. */
  medianMinerUsdDay: number | null;
  competitiveMinerUsdDay: number | null;
}

/** The panel's last sweep (one row per subnet), or null with the reason when the file is absent. */
export function readPanelLastSweep(path: string): { rows: SubnetStats[]; taoUsd: number } | { missing: string } {
  if (!existsSync(path)) return { missing: `the real Finney panel is not at ${path}` };
  const lines = gunzipSync(readFileSync(path)).toString('utf8').trim().split('\n');
  const header = lines[0]!.split(',');
  const col = (name: string) => header.indexOf(name);
  // Subnet names are plain words without commas in this file; a split on commas is enough.
  const records = lines.slice(1).map((l) => l.split(','));
  const time = col('snapshot_utc');
  const last = records.reduce((a, r) => (r[time]! > a ? r[time]! : a), '');
  const num = (r: string[], name: string) => (r[col(name)] === '' ? null : Number(r[col(name)]));
  const rows = records.filter((r) => r[time] === last).map((r) => ({
    earners: num(r, 'earners') ?? 0,
    activeUids: num(r, 'active_uids') ?? 0,
    minerBurn: num(r, 'miner_burn') ?? 0,
    regCostTao: num(r, 'reg_cost_tao') ?? 0,
    gini: num(r, 'gini') ?? 0,
    medianMinerUsdDay: num(r, 'median_miner_usd_day'),
    competitiveMinerUsdDay: num(r, 'competitive_miner_usd_day'),
  }));
  const taoUsd = Number(records.find((r) => r[time] === last)![col('tao_usd')]);
  return { rows, taoUsd };
}

function gini(values: number[]): number {
  const v = [...values].sort((a, b) => a - b);
  const n = v.length;
  const total = v.reduce((a, b) => a + b, 0);
  if (n < 2 || total <= 0) return 0;
  let weighted = 0;
  v.forEach((x, i) => (weighted += (i + 1) * x));
  return (2 * weighted) / (n * total) - (n + 1) / n;
}

/** The panel's statistics for every live subnet of a state (root excluded). */
export function statsOf(state: RawNetworkState, taoUsd: number): SubnetStats[] {
  const out: SubnetStats[] = [];
  for (const [netuid, s] of state.subnets) {
    if (netuid === 0) continue;
    const m = s.metagraph;
    const price = Number(s.priceRao ?? 0n) / 1e9;
    const emissionSum = m.emission.reduce((a, e) => a + Number(e), 0) / 1e9;
    const perDay = (inc: number) => (inc / 65535) * (emissionSum / 2) * (7200 / s.dynamic.tempo) * price * taoUsd;
    const earnerUids = m.incentives.flatMap((x, uid) => (x > 0 ? [uid] : []));
    const incomes = earnerUids.map((uid) => perDay(m.incentives[uid]!)).sort((a, b) => a - b);
    const competitive = earnerUids
      .filter((uid) => m.hotkeys[uid] !== s.dynamic.ownerHotkey && m.coldkeys[uid] !== s.dynamic.ownerColdkey && !m.validatorPermit[uid])
      .map((uid) => perDay(m.incentives[uid]!));
    out.push({
      earners: earnerUids.length,
      activeUids: m.incentives.filter((x, uid) => x > 0 || m.dividends[uid]! > 0 || m.validatorPermit[uid]).length,
      minerBurn: s.storage.minerBurnedBits === null ? 0 : Number(s.storage.minerBurnedBits) / 2 ** 32,
      regCostTao: Number(m.burn) / 1e9,
      gini: gini(incomes),
      medianMinerUsdDay: incomes.length ? incomes[Math.floor((incomes.length - 1) / 2)]! : null,
      competitiveMinerUsdDay: competitive.length ? Math.max(...competitive) : null,
    });
  }
  return out;
}

/** The q-quantile (nearest rank) of the non-null values. */
export function quantile(values: ReadonlyArray<number | null>, q: number): number {
  const v = values.filter((x): x is number => x !== null).sort((a, b) => a - b);
  return v[Math.min(v.length - 1, Math.max(0, Math.round(q * (v.length - 1))))] ?? NaN;
}
