/**
 * "What changed since the previous sync" for the subnets of a watchlist: key figures at the subnet's newest and
 * previous stored points, with moves beyond the list's thresholds highlighted, and the verdict then and now under
 * the active scenario.
 */
import type { Database } from 'better-sqlite3';
import type { ChangeThresholds, MetricChange, WatchedSubnet } from '../../shared/api-types';
import { BLOCKS_PER_DAY } from '../../shared/domain';
import type { Scenario, VerdictThresholds } from '../../shared/economics';
import type { SubnetSnapshot } from '../../shared/domain';
import type { Analyses } from './analyses';
import { analyzeSubnet, DEFAULT_WINDOW_DAYS, evaluateNewcomer } from './engine';
import { networkAt, neuronsAt, subnetAt } from './db/snapshot-read';
import { newestSummaries, summariesBefore } from './db/summary-repo';

function relative(previous: number | null, current: number | null, threshold: number): MetricChange {
  if (previous === null || current === null) return { previous, current, change: null, highlighted: false };
  const change = previous === 0 ? (current === 0 ? 0 : null) : (current - previous) / Math.abs(previous);
  return {
    previous,
    current,
    change,
    highlighted: change === null ? current !== previous : Math.abs(change) > threshold,
  };
}

function absolute(previous: number | null, current: number | null, threshold: number): MetricChange {
  if (previous === null || current === null) return { previous, current, change: null, highlighted: false };
  const change = current - previous;
  return { previous, current, change, highlighted: Math.abs(change) > threshold };
}

/** The network's sync point before `block` (a subnet first seen at `block` was not there then). */
function previousNetworkBlock(db: Database, block: number | null): number | null {
  if (block === null) return null;
  return (
    (db.prepare('SELECT MAX(block_number) FROM sync_points WHERE block_number < ?').pluck().get(block) as
      number | null) ?? null
  );
}

/** The subnet's two newest stored points (newest first). */
function lastTwoPoints(db: Database, netuid: number): { pointId: number; blockNumber: number; blockTimeMs: number }[] {
  return db
    .prepare(
      `SELECT ss.point_id AS pointId, p.block_number AS blockNumber, p.block_time_ms AS blockTimeMs
       FROM subnet_snapshots ss JOIN sync_points p ON p.id = ss.point_id
       WHERE ss.netuid = ? ORDER BY p.block_number DESC LIMIT 2`,
    )
    .all(netuid) as { pointId: number; blockNumber: number; blockTimeMs: number }[];
}

/**
 * The verdict at the subnet's previous point, as the engine gave it then: over the window before that point. Only
 * the summaries that analysis uses are read (a month of a year's hourly syncs, not all 8,760).
 */
function previousVerdict(
  db: Database,
  netuid: number,
  point: { pointId: number; blockNumber: number; blockTimeMs: number },
  scenario: Scenario,
  thresholds: VerdictThresholds,
) {
  const subnet = subnetAt(db, point.pointId, netuid);
  const network = networkAt(db, point.pointId);
  if (!subnet || !network) return null;
  const neurons = neuronsAt(db, point.pointId, netuid);
  const windowDays = DEFAULT_WINDOW_DAYS;
  const history = summariesBefore(db, netuid, point.blockNumber, point.blockNumber - windowDays * BLOCKS_PER_DAY);
  const analysis = analyzeSubnet(
    {
      blockNumber: point.blockNumber,
      blockTimeMs: point.blockTimeMs,
      network,
      subnet,
      neurons: neurons.length ? neurons : null,
    },
    history,
    { windowDays },
  );
  return evaluateNewcomer(analysis, scenario, thresholds).verdict.label;
}

/**
 * What between the two syncs resets the field for newcomers: new scoring code (the owner changed WeightsVersionKey,
 * so validators score with new code and old leaders may fall), a mechanism added (new scoring to compete on), the
 * miner burn dropped (more of the pool paid to miners), registration opened, or the subnet is new since the previous
 * sync (a netuid re-registered after its subnet was dissolved is new too). A figure either point lacks (an older
 * runtime, a row stored before it was read) says nothing.
 */
