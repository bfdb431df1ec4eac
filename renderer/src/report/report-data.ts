/**
 * Everything a printed report needs, fetched in one go: the active scenario (from settings), the subnet's detail,
 * its sensitivity grid and its notes. Reports read the same contract the screens do.
 */
import type { SubnetDetail, SubnetRow, Watchlist } from '../../../shared/api-types';
import type { MinerEconomics, Scenario, SensitivityGrid } from '../../../shared/economics';
import type { SyncPoint } from '../../../shared/domain';
import type { Note } from '../../../shared/notes-types';
import type { MyMinersReport } from '../../../shared/miners-types';
import { scout } from '../scout';

export interface SubnetReportData {
  detail: SubnetDetail;
  sensitivity: SensitivityGrid;
  notes: Note[];
  /** The team's UIDs on this subnet (My miners). */
  miners: MyMinersReport;
}

export interface ReportContext {
  scenario: Scenario;
  point: SyncPoint | null;
  demo: boolean;
}

export async function loadContext(): Promise<ReportContext> {
  const [settings, list] = await Promise.all([scout.call('settings.get'), scout.call('subnets.list')]);
  return { scenario: settings.scenario, point: list.point, demo: list.dataset === 'demo' };
}

export async function loadSubnetReport(netuid: number, scenario: Scenario): Promise<SubnetReportData> {
  const [detail, sensitivity, summaries, miners] = await Promise.all([
    scout.call('subnet.economics', { netuid, scenario }),
    scout.call('scenario.sensitivity', { netuid, scenario }),
    scout.call('notes.list', { netuid }),
    scout.call('miners.report', { scenario, netuid }),
  ]);
  const notes = await Promise.all(summaries.map((s) => scout.call('notes.get', { id: s.id })));
  return { detail, sensitivity, notes, miners };
}

export interface WatchlistReportData {
  list: Watchlist;
  rows: { row: SubnetRow; economics: MinerEconomics | undefined }[];
  subnets: { netuid: number; data: SubnetReportData }[];
}

export async function loadWatchlistReport(id: number, scenario: Scenario): Promise<WatchlistReportData> {
  const [lists, table, economics] = await Promise.all([
    scout.call('watchlists.list'),
    scout.call('subnets.list'),
    scout.call('scenario.evaluate', { scenario }),
  ]);
  const list = lists.find((l) => l.id === id);
  if (!list) throw new Error(`There is no watchlist with id ${id}.`);
  const byNetuid = new Map(economics.map((e) => [e.netuid, e]));
  const known = list.netuids.filter((n) => table.rows.some((r) => r.netuid === n));
  return {
    list,
    rows: known.map((n) => ({ row: table.rows.find((r) => r.netuid === n)!, economics: byNetuid.get(n) })),
    subnets: await Promise.all(known.map(async (netuid) => ({ netuid, data: await loadSubnetReport(netuid, scenario) }))),
  };
}
