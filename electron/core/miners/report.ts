/**
 * "My miners" from the stored syncs: every UID the team's keys hold (or held within the history window) with its
 * status, earnings and the engine's expectation, per-subnet and total sums, the earnings history, and the alerts
 * since the previous sync. Reads the database; the rules themselves live in status.ts, figures.ts, alerts.ts.
 */
import type { Database } from 'better-sqlite3';
import type { SyncPoint } from '../../../shared/domain';
import type { Scenario } from '../../../shared/economics';
import type { MinerAlert, MinerStatus, MyMiner, MyMinersReport, TeamKey } from '../../../shared/miners-types';
import type { AnalysedSubnet } from '../analyses';
import { listPoints, networkAt, neuronsAt, subnetAt } from '../db/snapshot-read';
import { analyzeSubnet } from '../engine';
import { rentFor } from '../engine/newcomer';
import type { Workspace } from '../workspace';
import { minerAlerts, type MinerAtSync } from './alerts';
import { liveFigures, subnetFacts, subnetUids, unknownFigures, type MinerRent } from './figures';
import { earningsHistory, taoPerDayAt, windowMean, type MinerSeries } from './history';
import { hasUidRows, readSightings, scanForKeys, subnetPricing, type Sighting } from './sightings';
import { DANGER_RULE, standingOf, type SubnetFacts, type SubnetUid } from './status';
import { minersTotals, subnetTotals } from './totals';

/** Earnings history and deregistrations reach back this far (chain time), like the engine's window. */
export const MINER_HISTORY_DAYS = 30;
const DAY_MS = 86_400_000;
const block = (n: number) => n.toLocaleString('en-US');

/** One UID over the window: netuid + uid + hotkey, with the keys that matched it and where it was seen. */
interface MinerTrack {
  id: string;
  netuid: number;
  uid: number;
  hotkey: string;
  coldkey: string;
  keyIds: Set<number>;
  byPoint: Map<number, Sighting>;
}

function tracks(sightings: readonly Sighting[]): MinerTrack[] {
  const byId = new Map<string, MinerTrack>();
  for (const s of sightings) {
    const id = `${s.netuid}:${s.uid}:${s.hotkey}`;
    let t = byId.get(id);
    if (!t)
      byId.set(
        id,
        (t = {
          id,
          netuid: s.netuid,
          uid: s.uid,
          hotkey: s.hotkey,
          coldkey: s.coldkey,
          keyIds: new Set(),
          byPoint: new Map(),
        }),
      );
    t.keyIds.add(s.keyId);
    t.byPoint.set(s.pointId, s);
  }
  return [...byId.values()].sort((a, b) => a.netuid - b.netuid || a.uid - b.uid || a.hotkey.localeCompare(b.hotkey));
}

const short = (address: string) => `${address.slice(0, 5)}…${address.slice(-4)}`;

function labelFor(track: MinerTrack, keys: Map<number, TeamKey>): string {
  const matched = [...track.keyIds].map((id) => keys.get(id)).filter((k): k is TeamKey => k !== undefined);
  const hot = matched.find((k) => k.kind === 'hotkey');
  if (hot) return hot.label || short(hot.address);
  const cold = matched.find((k) => k.kind === 'coldkey');
  return `${cold?.label || 'coldkey'} · ${short(track.hotkey)}`;
}

/** The miner's own rent, else its hotkey's, else its coldkey's, else the scenario's for the subnet. */
function rentOf(
  track: MinerTrack,
  keys: Map<number, TeamKey>,
  minerRents: Map<string, number>,
  scenario: Scenario,
): MinerRent {
  const own = minerRents.get(`${track.netuid}:${track.hotkey}`);
  if (own !== undefined) return { usdPerMonth: own, source: 'miner' };
  const matched = [...track.keyIds]
    .map((id) => keys.get(id))
    .filter((k): k is TeamKey => k !== undefined && k.rentUsdPerMonth !== null);
  const key = matched.find((k) => k.kind === 'hotkey') ?? matched[0];
  if (key?.rentUsdPerMonth != null) return { usdPerMonth: key.rentUsdPerMonth, source: 'key' };
  return { usdPerMonth: rentFor(scenario, track.netuid), source: 'scenario' };
}

/** The subnet as the previous sync stored it, ready for the status rules (null: not stored at that sync). */
function standingsAt(db: Database, point: SyncPoint, netuid: number): { facts: SubnetFacts; uids: SubnetUid[] } | null {
  const subnet = subnetAt(db, point.id, netuid);
  const network = networkAt(db, point.id);
  const neurons = neuronsAt(db, point.id, netuid);
  if (!subnet || !network || neurons.length === 0) return null;
  const analysis = analyzeSubnet({
    blockNumber: point.blockNumber,
    blockTimeMs: point.blockTimeMs,
    network,
    subnet,
    neurons,
  });
  return { facts: subnetFacts(subnet, point.blockNumber, analysis), uids: subnetUids(subnet, neurons) };
}

export interface MinersReportOptions {
  scenario: Scenario;
  /** Only this subnet's miners and alerts. */
  netuid?: number;
}

