/**
 * The earnings path over the horizon, month by month: today's expected alpha/day scaled by the subnet's own alpha
 * emission halvings (model.alphaEmissionFactorByMonth, from its issuance growth; ST coinbase/block_emission.rs on
 * SubnetAlphaIn + SubnetAlphaOut) and by the scenario's alpha price change per month (compounding, taken at the
 * middle of each month). The registration is paid up front; rent each month. Profit and payback are read off the
 * path. The miner's pool is alpha, so TAO's own halving reaches it only through the price: that is the price
 * assumption's job, and the subnet page shows the TAO halving date beside it.
 */
import type { Provenance } from '../../../shared/domain';
import type { EarningsPath, NewcomerModel, PathMonth } from '../../../shared/economics';
import { figure } from './provenance';

/** Payback is looked for this far even when the horizon is shorter (then it says "after the horizon"). */
export const PAYBACK_SEARCH_MONTHS = 60;

function factorAt(model: NewcomerModel, monthIndex: number, growth: number): number {
  const factors = model.alphaEmissionFactorByMonth;
  const f = factors.length === 0 ? 1 : (factors[Math.min(monthIndex, factors.length - 1)] as number);
  return f * (1 + growth) ** (monthIndex + 0.5);
}

/**
 * The path's average of (emission factor × price factor) over `months` (the last month possibly partial): what
 * today's flat earnings are multiplied by to get the horizon's. 1 when nothing halves and the price is flat.
 */
export function pathFactor(model: NewcomerModel, months: number, growth: number): number {
  if (!(months > 0)) return 1;
  let sum = 0;
  const whole = Math.ceil(months);
  for (let i = 0; i < whole; i++) {
    const weight = i === whole - 1 ? months - i : 1;
    sum += factorAt(model, i, growth) * weight;
  }
  return sum / months;
}

/** Clamps the assumed change to something compounding can carry (−100% … +1000% a month). */
export function priceGrowth(change: number | undefined): number {
  const g = change ?? 0;
  return Number.isFinite(g) ? Math.min(10, Math.max(-0.99, g)) : 0;
}

export function earningsPath(
  model: NewcomerModel,
  horizonMonths: number | null,
  growth: number,
  earningsUsdPerMonthNow: number | null,
  rentUsdPerMonth: number,
  registrationCostUsd: number | null,
  alphaPriceTao: number | null,
  provenance: Provenance,
  assumed: Provenance,
  why: string,
): EarningsPath {
  const months: PathMonth[] = [];
  const known = earningsUsdPerMonthNow !== null && registrationCostUsd !== null;
  let cumulative = known ? -(registrationCostUsd as number) : null;
  let payback: number | null = known && (registrationCostUsd as number) <= 0 ? 0 : null;
  const horizon = horizonMonths ?? 0;
  const last = Math.max(Math.ceil(horizon), known ? PAYBACK_SEARCH_MONTHS : 0);
  for (let i = 0; i < last; i++) {
    const weight = i < Math.ceil(horizon) && i === Math.ceil(horizon) - 1 ? horizon - i : 1;
    const factor = factorAt(model, i, growth);
    const earnings = known ? (earningsUsdPerMonthNow as number) * factor * weight : null;
    const profit = earnings === null ? null : earnings - rentUsdPerMonth * weight;
    if (cumulative !== null && profit !== null) {
      const before = cumulative;
      cumulative += profit;
      if (payback === null && cumulative >= 0 && profit > 0) payback = i + (-before / profit) * weight;
    }
    if (i < Math.ceil(horizon)) {
      const emission = model.alphaEmissionFactorByMonth[Math.min(i, model.alphaEmissionFactorByMonth.length - 1)] ?? 1;
      months.push({
        month: i + 1,
        emissionFactor: emission,
        alphaPriceTao: alphaPriceTao === null ? null : alphaPriceTao * (1 + growth) ** (i + 0.5),
        earningsUsd: earnings,
        profitUsd: profit,
        cumulativeProfitUsd: cumulative,
      });
    } else if (payback !== null) {
      break;
    }
  }
  const atHorizon = months.length > 0 ? (months[months.length - 1] as PathMonth).cumulativeProfitUsd : null;
  return {
    months,
    profitOverHorizonUsd: figure(atHorizon, provenance, atHorizon === null ? why : null),
    paybackMonths: figure(
      payback,
      provenance,
      !known
        ? why
        : payback === null
          ? `never within ${PAYBACK_SEARCH_MONTHS} months on this path`
          : payback > horizon
            ? 'after the horizon'
            : null,
    ),
    alphaPriceChangePerMonth: figure(growth, assumed),
  };
}
