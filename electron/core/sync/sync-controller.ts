/**
 * Owns the sync lifecycle for the service: one sync at a time, progress as events, cancel, a schedule (every N
 * minutes while the app runs) and retries with backoff when the endpoint is unreachable or drops.
 */
import path from 'node:path';
import type { SyncOutcome, SyncState } from '../../../shared/api-types';
import type { CoreContext } from '../core-context';
import type { z } from 'zod';
import type { SyncRequestSchema } from '../../../shared/api-schemas';
import { CoreError } from '../errors';
import { ChainError, SyncStopped } from '../chain/errors';
import { resolveTarget } from './endpoint';
import { runSync, tidyAfterSync } from './sync-run';
import { RUNTIME_METADATA_DIR } from '../paths';
import { MostlyStaleError } from './mostly-stale';

const RETRY_DELAYS_MS = [30_000, 60_000, 120_000, 300_000, 600_000];

export interface SyncTimeouts {
  connectMs?: number;
  callMs?: number;
  retryDelaysMs?: number[];
  /** Overrides Settings' syncDeadlineMinutes, per block read (tests of a slow node). */
  deadlineMs?: number;
  /** Stop after this many requests in a row time out (see connect). */
  giveUpAfterTimeouts?: number;
  /**
   * Off for a shell that exits after one sync (the CLI): a retry it would never make must not be announced. A cron
   * job runs it again on its own schedule.
   */
  retry?: boolean;
}

/** What sync.start was asked (an endpoint for this sync only, days of history to backfill), as its schema reads it. */
export type SyncRequest = NonNullable<z.output<typeof SyncRequestSchema>>;

export class SyncController {
  private state: SyncState = {
    running: false,
    phase: 'idle',
    done: 0,
    total: 0,
    netuid: null,
    message: '',
    endpoint: '',
    lastSuccessAtMs: null,
    lastError: null,
    online: null,
  };
  private abort: AbortController | null = null;
  private scheduleTimer: NodeJS.Timeout | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryCount = 0;

  constructor(
    private readonly service: CoreContext,
    private readonly timeouts: SyncTimeouts = {},
  ) {}

  status(): SyncState {
    return { ...this.state };
  }

  private update(patch: Partial<SyncState>): void {
    this.state = { ...this.state, ...patch };
    this.service.emit('sync.progress', this.status());
  }

