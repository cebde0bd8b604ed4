import { DAYS_PER_UNIT, type CalibrationAndHoldout } from '../data/transactions.js';

/**
 * Out-of-sample checks of a count model, as Fader, Hardie & Lee report them for CDNOW
 * ("Counting Your Customers the Easy Way: An Alternative to the Pareto/NBD Model", Marketing
 * Science 24(2), 2005): the per-customer conditional predictions over a holdout period
 * against what each customer did, and the weekly cumulative tracking of aggregate repeat
 * transactions, calibration and holdout weeks together.
 */

/**
 * The two predictions evaluation needs, with the signatures every count model here exports
 * (bgNbdExpectedTransactions / bgNbdConditionalExpectedTransactions, and likewise MBG/NBD and
 * Pareto/NBD): plugging in a model is one object literal.
 */
export interface CountModelPredictions<P> {
  /** E[X(t)]: repeat transactions in (0, t] of a customer who made a first purchase at 0. */
  expectedTransactions(params: P, t: number): number;
  /** E[Y(t) | x, t_x, T]: repeat transactions in (T, T + t] given the history. */
  conditionalExpectedTransactions(params: P, t: number, x: number, tx: number, T: number): number;
}

export interface HoldoutAccuracy {
  /** Number of customers compared. */
  n: number;
  /** E[Y(duration) | x, t_x, T] per customer. */
  predicted: Float64Array;
  /** Repeat transactions each customer made in the holdout period. */
  actual: Float64Array;
  /** Mean absolute error Σ|predicted − actual| / n. */
  mae: number;
  /** Root mean squared error √(Σ(predicted − actual)² / n). */
  rmse: number;
  totalPredicted: number;
  totalActual: number;
}

/**
 * Per-customer accuracy over a holdout period: each customer's conditional expectation
 * E[Y(duration) | x, t_x, T] from the calibration summary against their actual repeat
 * transactions in the holdout.
 */
export function holdoutAccuracy<P>(
  conditionalExpectedTransactions: CountModelPredictions<P>['conditionalExpectedTransactions'],
  params: P,
  calibration: { frequency: ArrayLike<number>; recency: ArrayLike<number>; T: ArrayLike<number> },
  holdout: { frequency: ArrayLike<number>; duration: number | ArrayLike<number> },
): HoldoutAccuracy {
  const n = calibration.frequency.length;
  const durations = typeof holdout.duration === 'number' ? null : holdout.duration;
  if (
    calibration.recency.length !== n ||
    calibration.T.length !== n ||
    holdout.frequency.length !== n ||
    (durations && durations.length !== n)
  )
    throw new RangeError('holdoutAccuracy: calibration and holdout columns differ in length');
  const predicted = new Float64Array(n);
  const actual = Float64Array.from(holdout.frequency);
  let absolute = 0;
  let squared = 0;
  let totalPredicted = 0;
  let totalActual = 0;
  for (let i = 0; i < n; i++) {
    const t = durations ? durations[i]! : (holdout.duration as number);
    const e = conditionalExpectedTransactions(
      params,
      t,
      calibration.frequency[i]!,
      calibration.recency[i]!,
      calibration.T[i]!,
    );
    predicted[i] = e;
    const error = e - actual[i]!;
    absolute += Math.abs(error);
    squared += error * error;
    totalPredicted += e;
    totalActual += actual[i]!;
  }
  return {
    n,
    predicted,
    actual,
    mae: n > 0 ? absolute / n : NaN,
    rmse: n > 0 ? Math.sqrt(squared / n) : NaN,
    totalPredicted,
    totalActual,
  };
}

export interface TrackingSeries {
  /** End of each period, in model time units from the origin (increasing). */
  periodEnds: Float64Array;
  /** Predicted cumulative repeat transactions by the end of each period. */
  predicted: Float64Array;
  /** Actual cumulative repeat transactions by the end of each period. */
  actual: Float64Array;
}

/**
 * Cumulative tracking of aggregate repeat transactions. Customers are grouped by the time of
 * their first purchase s (a cohort), and by the end e of each period the model predicts
 *   Σ_cohorts n_s · E[X(e − s)]
 * repeat transactions (unconditional expectation, as in Fader, Hardie & Lee's tracking
 * plots); the actual is the number of repeat transactions at times ≤ e. Every time is in the
 * model's unit from a common origin.
 */
