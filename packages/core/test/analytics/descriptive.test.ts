import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDay } from '@kayoi/stats';
import {
  customerMetricsOf,
  DEFAULT_RFM_THRESHOLDS,
  monthlyCohorts,
  revenueConcentration,
  RFM_SEGMENT_CELLS,
  RFM_SEGMENTS,
  rfmGrid,
  rfmScoresOf,
  secondVisitStats,
  secondVisitStatsBy,
  segmentOfCell,
  segmentSummaries,
} from '../../src/analytics/index.js';
import { segmentsViewOf } from '../../src/analytics/views/descriptiveViews.js';
import { END_DAY, handMadeHistories } from './handMadeShop.js';

const histories = handMadeHistories();
const metrics = customerMetricsOf(histories);
const row = (id: string) => histories.ids.indexOf(id);

describe('customer histories', () => {
  it('merges same-day visits, sorts each customer by day and leaves out customers after the end', () => {
    assert.deepEqual([...histories.ids].sort(), ['A', 'B', 'C', 'D', 'E', 'F']);
    const a = row('A');
    assert.equal(metrics.visitDays[a], 3);
    assert.equal(metrics.revenue[a], 19000);
    assert.equal(metrics.profit[a], 15500);
    assert.equal(metrics.firstDay[a], parseDay('2026-01-05'));
    assert.equal(metrics.secondDay[a], parseDay('2026-02-10'));
    // Repeat mean leaves the first trip out: (6000 + 7000) / 2.
    assert.equal(metrics.repeatRevenueMean[a], 6500);
    const c = row('C');
    assert.equal(metrics.firstDay[c], parseDay('2026-02-01'));
    assert.equal(metrics.lastDay[c], parseDay('2026-06-01'));
    assert.deepEqual([metrics.frequency[c], metrics.recency[c], metrics.T[c]], [5, 120, 149]);
    assert.equal(metrics.secondDay[row('B')], -1);
  });
});

describe('second visit', () => {
  it('counts a later calendar day as the second visit: 4 of 6, median 25.5 days', () => {
    // A 36 days, C 14, D 21, F 30; B and E came once. Median of 14, 21, 30, 36.
    assert.deepEqual(secondVisitStats(metrics), {
      customers: 6,
      repeatCustomers: 4,
      rate: 4 / 6,
      medianDaysToSecondVisit: 25.5,
    });
  });

  it('splits by any grouping of the customers, largest group first', () => {
    const cohort: Record<string, string> = { A: 'Jan', B: 'Jan', F: 'Jan', C: 'later', D: 'later', E: 'later' };
    const groups = secondVisitStatsBy(metrics, (i) => (histories.ids[i] === 'E' ? null : cohort[histories.ids[i]!]!));
    assert.deepEqual(groups, [
      { group: 'Jan', stats: { customers: 3, repeatCustomers: 2, rate: 2 / 3, medianDaysToSecondVisit: 33 } },
      { group: 'later', stats: { customers: 2, repeatCustomers: 2, rate: 1, medianDaysToSecondVisit: 17.5 } },
    ]);
  });
});

describe('LTV by segment', () => {
  it('gives each group its customers, revenue and profit per customer, unknown last', () => {
    // Revenue / profit: A 19,000 / 15,500, B 8,000 / 7,000, F 4,000 / 3,000 (Jan);
    // C 18,000 / 15,000, D 12,000 / 9,500 (later); E 4,000 / 3,000 (no group).
    const key: Record<string, number> = { A: 0, B: 0, F: 0, C: 1, D: 1, E: -1 };
    const grouping = {
      of: Int32Array.from(histories.ids, (id) => key[id]!),
      keys: ['jan', 'later'],
      labels: ['January', 'Later'],
    };
    const view = segmentsViewOf('channel', grouping, metrics, null);
    assert.deepEqual(view, {
      dimension: 'channel',
      rows: [
        {
          group: 'jan',
          label: 'January',
          customers: 3,
          historicalRevenuePerCustomer: 10333,
          historicalProfitPerCustomer: 8500,
          predictedClv1y: null,
          predictedClv3y: null,
          returnProbability90d: null,
        },
        {
          group: 'later',
          label: 'Later',
          customers: 2,
          historicalRevenuePerCustomer: 15000,
          historicalProfitPerCustomer: 12250,
          predictedClv1y: null,
          predictedClv3y: null,
          returnProbability90d: null,
        },
        {
          group: 'unknown',
          label: 'unknown',
          customers: 1,
          historicalRevenuePerCustomer: 4000,
          historicalProfitPerCustomer: 3000,
          predictedClv1y: null,
          predictedClv3y: null,
          returnProbability90d: null,
        },
      ],
    });
  });
});

describe('Pareto', () => {
  it('gives the top 20 % (1.2 of 6 customers) 22,600 of 65,000 yen', () => {
    // Revenue 19,000 18,000 12,000 8,000 4,000 4,000: all of A and a fifth of C.
    const concentration = revenueConcentration(metrics.revenue);
    assert.equal(concentration.totalRevenue, 65000);
    assert.ok(Math.abs(concentration.top20Share! - 22600 / 65000) < 1e-12);
    assert.equal(concentration.curve[0]!.revenueShare, 0);
    assert.equal(concentration.curve.at(-1)!.revenueShare, 1);
    // Half the customers (3): 19,000 + 18,000 + 12,000.
    assert.ok(Math.abs(concentration.curve[50]!.revenueShare - 49000 / 65000) < 1e-12);
    for (let k = 1; k < concentration.curve.length; k++)
      assert.ok(concentration.curve[k]!.revenueShare >= concentration.curve[k - 1]!.revenueShare);
  });

  it('takes whole customers when 20 % is whole, and has no share without revenue', () => {
    assert.equal(revenueConcentration([5, 1, 1, 1, 2]).top20Share, 0.5);
    assert.equal(revenueConcentration([0, 0]).top20Share, null);
    assert.equal(revenueConcentration([]).top20Share, null);
  });
});

