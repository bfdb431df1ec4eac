import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../paths';
import { cliVersion, isInstalledBundle } from './install';

describe('which data folder the built CLI uses', () => {
  const env = { XDG_CONFIG_HOME: '/home/ana/.config' };
  const folder = (bundleDir: string) => defaultDataDir(env, 'linux', isInstalledBundle(bundleDir));

  it('inside an installed app (app.asar): the installed app’s folder; from a checkout: the dev folder', () => {
    expect(folder('/opt/Subnet Scout/resources/app.asar/out/main')).toBe(
      path.join('/home/ana/.config', 'Subnet Scout'),
    );
    expect(folder('C:\\Users\\ana\\AppData\\Local\\Programs\\Subnet Scout\\resources\\app.asar\\out\\main')).toBe(
      path.join('/home/ana/.config', 'Subnet Scout'),
    );
    expect(folder('/home/ana/src/subnet-scout/out/main')).toBe(path.join('/home/ana/.config', 'Subnet Scout (dev)'));
    // A checkout that happens to sit in a folder named like the archive is still a checkout.
    expect(folder('/home/ana/app.asar.d/out/main')).toBe(path.join('/home/ana/.config', 'Subnet Scout (dev)'));
  });

  it('--version reads the app’s package.json beside the bundles, not some other package.json on the way up', () => {
    const files: Record<string, string> = {
      '/opt/app.asar/out/package.json': JSON.stringify({ name: 'something-else', version: '9.9.9' }),
      '/opt/app.asar/package.json': JSON.stringify({ name: 'subnet-scout', version: '1.2.3' }),
    };
    const read = (f: string) => {
      if (!(f in files)) throw new Error('ENOENT');
      return files[f]!;
    };
    expect(cliVersion('/opt/app.asar/out/main', read)).toBe('1.2.3');
    expect(cliVersion('/nowhere/out/main', read)).toBe('unknown');
  });
});
