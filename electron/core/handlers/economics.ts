import type { HandlersFor, Method } from '../../../shared/api';
import type { SubnetDetail } from '../../../shared/api-types';
import type { MinerEconomics, Scenario, TableEconomics } from '../../../shared/economics';
import {
  defaultSensitivityAxes,
  evaluateAll,
  evaluateNewcomer,
  incentiveDistribution,
  perMinerUsdPerMonth,
  sensitivityGrid,
} from '../engine';
import { summariesOfLast } from '../db/summary-repo';
import { poolHistoryOfLast } from '../db/pool-history';
import { CoreError } from '../errors';
import type { HandlerContext } from './context';
import { changing } from './user-data-changes';
import { reviewedHardware } from '../db/hardware-read';
import type { HardwareRequirement } from '../../../shared/notes-types';

/** The figures of one subnet the Subnets table shows (its profit, its verdict and the reasons that decided it). */
export function tableEconomics(e: MinerEconomics): TableEconomics {
  return {
    netuid: e.netuid,
    profitUsdPerMonth: e.profitUsdPerMonth.value,
    expectedProfitUsdPerMonth: e.expected.profitUsdPerMonth.value,
    earnChance: e.expected.earnChance.value,
    rigFit: e.rigFit.level,
    verdict: { label: e.verdict.label, reasons: e.verdict.reasons.filter((r) => r.decisive), phrase: e.verdict.phrase },
  };
}

export function economicsHandlers(service: HandlerContext) {
  const ws = () => service.requireWorkspace();
  const thresholds = () => ws().settings.get().verdictThresholds;
  // The notes' hardware needs matter only with a rig in the what-if: without one the table's hot path skips the read.
  const hardware = (scenario: Scenario) =>
    scenario.rig ? reviewedHardware(ws().db) : new Map<number, HardwareRequirement>();
  const analysed = (netuid: number) => {
    const found = ws().analyses.get(netuid);
    if (!found) throw new CoreError('not-found', `There is no data for SN${netuid}; sync first.`);
    return found;
  };
  return {
    'scenario.evaluate': ({ scenario }) =>
      evaluateAll(
        ws()
          .analyses.all()
          .map((a) => a.analysis),
        scenario,
        thresholds(),
        hardware(scenario),
      ),
    'scenario.evaluateTable': ({ scenario }) =>
      evaluateAll(
        ws()
          .analyses.all()
          .map((a) => a.analysis),
        scenario,
        thresholds(),
        hardware(scenario),
      ).map(tableEconomics),
    'subnet.economics': ({ netuid, scenario, historyDays }): SubnetDetail => {
      const { analysis, input, latest } = analysed(netuid);
      const { model: _model, ...rest } = analysis;
      return {
        analysis: rest,
        economics: evaluateNewcomer(analysis, scenario, thresholds(), hardware(scenario).get(netuid) ?? null),
        perMinerUsdPerMonth: perMinerUsdPerMonth(analysis, scenario),
        // Only the charted range: the analysis above read its own window of history (analyses.ts), not this one.
        history: summariesOfLast(ws().db, netuid, historyDays),
        historyDays,
        distribution: incentiveDistribution(input()),
        pool: poolHistoryOfLast(ws().db, netuid, historyDays),
        identity: latest.snapshot.identity,
        staleReason: latest.staleReason,
      };
    },
    'scenario.sensitivity': ({ netuid, scenario, axes }) => {
      const { analysis } = analysed(netuid);
      return sensitivityGrid(analysis, scenario, axes ?? defaultSensitivityAxes(analysis, scenario));
    },
    'scenarios.list': () => ws().scenarios.list(),
    // Every window's saved-scenario list (the compare panel of a subnet's page) follows these two.
    'scenarios.save': (input) => changing(service, 'scenarios', () => ws().scenarios.save(input)),
    'scenarios.delete': ({ id }) => {
      changing(service, 'scenarios', () => ws().scenarios.remove(id));
      return { id };
    },
  } satisfies HandlersFor<Extract<Method, `scenario.${string}` | `scenarios.${string}` | 'subnet.economics'>>;
}
