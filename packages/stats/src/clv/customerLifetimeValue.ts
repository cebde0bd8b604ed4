import { foldSummaryWithIndex } from '../data/summary.js';

/**
 * Discounted customer lifetime value over a horizon of whole months, in lifetimes'
 * convention (lifetimes.utils._customer_lifetime_value, used by
 * GammaGammaFitter.customer_lifetime_value):
 *
 *   CLV = Σ_{i=1..H} [E(Y(i·u)) − E(Y((i−1)·u))] · spend / (1 + d)^i
 *
 * - E(Y(t)) is the count model's conditional expected number of repeat transactions in
 *   (T, T+t] given the customer's history (BG/NBD: Fader, Hardie & Lee 2005, eq. 10), with
 *   E(Y(0)) = 0;
 * - u is the number of model time units in a month: lifetimes uses 30 for days, 4.345 for
 *   weeks, 1 for months, 720 for hours (TIME_UNITS_PER_MONTH);
 * - spend is the expected value of each future transaction (Gamma-Gamma conditional expected
 *   average spend, Fader & Hardie note 025 eq. 5);
 * - d is the discount rate per month, applied at the end of each month: month i's expected
 *   transactions are discounted by (1 + d)^i. d = 0.01 is about 12.7% a year.
 * With d = 0 the sum telescopes to E(Y(H·u)) · spend.
 */

/**
 * lifetimes' month lengths in each time unit. Use the entry of the unit the count model was
 * fitted in: lifetimes' default is 'D' (30), and its documented CDNOW example applies it to a
 * model fitted in weeks, so the CLVs it prints cover 360 weeks rather than 12 months.
 */
export const TIME_UNITS_PER_MONTH: Readonly<{ day: number; week: number; month: number; hour: number }> = Object.freeze(
  { day: 30, week: 4.345, month: 1, hour: 720 },
);

export interface DiscountSchedule {
  /** Horizon H in whole months (≥ 0). */
  horizonMonths: number;
  /** Discount rate d per month (> −1; usually ≥ 0). */
  discountRatePerMonth: number;
  /** Model time units per month, u > 0 (see TIME_UNITS_PER_MONTH). */
  timeUnitsPerMonth: number;
}

export interface DiscountGrid {
  /** Month boundaries in model time units: 0, u, 2u, …, H·u (length H + 1). */
  times: Float64Array;
  /** Discount factor of month i = 1..H at index i − 1: (1 + d)^−i. */
  factors: Float64Array;
}

/** The month boundaries and discount factors of a schedule, after checking it. */
export function discountGrid(schedule: DiscountSchedule): DiscountGrid {
  const { horizonMonths: H, discountRatePerMonth: d, timeUnitsPerMonth: u } = schedule;
  if (!(Number.isInteger(H) && H >= 0)) throw new RangeError(`horizonMonths must be a whole number ≥ 0, got ${H}`);
  if (!(d > -1 && Number.isFinite(d))) throw new RangeError(`discountRatePerMonth must be finite and > −1, got ${d}`);
  if (!(u > 0 && Number.isFinite(u))) throw new RangeError(`timeUnitsPerMonth must be finite and > 0, got ${u}`);
  const times = new Float64Array(H + 1);
  const factors = new Float64Array(H);
  for (let i = 1; i <= H; i++) {
    times[i] = i * u;
    factors[i - 1] = Math.pow(1 + d, -i);
  }
  return { times, factors };
}

/**
 * Discounted CLV of one customer, given E(Y(t)) as a function of the horizon t (in model time
 * units) and the expected spend per transaction. See the module comment for the formula.
 */
export function customerLifetimeValue(
  input: DiscountSchedule & { conditionalExpectedTransactions: (t: number) => number; expectedSpend: number },
): number {
  const { times, factors } = discountGrid(input);
  const spend = input.expectedSpend;
  if (spend === 0) return 0;
  let previous = 0;
  let sum = 0;
  for (let i = 1; i < times.length; i++) {
    const current = input.conditionalExpectedTransactions(times[i]!);
    sum += (current - previous) * factors[i - 1]!;
    previous = current;
  }
  return sum * spend;
}

