import type { MinersSubnetTotals, MinersTotals } from '../../../shared/miners-types';
import { tao, usd } from './format';

function Cells({ t }: { t: MinersTotals }) {
  return (
    <>
      <td className="num">{t.miners}</td>
      <td className="num">{tao(t.taoPerDay)}</td>
      <td className="num">{usd(t.earningsUsdPerMonth)}</td>
      <td className="num">{usd(t.expectedUsdPerMonth)}</td>
      <td className="num">{usd(t.rentUsdPerMonth)}</td>
      <td className={`num ${t.profitUsdPerMonth !== null && t.profitUsdPerMonth < 0 ? 'bad' : ''}`}>
        {usd(t.profitUsdPerMonth)}
      </td>
      <td className="num">{usd(t.expectedProfitUsdPerMonth)}</td>
    </>
  );
}

/** Actual against expected, per subnet and in total (live UIDs only; a sum with an unknown part shows "—"). */
export function SubnetTotals({ subnets, total }: { subnets: MinersSubnetTotals[]; total: MinersTotals }) {
  return (
    <table className="table miners-totals">
      <caption className="sr-only">Earnings per subnet and in total</caption>
      <thead>
        <tr>
          <th scope="col">Subnet</th>
          <th scope="col" className="num">
            UIDs
          </th>
          <th scope="col" className="num">
            τ/day
          </th>
          <th scope="col" className="num">
            Earned $/mo
          </th>
          <th scope="col" className="num">
            Expected $/mo
          </th>
          <th scope="col" className="num">
            Rent $/mo
          </th>
          <th scope="col" className="num">
            Profit $/mo
          </th>
          <th scope="col" className="num">
            Expected profit
          </th>
        </tr>
      </thead>
      <tbody>
        {subnets.map((s) => (
          <tr key={s.netuid}>
            <td>
              SN{s.netuid} {s.subnetName}
            </td>
            <Cells t={s} />
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr className="miners-total-row">
          <th scope="row">All subnets</th>
          <Cells t={total} />
        </tr>
      </tfoot>
    </table>
  );
}
