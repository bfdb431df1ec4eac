/**
 * Runs the crash worker in a child process and SIGKILLs it at a chosen moment: after a number of committed writes,
 * plus a delay that usually lands inside the next write. The worker is bundled once with esbuild so each kill point
 * costs a plain `node` start, not a TypeScript compile.
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import type { CrashMode, WorkerMessage } from './crash-plan';

const ROOT = path.resolve(__dirname, '../..');

/**
 * Bundles crash-worker.ts beside node_modules (so its packages resolve) and returns the file to run. One file per
 * process: node_modules may be shared by several checkouts (worktrees) whose runs must not swap workers mid-test.
 */
export function buildWorker(): string {
  const out = path.join(ROOT, 'node_modules/.cache/scout-crash', String(process.pid), 'worker.cjs');
  buildSync({
    entryPoints: [path.join(__dirname, 'crash-worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    outfile: out,
    logLevel: 'warning',
  });
  return out;
}

export interface KillPlan {
  /** Let this many writes commit first (0: kill during the first one, or during opening). */
  afterCommits: number;
  /** Then wait this long before the kill. */
  delayMs: number;
}

export interface KillResult {
  /** The newest write the worker reported durable, or null if none in this run. */
  committed: number | null;
  /** The write it had announced when it died, if it had not reported it committed. */
  inWrite: number | null;
  /** The worker finished on its own before the kill (a migration faster than the delay). */
  finished: boolean;
  /** How long the announced writes took, ms (to aim later kills). */
  writeMs: number[];
}

export function runAndKill(worker: string, mode: CrashMode, dataDir: string, plan: KillPlan): Promise<KillResult> {
  return new Promise((resolve, reject) => {
    const child = fork(worker, [mode, dataDir], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    const result: KillResult = { committed: null, inWrite: null, finished: false, writeMs: [] };
    let commits = 0;
    let writingSince = 0;
    let timer: NodeJS.Timeout | null = null;
    const armKill = () => {
      timer ??= setTimeout(() => child.kill('SIGKILL'), plan.delayMs);
    };
    child.on('message', (m: WorkerMessage) => {
      if (m.kind === 'failed') reject(new Error(`crash worker (${mode}) failed: ${m.message}`));
      if (m.kind === 'writing') {
        result.inWrite = m.value!;
        writingSince = performance.now();
        if (mode === 'migration') armKill();
      }
      if (m.kind === 'committed') {
        result.committed = m.value!;
        result.inWrite = null;
        result.writeMs.push(performance.now() - writingSince);
        commits++;
      }
      if (m.kind === 'ready' || m.kind === 'committed') {
        if (commits >= plan.afterCommits) armKill();
        // The kill may already be on its way: a go-ahead to a dead worker is dropped, not an error.
        if (child.connected) child.send('go', () => undefined);
      }
    });
    child.on('error', () => undefined); // a message to a worker killed meanwhile (EPIPE)
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal === 'SIGKILL') return resolve(result);
      if (code === 0) return resolve({ ...result, finished: true });
      reject(new Error(`crash worker (${mode}) exited with ${code}: ${stderr.slice(-2000)}`));
    });
  });
}

/** A small seeded generator: the same kill points on every run, so a failure can be replayed. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function freshDir(root: string, name: string): string {
  const dir = path.join(root, name);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}
