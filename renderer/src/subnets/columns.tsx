/** The Subnets table's columns: label, how to sort, how to show, how to export. Missing values are "—", never 0. */
import type { ReactNode } from 'react';
import type { SubnetRow } from '../../../shared/api-types';
import type { TableEconomics } from '../../../shared/economics';
import { formatInteger, formatPercent, MISSING, raoToTao } from '../../../shared/format';
import type { ColumnId } from '../stores/table-store';
import { formatFixed, formatTaoFixed } from '../fixed';
import { VerdictBadge } from '../components/VerdictBadge';

export interface TableRow {
  row: SubnetRow;
  economics: TableEconomics | undefined;
}

export interface Column {
  label: string;
  title: string;
  numeric: boolean;
  /**
   * How much the column matters to the mine/skip decision: 1 always shows; with "Fit to width" on, 2 hides on a
   * laptop-sized table and 3 on anything narrower than a wide screen (styles.css, .fit-width container queries).
   */
  priority: 1 | 2 | 3;
  /** Stays in view when the table scrolls sideways (the subnet's identity). */
  sticky?: boolean;
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
/** A price move as direction, sign and size ("▲ +12.4%"); colour repeats what the arrow says. */
function PriceChange({ change }: { change: number | null }) {
  if (change === null) return <span className="muted">{MISSING}</span>;
  if (change === 0) return <>0.0%</>;
  return (
    <span className={change > 0 ? 'good' : 'bad'}>
      <span aria-hidden="true">{change > 0 ? '▲' : '▼'} </span>
      {change > 0 ? '+' : '−'}
      {formatFixed(Math.abs(change) * 100, 1)}%
    </span>
  );
}

const decisiveReasons = (r: TableRow) =>
  r.economics?.verdict.reasons
    .filter((x) => x.decisive)
    .map((x) => x.message)
    .join('; ') ?? '';
/** The verdict badge's label and hover text, which is all VerdictBadge shows. */
const verdictShown = (r: TableRow) =>
  r.economics
    ? `${r.economics.verdict.label}\n${r.economics.verdict.phrase}\n${r.economics.verdict.reasons
        .filter((x) => x.decisive)
        .map((x) => x.message)
        .join('\n')}`
    : null;

/** "TAO-in emission 8.10% + chain buys 4.20% = total TAO entering the subnet 12.30%" (of block emission). */
export function emissionBreakdown(
  row: Pick<SubnetRow, 'taoInEmissionShare' | 'chainBuyShare' | 'emissionShare'>,
): string {
  const pct = (v: number | null) => formatPercent(v, 2);
  return `TAO-in emission ${pct(row.taoInEmissionShare)} + chain buys ${pct(row.chainBuyShare)} = total TAO entering the subnet ${pct(row.emissionShare)} (of block emission)`;
}

const DEREG_ORDER = { high: 3, medium: 2, low: 1 } as const;

export const COLUMNS: Record<ColumnId, Column> = {
  netuid: {
    label: 'Netuid',
    title: 'Subnet id',
    numeric: true,
    priority: 1,
    sticky: true,
    sortValue: (r) => r.row.netuid,
    render: (r) => r.row.netuid,
    csv: (r) => r.row.netuid,
    shows: theRow,
  },
  name: {
    label: 'Name',
    title: 'Subnet name (on-chain)',
    numeric: false,
    priority: 1,
    sticky: true,
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
  symbol: {
    label: 'Symbol',
    title: 'Alpha token symbol',
    numeric: false,
    priority: 3,
    sortValue: (r) => r.row.symbol,
    render: (r) => r.row.symbol,
    csv: (r) => r.row.symbol,
    shows: theRow,
  },
  price: {
    label: 'Price',
    title: 'Alpha price in TAO (swap spot price, chain)',
    numeric: true,
    priority: 2,
    sortValue: price,
    render: (r) => formatTaoFixed(r.row.alphaPriceRao, 6),
    csv: (r) => blank(price(r)),
    shows: theRow,
  },
  change24h: {
    label: '24 h',
    title: 'Alpha price change since the stored sync a day before the latest (local history; — without one)',
    numeric: true,
    priority: 3,
    sortValue: (r) => r.row.priceChange24h,
    render: (r) => <PriceChange change={r.row.priceChange24h} />,
    csv: (r) => blank(r.row.priceChange24h),
    shows: theRow,
  },
  change7d: {
    label: '7 d',
    title: 'Alpha price change since the stored sync a week before the latest (local history; — without one)',
    numeric: true,
    priority: 3,
    sortValue: (r) => r.row.priceChange7d,
    render: (r) => <PriceChange change={r.row.priceChange7d} />,
    csv: (r) => blank(r.row.priceChange7d),
    shows: theRow,
  },
  taoReserve: {
    label: 'Pool τ',
    title: 'TAO in the subnet pool (reserve, chain)',
    numeric: true,
    priority: 3,
    sortValue: (r) => raoToTao(r.row.taoReserveRao),
    render: (r) => formatTaoFixed(r.row.taoReserveRao, 0),
    csv: (r) => raoToTao(r.row.taoReserveRao),
    shows: theRow,
  },
  alphaReserve: {
    label: 'Pool α',
    title: 'Alpha in the subnet pool (reserve, chain)',
    numeric: true,
    priority: 3,
    sortValue: (r) => raoToTao(r.row.alphaReserveRao),
    render: (r) => `${formatFixed(raoToTao(r.row.alphaReserveRao), 0)} α`,
    csv: (r) => raoToTao(r.row.alphaReserveRao),
    shows: theRow,
  },
  // The column users compare with btcli: TAO-in emission, as btcli's "Emission" shows it. Chain buys and the
  // total TAO entering the subnet are in the cell's hover text and in the export.
  emissionShare: {
    label: 'Emission (τ in)',
    title:
      'TAO-in emission: TAO injected into this subnet\'s pool per block, as a share of block emission (btcli\'s "Emission", ' +
      'SubnetTaoInEmission). Chain buys (SubnetExcessTao) are TAO the chain spends buying its alpha; TAO-in emission + ' +
      'chain buys = total TAO entering the subnet (hover a cell) (chain)',
    numeric: true,
    priority: 3,
    sortValue: (r) => r.row.taoInEmissionShare,
    render: (r) => <span title={emissionBreakdown(r.row)}>{formatPercent(r.row.taoInEmissionShare)}</span>,
    csv: (r) => blank(r.row.taoInEmissionShare),
    shows: theRow,
  },
  minerPool: {
    label: 'Miner pool τ/day',
    title: 'TAO per day the chain paid to miners last epoch (owner-coldkey UIDs burned; derived)',
    numeric: true,
    priority: 2,
    sortValue: (r) => r.row.receivedMinerPoolTaoPerDay,
    render: (r) => (
      <span
        title={
          r.row.notEmittedReason ??
          (r.row.poolBasis === 'rule' ? 'by the emission rule (nothing measurable paid)' : undefined)
        }
      >
        {formatFixed(r.row.receivedMinerPoolTaoPerDay, 3)}
        {r.row.notEmittedReason && <span className="badge warn">not emitted</span>}
      </span>
    ),
    csv: (r) => blank(r.row.receivedMinerPoolTaoPerDay),
    shows: theRow,
  },
  miners: {
    label: 'Earning / miners',
    title: 'Miners with incentive > 0 / miner UIDs (derived)',
    numeric: true,
    priority: 2,
    sortValue: (r) => r.row.earningMiners,
    render: (r) => `${formatInteger(r.row.earningMiners)} / ${formatInteger(r.row.minerUids)}`,
    csv: (r) => blank(r.row.earningMiners),
    shows: theRow,
  },
  gini: {
    label: 'Gini',
    title: 'Reward concentration among earning miners: < 0.3 fair, > 0.7 concentrated (derived)',
    numeric: true,
    priority: 3,
    sortValue: (r) => r.row.gini,
    render: (r) => formatFixed(r.row.gini, 2),
    csv: (r) => blank(r.row.gini),
    shows: theRow,
  },
  registration: {
    label: 'Registration',
    title: 'Current registration cost (burn), TAO, sunk (chain)',
    numeric: true,
    priority: 2,
    sortValue: (r) => raoToTao(r.row.burnRao),
    render: (r) =>
      r.row.registrationAllowed ? formatTaoFixed(r.row.burnRao, 4) : <span className="muted">closed</span>,
    csv: (r) => raoToTao(r.row.burnRao),
    shows: theRow,
  },
  immunity: {
    label: 'Immunity',
    title: 'Immunity period of a new UID, hours (chain)',
    numeric: true,
    priority: 3,
    sortValue: (r) => r.row.immunityPeriodBlocks,
    render: (r) => `${formatFixed((r.row.immunityPeriodBlocks * 12) / 3600, 1)} h`,
    csv: (r) => r.row.immunityPeriodBlocks,
    shows: theRow,
  },
  subnetDereg: {
    label: 'Subnet dereg',
    title:
      'Risk the subnet is dissolved (lowest moving price among non-immune subnets at the subnet limit); rank from the bottom (derived)',
    numeric: true,
    priority: 2,
    sortValue: (r) =>
      r.row.subnetDeregRisk === null
        ? null
        : DEREG_ORDER[r.row.subnetDeregRisk] * 10_000 - (r.row.subnetDeregRank ?? 9_999),
    render: (r) => (
      <span title={r.row.subnetDeregReason}>
        {r.row.subnetDeregRisk ?? MISSING}
        {r.row.subnetDeregRank !== null && <span className="muted"> #{r.row.subnetDeregRank}</span>}
      </span>
    ),
    csv: (r) => r.row.subnetDeregRisk ?? '',
    shows: theRow,
  },
  profit: {
    label: 'Profit $/mo (expected)',
    title:
      'Expected profit per month for a newcomer under your scenario: P(earn) × earnings where newcomers land, minus rent and the amortised registration',
    numeric: true,
    priority: 1,
    sortValue: profit,
    render: (r) => {
      const v = profit(r);
      return (
        <span className={v === null ? 'muted' : v > 0 ? 'good' : 'bad'}>{v === null ? MISSING : WHOLE.format(v)}</span>
      );
    },
    csv: (r) => blank(profit(r)),
    shows: profit,
  },
  earnChance: {
    label: 'P(earn)',
    title:
      "Share of this subnet's recent newcomers that earned before their immunity ended (or the prior from Settings when too few were seen)",
    numeric: true,
    // Beside the deciding columns, but the first to give way on a laptop: the row's reason names it when it decides.
    priority: 2,
    sortValue: earnChance,
    render: (r) => formatPercent(earnChance(r), 0),
    csv: (r) => blank(earnChance(r)),
    shows: earnChance,
  },
  verdict: {
    label: 'Verdict',
    title: 'Mine / Watch / Skip under your scenario and thresholds',
    numeric: false,
    priority: 1,
    sortValue: (r) => (r.economics ? VERDICT_ORDER[r.economics.verdict.label] : null),
    // The badge only: the deciding reason has its own column (Why), so a laptop shows both without scrolling.
    render: (r) => (r.economics ? <VerdictBadge verdict={r.economics.verdict} /> : '—'),
    csv: (r) => (r.economics ? `${r.economics.verdict.label}: ${r.economics.verdict.phrase}` : ''),
    shows: verdictShown,
  },
  reason: {
    label: 'Why',
    title: 'The reasons that decided the verdict (the subnet page lists every factor)',
    numeric: false,
    priority: 1,
    sortValue: (r) => decisiveReasons(r) || null,
    // The short phrase in the row ("loses after P(earn)", "rig too small"); the full sentences on hover and focus.
    render: (r) =>
      r.economics ? (
        <span className="reason-text verdict-phrase" title={decisiveReasons(r) || undefined}>
          {r.economics.verdict.phrase || MISSING}
        </span>
      ) : (
        MISSING
      ),
    csv: decisiveReasons,
    shows: verdictShown,
  },
};
