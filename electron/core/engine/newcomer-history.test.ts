import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BLOCKS_PER_DAY } from '../../../shared/domain';
import {
  followRegistrations,
  newcomerOutcomes,
  newcomerOutcomesWithin,
  uidPoint,
  type Registration,
  type UidPoint,
} from './newcomer-history';

const HOUR = BLOCKS_PER_DAY / 24;
const IMMUNITY = 12 * HOUR;

/** A point from [uid, registeredAtBlock, incentive] rows. */
function point(blockNumber: number, rows: [number, number, number][]): UidPoint {
  return uidPoint(
    blockNumber,
    rows.map((r) => r[0]),
    rows.map((r) => r[1]),
    rows.map((r) => r[2]),
  );
}

// Four incumbents (uids 0..3, registered before the window, earning 40/30/20/10) and four newcomers on uids 4..7:
// - uid 4 registered at 1h, scored at 3h (within immunity), earns 25 (beats 10 and 20 of the 5 earners);
// - uid 5 registered at 1h, first scored at 20h (after its 12h immunity): scored late;
// - uid 6 registered at 1h, never scored, seen after immunity;
// - uid 7 registered at 1h, replaced at 6h (pruned in immunity) by a registration at 5h that never scores;
// - uid 8 registered at the last point: still immune, outcome open.
const T0 = 1_000_000;
const old = (uid: number, inc: number): [number, number, number] => [uid, T0 - 5 * BLOCKS_PER_DAY, inc];
const incumbents = [old(0, 40), old(1, 30), old(2, 20), old(3, 10)];
function history(): UidPoint[] {
  const reg = T0 + HOUR;
  const points: UidPoint[] = [point(T0, [...incumbents, old(4, 0), old(5, 0), old(6, 0), old(7, 0)])];
  for (let h = 2; h <= 24 * 8; h += 2) {
    const at = T0 + h * HOUR;
    points.push(
      point(at, [
        ...incumbents,
        [4, reg, h >= 3 ? 25 : 0],
        [5, reg, h >= 20 ? 5 : 0],
        [6, reg, 0],
        h < 6 ? [7, reg, 0] : [7, T0 + 5 * HOUR, 0],
        ...(h === 24 * 8 ? [[8, at - HOUR, 0] as [number, number, number]] : []),
      ]),
    );
  }
  return points;
}

describe('newcomer outcomes from a hand-built history', () => {
  const o = newcomerOutcomes(history(), IMMUNITY);

  it('counts the six registrations after the first point; the one still immune is not resolved', () => {
    expect(o.registered).toBe(6);
    expect(o.resolved).toBe(5);
  });

  it('P(earn) counts only incentive before immunity ended: 1 of 5 (the late one and the never-scored did not)', () => {
    expect(o.earned).toBe(1);
    expect(o.earnShare).toBeCloseTo(0.2, 12);
  });

  it('the UID replaced during its immunity is pruned before earning', () => {
    expect(o.prunedBeforeEarning).toBe(1);
  });

  it('time to first incentive: the earner was first seen earning 3h after registering', () => {
    expect(o.medianDaysToFirstIncentive).toBeCloseTo(3 / 24, 9);
  });

  it('the earner landed above 3 of the 6 earners after 7 days; non-earners hold percentile 0', () => {
    // At 7 days: earners 40, 30, 25, 20, 10, 5 → uid 4 (25) beats 3 of 6.
    expect(o.landedPercentiles).toEqual([50]);
    // d7 over uids 4, 5, 6, 7' reaching 7 days: 50 (uid 4), 0 (uid 5 beats nobody), 0, 0 → median 0.
    expect(o.medianPercentileAfterDays.d7).toBe(0);
  });

  it('leaving out the UIDs registered before the window changes nothing (what keeps a month small in memory)', () => {
    // Every earner still makes the field; only the incumbents (registered before T0) are no longer followed.
    const lean = history().map((p) => uidPoint(p.blockNumber, p.uids, p.registeredAtBlock, p.incentive, T0));
    const full = history();
    expect(newcomerOutcomes(lean, IMMUNITY)).toEqual(o);
    expect(lean[1]!.uids.length).toBeLessThan(full[1]!.uids.length);
  });

  it('no history: nothing measured, no share', () => {
    const none = newcomerOutcomes([], IMMUNITY);
    expect(none.registered).toBe(0);
    expect(none.earnShare).toBeNull();
    expect(none.landedPercentiles).toEqual([]);
  });

  it('thinned history (a day between points, immunity 12h): registrations there are left out, not counted as survivors', () => {
    const reg = T0 + HOUR;
    const o2 = newcomerOutcomes(
      [point(T0, [...incumbents]), point(T0 + BLOCKS_PER_DAY, [...incumbents, [4, reg, 15]])],
      IMMUNITY,
    );
    expect(o2.registered).toBe(1);
    expect(o2.inCoarseGaps).toBe(1);
    expect(o2.resolved).toBe(0);
    expect(o2.earnShare).toBeNull();
  });
});

/**
 * A generated history of one subnet (`seed` picks it): `slots` UIDs over `count` points 1 h to 2 days apart, each
 * point re-registering some slots (at a block between the points), scoring some, sometimes dropping a slot from
 * the point or showing an older registration in it, with a miner pool per point: the cases a followed registration
 * meets, in random order.
 */
