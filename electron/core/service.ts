/**
 * The core's single entry: implements the contract in shared/api.ts. Every shell (Electron's utility process, the
 * browser test host, the CLI) calls `call(method, arg)`; arguments are validated here against the contract's schemas,
 * so no shell can reach a handler with input the contract does not allow.
 */
import path from 'node:path';
import { contract, isMethod, type EventName, type Events, type Reply } from '../../shared/api';
import type { DataProblem, Dataset } from '../../shared/api-types';
import { DataProblemError } from './db/problem';
import { CoreError } from './errors';
import { createHandlers } from './handlers';
import type { HandlerContext, Handlers } from './handlers/context';
import { openWorkspace, type Workspace } from './workspace';
import { SyncController, type SyncTimeouts } from './sync/sync-controller';
import { ensureDemoData, type DemoOptions } from './demo-data';
import { DailyBackups } from './db/backup-schedule';
import { describeHolders, FolderBusyError, hold, type Hold } from './db/folder-lock';
import { quickCheckInBackground, summarizeProblems } from './db/integrity';
import { damagedError } from './db/open';
import { listBackups } from './db/backups';
import { DEMO_DB_FILE, LIVE_DB_FILE } from './paths';
import { invalidArgumentMessage, unknownMethodMessage } from './boundary-messages';

export interface ServiceOptions {
  dataDir: string;
  version: string;
  /** Injected so tests control time. */
  now?: () => number;
  /** Prints a renderer route to PDF (the shell's browser engine); without it, PDF export says it is unavailable. */
  printPdf?: (route: string) => Promise<Uint8Array>;
  /** Size of the generated demo network (tests use a small one). */
  demo?: Omit<DemoOptions, 'now'>;
  /** Shorter chain timeouts for tests of slow or silent endpoints; `retry: false` for a shell that syncs once. */
  syncTimeouts?: SyncTimeouts;
  /** What this process is, in the words other processes show when they find the folder in use. */
  purpose?: string;
  /** How long opening waits for another process's exclusive use of the folder (a restore) before refusing. */
  folderWaitMs?: number;
  /** Told once when opening has to wait for another process (the CLI prints it). */
  onFolderWait?(message: string): void;
}

/**
 * -0 passes every range check and would be stored and shown as "-0" (Intl formats it so); no figure the user types
 * means anything different at -0, so the boundary makes it 0. Walks arrays and plain objects in place (the parsed
 * argument is a fresh copy); strings, such as an import file's content, are left alone.
 */
function withoutNegativeZero(value: unknown): unknown {
  if (Object.is(value, -0)) return 0;
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const inner = record[key];
      if (Object.is(inner, -0)) record[key] = 0;
      else if (inner && typeof inner === 'object') withoutNegativeZero(inner);
    }
  }
  return value;
}

/**
 * Answered while the opened file's background integrity check runs: what the first screen asks, all reads. Every
 * other operation waits for the check (a fraction of a second to a few seconds on a year of history).
 */
const READS_DURING_CHECK = new Set<string>([
  'app.info',
  'settings.get',
  'subnets.list',
  'sync.status',
  'sync.points',
  'watchlists.list',
  'scenario.evaluate',
  'scenario.evaluateTable',
  'scenarios.list',
  'backups.list',
  'notes.list',
  'notes.tags',
]);

/**
 * Operations that must not run while another process uses the data folder (see folder-lock.ts), and what they are
 * called in the message that refuses them: a restore replaces the file under the other process, an import is a long
 * bulk write a CLI sync should not interleave with.
 */
const EXCLUSIVE: Partial<Record<string, string>> = {
  'backups.restore': 'restoring a backup',
  'notes.import': 'importing a file',
};

/** A restore or an import waits this long for another process's use of the folder to end, then refuses. */
const EXCLUSIVE_WAIT_MS = 5_000;
const FOLDER_WAIT_MS = 30_000;
const MB = 1024 * 1024;

export type EventListener = <E extends EventName>(event: E, payload: Events[E]) => void;

export class ScoutService implements HandlerContext {
  private workspace: Workspace | null = null;
  private problem: DataProblem | null = null;
  private readonly listeners = new Set<EventListener>();
  private readonly handlers: Handlers;
  readonly now: () => number;
  readonly sync: SyncController;
  readonly printPdf: ((route: string) => Promise<Uint8Array>) | null;
  readonly backups: DailyBackups;
  private readonly demoOptions: Omit<DemoOptions, 'now'>;
  private readonly options: ServiceOptions;
  /** This process's shared use of the open data folder (see folder-lock.ts). */
  private folderHold: Hold | null = null;
  /** Settles (never rejects) when the open file's integrity check has finished, passed or not. */
  private checked: Promise<void> = Promise.resolve();

