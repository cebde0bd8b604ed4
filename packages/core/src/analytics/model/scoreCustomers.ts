import { foldSummaryWithIndex } from '@kayoi/stats';
import type { CustomerMetrics } from '../customerMetrics.js';
import type { CountModel, ModelParams } from './countModels.js';
import { nextVisitQuantile } from './countModels.js';
import type { SpendModel } from './spendModel.js';
import { CLV_MONTHS_LONG, CLV_MONTHS_SHORT, type TimeGrid } from './timeGrid.js';

/** z of a two-sided 90 % interval. */
const Z90 = 1.6448536269514722;
/** Step in log-parameter space for the central differences of the delta method. */
const LOG_STEP = 1e-4;

export interface CustomerScores {
  pAlive: Float64Array;
  expectedVisits90: Float64Array;
  expectedVisits365: Float64Array;
  expectedSpend: Float64Array;
  clv1y: Float64Array;
  clv1yLow: Float64Array;
  clv1yHigh: Float64Array;
  clv3y: Float64Array;
  clv3yLow: Float64Array;
  clv3yHigh: Float64Array;
  /**
   * P(at least one visit in the next 90 days) = P(alive) · (1 − ((α+T)/(α+T+90))^(r+x)): exact
   * for BG/NBD (an active customer cannot drop out before the next purchase); for Pareto/NBD
   * it ignores dropping out within the 90 days, a slight overstatement.
   */
  returnProbability90: Float64Array;
  /** Quartiles of the days until the next visit if the customer is still active. */
  nextVisitFrom: Float64Array;
  nextVisitTo: Float64Array;
}

/** Expected visits and value of the existing customers per forecast month, with variances. */
export interface ExistingCustomerForecast {
  visits: Float64Array;
  revenue: Float64Array;
  /** Parameter (delta method) plus process (Poisson) variance of the visits. */
  visitsVariance: Float64Array;
}

export interface ScoringInput {
  model: CountModel;
  params: ModelParams;
  /** Natural-scale covariance of the count model's parameters, in the model's order. */
  covariance: readonly (readonly number[])[] | null;
  /** Value of a future visit on the CLV basis (revenue or gross profit). */
  spend: SpendModel;
  /** Expected revenue of a future visit per customer, for the forecast (the P&L is in revenue). */
  forecastSpend: Float64Array;
  metrics: CustomerMetrics;
  /** Discount rate per month for CLV (from the tenant's yearly rate). */
  discountRatePerMonth: number;
  grid: TimeGrid;
}

/** Σ_ij g_i g_j Σ_ij / (θ_i θ_j): variance of a function given its gradient in log θ. */
function logScaleVariance(
  gradient: ArrayLike<number>,
  covariance: readonly (readonly number[])[],
  theta: number[],
): number {
  let v = 0;
  for (let i = 0; i < theta.length; i++)
    for (let j = 0; j < theta.length; j++)
      v += (gradient[i]! * gradient[j]! * covariance[i]![j]!) / (theta[i]! * theta[j]!);
  return v;
}

/**
 * Scores every customer of `metrics` and sums the existing customers' forecast. Identical
 * (x, t_x, T) histories are scored once. CLV intervals come from the delta method on the
 * logarithm of CLV (so they stay positive and widen with uncertain parameters): the count
 * model's part by central differences of each history's discounted expected visits, the
 * spend model's part analytically; the two fits are independent.
 */
