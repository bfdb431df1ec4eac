/** What the crash test's parent and worker agree on: the modes, the messages, the data each mode writes. */
import { migrations, type Migration } from '../../electron/core/db/migrations';

export type CrashMode = 'sync' | 'note' | 'migration';

export interface WorkerMessage {
  kind: 'ready' | 'writing' | 'committed' | 'failed';
  /** sync: block number; note: revision. */
  value?: number;
  message?: string;
}

/** Big enough that a sync write takes tens of milliseconds (a kill often lands inside it), small enough to loop. */
export const CRASH_SYNC_SHAPE = { subnetCount: 24, maxUids: 96, seed: 'crash' };
export const NOTE_NETUID = 7;

export function noteRevision(body: string): number {
  return Number(/^revision (\d+) /.exec(body)?.[1] ?? 0);
}

/** The schema the migration crash starts from: the app's first three steps (before research notes). */
export const OLD_SCHEMA_STEPS = 3;

/**
 * The app's migrations plus one slow step of the kind a future version might ship (rewrite a column of every
 * sync point, index every UID pack), so a kill lands inside a migration transaction, not only around it.
 */
export function crashMigrations(): Migration[] {
  return [
    ...migrations,
    {
      id: migrations.at(-1)!.id + 1,
      name: 'crash-test-slow-step',
      sql: `UPDATE sync_points SET endpoint = endpoint || '#migrated';
            CREATE INDEX crash_neurons_by_hotkey ON neuron_packs (netuid, uid_count);`,
    },
  ];
}
