import { studentTQuantile } from './distributions/studentT.js';
import { checkConfidence, DEFAULT_CONFIDENCE, type EstimateWithInterval, type NotEnoughData } from './types.js';

/** Revenue of one group within the declared window: enough for Welch's interval. */
export interface RevenueGroupSummary {
  customers: number;
  /** Mean yen per customer, counting customers who spent nothing as 0. */
  meanYen: number;
  /** Sample variance (n − 1 denominator) of yen per customer. */
  varianceYen: number;
}

/**
 * Per-group summaries from columns, one entry per customer: inHoldout (1 = held out) and yen
 * (revenue within N days, an integer; 0 for customers who did not come back). Means and
 * variances by Welford's one-pass update (Welford 1962), which does not cancel catastrophically
 * the way Σx² − n·mean² does on large yen amounts. A value that is not a finite integer gives
 * 'invalid_revenue'; columns of different length are a programming error and throw.
 */
export function summarizeRevenue(
  inHoldout: ArrayLike<number>,
  yen: ArrayLike<number>,
): { ok: true; treated: RevenueGroupSummary; holdout: RevenueGroupSummary } | NotEnoughData {
  if (inHoldout.length !== yen.length) throw new RangeError('summarizeRevenue: columns differ in length');
  const count = [0, 0];
  const mean = [0, 0];
  const squares = [0, 0];
  for (let i = 0; i < yen.length; i++) {
    const value = yen[i]!;
    if (!Number.isSafeInteger(value)) return { ok: false, reason: 'invalid_revenue' };
    const g = inHoldout[i] ? 1 : 0;
    const n = ++count[g]!;
    const delta = value - mean[g]!;
    mean[g]! += delta / n;
    squares[g]! += delta * (value - mean[g]!);
  }
  const summary = (g: number): RevenueGroupSummary => ({
    customers: count[g]!,
    meanYen: mean[g]!,
    varianceYen: count[g]! > 1 ? squares[g]! / (count[g]! - 1) : 0,
  });
  return { ok: true, treated: summary(0), holdout: summary(1) };
}

export interface RevenueUplift {
  ok: true;
  treatedMeanYen: number;
  holdoutMeanYen: number;
  /** Difference of mean yen per customer, treated − holdout, with Welch's t interval. */
  upliftYenPerCustomer: EstimateWithInterval;
  /** Welch–Satterthwaite degrees of freedom of the interval. */
  degreesOfFreedom: number;
  /** Yen the message brought: uplift per customer × treated customers, interval scaled alike. */
  incrementalYen: EstimateWithInterval;
  confidence: number;
}

/**
 * Welch's interval for a difference of means with unequal variances (Welch 1947): d ± t·se with
 * se² = s₁²/n₁ + s₀²/n₀ and the Welch–Satterthwaite degrees of freedom
 * ν = se⁴ / ((s₁²/n₁)²/(n₁ − 1) + (s₀²/n₀)²/(n₀ − 1)). Revenue is heavily skewed (most customers
 * spend 0), so the interval leans on the central limit theorem: fine for the hundreds of
 * customers per group a campaign has, optimistic for a handful.
 */
export function revenueUplift(
  treated: RevenueGroupSummary,
  holdout: RevenueGroupSummary,
  confidence = DEFAULT_CONFIDENCE,
): RevenueUplift | NotEnoughData {
  checkConfidence(confidence);
  if (treated.customers === 0 || holdout.customers === 0) return { ok: false, reason: 'empty_group' };
  if (treated.customers < 2 || holdout.customers < 2) return { ok: false, reason: 'too_few_customers' };
  const treatedTerm = treated.varianceYen / treated.customers;
  const holdoutTerm = holdout.varianceYen / holdout.customers;
  const variance = treatedTerm + holdoutTerm;
  if (!(variance > 0)) return { ok: false, reason: 'no_variation' };
  const degreesOfFreedom =
    (variance * variance) /
    ((treatedTerm * treatedTerm) / (treated.customers - 1) + (holdoutTerm * holdoutTerm) / (holdout.customers - 1));
  const halfWidth = studentTQuantile(1 - (1 - confidence) / 2, degreesOfFreedom) * Math.sqrt(variance);
  const difference = treated.meanYen - holdout.meanYen;
  const n = treated.customers;
  return {
    ok: true,
    treatedMeanYen: treated.meanYen,
    holdoutMeanYen: holdout.meanYen,
    upliftYenPerCustomer: { estimate: difference, lower: difference - halfWidth, upper: difference + halfWidth },
    degreesOfFreedom,
    incrementalYen: {
      estimate: difference * n,
      lower: (difference - halfWidth) * n,
      upper: (difference + halfWidth) * n,
    },
    confidence,
  };
}
