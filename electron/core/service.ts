/**
 * The core's single entry: implements the contract in shared/api.ts. Every shell (Electron's utility process, the
 * browser test host, the CLI) calls `call(method, arg)`; arguments are validated here against the contract's schemas,
 * so no shell can reach a handler with input the contract does not allow.
 */
import {
  contract,
  isMethod,
  type EventName,
  type Events,
  type Method,
  type ParsedArgOf,
  type Reply,
  type ResultOf,
} from '../../shared/api';
import type { DataProblem, Dataset } from '../../shared/api-types';
import { DataProblemError } from './db/problem';
import { CoreError } from './errors';
import { createHandlers } from './handlers';
import { openWorkspace, type Workspace } from './workspace';
import { SyncController, type SyncTimeouts } from './sync/sync-controller';
import { ensureDemoData, type DemoOptions } from './demo-data';
import { DailyBackups } from './db/backup-schedule';
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

export type Handlers = { [M in Method]: (arg: ParsedArgOf<M>) => Promise<ResultOf<M>> | ResultOf<M> };
export type EventListener = <E extends EventName>(event: E, payload: Events[E]) => void;

export class ScoutService {
  private workspace: Workspace | null = null;
  private problem: DataProblem | null = null;
  private readonly listeners = new Set<EventListener>();
  private readonly handlers: Handlers;
  readonly now: () => number;
  readonly sync: SyncController;
  readonly printPdf: ((route: string) => Promise<Uint8Array>) | null;
  readonly backups: DailyBackups;
  private readonly demoOptions: Omit<DemoOptions, 'now'>;

  private constructor(
    private dataDir: string,
    readonly version: string,
    options: ServiceOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.printPdf = options.printPdf ?? null;
    this.demoOptions = options.demo ?? {};
    this.sync = new SyncController(this, options.syncTimeouts);
    this.backups = new DailyBackups(() => this.workspace, this.now);
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
      const handler = this.handlers[method] as (a: unknown) => unknown;
      return { ok: true, value: await handler(withoutNegativeZero(parsed.data)) };
    } catch (e) {
      if (e instanceof CoreError) return { ok: false, error: { code: e.code, message: e.message } };
      if (e instanceof DataProblemError) return { ok: false, error: { code: 'database-unavailable', message: e.message } };
      return { ok: false, error: { code: 'internal', message: `Unexpected error: ${(e as Error).message ?? String(e)}` } };
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
    throw new CoreError(
      'database-unavailable',
      this.problem?.message ?? 'No data folder is open.',
    );
  }

  currentProblem(): DataProblem | null {
    return this.problem;
  }

  currentDataDir(): string {
    return this.dataDir;
  }

  /** Opens a data folder; on failure the previous workspace is closed and the problem is kept for the UI. */
  async openDataFolder(dataDir: string, dataset: Dataset): Promise<void> {
    if (this.sync.status().running) throw new CoreError('sync-busy', 'Wait for the sync to finish (or cancel it) first.');
    this.backups.stop();
    this.workspace?.db.close();
    this.workspace = null;
    this.problem = null;
    this.dataDir = dataDir;
    try {
      this.workspace = await openWorkspace(dataDir, dataset, this.now, this.version);
      if (dataset === 'demo') ensureDemoData(this.workspace.db, { now: this.now, ...this.demoOptions });
    } catch (e) {
      if (!(e instanceof DataProblemError)) throw e;
      this.problem = e.toProblem();
    }
    if (this.workspace) this.backups.start();
    this.sync.reschedule();
    this.emit('data.changed', { scope: 'dataset' });
  }

  /** Closes the live data file, lets `replace` change it on disk (restoring a backup), then opens it again. */
  async reopenAfter(replace: () => void): Promise<void> {
    if (this.sync.status().running) throw new CoreError('sync-busy', 'Wait for the sync to finish (or cancel it) first.');
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
    this.listeners.clear();
  }
}
