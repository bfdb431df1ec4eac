/**
 * `npm run bench`: figures, not pass/fail. Runs against the stand-in node (in its own process) with a full-size
 * network (128 subnets × 256 UIDs) on this machine and prints medians with min/max, and the CPU time of this
 * process per run: on a shared machine wall time also measures the neighbours, CPU time much less so.
 */
import os from 'node:os';
import { findMetadata } from '../chain/metadata';
import { benchEngine } from './engine-bench';
import { startNodeProcess } from './node-process';
import { benchSync } from './sync-bench';
import { fmt, summarise } from './stats';
import { benchUi } from './ui-bench';
import { benchAnalyses } from './analysis-bench';
import { YEAR, yearDb } from '../reliability/year-db';
import { benchImports } from './import-bench';
import { benchCli } from './cli-bench';
import type { BacktestSummary } from '../../shared/economics';

const SUBNETS = Number(process.env.BENCH_SUBNETS ?? 128);
const UIDS = Number(process.env.BENCH_UIDS ?? 256);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** BENCH_ONLY=sync,cli,engine,history,ui,import picks sections (all by default): a change to one part need not wait for the rest. */
const ONLY = new Set((process.env.BENCH_ONLY ?? 'sync,cli,engine,history,ui,import').split(',').map((s) => s.trim()));

const line = (label: string, value: string) => console.log(`${label.padEnd(58)} ${value}`);
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');

async function syncSection(metadata: string): Promise<void> {
  const node = await startNodeProcess({ metadataPath: metadata, subnets: SUBNETS, uids: UIDS, seed: 'bench' });
  try {
    const f = await benchSync(node.url, RUNS);
    line('full sync, first in this process (fresh db)', fmt(f.fullCold));
    line('  peak memory up to the end of it (RSS high-water mark)', `${f.fullColdPeakMb.toFixed(0)} MB`);
    line('full sync (fresh db: connect, read, map, summarise, write)', fmt(f.full));
    line(`  peak memory after ${RUNS + 1} back-to-back syncs`, `${f.fullPeakMb.toFixed(0)} MB`);
    line('incremental refresh (dynamic info, prices, storage)', fmt(f.incremental));
    line('  connect (WebSocket, genesis, chain properties), paid once per sync', fmt(f.connect));
    line(
      `snapshot write (${f.writeRows.subnets} subnets, ${f.writeRows.neurons} UIDs), fresh db: all keys new`,
      fmt(f.write),
    );
    line('snapshot write, next point (running app: keys known)', fmt(f.writeKnown));
    line('snapshot write, next point after reopening the file', fmt(f.writeReopened));
    line('naive: getAllMetagraphs + toPrimitive (connect included)', fmt(f.naive));
    line('  peak memory after the naive runs', `${f.naivePeakMb.toFixed(0)} MB`);
    line('  ratio naive / full sync (medians)', `${(f.naive.median / f.full.median).toFixed(2)}×`);
  } finally {
    await node.close();
  }
}

async function cliSection(metadata: string): Promise<void> {
  const node = await startNodeProcess({ metadataPath: metadata, subnets: SUBNETS, uids: UIDS, seed: 'bench' });
  try {
    const c = await benchCli(node, RUNS);
    if (typeof c === 'string') return void console.log(`CLI benchmarks skipped: ${c}`);
    const mb = (n: number) => `${(n / 1e6).toFixed(2)} MB`;
    const wire = (w: { requests: number; bytesUp: number; bytesDown: number }) =>
      `${mb(w.bytesDown + w.bytesUp)} (${mb(w.bytesDown)} down), ${w.requests.toFixed(0)} requests`;
    const own = (ms: number | null) => (ms === null ? '' : `; the CLI process's own cpu ${ms} ms`);
    line(
      "cold CLI sync: whole `scout sync` process, the last hour's data folder (db and metadata), 300 blocks on",
      fmt(c.coldProcess) + own(c.coldProcessCpuMs),
    );
    line('  the same, first run ever (empty data folder)', fmt(c.coldProcessNoCache) + own(c.coldProcessNoCacheCpuMs));
    line("  warm: full sync in a running process, the last hour's db", fmt(c.warm));
    line("wire, full sync (CLI, the last hour's data folder)", wire(c.full));
    line('wire, full sync (CLI, first run ever)', wire(c.fullFirstEver));
    line('wire, incremental refresh (open connection)', wire(c.incremental));
    line('100 ms round trip: cold CLI sync, whole process', fmt(c.slowColdProcess));
    line('100 ms round trip: warm full sync in a running process', fmt(c.slowWarm));
  } finally {
    await node.close();
  }
}

function engineSection(): void {
  const runs = Array.from({ length: RUNS }, () => benchEngine(SUBNETS, UIDS));
  line('engine: all subnets, one scenario (median of 200 each)', fmt(summarise(runs.map((r) => r.evaluateAllMs))));
  line('engine: 21 × 21 sensitivity grid (median of 200 each)', fmt(summarise(runs.map((r) => r.gridMs))));
  line('engine: analyse all subnets (once per sync)', fmt(summarise(runs.map((r) => r.analyzeAllMs))));
}

