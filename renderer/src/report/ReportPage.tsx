import { memo, useEffect, useState, type MouseEvent } from 'react';
import { formatInteger, formatNumber, formatPercent, formatTao } from '../../../shared/format';
import { VerdictBadge } from '../components/VerdictBadge';
import { describePosition } from '../subnet/NewcomerEconomics';
import { loadReport, type ReportData } from './report-data';
import { REPORT_RELOAD_EVENT } from '../../../shared/reports-api';
import { reportSectionId, SubnetReportSection } from './SubnetReportSection';
import type { ReportTarget } from '../stores/ui-store';
import { formatWhen } from '../fixed';

/** The contents' links jump within the page: following the href would change the hash, which is the app's route. */
function scrollToSection(e: MouseEvent, id: string): void {
  e.preventDefault();
  document.getElementById(id)?.scrollIntoView();
}

/**
 * The printable report (#/report/subnet/N, #/report/watchlist/N). Shells print this page to PDF (Electron's
 * printToPDF, Chromium's page.pdf in tests and the CLI); `data-report-ready` tells them the charts are drawn.
 *
 * Memoised: the app around it re-renders as its stores load, and a re-render would redraw every chart for nothing
 * while the shell is printing. A printer that keeps the page open for the next report changes the route, or sends
 * REPORT_RELOAD_EVENT to print the same one again; either way the report is fetched afresh and mounted anew.
 */
export const ReportPage = memo(function ReportPage({ target }: { target: ReportTarget }) {
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    document.body.classList.add('printing');
    const reload = () => setGeneration((g) => g + 1);
    window.addEventListener(REPORT_RELOAD_EVENT, reload);
    return () => {
      window.removeEventListener(REPORT_RELOAD_EVENT, reload);
      document.body.classList.remove('printing');
    };
  }, []);
  const id = target.kind === 'subnet' ? target.netuid : target.id;
  return <LoadedReport key={`${target.kind}/${id}/${generation}`} target={target} />;
});

function LoadedReport({ target }: { target: ReportTarget }) {
  const [data, setData] = useState<ReportData | null>(null);
  const [error, setError] = useState<string | null>(null);

  // Once per mount: the key above mounts a new one for another target or a reload.
  useEffect(() => {
    let current = true;
    loadReport(target).then(
      (d) => current && setData(d),
      (e: Error) => current && setError(e.message),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `target` is fixed for this mount (see the comment above)
  }, []);

  const loaded = Boolean(error || data);
  useEffect(() => {
    if (!loaded) return;
    // Charts draw synchronously when they mount (no animation), and children's effects run before this one: by now
    // every chart is drawn. One frame later it is all on the page.
    const frame = requestAnimationFrame(() => (document.body.dataset.reportReady = 'true'));
    return () => {
      cancelAnimationFrame(frame);
      delete document.body.dataset.reportReady;
    };
  }, [loaded]);

  if (error)
    return (
      <p className="error" role="alert">
        The report could not be prepared: {error}
      </p>
    );
  if (!data) return <p className="muted">Preparing the report…</p>;
  const { context } = data;
  const s = context.scenario;
  const subnet = data.kind === 'subnet' ? data.subnet : null;
  const watchlist = data.kind === 'watchlist' ? data.watchlist : null;
  return (
    <main className="report">
      <header className="report-header">
        <strong>Subnet Scout report</strong>
        {context.demo && <span className="badge demo">Synthetic demo data — not the real network</span>}
        <span className="muted">
          {context.point
            ? `Data: block ${context.point.blockNumber.toLocaleString('en-US')}, ${formatWhen(context.point.blockTimeMs)}`
            : 'No data'}
        </span>
      </header>
      <section className="report-assumptions">
        <h2>Scenario (assumed by the analyst)</h2>
        <p>
          TAO price {s.taoPriceUsd === null ? 'not set' : `$${formatNumber(s.taoPriceUsd, 2)}`} · hardware rent $
          {formatNumber(s.rentUsdPerMonth, 0)}/month · position: {describePosition(s.position)} · competitors:{' '}
          {s.competitorCount === null ? 'as many as earn today' : formatInteger(s.competitorCount)} · horizon{' '}
          {formatNumber(s.horizonMonths, 1)} months · sell discount {formatPercent(s.sellDiscount, 1)}
        </p>
      </section>
      {watchlist && (
        <section className="report-comparison">
          <h1 className="report-title">Watchlist: {watchlist.list.name}</h1>
          {watchlist.subnets.length > 0 && (
            <nav className="report-contents" aria-labelledby="report-contents-title">
              <h2 id="report-contents-title">Contents</h2>
              <ol>
                <li>Comparison of the list’s subnets</li>
                {watchlist.subnets.map((w) => (
                  <li key={w.netuid}>
                    <a
                      href={`#${reportSectionId(w.netuid)}`}
                      onClick={(e) => scrollToSection(e, reportSectionId(w.netuid))}
                    >
                      SN{w.netuid} · {w.data.detail.analysis.name}
                    </a>
                  </li>
                ))}
              </ol>
            </nav>
          )}
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Subnet</th>
                <th scope="col" className="num">
                  Price
                </th>
                <th scope="col" className="num">
                  Emission (τ in)
                </th>
                <th scope="col" className="num">
                  Chain buys
                </th>
                <th scope="col" className="num">
                  Total TAO in
                </th>
                <th scope="col" className="num">
                  Earning / miners
                </th>
                <th scope="col" className="num">
                  Gini
                </th>
                <th scope="col" className="num">
                  Registration
                </th>
                <th scope="col" className="num">
                  Profit $/mo (expected)
                </th>
                <th scope="col" className="num">
                  P(earn)
                </th>
                <th scope="col">Verdict</th>
              </tr>
            </thead>
            <tbody>
              {watchlist.rows.map(({ row, economics }) => (
                <tr key={row.netuid}>
                  <td>
                    SN{row.netuid} {row.name}
                  </td>
                  <td className="num">{formatTao(row.alphaPriceRao, 6)}</td>
                  <td className="num">{formatPercent(row.taoInEmissionShare)}</td>
                  <td className="num">{formatPercent(row.chainBuyShare)}</td>
                  <td className="num">{formatPercent(row.emissionShare)}</td>
                  <td className="num">
                    {formatInteger(row.earningMiners)} / {formatInteger(row.minerUids)}
                  </td>
                  <td className="num">{formatNumber(row.gini, 2)}</td>
                  <td className="num">{formatTao(row.burnRao)}</td>
                  <td className="num">{formatNumber(economics?.expected.profitUsdPerMonth.value ?? null, 0)}</td>
                  <td className="num">{formatPercent(economics?.expected.earnChance.value ?? null, 0)}</td>
                  <td>
                    {economics ? (
                      <>
                        <VerdictBadge verdict={economics.verdict} /> {economics.verdict.phrase}
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {watchlist.rows.length === 0 && <p className="muted">This watchlist is empty.</p>}
        </section>
      )}
      {subnet && <SubnetReportSection data={subnet} scenario={s} />}
      {watchlist?.subnets.map((w) => (
        <SubnetReportSection key={w.netuid} data={w.data} scenario={s} />
      ))}
    </main>
  );
}
