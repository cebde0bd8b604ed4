import { normalQuantile } from './distributions/normal.js';
import {
  checkConfidence,
  DEFAULT_CONFIDENCE,
  type BinaryOutcomeCounts,
  type Interval,
  type NotEnoughData,
} from './types.js';

/**
 * Intervals for a proportion and for the difference of two independent proportions, as compared
 * by Newcombe, "Interval estimation for the difference between independent proportions:
 * comparison of eleven methods", Statistics in Medicine 17 (1998) 873–890.
 */

/**
 * Wilson's score interval for x events in n trials (Wilson 1927; Newcombe 1998 method 3 for a
 * single proportion): the roots of |p − x/n| = z √(p(1 − p)/n). Unlike the Wald interval it stays
 * inside [0, 1] and is not degenerate at 0 or n events. n must be positive.
 */
export function wilsonInterval(events: number, customers: number, z: number): Interval {
  const p = events / customers;
  const z2 = z * z;
  const denominator = 1 + z2 / customers;
  const centre = (p + z2 / (2 * customers)) / denominator;
  const halfWidth = (z * Math.sqrt((p * (1 - p)) / customers + z2 / (4 * customers * customers))) / denominator;
  // Clamp rounding only: mathematically the interval is inside [0, 1] and contains p.
  return { lower: Math.max(0, Math.min(p, centre - halfWidth)), upper: Math.min(1, Math.max(p, centre + halfWidth)) };
}

export interface ProportionDifference {
  ok: true;
  /** Rate of the first group, events / customers. */
  rate1: number;
  /** Rate of the second group. */
  rate2: number;
  /** rate1 − rate2. */
  difference: number;
  /** Newcombe's hybrid score interval (method 10): the one to report. */
  newcombe: Interval;
  /**
   * The Wald interval d ± z √(p₁q₁/n₁ + p₂q₂/n₂) (Newcombe's method 1), for comparison only: it
   * collapses to a point at 0 or n events and undercovers for small groups.
   */
  wald: Interval;
  confidence: number;
}

function validCounts(group: BinaryOutcomeCounts): boolean {
  const { events, customers } = group;
  return Number.isInteger(events) && Number.isInteger(customers) && events >= 0 && events <= customers;
}

/** 'empty_group' or 'invalid_counts' when the two groups cannot be compared, else null. */
function checkTwoGroups(first: BinaryOutcomeCounts, second: BinaryOutcomeCounts): NotEnoughData | null {
  if (!validCounts(first) || !validCounts(second)) return { ok: false, reason: 'invalid_counts' };
  if (first.customers === 0 || second.customers === 0) return { ok: false, reason: 'empty_group' };
  return null;
}

/**
 * The difference of two independent proportions with Newcombe's hybrid score interval (method 10
 * of Newcombe 1998, eq. in section 2.2, without continuity correction), built from the Wilson
 * intervals (l₁, u₁), (l₂, u₂) of each group:
 *   lower = d − √((p₁ − l₁)² + (u₂ − p₂)²),  upper = d + √((u₁ − p₁)² + (p₂ − l₂)²).
 * Newcombe found its coverage close to nominal down to small groups and at 0 or n events.
 */
export function proportionDifference(
  first: BinaryOutcomeCounts,
  second: BinaryOutcomeCounts,
  confidence = DEFAULT_CONFIDENCE,
): ProportionDifference | NotEnoughData {
  checkConfidence(confidence);
  const failure = checkTwoGroups(first, second);
  if (failure) return failure;
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const p1 = first.events / first.customers;
  const p2 = second.events / second.customers;
  const difference = p1 - p2;
  const w1 = wilsonInterval(first.events, first.customers, z);
  const w2 = wilsonInterval(second.events, second.customers, z);
  const newcombe = {
    lower: difference - Math.hypot(p1 - w1.lower, w2.upper - p2),
    upper: difference + Math.hypot(w1.upper - p1, p2 - w2.lower),
  };
  const waldHalfWidth = z * Math.sqrt((p1 * (1 - p1)) / first.customers + (p2 * (1 - p2)) / second.customers);
  return {
    ok: true,
    rate1: p1,
    rate2: p2,
    difference,
    newcombe,
    wald: { lower: difference - waldHalfWidth, upper: difference + waldHalfWidth },
    confidence,
  };
}
