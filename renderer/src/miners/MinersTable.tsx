import type { MyMiner } from '../../../shared/miners-types';
import { formatInteger, formatPercent, MISSING } from '../../../shared/format';
import { StatusBadge } from './StatusBadge';
import { alpha, immunityLeft, signed, tao, usd } from './format';

const RENT_SOURCE = { miner: 'this miner', key: 'its key', scenario: 'scenario' } as const;

function Row({ m }: { m: MyMiner }) {
  const gone = m.status === 'deregistered';
  return (
    <tr className={gone ? 'stale' : undefined} data-miner={m.id}>
      <td>
        <StatusBadge status={m.status} reason={m.statusReason} />
        {gone && m.prunedAtBlock !== null && (
          <div className="small muted">at block {m.prunedAtBlock.toLocaleString('en-US')}</div>
        )}
      </td>
      <td>
        <div>{m.label}</div>
        <div className="small muted">
          SN{m.netuid} {m.subnetName} · UID {m.uid}
        </div>
      </td>
      <td className="num">{m.rank === null ? MISSING : `${m.rank} of ${formatInteger(m.minerUids)}`}</td>
      <td className="num">{formatPercent(m.incentive, 2)}</td>
      <td className="num">
        <div>{tao(m.taoPerDay)}</div>
        {m.alphaPerDay !== null && <div className="small muted">{alpha(m.alphaPerDay)}</div>}
      </td>
      <td className="num" title={`${m.windowSyncs} syncs`}>
        {tao(m.windowTaoPerDay)}
      </td>
      <td className="num">{tao(m.expectedTaoPerDay)}</td>
      <td className="num">{usd(m.earningsUsdPerMonth)}</td>
      <td className="num">{immunityLeft(m.immunityRemainingBlocks, m.immunityRemainingHours)}</td>
      <td
        className="num"
        title={
          m.registrationsUntilPruned === null ? undefined : `${m.registrationsUntilPruned} registrations until replaced`
        }
      >
        {m.aboveDeregLineAlphaPerDay === 0 ? (
          <div>at the line</div>
        ) : (
          <>
            <div>{signed(alpha(m.aboveDeregLineAlphaPerDay), m.aboveDeregLineAlphaPerDay)}</div>
            {m.aboveDeregLineRatio !== null && (
              <div className="small muted">
                {signed(formatPercent(m.aboveDeregLineRatio, 0), m.aboveDeregLineRatio)}
              </div>
            )}
          </>
        )}
      </td>
      <td className="num">
        <div>{usd(m.rentUsdPerMonth)}</div>
        <div className="small muted">{RENT_SOURCE[m.rentSource]}</div>
      </td>
      <td className="num">
        <div className={m.profitUsdPerMonth !== null && m.profitUsdPerMonth < 0 ? 'bad' : undefined}>
          {usd(m.profitUsdPerMonth)}
        </div>
        {m.expectedProfitUsdPerMonth !== null && (
          <div className="small muted">expected {usd(m.expectedProfitUsdPerMonth)}</div>
        )}
      </td>
    </tr>
  );
}

/** Every UID the team's keys hold (and held, while in the history window), one row each. */
export function MinersTable({ miners, historyDays }: { miners: MyMiner[]; historyDays: number }) {
  return (
    <div
      className="table-wrap miners-table-wrap"
      tabIndex={0}
      role="region"
      aria-label="The team's UIDs (scrolls sideways on a narrow window)"
    >
      <table className="table miners-table sticky-identity">
        <caption className="sr-only">The team's UIDs</caption>
        <thead>
          <tr>
            <th scope="col">Status</th>
            <th scope="col">Miner</th>
            <th scope="col" className="num">
              Rank
            </th>
            <th scope="col" className="num">
              Incentive
            </th>
            <th scope="col" className="num">
              Earned per day
            </th>
            <th scope="col" className="num" title={`Mean over the stored syncs of the last ${historyDays} days`}>
              τ/day, {historyDays}-day mean
            </th>
            <th scope="col" className="num" title="What the engine expects at this rank under the scenario">
              Expected τ/day
            </th>
            <th scope="col" className="num">
              Earned $/month
            </th>
            <th scope="col" className="num">
              Immunity left
            </th>
            <th scope="col" className="num" title="Emission above the deregistration line (the lowest non-immune UID)">
              Above dereg line
            </th>
            <th scope="col" className="num">
              Rent $/month
            </th>
            <th scope="col" className="num">
              Profit $/month
            </th>
          </tr>
        </thead>
        <tbody>
          {miners.map((m) => (
            <Row key={m.id} m={m} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
