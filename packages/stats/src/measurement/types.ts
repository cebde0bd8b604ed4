/** Shared shapes of the measurement statistics. */

/** A two-sided confidence interval. */
export interface Interval {
  lower: number;
  upper: number;
}

/** An estimate with its confidence interval. */
export interface EstimateWithInterval extends Interval {
  estimate: number;
}

/** One group of a binary outcome: how many customers, and how many of them had the outcome. */
export interface BinaryOutcomeCounts {
  /** Customers with the outcome (e.g. came back within N days). */
  events: number;
  /** Customers in the group. */
  customers: number;
}

/**
 * Why a statistic could not be computed from the data at hand. These are expected outcomes of
 * real campaigns (a tiny audience, a holdout of nobody), so they are values, never NaN or throws.
 */
export type NotEnoughDataReason =
  /** A group has no customers. */
  | 'empty_group'
  /** Counts that cannot be: negative, non-integer, or more events than customers. */
  | 'invalid_counts'
  /** A revenue group has fewer than two customers, so its variance is unknown. */
  | 'too_few_customers'
  /** A revenue value that is not a finite integer number of yen. */
  | 'invalid_revenue'
  /** Every customer in both revenue groups spent the same, so no interval can be formed. */
  | 'no_variation'
  /** The baseline rate is outside [0, 1), so no uplift can be detected on it. */
  | 'baseline_out_of_range'
  /** The uplift would take the treated rate outside [0, 1]. */
  | 'uplift_out_of_range'
  /** Even the largest possible uplift would not reach the requested power with this audience. */
  | 'undetectable';

export interface NotEnoughData {
  ok: false;
  reason: NotEnoughDataReason;
}

/** Two-sided confidence level; 0.95 unless a caller asks otherwise. */
export const DEFAULT_CONFIDENCE = 0.95;

export function checkConfidence(confidence: number): void {
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
}
