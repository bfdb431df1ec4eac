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

export function openSqlite(file: string, options: Options = {}): Database {
  const nativeBinding = electronBinding();
  return new BetterSqlite3(file, nativeBinding ? { ...options, nativeBinding } : options);
}
