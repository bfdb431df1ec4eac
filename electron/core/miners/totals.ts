/** Sums over the team's live miners, per subnet and in total. A sum with an unknown part is unknown (null). */
import type { MinersSubnetTotals, MinersTotals, MyMiner } from '../../../shared/miners-types';

function sum(miners: readonly MyMiner[], pick: (m: MyMiner) => number | null): number | null {
  let total = 0;
  for (const m of miners) {
    const v = pick(m);
    if (v === null) return null;
    total += v;
  }
  return total;
}

export function minersTotals(all: readonly MyMiner[]): MinersTotals {
  const live = all.filter((m) => m.status !== 'deregistered');
  return {
    miners: live.length,
    taoPerDay: sum(live, (m) => m.taoPerDay),
    earningsUsdPerMonth: sum(live, (m) => m.earningsUsdPerMonth),
    expectedUsdPerMonth: sum(live, (m) => m.expectedUsdPerMonth),
    rentUsdPerMonth: live.reduce((total, m) => total + m.rentUsdPerMonth, 0),
    profitUsdPerMonth: sum(live, (m) => m.profitUsdPerMonth),
    expectedProfitUsdPerMonth: sum(live, (m) => m.expectedProfitUsdPerMonth),
  };
}

/** One entry per subnet where the team holds a UID now, by netuid (deregistered UIDs show in the miners' list). */
export function subnetTotals(all: readonly MyMiner[]): MinersSubnetTotals[] {
  const byNetuid = new Map<number, MyMiner[]>();
  for (const m of all) if (m.status !== 'deregistered') byNetuid.set(m.netuid, [...(byNetuid.get(m.netuid) ?? []), m]);
  return [...byNetuid]
    .sort((a, b) => a[0] - b[0])
    .map(([netuid, miners]) => ({ netuid, subnetName: miners[0]?.subnetName ?? '', ...minersTotals(miners) }));
}
