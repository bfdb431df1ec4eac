/**
 * Every SQLite handle the app opens comes from here, so the native module matches the runtime: under Node (tests,
 * CLI) better-sqlite3's own build; under Electron the copy built for Electron's ABI by electron/tools/build-native.mjs
 * (out/native/), which `npm start` and `npm run dist` prepare. One node_modules then serves both.
 */
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3, { type Database, type Options } from 'better-sqlite3';

let binding: string | undefined | null = null;

function electronBinding(): string | undefined {
  if (binding !== null) return binding;
  binding = undefined;
  if (process.versions.electron) {
    const candidate = process.env.SCOUT_SQLITE_BINDING ?? path.join(__dirname, '../native/better_sqlite3.node');
    if (fs.existsSync(candidate)) binding = candidate;
  }
  return binding;
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
