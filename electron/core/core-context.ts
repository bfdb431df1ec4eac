/**
 * What the core's parts (the operation handlers, the sync controller) may use of the service that owns them: the open
 * workspace, the clock and the event stream. The service implements it; the parts never see the service itself, so
 * none of them imports service.ts, and each can be read (and tested) knowing only what it is given.
 */
import type { EventName, Events } from '../../shared/api';
import type { Workspace } from './workspace';

export interface CoreContext {
  /** Injected so tests control time. */
  readonly now: () => number;
  emit<E extends EventName>(event: E, payload: Events[E]): void;
  /** The open workspace, or a clear error when the data file could not be used. */
  requireWorkspace(): Workspace;
}
