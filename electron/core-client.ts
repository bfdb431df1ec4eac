/**
 * Main-process side of the core utility process: request ids, replies, events, and what happens when the core is
 * gone. No call ever hangs on a missing core: a core that fails or hangs while starting, or keeps crashing, is
 * reported once through `onDown` (main.ts shows it with the log path and a "Restart core" action) and every call
 * meanwhile fails at once with the same words. The process itself is spawned by main.ts.
 */
import type { Reply } from '../shared/api-wire';
import type { CoreMessage, CoreRequest } from './core-process';

export interface CoreProcessLike {
  postMessage(message: CoreRequest): void;
  on(event: 'message', listener: (message: CoreMessage) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

export interface CoreClientOptions {
  /** How long a starting core may take to say it is ready (it opens and migrates the database first). */
  readyTimeoutMs?: number;
  /** A core that crashes after starting is restarted, at most this many times within `crashWindowMs`. */
  maxRestarts?: number;
  crashWindowMs?: number;
  /** Where the core's output goes, named in every message about it. */
  logPath?: string;
  /** The core is down and stays down until restart(): tell the user. */
  onDown?: (message: string) => void;
  now?: () => number;
}

type EventHandler = (event: string, payload: unknown) => void;
type Waiter = (problem: Reply<unknown> | null) => void;

export class CoreClient {
  private proc: CoreProcessLike | null = null;
  private state: 'starting' | 'ready' | 'down' | 'stopped' = 'starting';
  private downMessage = '';
  private nextId = 1;
  private readonly pending = new Map<number, (reply: Reply<unknown>) => void>();
  private readonly eventHandlers = new Set<EventHandler>();
  /** Calls made while the core starts, released when it is ready or has failed. */
  private waiters: Waiter[] = [];
  private crashTimes: number[] = [];
  private readyTimer: ReturnType<typeof setTimeout> | null = null;
  /** Called when the last pending call is answered (stop() waits for it). */
  private drained: (() => void) | null = null;
  private readonly options: Required<Omit<CoreClientOptions, 'logPath' | 'onDown'>> &
    Pick<CoreClientOptions, 'logPath' | 'onDown'>;

  constructor(
    private readonly spawn: () => CoreProcessLike,
    options: CoreClientOptions = {},
  ) {
    this.options = { readyTimeoutMs: 60_000, maxRestarts: 3, crashWindowMs: 10 * 60_000, now: Date.now, ...options };
    this.start();
  }

  private start(): void {
    this.state = 'starting';
    let proc: CoreProcessLike;
    try {
      proc = this.spawn();
    } catch (e) {
      this.goDown(`The core process could not be started: ${(e as Error).message}`);
      return;
    }
    this.proc = proc;
    /** What the core said about its own start-up failure, before it exits. */
    let failure: string | null = null;
    this.readyTimer = setTimeout(() => {
      this.proc = null; // its exit, whenever it comes, is no longer news
      proc.kill();
      this.failPending(`The core process did not start within ${Math.round(this.options.readyTimeoutMs / 1000)} s`);
      this.goDown(`The core did not start within ${Math.round(this.options.readyTimeoutMs / 1000)} s and was stopped`);
    }, this.options.readyTimeoutMs);

    proc.on('message', (m: CoreMessage) => {
      if (proc !== this.proc) return;
      if (m.type === 'ready') {
        this.clearReadyTimer();
        this.state = 'ready';
        this.release(null);
      } else if (m.type === 'failed') failure = m.message;
      else if (m.type === 'reply') {
        this.pending.get(m.id)?.(m.reply as Reply<unknown>);
        this.pending.delete(m.id);
        if (this.pending.size === 0) this.drained?.();
      } else if (m.type === 'event') for (const h of this.eventHandlers) h(m.event, m.payload);
    });
    proc.on('exit', (code: number) => {
      if (proc !== this.proc) return;
      this.proc = null;
      this.clearReadyTimer();
      this.failPending(`The core process stopped (exit code ${code})`);
      if (this.state === 'stopped') return;
      if (this.state === 'starting') {
        // Starting again would fail the same way (a missing native module, an unreadable folder): ask the user.
        this.goDown(`The core could not start: ${failure ?? `it stopped with exit code ${code}`}`);
        return;
      }
      const now = this.options.now();
      this.crashTimes = this.crashTimes.filter((t) => now - t < this.options.crashWindowMs);
      this.crashTimes.push(now);
      if (this.crashTimes.length <= this.options.maxRestarts) this.start();
      else {
        const minutes = Math.round(this.options.crashWindowMs / 60_000);
        this.goDown(
          `The core stopped ${this.crashTimes.length} times within ${minutes} min (last exit code ${code}), so it was not restarted again`,
        );
      }
    });
  }

  private clearReadyTimer(): void {
    if (this.readyTimer) clearTimeout(this.readyTimer);
    this.readyTimer = null;
  }

  private failPending(reason: string): void {
    const reply: Reply<unknown> = { ok: false, error: { code: 'internal', message: `${reason}; try again.` } };
    for (const [, resolve] of this.pending) resolve(reply);
    this.pending.clear();
    this.drained?.();
  }

  private release(problem: Reply<unknown> | null): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w(problem);
  }

  private goDown(reason: string): void {
    this.state = 'down';
    this.downMessage = this.options.logPath
      ? `${reason}. Details are in its log: ${this.options.logPath}`
      : `${reason}.`;
    this.release(this.downReply());
    this.options.onDown?.(this.downMessage);
  }

  private downReply(): Reply<unknown> {
    return {
      ok: false,
      error: { code: 'internal', message: `${this.downMessage} Use Help → Restart core to try again.` },
    };
  }

  /** Why the core is not running, or null while it runs or starts. */
  get problem(): string | null {
    return this.state === 'down' ? this.downMessage : null;
  }

  private whenReady(): Promise<Reply<unknown> | null> {
    if (this.state === 'ready') return Promise.resolve(null);
    if (this.state === 'down') return Promise.resolve(this.downReply());
    if (this.state === 'stopped')
      return Promise.resolve({
        ok: false,
        error: { code: 'internal', message: 'The core has stopped: the app is quitting.' },
      });
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  async call(method: string, arg: unknown): Promise<Reply<unknown>> {
    const problem = await this.whenReady();
    if (problem) return problem;
    const proc = this.proc;
    if (!proc) return { ok: false, error: { code: 'internal', message: 'The core process stopped; try again.' } };
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      proc.postMessage({ type: 'call', id, method, arg });
    });
  }

  onEvent(handler: EventHandler): () => void {
    this.eventHandlers.add(handler);
    return () => this.eventHandlers.delete(handler);
  }

  /** The user's "Restart core": a fresh core with a fresh crash budget, whatever state the old one was in. */
  restart(): void {
    if (this.state === 'stopped') return;
    const old = this.proc;
    this.proc = null;
    this.clearReadyTimer();
    old?.kill();
    this.failPending('The core was restarted');
    this.crashTimes = [];
    this.start();
  }

  /**
   * Stops the core once the calls already sent are answered (a note editor saving as its window closes), or after
   * `graceMs` if the core does not answer: a quit must not hang on it.
   */
  async stop(graceMs = 2000): Promise<void> {
    this.state = 'stopped';
    this.clearReadyTimer();
    this.release({ ok: false, error: { code: 'internal', message: 'The core has stopped: the app is quitting.' } });
    if (this.pending.size > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, graceMs);
        this.drained = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    this.proc?.kill();
  }
}
