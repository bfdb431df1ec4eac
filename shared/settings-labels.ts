/**
 * Settings in the user's words: the Settings screen labels its fields with these, and an import preview names the
 * settings a file would change with the same words.
 */
import type { NetworkPreset, Settings } from './api-types';
import type { Scenario, VerdictThresholds } from './economics';

export const NETWORK_LABELS: Record<NetworkPreset, string> = {
  finney: 'Finney (main network)',
  archive: 'Finney archive node (history)',
  testnet: 'Testnet',
  local: 'Local node',
  custom: 'Custom endpoint',
};

export const SETTING_LABELS: Record<
  Exclude<keyof Settings, 'network' | 'customEndpoint' | 'scenario' | 'verdictThresholds'>,
  string
> = {
  syncIntervalMinutes: 'Sync every (minutes, 0 = only when asked)',
  syncDeadlineMinutes: 'Stop a sync that takes longer than (minutes; a backfill gets this per day)',
  neuronFullResolutionDays: 'Keep per-UID data at full resolution for (days)',
  backupBudgetMb: 'Keep automatic backups within (MB)',
  theme: 'Theme',
};

export const THRESHOLD_LABELS: Record<keyof VerdictThresholds, string> = {
  minProfitUsdPerMonth: 'Profit must exceed (USD/month)',
  giniGood: 'Gini good below',
  giniBad: 'Gini bad above',
  minersGoodMin: 'Competitors good from',
  minersGoodMax: 'Competitors good up to',
  minersCrowdedAbove: 'Crowded above (miners)',
  minersDeadBelow: 'Maybe dead below (miners)',
  registrationLowTao: 'Registration cheap below (τ)',
  registrationRiskyTao: 'Registration risky above (τ)',
  burnedShareBad: 'Burned share bad above (0–1)',
  divergenceRatio: 'Live vs window divergence above (ratio)',
  pruneHighDays: 'Pruning risk high within (days)',
  pruneMediumDays: 'Pruning risk medium within (days)',
  subnetDeregHighRank: 'Subnet deregistration risk high at rank from the bottom up to',
  subnetDeregMediumRank: 'Subnet deregistration risk medium at rank from the bottom up to',
  minEarnShare: 'P(earn) needed for Mine (0–1)',
  priorEarnShare: 'Assumed P(earn) where too few newcomers were seen (0–1)',
  priorLandedPercentile: 'Assumed landing percentile where too few were seen (0–100)',
};

export const SCENARIO_LABELS: Record<keyof Scenario, string> = {
  taoPriceUsd: 'What-if: TAO price (USD)',
  rentUsdPerMonth: 'What-if: rent (USD/month)',
  rentUsdPerMonthByNetuid: 'What-if: rent per subnet',
  position: 'What-if: your position',
  competitorCount: 'What-if: competitors',
  horizonMonths: 'What-if: horizon (months)',
  registrationCostTaoByNetuid: 'What-if: registration cost per subnet',
  sellDiscount: 'What-if: sell discount (0–1)',
  alphaPriceChangePerMonth: 'What-if: alpha price change per month',
  rig: 'What-if: your rig',
};
