/**
 * Main-process side of the core utility process: request ids, replies, events, and a restart when the process dies
 * (pending calls fail with a clear message instead of hanging). The process itself is spawned by main.ts.
 */
import type { Reply } from '../shared/api-wire';
import type { CoreMessage, CoreRequest } from './core-process';

export interface CoreProcessLike {
  postMessage(message: CoreRequest): void;
  on(event: 'message', listener: (message: CoreMessage) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

type EventHandler = (event: string, payload: unknown) => void;

export class CoreClient {
  private proc: CoreProcessLike | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, (reply: Reply<unknown>) => void>();
  private readonly eventHandlers = new Set<EventHandler>();
  private ready: Promise<void> = Promise.resolve();
  private stopping = false;
  private restarts = 0;
  /** Called when the last pending call is answered (stop() waits for it). */
  private drained: (() => void) | null = null;

  constructor(private readonly spawn: () => CoreProcessLike) {
    this.start();
  }

  private start(): void {
    const proc = this.spawn();
    this.proc = proc;
    this.ready = new Promise((resolve) => {
      proc.on('message', (m: CoreMessage) => {
        if (m.type === 'ready') resolve();
        else if (m.type === 'reply') {
          this.pending.get(m.id)?.(m.reply as Reply<unknown>);
          this.pending.delete(m.id);
          if (this.pending.size === 0) this.drained?.();
        } else if (m.type === 'event') for (const h of this.eventHandlers) h(m.event, m.payload);
      });
    });
    proc.on('exit', (code: number) => {
      for (const [, resolve] of this.pending) {
        resolve({ ok: false, error: { code: 'internal', message: `The core process stopped (exit code ${code}); try again.` } });
      }
      this.pending.clear();
      // Restart a crashed core a few times; a core that keeps dying should not spin forever.
      if (!this.stopping && this.restarts++ < 3) this.start();
    });
  }

  async call(method: string, arg: unknown): Promise<Reply<unknown>> {
    await this.ready;
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.proc?.postMessage({ type: 'call', id, method, arg });
    });
  }

  onEvent(handler: EventHandler): () => void {
    this.eventHandlers.add(handler);
    return () => this.eventHandlers.delete(handler);
  }

  /**
   * Stops the core once the calls already sent are answered (a note editor saving as its window closes), or after
   * `graceMs` if the core does not answer: a quit must not hang on it.
   */
  async stop(graceMs = 2000): Promise<void> {
    this.stopping = true;
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
