import type { CustomerMetrics } from './customerMetrics.js';

/**
 * The second visit is the first habit a shop has to win: a visit on a later calendar day
 * than the first (same-day visits were merged into one day already).
 */
export interface SecondVisitStats {
  customers: number;
  /** Customers with a second visit. */
  repeatCustomers: number;
  /** repeatCustomers / customers; null without customers. */
  rate: number | null;
  /** Median days from the first to the second visit among repeat customers; null without any. */
  medianDaysToSecondVisit: number | null;
}

/** Median of values (sorted in place), the mean of the middle two for an even count. */
export function medianInPlace(values: Float64Array | number[]): number | null {
  if (values.length === 0) return null;
  const sorted = values instanceof Float64Array ? values.sort() : values.sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Over the customers at `members` (all of them when null). */
export function secondVisitStatsOf(metrics: CustomerMetrics, members: ArrayLike<number> | null): SecondVisitStats {
  const count = members ? members.length : metrics.n;
  const gaps: number[] = [];
  for (let k = 0; k < count; k++) {
    const i = members ? members[k]! : k;
    const second = metrics.secondDay[i]!;
    if (second >= 0) gaps.push(second - metrics.firstDay[i]!);
  }
  return {
    customers: count,
    repeatCustomers: gaps.length,
    rate: count > 0 ? gaps.length / count : null,
    medianDaysToSecondVisit: medianInPlace(gaps),
  };
}

/** Over every customer of the metrics. */
export function secondVisitStats(metrics: CustomerMetrics): SecondVisitStats {
  return secondVisitStatsOf(metrics, null);
}

/**
 * Per group: `groupOf(i)` names customer i's group (channel, first service, first staff,
 * store…), null to leave the customer out. Groups come back largest first.
 */
export function secondVisitStatsBy(
  metrics: CustomerMetrics,
  groupOf: (customer: number) => string | null,
): { group: string; stats: SecondVisitStats }[] {
  const members = new Map<string, number[]>();
  for (let i = 0; i < metrics.n; i++) {
    const group = groupOf(i);
    if (group === null) continue;
    let list = members.get(group);
    if (!list) members.set(group, (list = []));
    list.push(i);
  }
  return [...members]
    .map(([group, list]) => ({ group, stats: secondVisitStatsOf(metrics, list) }))
    .sort((a, b) => b.stats.customers - a.stats.customers || a.group.localeCompare(b.group));
}