async function historySection(): Promise<void> {
  const year = await yearDb(YEAR);
  line(
    `database: a year of hourly syncs (${year.points.toLocaleString('en-US')} points, simulated)`,
    `${(year.sizeBytes / 1e6).toFixed(0)} MB (${(year.sizeBytes / 1_048_576).toFixed(0)} MiB)` +
      (year.generatedSeconds === null ? ', from the cache' : `, generated in ${year.generatedSeconds.toFixed(0)} s`),
  );
  const a = await benchAnalyses(year, RUNS);
  line('analyses, year file never analysed (first start, new version)', fmt(a.neverAnalysedMs));
  line('analyses after one more hourly sync (running app)', fmt(a.afterOneSyncMs));
  line(
    `newcomer statistics: read a month of per-UID history (${a.newcomerStatsPoints.toLocaleString('en-US')} subnet points)`,
    fmt(a.uidHistoryReadMs),
  );
  line('newcomer statistics: all subnets from that history (target ≤ 100 ms)', fmt(a.newcomerStatsMs));
  const alpha = (v: number | null) => (v === null ? '—' : `${v.toFixed(4)} α/day`);
  const share = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(0)}%`);
  const backtestLine = (label: string, b: BacktestSummary) =>
    line(
      `${label} (${b.pairs} newcomers; ${b.pairs7d} at 7 d, ${b.pairs30d} at 30 d)`,
      b.pairs === 0
        ? (b.note ?? 'not enough history yet')
        : `median |error| ${alpha(b.medianAbsErrorAlphaPerDay7d)} at 7 d, ${alpha(b.medianAbsErrorAlphaPerDay30d)} at 30 d; ` +
            `mean ${alpha(b.meanPredictedAlphaPerDay7d)} forecast vs ${alpha(b.meanActualAlphaPerDay7d)} paid at 7 d, ` +
            `${alpha(b.meanPredictedAlphaPerDay30d)} vs ${alpha(b.meanActualAlphaPerDay30d)} at 30 d; ` +
            `P(earn) ${share(b.meanPredictedEarnChance)} forecast vs ${share(b.observedEarnShare)} observed; ` +
            `${b.pairsFromPrior} forecast from the prior`,
    );
  backtestLine('newcomer forecast backtest, simulated year, all subnets', a.backtest);
  for (const n of a.namedBacktests) backtestLine(`  SN${n.netuid} ${n.name} (${n.label})`, n.backtest);
}

async function uiSection(): Promise<void> {
  const ui = await benchUi(RUNS);
  if (typeof ui === 'string') return void console.log(`UI benchmarks skipped: ${ui}`);
  line(
    `database: a year of hourly syncs (${ui.points.toLocaleString('en-US')} points)`,
    `${ui.dbSizeMb.toFixed(0)} MB`,
  );
  line('cold open to the Subnets table, first (core analyses)', `${ui.firstOpenMs.toFixed(0)} ms`);
  line('app restart: core opens the file, window to the table', fmt(ui.restartOpenMs));
  line('cold open to the Subnets table, later windows', fmt(ui.openMs));
  line('what-if change to repainted table (all subnets)', fmt(ui.sliderMs));
  line('one subnet PDF report (Chromium print)', fmt(ui.pdfMs));
}

async function importSection(): Promise<void> {
  for (const c of await benchImports(RUNS)) {
    line(`import: ${c.label} (${c.megabytes.toFixed(1)} MB file)`, fmt(c.time));
    line('  resident memory after it', `${c.rssMb.toFixed(0)} MB`);
  }
}

async function main(): Promise<void> {
  const cpu = os.cpus();
  console.log(
    `Subnet Scout benchmarks — ${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, Node ${process.version}, ${SUBNETS} subnets × ${UIDS} UIDs, n=${RUNS}`,
  );
  console.log(`load average (1/5/15 min) at start: ${load()}`);
  const metadata = findMetadata();
  // Sync first: the memory high-water mark it reports must not include heavier phases.
  if (ONLY.has('sync')) {
    if (metadata) await syncSection(metadata);
    else
      console.log(
        'sync benchmarks skipped: no runtime metadata (set SCOUT_METADATA or put shared/chain/ beside the repo)',
      );
  }
  if (ONLY.has('cli')) {
    if (metadata) await cliSection(metadata);
    else console.log('CLI benchmarks skipped: no runtime metadata');
  }
  if (ONLY.has('engine')) engineSection();
  if (ONLY.has('history')) await historySection();
  if (ONLY.has('ui')) await uiSection();
  if (ONLY.has('import')) await importSection();
  console.log(`load average at end: ${load()}`);
}

void main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
