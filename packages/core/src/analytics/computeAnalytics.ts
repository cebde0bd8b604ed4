import type { AnalyticsResults, ModelDiagnostics } from '@kayoi/contracts';
import { civilFromEpochDay } from '@kayoi/stats';
import { atRiskCustomers } from './atRisk.js';
import { groupingOf, type Grouping } from './dimensions.js';
import { historiesFromColumns, type CustomerHistories } from './histories.js';
import type { AnalyticsInput } from './input.js';
import { runLtvModels, type LtvModelRun } from './model/runLtvModels.js';
import { rfmScoresOf, type RfmScores } from './rfm.js';
import { cohortsViewOf, paretoViewOf, rfmViewOf, segmentsViewOf } from './views/descriptiveViews.js';
import { monitoringViewsOf } from './views/monitoring.js';
import { overviewOf } from './views/overview.js';
import { staffViewOf } from './views/staffView.js';
import { unitEconomicsOf } from './views/unitEconomics.js';

/** Everything a refresh stores: the views, the diagnostics, and every customer's row. */
export interface ComputedAnalytics {
  results: AnalyticsResults;
  diagnostics: ModelDiagnostics;
  histories: CustomerHistories;
  run: LtvModelRun;
  rfm: RfmScores;
  /** Position in the at-risk list per customer row (1 = first), 0 when not at risk. */
  atRiskRank: Int32Array;
}

function timed<T>(seconds: Record<string, number>, phase: string, work: () => T): T {
  const started = performance.now();
  const result = work();
  seconds[phase] = Number(((performance.now() - started) / 1000).toFixed(3));
  return result;
}

function diagnosticsOf(run: LtvModelRun, seconds: Record<string, number>): ModelDiagnostics {
  const d = run.diagnostics;
  return {
    customers: d.customers,
    repeatCustomers: d.repeatCustomers,
    visitDays: d.visitDays,
    skipped: d.skipped,
    count: d.count && {
      ...d.count,
      params: { ...d.count.params },
      // A singular Hessian leaves NaN standard errors; JSON has no NaN.
      stdErr: Object.fromEntries(Object.entries(d.count.stdErr).map(([k, v]) => [k, Number.isFinite(v) ? v : null])),
      holdout: d.count.holdout && {
        calibrationEndDate: civilFromEpochDay(d.count.holdout.calibrationEndDay),
        days: d.count.holdout.days,
        candidates: d.count.holdout.candidates,
      },
    },
    spend: d.spend && {
      basis: d.spend.basis,
      kind: d.spend.kind,
      params: d.spend.params && { ...d.spend.params },
      populationMean: d.spend.populationMean,
    },
    discountRatePerYear: d.discountRatePerYear,
    seconds,
  };
}

/**
 * The whole analytics refresh of a shop, pure: histories from the visits, the model run,
 * RFM, and every stored view. The database layer reads the input and writes the output;
 * this runs in a worker thread so the embedded database keeps answering meanwhile.
 */
export function computeAnalytics(input: AnalyticsInput): ComputedAnalytics {
  const seconds: Record<string, number> = {};
  const histories = timed(seconds, 'histories', () => historiesFromColumns(input.visits, input.endDay));
  const run = timed(seconds, 'models', () =>
    runLtvModels(histories, {
      spendBasis: input.settings.spendBasis,
      discountRatePerYear: input.settings.discountRatePerYear,
      serviceMinutesPerVisit: input.serviceMinutesPerVisit,
    }),
  );
  const { metrics, scores } = run;
  const rfm = rfmScoresOf(metrics);
  const group = (name: Parameters<typeof groupingOf>[0]): Grouping => groupingOf(name, histories, input);
  const results = timed(seconds, 'views', (): AnalyticsResults => {
    const channel = group('channel');
    const store = group('store');
    const ageBand = group('ageBand');
    const gender = group('gender');
    const firstService = group('firstService');
    const firstStaff = group('firstStaff');
    const segments = { ageBand, gender, area: group('area'), channel, firstService, store, staff: firstStaff };
    return {
      overview: overviewOf(histories, metrics, rfm, scores?.clv1y ?? null),
      cohorts: cohortsViewOf(histories, metrics, { channel, firstService, firstStaff, store }),
      rfm: rfmViewOf(rfm, metrics, scores),
      segments: (Object.keys(segments) as (keyof typeof segments)[]).map((dimension) =>
        segmentsViewOf(dimension, segments[dimension], metrics, scores),
      ),
      pareto: paretoViewOf(metrics),
      unitEconomics: unitEconomicsOf(histories, run, input, channel.of),
      forecast: {
        months: run.forecast.map((m, f) => ({
          month: m.month,
          days: m.days,
          // 13 months means the first is the rest of the running one.
          partial: f === 0 && run.forecast.length > 12,
          visits: m.visits,
          visitsLow: m.visitsLow,
          visitsHigh: m.visitsHigh,
          revenue: Math.round(m.revenue),
          revenueLow: Math.round(m.revenueLow),
          revenueHigh: Math.round(m.revenueHigh),
          existingRevenue: Math.round(m.existingRevenue),
          newCustomerRevenue: Math.round(m.newCustomerRevenue),
          newCustomers: m.newCustomers,
          staffHours: m.staffHours,
        })),
        serviceMinutesPerVisit: input.serviceMinutesPerVisit,
      },
      staff: staffViewOf(histories, metrics, input.staff, scores),
      monitoring: monitoringViewsOf(
        histories,
        { store, channel, ageBand, gender },
        scores?.clv1y ?? null,
        rfm.segment,
        input.earlierRuns,
      ),
    };
  });
  const atRiskRank = new Int32Array(metrics.n);
  if (scores && run.pAlivePrevious) {
    const ranked = atRiskCustomers({
      frequency: metrics.frequency,
      pAlive: scores.pAlive,
      pAlivePrevious: run.pAlivePrevious,
      clv1y: scores.clv1y,
    });
    ranked.forEach((i, k) => (atRiskRank[i] = k + 1));
  }
  return { results, diagnostics: diagnosticsOf(run, seconds), histories, run, rfm, atRiskRank };
}
