/**
 * Entry of the Electron utility process that hosts the core (SQLite, sync, engine), so long work never blocks the
 * main process or the window. It speaks a tiny message protocol with main over `process.parentPort`; it imports no
 * 'electron' module (the port is provided by the runtime). Its stdout and stderr go to the core log (main.ts).
 */
import { ScoutService } from './core/service';
import { defaultDataDir } from './core/paths';
import { checkNativeModule } from './core/db/sqlite';

interface PortLike {
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}
export type CoreRequest = { type: 'call'; id: number; method: string; arg: unknown };
export type CoreMessage =
  | { type: 'ready' }
  /** Start-up failed (the process exits next): what to tell the user. */
  | { type: 'failed'; message: string }
  | { type: 'reply'; id: number; reply: unknown }
  | { type: 'event'; event: string; payload: unknown };

const port = (process as unknown as { parentPort?: PortLike }).parentPort;
if (!port) throw new Error('core-process must run inside an Electron utility process');

const send = (m: CoreMessage) => port.postMessage(m);

async function serve(): Promise<void> {
  // A missing Electron build of better-sqlite3 is a start-up failure with its fix, not a database the user must
  // think is broken (which is what opening the file with the wrong build would report).
  checkNativeModule();
  const service = await ScoutService.open({
    dataDir: defaultDataDir(),
    version: process.env.SCOUT_APP_VERSION ?? '0.0.0',
  });
  service.on((event, payload) => send({ type: 'event', event, payload }));
  port!.on('message', ({ data }) => {
    const req = data as CoreRequest;
    if (req?.type !== 'call') return;
    void service.call(req.method, req.arg).then((reply) => send({ type: 'reply', id: req.id, reply }));
  });
  send({ type: 'ready' });
  // The window is still starting in its own process: analyse meanwhile (calls queue until this returns).
  setImmediate(() => service.prewarm());
}

serve().catch((e: unknown) => {
  const error = e instanceof Error ? e : new Error(String(e));
  console.error(`[${new Date().toISOString()}] The core could not start:`, error.stack ?? error.message);
  send({ type: 'failed', message: error.message });
  // Let the message reach main before the exit does.
  setTimeout(() => process.exit(1), 100);
});
