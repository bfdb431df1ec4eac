/**
 * build-native.mjs on the machines users have: Windows drive letters and `C:\Program Files\…`, folders with spaces,
 * and npm settings of the offline build machines that must not reach the Electron build.
 */
import { describe, expect, it } from 'vitest';
import { buildKey, childEnv, copiedToScratch, nativePaths, projectRoot } from './native-paths.mjs';

describe('where the Electron build of better-sqlite3 goes', () => {
  it('finds the project on Windows from a file URL with a drive letter and spaces', () => {
    const url = 'file:///C:/Program%20Files/My%20Projects/subnet-scout/electron/tools/build-native.mjs';
    expect(projectRoot(url, 'win32')).toBe('C:\\Program Files\\My Projects\\subnet-scout');
  });

  it('finds the project on Linux and macOS in a folder with spaces (no %20 left)', () => {
    const url = 'file:///home/ana/My%20Code/subnet%20scout/electron/tools/build-native.mjs';
    expect(projectRoot(url, 'linux')).toBe('/home/ana/My Code/subnet scout');
    expect(projectRoot(url.replace('/home/ana', '/Users/ana'), 'darwin')).toBe('/Users/ana/My Code/subnet scout');
  });

  it('puts the loaded binary in out/native and keeps builds per Electron version and architecture outside out/', () => {
    const root = 'C:\\Program Files\\My Projects\\subnet-scout';
    const x64 = nativePaths({ root, electronVersion: '45.4.1', platform: 'win32', arch: 'x64' });
    expect(x64.target).toBe('C:\\Program Files\\My Projects\\subnet-scout\\out\\native\\better_sqlite3.node');
    expect(x64.cachedBinary).toBe(
      'C:\\Program Files\\My Projects\\subnet-scout\\node_modules\\.cache\\subnet-scout-native\\electron-45.4.1-win32-x64\\better_sqlite3.node',
    );
    const arm = nativePaths({ root, electronVersion: '45.4.1', platform: 'win32', arch: 'arm64' });
    const older = nativePaths({ root, electronVersion: '41.7.1', platform: 'win32', arch: 'x64' });
    expect(new Set([x64.cacheDir, arm.cacheDir, older.cacheDir]).size).toBe(3);
    expect(x64.target).toBe(arm.target);
    expect(buildKey({ electronVersion: '45.4.1', platform: 'darwin', arch: 'arm64' })).toBe(
      'electron-45.4.1-darwin-arm64',
    );
  });

  it('on Linux paths with spaces stay whole', () => {
    const p = nativePaths({
      root: '/home/ana/My Code/subnet scout',
      electronVersion: '45.4.1',
      platform: 'linux',
      arch: 'x64',
    });
    expect(p.target).toBe('/home/ana/My Code/subnet scout/out/native/better_sqlite3.node');
    expect(p.buildInfo).toBe('/home/ana/My Code/subnet scout/out/native/build-info.json');
  });

  it('copies better-sqlite3 without its Node build into the scratch folder, on either separator', () => {
    expect(copiedToScratch('src/better_sqlite3.cpp')).toBe(true);
    expect(copiedToScratch('deps\\sqlite3\\sqlite3.c')).toBe(true);
    expect(copiedToScratch('binding.gyp')).toBe(true);
    expect(copiedToScratch('build/Release/better_sqlite3.node')).toBe(false);
    expect(copiedToScratch('build\\Release\\better_sqlite3.node')).toBe(false);
    expect(copiedToScratch('build')).toBe(false);
  });

  it('drops the build machines’ nodedir and build-from-source settings from the child env, in any case', () => {
    const env = childEnv({
      PATH: '/usr/bin',
      npm_config_nodedir: '/usr',
      npm_config_build_from_source: 'true',
      NPM_CONFIG_BUILD_FROM_SOURCE: 'true',
      npm_config_cache: '/tmp/npm',
    });
    expect(env).toEqual({ PATH: '/usr/bin', npm_config_cache: '/tmp/npm' });
  });
});