export function cumulativeTracking<P>(
  expectedTransactions: CountModelPredictions<P>['expectedTransactions'],
  params: P,
  input: { firstPurchase: ArrayLike<number>; repeatTransactions: ArrayLike<number>; periodEnds: ArrayLike<number> },
): TrackingSeries {
  const periodEnds = Float64Array.from(input.periodEnds);
  for (let k = 1; k < periodEnds.length; k++)
    if (!(periodEnds[k]! > periodEnds[k - 1]!)) throw new RangeError('cumulativeTracking: periodEnds must increase');
  const cohortSize = new Map<number, number>();
  for (let i = 0; i < input.firstPurchase.length; i++) {
    const s = input.firstPurchase[i]!;
    cohortSize.set(s, (cohortSize.get(s) ?? 0) + 1);
  }
  const starts = Float64Array.from(cohortSize.keys());
  const sizes = Float64Array.from(cohortSize.values());
  const predicted = new Float64Array(periodEnds.length);
  for (let k = 0; k < periodEnds.length; k++) {
    const e = periodEnds[k]!;
    let sum = 0;
    for (let c = 0; c < starts.length; c++) {
      const age = e - starts[c]!;
      if (age > 0) sum += sizes[c]! * expectedTransactions(params, age);
    }
    predicted[k] = sum;
  }
  const repeats = Float64Array.from(input.repeatTransactions).sort();
  const actual = new Float64Array(periodEnds.length);
  let j = 0;
  for (let k = 0; k < periodEnds.length; k++) {
    while (j < repeats.length && repeats[j]! <= periodEnds[k]!) j++;
    actual[k] = j;
  }
  return { periodEnds, predicted, actual };
}

export interface DailyTracking extends TrackingSeries {
  /** Epoch day on which each period ends (its last day). */
  periodLastDay: Int32Array;
  /** Number of whole periods in the calibration period (39 weeks for CDNOW). */
  calibrationPeriods: number;
}

/**
 * Tracking for a log split by calibrationAndHoldout: periods of `daysPerPeriod` days (7: weeks)
 * from the observation start to the observation end. A customer's age at the end of a period
 * is measured as the summary measures T — days from the first purchase to the period's last
 * day, divided by the days per model unit — so the tracking at the calibration end uses the
 * same ages as the fit.
 */
export function trackingFromTransactions<P>(
  expectedTransactions: CountModelPredictions<P>['expectedTransactions'],
  params: P,
  split: Pick<
    CalibrationAndHoldout,
    'calibration' | 'repeatTransactionDays' | 'observationStartDay' | 'observationEndDay' | 'calibrationEndDay'
  >,
  options: { daysPerPeriod?: number } = {},
): DailyTracking {
  const daysPerPeriod = options.daysPerPeriod ?? 7;
  if (!(Number.isInteger(daysPerPeriod) && daysPerPeriod > 0))
    throw new RangeError(`daysPerPeriod must be a whole number > 0, got ${daysPerPeriod}`);
  const perUnit = DAYS_PER_UNIT[split.calibration.unit];
  const start = split.observationStartDay;
  const span = split.observationEndDay - start + 1;
  const periods = Math.max(0, Math.ceil(span / daysPerPeriod));
  const periodLastDay = new Int32Array(periods);
  const periodEnds = new Float64Array(periods);
  for (let k = 0; k < periods; k++) {
    const last = Math.min(start + (k + 1) * daysPerPeriod - 1, split.observationEndDay);
    periodLastDay[k] = last;
    periodEnds[k] = (last - start) / perUnit;
  }
  const toTime = (days: ArrayLike<number>) => Float64Array.from(days, (d) => (d - start) / perUnit);
  const series = cumulativeTracking(expectedTransactions, params, {
    firstPurchase: toTime(split.calibration.firstPurchaseDay),
    repeatTransactions: toTime(split.repeatTransactionDays),
    periodEnds,
  });
  return {
    ...series,
    periodLastDay,
    calibrationPeriods: Math.floor((split.calibrationEndDay - start + 1) / daysPerPeriod),
  };
}

export interface HoldoutEvaluation {
  accuracy: HoldoutAccuracy;
  tracking: DailyTracking;
  /** Tracking's predicted repeat transactions in the holdout periods (cumulative end − calibration end). */
  trackingHoldoutPredicted: number;
  trackingHoldoutActual: number;
}

/**
 * Both checks for one fitted model on a calibration/holdout split: per-customer accuracy of the
 * conditional expectation over the holdout duration, and the weekly (or `daysPerPeriod`)
 * cumulative tracking from the observation start to the observation end.
 */
export function evaluateHoldout<P>(
  model: CountModelPredictions<P>,
  params: P,
  split: CalibrationAndHoldout,
  options: { daysPerPeriod?: number } = {},
): HoldoutEvaluation {
  const accuracy = holdoutAccuracy(model.conditionalExpectedTransactions, params, split.calibration, split.holdout);
  const tracking = trackingFromTransactions(model.expectedTransactions, params, split, options);
  const last = tracking.predicted.length - 1;
  const cut = tracking.calibrationPeriods - 1;
  const at = (series: Float64Array, k: number) => (k >= 0 ? series[k]! : 0);
  return {
    accuracy,
    tracking,
    trackingHoldoutPredicted: at(tracking.predicted, last) - at(tracking.predicted, cut),
    trackingHoldoutActual: at(tracking.actual, last) - at(tracking.actual, cut),
  };
}
