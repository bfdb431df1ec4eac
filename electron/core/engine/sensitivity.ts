/**
 * Profit of the scenario's newcomer over a grid of TAO price × competitor count (× rent), with the same arithmetic
 * as evaluateNewcomer. Each cell is O(1): the share per competitor count is computed once per column.
 */
import type { Scenario, SensitivityAxes, SensitivityGrid, SubnetAnalysis } from '../../../shared/economics';
import { DAYS_PER_MONTH } from '../../../shared/economics';
import { competitorsFor, maxCompetitors, realisedFraction, registrationCostTaoFor, rentFor, shareAt } from './newcomer';
import { pathFactor, priceGrowth } from './path';

export function sensitivityGrid(analysis: SubnetAnalysis, scenario: Scenario, axes: SensitivityAxes): SensitivityGrid {
  const m = analysis.model;
  const rents = axes.rentsUsdPerMonth ?? [rentFor(scenario, analysis.netuid)];
  const registrationCostTao = registrationCostTaoFor(scenario, analysis);
  const horizonMonths = scenario.horizonMonths > 0 ? scenario.horizonMonths : null;
  const pool = m.receivedPoolAlphaPerDay;
  const price = m.alphaPriceTao;
  // USD/month earned per USD of TAO price for the whole received pool, averaged over the horizon's earnings path
  // (halvings, the alpha price assumption) as evaluateNewcomer's profit is.
  const overHorizon =
    horizonMonths === null ? 1 : pathFactor(m, horizonMonths, priceGrowth(scenario.alphaPriceChangePerMonth));
  const poolTaoPerMonth =
    pool === null || price === null ? null : pool * price * realisedFraction(scenario) * DAYS_PER_MONTH * overHorizon;

  const shares = axes.competitorCounts.map((n) => shareAt(m, scenario.position, Math.max(0, Math.floor(n))));
  const profitUsdPerMonth = rents.map((rent) =>
    axes.taoPricesUsd.map((taoPriceUsd) =>
      shares.map((share) =>
        share === null || poolTaoPerMonth === null || horizonMonths === null
          ? null
          : share * poolTaoPerMonth * taoPriceUsd - rent - (registrationCostTao * taoPriceUsd) / horizonMonths,
      ),
    ),
  );
  // Where the grid's columns stop being possible, or the newcomer would be pruned (explains the jumps).
  const slotsForOthers = maxCompetitors(analysis);
  const dereg = m.deregLineAlphaPerDay;
  const competitorNotes = axes.competitorCounts.map((n, i) => {
    if (n > slotsForOthers) return 'beyond-slots' as const;
    const share = shares[i];
    if (dereg !== null && pool !== null && share !== null && share !== undefined && share * pool < dereg)
      return 'below-dereg-line' as const;
    return null;
  });
  return {
    netuid: analysis.netuid,
    taoPricesUsd: axes.taoPricesUsd,
    competitorCounts: axes.competitorCounts,
    rentsUsdPerMonth: rents,
    profitUsdPerMonth,
    competitorNotes,
    provenance: m.withScenario,
  };
}

/**
 * Axes around the scenario: TAO price from 0 to twice the scenario's, competitors from 0 to twice the scenario's
 * (or today's earning miners), `steps` values each. No price axis when the scenario has no TAO price.
 */
export function defaultSensitivityAxes(analysis: SubnetAnalysis, scenario: Scenario, steps = 21): SensitivityAxes {
  const intervals = Math.max(1, steps - 1);
  const basePrice = scenario.taoPriceUsd;
  const baseCompetitors = competitorsFor(scenario, analysis.model) ?? 0;
  const competitorStep = Math.max(1, Math.ceil((2 * baseCompetitors) / intervals));
  const taoPricesUsd: number[] = [];
  const competitorCounts: number[] = [];
  for (let i = 0; i <= intervals; i++) {
    if (basePrice !== null) taoPricesUsd.push((2 * basePrice * i) / intervals);
    competitorCounts.push(i * competitorStep);
  }
  return { taoPricesUsd, competitorCounts };
}
