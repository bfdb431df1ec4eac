/**
 * The CLI as users run it: the built bundle (out/main/cli.js, made by `electron-vite build`, which `npm test` runs
 * first) under plain node, no tsx.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
export const BUILT_CLI = path.join(ROOT, 'out/main/cli.js');

export function builtCli(): string {
  if (!fs.existsSync(BUILT_CLI))
    throw new Error(`${BUILT_CLI} is missing: run \`npx electron-vite build\` first (npm test does).`);
  return BUILT_CLI;
}

export interface CliRun {
  code: number;
  out: string;
  err: string;
  ms: number;
}

/** Runs `node out/main/cli.js ARGS` with SCOUT_DATA_DIR set; resolves with its exit code and output. */
export function runBuiltCli(
  dataDir: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<CliRun> {
  const started = Date.now();
  const cli = builtCli();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [cli, ...args],
      {
        cwd: options.cwd ?? ROOT,
        env: { ...process.env, ...options.env, SCOUT_DATA_DIR: dataDir },
        timeout: 60_000,
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) =>
        resolve({
          code: error ? ((error as { code?: number }).code ?? 1) : 0,
          out: stdout,
          err: stderr,
          ms: Date.now() - started,
        }),
    );
  });
}
