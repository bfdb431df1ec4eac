#!/usr/bin/env node
/**
 * Builds better-sqlite3 for Electron's ABI into out/native/better_sqlite3.node, leaving node_modules built for
 * Node (tests and the CLI keep working). Run by `npm start` and `npm run dist`; needs the internet the first time
 * (Electron headers or a prebuilt binary). Skips the work when the binary for this Electron version is already there.
 *
 * Not exercised on the project's build machines (no Electron binary or headers can be fetched there).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const require = createRequire(path.join(root, 'package.json'));
const electronVersion = require('electron/package.json').version;
const sqliteDir = path.dirname(require.resolve('better-sqlite3/package.json'));
const outDir = path.join(root, 'out/native');
const target = path.join(outDir, 'better_sqlite3.node');
const stamp = path.join(outDir, 'electron-version.txt');

if (fs.existsSync(target) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === electronVersion) {
  console.log(`better-sqlite3 for Electron ${electronVersion}: up to date`);
  process.exit(0);
}

// Build in a scratch copy so node_modules keeps its Node build.
const scratch = path.join(root, 'out/native-build/better-sqlite3');
fs.rmSync(scratch, { recursive: true, force: true });
fs.cpSync(sqliteDir, scratch, { recursive: true, filter: (p) => !p.includes(`${path.sep}build${path.sep}`) });
const env = { ...process.env };
delete env.npm_config_nodedir; // the project .npmrc points node-gyp at Node's headers; Electron needs its own
const run = (cmd, args) => execFileSync(cmd, args, { cwd: scratch, stdio: 'inherit', env, shell: process.platform === 'win32' });
const prebuild = require.resolve('prebuild-install/bin.js');
try {
  run(process.execPath, [prebuild, '--runtime', 'electron', '--target', electronVersion, '--arch', process.arch]);
} catch {
  console.log('No prebuilt better-sqlite3 for this Electron; compiling against Electron headers.');
  const gyp = require.resolve('node-gyp/bin/node-gyp.js');
  try {
    run(process.execPath, [gyp, 'rebuild', '--release', `--target=${electronVersion}`, `--arch=${process.arch}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers']);
  } catch {
    console.error(
      `\nCould not build better-sqlite3 for Electron ${electronVersion}. The first run needs internet access (a prebuilt ` +
        'binary from GitHub, or Electron headers from electronjs.org) and a C++ toolchain. Tests and the CLI do not need this.',
    );
    process.exit(1);
  }
}
fs.mkdirSync(outDir, { recursive: true });
fs.copyFileSync(path.join(scratch, 'build/Release/better_sqlite3.node'), target);
fs.writeFileSync(stamp, electronVersion);
console.log(`better-sqlite3 for Electron ${electronVersion}: ${path.relative(root, target)}`);