function generatedHistory(seed: number, count: number, slots = 12): UidPoint[] {
  let state = seed >>> 0 || 1;
  const random = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const registeredAt = Array.from({ length: slots }, () => T0 - Math.floor(random() * 40 * BLOCKS_PER_DAY));
  const points: UidPoint[] = [];
  let at = T0;
  for (let p = 0; p < count; p++) {
    const previous = at;
    at += random() < 0.7 ? HOUR : Math.ceil(random() * 48) * HOUR;
    const rows: [number, number, number][] = [];
    for (let uid = 0; uid < slots; uid++) {
      if (p > 0 && random() < 0.08) registeredAt[uid] = previous + 1 + Math.floor(random() * (at - previous));
      else if (p > 0 && random() < 0.02) registeredAt[uid] = T0 + Math.floor(random() * (at - T0)); // an older-looking row
      if (random() < 0.03) continue; // not in this point
      rows.push([uid, registeredAt[uid]!, random() < 0.5 ? 0 : Math.floor(random() * 1000)]);
    }
    const built = uidPoint(
      at,
      rows.map((r) => r[0]),
      rows.map((r) => r[1]),
      rows.map((r) => r[2]),
      at - 37 * BLOCKS_PER_DAY,
    );
    points.push({ ...built, poolAlphaPerDay: random() < 0.05 ? null : 100 + random() * 900 });
  }
  return points;
}

/** The point without its last row (its earners unchanged, as the repeated-row point above keeps them). */
function withoutLastRow(p: UidPoint): UidPoint {
  const keep = (column: ArrayLike<number>) => Array.from(column).slice(0, -1);
  return { ...p, uids: keep(p.uids), registeredAtBlock: keep(p.registeredAtBlock), incentive: keep(p.incentive) };
}

describe('the statistics of a window from registrations followed over a longer history', () => {
  it('equal the statistics computed on the window alone, wherever the window starts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 }), fc.integer({ min: 0, max: 119 }), (seed, from) => {
        const points = generatedHistory(seed, 120);
        const registrations = followRegistrations(points, IMMUNITY);
        expect(newcomerOutcomesWithin(registrations, points, from)).toEqual(
          newcomerOutcomes(points.slice(from), IMMUNITY),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('the generated histories hold every case: earned, pruned, scored late, coarse gaps', () => {
    const registrations = followRegistrations(generatedHistory(7, 120), IMMUNITY);
    expect(registrations.some((r) => r.earned)).toBe(true);
    expect(registrations.some((r) => r.prunedAtBlock !== null && r.firstIncentiveBlock === null)).toBe(true);
    expect(registrations.some((r) => r.firstIncentiveBlock !== null && !r.earned)).toBe(true);
    expect(registrations.some((r) => r.coarse)).toBe(true);
  });

  it('rows in any order, or a row repeated, change nothing (the follow counts rows where it can)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 }), fc.boolean(), (seed, repeat) => {
        const points = generatedHistory(seed, 60);
        const shuffled = points.map((p) => {
          const rows = Array.from({ length: p.uids.length }, (_, i) => p.uids.length - 1 - i).map((i) => ({
            uid: p.uids[i]!,
            registeredAt: p.registeredAtBlock[i]!,
            incentive: p.incentive[i]!,
          }));
          // The first row replaced by a repeat of the second earning nothing: as many rows as slots followed, yet
          // one followed slot is gone.
          if (repeat && rows.length > 1) rows.splice(0, 2, rows[1]!, { ...rows[1]!, incentive: 0 });
          return {
            ...p,
            uids: rows.map((r) => r.uid),
            registeredAtBlock: rows.map((r) => r.registeredAt),
            incentive: rows.map((r) => r.incentive),
          };
        });
        const dropped = repeat ? points.map((p) => (p.uids.length > 1 ? withoutLastRow(p) : p)) : points;
        // Records come in the order rows are met: compared by slot and block.
        const byUid = (list: Registration[]) => [...list].sort((a, b) => a.uid - b.uid || a.block - b.block);
        expect(byUid(followRegistrations(shuffled, IMMUNITY))).toEqual(byUid(followRegistrations(dropped, IMMUNITY)));
      }),
      { numRuns: 100 },
    );
  });

  it('the medians are the middle of the sorted values (the mean of the two middle ones for an even count)', () => {
    const sortedMedian = (values: number[]) => {
      const v = [...values].sort((a, b) => a - b);
      const mid = v.length >> 1;
      return v.length === 0 ? null : v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
    };
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 }), fc.integer({ min: 2, max: 40 }), (seed, slots) => {
        const points = generatedHistory(seed, 80, slots);
        const counted = followRegistrations(points, IMMUNITY).filter((r) => !r.coarse);
        const o = newcomerOutcomes(points, IMMUNITY);
        const reached = (k: number) => counted.filter((r) => r.milestones[k]! >= 0).map((r) => r.milestones[k]!);
        expect(o.medianPercentileAfterDays).toEqual({
          d1: sortedMedian(reached(0)),
          d3: sortedMedian(reached(1)),
          d7: sortedMedian(reached(2)),
        });
        const days = counted.filter((r) => r.earned).map((r) => (r.firstIncentiveBlock! - r.block) / BLOCKS_PER_DAY);
        expect(o.medianDaysToFirstIncentive).toBe(sortedMedian(days));
      }),
      { numRuns: 200 },
    );
  });

  it('an empty window: nothing registered in it', () => {
    const points = generatedHistory(3, 20);
    expect(newcomerOutcomesWithin(followRegistrations(points, IMMUNITY), points, 20)).toEqual(
      newcomerOutcomes([], IMMUNITY),
    );
  });
});