  private constructor(
    private dataDir: string,
    readonly version: string,
    options: ServiceOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.printPdf = options.printPdf ?? null;
    this.demoOptions = options.demo ?? {};
    this.options = options;
    this.sync = new SyncController(this, options.syncTimeouts);
    this.backups = new DailyBackups({
      subject: () => {
        const ws = this.workspace;
        return (
          ws && {
            db: ws.db,
            databasePath: ws.databasePath,
            dataset: ws.dataset,
            budgetBytes: () => ws.settings.get().backupBudgetMb * MB,
          }
        );
      },
      ready: async () => void (await this.writable()),
      now: this.now,
      changed: () => this.emit('data.changed', { scope: 'backups' }),
    });
    this.handlers = createHandlers(this);
  }

  static async open(options: ServiceOptions): Promise<ScoutService> {
    const service = new ScoutService(options.dataDir, options.version, options);
    await service.openDataFolder(options.dataDir, 'live');
    return service;
  }

  /**
   * Analyses the open file now rather than when the first table asks. A shell whose window boots in another process
   * (Electron) calls this once the core is up: the analyses (~0.5 s on a year never analysed by this version) then
   * overlap the window's start instead of following it.
   */
  prewarm(): void {
    try {
      this.workspace?.analyses.all();
    } catch {
      // The table asks again and shows the error there.
    }
  }

  /** Validates and dispatches one operation. Never throws: failures come back as `{ ok: false, error }`. */
  async call(method: unknown, arg: unknown): Promise<Reply<unknown>> {
    try {
      if (!isMethod(method)) throw new CoreError('unknown-method', unknownMethodMessage(method));
      const parsed = contract[method].arg.safeParse(arg);
      if (!parsed.success) throw new CoreError('invalid-argument', invalidArgumentMessage(method, parsed.error));
      if (!READS_DURING_CHECK.has(method)) await this.checked;
      const handler = this.handlers[method] as (a: unknown) => unknown;
      const exclusive = EXCLUSIVE[method];
      const data = withoutNegativeZero(parsed.data);
      const value = exclusive ? await this.exclusively(exclusive, () => handler(data)) : await handler(data);
      return { ok: true, value };
    } catch (e) {
      if (e instanceof CoreError) return { ok: false, error: { code: e.code, message: e.message } };
      if (e instanceof DataProblemError)
        return { ok: false, error: { code: 'database-unavailable', message: e.message } };
      return {
        ok: false,
        error: { code: 'internal', message: `Unexpected error: ${(e as Error).message ?? String(e)}` },
      };
    }
  }

