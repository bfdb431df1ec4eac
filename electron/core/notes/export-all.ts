/**
 * Writes the user's own data (notes with history, watchlists, saved scenarios, settings, and on My miners the team
 * keys, each miner's own rent and the earnings-drop alert threshold) as one export file. What sync reads from the
 * chain is not in it: a new data folder syncs that again.
 */
import type { ExportedFile } from '../../../shared/notes-types';
import type { Workspace } from '../workspace';
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportFileInput } from './export-format';
import { contentOf } from './note-rows';

export function exportAll(ws: Workspace, now: number): ExportedFile {
  const { notes, team } = ws;
  const file: ExportFileInput = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAtMs: now,
    notes: notes.all().map((n) => ({
      id: n.id,
      ...contentOf(n),
      createdAtMs: n.createdAtMs,
      updatedAtMs: n.updatedAtMs,
      history: notes
        .history(n.id)
        .reverse()
        .map((v) => ({ kind: v.kind, savedAtMs: v.savedAtMs, content: contentOf(v.content) })),
    })),
    watchlists: ws.watchlists.list().map((w) => ({ name: w.name, netuids: w.netuids, thresholds: w.thresholds })),
    scenarios: ws.scenarios
      .list()
      .map((s) => ({ name: s.name, netuid: s.netuid, scenario: s.scenario, updatedAtMs: s.updatedAtMs })),
    teamKeys: team.keys().map((k) => ({
      address: k.address,
      kind: k.kind,
      label: k.label,
      rentUsdPerMonth: k.rentUsdPerMonth,
      createdAtMs: k.createdAtMs,
    })),
    minerRents: team.minerRentList(),
    // What the user set, not the default: a threshold never set keeps following the app's default after import.
    teamSettings: { earningsDropAlertPercent: team.ownEarningsDropAlertPercent() },
    settings: ws.settings.get(),
  };
  return {
    fileName: `subnet-scout-export-${new Date(now).toISOString().slice(0, 10)}.json`,
    content: JSON.stringify(file, null, 2),
  };
}
