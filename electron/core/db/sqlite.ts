/**
 * Every SQLite handle the app opens comes from here, so the native module matches the runtime: under Node (tests,
 * CLI) better-sqlite3's own build; under Electron the copy built for Electron's ABI by electron/tools/build-native.mjs
 * (out/native/), which `npm start` and `npm run dist` prepare. One node_modules then serves both.
 */
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3, { type Database, type Options } from 'better-sqlite3';

/** The Electron build of better-sqlite3 is missing or was made for another Electron or architecture. */
export class NativeModuleError extends Error {
  override name = 'NativeModuleError';
}

export interface Runtime {
  /** process.versions.electron: undefined under Node. */
  electron: string | undefined;
  arch: string;
  /** SCOUT_SQLITE_BINDING: a binary to use instead of out/native's. */
  override: string | undefined;
  /** The out/native folder of this build of the app. */
  nativeDir: string;
  exists: (file: string) => boolean;
  read: (file: string) => string;
}

const FIX =
  'From a checkout, run `npm start` (or `node electron/tools/build-native.mjs`), which needs internet access once; ' +
  'an installed app needs reinstalling. See README "Troubleshooting the native module".';

/**
 * Which binary to load: none under Node (better-sqlite3 finds its own); under Electron out/native's, checked against
 * the Electron version and architecture it was built for. Loading the Node build instead would fail on first use
 * with an ABI message that reads like a broken database, so a missing build is an error that names the fix.
 */
export function chooseBinding(rt: Runtime): string | undefined {
  if (!rt.electron) return undefined;
  if (rt.override) {
    if (!rt.exists(rt.override))
      throw new NativeModuleError(`SCOUT_SQLITE_BINDING points at ${rt.override}, which does not exist.`);
    return rt.override;
  }
  // Inside a packaged app the binary sits beside app.asar, in app.asar.unpacked (electron-builder.yml asarUnpack).
  const dir = rt.nativeDir.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
  const binary = path.join(dir, 'better_sqlite3.node');
  if (!rt.exists(binary)) {
    throw new NativeModuleError(
      `better-sqlite3 built for Electron ${rt.electron} (${rt.arch}) is missing: ${binary} does not exist. ${FIX}`,
    );
  }
  const infoFile = path.join(dir, 'build-info.json');
  let built: { electron?: string; arch?: string } = {};
  try {
    built = JSON.parse(rt.read(infoFile)) as typeof built;
  } catch {
    // No record of what it was built for: trust it; a wrong ABI still fails loudly when loaded.
    return binary;
  }
  if (built.electron !== rt.electron || built.arch !== rt.arch) {
    throw new NativeModuleError(
      `${binary} was built for Electron ${built.electron} (${built.arch}), but this is Electron ${rt.electron} (${rt.arch}). ${FIX}`,
    );
  }
  return binary;
}

let binding: string | undefined | null = null;

function electronBinding(): string | undefined {
  if (binding === null) {
    binding = chooseBinding({
      electron: process.versions.electron,
      arch: process.arch,
      override: process.env.SCOUT_SQLITE_BINDING,
      nativeDir: path.join(__dirname, '../native'),
      exists: (file) => fs.existsSync(file),
      read: (file) => fs.readFileSync(file, 'utf8'),
    });
  }
  return binding;
}

/** Throws NativeModuleError at start-up (core-process.ts) rather than as a database problem on first open. */
export function checkNativeModule(): void {
  electronBinding();
}

/**
 * How long a write waits for another connection's write (the CLI's sync, the app's note save) before giving up with
 * `database is locked`. A full snapshot write holds the lock for a second or two on Finney; the wait is bounded so a
 * stuck writer surfaces as an error instead of a frozen app.
 */
export const BUSY_TIMEOUT_MS = 15_000;

export function openSqlite(file: string, options: Options = {}): Database {
  const nativeBinding = electronBinding();
  // `timeout` is SQLite's busy_timeout. Waiting only helps if every write transaction starts with BEGIN IMMEDIATE
  // (`.immediate()`): a deferred one that read first cannot wait for the lock under WAL and fails at once.
  const withWait = { timeout: BUSY_TIMEOUT_MS, ...options };
  return new BetterSqlite3(file, nativeBinding ? { ...withWait, nativeBinding } : withWait);
}

/** The native module a worker thread must load to open files the way this thread does (undefined: the default). */
export function nativeBindingPath(): string | undefined {
  return electronBinding();
}
