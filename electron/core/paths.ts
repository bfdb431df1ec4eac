/** Where user data lives: the OS's app-data folder (the same folder Electron's userData uses), or SCOUT_DATA_DIR. */
import os from 'node:os';
import path from 'node:path';

export const APP_FOLDER_NAME = 'Subnet Scout';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.SCOUT_DATA_DIR) return path.resolve(env.SCOUT_DATA_DIR);
  const home = os.homedir();
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_FOLDER_NAME);
}

export const LIVE_DB_FILE = 'scout.db';
export const DEMO_DB_FILE = 'demo.db';
