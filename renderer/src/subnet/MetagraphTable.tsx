import { useId, useMemo, useState } from 'react';
import type { IncentivePoint } from '../../../shared/api-types';
import { BLOCKS_PER_DAY } from '../../../shared/domain';
import { formatFixed } from '../fixed';
import { useSectionLabel } from './section-scope';

type SortKey = 'uid' | 'stake' | 'incentive' | 'emission' | 'age';

const COLUMNS: { key: SortKey | null; label: string; numeric: boolean; title: string }[] = [
  { key: 'uid', label: 'UID', numeric: true, title: 'The slot on the subnet' },
  { key: null, label: 'Hotkey', numeric: false, title: 'The UID’s hotkey (shortened; hover or focus for all of it)' },
  { key: null, label: 'Coldkey', numeric: false, title: 'The owning coldkey (shortened)' },
  { key: 'stake', label: 'Stake τ', numeric: true, title: 'Total stake, TAO (chain)' },
  {
    key: 'incentive',
    label: 'Incentive',
    numeric: true,
    title: 'Share of the miners’ incentive, combined over mechanisms (chain)',
  },
  { key: 'emission', label: 'Emission α/day', numeric: true, title: 'Last epoch’s emission, per day (chain)' },
  { key: 'age', label: 'Registered', numeric: true, title: 'How long ago the UID registered' },
  {
    key: null,
    label: 'Role',
    numeric: false,
    title: 'Immune (recently registered), owner UID (its emission is burned), validator',
  },
];

/** Rows shown before "Show all": a 4096-UID subnet would otherwise draw thousands of rows at once. */
const FIRST_ROWS = 64;

const short = (key: string) => (key.length > 12 ? `${key.slice(0, 5)}…${key.slice(-4)}` : key);

function age(blocks: number): string {
  const days = blocks / BLOCKS_PER_DAY;
  return days >= 1 ? `${formatFixed(days, 1)} d` : `${formatFixed((blocks * 12) / 3600, 1)} h`;
}

function sortValue(p: IncentivePoint, key: SortKey, block: number): number {
  switch (key) {
    case 'uid':
      return p.uid;
    case 'stake':
      return p.totalStakeTao;
    case 'incentive':
      return p.incentive;
    case 'emission':
      return p.emissionAlphaPerDay;
    case 'age':
      return block - p.registeredAtBlock;
  }
}

/** Every UID of the subnet at its latest sync (the metagraph), sortable by any figure. */
export function MetagraphTable({ distribution, blockNumber }: { distribution: IncentivePoint[]; blockNumber: number }) {
  const titleId = useId();
  const sectionLabel = useSectionLabel(titleId);
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'incentive', desc: true });
  const [all, setAll] = useState(false);
  const rows = useMemo(() => {
    const sign = sort.desc ? -1 : 1;
    return [...distribution].sort(
      (a, b) => sign * (sortValue(a, sort.key, blockNumber) - sortValue(b, sort.key, blockNumber)) || a.uid - b.uid,
    );
  }, [distribution, sort, blockNumber]);
  const shown = all ? rows : rows.slice(0, FIRST_ROWS);
  return (
    <section className="subnet-section metagraph" aria-labelledby={sectionLabel}>
      <h2 id={titleId}>Every UID</h2>
      {distribution.length === 0 ? (
        <p className="muted">No UID rows were kept for this sync point.</p>
      ) : (
        <>
          <div className="table-wrap metagraph-wrap" tabIndex={0} role="region" aria-label="Every UID (scrolls)">
            <table className="table compact-table metagraph-table">
              <thead>
                <tr>
                  {COLUMNS.map((c) => (
                    <th
                      key={c.label}
                      scope="col"
                      className={c.numeric ? 'num' : undefined}
                      title={c.title}
                      aria-sort={c.key && sort.key === c.key ? (sort.desc ? 'descending' : 'ascending') : undefined}
                    >
                      {c.key ? (
                        <button
                          className="th-sort"
                          onClick={() => setSort({ key: c.key!, desc: sort.key === c.key ? !sort.desc : true })}
                        >
                          {c.label}
                          <span aria-hidden="true">{sort.key === c.key ? (sort.desc ? ' ▼' : ' ▲') : ''}</span>
                        </button>
                      ) : (
                        c.label
                      )}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {shown.map((p) => (
                  <tr key={p.uid} data-uid={p.uid}>
                    <td className="num">{p.uid}</td>
                    <td>
                      <code title={p.hotkey}>{short(p.hotkey)}</code>
                    </td>
                    <td>
                      <code title={p.coldkey}>{short(p.coldkey)}</code>
                    </td>
                    <td className="num">{formatFixed(p.totalStakeTao, 2)}</td>
                    <td className="num">{formatFixed(p.incentive * 100, 3)}%</td>
                    <td className="num">{formatFixed(p.emissionAlphaPerDay, 3)}</td>
                    <td className="num">{age(blockNumber - p.registeredAtBlock)}</td>
                    <td>
                      {[p.immune && 'immune', p.owner && 'owner (burn)', p.validator && 'validator']
                        .filter(Boolean)
                        .join(', ') || 'miner'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {rows.length > FIRST_ROWS && (
            <button className="secondary small" onClick={() => setAll(!all)}>
              {all ? `Show the first ${FIRST_ROWS}` : `Show all ${rows.length} UIDs`}
            </button>
          )}
        </>
      )}
    </section>
  );
}
