import type { CohortsView, ParetoView, RfmView, SegmentDimension, SegmentsView } from '@kayoi/contracts';
import { monthlyCohorts } from '../cohorts.js';
import type { CustomerMetrics } from '../customerMetrics.js';
import { membersOf, type Grouping } from '../dimensions.js';
import type { CustomerHistories } from '../histories.js';
import type { CustomerScores } from '../model/scoreCustomers.js';
import { revenueConcentration } from '../pareto.js';
import { DEFAULT_RFM_THRESHOLDS, RFM_SEGMENT_CELLS, rfmGrid, segmentSummaries, type RfmScores } from '../rfm.js';
import { secondVisitStatsOf } from '../secondVisit.js';

const yen = Math.round;

function meanOf(values: ArrayLike<number>, members: readonly number[]): number {
  let sum = 0;
  for (const i of members) sum += values[i]!;
  return members.length > 0 ? sum / members.length : 0;
}

export function cohortsViewOf(
  histories: CustomerHistories,
  metrics: CustomerMetrics,
  groupings: Record<keyof CohortsView['secondVisit'], Grouping>,
): CohortsView {
  const secondVisit = (grouping: Grouping) =>
    membersOf(grouping).map(({ key, label, members }) => ({
      group: key,
      label,
      ...secondVisitStatsOf(metrics, members),
    }));
  return {
    cohorts: monthlyCohorts(histories, { lastCohorts: 24 }).map((c) => ({
      month: c.month,
      customers: c.customers,
      cells: c.cells.map((cell) => ({
        monthsSince: cell.monthsSince,
        activeCustomers: cell.activeCustomers,
        retention: cell.retention,
        revenuePerCustomer: yen(cell.revenuePerCustomer),
        cumulativeRevenuePerCustomer: yen(cell.cumulativeRevenuePerCustomer),
        partial: cell.partial,
      })),
    })),
    secondVisit: {
      channel: secondVisit(groupings.channel),
      firstService: secondVisit(groupings.firstService),
      firstStaff: secondVisit(groupings.firstStaff),
      store: secondVisit(groupings.store),
    },
  };
}

export function rfmViewOf(rfm: RfmScores, metrics: CustomerMetrics, scores: CustomerScores | null): RfmView {
  const grid = rfmGrid(rfm, metrics.revenue);
  return {
    cells: grid.map((c) => ({ ...c, revenue: yen(c.revenue) })),
    segments: segmentSummaries(grid).map((s) => {
      const members: number[] = [];
      for (let i = 0; i < metrics.n; i++) if (rfm.segment[i] === s.segment) members.push(i);
      return {
        segment: s.segment,
        cells: RFM_SEGMENT_CELLS[s.segment].map(([r, f]) => [r, f] as [number, number]),
        customers: s.customers,
        revenue: yen(s.revenue),
        averagePredictedClv1y: scores && members.length > 0 ? yen(meanOf(scores.clv1y, members)) : null,
      };
    }),
    thresholds: {
      recencyDays: [...DEFAULT_RFM_THRESHOLDS.recencyDays],
      frequencyVisits: [...DEFAULT_RFM_THRESHOLDS.frequencyVisits],
    },
  };
}

export function segmentsViewOf(
  dimension: SegmentDimension,
  grouping: Grouping,
  metrics: CustomerMetrics,
  scores: CustomerScores | null,
): SegmentsView {
  return {
    dimension,
    rows: membersOf(grouping).map(({ key, label, members }) => ({
      group: key,
      label,
      customers: members.length,
      historicalRevenuePerCustomer: yen(meanOf(metrics.revenue, members)),
      historicalProfitPerCustomer: yen(meanOf(metrics.profit, members)),
      predictedClv1y: scores ? yen(meanOf(scores.clv1y, members)) : null,
      predictedClv3y: scores ? yen(meanOf(scores.clv3y, members)) : null,
      returnProbability90d: scores ? Math.min(1, meanOf(scores.returnProbability90, members)) : null,
    })),
  };
}

export function paretoViewOf(metrics: CustomerMetrics): ParetoView {
  const concentration = revenueConcentration(metrics.revenue, 50);
  return {
    customers: concentration.customers,
    totalRevenue: yen(concentration.totalRevenue),
    top20Share: concentration.top20Share,
    curve: concentration.curve.map((p) => ({
      customerShare: p.customerShare,
      revenueShare: Math.min(1, Math.max(0, p.revenueShare)),
    })),
  };
}