export function scoreCustomers(input: ScoringInput): { scores: CustomerScores; forecast: ExistingCustomerForecast } {
  const { model, params, metrics, spend, grid } = input;
  const n = metrics.n;
  const folded = foldSummaryWithIndex({ frequency: metrics.frequency, recency: metrics.recency, T: metrics.T });
  const H = folded.frequency.length;
  const pattern = folded.rowPattern;
  const names = model.paramNames;
  const theta = names.map((name) => params[name]!);
  const factors = new Float64Array(CLV_MONTHS_LONG);
  for (let k = 1; k <= CLV_MONTHS_LONG; k++) factors[k - 1] = Math.pow(1 + input.discountRatePerMonth, -k);

  // Per history: the forecast's revenue needs Σ expected revenue per visit of its customers.
  const spendSum = new Float64Array(H);
  for (let i = 0; i < n; i++) spendSum[pattern[i]!]! += input.forecastSpend[i]!;

  const months = grid.forecastEnd.length;
  const path = new Float64Array(grid.times.length);
  const discounted = (short: boolean) => {
    const horizon = short ? CLV_MONTHS_SHORT : CLV_MONTHS_LONG;
    let sum = 0;
    for (let k = 1; k <= horizon; k++) sum += (path[k]! - path[k - 1]!) * factors[k - 1]!;
    return sum;
  };
  /** Runs every history under params p; collects discounted visits and forecast sums. */
  const pass = (
    p: ModelParams,
    d1: Float64Array,
    d3: Float64Array,
    visits: Float64Array,
    revenue: Float64Array,
    full: boolean,
  ) => {
    for (let h = 0; h < H; h++) {
      const x = folded.frequency[h]!;
      model.expectationPath(p, grid.times, x, folded.recency[h]!, folded.T[h]!, path);
      d1[h] = discounted(true);
      d3[h] = discounted(false);
      for (let f = 0; f < months; f++) {
        const delta = path[grid.forecastEnd[f]!]! - path[grid.forecastStart[f]!]!;
        visits[f]! += folded.weights[h]! * delta;
        revenue[f]! += spendSum[h]! * delta;
      }
      if (full) {
        e90[h] = path[grid.day90]!;
        e365[h] = path[grid.day365]!;
      }
    }
  };

  const d1 = new Float64Array(H);
  const d3 = new Float64Array(H);
  const e90 = new Float64Array(H);
  const e365 = new Float64Array(H);
  const visits = new Float64Array(months);
  const revenue = new Float64Array(months);
  pass(params, d1, d3, visits, revenue, true);

  // Delta method: gradients of log D (per history) and of the monthly visits, in log θ.
  const covariance = input.covariance;
  const varLogD1 = new Float64Array(H).fill(NaN);
  const varLogD3 = new Float64Array(H).fill(NaN);
  const visitsVariance = Float64Array.from(visits); // Poisson part: variance ≈ mean
  if (covariance) {
    const g1 = names.map(() => new Float64Array(H));
    const g3 = names.map(() => new Float64Array(H));
    const gv = names.map(() => new Float64Array(months));
    const up = { d1: new Float64Array(H), d3: new Float64Array(H), v: new Float64Array(months) };
    const down = { d1: new Float64Array(H), d3: new Float64Array(H), v: new Float64Array(months) };
    const scratchRevenue = new Float64Array(months);
    names.forEach((name, j) => {
      for (const [side, sign] of [
        [up, 1],
        [down, -1],
      ] as const) {
        side.v.fill(0);
        pass(
          { ...params, [name]: params[name]! * Math.exp(sign * LOG_STEP) },
          side.d1,
          side.d3,
          side.v,
          scratchRevenue,
          false,
        );
      }
      for (let h = 0; h < H; h++) {
        g1[j]![h] = (Math.log(up.d1[h]!) - Math.log(down.d1[h]!)) / (2 * LOG_STEP);
        g3[j]![h] = (Math.log(up.d3[h]!) - Math.log(down.d3[h]!)) / (2 * LOG_STEP);
      }
      for (let f = 0; f < months; f++) gv[j]![f] = (up.v[f]! - down.v[f]!) / (2 * LOG_STEP);
    });
    const gradient = new Float64Array(names.length);
    for (let h = 0; h < H; h++) {
      for (let j = 0; j < names.length; j++) gradient[j] = g1[j]![h]!;
      varLogD1[h] = logScaleVariance(gradient, covariance, theta);
      for (let j = 0; j < names.length; j++) gradient[j] = g3[j]![h]!;
      varLogD3[h] = logScaleVariance(gradient, covariance, theta);
    }
    for (let f = 0; f < months; f++) {
      for (let j = 0; j < names.length; j++) gradient[j] = gv[j]![f]!;
      visitsVariance[f]! += logScaleVariance(gradient, covariance, theta);
    }
  }

  const spendTheta = spend.fit ? [spend.fit.params.p!, spend.fit.params.q!, spend.fit.params.gamma!] : null;
  const spendCovariance = spend.fit?.covariance ?? null;
  const scores: CustomerScores = {
    pAlive: new Float64Array(n),
    expectedVisits90: new Float64Array(n),
    expectedVisits365: new Float64Array(n),
    expectedSpend: Float64Array.from(spend.expectedSpend),
    clv1y: new Float64Array(n),
    clv1yLow: new Float64Array(n),
    clv1yHigh: new Float64Array(n),
    clv3y: new Float64Array(n),
    clv3yLow: new Float64Array(n),
    clv3yHigh: new Float64Array(n),
    returnProbability90: new Float64Array(n),
    nextVisitFrom: new Float64Array(n),
    nextVisitTo: new Float64Array(n),
  };
  const alive = new Float64Array(H);
  for (let h = 0; h < H; h++)
    alive[h] = model.probabilityAlive(params, folded.frequency[h]!, folded.recency[h]!, folded.T[h]!);
  const spendGradient = new Float64Array(3);
  for (let i = 0; i < n; i++) {
    const h = pattern[i]!;
    const s = spend.expectedSpend[i]!;
    scores.pAlive[i] = alive[h]!;
    scores.expectedVisits90[i] = e90[h]!;
    scores.expectedVisits365[i] = e365[h]!;
    let spendVariance = 0;
    if (spend.logGradient && spendTheta && spendCovariance) {
      for (let j = 0; j < 3; j++) spendGradient[j] = spend.logGradient[j]![i]!;
      spendVariance = logScaleVariance(spendGradient, spendCovariance, spendTheta);
    }
    const fill = (d: number, varLogD: number, out: Float64Array, low: Float64Array, high: Float64Array) => {
      const clv = d * s;
      out[i] = clv;
      const sd = Math.sqrt(varLogD + spendVariance);
      // No covariance (a singular Hessian): no interval rather than a false one.
      low[i] = Number.isFinite(sd) ? clv * Math.exp(-Z90 * sd) : NaN;
      high[i] = Number.isFinite(sd) ? clv * Math.exp(Z90 * sd) : NaN;
    };
    fill(d1[h]!, varLogD1[h]!, scores.clv1y, scores.clv1yLow, scores.clv1yHigh);
    fill(d3[h]!, varLogD3[h]!, scores.clv3y, scores.clv3yLow, scores.clv3yHigh);
    const waiting = params.alpha! + metrics.T[i]!;
    scores.returnProbability90[i] =
      alive[h]! * -Math.expm1((params.r! + metrics.frequency[i]!) * Math.log(waiting / (waiting + 90)));
    scores.nextVisitFrom[i] = nextVisitQuantile(params, metrics.frequency[i]!, metrics.T[i]!, 0.25);
    scores.nextVisitTo[i] = nextVisitQuantile(params, metrics.frequency[i]!, metrics.T[i]!, 0.75);
  }
  return { scores, forecast: { visits, revenue, visitsVariance } };
}
