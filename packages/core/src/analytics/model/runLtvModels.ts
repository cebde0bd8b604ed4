import type { CustomerHistories } from '../histories.js';
import { customerMetricsOf, type CustomerMetrics } from '../customerMetrics.js';
import { summaryAtDay } from './calibration.js';
import { chooseCountModel, type CandidateCheck } from './chooseModel.js';
import type { CountModel, CountModelName, ModelParams } from './countModels.js';
import { forecastMonths, newCustomerAssumptions, type ForecastMonth } from './forecast.js';
import { scoreCustomers, type CustomerScores } from './scoreCustomers.js';
import { fitSpendModel, type SpendBasis, type SpendModel } from './spendModel.js';
import { timeGridFor } from './timeGrid.js';

export interface LtvModelSettings {
  spendBasis: SpendBasis;
  /** Yearly discount rate for CLV, e.g. 0.1 for 10 %. */
  discountRatePerYear: number;
  /** Mean service minutes of a visit, for staffing; null when the catalog has no durations. */
  serviceMinutesPerVisit: number | null;
}

export interface LtvDiagnostics {
  customers: number;
  repeatCustomers: number;
  visitDays: number;
  endDay: number;
  /** Why there is no model, when there is none. */
  skipped: 'no_customers' | 'too_few_repeat_customers' | null;
  count: {
    model: CountModelName;
    reason: 'holdout' | 'short_history' | 'few_customers';
    lowData: boolean;
    penalizer: number;
    params: ModelParams;
    stdErr: ModelParams;
    logLik: number;
    converged: boolean;
    iterations: number;
    holdout: { calibrationEndDay: number; days: number; candidates: CandidateCheck[] } | null;
  } | null;
  spend: {
    basis: SpendBasis;
    kind: SpendModel['kind'];
    params: ModelParams | null;
    stdErr: ModelParams | null;
    populationMean: number;
  } | null;
  discountRatePerYear: number;
}

export interface LtvModelRun {
  diagnostics: LtvDiagnostics;
  /** The count model chosen, null when the run was skipped. */
  model: CountModel | null;
  /** Expected revenue of a future visit per customer (the CLV basis may be gross profit). */
  revenueSpend: Float64Array | null;
  metrics: CustomerMetrics;
  scores: CustomerScores | null;
  /** P(alive) as of 30 days before the end under the same model (NaN if not yet a customer). */
  pAlivePrevious: Float64Array | null;
  forecast: ForecastMonth[];
}

/** Days back for the "falling P(alive)" comparison of the at-risk list. */
export const P_ALIVE_TREND_DAYS = 30;
const MIN_REPEAT_CUSTOMERS = 10;

function spendInput(histories: CustomerHistories, metrics: CustomerMetrics, basis: SpendBasis) {
  const total = basis === 'revenue' ? metrics.revenue : metrics.profit;
  const repeatMean = basis === 'revenue' ? metrics.repeatRevenueMean : metrics.repeatProfitMean;
  const perDay = basis === 'revenue' ? histories.revenue : histories.profit;
  const first = new Float64Array(metrics.n);
  for (let i = 0; i < metrics.n; i++) first[i] = perDay[histories.start[i]!]!;
  return { total, repeatMean, first };
}

/**
 * The whole model run of a shop, pure: summaries from the visit histories (unit: day), the
 * count model chosen on a holdout (or regularised for a small shop), the spend model on the
 * chosen basis, every customer's scores with CLV intervals, P(alive) a month ago for trends,
 * and the 12-month forecast.
 */
export function runLtvModels(histories: CustomerHistories, settings: LtvModelSettings): LtvModelRun {
  const metrics = customerMetricsOf(histories);
  let repeat = 0;
  let visitDays = 0;
  for (let i = 0; i < metrics.n; i++) {
    if (metrics.frequency[i]! > 0) repeat++;
    visitDays += metrics.visitDays[i]!;
  }
  const diagnostics: LtvDiagnostics = {
    customers: metrics.n,
    repeatCustomers: repeat,
    visitDays,
    endDay: histories.endDay,
    skipped: null,
    count: null,
    spend: null,
    discountRatePerYear: settings.discountRatePerYear,
  };
  if (metrics.n === 0 || repeat < MIN_REPEAT_CUSTOMERS) {
    diagnostics.skipped = metrics.n === 0 ? 'no_customers' : 'too_few_repeat_customers';
    return { diagnostics, model: null, revenueSpend: null, metrics, scores: null, pAlivePrevious: null, forecast: [] };
  }

  const choice = chooseCountModel(histories, metrics);
  const { model, fit } = choice;
  diagnostics.count = {
    model: model.name,
    reason: choice.reason,
    lowData: choice.lowData,
    penalizer: choice.penalizer,
    params: fit.params,
    stdErr: fit.stdErr,
    logLik: fit.logLik,
    converged: fit.converged,
    iterations: fit.iterations,
    holdout: choice.holdout,
  };
  const basis = spendInput(histories, metrics, settings.spendBasis);
  const spend = fitSpendModel({
    frequency: metrics.frequency,
    ...basis,
    visitDays: metrics.visitDays,
    penalizer: choice.penalizer,
  });
  diagnostics.spend = {
    basis: settings.spendBasis,
    kind: spend.kind,
    params: spend.fit?.params ?? null,
    stdErr: spend.fit?.stdErr ?? null,
    populationMean: spend.populationMean,
  };
  const revenueBasis = settings.spendBasis === 'revenue' ? basis : spendInput(histories, metrics, 'revenue');
  const revenueSpend =
    settings.spendBasis === 'revenue'
      ? spend
      : fitSpendModel({
          frequency: metrics.frequency,
          ...revenueBasis,
          visitDays: metrics.visitDays,
          penalizer: choice.penalizer,
        });

  const grid = timeGridFor(histories.endDay);
  const { scores, forecast: existing } = scoreCustomers({
    model,
    params: fit.params,
    covariance: fit.covariance,
    spend,
    forecastSpend: revenueSpend.expectedSpend,
    metrics,
    discountRatePerMonth: Math.pow(1 + settings.discountRatePerYear, 1 / 12) - 1,
    grid,
  });

  const pAlivePrevious = new Float64Array(metrics.n).fill(NaN);
  const before = summaryAtDay(histories, histories.endDay - P_ALIVE_TREND_DAYS);
  for (let k = 0; k < before.customer.length; k++)
    pAlivePrevious[before.customer[k]!] = model.probabilityAlive(
      fit.params,
      before.frequency[k]!,
      before.recency[k]!,
      before.T[k]!,
    );

  const forecast = forecastMonths({
    grid,
    existing,
    model,
    params: fit.params,
    newCustomers: newCustomerAssumptions(metrics, revenueBasis.first, revenueSpend.populationMean),
    serviceMinutesPerVisit: settings.serviceMinutesPerVisit,
  });
  return { diagnostics, model, revenueSpend: revenueSpend.expectedSpend, metrics, scores, pAlivePrevious, forecast };
}
