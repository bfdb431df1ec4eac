import { useId } from 'react';
import type { Scenario } from '../../../shared/economics';
import { VERDICT_LABELS } from '../../../shared/notes-types';
import { KeyFigures } from '../subnet/KeyFigures';
import { NewcomerEconomics } from '../subnet/NewcomerEconomics';
import { NewcomerHistory } from '../subnet/NewcomerHistory';
import { SensitivityHeatmap } from '../subnet/SensitivityHeatmap';
import { HistoryCharts } from '../subnet/HistoryCharts';
import { DistributionChart } from '../subnet/DistributionChart';
import { LorenzChart } from '../subnet/LorenzChart';
import { SectionScope } from '../subnet/section-scope';
import { MarkdownPreview } from '../notes/MarkdownPreview';
import { VerdictBadge } from '../components/VerdictBadge';
import type { SubnetReportData } from './report-data';
import { ReportMinersSection } from '../miners/ReportMinersSection';
import { formatWhen } from '../fixed';

/** The anchor of a subnet's pages, for a watchlist report's table of contents. */
export const reportSectionId = (netuid: number) => `report-sn-${netuid}`;

/** One subnet's pages of a report: figures, the newcomer's economics with every assumption, charts, notes. */
export function SubnetReportSection({ data, scenario }: { data: SubnetReportData; scenario: Scenario }) {
  const { detail, sensitivity, notes, miners } = data;
  const a = detail.analysis;
  const titleId = useId();
  return (
    <SectionScope.Provider value={titleId}>
      <section className="report-subnet" id={reportSectionId(a.netuid)} aria-labelledby={titleId}>
        <h1 className="report-title" id={titleId}>
          SN{a.netuid} · {a.name} <span className="muted">{a.symbol}</span>
        </h1>
        <p className="report-meta">
          Chain data at block {a.blockNumber.toLocaleString('en-US')} ({formatWhen(a.blockTimeMs)})
          {detail.staleReason ? ` — stale: ${detail.staleReason}` : ''}
        </p>
        <p className="report-verdict">
          Verdict under this scenario: <VerdictBadge verdict={detail.economics.verdict} />{' '}
          {detail.economics.verdict.phrase}:{' '}
          {detail.economics.verdict.reasons
            .filter((r) => r.decisive)
            .map((r) => r.message)
            .join('; ')}
        </p>
        {miners && miners.miners.length > 0 && <ReportMinersSection report={miners} />}
        <NewcomerEconomics economics={detail.economics} scenario={scenario} />
        <NewcomerHistory outcomes={detail.analysis.newcomers} competitive={detail.analysis.competitive} />
        <KeyFigures detail={detail} />
        <SensitivityHeatmap
          grid={sensitivity}
          taoPriceUsd={scenario.taoPriceUsd}
          competitors={detail.economics.competitorCount.value}
        />
        <HistoryCharts history={detail.history} range={detail.historyDays} />
        <section className="subnet-section report-distribution" aria-labelledby={`${titleId}-distribution ${titleId}`}>
          <h2 id={`${titleId}-distribution`}>Who earns what</h2>
          <DistributionChart distribution={detail.distribution} deregLine={a.deregLine.alphaPerDay} />
          <LorenzChart distribution={detail.distribution} gini={a.concentration.gini} />
        </section>
        <section className="subnet-section report-notes" aria-labelledby={`${titleId}-notes ${titleId}`}>
          <h2 id={`${titleId}-notes`}>Research notes</h2>
          {notes.length === 0 && <p className="muted">No notes for this subnet.</p>}
          {notes.map((n) => (
            <article key={n.id} className="report-note">
              <h3>
                {n.title || 'Untitled note'}
                {n.verdict && (
                  <span className={`note-verdict note-verdict-${n.verdict}`}>
                    {' '}
                    — {VERDICT_LABELS[n.verdict]}
                    {n.confidence ? ` (${n.confidence} confidence)` : ''}
                  </span>
                )}
              </h3>
              {n.scoringSummary && (
                <p>
                  <strong>Scoring:</strong> {n.scoringSummary}
                </p>
              )}
              {n.risks && (
                <p>
                  <strong>Risks:</strong> {n.risks}
                </p>
              )}
              <MarkdownPreview source={n.body} label={`Note: ${n.title}`} />
            </article>
          ))}
        </section>
      </section>
    </SectionScope.Provider>
  );
}
