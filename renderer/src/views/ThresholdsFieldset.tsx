import type { VerdictThresholds } from '../../../shared/economics';
import { DEFAULT_THRESHOLDS } from '../../../shared/economics';

const FIELDS: { key: keyof VerdictThresholds; label: string; step: number }[] = [
  { key: 'minProfitUsdPerMonth', label: 'Profit must exceed (USD/month)', step: 10 },
  { key: 'giniGood', label: 'Gini good below', step: 0.05 },
  { key: 'giniBad', label: 'Gini bad above', step: 0.05 },
  { key: 'minersGoodMin', label: 'Competitors good from', step: 1 },
  { key: 'minersGoodMax', label: 'Competitors good up to', step: 1 },
  { key: 'minersCrowdedAbove', label: 'Crowded above (miners)', step: 10 },
  { key: 'minersDeadBelow', label: 'Maybe dead below (miners)', step: 1 },
  { key: 'registrationLowTao', label: 'Registration cheap below (τ)', step: 0.1 },
  { key: 'registrationRiskyTao', label: 'Registration risky above (τ)', step: 0.5 },
  { key: 'burnedShareBad', label: 'Burned share bad above (0–1)', step: 0.05 },
  { key: 'divergenceRatio', label: 'Live vs window divergence above (ratio)', step: 0.1 },
  { key: 'pruneHighDays', label: 'Pruning risk high within (days)', step: 1 },
  { key: 'pruneMediumDays', label: 'Pruning risk medium within (days)', step: 1 },
  { key: 'minEarnShare', label: 'P(earn) needed for Mine (0–1)', step: 0.05 },
  { key: 'priorEarnShare', label: 'Assumed P(earn) where too few newcomers were seen (0–1)', step: 0.05 },
  { key: 'priorLandedPercentile', label: 'Assumed landing percentile where too few were seen (0–100)', step: 5 },
];

/** The verdict's rules of thumb as numbers the user can change (defaults from the analysts' playbook). */
export function ThresholdsFieldset({ value, onChange }: { value: VerdictThresholds; onChange(next: VerdictThresholds): void }) {
  return (
    <fieldset>
      <legend>Verdict thresholds</legend>
      <div className="thresholds-grid">
        {FIELDS.map((f) => (
          <label key={f.key}>
            {f.label}
            <input
              type="number"
              step={f.step}
              value={value[f.key]}
              onChange={(e) => onChange({ ...value, [f.key]: e.target.valueAsNumber })}
            />
          </label>
        ))}
      </div>
      <button type="button" className="secondary small" onClick={() => onChange({ ...DEFAULT_THRESHOLDS })}>
        Restore the defaults
      </button>
    </fieldset>
  );
}
