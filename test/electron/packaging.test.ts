/**
 * What `npm run dist` packs, checked by running the real electron-builder with the project's electron-builder.yml on
 * a made-up checkout: bundles, a fresh Electron build of better-sqlite3, and the leftovers a developer's folder has
 * (a Node build of better-sqlite3 with its objects and C sources, build scratch, source maps, the build cache).
 * Offline: a stand-in Electron folder replaces the download, and for the deb a stand-in `fpm` records what
 * electron-builder hands it (electron-builder checks the deb's metadata before that, and refuses without it).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const require = createRequire(path.join(root, 'package.json'));
const asar = require('@electron/asar') as { listPackage(archive: string, options: object): string[] };
const builderCli = require.resolve('electron-builder/cli.js');
const ELECTRON = (require('electron/package.json') as { version: string }).version;

function write(file: string, content = 'x'): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}

/** A checkout after `npm ci` (Node build), `electron-vite build` and build-native.mjs, plus an old scratch folder. */
function madeUpCheckout(dir: string): void {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
  const sqliteVersion = (pkg.dependencies as Record<string, string>)['better-sqlite3'];
  write(
    path.join(dir, 'package.json'),
    JSON.stringify({ ...pkg, dependencies: { 'better-sqlite3': sqliteVersion }, devDependencies: {} }),
  );
  fs.copyFileSync(path.join(root, 'electron-builder.yml'), path.join(dir, 'electron-builder.yml'));
  fs.cpSync(path.join(root, 'resources'), path.join(dir, 'resources'), { recursive: true });
  for (const f of [
    'out/main/main.js',
    'out/main/main.js.map',
    'out/main/core-process.js',
    'out/main/cli.js',
    'out/preload/preload.js',
    'out/renderer/index.html',
  ]) {
    write(path.join(dir, f));
  }
  write(path.join(dir, 'out/native/better_sqlite3.node'), 'electron build');
  write(
    path.join(dir, 'out/native/build-info.json'),
    JSON.stringify({ electron: ELECTRON, platform: 'linux', arch: 'x64' }),
  );
  write(path.join(dir, 'out/native-build/better-sqlite3/build/Release/better_sqlite3.node'), 'old scratch');
  write(path.join(dir, 'out/native-build/better-sqlite3/src/better_sqlite3.cpp'));
  const sqlite = path.join(dir, 'node_modules/better-sqlite3');
  write(
    path.join(sqlite, 'package.json'),
    JSON.stringify({ name: 'better-sqlite3', version: sqliteVersion, main: 'lib/index.js' }),
  );
  write(path.join(sqlite, 'lib/index.js'), 'module.exports = {};');
  write(path.join(sqlite, 'build/Release/better_sqlite3.node'), 'node build');
  write(path.join(sqlite, 'build/Release/obj.target/better_sqlite3/src/better_sqlite3.o'));
  write(path.join(sqlite, 'deps/sqlite3/sqlite3.c'));
  write(path.join(sqlite, 'src/better_sqlite3.cpp'));
  write(path.join(sqlite, 'binding.gyp'), '{}');
  write(
    path.join(dir, `node_modules/.cache/subnet-scout-native/electron-${ELECTRON}-linux-x64/better_sqlite3.node`),
    'cached build',
  );
}

function builder(dir: string, args: string[], env: NodeJS.ProcessEnv = {}): void {
  const electronDist = path.join(dir, '..', 'electron-dist');
  write(path.join(electronDist, 'electron'), '#!/bin/sh\n');
  fs.chmodSync(path.join(electronDist, 'electron'), 0o755);
  write(path.join(electronDist, 'LICENSE'), 'stand-in');
  execFileSync(
    process.execPath,
    [
      builderCli,
      '--projectDir',
      dir,
      '--x64',
      '--publish',
      'never',
      `-c.electronDist=${electronDist}`,
      `-c.electronVersion=${ELECTRON}`,
      ...args,
    ],
    { cwd: dir, stdio: 'pipe', env: { ...process.env, ...env } },
  );
}

