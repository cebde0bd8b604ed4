import { civilFromEpochDay } from '@kayoi/stats';
import { atRiskCustomers, valueIfActive } from './atRisk.js';
import { monthlyCohorts, type Cohort } from './cohorts.js';
import { histogram, type HistogramBin } from './distribution.js';
import type { CustomerHistories } from './histories.js';
import type { ForecastMonth } from './model/forecast.js';
import { runLtvModels, type LtvDiagnostics } from './model/runLtvModels.js';
import { revenueConcentration, type RevenueConcentration } from './pareto.js';
import {
  DEFAULT_RFM_THRESHOLDS,
  rfmGrid,
  rfmScoresOf,
  segmentSummaries,
  type RfmCell,
  type RfmSegment,
  type SegmentSummary,
} from './rfm.js';
import { secondVisitStats } from './secondVisit.js';

export interface OfflineCustomerRow {
  id: string;
  visits: number;
  revenue: number;
  firstVisit: string;
  lastVisit: string;
  segment: RfmSegment;
  pAlive: number | null;
  expectedVisits90d: number | null;
  expectedVisits365d: number | null;
  predictedClv1y: number | null;
  predictedClv1yLow: number | null;
  predictedClv1yHigh: number | null;
  predictedClv3y: number | null;
}

export interface AtRiskRow {
  id: string;
  visits: number;
  revenue: number;
  lastVisit: string;
  pAlive: number;
  pAlivePrevious: number;
  predictedClv1y: number;
  valueIfActive: number;
}

/** Everything the offline report shows, as plain numbers (its `--json` is this object). */
export interface OfflineReport {
  firstDate: string;
  endDate: string;
  transactions: number;
  visitDays: number;
  customers: number;
  repeatCustomers: number;
  secondVisitRate: number | null;
  medianDaysToSecondVisit: number | null;
  top20RevenueShare: number | null;
  totalRevenue: number;
  revenuePerCustomer: number | null;
  model: {
    name: string;
    params: Record<string, number>;
    stdErr: Record<string, number>;
    logLik: number;
    reason: string;
    lowData: boolean;
  } | null;
  diagnostics: LtvDiagnostics;
  cohorts: Cohort[];
  rfm: { cells: RfmCell[]; segments: SegmentSummary[] };
  pareto: RevenueConcentration['curve'];
  clvDistribution: HistogramBin[];
  atRisk: AtRiskRow[];
  forecast: ForecastMonth[];
  perCustomer: OfflineCustomerRow[];
}

const round = (v: number, digits: number) => {
  const f = Math.pow(10, digits);
  return Math.round(v * f) / f;
};

/** The report of a transaction log, from its histories: numbers only, no I/O. */
export function buildOfflineReport(
  histories: CustomerHistories,
  options: { transactions: number; topAtRisk?: number },
): OfflineReport {
  const run = runLtvModels(histories, {
    spendBasis: 'revenue',
    discountRatePerYear: 0.1,
    serviceMinutesPerVisit: null,
  });
  const { metrics, scores } = run;
  const second = secondVisitStats(metrics);
  const concentration = revenueConcentration(metrics.revenue);
  const rfm = rfmScoresOf(metrics, DEFAULT_RFM_THRESHOLDS);
  const grid = rfmGrid(rfm, metrics.revenue);
  let firstDay = histories.endDay;
  for (let i = 0; i < metrics.n; i++) firstDay = Math.min(firstDay, metrics.firstDay[i]!);
  const count = run.diagnostics.count;
  const perCustomer: OfflineCustomerRow[] = histories.ids.map((id, i) => ({
    id,
    visits: metrics.visitDays[i]!,
    revenue: metrics.revenue[i]!,
    firstVisit: civilFromEpochDay(metrics.firstDay[i]!),
    lastVisit: civilFromEpochDay(metrics.lastDay[i]!),
    segment: rfm.segment[i]!,
    pAlive: scores ? round(scores.pAlive[i]!, 6) : null,
    expectedVisits90d: scores ? round(scores.expectedVisits90[i]!, 6) : null,
    expectedVisits365d: scores ? round(scores.expectedVisits365[i]!, 6) : null,
    predictedClv1y: scores ? round(scores.clv1y[i]!, 2) : null,
    predictedClv1yLow: scores && Number.isFinite(scores.clv1yLow[i]) ? round(scores.clv1yLow[i]!, 2) : null,
    predictedClv1yHigh: scores && Number.isFinite(scores.clv1yHigh[i]) ? round(scores.clv1yHigh[i]!, 2) : null,
    predictedClv3y: scores ? round(scores.clv3y[i]!, 2) : null,
  }));
  const atRisk: AtRiskRow[] =
    scores && run.pAlivePrevious
      ? atRiskCustomers({
          frequency: metrics.frequency,
          pAlive: scores.pAlive,
          pAlivePrevious: run.pAlivePrevious,
          clv1y: scores.clv1y,
        })
          .slice(0, options.topAtRisk ?? 20)
          .map((i) => ({
            id: histories.ids[i]!,
            visits: metrics.visitDays[i]!,
            revenue: metrics.revenue[i]!,
            lastVisit: civilFromEpochDay(metrics.lastDay[i]!),
            pAlive: scores.pAlive[i]!,
            pAlivePrevious: run.pAlivePrevious![i]!,
            predictedClv1y: scores.clv1y[i]!,
            valueIfActive: valueIfActive(scores.clv1y[i]!, scores.pAlive[i]!),
          }))
      : [];
  return {
    firstDate: civilFromEpochDay(firstDay),
    endDate: civilFromEpochDay(histories.endDay),
    transactions: options.transactions,
    visitDays: run.diagnostics.visitDays,
    customers: metrics.n,
    repeatCustomers: second.repeatCustomers,
    secondVisitRate: second.rate,
    medianDaysToSecondVisit: second.medianDaysToSecondVisit,
    top20RevenueShare: concentration.top20Share,
    totalRevenue: concentration.totalRevenue,
    revenuePerCustomer: metrics.n > 0 ? concentration.totalRevenue / metrics.n : null,
    model: count
      ? {
          name: count.model,
          params: { ...count.params },
          stdErr: { ...count.stdErr },
          logLik: count.logLik,
          reason: count.reason,
          lowData: count.lowData,
        }
      : null,
    diagnostics: run.diagnostics,
    cohorts: monthlyCohorts(histories, { lastCohorts: 24 }),
    rfm: { cells: grid, segments: segmentSummaries(grid) },
    pareto: concentration.curve,
    clvDistribution: scores ? histogram(scores.clv1y) : [],
    atRisk,
    forecast: run.forecast,
    perCustomer,
  };
}
