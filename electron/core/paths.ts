/**
 * Where user data lives: the OS's app-data folder (the same folder Electron's userData uses), or SCOUT_DATA_DIR.
 * Runs from a checkout (`npm start`, the CLI) use their own "Subnet Scout (dev)" folder, so a development build never
 * migrates the installed app's database, and both can run at once (the single-instance lock is per folder).
 */
import os from 'node:os';
import path from 'node:path';

export const APP_FOLDER_NAME = 'Subnet Scout';
export const DEV_FOLDER_NAME = 'Subnet Scout (dev)';

/** The OS's per-user app-data folder (what Electron calls appData). */
export function appDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support');
  if (platform === 'win32') return env.APPDATA ?? path.join(home, 'AppData', 'Roaming');
  return env.XDG_CONFIG_HOME ?? path.join(home, '.config');
}

/** `installed`: the packaged app; anything else runs from source and gets the dev folder. */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
  installed = false,
): string {
  if (env.SCOUT_DATA_DIR) return path.resolve(env.SCOUT_DATA_DIR);
  return path.join(appDataDir(env, platform), installed ? APP_FOLDER_NAME : DEV_FOLDER_NAME);
}

export const LIVE_DB_FILE = 'scout.db';
export const DEMO_DB_FILE = 'demo.db';
/** Runtime metadata kept between processes, one file per runtime (a cache: deleting it costs one download). */
export const RUNTIME_METADATA_DIR = 'runtime-metadata';
export const CORE_LOG_FILE = path.join('logs', 'core.log');
