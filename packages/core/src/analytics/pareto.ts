/**
 * How concentrated revenue is: the cumulative share of revenue held by the top p % of
 * customers (a Lorenz curve read from the top), and the share of the top 20 %.
 *
 * "The top 20 %" of n customers is 0.2·n customers, which is rarely whole: the curve is
 * linear between customers (the fractional customer contributes that fraction of their
 * revenue), so the share does not jump with n and agrees with a rank-based count whenever
 * 0.2·n is whole.
 */
export interface RevenueConcentration {
  customers: number;
  totalRevenue: number;
  /** Revenue share of the top 20 % of customers by revenue; null without revenue. */
  top20Share: number | null;
  /** Points (customerShare, revenueShare), customerShare 0, 0.01, …, 1. */
  curve: { customerShare: number; revenueShare: number }[];
}

export function revenueConcentration(revenue: ArrayLike<number>, points = 100): RevenueConcentration {
  const n = revenue.length;
  const sorted = Float64Array.from(revenue).sort().reverse();
  const cumulative = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) cumulative[i + 1] = cumulative[i]! + sorted[i]!;
  const total = cumulative[n]!;
  const shareOfTop = (fraction: number): number => {
    const customers = fraction * n;
    const whole = Math.floor(customers);
    const partial = whole < n ? (customers - whole) * sorted[whole]! : 0;
    return (cumulative[whole]! + partial) / total;
  };
  const curve: RevenueConcentration['curve'] = [];
  if (total > 0) {
    for (let k = 0; k <= points; k++) curve.push({ customerShare: k / points, revenueShare: shareOfTop(k / points) });
  }
  return { customers: n, totalRevenue: total, top20Share: total > 0 ? shareOfTop(0.2) : null, curve };
}
