import { useId, type ReactNode } from 'react';
import type { SubnetDetail } from '../../../shared/api-types';
import { BLOCKS_PER_DAY } from '../../../shared/domain';
import type { Figure, Percentiles, WindowMetric } from '../../../shared/economics';
import { formatInteger, formatNumber, formatPercent } from '../../../shared/format';
import { FigureValue } from './FigureValue';
import { useSectionLabel } from './section-scope';

type Analysis = SubnetDetail['analysis'];

const tao = (digits: number) => (v: number) => `${formatNumber(v, digits)} τ`;
const taoPerDay = (v: number) => `${formatNumber(v, 4)} τ/day`;
const alphaPerDay = (v: number) => `${formatNumber(v, 4)} α/day`;
const percent = (v: number) => formatPercent(v, 1);
const count = (v: number) => formatInteger(v);
const hoursOfBlocks = (v: number) => `${formatNumber((v * 24) / BLOCKS_PER_DAY, 1)} h (${formatInteger(v)} blocks)`;
const minutesOfBlocks = (v: number) => `${formatInteger(v)} blocks (${formatNumber((v * 24 * 60) / BLOCKS_PER_DAY, 0)} min)`;

/** History metrics in the analyst's words, for the divergence flag. */
const METRIC_LABELS: Record<WindowMetric, string> = {
  earningMiners: 'earning miners',
  gini: 'Gini',
  minerPoolAlphaPerDay: 'miner pool (α/day)',
  minerPoolTaoPerDay: 'miner pool (τ/day)',
  medianMinerTaoPerDay: 'median miner earnings',
  priceTao: 'alpha price',
  burnTao: 'registration cost',
  emissionShare: 'emission share',
};

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="figure-item">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function One({ label, figure, format }: { label: string; figure: Figure; format: (v: number) => string }) {
  return (
    <Item label={label}>
      <FigureValue figure={figure} format={format} />
    </Item>
  );
}

function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="figure-group">
      <h3>{title}</h3>
      <dl>{children}</dl>
    </div>
  );
}

const PERCENTILE_ROWS: [keyof Percentiles, string][] = [
  ['p25', '25th percentile'],
  ['p50', 'Median'],
  ['p75', '75th percentile'],
  ['p90', '90th percentile'],
  ['max', 'Top miner'],
];

function PerMinerTable({ taoPerDayByRank, usd }: { taoPerDayByRank: Percentiles; usd: Percentiles }) {
  return (
    <div className="figure-group">
      <h3>Per earning miner</h3>
      <table className="table compact-table">
        <caption className="sr-only">Earnings per earning miner, percentiles (owner UIDs excluded)</caption>
        <thead>
          <tr>
            <th scope="col">Percentile</th>
            <th scope="col" className="num">τ/day</th>
            <th scope="col" className="num" title="At the TAO price you assumed in the what-if panel">USD/month</th>
          </tr>
        </thead>
        <tbody>
          {PERCENTILE_ROWS.map(([key, label]) => (
            <tr key={key}>
              <th scope="row">{label}</th>
              <td className="num">
                <FigureValue figure={taoPerDayByRank[key]} format={(v) => formatNumber(v, 4)} />
              </td>
              <td className="num">
                <FigureValue figure={usd[key]} format={(v) => `$${formatNumber(v, 2)}`} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The live snapshot's figures, grouped the way an analyst reads them, each with its provenance. */
export function KeyFigures({ detail }: { detail: SubnetDetail }) {
  const a: Analysis = detail.analysis;
  const keyFiguresTitleId = useId();
  const sectionLabel = useSectionLabel(keyFiguresTitleId);
  const divergent = a.window?.divergentMetrics ?? [];
  return (
    <section className="subnet-section" aria-labelledby={sectionLabel}>
      <h2 id={keyFiguresTitleId}>Key figures</h2>
      {divergent.length > 0 && a.window && (
        <p className="banner divergence-flag" role="note">
          <span aria-hidden="true">⚠ </span>
          Live snapshot differs from the {a.window.windowDays}-day window: {divergent.map((m) => METRIC_LABELS[m]).join(', ')}.
        </p>
      )}
      <div className="figure-groups">
        <Group title="Market and registration">
          <One label="Alpha price" figure={a.alphaPriceTao} format={tao(6)} />
          <One label="Emission share" figure={a.emissionShare} format={(v) => formatPercent(v, 2)} />
          <Item label="Registration cost">
            <FigureValue figure={a.registrationCostTao} format={tao(4)} />
            {!a.registrationAllowed && <span className="badge warn">closed</span>}
          </Item>
          <One label="Registrations per day" figure={a.registrationsPerDay} format={(v) => formatNumber(v, 1)} />
          <One label="Immunity" figure={a.immunityPeriodBlocks} format={hoursOfBlocks} />
          <One label="Tempo" figure={a.tempo} format={minutesOfBlocks} />
        </Group>
        <Group title="Miners">
          <One label="Miner pool received" figure={a.minerPool.receivedTaoPerDay} format={taoPerDay} />
          <One label="Miner pool before burn" figure={a.minerPool.taoPerDay} format={taoPerDay} />
          <Item label="Earning miners / miner UIDs">
            <FigureValue figure={a.counts.earningMiners} format={count} />
            {' / '}
            <FigureValue figure={a.counts.minerUids} format={count} />
          </Item>
          <One label="Zero earners" figure={a.counts.zeroEarners} format={count} />
          <One label="Validators" figure={a.counts.validators} format={count} />
          <One label="Immune UIDs" figure={a.counts.immuneUids} format={count} />
          <One label="Owner UIDs" figure={a.counts.ownerUids} format={count} />
          <One label="Distinct earning coldkeys" figure={a.counts.earningColdkeys} format={count} />
        </Group>
        <PerMinerTable taoPerDayByRank={a.perMiner.taoPerDay} usd={detail.perMinerUsdPerMonth} />
        <Group title="Concentration (earning miners)">
          <One label="Gini" figure={a.concentration.gini} format={(v) => formatNumber(v, 3)} />
          <One label="Top-1 share" figure={a.concentration.top1Share} format={percent} />
          <One label="Top-10% share" figure={a.concentration.top10PctShare} format={percent} />
          <One label="HHI" figure={a.concentration.hhi} format={(v) => formatNumber(v, 3)} />
          <One label="Nakamoto (UIDs)" figure={a.concentration.nakamoto} format={count} />
          <One label="Nakamoto (coldkeys)" figure={a.concentration.nakamotoColdkeys} format={count} />
        </Group>
        <Group title="Burn and pruning">
          <One label="Owner incentive share (burned)" figure={a.burn.ownerIncentiveShare} format={percent} />
          <One label="MinerBurned (chain)" figure={a.burn.minerBurnedFraction} format={percent} />
          <Item label="Deregistration line">
            <FigureValue figure={a.deregLine.alphaPerDay} format={alphaPerDay} />
            {a.deregLine.taoPerDay.value !== null && (
              <>
                {' · '}
                <FigureValue figure={a.deregLine.taoPerDay} format={taoPerDay} />
              </>
            )}
            {a.deregLine.uid !== null && <span className="muted"> (UID {a.deregLine.uid})</span>}
          </Item>
        </Group>
      </div>
    </section>
  );
}
