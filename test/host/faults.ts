/**
 * Fault switches for the core behind the test host, as `node.faults` is for the stand-in chain: set `failCalls` at
 * any time and the named operations fail; `reset()` brings them back.
 *
 * The failure happens inside the real core: while a faulted operation's handler runs, opening the data file throws
 * `message` (as a disk error would), so the core's own dispatch and error mapping shape the reply the page gets,
 * and the page receives it over the same wire as any other answer. The store and the view are left as they are.
 */
import type { Method } from '../../shared/api';
import type { ScoutService } from '../../electron/core/service';

export interface CallFaultRule {
  method: Method;
  /** What reading the data file throws; the page sees the core's "Unexpected error: <message>". */
  message?: string;
}

export class CallFaults {
  failCalls: CallFaultRule[] = [];

  reset(): void {
    this.failCalls = [];
  }

  /** The error a call of `method` must meet, or null to let it through. */
  errorFor(method: unknown): Error | null {
    const rule = this.failCalls.find((r) => r.method === method);
    return rule ? new Error(rule.message ?? 'disk I/O error (fault switch)') : null;
  }
}

/**
 * Wires the switches into `service`. A handler reads the workspace synchronously when it starts, so the fault is armed
 * exactly for the turn in which the core calls the faulted operation's handler (the core may first wait, e.g. for the
 * data file's integrity check), and never hits other work in flight.
 */
export function installCallFaults(service: ScoutService): CallFaults {
  const faults = new CallFaults();
  const requireWorkspace = service.requireWorkspace.bind(service);
  let armed: Error | null = null;
  service.requireWorkspace = () => {
    if (armed) throw armed;
    return requireWorkspace();
  };
  // The handler table is the core's own (private to the service): wrapping each entry puts the switch right where the
  // operation starts, after whatever the dispatch awaited.
  const handlers = (service as unknown as { handlers: Record<string, (arg: unknown) => unknown> }).handlers;
  for (const [method, handler] of Object.entries(handlers)) {
    handlers[method] = (arg) => {
      armed = faults.errorFor(method);
      try {
        return handler(arg);
      } finally {
        armed = null;
      }
    };
  }
  return faults;
}
