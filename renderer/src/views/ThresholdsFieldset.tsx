import type { VerdictThresholds } from '../../../shared/economics';
import { DEFAULT_THRESHOLDS } from '../../../shared/economics';
import { thresholdPairProblems } from '../../../shared/thresholds';
import { THRESHOLD_LABELS } from '../../../shared/settings-labels';

/** What a number input holds, with "-0" read as 0 (it would otherwise be kept and shown as "-0"). */
export const typedNumber = (n: number): number => (n === 0 ? 0 : n);

const STEPS: Record<keyof VerdictThresholds, number> = {
  minProfitUsdPerMonth: 10,
  giniGood: 0.05,
  giniBad: 0.05,
  minersGoodMin: 1,
  minersGoodMax: 1,
  minersCrowdedAbove: 10,
  minersDeadBelow: 1,
  registrationLowTao: 0.1,
  registrationRiskyTao: 0.5,
  burnedShareBad: 0.05,
  divergenceRatio: 0.1,
  pruneHighDays: 1,
  pruneMediumDays: 1,
  subnetDeregHighRank: 1,
  subnetDeregMediumRank: 1,
  minEarnShare: 0.05,
  priorEarnShare: 0.05,
  priorLandedPercentile: 5,
};
const FIELDS = (Object.keys(STEPS) as (keyof VerdictThresholds)[]).map((key) => ({
  key,
  label: THRESHOLD_LABELS[key],
  step: STEPS[key],
}));

/** The verdict's rules of thumb as numbers the user can change (defaults from the analysts' playbook). */
export function ThresholdsFieldset({
  value,
  onChange,
}: {
  value: VerdictThresholds;
  onChange(next: VerdictThresholds): void;
}) {
  // Said while typing; saving is refused by the core with the same words.
  const problems = thresholdPairProblems(value);
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
              aria-invalid={problems.some((p) => p.key === f.key) || undefined}
              onChange={(e) => onChange({ ...value, [f.key]: typedNumber(e.target.valueAsNumber) })}
            />
          </label>
        ))}
      </div>
      {problems.map((p) => (
        <p key={p.key} className="field-error" role="alert">
          {p.message.charAt(0).toUpperCase() + p.message.slice(1)}.
        </p>
      ))}
      <button type="button" className="secondary small" onClick={() => onChange({ ...DEFAULT_THRESHOLDS })}>
        Restore the defaults
      </button>
    </fieldset>
  );
}
