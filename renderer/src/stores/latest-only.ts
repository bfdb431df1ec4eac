/**
 * Runs an async request so that only the newest call's result is delivered: while a slider is dragged, requests
 * that are overtaken are dropped instead of repainting stale figures out of order.
 */
export function latestOnly<A, R>(run: (arg: A) => Promise<R>, deliver: (result: R) => void, fail: (e: Error) => void) {
  let inFlight = false;
  let queued: { arg: A } | null = null;
  const pump = async (arg: A): Promise<void> => {
    inFlight = true;
    try {
      const result = await run(arg);
      if (!queued) deliver(result);
    } catch (e) {
      if (!queued) fail(e as Error);
    } finally {
      inFlight = false;
      const next = queued;
      queued = null;
      if (next) void pump(next.arg);
    }
  };
  return (arg: A): void => {
    if (inFlight) queued = { arg };
    else void pump(arg);
  };
}
