/**
 * Imports of large export files, each into a fresh data folder through the service (parse, validate, write in one
 * transaction): a watchlist of 6,000 subnets, one note with 20k and with 100k versions, and 60k notes. These took
 * ~20 s, ~24 s, over 5 minutes and 1.7 GB when each item re-read what was already there.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ScoutService } from '../../electron/core/service';
import { EXPORT_FORMAT, EXPORT_VERSION } from '../../electron/core/notes/export-format';
import { emptyContent } from '../../electron/core/notes/note-rows';
import { measure, type Measured } from './stats';

const T0 = Date.UTC(2025, 0, 1);
const uuid = (i: number) => `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;

function exportFile(parts: { notes?: unknown[]; watchlists?: unknown[] }): string {
  return JSON.stringify({
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAtMs: T0,
    notes: parts.notes ?? [],
    watchlists: parts.watchlists ?? [],
    scenarios: [],
    teamKeys: [],
    minerRents: [],
    teamSettings: { earningsDropAlertPercent: null },
    settings: {},
  });
}

function note(i: number, versions: number) {
  const content = { ...emptyContent(i % 128), body: `note ${i}` };
  return {
    id: uuid(i),
    ...content,
    createdAtMs: T0,
    updatedAtMs: T0 + versions,
    history: Array.from({ length: versions }, (_, v) => ({
      kind: 'autosave',
      savedAtMs: T0 + v,
      content: { ...content, body: `note ${i} v${v}` },
    })),
  };
}

export interface ImportCase {
  label: string;
  megabytes: number;
  time: Measured;
  /** Resident memory of this process right after the last import of this case. */
  rssMb: number;
}

export async function benchImports(runs: number): Promise<ImportCase[]> {
  const cases: [string, string, number][] = [
    [
      'a watchlist of 6,000 subnets',
      exportFile({
        watchlists: [{ name: 'Everything', netuids: Array.from({ length: 6000 }, (_, i) => i), thresholds: {} }],
      }),
      runs,
    ],
    ['one note with 20,000 versions', exportFile({ notes: [note(1, 20_000)] }), runs],
    ['one note with 100,000 versions', exportFile({ notes: [note(1, 99_999)] }), Math.min(runs, 3)],
    ['60,000 notes', exportFile({ notes: Array.from({ length: 60_000 }, (_, i) => note(i, 1)) }), Math.min(runs, 3)],
  ];
  const results: ImportCase[] = [];
  for (const [label, content, n] of cases) {
    const time = await measure(
      n,
      async (service: ScoutService) => {
        const reply = await service.call('notes.import', { content, conflicts: 'ask', settings: 'keep' });
        if (!reply.ok || (reply.value as { status: string }).status !== 'imported')
          throw new Error(`import of ${label} failed: ${JSON.stringify(reply).slice(0, 300)}`);
      },
      () =>
        ScoutService.open({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'scout-import-bench-')), version: 'bench' }),
      async (service) => {
        const dir = service.currentDataDir();
        await service.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    );
    results.push({
      label,
      megabytes: Buffer.byteLength(content) / 1024 / 1024,
      time,
      rssMb: process.memoryUsage().rss / 1024 / 1024,
    });
  }
  return results;
}