export function buildMinersReport(ws: Workspace, options: MinersReportOptions): MyMinersReport {
  const { db, team: repo } = ws;
  const { scenario } = options;
  const keys = repo.keys();
  const dropPercent = repo.earningsDropAlertPercent();
  const points = listPoints(db);
  const latest = points[points.length - 1] ?? null;
  const previous = points[points.length - 2] ?? null;
  const empty: MyMinersReport = {
    latestBlock: latest?.blockNumber ?? null,
    latestBlockTimeMs: latest?.blockTimeMs ?? null,
    previousBlock: previous?.blockNumber ?? null,
    keys,
    idleKeyIds: keys.map((k) => k.id),
    miners: [],
    subnets: [],
    total: minersTotals([]),
    history: { series: [], total: [] },
    historyDays: MINER_HISTORY_DAYS,
    alerts: [],
    earningsDropAlertPercent: dropPercent,
    dangerRule: DANGER_RULE,
    taoPriceUsd: scenario.taoPriceUsd,
  };
  if (!latest || keys.length === 0) return empty;

  const since = latest.blockTimeMs - MINER_HISTORY_DAYS * DAY_MS;
  const window = points.filter((p) => p.blockTimeMs >= since || p === previous);
  scanForKeys(
    db,
    keys,
    window.map((p) => p.id),
  );
  const all = tracks(
    readSightings(
      db,
      window.map((p) => p.id),
    ),
  ).filter((t) => options.netuid === undefined || t.netuid === options.netuid);
  const keysById = new Map(keys.map((k) => [k.id, k]));
  const minerRents = repo.minerRents();
  const analysed = new Map<number, AnalysedSubnet>(ws.analyses.all().map((a) => [a.latest.snapshot.netuid, a]));
  const pricing = subnetPricing(
    db,
    all.flatMap((t) => [...t.byPoint.values()].map((s) => ({ pointId: s.pointId, netuid: t.netuid }))),
  );
  const latestUids = new Map<number, SubnetUid[]>();
  const previousUids = new Map<number, ReturnType<typeof standingsAt>>();

  const miners: MyMiner[] = [];
  const series: MinerSeries[] = [];
  const alerts: MinerAlert[] = [];
  for (const track of all) {
    const label = labelFor(track, keysById);
    const seen = window.filter((p) => track.byPoint.has(p.id));
    const taoAt = (p: SyncPoint) =>
      taoPerDayAt(track.byPoint.get(p.id)!.emissionRao, pricing.get(`${p.id}:${track.netuid}`));
    const trackSeries: MinerSeries = {
      minerId: track.id,
      label,
      seen: seen.map((p) => ({ blockTimeMs: p.blockTimeMs, taoPerDay: taoAt(p) })),
    };
    series.push(trackSeries);
    const rent = rentOf(track, keysById, minerRents, scenario);
    const a = analysed.get(track.netuid);
    const identity = {
      id: track.id,
      netuid: track.netuid,
      subnetName: a?.latest.snapshot.name ?? `SN${track.netuid}`,
      uid: track.uid,
      hotkey: track.hotkey,
      coldkey: track.coldkey,
      label,
      keyIds: [...track.keyIds].sort((x, y) => x - y),
      windowTaoPerDay: windowMean(trackSeries),
      windowSyncs: seen.length,
    };

    const sightingNow = a ? track.byPoint.get(a.latest.pointId) : undefined;
    let miner: MyMiner;
    if (a && sightingNow) {
      let uids = latestUids.get(track.netuid);
      if (!uids) latestUids.set(track.netuid, (uids = subnetUids(a.latest.snapshot, a.neurons())));
      const me = uids.find((u) => u.uid === track.uid)!;
      const facts = subnetFacts(a.latest.snapshot, a.latest.blockNumber, a.analysis);
      miner = {
        ...identity,
        ...liveFigures(a.analysis, facts, uids, me, scenario, rent),
        blockNumber: a.latest.blockNumber,
        blockTimeMs: a.latest.blockTimeMs,
        prunedAtBlock: null,
        registeredAtBlock: sightingNow.registeredAtBlock,
      };
    } else {
      const lastSeen = seen[seen.length - 1]!;
      // The first later sync that read the subnet's UIDs (old syncs may have been thinned), or any if it is gone.
      const gone = points.find(
        (p) => p.blockNumber > lastSeen.blockNumber && (!a || hasUidRows(db, p.id, track.netuid)),
      );
      const lastSeenAt = `last seen at block ${block(lastSeen.blockNumber)}`;
      miner = {
        ...identity,
        ...unknownFigures(rent),
        status: 'deregistered',
        statusReason: `no longer holds the UID: ${lastSeenAt}${gone ? `, gone at block ${block(gone.blockNumber)}` : ''}`,
        blockNumber: lastSeen.blockNumber,
        blockTimeMs: lastSeen.blockTimeMs,
        prunedAtBlock: gone?.blockNumber ?? null,
        registeredAtBlock: track.byPoint.get(lastSeen.id)!.registeredAtBlock,
      };
    }
    miners.push(miner);

    let before: MinerAtSync | null = null;
    if (previous && track.byPoint.has(previous.id)) {
      if (!previousUids.has(track.netuid)) previousUids.set(track.netuid, standingsAt(db, previous, track.netuid));
      const then = previousUids.get(track.netuid);
      const me = then?.uids.find((u) => u.uid === track.uid);
      const status: MinerStatus | null = then && me ? standingOf(then.uids, then.facts, me).status : null;
      if (status) before = { status, taoPerDay: taoAt(previous) };
    }
    // Alerts say what changed since the previous sync: the first sync has nothing to compare with.
    if (previous)
      alerts.push(
        ...minerAlerts(
          miner,
          before,
          { status: miner.status, taoPerDay: miner.taoPerDay },
          latest.blockNumber,
          dropPercent,
        ),
      );
  }

  const holding = new Set(miners.filter((m) => m.status !== 'deregistered').flatMap((m) => m.keyIds));
  return {
    ...empty,
    idleKeyIds: keys.filter((k) => !holding.has(k.id)).map((k) => k.id),
    miners,
    subnets: subnetTotals(miners),
    total: minersTotals(miners),
    history: earningsHistory(series),
    alerts,
  };
}