export function competitionResets(
  previous: SubnetSnapshot | null,
  current: SubnetSnapshot | null,
  previousBlock: number | null,
): string[] {
  if (!current) return [];
  const out: string[] = [];
  if (!previous) {
    if (previousBlock !== null && current.registeredAtBlock > previousBlock)
      out.push('new subnet since the previous sync');
    return out;
  }
  if (current.registeredAtBlock !== previous.registeredAtBlock)
    return ['new subnet on this netuid since the previous sync (the old one was dissolved)'];
  if (
    previous.weightsVersionKey !== null &&
    current.weightsVersionKey !== null &&
    current.weightsVersionKey !== previous.weightsVersionKey
  ) {
    out.push(`scoring code changed: weights version ${previous.weightsVersionKey} → ${current.weightsVersionKey}`);
  }
  if (current.mechanismCount > previous.mechanismCount)
    out.push(`a mechanism was added (${previous.mechanismCount} → ${current.mechanismCount})`);
  if (
    previous.minerBurnedFraction !== null &&
    current.minerBurnedFraction !== null &&
    current.minerBurnedFraction < previous.minerBurnedFraction - 0.01
  ) {
    out.push(
      `the miner burn dropped (${Math.round(previous.minerBurnedFraction * 100)}% → ${Math.round(current.minerBurnedFraction * 100)}%)`,
    );
  }
  if (!previous.registrationAllowed && current.registrationAllowed) out.push('registration opened');
  return out;
}

export function watchlistChanges(
  db: Database,
  analyses: Analyses,
  netuids: number[],
  limits: ChangeThresholds,
  scenario: Scenario,
  thresholds: VerdictThresholds,
): WatchedSubnet[] {
  return netuids.map((netuid) => {
    const current = analyses.get(netuid);
    const newest = newestSummaries(db, netuid, 2);
    const now = newest[newest.length - 1] ?? null;
    const before = newest.length > 1 ? newest[0]! : null;
    const points = lastTwoPoints(db, netuid);
    const currentVerdict = current ? evaluateNewcomer(current.analysis, scenario, thresholds) : null;
    const prevVerdict = points[1] ? previousVerdict(db, netuid, points[1], scenario, thresholds) : null;
    return {
      netuid,
      name: current?.latest.snapshot.name ?? `SN${netuid}`,
      symbol: current?.latest.snapshot.symbol ?? '',
      currentBlock: now?.blockNumber ?? null,
      previousBlock: before?.blockNumber ?? null,
      emissionShare: relative(before?.emissionShare ?? null, now?.emissionShare ?? null, limits.emissionShare),
      priceTao: relative(before?.priceTao ?? null, now?.priceTao ?? null, limits.price),
      registrationCostTao: relative(before?.burnTao ?? null, now?.burnTao ?? null, limits.registrationCost),
      earningMiners: relative(before?.earningMiners ?? null, now?.earningMiners ?? null, limits.earningMiners),
      gini: absolute(before?.gini ?? null, now?.gini ?? null, limits.gini),
      verdict: {
        previous: prevVerdict,
        current: currentVerdict?.verdict.label ?? null,
        changed: prevVerdict !== null && currentVerdict !== null && prevVerdict !== currentVerdict.verdict.label,
      },
      profitUsdPerMonth: currentVerdict?.profitUsdPerMonth.value ?? null,
      competitionResets: competitionResets(
        points[1] ? subnetAt(db, points[1].pointId, netuid) : null,
        points[0] ? subnetAt(db, points[0].pointId, netuid) : null,
        points[1]?.blockNumber ?? previousNetworkBlock(db, points[0]?.blockNumber ?? null),
      ),
    };
  });
}
