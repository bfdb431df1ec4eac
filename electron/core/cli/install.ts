/** Where the built CLI runs from: inside an installed app's app.asar, or a checkout's out/main. */
import fs from 'node:fs';
import path from 'node:path';

/** The packaged app keeps its bundles in app.asar (electron-builder's default, which electron-builder.yml keeps). */
export function isInstalledBundle(bundleDir: string): boolean {
  return /[\\/]app\.asar[\\/]/.test(bundleDir + path.sep);
}

/** The version in the package.json beside the bundles (app.asar/package.json, or the checkout's). */
export function cliVersion(
  bundleDir: string,
  read: (file: string) => string = (f) => fs.readFileSync(f, 'utf8'),
): string {
  for (let dir = bundleDir, i = 0; i < 4; dir = path.dirname(dir), i++) {
    try {
      const pkg = JSON.parse(read(path.join(dir, 'package.json'))) as { name?: string; version?: string };
      if (pkg.name === 'subnet-scout' && pkg.version) return pkg.version;
    } catch {
      // Not here: look one folder up.
    }
  }
  return 'unknown';
}