/** A model's conditional expectation E(Y(t) | x, t_x, T), as every count model here exports it. */
export type ConditionalExpectation<P> = (params: P, t: number, x: number, tx: number, T: number) => number;

/**
 * The same for all month boundaries of one customer at once: writes E(Y(times[k]) | x, t_x, T)
 * into out[k] (times[0] is 0 and out[0] must be 0). A model can share the work that does not
 * depend on t — P(alive), the x-only terms — across the months.
 */
export type ConditionalExpectationPath<P> = (
  params: P,
  times: Float64Array,
  x: number,
  tx: number,
  T: number,
  out: Float64Array,
) => void;

export interface CustomerLifetimeValuesInput<P> extends DiscountSchedule {
  params: P;
  frequency: ArrayLike<number>;
  recency: ArrayLike<number>;
  T: ArrayLike<number>;
  /** Expected spend per transaction, per customer or one for all. */
  expectedSpend: ArrayLike<number> | number;
  /** Give exactly one of the pointwise and the path form. */
  conditionalExpectedTransactions?: ConditionalExpectation<P> | undefined;
  conditionalExpectedTransactionsPath?: ConditionalExpectationPath<P> | undefined;
  /** Where to write the values (length ≥ rows); a new array otherwise. */
  out?: Float64Array | undefined;
}

/**
 * Discounted CLV of many customers (columns of frequency, recency, T and expected spend).
 * CLV is spend × D(x, t_x, T) with D = Σ_i ΔE(Y)_i (1+d)^−i the discounted expected
 * transactions, so identical (x, t_x, T) histories are folded first (real data in days or
 * weeks repeats them: CDNOW's 2,357 customers have 1,016) and D is computed once per
 * history. The month grid, the discount factors and one scratch row of H + 1 expectations
 * are made once per call; each history then costs H model evaluations (or one path
 * evaluation) and no allocation.
 */
export function customerLifetimeValues<P>(input: CustomerLifetimeValuesInput<P>): Float64Array {
  const { frequency: X, recency: TX, T: TT, expectedSpend, params } = input;
  const pointwise = input.conditionalExpectedTransactions;
  const path = input.conditionalExpectedTransactionsPath;
  if ((pointwise === undefined) === (path === undefined))
    throw new TypeError('give exactly one of conditionalExpectedTransactions and conditionalExpectedTransactionsPath');
  const rows = X.length;
  const spendColumn = typeof expectedSpend === 'number' ? null : expectedSpend;
  if (TX.length !== rows || TT.length !== rows || (spendColumn && spendColumn.length !== rows))
    throw new RangeError('customerLifetimeValues: columns differ in length');
  const out = input.out ?? new Float64Array(rows);
  if (out.length < rows) throw new RangeError(`out has ${out.length} entries for ${rows} customers`);
  const { times, factors } = discountGrid(input);
  const H = factors.length;
  const histories = foldSummaryWithIndex({ frequency: X, recency: TX, T: TT });
  const discounted = new Float64Array(histories.frequency.length);
  const expectation = new Float64Array(H + 1);
  for (let h = 0; h < discounted.length && H > 0; h++) {
    const x = histories.frequency[h]!;
    const tx = histories.recency[h]!;
    const T = histories.T[h]!;
    if (path) path(params, times, x, tx, T, expectation);
    else for (let k = 1; k <= H; k++) expectation[k] = pointwise!(params, times[k]!, x, tx, T);
    let sum = 0;
    let previous = 0;
    for (let k = 1; k <= H; k++) {
      const current = expectation[k]!;
      sum += (current - previous) * factors[k - 1]!;
      previous = current;
    }
    discounted[h] = sum;
  }
  for (let i = 0; i < rows; i++) {
    const spend = spendColumn ? spendColumn[i]! : (expectedSpend as number);
    out[i] = spend === 0 ? 0 : spend * discounted[histories.rowPattern[i]!]!;
  }
  return out;
}
