/**
 * `scout backtest [--days N] [--json]`: how the newcomer forecast did on the local history, per subnet and overall
 * (engine/backtest.ts). --days keeps the newcomers registered in the last N days before the newest sync.
 */
import type { BacktestPair, BacktestSummary } from '../../../shared/economics';
import { BLOCKS_PER_DAY } from '../../../shared/domain';
import { formatNumber, formatPercent } from '../../../shared/format';
import { toPlainJson } from './plain-json';
import { summariseBacktest } from '../engine/backtest';
import type { ScoutService } from '../service';
import type { CliIo } from './io';

type Call = ScoutService['call'];

async function value<T>(reply: ReturnType<Call>): Promise<T> {
  const r = await reply;
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
}

function parseDays(args: string[]): number | null {
  const i = args.indexOf('--days');
  if (i < 0) return null;
  const text = args[i + 1] ?? '';
  if (!/^\d+$/.test(text) || Number(text) < 1)
    throw new Error(`--days takes a whole number of days (1 or more), not "${text}"`);
  return Number(text);
}

const alpha = (v: number | null) => (v === null ? '—' : `${formatNumber(v, 4)} α/day`);

export async function backtestCommand(service: ScoutService, args: string[], io: CliIo): Promise<number> {
  const days = parseDays(args);
  const call = service.call.bind(service) as Call;
  const list = await value<{ rows: { netuid: number; name: string }[] }>(call('subnets.list', undefined));
  if (list.rows.length === 0) {
    io.out('not enough history yet: no data; run `scout sync` first.');
    return 0;
  }
  const { scenario } = await value<{ scenario: unknown }>(call('settings.get', undefined));
  const subnets: (BacktestSummary & { netuid: number; name: string; pairList: BacktestPair[] })[] = [];
  for (const row of list.rows) {
    const detail = await value<{ analysis: { blockNumber: number; backtest?: { pairList: BacktestPair[] } | null } }>(
      call('subnet.economics', { netuid: row.netuid, scenario }),
    );
    const from = days === null ? -Infinity : detail.analysis.blockNumber - days * BLOCKS_PER_DAY;
    const pairList = (detail.analysis.backtest?.pairList ?? []).filter((p) => p.registeredAtBlock >= from);
    subnets.push({ netuid: row.netuid, name: row.name, ...summariseBacktest(pairList), pairList });
  }
  const overall = summariseBacktest(subnets.flatMap((s) => s.pairList));
  if (args.includes('--json')) {
    io.out(
      toPlainJson({
        days,
        overall,
        subnets: subnets.map(({ pairList, ...s }) => ({ ...s, pairs: pairList })),
      }),
    );
    return 0;
  }
  if (overall.pairs === 0) {
    io.out(overall.note ?? 'not enough history yet');
    return 0;
  }
  io.out(`Newcomer forecast vs what newcomers earned${days === null ? '' : ` (registered in the last ${days} days)`}:`);
  io.out(
    `overall: ${overall.pairs} newcomers; median |error| ${alpha(overall.medianAbsErrorAlphaPerDay7d)} at 7 days (${overall.pairs7d}), ` +
      `${alpha(overall.medianAbsErrorAlphaPerDay30d)} at 30 days (${overall.pairs30d}); P(earn) forecast ` +
      `${formatPercent(overall.meanPredictedEarnChance, 0)} vs observed ${formatPercent(overall.observedEarnShare, 0)}`,
  );
  // Most newcomers earn nothing and a few earn much: the median error shows the spread, the means show any bias.
  io.out(
    `mean forecast vs mean paid: ${alpha(overall.meanPredictedAlphaPerDay7d)} vs ${alpha(overall.meanActualAlphaPerDay7d)} at 7 days, ` +
      `${alpha(overall.meanPredictedAlphaPerDay30d)} vs ${alpha(overall.meanActualAlphaPerDay30d)} at 30 days; ` +
      `${overall.pairsFromPrior} forecast from the prior (too few outcomes known then)`,
  );
  if (overall.note) io.out(overall.note);
  for (const s of subnets) {
    if (s.pairs === 0) continue;
    io.out(
      `SN${s.netuid} ${s.name}: ${s.pairs} newcomers; 7d ${alpha(s.medianAbsErrorAlphaPerDay7d)}, 30d ${alpha(s.medianAbsErrorAlphaPerDay30d)}; ` +
        `P(earn) ${formatPercent(s.meanPredictedEarnChance, 0)} vs ${formatPercent(s.observedEarnShare, 0)}`,
    );
  }
  return 0;
}