describe('RFM', () => {
  it('puts every one of the 25 cells in exactly one named segment', () => {
    const seen = new Set<string>();
    for (const segment of RFM_SEGMENTS)
      for (const [r, f] of RFM_SEGMENT_CELLS[segment]) {
        assert.equal(seen.has(`${r}${f}`), false);
        seen.add(`${r}${f}`);
        assert.equal(segmentOfCell(r, f), segment);
      }
    assert.equal(seen.size, 25);
  });

  it('scores the hand-made shop on 2026-06-30', () => {
    // Days since the last visit: A 10, B 161, C 29, D 91, E 5, F 167. Visit days 3 1 6 2 1 2.
    const scores = rfmScoresOf(metrics);
    const byCustomer = Object.fromEntries(
      histories.ids.map((id, i) => [id, [scores.recency[i], scores.frequency[i], scores.segment[i]]]),
    );
    assert.deepEqual(byCustomer, {
      A: [5, 3, 'potential_loyalists'],
      B: [3, 1, 'hibernating'],
      C: [5, 4, 'champions'],
      D: [3, 2, 'hibernating'],
      E: [5, 1, 'new'],
      F: [3, 2, 'hibernating'],
    });
    const grid = rfmGrid(scores, metrics.revenue);
    assert.equal(grid.length, 25);
    const cell = (r: number, f: number) => grid.find((c) => c.recency === r && c.frequency === f)!;
    assert.deepEqual([cell(5, 3).customers, cell(5, 3).revenue], [1, 19000]);
    assert.deepEqual([cell(3, 2).customers, cell(3, 2).revenue], [2, 16000]);
    assert.deepEqual([cell(5, 1).customers, cell(5, 1).revenue], [1, 4000]);
    assert.equal(
      grid.reduce((s, c) => s + c.customers, 0),
      6,
    );
    const segments = Object.fromEntries(segmentSummaries(grid).map((s) => [s.segment, [s.customers, s.revenue]]));
    assert.deepEqual(segments.hibernating, [3, 24000]);
    assert.deepEqual(segments.lost, [0, 0]);
  });

  it('reads the thresholds at their edges: 45 days is still R5, 46 is R4', () => {
    const atEdge = rfmScoresOf({ ...metrics, lastDay: metrics.lastDay.map(() => END_DAY - 45) });
    assert.ok(atEdge.recency.every((r) => r === 5));
    const past = rfmScoresOf({ ...metrics, lastDay: metrics.lastDay.map(() => END_DAY - 46) });
    assert.ok(past.recency.every((r) => r === 4));
    assert.deepEqual(DEFAULT_RFM_THRESHOLDS.frequencyVisits, [2, 3, 5, 10]);
  });
});

describe('monthly cohorts', () => {
  it('follows each acquisition month: retention and revenue per customer by months since', () => {
    const cohorts = monthlyCohorts(histories);
    assert.deepEqual(
      cohorts.map((c) => [c.month, c.customers, c.cells.length]),
      [
        ['2025-12', 1, 7],
        ['2026-01', 2, 6],
        ['2026-02', 1, 5],
        ['2026-03', 1, 4],
        ['2026-06', 1, 1],
      ],
    );
    const january = cohorts[1]!;
    // A and B in January (A's two same-day payments are one trip); only A returns, in Feb and Jun.
    assert.deepEqual(
      january.cells.map((c) => [c.activeCustomers, c.retention, c.revenue, c.revenuePerCustomer]),
      [
        [2, 1, 14000, 7000],
        [1, 0.5, 6000, 3000],
        [0, 0, 0, 0],
        [0, 0, 0, 0],
        [0, 0, 0, 0],
        [1, 0.5, 7000, 3500],
      ],
    );
    assert.equal(january.cells.at(-1)!.cumulativeRevenuePerCustomer, 13500);
    const february = cohorts[2]!;
    assert.deepEqual(
      february.cells.map((c) => c.revenue),
      [6000, 3000, 3000, 3000, 3000],
    );
    // June 30 closes June: no cell is partial.
    assert.ok(cohorts.every((c) => c.cells.every((cell) => !cell.partial)));
    assert.deepEqual(
      monthlyCohorts(histories, { lastCohorts: 2 }).map((c) => c.month),
      ['2026-03', '2026-06'],
    );
  });

  it('marks the running month as partial', () => {
    const midMonth = handMadeHistories(parseDay('2026-06-21')!);
    const cohorts = monthlyCohorts(midMonth);
    assert.deepEqual(
      cohorts.map((c) => c.month),
      ['2025-12', '2026-01', '2026-02', '2026-03'],
    );
    assert.ok(cohorts.every((c) => c.cells.at(-1)!.partial && c.cells.slice(0, -1).every((cell) => !cell.partial)));
  });
});
