import type { Database } from 'better-sqlite3';
import { initial } from './0001-initial';
import { watchlistsAndScenarios } from './0002-watchlists-scenarios';
import { subnetSummaries } from './0003-subnet-summaries';
import { notes } from './0004-notes';
import { myMiners } from './0005-my-miners';
import { compactHistory } from './0006-compact-history';
import { analysisCache } from './0007-analysis-cache';
import { noteSearchAndImport } from './0008-note-search-and-import';
import { chainRules } from './0009-chain-rules';
import { hardwareReview } from './0010-hardware-review';
import { weightsVersionKey } from './0011-weights-version-key';
import { backtestPairs } from './0012-backtest-pairs';

export interface Migration {
  id: number;
  name: string;
  sql: string;
  /** Work SQL cannot express, run after `sql` in the same transaction. */
  transform?: (db: Database) => void;
}

/** Every migration the app knows, in order. Append only; never edit a released one (checksums are verified). */
export const migrations: Migration[] = [
  initial,
  watchlistsAndScenarios,
  subnetSummaries,
  notes,
  myMiners,
  compactHistory,
  analysisCache,
  noteSearchAndImport,
  chainRules,
  hardwareReview,
  weightsVersionKey,
  backtestPairs,
];
