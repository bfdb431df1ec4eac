import type { MyMinersReport } from '../../../shared/miners-types';
import { formatInteger } from '../../../shared/format';
import { AlertList } from './AlertsStrip';
import { StatusBadge } from './StatusBadge';
import { immunityLeft, signed, tao, usd, alpha } from './format';

/** The team's UIDs on one subnet, in its PDF report (rendered only when the subnet holds one). */
export function ReportMinersSection({ report }: { report: MyMinersReport }) {
  return (
    <section className="subnet-section report-miners" aria-labelledby={`report-miners-${report.miners[0]?.netuid}`}>
      <h2 id={`report-miners-${report.miners[0]?.netuid}`}>My miners on this subnet</h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Status</th>
            <th scope="col">Miner</th>
            <th scope="col" className="num">
              Rank
            </th>
            <th scope="col" className="num">
              τ/day
            </th>
            <th scope="col" className="num">
              Expected τ/day
            </th>
            <th scope="col" className="num">
              Immunity left
            </th>
            <th scope="col" className="num">
              Above dereg line
            </th>
            <th scope="col" className="num">
              Profit $/mo
            </th>
          </tr>
        </thead>
        <tbody>
          {report.miners.map((m) => (
            <tr key={m.id}>
              <td>
                <StatusBadge status={m.status} />
                {m.prunedAtBlock !== null && (
                  <span className="muted"> at block {m.prunedAtBlock.toLocaleString('en-US')}</span>
                )}
              </td>
              <td>
                {m.label} · UID {m.uid}
              </td>
              <td className="num">{m.rank === null ? '—' : `${m.rank} of ${formatInteger(m.minerUids)}`}</td>
              <td className="num">{tao(m.taoPerDay)}</td>
              <td className="num">{tao(m.expectedTaoPerDay)}</td>
              <td className="num">{immunityLeft(m.immunityRemainingBlocks, m.immunityRemainingHours)}</td>
              <td className="num">{signed(alpha(m.aboveDeregLineAlphaPerDay), m.aboveDeregLineAlphaPerDay)}</td>
              <td className="num">{usd(m.profitUsdPerMonth)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        {report.dangerRule} Profit: earnings realised at the scenario's TAO price minus the rent assigned to each miner
        (assumed by the analyst).
      </p>
      {report.alerts.length > 0 && <AlertList alerts={report.alerts} />}
    </section>
  );
}
