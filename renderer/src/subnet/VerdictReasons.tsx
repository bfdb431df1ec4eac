import type { Verdict, VerdictFactor, VerdictReason } from '../../../shared/economics';
import { formatInteger, formatNumber, formatPercent, MISSING } from '../../../shared/format';
import { VerdictBadge } from '../components/VerdictBadge';

const FACTOR_LABELS: Record<VerdictFactor, string> = {
  'expected-profit': 'Expected profit (after P(earn))',
  'earn-chance': 'P(earn): newcomers who earned',
  profit: 'Profit if earning at the position',
  'rig-fit': 'Rig fit',
  'registration-closed': 'Registration',
  gini: 'Reward concentration',
  miners: 'Competing miners',
  'registration-cost': 'Registration cost',
  burn: 'Burned share',
  pruning: 'Pruning risk',
  'subnet-deregistration': 'Subnet deregistration',
  divergence: 'Live vs history',
};

/** Each factor's numbers in its own unit (the engine hands over bare numbers). */
const FORMAT: Record<VerdictFactor, (v: number) => string> = {
  'expected-profit': (v) => `$${formatNumber(v, 2)}/month`,
  'earn-chance': (v) => formatPercent(v, 0),
  profit: (v) => `$${formatNumber(v, 2)}/month`,
  'rig-fit': (v) => formatNumber(v),
  'registration-closed': (v) => formatNumber(v),
  gini: (v) => formatNumber(v, 2),
  miners: formatInteger,
  'registration-cost': (v) => `${formatNumber(v, 4)} τ`,
  burn: (v) => formatPercent(v, 1),
  pruning: (v) => formatNumber(v, 1),
  'subnet-deregistration': (v) => `rank ${formatInteger(v)} from the bottom`,
  divergence: (v) => formatPercent(v, 0),
};

/** What the value measures, where the factor's name alone does not say it. */
const VALUE_MEANING: Partial<Record<VerdictFactor, string>> = { divergence: ' off the window mean' };

const LEVEL_ICON = { good: '✓', bad: '✕', neutral: '–', unknown: '?' } as const;

function Comparison({ reason }: { reason: VerdictReason }) {
  if (reason.value === null && reason.threshold === null) return null;
  const format = FORMAT[reason.factor];
  return (
    <span className="reason-numbers">
      {reason.value === null ? MISSING : format(reason.value)}
      {VALUE_MEANING[reason.factor]}
      {reason.threshold !== null && <span className="muted"> (threshold {format(reason.threshold)})</span>}
    </span>
  );
}

/** The verdict and every reason the engine weighed; the ones that decided it come first and stand out. */
export function VerdictReasons({ verdict }: { verdict: Verdict }) {
  const ordered = [...verdict.reasons].sort((a, b) => Number(b.decisive) - Number(a.decisive));
  return (
    <div className="verdict-block">
      <p className="verdict-line">
        Verdict: <VerdictBadge verdict={verdict} /> <span className="verdict-phrase">{verdict.phrase}</span>
      </p>
      <ul className="reasons" aria-label="Reasons for the verdict">
        {ordered.map((r) => (
          <li key={r.factor} className={`reason level-${r.level}${r.decisive ? ' decisive' : ''}`}>
            <span className="reason-icon" aria-hidden="true">
              {LEVEL_ICON[r.level]}
            </span>
            <span className="sr-only">{r.level}: </span>
            <span>
              <span className="reason-factor">{FACTOR_LABELS[r.factor]}</span>
              {r.decisive && <span className="badge decisive-badge">decisive</span>}
              <br />
              {r.decisive ? <strong>{r.message}</strong> : r.message}
            </span>
            <Comparison reason={r} />
          </li>
        ))}
      </ul>
    </div>
  );
}
