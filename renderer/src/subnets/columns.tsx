/** The Subnets table's columns: label, how to sort, how to show, how to export. Missing values are "—", never 0. */
import type { ReactNode } from 'react';
import type { SubnetRow } from '../../../shared/api-types';
import type { TableEconomics } from '../../../shared/economics';
import { formatInteger, formatNumber, formatPercent, formatTao, MISSING, raoToTao } from '../../../shared/format';
import type { ColumnId } from '../stores/table-store';
import { VerdictBadge } from '../components/VerdictBadge';

export interface TableRow {
  row: SubnetRow;
  economics: TableEconomics | undefined;
}

export interface Column {
  label: string;
  title: string;
  numeric: boolean;
  sortValue(r: TableRow): number | string | null;
  render(r: TableRow): ReactNode;
  csv(r: TableRow): string | number;
  /**
   * Everything render() reads, as one value compared with Object.is: the table re-renders a cell only when it
   * changes. Columns of the synced row depend on the row object (unchanged by a what-if); scenario columns on the
   * figure they show, so a what-if repaints only the cells whose text changes.
   */
  shows(r: TableRow): unknown;
}

const price = (r: TableRow) => (r.row.alphaPriceRao === null ? null : raoToTao(r.row.alphaPriceRao));
/** The default sort: profit after P(earn), the honest case (the position's own profit is on the subnet page). */
const profit = (r: TableRow) => r.economics?.expectedProfitUsdPerMonth ?? null;
const earnChance = (r: TableRow) => r.economics?.earnChance ?? null;
/**
 * formatNumber(v, 0), with one formatter: toLocaleString builds an Intl.NumberFormat on every call (~50 µs), and the
 * profit column is formatted again for every subnet on every what-if change (128 × 50 µs was most of a repaint).
 */
const WHOLE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0, minimumFractionDigits: 0 });
const VERDICT_ORDER = { Mine: 3, Watch: 2, Skip: 1 } as const;
const blank = (v: number | null) => (v === null ? '' : v);
const theRow = (r: TableRow) => r.row;
/** The verdict badge's label and hover text, which is all VerdictBadge shows. */
const verdictShown = (r: TableRow) =>
  r.economics
    ? `${r.economics.verdict.label}\n${r.economics.verdict.phrase}\n${r.economics.verdict.reasons.filter((x) => x.decisive).map((x) => x.message).join('\n')}`
    : null;

export const COLUMNS: Record<ColumnId, Column> = {
  netuid: { label: 'Netuid', title: 'Subnet id', numeric: true, sortValue: (r) => r.row.netuid, render: (r) => r.row.netuid, csv: (r) => r.row.netuid, shows: theRow },
  name: {
    label: 'Name',
    title: 'Subnet name (on-chain)',
    numeric: false,
    sortValue: (r) => r.row.name.toLowerCase(),
    render: (r) => (
      <>
        {r.row.name || '—'}
        {r.row.staleReason && (
          <span className="badge warn" title={r.row.staleReason}>
            stale
          </span>
        )}
      </>
    ),
    csv: (r) => r.row.name,
    shows: theRow,
  },
  symbol: { label: 'Symbol', title: 'Alpha token symbol', numeric: false, sortValue: (r) => r.row.symbol, render: (r) => r.row.symbol, csv: (r) => r.row.symbol, shows: theRow },
  price: {
    label: 'Price',
    title: 'Alpha price in TAO (swap spot price, chain)',
    numeric: true,
    sortValue: price,
    render: (r) => formatTao(r.row.alphaPriceRao, 6),
    csv: (r) => blank(price(r)),
    shows: theRow,
  },
  emissionShare: {
    label: 'Emission',
    title: "Share of the network's TAO emission entering this subnet per block (chain)",
    numeric: true,
    sortValue: (r) => r.row.emissionShare,
    render: (r) => formatPercent(r.row.emissionShare),
    csv: (r) => blank(r.row.emissionShare),
    shows: theRow,
  },
  minerPool: {
    label: 'Miner pool τ/day',
    title: 'TAO per day reaching miners (owner burn removed; derived)',
    numeric: true,
    sortValue: (r) => r.row.minerPoolTaoPerDay,
    render: (r) => formatNumber(r.row.minerPoolTaoPerDay, 3),
    csv: (r) => blank(r.row.minerPoolTaoPerDay),
    shows: theRow,
  },
  miners: {
    label: 'Earning / miners',
    title: 'Miners with incentive > 0 / miner UIDs (derived)',
    numeric: true,
    sortValue: (r) => r.row.earningMiners,
    render: (r) => `${formatInteger(r.row.earningMiners)} / ${formatInteger(r.row.minerUids)}`,
    csv: (r) => blank(r.row.earningMiners),
    shows: theRow,
  },
  gini: {
    label: 'Gini',
    title: 'Reward concentration among earning miners: < 0.3 fair, > 0.7 concentrated (derived)',
    numeric: true,
    sortValue: (r) => r.row.gini,
    render: (r) => formatNumber(r.row.gini, 2),
    csv: (r) => blank(r.row.gini),
    shows: theRow,
  },
  registration: {
    label: 'Registration',
    title: 'Current registration cost (burn), TAO, sunk (chain)',
    numeric: true,
    sortValue: (r) => raoToTao(r.row.burnRao),
    render: (r) => (r.row.registrationAllowed ? formatTao(r.row.burnRao) : <span className="muted">closed</span>),
    csv: (r) => raoToTao(r.row.burnRao),
    shows: theRow,
  },
  immunity: {
    label: 'Immunity',
    title: 'Immunity period of a new UID, hours (chain)',
    numeric: true,
    sortValue: (r) => r.row.immunityPeriodBlocks,
    render: (r) => `${formatNumber((r.row.immunityPeriodBlocks * 12) / 3600, 1)} h`,
    csv: (r) => r.row.immunityPeriodBlocks,
    shows: theRow,
  },
  profit: {
    label: 'Profit $/mo (expected)',
    title:
      'Expected profit per month for a newcomer under your scenario: P(earn) × earnings where newcomers land, minus rent and the amortised registration',
    numeric: true,
    sortValue: profit,
    render: (r) => {
      const v = profit(r);
      return <span className={v === null ? 'muted' : v > 0 ? 'good' : 'bad'}>{v === null ? MISSING : WHOLE.format(v)}</span>;
    },
    csv: (r) => blank(profit(r)),
    shows: profit,
  },
  earnChance: {
    label: 'P(earn)',
    title: "Share of this subnet's recent newcomers that earned before their immunity ended (or the prior from Settings when too few were seen)",
    numeric: true,
    sortValue: earnChance,
    render: (r) => formatPercent(earnChance(r), 0),
    csv: (r) => blank(earnChance(r)),
    shows: earnChance,
  },
  verdict: {
    label: 'Verdict',
    title: 'Mine / Watch / Skip under your scenario and thresholds',
    numeric: false,
    sortValue: (r) => (r.economics ? VERDICT_ORDER[r.economics.verdict.label] : null),
    render: (r) =>
      r.economics ? (
        <>
          <VerdictBadge verdict={r.economics.verdict} /> <span className="verdict-phrase">{r.economics.verdict.phrase}</span>
        </>
      ) : (
        '—'
      ),
    csv: (r) => (r.economics ? `${r.economics.verdict.label}: ${r.economics.verdict.phrase}` : ''),
    shows: verdictShown,
  },
};
