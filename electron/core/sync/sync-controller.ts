/**
 * Owns the sync lifecycle for the service: one sync at a time, progress as events, cancel, a schedule (every N
 * minutes while the app runs) and retries with backoff when the endpoint is unreachable or drops.
 */
import type { SyncOutcome, SyncState } from '../../../shared/api-types';
import type { ScoutService } from '../service';
import { CoreError } from '../errors';
import { ChainError } from '../chain/errors';
import { resolveTarget } from './endpoint';
import { runSync } from './sync-run';
import { NEWCOMER_HISTORY, thinNeuronHistory } from '../db/retention';

const RETRY_DELAYS_MS = [30_000, 60_000, 120_000, 300_000, 600_000];

export interface SyncRequest {
  endpoint?: string;
  backfillDays?: number;
}

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
    private readonly service: ScoutService,
    private readonly timeouts: { connectMs?: number; callMs?: number; retryDelaysMs?: number[] } = {},
  ) {}

  status(): SyncState {
    return { ...this.state };
  }

  private update(patch: Partial<SyncState>): void {
    this.state = { ...this.state, ...patch };
    this.service.emit('sync.progress', this.status());
  }

  async start(request: SyncRequest = {}): Promise<SyncOutcome> {
    if (this.state.running) throw new CoreError('sync-busy', 'A sync is already running.');
    const ws = this.service.requireWorkspace();
    if (ws.dataset === 'demo') {
      throw new CoreError('sync-failed', 'The demo data is synthetic and is not synced; switch back to your real data first.');
    }
    let target;
    try {
      target = resolveTarget(ws.settings.get(), request.endpoint);
    } catch (e) {
      throw new CoreError('invalid-argument', (e as Error).message);
    }
    this.clearRetry();
    this.abort = new AbortController();
    this.update({ running: true, phase: 'connecting', done: 0, total: 0, netuid: null, message: `Connecting to ${target.endpoint}`, endpoint: target.endpoint, lastError: null });
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
        onProgress: (p) => this.update({ phase: p.phase === 'backfill' ? 'subnets' : p.phase, done: p.done, total: p.total, netuid: p.netuid, message: p.message, online: true }),
      });
      this.retryCount = 0;
      thinNeuronHistory(ws.db, ws.settings.get().neuronFullResolutionDays, NEWCOMER_HISTORY);
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
        running: false, phase: 'done', netuid: null, lastSuccessAtMs: this.service.now(), online: true,
        message: `Synced block ${head.blockNumber.toLocaleString('en-US')}${staleNote}.`,
      });
      outcome = { ok: true, cancelled: false, points: result.points, stale: result.stale, error: null };
      this.service.emit('data.changed', { scope: 'subnets' });
    } catch (e) {
      const cancelled = this.abort.signal.aborted;
      const message = cancelled ? 'The sync was cancelled; the previous data is unchanged.' : describe(e);
      const offline = e instanceof ChainError && (e.kind === 'unreachable' || e.kind === 'dropped');
      this.update({
        running: false, phase: cancelled ? 'cancelled' : 'failed', netuid: null, message,
        lastError: cancelled ? null : message, online: offline ? false : this.state.online,
      });
      outcome = { ok: false, cancelled, points: [], stale: [], error: cancelled ? null : message };
      if (offline) this.scheduleRetry(request);
    } finally {
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
