/**
 * Which better-sqlite3 binary the app loads: under Electron only the Electron build, and when that is missing or
 * stale the user is told the fix instead of getting a "database cannot be opened" from the wrong ABI.
 */
import { describe, expect, it } from 'vitest';
import { chooseBinding, NativeModuleError, type Runtime } from './sqlite';

function runtime(files: Record<string, string>, over: Partial<Runtime> = {}): Runtime {
  return {
    electron: '45.4.1',
    arch: 'x64',
    override: undefined,
    nativeDir: '/opt/Subnet Scout/resources/app.asar/out/native',
    exists: (f) => f in files,
    read: (f) => {
      if (!(f in files)) throw new Error(`ENOENT ${f}`);
      return files[f]!;
    },
    ...over,
  };
}

const UNPACKED = '/opt/Subnet Scout/resources/app.asar.unpacked/out/native';
const info = (electron: string, arch: string) => JSON.stringify({ electron, platform: 'linux', arch });

describe('the better-sqlite3 binary', () => {
  it('under Node is better-sqlite3’s own build', () => {
    expect(chooseBinding(runtime({}, { electron: undefined }))).toBeUndefined();
  });

  it('in an installed app is the Electron build unpacked beside app.asar', () => {
    const files = { [`${UNPACKED}/better_sqlite3.node`]: '', [`${UNPACKED}/build-info.json`]: info('45.4.1', 'x64') };
    expect(chooseBinding(runtime(files))).toBe(`${UNPACKED}/better_sqlite3.node`);
  });

  it('from a checkout is out/native’s', () => {
    const dir = '/home/ana/My Code/scout/out/native';
    const files = { [`${dir}/better_sqlite3.node`]: '', [`${dir}/build-info.json`]: info('45.4.1', 'x64') };
    expect(chooseBinding(runtime(files, { nativeDir: dir }))).toBe(`${dir}/better_sqlite3.node`);
  });

  it('missing under Electron is an error naming the fix, never the Node build', () => {
    expect(() => chooseBinding(runtime({}))).toThrow(NativeModuleError);
    expect(() => chooseBinding(runtime({}))).toThrow(
      /Electron 45\.4\.1 \(x64\) is missing.*npm start.*build-native\.mjs/,
    );
  });

  it('built for another Electron or architecture is an error saying which', () => {
    const stale = { [`${UNPACKED}/better_sqlite3.node`]: '', [`${UNPACKED}/build-info.json`]: info('41.7.1', 'x64') };
    expect(() => chooseBinding(runtime(stale))).toThrow(
      /built for Electron 41\.7\.1 \(x64\), but this is Electron 45\.4\.1 \(x64\)/,
    );
    const otherArch = {
      [`${UNPACKED}/better_sqlite3.node`]: '',
      [`${UNPACKED}/build-info.json`]: info('45.4.1', 'arm64'),
    };
    expect(() => chooseBinding(runtime(otherArch))).toThrow(/\(arm64\), but this is Electron 45\.4\.1 \(x64\)/);
  });

  it('SCOUT_SQLITE_BINDING wins when it exists and is refused in words when it does not', () => {
    expect(chooseBinding(runtime({ '/tmp/b.node': '' }, { override: '/tmp/b.node' }))).toBe('/tmp/b.node');
    expect(() => chooseBinding(runtime({}, { override: '/tmp/b.node' }))).toThrow(
      /SCOUT_SQLITE_BINDING points at \/tmp\/b\.node/,
    );
  });
});