/** Every file of the package, asar and unpacked, relative to the app folder with forward slashes. */
function packedFiles(resources: string): { inAsar: string[]; unpacked: string[] } {
  const inAsar = asar
    .listPackage(path.join(resources, 'app.asar'), { isPack: false })
    .map((f) => f.replace(/\\/g, '/').replace(/^\//, ''));
  const unpackedRoot = path.join(resources, 'app.asar.unpacked');
  const unpacked = fs.existsSync(unpackedRoot)
    ? (fs.readdirSync(unpackedRoot, { recursive: true, withFileTypes: true }) as fs.Dirent[])
        .filter((d) => d.isFile())
        .map((d) => path.relative(unpackedRoot, path.join(d.parentPath, d.name)).replace(/\\/g, '/'))
    : [];
  return { inAsar, unpacked };
}

const skipReason = process.platform === 'linux' ? '' : 'the stand-in Electron folder is a Linux one';
if (skipReason) console.warn(`[skip] packaging test: ${skipReason}`);

describe.skipIf(skipReason !== '')('npm run dist', () => {
  let work: string;
  beforeAll(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'scout-dist-'));
  });

  it('packs the bundles and one better-sqlite3 binary, the Electron build, unpacked beside app.asar', () => {
    const dir = path.join(work, 'dir-build');
    madeUpCheckout(dir);
    builder(dir, ['--linux', 'dir']);
    const { inAsar, unpacked } = packedFiles(path.join(dir, 'dist/linux-unpacked/resources'));
    for (const f of [
      'package.json',
      'out/main/main.js',
      'out/main/core-process.js',
      'out/main/cli.js',
      'out/preload/preload.js',
      'out/renderer/index.html',
    ]) {
      expect(inAsar).toContain(f);
    }
    // The `scout` launchers sit beside app.asar and run its CLI bundle with the app's Electron as Node.
    const resources = path.join(dir, 'dist/linux-unpacked/resources');
    const launcher = fs.readFileSync(path.join(resources, 'scout'), 'utf8');
    expect(fs.statSync(path.join(resources, 'scout')).mode & 0o111).not.toBe(0);
    expect(launcher).toContain('ELECTRON_RUN_AS_NODE=1 exec "$app" "$here/app.asar/out/main/cli.js"');
    expect(
      fs.existsSync(path.join(dir, 'dist/linux-unpacked', launcher.match(/app="\$here\/\.\.\/([^"]+)"/)![1]!)),
    ).toBe(true);
    expect(fs.readFileSync(path.join(resources, 'scout.cmd'), 'utf8')).toContain('app.asar\\out\\main\\cli.js');
    expect(inAsar).toContain('node_modules/better-sqlite3/lib/index.js');
    // app.asar lists unpacked files too: one binary in all.
    expect([...new Set([...inAsar, ...unpacked])].filter((f) => f.endsWith('.node'))).toEqual([
      'out/native/better_sqlite3.node',
    ]);
    expect(unpacked).toContain('out/native/better_sqlite3.node');
    expect(
      fs.readFileSync(
        path.join(dir, 'dist/linux-unpacked/resources/app.asar.unpacked/out/native/better_sqlite3.node'),
        'utf8',
      ),
    ).toBe('electron build');
    const leftovers = [...inAsar, ...unpacked].filter((f) =>
      /native-build|\.cache|better-sqlite3\/(build|deps|src)\/|binding\.gyp|\.map$|\.o$/.test(f),
    );
    expect(leftovers).toEqual([]);
  });

  it('gives the deb what it refuses to build without: maintainer, homepage, and a freedesktop main category', () => {
    const dir = path.join(work, 'deb-build');
    madeUpCheckout(dir);
    const bin = path.join(work, 'bin');
    const record = path.join(work, 'fpm-args.txt');
    // Records its arguments and the desktop entry it is given, and makes the package file electron-builder expects.
    write(
      path.join(bin, 'fpm'),
      '#!/bin/sh\nout=""; prev=""\nfor a in "$@"; do echo "$a" >> "$FPM_RECORD"\n' +
        '  case "$a" in *.desktop=*) cat "${a%%=*}" >> "$FPM_RECORD";; esac\n' +
        '  if [ "$prev" = "--package" ] || [ "$prev" = "-p" ]; then out="$a"; fi; prev="$a"\ndone\n[ -n "$out" ] && : > "$out"\nexit 0\n',
    );
    fs.chmodSync(path.join(bin, 'fpm'), 0o755);
    builder(dir, ['--linux', 'deb'], {
      USE_SYSTEM_FPM: 'true',
      FPM_RECORD: record,
      PATH: `${bin}${path.delimiter}${process.env.PATH}`,
    });
    const args = fs.readFileSync(record, 'utf8');
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      homepage: string;
      author: { email: string };
    };
    expect(args).toMatch(new RegExp(`--maintainer\\n[^\\n]*<${pkg.author.email.replace(/\./g, '\\.')}>`));
    expect(args).toContain(`--url\n${pkg.homepage}`);
    expect(args).toMatch(/^Categories=Office;Finance;$/m);
    // `scout` on PATH: /usr/bin/scout execs the launcher inside the installed app.
    expect(args).toContain('resources/cli/scout-deb=/usr/bin/scout');
    expect(fs.readFileSync(path.join(dir, 'resources/cli/scout-deb'), 'utf8')).toContain(
      'exec "/opt/Subnet Scout/resources/scout" "$@"',
    );
  });
});
