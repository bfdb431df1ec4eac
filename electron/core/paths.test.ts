/** A build from a checkout never touches the installed app's data unless told to. */
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from './paths';

describe('the data folder', () => {
  it('of the installed app is the OS app-data folder; runs from source use a separate dev folder', () => {
    const env = { XDG_CONFIG_HOME: '/home/ana/.config' };
    expect(defaultDataDir(env, 'linux', true)).toBe('/home/ana/.config/Subnet Scout');
    expect(defaultDataDir(env, 'linux')).toBe('/home/ana/.config/Subnet Scout (dev)');
    expect(defaultDataDir({}, 'darwin', true)).toBe(
      path.join(os.homedir(), 'Library', 'Application Support', 'Subnet Scout'),
    );
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\Ana Lee\\AppData\\Roaming' }, 'win32')).toBe(
      path.join('C:\\Users\\Ana Lee\\AppData\\Roaming', 'Subnet Scout (dev)'),
    );
  });

  it('is SCOUT_DATA_DIR when set, for either', () => {
    expect(defaultDataDir({ SCOUT_DATA_DIR: '/data/scout' }, 'linux')).toBe('/data/scout');
    expect(defaultDataDir({ SCOUT_DATA_DIR: '/data/scout' }, 'linux', true)).toBe('/data/scout');
  });
});
