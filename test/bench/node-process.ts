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
  close(): Promise<void>;
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export async function startNodeProcess(options: { metadataPath: string; subnets: number; uids: number; seed: string }): Promise<NodeProcess> {
  const args = [
    path.join(repoRoot, 'test', 'chain', 'cli.ts'),
    '--metadata', options.metadataPath, '--subnets', String(options.subnets), '--uids', String(options.uids), '--seed', options.seed,
  ];
  const child = spawn(path.join(repoRoot, 'node_modules', '.bin', 'tsx'), args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
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
  return {
    url,
    async close() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
