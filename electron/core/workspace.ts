/** The open data file and its repositories (all of them, built once here); the service holds one (or a DataProblem saying why it has none). */
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type { Dataset } from '../../shared/api-types';
import { openDatabase, type OpenOptions } from './db/open';
import { SettingsRepo } from './db/settings-repo';
import { WatchlistRepo } from './db/watchlist-repo';
import { ScenarioRepo } from './db/scenario-repo';
import { NoteRepo } from './notes/note-repo';
import { TeamRepo } from './miners/team-repo';
import { Analyses } from './analyses';
import { DEMO_DB_FILE, LIVE_DB_FILE } from './paths';

export interface Workspace {
  db: Database;
  dataDir: string;
  databasePath: string;
  dataset: Dataset;
  schemaVersion: number;
  /** Opened read-only until its integrity check (run by the service off its thread) passes. */
  checkPending: boolean;
  settings: SettingsRepo;
  watchlists: WatchlistRepo;
  scenarios: ScenarioRepo;
  notes: NoteRepo;
  /** My miners: the team's keys, each miner's own rent and the earnings-drop alert threshold. */
  team: TeamRepo;
  analyses: Analyses;
}

export async function openWorkspace(
  dataDir: string,
  dataset: Dataset,
  now: () => number,
  appVersion: string,
  holdExclusively?: OpenOptions['holdExclusively'],
): Promise<Workspace> {
  const file = path.join(dataDir, dataset === 'demo' ? DEMO_DB_FILE : LIVE_DB_FILE);
  const opened = await openDatabase(file, { nowMs: now(), holdExclusively, backgroundCheck: true });
  return {
    db: opened.db,
    dataDir,
    databasePath: opened.path,
    dataset,
    schemaVersion: opened.schemaVersion,
    checkPending: opened.checkPending,
    settings: new SettingsRepo(opened.db),
    watchlists: new WatchlistRepo(opened.db, now),
    scenarios: new ScenarioRepo(opened.db, now),
    notes: new NoteRepo(opened.db, now),
    team: new TeamRepo(opened.db, now),
    analyses: new Analyses(opened.db, appVersion),
  };
}
