/**
 * The stand-in node in its own process (`npm run chain:node`), so the benchmark's process holds only the client:
 * a real node is remote, and in-process its encoding, its response cache and its generated network would count
 * against the client's time and peak memory.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface NodeProcess {
  url: string;
  /** Advances the node's head by n blocks (resolves once it has). */
  produceBlocks(n: number): Promise<void>;
  close(): Promise<void>;
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export async function startNodeProcess(options: {
  metadataPath: string;
  subnets: number;
  uids: number;
  seed: string;
}): Promise<NodeProcess> {
  const args = [
    path.join(repoRoot, 'test', 'chain', 'cli.ts'),
    '--metadata',
    options.metadataPath,
    '--subnets',
    String(options.subnets),
    '--uids',
    String(options.uids),
    '--seed',
    options.seed,
  ];
  const child = spawn(path.join(repoRoot, 'node_modules', '.bin', 'tsx'), args, {
    cwd: repoRoot,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n')[0]!;
      if (out.includes('\n')) resolve(line.trim());
    });
    child.once('exit', (code) => reject(new Error(`the stand-in node exited (${code}) before printing its URL`)));
  });
  const lines: Array<() => void> = [];
  let pending = '';
  child.stdout.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    for (let nl = pending.indexOf('\n'); nl >= 0; nl = pending.indexOf('\n')) {
      pending = pending.slice(nl + 1);
      lines.shift()?.();
    }
  });
  return {
    url,
    produceBlocks: (n) =>
      new Promise<void>((resolve) => {
        lines.push(resolve);
        child.stdin.write(`produce ${n}\n`);
      }),
    async close() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
