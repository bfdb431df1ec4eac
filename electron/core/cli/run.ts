/** The CLI's commands, written against the service contract so they can be tested without a process. */
import type { ResultOf, Method, ArgOf } from '../../../shared/api';
import { formatPercent, formatTao } from '../../../shared/format';
import type { ScoutService } from '../service';
import type { CliIo } from './io';
import { printMiners } from './miners';
import { checkReportTarget, writeReportFile } from './report-file';
import { backtestCommand } from './backtest';
import { checkArgs, USAGE, UsageError } from './args';
import { toPlainCsv, toPlainJson } from './plain-json';

async function call<M extends Method>(service: ScoutService, method: M, arg?: ArgOf<M>): Promise<ResultOf<M>> {
  const reply = await service.call(method, arg);
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value as ResultOf<M>;
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function parseDays(text: string): number {
  const m = /^(\d+)d?$/.exec(text);
  if (!m) throw new Error(`--backfill takes a number of days such as 30d, not "${text}"`);
  return Number(m[1]);
}

export async function runCli(
  service: ScoutService,
  args: string[],
  io: CliIo,
  write: (file: string, bytes: Uint8Array) => void = writeReportFile,
): Promise<number> {
  if (args.length === 1 && args[0] === '--help') {
    io.out(USAGE);
    return 0;
  }
  const [command, ...rest] = args;
  try {
    checkArgs(args);
    const problem = service.currentProblem();
    if (problem) throw new Error(problem.message);
    if (command === 'sync') return await sync(service, rest, io);
    if (command === 'list') return await list(service, rest, io);
    if (command === 'report') return await report(service, rest, io, write);
    if (command === 'miners') return printMiners(await call(service, 'miners.report'), rest, io);
    if (command === 'backtest') return await backtestCommand(service, rest, io);
    throw new UsageError(`unknown command "${command}"`);
  } catch (e) {
    if (e instanceof UsageError) return usageError(e, io);
    io.err(`scout: ${(e as Error).message}`);
    return 1;
  }
}

/** Exit code 2, the convention for a command line the program could not use. */
function usageError(e: UsageError, io: CliIo): number {
  io.err(`scout: ${e.message}`);
  io.err(USAGE);
  return 2;
}

async function sync(service: ScoutService, args: string[], io: CliIo): Promise<number> {
  const endpoint = option(args, '--endpoint');
  const backfill = option(args, '--backfill');
  const unsubscribe = service.on((event, payload) => {
    if (event === 'sync.progress') {
      const p = payload as ResultOf<'sync.status'>;
      if (p.phase !== 'subnets' || p.done === p.total || p.done % 16 === 0)
        io.err(`${p.phase}: ${p.message}${p.total ? ` ${p.done}/${p.total}` : ''}`);
    }
  });
  const outcome = await call(service, 'sync.start', {
    ...(endpoint ? { endpoint } : {}),
    ...(backfill ? { backfillDays: parseDays(backfill) } : {}),
  });
  unsubscribe();
  if (!outcome.ok) {
    io.err(`scout: ${outcome.error ?? 'cancelled'}`);
    return 1;
  }
  for (const p of outcome.points)
    io.out(`stored ${p.kind} point: block ${p.blockNumber} (${new Date(p.blockTimeMs).toISOString()})`);
  for (const s of outcome.stale) io.out(`stale SN${s.netuid}: ${s.reason}`);
  return 0;
}

async function report(
  service: ScoutService,
  args: string[],
  io: CliIo,
  write: (file: string, bytes: Uint8Array) => void,
): Promise<number> {
  const netuid = option(args, '--netuid');
  const watchlist = option(args, '--watchlist');
  const out = option(args, '--out');
  const whole = (text: string | undefined, flag: string) => {
    if (!text || !/^\d+$/.test(text)) throw new Error(`${flag} takes a whole number`);
    return Number(text);
  };
  if (!out || out.startsWith('--')) throw new Error('report needs --out FILE.pdf');
  if ((netuid === undefined) === (watchlist === undefined))
    throw new Error('report needs exactly one of --netuid N or --watchlist ID');
  const target =
    netuid !== undefined
      ? { kind: 'subnet' as const, netuid: whole(netuid, '--netuid') }
      : { kind: 'watchlist' as const, id: whole(watchlist, '--watchlist') };
  const force = args.includes('--force');
  // Checked before printing (seconds) so a refusal is immediate, and again just before writing: the place may have
  // changed meanwhile (a file created there, a disk unmounted).
  checkReportTarget(out, service.currentDataDir(), force);
  const pdf = await call(service, 'reports.pdf', { target });
  write(checkReportTarget(out, service.currentDataDir(), force), Buffer.from(pdf.pdfBase64, 'base64'));
  io.out(`wrote ${out}`);
  return 0;
}

/**
 * The list's rows with the newcomer forecast under the user's current what-if, or a saved one by name: P(earn),
 * expected profit, the verdict and the phrase that decided it.
 */
async function withForecast(service: ScoutService, result: ResultOf<'subnets.list'>, name: string | undefined) {
  let scenario = (await call(service, 'settings.get')).scenario;
  if (name !== undefined) {
    const saved = await call(service, 'scenarios.list');
    const found = saved.find((s) => s.name === name);
    if (!found) {
      const names = saved.map((s) => s.name).join(', ');
      throw new Error(`no saved scenario named "${name}"${names ? ` (saved: ${names})` : ' (none saved yet)'}`);
    }
    scenario = found.scenario;
  }
  const economics = new Map((await call(service, 'scenario.evaluateTable', { scenario })).map((e) => [e.netuid, e]));
  return {
    ...result,
    scenario: name ?? 'current',
    rows: result.rows.map((r) => {
      const e = economics.get(r.netuid);
      return {
        ...r,
        earnChance: e?.earnChance ?? null,
        expectedProfitUsdPerMonth: e?.expectedProfitUsdPerMonth ?? null,
        verdict: e?.verdict.label ?? null,
        verdictReason: e?.verdict.phrase ?? null,
      };
    }),
  };
}

async function list(service: ScoutService, args: string[], io: CliIo): Promise<number> {
  const result = await call(service, 'subnets.list');
  const scenarioName = option(args, '--scenario');
  if (args.includes('--json')) {
    io.out(toPlainJson(await withForecast(service, result, scenarioName)));
  } else if (args.includes('--csv')) {
    // The same columns as the JSON rows, forecast included.
    for (const line of toPlainCsv((await withForecast(service, result, scenarioName)).rows)) io.out(line);
  } else {
    if (!result.point) {
      io.out('No data yet: run `scout sync`.');
      return 0;
    }
    io.out(
      `block ${result.point.blockNumber} (${new Date(result.point.blockTimeMs).toISOString()}), ${result.rows.length} subnets`,
    );
    for (const r of result.rows) {
      io.out(
        [
          String(r.netuid).padStart(4),
          r.name.padEnd(20).slice(0, 20),
          r.symbol.padEnd(4),
          formatTao(r.alphaPriceRao, 6).padStart(14),
          formatPercent(r.emissionShare).padStart(8),
          `${r.uidCount}/${r.maxUids}`.padStart(8),
          formatTao(r.burnRao).padStart(12),
          r.staleReason ? ' (stale)' : '',
        ].join('  '),
      );
    }
  }
  return 0;
}
