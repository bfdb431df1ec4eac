/**
 * The engine's per-subnet analyses of the latest data, computed once per sync and cached: the scenario-dependent
 * evaluation (every slider move) then runs on these in about a millisecond.
 */
import type { Database } from 'better-sqlite3';
import type { SubnetAnalysis, SubnetHistoryPoint, SubnetInput } from '../../shared/economics';
import { BLOCKS_PER_DAY } from '../../shared/domain';
import { analyzeSubnet, DEFAULT_WINDOW_DAYS } from './engine';
import { latestSubnets, neuronsAt, type LatestSubnet } from './db/snapshot-read';
import { summariesSince } from './db/summary-repo';

export interface AnalysedSubnet {
  latest: LatestSubnet;
  input: SubnetInput;
  analysis: SubnetAnalysis;
}

export class Analyses {
  private key = '';
  private byNetuid = new Map<number, AnalysedSubnet>();

  constructor(private readonly db: Database) {}

  /** Recomputes only when a sync added or removed points since the last call. */
  private refresh(): void {
    const { maxId, count } = this.db.prepare('SELECT MAX(id) AS maxId, COUNT(*) AS count FROM sync_points').get() as {
      maxId: number | null;
      count: number;
    };
    const key = `${maxId}:${count}`;
    if (key === this.key) return;
    const subnets = latestSubnets(this.db);
    // The analyses read the window before each subnet's newest point, not all history.
    const from = Math.min(...subnets.map((s) => s.blockNumber)) - DEFAULT_WINDOW_DAYS * BLOCKS_PER_DAY;
    const history = subnets.length ? summariesSince(this.db, from) : new Map<number, SubnetHistoryPoint[]>();
    const next = new Map<number, AnalysedSubnet>();
    for (const latest of subnets) {
      const netuid = latest.snapshot.netuid;
      const input: SubnetInput = {
        blockNumber: latest.blockNumber,
        blockTimeMs: latest.blockTimeMs,
        network: latest.network,
        subnet: latest.snapshot,
        neurons: neuronsAt(this.db, latest.pointId, netuid),
      };
      const past = (history.get(netuid) ?? []).filter((p) => p.blockNumber < latest.blockNumber);
      next.set(netuid, { latest, input, analysis: analyzeSubnet(input, past) });
    }
    this.byNetuid = next;
    this.key = key;
  }

  all(): AnalysedSubnet[] {
    this.refresh();
    return [...this.byNetuid.values()];
  }

  get(netuid: number): AnalysedSubnet | null {
    this.refresh();
    return this.byNetuid.get(netuid) ?? null;
  }
}
