/** The CLI's commands, written against the service contract so they can be tested without a process. */
import type { ResultOf, Method, ArgOf } from '../../../shared/api';
import type { SubnetRow } from '../../../shared/api-types';
import { formatPercent, formatTao, raoToTao } from '../../../shared/format';
import { toWire } from '../../../shared/wire';
import type { ScoutService } from '../service';
import { printMiners } from '../miners/cli-output';
import { checkReportTarget, writeReportFile } from './report-file';
import { backtestCommand } from './backtest';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

const USAGE = `Usage:
  scout sync [--endpoint URL] [--backfill 30d]   sync the latest block (and optionally one point a day back)
  scout list [--json [--scenario NAME] | --csv]  print the subnets as the last sync left them (JSON rows carry
                                                 P(earn), expected profit and the verdict under your scenario)
  scout report (--netuid N | --watchlist ID) --out FILE.pdf [--force]
                                                 the PDF report the app exports (--force: replace an existing PDF)
  scout miners [--json]                          the team's UIDs, their status and the alerts since the previous sync
  scout backtest [--days N] [--json]             how the newcomer forecast did on the local history (predicted vs actual)`;

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
  const [command, ...rest] = args;
  try {
    const problem = service.currentProblem();
    if (problem) throw new Error(problem.message);
    if (command === 'sync') return await sync(service, rest, io);
    if (command === 'list') return await list(service, rest, io);
    if (command === 'report') return await report(service, rest, io, write);
    if (command === 'miners') return printMiners(await call(service, 'miners.report'), rest, io);
    if (command === 'backtest') return await backtestCommand(service, rest, io);
    io.err(USAGE);
    return command === undefined || command === '--help' ? 0 : 2;
  } catch (e) {
    io.err(`scout: ${(e as Error).message}`);
    return 1;
  }
}

async function sync(service: ScoutService, args: string[], io: CliIo): Promise<number> {
  const endpoint = option(args, '--endpoint');
  const backfill = option(args, '--backfill');
  const unsubscribe = service.on((event, payload) => {
    if (event === 'sync.progress') {
      const p = payload as ResultOf<'sync.status'>;
      if (p.phase !== 'subnets' || p.done === p.total || p.done % 16 === 0) io.err(`${p.phase}: ${p.message}${p.total ? ` ${p.done}/${p.total}` : ''}`);
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
  for (const p of outcome.points) io.out(`stored ${p.kind} point: block ${p.blockNumber} (${new Date(p.blockTimeMs).toISOString()})`);
  for (const s of outcome.stale) io.out(`stale SN${s.netuid}: ${s.reason}`);
  return 0;
}

async function report(service: ScoutService, args: string[], io: CliIo, write: (file: string, bytes: Uint8Array) => void): Promise<number> {
  const netuid = option(args, '--netuid');
  const watchlist = option(args, '--watchlist');
  const out = option(args, '--out');
  const whole = (text: string | undefined, flag: string) => {
    if (!text || !/^\d+$/.test(text)) throw new Error(`${flag} takes a whole number`);
    return Number(text);
  };
  if (!out || out.startsWith('--')) throw new Error('report needs --out FILE.pdf');
  if ((netuid === undefined) === (watchlist === undefined)) throw new Error('report needs exactly one of --netuid N or --watchlist ID');
  const target = netuid !== undefined ? { kind: 'subnet' as const, netuid: whole(netuid, '--netuid') } : { kind: 'watchlist' as const, id: whole(watchlist, '--watchlist') };
  const force = args.includes('--force');
  // Checked before printing (seconds) so a refusal is immediate, and again just before writing: the place may have
  // changed meanwhile (a file created there, a disk unmounted).
  checkReportTarget(out, service.currentDataDir(), force);
  const pdf = await call(service, 'reports.pdf', { target });
  write(checkReportTarget(out, service.currentDataDir(), force), Buffer.from(pdf.pdfBase64, 'base64'));
  io.out(`wrote ${out}`);
  return 0;
}

const CSV_COLUMNS: [string, (r: SubnetRow) => string | number][] = [
  ['netuid', (r) => r.netuid],
  ['name', (r) => r.name],
  ['symbol', (r) => r.symbol],
  ['price_tao', (r) => (r.alphaPriceRao === null ? '' : raoToTao(r.alphaPriceRao))],
  ['emission_share', (r) => r.emissionShare ?? ''],
  ['tao_in_emission_share', (r) => r.taoInEmissionShare ?? ''],
  ['chain_buy_share', (r) => r.chainBuyShare ?? ''],
  ['uids', (r) => r.uidCount],
  ['max_uids', (r) => r.maxUids],
  ['registration_cost_tao', (r) => raoToTao(r.burnRao)],
  ['registration_cost_in_24h_tao', (r) => r.registrationCostIn24hTao ?? ''],
  ['received_miner_pool_tao_per_day', (r) => r.receivedMinerPoolTaoPerDay ?? ''],
  ['gross_miner_pool_tao_per_day', (r) => r.grossMinerPoolTaoPerDay ?? ''],
  ['pool_basis', (r) => r.poolBasis ?? ''],
  ['paid_vs_rule', (r) => r.paidVsRule ?? ''],
  ['subnet_dereg_rank', (r) => r.subnetDeregRank ?? ''],
  ['subnet_dereg_risk', (r) => r.subnetDeregRisk ?? ''],
  ['next_alpha_halving_block', (r) => r.nextAlphaHalvingBlock ?? ''],
  ['block', (r) => r.blockNumber],
  ['stale_reason', (r) => r.staleReason ?? ''],
];

const csvCell = (v: string | number) => (typeof v === 'number' ? String(v) : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

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
  if (args.includes('--json')) {
    io.out(toWire(await withForecast(service, result, option(args, '--scenario'))));
  } else if (args.includes('--csv')) {
    io.out(CSV_COLUMNS.map(([h]) => h).join(','));
    for (const r of result.rows) io.out(CSV_COLUMNS.map(([, f]) => csvCell(f(r))).join(','));
  } else {
    if (!result.point) {
      io.out('No data yet: run `scout sync`.');
      return 0;
    }
    io.out(`block ${result.point.blockNumber} (${new Date(result.point.blockTimeMs).toISOString()}), ${result.rows.length} subnets`);
    for (const r of result.rows) {
      io.out(
        [String(r.netuid).padStart(4), r.name.padEnd(20).slice(0, 20), r.symbol.padEnd(4), formatTao(r.alphaPriceRao, 6).padStart(14),
          formatPercent(r.emissionShare).padStart(8), `${r.uidCount}/${r.maxUids}`.padStart(8), formatTao(r.burnRao).padStart(12),
          r.staleReason ? ' (stale)' : ''].join('  '),
      );
    }
  }
  return 0;
}
