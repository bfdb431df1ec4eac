/**
 * The wire side of the contract: replies, errors and event names. Kept free of zod so the sandboxed preload
 * can bundle it without pulling in the schemas.
 */
import type { SyncOutcome, SyncState } from './api-types';

/** Push events from the core to every window. */
export interface Events {
  'sync.progress': SyncState;
  'sync.done': SyncOutcome;
  'data.changed': DataChange;
}

/** What changed in the data file, so every open window refreshes what it shows of it (and nothing else). */
export type DataChange =
  | { scope: 'subnets' | 'settings' | 'dataset' }
  /** A backup was made, failed, or succeeded after failing: the status bar and Settings → Backups refresh. */
  | { scope: 'backups' }
  /**
   * User data that changes no figure of the chain: the watchlists, My miners (the team's keys, miners' own rents,
   * the earnings-drop alert) and the saved scenarios. Only the views showing them refresh: no subnet reload and no
   * what-if re-evaluation.
   */
  | { scope: 'watchlists' | 'team' | 'scenarios' }
  /**
   * Research notes were written. `netuids`: the subnets whose notes changed (both, when a note moved to another
   * subnet), so a subnet's page reloads its notes only when they are among them.
   */
  | { scope: 'notes'; netuids: number[] };
export type EventName = keyof Events;
export const eventNames: EventName[] = ['sync.progress', 'sync.done', 'data.changed'];

/** What the core answers on the wire: errors travel as data so every shell can rebuild a clear message. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: ScoutErrorShape };
export interface ScoutErrorShape {
  code: ErrorCode;
  message: string;
}
/**
 * What kind of failure, so a window can act on it without reading the words: the message is for the user, the code
 * for the program.
 */
export type ErrorCode =
  /** The argument broke the contract's rules (or the data it names cannot be used that way). */
  | 'invalid-argument'
  | 'unknown-method'
  /** What the call names (a note, a watchlist, a saved scenario, a key, a backup, a subnet's data) is not there. */
  | 'not-found'
  /** The data changed since the caller read it (a note saved in another window) or would clash with what is there
   * (a name or an address already used): nothing was written. */
  | 'conflict'
  /** Something else is using the data for now (a sync, a restore, another process on the folder): try again later. */
  | 'busy'
  | 'database-unavailable'
  | 'sync-failed'
  | 'internal';

export const ERROR_CODES: readonly ErrorCode[] = [
  'invalid-argument',
  'unknown-method',
  'not-found',
  'conflict',
  'busy',
  'database-unavailable',
  'sync-failed',
  'internal',
];

/** Error thrown on the renderer side when an operation fails; carries the core's code and message. */
export class ScoutError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ScoutError';
  }
}

export function unwrapReply<T>(reply: Reply<T>): T {
  if (reply.ok) return reply.value;
  throw new ScoutError(reply.error.code, reply.error.message);
}

/**
 * A failed call as the renderer handles it. Shells hand failures over as the wire shape ({ code, message }: Electron's
 * context bridge would strip an Error down to its message); anything else (a dropped connection) is 'internal'.
 */
export function asScoutError(e: unknown): ScoutError {
  if (e instanceof ScoutError) return e;
  const shape = e as Partial<ScoutErrorShape> | null;
  const message = typeof shape?.message === 'string' ? shape.message : String(e);
  const code = ERROR_CODES.find((c) => c === shape?.code) ?? 'internal';
  return new ScoutError(code, message);
}
