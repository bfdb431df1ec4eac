/** Types of native-paths.mjs (plain JavaScript so `node electron/tools/build-native.mjs` runs without a compiler). */
import type path from 'node:path';

export function pathApi(platform: NodeJS.Platform): path.PlatformPath;
export function projectRoot(moduleUrl: string, platform?: NodeJS.Platform): string;
export interface BuildTarget {
  electronVersion: string;
  platform: NodeJS.Platform;
  arch: string;
}
export function buildKey(target: BuildTarget): string;
export function nativePaths(target: BuildTarget & { root: string }): {
  key: string;
  cacheDir: string;
  cachedBinary: string;
  outDir: string;
  target: string;
  buildInfo: string;
};
export function copiedToScratch(relative: string): boolean;
export function childEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
