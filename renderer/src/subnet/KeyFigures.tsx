import { useId, type ReactNode } from 'react';
import type { SubnetDetail } from '../../../shared/api-types';
import { BLOCKS_PER_DAY } from '../../../shared/domain';
import type { Figure, Percentiles, WindowMetric } from '../../../shared/economics';
import { formatDateTime, formatInteger, formatNumber, formatPercent } from '../../../shared/format';
import { FigureValue } from './FigureValue';
import { useSectionLabel } from './section-scope';

type Analysis = SubnetDetail['analysis'];

const tao = (digits: number) => (v: number) => `${formatNumber(v, digits)} τ`;
const taoPerDay = (v: number) => `${formatNumber(v, 4)} τ/day`;
const alphaPerDay = (v: number) => `${formatNumber(v, 4)} α/day`;
const percent = (v: number) => formatPercent(v, 1);
const count = (v: number) => formatInteger(v);
const days = (v: number) => `${formatNumber(v, 1)} days`;
const dateOf = (v: number) => formatDateTime(v);
const POOL_BASIS = {
  measured: 'as the chain paid it last epoch',
  rule: 'by the emission rule (nothing measurable was paid)',
  'not-emitted': 'the chain does not emit to this subnet',
} as const;
const hoursOfBlocks = (v: number) => `${formatNumber((v * 24) / BLOCKS_PER_DAY, 1)} h (${formatInteger(v)} blocks)`;
const minutesOfBlocks = (v: number) =>
  `${formatInteger(v)} blocks (${formatNumber((v * 24 * 60) / BLOCKS_PER_DAY, 0)} min)`;

