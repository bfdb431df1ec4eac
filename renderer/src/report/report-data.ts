/**
 * Everything a printed report needs, fetched in one go: the active scenario (from settings), the subnet's detail,
 * its sensitivity grid and its notes. Reports read the same contract the screens do.
 *
 * A report is on the clock (the shell waits for it before printing), so every call that does not need the scenario
 * starts at once, and the ones that do start the moment settings arrive: no call waits for one it does not need.
 */
import type { SubnetDetail, SubnetList, SubnetRow, Watchlist } from '../../../shared/api-types';
import type { MinerEconomics, Scenario, SensitivityGrid } from '../../../shared/economics';
import type { SyncPoint } from '../../../shared/domain';
import type { Note } from '../../../shared/notes-types';
import type { MyMinersReport } from '../../../shared/miners-types';
import type { ReportTarget } from '../stores/ui-store';
import { DEFAULT_HISTORY_DAYS } from '../../../shared/history-range';
import { scout } from '../scout';

export interface SubnetReportData {
  detail: SubnetDetail;
  sensitivity: SensitivityGrid;
  notes: Note[];
  /** The team's UIDs on this subnet (My miners); null when the team has no keys, so there is nothing to show. */
  miners: MyMinersReport | null;
}

export interface ReportContext {
  scenario: Scenario;
  point: SyncPoint | null;
  demo: boolean;
}

export interface WatchlistReportData {
  list: Watchlist;
  rows: { row: SubnetRow; economics: MinerEconomics | undefined }[];
  subnets: { netuid: number; data: SubnetReportData }[];
}

export type ReportData =
  | { context: ReportContext; kind: 'subnet'; subnet: SubnetReportData }
  | { context: ReportContext; kind: 'watchlist'; watchlist: WatchlistReportData };

/** The range a report's History charts print (the screen's default), and all the history it asks for. */
const REPORT_HISTORY_DAYS = DEFAULT_HISTORY_DAYS;

/** Marks a promise as handled now (its failure still reaches whoever awaits it): several calls start before any is awaited. */
function early<T>(p: Promise<T>): Promise<T> {
  p.catch(() => undefined);
  return p;
}

/** The notes of a subnet with their bodies (the list holds summaries only). */
async function subnetNotes(netuid: number): Promise<Note[]> {
  const summaries = await scout.call('notes.list', { netuid });
  return Promise.all(summaries.map((s) => scout.call('notes.get', { id: s.id })));
}

/**
 * Whether the team has keys: the miners section shows only the team's UIDs, and without keys there are none, so the
 * report does not ask the core to build a My miners report (it reads every sync point) only to show nothing.
 */
const teamHasKeys = () => early(scout.call('miners.keys').then((keys) => keys.length > 0));

async function subnetReport(
  netuid: number,
  scenario: Promise<Scenario>,
  hasKeys: Promise<boolean>,
): Promise<SubnetReportData> {
  const notes = early(subnetNotes(netuid));
  const s = await scenario;
  // The report's own figure first: the core answers one call at a time, in the order they arrive.
  const detail = scout.call('subnet.economics', { netuid, scenario: s, historyDays: REPORT_HISTORY_DAYS });
  const sensitivity = scout.call('scenario.sensitivity', { netuid, scenario: s });
  const miners = hasKeys.then((has) => (has ? scout.call('miners.report', { scenario: s, netuid }) : null));
  const [d, grid, m, noteList] = await Promise.all([detail, sensitivity, miners, notes]);
  return { detail: d, sensitivity: grid, notes: noteList, miners: m };
}

async function watchlistReport(
  id: number,
  scenario: Promise<Scenario>,
  table: Promise<SubnetList>,
  hasKeys: Promise<boolean>,
): Promise<WatchlistReportData> {
  const lists = scout.call('watchlists.list');
  const economics = early(scenario.then((s) => scout.call('scenario.evaluate', { scenario: s })));
  const list = (await lists).find((l) => l.id === id);
  if (!list) throw new Error(`There is no watchlist with id ${id}.`);
  const { rows } = await table;
  const known = list.netuids.filter((n) => rows.some((r) => r.netuid === n));
  const subnets = early(
    Promise.all(known.map(async (netuid) => ({ netuid, data: await subnetReport(netuid, scenario, hasKeys) }))),
  );
  const byNetuid = new Map((await economics).map((e) => [e.netuid, e]));
  return {
    list,
    rows: known.map((n) => ({ row: rows.find((r) => r.netuid === n)!, economics: byNetuid.get(n) })),
    subnets: await subnets,
  };
}

/** The whole report for a print route; rejects with the first call that failed. */
export async function loadReport(target: ReportTarget): Promise<ReportData> {
  const scenario = early(scout.call('settings.get').then((s) => s.scenario));
  // The header's data point and the demo label; the watchlist's comparison table reads its rows too.
  const table = early(scout.call('subnets.list'));
  const hasKeys = teamHasKeys();
  const body =
    target.kind === 'subnet'
      ? subnetReport(target.netuid, scenario, hasKeys).then((subnet) => ({ kind: 'subnet' as const, subnet }))
      : watchlistReport(target.id, scenario, table, hasKeys).then((watchlist) => ({
          kind: 'watchlist' as const,
          watchlist,
        }));
  const [s, list, data] = await Promise.all([scenario, table, body]);
  return { context: { scenario: s, point: list.point, demo: list.dataset === 'demo' }, ...data };
}