  on(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(event: E, payload: Events[E]): void {
    for (const l of this.listeners) l(event, payload);
  }

  /** The open workspace, or a clear error when the data file could not be used. */
  requireWorkspace(): Workspace {
    if (this.workspace) return this.workspace;
    throw new CoreError('database-unavailable', this.problem?.message ?? 'No data folder is open.');
  }

  /** The open workspace once its integrity check has passed (writes and backups wait for this). */
  async writable(): Promise<Workspace> {
    await this.checked;
    return this.requireWorkspace();
  }

  /**
   * Runs `fn` while no other process uses the data folder (a restore, an import): waits a few seconds for one to
   * finish, then refuses in words naming it. Other processes meanwhile wait to open the folder (the CLI says so).
   */
  async exclusively<T>(purpose: string, fn: () => Promise<T> | T): Promise<T> {
    let held: Hold;
    try {
      held = await hold(this.dataDir, 'exclusive', this.doing(purpose), {
        waitMs: EXCLUSIVE_WAIT_MS,
        besides: this.folderHold ? [this.folderHold] : [],
      });
    } catch (e) {
      if (!(e instanceof FolderBusyError)) throw e;
      throw new CoreError(
        'busy',
        `${describeHolders(e.holders)}, so ${purpose} has to wait: try again when it has finished. Nothing was changed.`,
      );
    }
    try {
      return await fn();
    } finally {
      held.release();
    }
  }

  currentProblem(): DataProblem | null {
    return this.problem;
  }

  currentDataDir(): string {
    return this.dataDir;
  }

  /** Opens a data folder; on failure the previous workspace is closed and the problem is kept for the UI. */
  async openDataFolder(dataDir: string, dataset: Dataset): Promise<void> {
    if (this.sync.status().running) throw new CoreError('busy', 'Wait for the sync to finish (or cancel it) first.');
    this.backups.stop();
    this.workspace?.db.close();
    this.workspace = null;
    this.problem = null;
    if (dataDir !== this.dataDir) {
      this.folderHold?.release();
      this.folderHold = null;
    }
    this.dataDir = dataDir;
    const file = path.join(dataDir, dataset === 'demo' ? DEMO_DB_FILE : LIVE_DB_FILE);
    this.checked = Promise.resolve();
    try {
      // Held for as long as the folder is open, so a restore elsewhere never swaps the file under this process.
      this.folderHold ??= await this.holdFolder(dataDir);
      this.workspace = await openWorkspace(dataDir, dataset, this.now, this.version, (purpose) =>
        this.holdForMigration(purpose, file),
      );
      if (this.workspace.checkPending) this.checked = this.checkInBackground(this.workspace);
      if (dataset === 'demo') {
        // Filling the demo file writes: after its check (a damaged demo file closes the workspace instead).
        await this.checked;
        if (this.workspace) ensureDemoData(this.workspace.db, { now: this.now, ...this.demoOptions });
      }
    } catch (e) {
      if (e instanceof FolderBusyError) {
        this.problem = {
          code: 'in-use',
          message: `${describeHolders(e.holders)} and does not allow others to use it meanwhile. Try again when it has finished.`,
          path: file,
        };
      } else if (e instanceof DataProblemError) {
        this.problem = e.toProblem();
      } else {
        throw e;
      }
    }
    if (this.workspace) this.backups.start();
    this.sync.reschedule();
    this.emit('data.changed', { scope: 'dataset' });
  }

  /** Closes the live data file, lets `replace` change it on disk (restoring a backup), then opens it again. */
  async reopenAfter(replace: () => void): Promise<void> {
    if (this.sync.status().running) throw new CoreError('busy', 'Wait for the sync to finish (or cancel it) first.');
    this.backups.stop();
    this.workspace?.db.close();
    this.workspace = null;
    try {
      replace();
    } finally {
      // Whether or not the file was replaced, the app goes on with what is on disk now.
      await this.openDataFolder(this.dataDir, 'live');
    }
  }

  async close(): Promise<void> {
    this.sync.stop();
    this.backups.stop();
    this.workspace?.db.close();
    this.workspace = null;
    this.folderHold?.release();
    this.folderHold = null;
    this.listeners.clear();
  }

  /** "the Subnet Scout app, restoring a backup": how other processes name this one's exclusive use. */
  private doing(activity?: string): string {
    const who = this.options.purpose ?? 'the Subnet Scout app';
    return activity ? `${who}, ${activity}` : who;
  }

  /**
   * This process's shared hold on the folder, or null when the folder cannot hold the lock's files (read-only, not a
   * folder): opening then reports that in its own words, and nothing can be written there to race with anyway.
   */
  private async holdFolder(dataDir: string): Promise<Hold | null> {
    let told = false;
    try {
      return await hold(dataDir, 'shared', this.doing(), {
        waitMs: this.options.folderWaitMs ?? FOLDER_WAIT_MS,
        onWait: (holders) => {
          if (!told)
            this.options.onFolderWait?.(
              `Waiting: ${describeHolders(holders)} and does not allow others to use it meanwhile.`,
            );
          told = true;
        },
      });
    } catch (e) {
      if (e instanceof FolderBusyError) throw e;
      return null;
    }
  }

  /** A schema change must not happen under another process still using the old schema. */
  private async holdForMigration(purpose: string, file: string): Promise<() => void> {
    try {
      const held = await hold(this.dataDir, 'exclusive', this.doing(purpose), {
        waitMs: EXCLUSIVE_WAIT_MS,
        besides: this.folderHold ? [this.folderHold] : [],
      });
      return () => held.release();
    } catch (e) {
      if (!(e instanceof FolderBusyError)) throw e;
      throw new DataProblemError(
        'in-use',
        `${describeHolders(e.holders)}. This version of Subnet Scout must update the data file's schema, which cannot ` +
          'happen while another process uses the file: close it (or let it finish) and try again. The file was left untouched.',
        file,
      );
    }
  }

  /** The full check of a file opened read-only; it becomes writable when the check passes, a damaged file is closed. */
  private async checkInBackground(ws: Workspace): Promise<void> {
    const problems = await quickCheckInBackground(ws.databasePath);
    if (this.workspace !== ws) return; // another file was opened meanwhile
    if (problems.length === 0) {
      ws.db.pragma('query_only = OFF');
      ws.analyses.persist(); // what prewarm or the first screen computed meanwhile
      return;
    }
    this.backups.stop();
    ws.db.close();
    this.workspace = null;
    const hasBackups = listBackups(ws.databasePath).some((b) => b.reason !== 'set-aside');
    this.problem = damagedError(
      ws.databasePath,
      `SQLite's check found ${summarizeProblems(problems)}`,
      hasBackups,
    ).toProblem();
    this.sync.reschedule();
    this.emit('data.changed', { scope: 'dataset' });
  }
}
