#!/usr/bin/env node
/**
 * Puts better-sqlite3 built for Electron's ABI at out/native/better_sqlite3.node, leaving node_modules built for Node
 * (tests and the CLI keep working). Run by `npm start` and `npm run dist`.
 *
 * It takes the published prebuilt Electron binary where one exists and compiles against Electron's headers only as
 * the fallback; both need the internet once. Builds are kept per Electron version, OS and architecture in
 * node_modules/.cache, so a later start copies instead of downloading. `--arch=arm64` builds for another architecture.
 *
 * Not exercised on the project's build machines (no Electron binary or headers can be fetched there); the path and
 * environment handling it relies on is tested in native-paths.test.ts.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { childEnv, copiedToScratch, nativePaths, projectRoot } from './native-paths.mjs';

const root = projectRoot(import.meta.url);
const require = createRequire(path.join(root, 'package.json'));
const electronVersion = require('electron/package.json').version;
const arch = process.argv.find((a) => a.startsWith('--arch='))?.slice('--arch='.length) ?? process.arch;
const platform = process.platform;
const paths = nativePaths({ root, electronVersion, platform, arch });
const info = JSON.stringify({ electron: electronVersion, platform, arch });

const current = () =>
  fs.existsSync(paths.target) && fs.existsSync(paths.buildInfo) && fs.readFileSync(paths.buildInfo, 'utf8') === info;

function install() {
  fs.mkdirSync(paths.outDir, { recursive: true });
  fs.copyFileSync(paths.cachedBinary, paths.target);
  fs.writeFileSync(paths.buildInfo, info);
  console.log(
    `better-sqlite3 for Electron ${electronVersion} (${platform}-${arch}): ${path.relative(root, paths.target)}`,
  );
}

/** node-gyp from node_modules, else the one npm ships (npm tells scripts where it is). */
function nodeGyp() {
  try {
    return require.resolve('node-gyp/bin/node-gyp.js');
  } catch {
    if (process.env.npm_config_node_gyp) return process.env.npm_config_node_gyp;
    throw new Error('node-gyp was not found (neither in node_modules nor from npm)');
  }
}

/** Downloads the prebuilt binary, else compiles; in a scratch copy outside the project so nothing of it is packed. */
function build() {
  const sqliteDir = path.dirname(require.resolve('better-sqlite3/package.json'));
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'subnet-scout-native-'));
  try {
    fs.cpSync(sqliteDir, scratch, { recursive: true, filter: (p) => copiedToScratch(path.relative(sqliteDir, p)) });
    // No shell: arguments reach the child as they are, whatever spaces or quotes the paths hold.
    const run = (script, args) =>
      execFileSync(process.execPath, [script, ...args], { cwd: scratch, stdio: 'inherit', env: childEnv(process.env) });
    try {
      run(require.resolve('prebuild-install/bin.js'), [
        '--runtime=electron',
        `--target=${electronVersion}`,
        `--arch=${arch}`,
        `--platform=${platform}`,
      ]);
    } catch {
      console.log(
        `No prebuilt better-sqlite3 for Electron ${electronVersion} (${platform}-${arch}); compiling against Electron's headers.`,
      );
      run(nodeGyp(), [
        'rebuild',
        '--release',
        `--target=${electronVersion}`,
        `--arch=${arch}`,
        '--runtime=electron',
        '--dist-url=https://electronjs.org/headers',
      ]);
    }
    fs.mkdirSync(paths.cacheDir, { recursive: true });
    fs.copyFileSync(path.join(scratch, 'build', 'Release', 'better_sqlite3.node'), paths.cachedBinary);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

if (current()) {
  console.log(`better-sqlite3 for Electron ${electronVersion} (${platform}-${arch}): up to date`);
} else {
  try {
    if (!fs.existsSync(paths.cachedBinary)) build();
    install();
  } catch (e) {
    console.error(
      `\nCould not build better-sqlite3 for Electron ${electronVersion} (${platform}-${arch}): ${e.message.split('\n')[0]}\n` +
        'This needs internet access once (a prebuilt binary from GitHub, or Electron headers from electronjs.org to ' +
        'compile with a C++ toolchain). See README "Troubleshooting the native module". Tests and the CLI do not need this.',
    );
    process.exit(1);
  }
}
