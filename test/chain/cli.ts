/**
 * `npm run chain:node`: starts the stand-in subtensor node and prints its ws:// URL on the first stdout line (the
 * rest goes to stderr), then serves until interrupted. A line `produce N` on stdin advances the head by N blocks.
 *
 *   npm run chain:node -- --port 9944 --seed 7 --subnets 128 --uids 256 --block-ms 12000 --metadata path.scale
 */
import { parseArgs } from 'node:util';
import { startStandInNode } from './node';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    seed: { type: 'string' },
    subnets: { type: 'string' },
    uids: { type: 'string' },
    head: { type: 'string' },
    'block-ms': { type: 'string' },
    metadata: { type: 'string' },
    help: { type: 'boolean' },
  },
});

if (values.help) {
  process.stderr.write(
    'usage: chain:node [--port N] [--seed S] [--subnets N] [--uids N] [--head BLOCK] [--block-ms MS] [--metadata FILE]\n',
  );
  process.exit(0);
}

const int = (name: string, value: string | undefined): number | undefined => {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    process.stderr.write(`--${name} must be a non-negative integer, got ${value}\n`);
    process.exit(2);
  }
  return n;
};

/** Top-level await is not available: the package is CommonJS and tsx runs this file as such. */
async function main(): Promise<void> {
  const started = performance.now();
  const node = await startStandInNode({
    port: int('port', values.port),
    seed: values.seed === undefined ? undefined : /^\d+$/.test(values.seed) ? Number(values.seed) : values.seed,
    subnetCount: int('subnets', values.subnets),
    maxUids: int('uids', values.uids),
    headBlock: int('head', values.head),
    blockIntervalMs: int('block-ms', values['block-ms']),
    metadataPath: values.metadata,
  });
  process.stdout.write(`${node.url}\n`);
  const head = node.head();
  const runtime = node.runtimeAt(head.number);
  process.stderr.write(
    `stand-in subtensor node ready in ${Math.round(performance.now() - started)} ms: head #${head.number}, ` +
      `spec ${runtime.specVersion} (${runtime.metadataPath}), ${node.network.subnetCount} subnets × ${node.network.maxUids} UIDs, ` +
      `dead netuids [${node.network.variety.dead.join(', ')}]\n`,
  );

  // A driving process (the bench) may advance the chain: `produce N` on stdin, answered `head #N` on stdout.
  process.stdin.setEncoding('utf8');
  let pending = '';
  process.stdin.on('data', (chunk: string) => {
    pending += chunk;
    for (let nl = pending.indexOf('\n'); nl >= 0; nl = pending.indexOf('\n')) {
      const m = /^produce (\d+)$/.exec(pending.slice(0, nl).trim());
      pending = pending.slice(nl + 1);
      if (m) process.stdout.write(`head #${node.produceBlocks(Number(m[1])).number}\n`);
    }
  });

  const stop = () => {
    void node.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exit(1);
});
