/** The data the IPC fuzz runs against, a dump to compare it by, and a valid argument for each operation. */
import type { Method } from '../../shared/api';
import { DEFAULT_SCENARIO } from '../../shared/economics';
import type { ScoutService } from '../../electron/core/service';
import { syncMaker } from './synthetic-syncs';

export interface SeededIds {
  watchlistId: number;
  scenarioId: number;
  noteId: string;
  versionId: number;
  backupName: string;
}

async function ok<T>(service: ScoutService, method: string, arg?: unknown): Promise<T> {
  const reply = await service.call(method, arg);
  if (!reply.ok) throw new Error(`${method}: ${reply.error.message}`);
  return reply.value as T;
}

const content = (netuid: number) => ({
  netuid,
  title: 'Fuzz review',
  body: 'Validators score latency.',
  repositoryUrl: 'https://github.com/example/sn1',
  commitReviewed: 'v1.0',
  reviewedOn: '2026-01-01',
  scoringSummary: 'latency',
  validatorsReward: 'speed',
  hardware: { compute: 'gpu', vramGb: 24, ramGb: 64, diskGb: 500, detail: '4090' },
  exploits: '',
  risks: '',
  verdict: 'watch',
  confidence: 'low',
  tags: ['fuzz'],
});

/** Two synced points, a watchlist, a saved scenario, a note with history, a backup; the sync endpoint goes nowhere. */
export async function seedUserData(service: ScoutService): Promise<SeededIds> {
  // A port nothing listens on: a sync the fuzz starts by accident fails at once, on this machine.
  await ok(service, 'settings.set', { network: 'custom', customEndpoint: 'ws://127.0.0.1:9', syncIntervalMinutes: 0 });
  const maker = syncMaker({ subnetCount: 3, maxUids: 8 });
  const db = service.requireWorkspace().db;
  maker.write(db, 1_000_000, Date.UTC(2026, 0, 4));
  maker.write(db, 1_007_200, Date.UTC(2026, 0, 5));
  const list = await ok<{ id: number }>(service, 'watchlists.create', { name: 'Fuzz targets' });
  await ok(service, 'watchlists.addSubnet', { id: list.id, netuid: 1 });
  const scenario = await ok<{ id: number }>(service, 'scenarios.save', {
    name: 'Fuzz',
    netuid: null,
    scenario: DEFAULT_SCENARIO,
  });
  const note = await ok<{ id: string }>(service, 'notes.create', { netuid: 1 });
  await ok(service, 'notes.save', { id: note.id, content: content(1), kind: 'save' });
  const versions = await ok<{ id: number }[]>(service, 'notes.history', { id: note.id });
  const backup = await service.backups.runIfDue();
  return {
    watchlistId: list.id,
    scenarioId: scenario.id,
    noteId: note.id,
    versionId: versions[0]!.id,
    backupName: backup!.name,
  };
}

/** Every table's rows (user data, synced data, the full-text index), as one comparable string. */
export function userDataDump(service: ScoutService): string {
  const db = service.requireWorkspace().db;
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .pluck()
    .all() as string[];
  return tables
    .map((t) => {
      const rows = db.prepare(`SELECT * FROM "${t}"`).raw(true).safeIntegers(true).all() as unknown[][];
      const lines = rows
        .map((r) => JSON.stringify(r, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)))
        .sort();
      return `${t}\n${lines.join('\n')}`;
    })
    .join('\n\n');
}

/** A valid argument for each operation that takes one (and `undefined` for those that take none). */
export function validExamples(ids: SeededIds): Partial<Record<Method, unknown>> {
  const scenario = DEFAULT_SCENARIO;
  const examples: Partial<Record<string, unknown>> = {
    'app.info': undefined,
    'app.openDataFolder': { path: '/tmp/scout-fuzz-elsewhere' },
    'app.useDataset': { dataset: 'demo' },
    'settings.get': undefined,
    'settings.set': { theme: 'dark', syncIntervalMinutes: 0, neuronFullResolutionDays: 14 },
    'subnets.list': undefined,
    'sync.start': { backfillDays: 1 },
    'sync.cancel': undefined,
    'sync.status': undefined,
    'sync.points': undefined,
    'scenario.evaluate': { scenario },
    'scenario.evaluateTable': { scenario },
    'subnet.economics': { netuid: 1, scenario },
    'scenario.sensitivity': { netuid: 1, scenario, axes: { taoPricesUsd: [300, 400], competitorCounts: [1, 2] } },
    'scenarios.list': undefined,
    'scenarios.save': { name: 'Fuzz 2', netuid: 1, scenario },
    'scenarios.delete': { id: ids.scenarioId },
    'watchlists.list': undefined,
    'watchlists.create': { name: 'Another' },
    'watchlists.rename': { id: ids.watchlistId, name: 'Renamed' },
    'watchlists.delete': { id: ids.watchlistId },
    'watchlists.restore': { id: ids.watchlistId },
    'watchlists.reorder': { ids: [ids.watchlistId] },
    'watchlists.addSubnet': { id: ids.watchlistId, netuid: 2 },
    'watchlists.removeSubnet': { id: ids.watchlistId, netuid: 1 },
    'watchlists.setThresholds': { id: ids.watchlistId, thresholds: { price: 0.3 } },
    'watchlists.changes': { id: ids.watchlistId, scenario },
    'notes.list': { query: 'latency', netuid: 1, tag: 'fuzz', verdict: 'watch' },
    'notes.tags': undefined,
    'notes.get': { id: ids.noteId },
    'notes.find': { id: ids.noteId },
    'notes.create': { netuid: 2, title: 'Second' },
    'notes.save': { id: ids.noteId, content: content(1), kind: 'autosave', baseUpdatedAtMs: 0, overwrite: false },
    'notes.delete': { id: ids.noteId },
    'notes.history': { id: ids.noteId },
    'notes.restoreVersion': { id: ids.noteId, versionId: ids.versionId },
    'notes.currentVerdicts': undefined,
    'notes.exportMarkdown': { id: ids.noteId },
    'notes.export': undefined,
    'notes.import': { content: '{"format":"subnet-scout-export"}', conflicts: 'ask' },
    'backups.list': undefined,
    'backups.restore': { name: ids.backupName },
    'reports.pdf': { target: { kind: 'subnet', netuid: 1 } },
  };
  return examples as Partial<Record<Method, unknown>>;
}