/** History metrics in the analyst's words, for the divergence flag. */
const METRIC_LABELS: Record<WindowMetric, string> = {
  earningMiners: 'earning miners',
  gini: 'Gini',
  grossMinerPoolTaoPerDay: 'gross miner pool, before burns (τ/day)',
  receivedMinerPoolAlphaPerDay: 'received miner pool (α/day)',
  receivedMinerPoolTaoPerDay: 'received miner pool (τ/day)',
  medianMinerTaoPerDay: 'median miner earnings',
  priceTao: 'alpha price',
  burnTao: 'registration cost',
  emissionShare: 'total TAO entering (share)',
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
            <th scope="col" className="num">
              τ/day
            </th>
            <th scope="col" className="num" title="At the TAO price you assumed in the what-if panel">
              USD/month
            </th>
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
          Live snapshot differs from the {a.window.windowDays}-day window:{' '}
          {divergent.map((m) => METRIC_LABELS[m]).join(', ')}.
        </p>
      )}
      <div className="figure-groups">
        <Group title="Market and registration">
          <One label="Alpha price" figure={a.alphaPriceTao} format={tao(6)} />
          <One
            label="TAO-in emission (btcli “Emission”)"
            figure={a.taoInEmissionShare}
            format={(v) => formatPercent(v, 2)}
          />
          <One label="Chain buys" figure={a.chainBuyShare} format={(v) => formatPercent(v, 2)} />
          <One label="Total TAO entering the subnet" figure={a.emissionShare} format={(v) => formatPercent(v, 2)} />
          <Item label="Registration cost">
            <FigureValue figure={a.registrationCostTao} format={tao(4)} />
            {!a.registrationAllowed && <span className="badge warn">closed</span>}
          </Item>
          <One label="Registrations per day" figure={a.registrationsPerDay} format={(v) => formatNumber(v, 1)} />
          <One label="Immunity" figure={a.immunityPeriodBlocks} format={hoursOfBlocks} />
          <One label="Tempo" figure={a.tempo} format={minutesOfBlocks} />
        </Group>
        <Group title="Miners">
          <Item label="Miner pool received">
            <FigureValue figure={a.minerPool.receivedTaoPerDay} format={taoPerDay} />
            {a.minerPool.basis && <span className="muted"> ({POOL_BASIS[a.minerPool.basis]})</span>}
            {a.minerPool.notEmittedReason && (
              <span className="badge warn" title={a.minerPool.notEmittedReason}>
                not emitted
              </span>
            )}
          </Item>
          <One label="Miner pool before burn (gross)" figure={a.minerPool.grossTaoPerDay} format={taoPerDay} />
          <One label="Paid vs rule" figure={a.minerPool.measuredVsRule} format={percent} />
          <One label="Miners' share of the epoch" figure={a.minerPool.minerShareOfEpoch} format={percent} />
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
          <One label="Burned share applied" figure={a.burn.burnedShare} format={percent} />
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
          <Item label="Next UID pruned (get_neuron_to_prune)">
            {a.pruningWorking.nextUid === null ? '—' : `UID ${a.pruningWorking.nextUid}`}
            <span className="muted"> — {a.pruningWorking.reason}</span>
          </Item>
          <Item label="Non-immune UIDs / floor">
            <FigureValue figure={a.pruningWorking.nonImmuneUids} format={count} />
            {' / '}
            <FigureValue figure={a.pruningWorking.minNonImmuneUids} format={count} />
          </Item>
          <Item label="Owner UIDs pruning skips">
            {a.pruningWorking.immortalOwnerUids.length === 0
              ? 'none'
              : a.pruningWorking.immortalOwnerUids.map((u) => `UID ${u}`).join(', ')}
            <span className="muted"> (limit </span>
            <FigureValue figure={a.pruningWorking.immuneOwnerUidsLimit} format={count} />
            <span className="muted">)</span>
          </Item>
        </Group>
        <Group title="Subnet deregistration">
          <Item label="Risk">
            <span className={`badge ${a.subnetDeregistration.level === 'high' ? 'warn' : ''}`}>
              {a.subnetDeregistration.level ?? '—'}
            </span>
            <span className="muted"> {a.subnetDeregistration.reason}</span>
          </Item>
          <Item label="Rank from the bottom (moving price)">
            <FigureValue figure={a.subnetDeregistration.rankFromBottom} format={count} />
            {' of '}
            <FigureValue figure={a.subnetDeregistration.nonImmuneSubnets} format={count} />
            {' non-immune'}
          </Item>
          <Item label="Subnets / limit">
            <FigureValue figure={a.subnetDeregistration.subnetCount} format={count} />
            {' / '}
            <FigureValue figure={a.subnetDeregistration.subnetLimit} format={count} />
          </Item>
          <One label="Network immunity left" figure={a.subnetDeregistration.immunityLeftDays} format={days} />
          <One
            label="Gap to the next-lowest moving price"
            figure={a.subnetDeregistration.movingPriceGap}
            format={(v) => formatNumber(v, 6)}
          />
          <Item label="The runtime's own pick (get_subnet_to_prune)">
            {a.subnetDeregistration.runtimeSaysNext === null
              ? '— (not answered)'
              : a.subnetDeregistration.runtimeSaysNext
                ? 'this subnet'
                : 'another subnet'}
          </Item>
        </Group>
        <Group title="Halvings and registration timing">
          <One label="Alpha issued" figure={a.alphaHalving.issuance} format={(v) => `${formatInteger(v)} α`} />
          <One
            label="Alpha issued per day"
            figure={a.alphaHalving.issuancePerDay}
            format={(v) => `${formatInteger(v)} α`}
          />
          <One
            label="Next alpha halving at"
            figure={a.alphaHalving.nextThreshold}
            format={(v) => `${formatInteger(v)} α`}
          />
          <Item label="Next alpha halving">
            <FigureValue figure={a.alphaHalving.halvingTimeMs} format={dateOf} />
            {' · '}
            <FigureValue figure={a.alphaHalving.daysToHalving} format={days} />
          </Item>
          <Item label="Next TAO halving">
            <FigureValue figure={a.taoHalving.halvingTimeMs} format={dateOf} />
            {' · '}
            <FigureValue figure={a.taoHalving.daysToHalving} format={days} />
          </Item>
          <One label="Registration cost in 1 h" figure={a.registrationTiming.in1hTao} format={tao(4)} />
          <One label="Registration cost in 6 h" figure={a.registrationTiming.in6hTao} format={tao(4)} />
          <One label="Registration cost in 24 h" figure={a.registrationTiming.in24hTao} format={tao(4)} />
          <One label="Limit price for register_limit" figure={a.registrationTiming.registerLimitTao} format={tao(4)} />
          <One label="Price trend over the window (per month)" figure={a.alphaPriceTrendPerMonth} format={percent} />
        </Group>
      </div>
    </section>
  );
}
