/**
 * Where build-native.mjs reads and writes, as pure functions of the platform so the Windows cases (drive letters,
 * `C:\Program Files\…`, backslashes) and paths with spaces can be tested on any machine. No I/O here.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The path functions of the given platform (path.win32 on Windows even when the tests run on Linux). */
export function pathApi(platform) {
  return platform === 'win32' ? path.win32 : path.posix;
}

/**
 * The project folder, from this tool's own `import.meta.url`. `new URL(…).pathname` would keep `%20` for spaces and
 * give `/C:/…` on Windows; fileURLToPath decodes both.
 */
export function projectRoot(moduleUrl, platform = process.platform) {
  const p = pathApi(platform);
  return p.resolve(p.dirname(fileURLToPath(moduleUrl, { windows: platform === 'win32' })), '..', '..');
}

/** One Electron build of better-sqlite3 per Electron version, OS and architecture. */
export function buildKey({ electronVersion, platform, arch }) {
  return `electron-${electronVersion}-${platform}-${arch}`;
}

/**
 * - `cacheDir`: kept builds, one folder per buildKey, under node_modules/.cache (never packed into the app);
 *   switching Electron version or architecture and back costs no rebuild.
 * - `target`: what the app loads (electron/core/db/sqlite.ts), with `buildInfo` saying which build it is.
 */
export function nativePaths({ root, electronVersion, platform, arch }) {
  const p = pathApi(platform);
  const key = buildKey({ electronVersion, platform, arch });
  const cacheDir = p.join(root, 'node_modules', '.cache', 'subnet-scout-native', key);
  const outDir = p.join(root, 'out', 'native');
  return {
    key,
    cacheDir,
    cachedBinary: p.join(cacheDir, 'better_sqlite3.node'),
    outDir,
    target: p.join(outDir, 'better_sqlite3.node'),
    buildInfo: p.join(outDir, 'build-info.json'),
  };
}

/**
 * Whether a file of better-sqlite3 is copied into the scratch build: not its Node build (`build/`), which would be
 * mistaken for the Electron one. `relative` is relative to the package folder, with either separator.
 */
export function copiedToScratch(relative) {
  const first = relative.split(/[\\/]/)[0];
  return first !== 'build' && first !== 'node_modules';
}

/**
 * The child processes' environment: without the offline build machines' npm settings. `nodedir` would point
 * node-gyp at Node's headers instead of Electron's, and `build_from_source` stops prebuild-install from using the
 * published Electron binary. Windows environment names are case-insensitive, so compare them lowercased.
 */
export function childEnv(env) {
  const dropped = new Set(['npm_config_nodedir', 'npm_config_build_from_source']);
  return Object.fromEntries(Object.entries(env).filter(([name]) => !dropped.has(name.toLowerCase())));
}