  async start(request: SyncRequest = {}): Promise<SyncOutcome> {
    if (this.state.running) throw new CoreError('busy', 'A sync is already running.');
    const ws = this.service.requireWorkspace();
    if (ws.dataset === 'demo') {
      throw new CoreError(
        'sync-failed',
        'The demo data is synthetic and is not synced; switch back to your real data first.',
      );
    }
    let target;
    try {
      target = resolveTarget(ws.settings.get(), request.endpoint);
    } catch (e) {
      throw new CoreError('invalid-argument', (e as Error).message);
    }
    this.clearRetry();
    const abort = new AbortController();
    this.abort = abort;
    // The limit is for reading one block: a backfill reads one more per day and gets as much more time.
    const blocks = 1 + (request.backfillDays ?? 0);
    const deadlineMs = (this.timeouts.deadlineMs ?? ws.settings.get().syncDeadlineMinutes * 60_000) * blocks;
    const deadline = setTimeout(() => {
      const limit =
        deadlineMs >= 60_000 ? `${Math.round(deadlineMs / 60_000)} min` : `${Math.round(deadlineMs / 1000)} s`;
      abort.abort(
        new SyncStopped(
          'timeout',
          `The sync was stopped after ${limit} (the time limit in Settings${blocks > 1 ? `, for ${blocks} blocks` : ''}) with ` +
            `${target.endpoint} still answering; what it had not finished reading was not written.`,
        ),
      );
    }, deadlineMs);
    deadline.unref?.();
    this.update({
      running: true,
      phase: 'connecting',
      done: 0,
      total: 0,
      netuid: null,
      message: `Connecting to ${target.endpoint}`,
      endpoint: target.endpoint,
      lastError: null,
    });
    let outcome: SyncOutcome;
    try {
      const result = await runSync({
        db: ws.db,
        target,
        backfillDays: request.backfillDays,
        signal: this.abort.signal,
        now: this.service.now,
        connectTimeoutMs: this.timeouts.connectMs,
        callTimeoutMs: this.timeouts.callMs,
        giveUpAfterTimeouts: this.timeouts.giveUpAfterTimeouts,
        metadataDir: path.join(ws.dataDir, RUNTIME_METADATA_DIR),
        onProgress: (p) =>
          this.update({
            phase: p.phase === 'backfill' ? 'subnets' : p.phase,
            done: p.done,
            total: p.total,
            netuid: p.netuid,
            message: p.message,
            online: true,
          }),
      });
      this.retryCount = 0;
      // The point is stored: from here on nothing may turn the sync into a failure.
      const tidyFailure = tidyAfterSync(ws.db, ws.settings.get().neuronFullResolutionDays);
      // Analysed now rather than when a table next asks: the file then opens warm after a CLI sync too, and a
      // window refreshing on data.changed finds the analyses ready.
      this.update({ phase: 'writing', message: 'Analysing subnets' });
      try {
        ws.analyses.all();
      } catch {
        // The data is stored; the table recomputes the analyses when it asks, and shows any error there.
      }
      const staleNote = result.stale.length ? `; ${result.stale.length} subnet(s) could not be refreshed` : '';
      const head = result.points[0]!;
      this.update({
        running: false,
        phase: 'done',
        netuid: null,
        lastSuccessAtMs: this.service.now(),
        online: true,
        message: `Synced block ${head.blockNumber.toLocaleString('en-US')}${staleNote}.${tidyFailure ? ` ${tidyFailure}.` : ''}`,
      });
      outcome = { ok: true, cancelled: false, points: result.points, stale: result.stale, error: null };
      this.service.emit('data.changed', { scope: 'subnets' });
    } catch (e) {
      // Aborted by the time limit is a failure the user must read, not a cancel.
      const cancelled = abort.signal.aborted && !(abort.signal.reason instanceof SyncStopped);
      const message = cancelled
        ? 'The sync was cancelled; the previous data is unchanged.'
        : describe(abort.signal.reason instanceof SyncStopped ? abort.signal.reason : e);
      const offline = e instanceof ChainError && (e.kind === 'unreachable' || e.kind === 'dropped');
      this.update({
        running: false,
        phase: cancelled ? 'cancelled' : 'failed',
        netuid: null,
        message,
        lastError: cancelled ? null : message,
        online: offline ? false : this.state.online,
      });
      outcome = {
        ok: false,
        cancelled,
        points: [],
        stale: e instanceof MostlyStaleError ? e.stale : [],
        error: cancelled ? null : message,
      };
      if (offline && this.timeouts.retry !== false) this.scheduleRetry(request);
    } finally {
      clearTimeout(deadline);
      this.abort = null;
    }
    this.service.emit('sync.done', outcome);
    return outcome;
  }

  cancel(): SyncState {
    this.clearRetry();
    this.abort?.abort(new ChainError('cancelled', 'cancelled'));
    return this.status();
  }

  /** Re-reads the interval from settings; called at start-up and whenever settings change. */
  reschedule(): void {
    if (this.scheduleTimer) clearInterval(this.scheduleTimer);
    this.scheduleTimer = null;
    let minutes = 0;
    try {
      const ws = this.service.requireWorkspace();
      if (ws.dataset === 'live') minutes = ws.settings.get().syncIntervalMinutes;
    } catch {
      return;
    }
    if (minutes > 0) {
      this.scheduleTimer = setInterval(() => {
        if (!this.state.running) void this.start().catch(() => undefined);
      }, minutes * 60_000);
      this.scheduleTimer.unref?.();
    }
  }

  private scheduleRetry(request: SyncRequest): void {
    const delays = this.timeouts.retryDelaysMs ?? RETRY_DELAYS_MS;
    const delay = delays[Math.min(this.retryCount++, delays.length - 1)]!;
    this.update({ message: `${this.state.message} Retrying in ${Math.round(delay / 1000)} s.` });
    this.retryTimer = setTimeout(() => void this.start(request).catch(() => undefined), delay);
    this.retryTimer.unref?.();
  }

  private clearRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  stop(): void {
    this.cancel();
    if (this.scheduleTimer) clearInterval(this.scheduleTimer);
    this.scheduleTimer = null;
  }
}

function describe(e: unknown): string {
  if (e instanceof ChainError || e instanceof CoreError) return e.message;
  const message = (e as Error)?.message ?? String(e);
  return `The sync failed: ${message}. The previous data is unchanged.`;
}
