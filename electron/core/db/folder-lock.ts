/**
 * Who is using a data folder, across processes (the app's core, the `scout` CLI, a second app), without native
 * add-ons: each use is a small file in `<data folder>/.scout-lock/`, created with `wx` (never two with one name)
 * and holding the process id, the host and what it is doing.
 *
 * Two kinds of use. *Shared*: a process has the data file open and may write through SQLite, which already makes
 * its writes safe against each other (the app and a CLI sync at once is fine). *Exclusive*: something that must not
 * run beside another process's use of the file: replacing it (a restore: a process still holding the old file would
 * keep writing into the orphaned copy), changing its schema, importing in bulk.
 *
 * Taking a hold writes the entry first and then reads the others; the hold is kept only if none conflicts, otherwise
 * the entry is removed again. Of two processes racing, the later reader always sees the earlier writer, so they
 * never both proceed (at worst both step back and try again).
 *
 * A process that died leaves its entry behind: an entry whose process no longer runs on this host is stale, and so
 * is one not refreshed for a long time (a holder refreshes its entries every few seconds; the long limit also covers
 * a reused process id and a folder shared over the network with another host).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

export const LOCK_FOLDER = '.scout-lock';
export type HoldKind = 'shared' | 'exclusive';

export interface Holder {
  pid: number;
  host: string;
  kind: HoldKind;
  /** What the holder is doing, in words: "the Subnet Scout app", "scout sync", "restoring a backup". */
  purpose: string;
  sinceMs: number;
}

const REFRESH_MS = 5_000;
/** Same host, process alive, entry not refreshed this long: the process id was reused by another program. */
const STALE_SAME_HOST_MS = 10 * 60_000;
/** Another host (a shared network folder): its process cannot be asked, only its refreshes seen. */
const STALE_OTHER_HOST_MS = 2 * 60_000;
const POLL_MS = 200;

/** The folder is in use in a way that conflicts; `holders` says by whom. */
export class FolderBusyError extends Error {
  constructor(
    readonly holders: Holder[],
    message: string,
  ) {
    super(message);
    this.name = 'FolderBusyError';
  }
}

export interface Hold {
  readonly kind: HoldKind;
  readonly file: string;
  release(): void;
}

const held = new Set<string>();
let refresher: NodeJS.Timeout | null = null;

function keepFresh(file: string): void {
  held.add(file);
  refresher ??= setInterval(() => {
    const now = new Date();
    for (const f of held) {
      try {
        fs.utimesSync(f, now, now);
      } catch {
        // Removed by someone who judged it stale: the next conflict check of this process's peers no longer sees it.
      }
    }
  }, REFRESH_MS);
  refresher.unref?.();
}

function stopFresh(file: string): void {
  held.delete(file);
  if (held.size === 0 && refresher) {
    clearInterval(refresher);
    refresher = null;
  }
}

function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it runs, under another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isStale(holder: Holder, mtimeMs: number, nowMs: number): boolean {
  const age = nowMs - mtimeMs;
  if (holder.host !== os.hostname()) return age > STALE_OTHER_HOST_MS;
  return !processRuns(holder.pid) || age > STALE_SAME_HOST_MS;
}

/** The live holders of `dataDir` other than the entries in `mine`; stale entries are removed on the way. */
export function holdersOf(dataDir: string, mine: string[] = []): Holder[] {
  const folder = path.join(dataDir, LOCK_FOLDER);
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  const out: Holder[] = [];
  for (const name of names) {
    const file = path.join(folder, name);
    if (!name.endsWith('.json') || mine.includes(file)) continue;
    try {
      const holder = JSON.parse(fs.readFileSync(file, 'utf8')) as Holder;
      if (isStale(holder, fs.statSync(file).mtimeMs, Date.now())) fs.rmSync(file, { force: true });
      else out.push(holder);
    } catch {
      // Being written this instant (empty) or just removed: a writer re-checks after writing, so skipping is safe.
    }
  }
  return out;
}

function conflicts(kind: HoldKind, others: Holder[]): Holder[] {
  return kind === 'exclusive' ? others : others.filter((h) => h.kind === 'exclusive');
}

function writeEntry(dataDir: string, kind: HoldKind, purpose: string): string {
  const folder = path.join(dataDir, LOCK_FOLDER);
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `${process.pid}-${Date.now()}-${randomBytes(4).toString('hex')}-${kind}.json`);
  const holder: Holder = { pid: process.pid, host: os.hostname(), kind, purpose, sinceMs: Date.now() };
  fs.writeFileSync(file, JSON.stringify(holder), { flag: 'wx' });
  return file;
}

/** One attempt: the hold, or the holders it conflicts with (and nothing left behind). */
export function tryHold(dataDir: string, kind: HoldKind, purpose: string, besides: Hold[] = []): Hold | Holder[] {
  const file = writeEntry(dataDir, kind, purpose);
  const blocking = conflicts(kind, holdersOf(dataDir, [file, ...besides.map((h) => h.file)]));
  if (blocking.length > 0) {
    fs.rmSync(file, { force: true });
    return blocking;
  }
  keepFresh(file);
  let released = false;
  return {
    kind,
    file,
    release() {
      if (released) return;
      released = true;
      stopFresh(file);
      fs.rmSync(file, { force: true });
    },
  };
}

export interface HoldOptions {
  /** How long to wait for conflicting holders to finish before giving up (0: refuse at once). */
  waitMs?: number;
  /** Entries of this process that do not count as conflicts (the service's own shared hold during a restore). */
  besides?: Hold[];
  /** Called once when the hold has to wait, with who it waits for. */
  onWait?(holders: Holder[]): void;
}

/** Takes a hold on `dataDir`, waiting up to `waitMs`; throws FolderBusyError naming the holders when it cannot. */
export async function hold(dataDir: string, kind: HoldKind, purpose: string, options: HoldOptions = {}): Promise<Hold> {
  const deadline = Date.now() + (options.waitMs ?? 0);
  let told = false;
  for (;;) {
    const got = tryHold(dataDir, kind, purpose, options.besides);
    if (!Array.isArray(got)) return got;
    if (Date.now() >= deadline) throw new FolderBusyError(got, `${describeHolders(got)}.`);
    if (!told) options.onWait?.(got);
    told = true;
    // A little jitter: two processes stepping back at the same moment do not retry in lockstep.
    await new Promise((r) => setTimeout(r, POLL_MS + Math.floor(Math.random() * POLL_MS)));
  }
}

/** "scout sync (process 4242) is using this data folder", in words a user can act on. */
export function describeHolders(holders: Holder[]): string {
  const who = holders.map((h) => `${h.purpose} (process ${h.pid}${h.host === os.hostname() ? '' : ` on ${h.host}`})`);
  return `${who.join(' and ')} ${holders.length > 1 ? 'are' : 'is'} using this data folder`;
}
