import { proportionDifference } from './proportionDifference.js';
import {
  DEFAULT_CONFIDENCE,
  type BinaryOutcomeCounts,
  type EstimateWithInterval,
  type Interval,
  type NotEnoughData,
} from './types.js';

/** What a message did to a binary outcome declared before sending (came back within N days). */
export interface BinaryUplift {
  ok: true;
  treated: BinaryOutcomeCounts;
  holdout: BinaryOutcomeCounts;
  /** Share of treated (sent-to) customers with the outcome. */
  treatedRate: number;
  /** Share of held-out customers with the outcome: what would have happened without the message. */
  holdoutRate: number;
  /** treatedRate − holdoutRate, with Newcombe's hybrid score interval (method 10). */
  absoluteUplift: EstimateWithInterval;
  /** The Wald interval of the same difference, shown for comparison only. */
  waldInterval: Interval;
  /** (treatedRate − holdoutRate) / holdoutRate, a point estimate; null when the holdout rate is 0. */
  relativeUplift: number | null;
  /**
   * Customers who had the outcome because of the message (the report's "incremental visits"):
   * absolute uplift × treated customers, the interval scaled the same way — the holdout stands
   * for what the treated group would have done unsent.
   */
  incrementalCustomers: EstimateWithInterval;
  confidence: number;
}

/**
 * Uplift of the treated group over the holdout on a binary outcome. Failures are values:
 * 'empty_group' when either group has nobody, 'invalid_counts' for impossible counts.
 */
export function binaryUplift(
  treated: BinaryOutcomeCounts,
  holdout: BinaryOutcomeCounts,
  confidence = DEFAULT_CONFIDENCE,
): BinaryUplift | NotEnoughData {
  const comparison = proportionDifference(treated, holdout, confidence);
  if (!comparison.ok) return comparison;
  const { rate1: treatedRate, rate2: holdoutRate, difference, newcombe, wald } = comparison;
  const n = treated.customers;
  return {
    ok: true,
    treated: { ...treated },
    holdout: { ...holdout },
    treatedRate,
    holdoutRate,
    absoluteUplift: { estimate: difference, ...newcombe },
    waldInterval: wald,
    relativeUplift: holdoutRate > 0 ? difference / holdoutRate : null,
    incrementalCustomers: { estimate: difference * n, lower: newcombe.lower * n, upper: newcombe.upper * n },
    confidence,
  };
}

/**
 * Counts of a binary outcome per group from columns, one entry per customer of the audience:
 * inHoldout (1 = held out, as assignHoldout gives) and outcome (1 = had the outcome).
 * Columns of different length are a programming error and throw.
 */
export function countBinaryOutcomes(
  inHoldout: ArrayLike<number>,
  outcome: ArrayLike<number>,
): { treated: BinaryOutcomeCounts; holdout: BinaryOutcomeCounts } {
  if (inHoldout.length !== outcome.length) throw new RangeError('countBinaryOutcomes: columns differ in length');
  let holdoutCustomers = 0;
  let holdoutEvents = 0;
  let treatedEvents = 0;
  for (let i = 0; i < inHoldout.length; i++) {
    const event = outcome[i] ? 1 : 0;
    if (inHoldout[i]) {
      holdoutCustomers++;
      holdoutEvents += event;
    } else treatedEvents += event;
  }
  return {
    treated: { events: treatedEvents, customers: inHoldout.length - holdoutCustomers },
    holdout: { events: holdoutEvents, customers: holdoutCustomers },
  };
}
