import type { CustomerHistories } from './histories.js';

/**
 * Per-customer facts of the histories, one column each (customer i at index i), and the
 * summary the purchase models read, in days:
 * - frequency x = visit days after the first; recency t_x = last − first day;
 *   T = endDay − first day; monetary = mean spend of the repeat days (Gamma-Gamma leaves the
 *   first visit out), 0 for one-time customers.
 */
export interface CustomerMetrics {
  readonly n: number;
  readonly firstDay: Int32Array;
  readonly lastDay: Int32Array;
  /** The second visit day, or −1 for a one-time customer. */
  readonly secondDay: Int32Array;
  readonly visitDays: Int32Array;
  readonly revenue: Float64Array;
  readonly profit: Float64Array;
  readonly frequency: Float64Array;
  readonly recency: Float64Array;
  readonly T: Float64Array;
  /** Mean repeat-day revenue. */
  readonly repeatRevenueMean: Float64Array;
  /** Mean repeat-day gross profit. */
  readonly repeatProfitMean: Float64Array;
  readonly endDay: number;
}

export function customerMetricsOf(histories: CustomerHistories): CustomerMetrics {
  const n = histories.ids.length;
  const { start, day, revenue: dayRevenue, profit: dayProfit, endDay } = histories;
  const firstDay = new Int32Array(n);
  const lastDay = new Int32Array(n);
  const secondDay = new Int32Array(n);
  const visitDays = new Int32Array(n);
  const revenue = new Float64Array(n);
  const profit = new Float64Array(n);
  const frequency = new Float64Array(n);
  const recency = new Float64Array(n);
  const T = new Float64Array(n);
  const repeatRevenueMean = new Float64Array(n);
  const repeatProfitMean = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const from = start[i]!;
    const to = start[i + 1]!;
    let totalRevenue = 0;
    let totalProfit = 0;
    for (let k = from; k < to; k++) {
      totalRevenue += dayRevenue[k]!;
      totalProfit += dayProfit[k]!;
    }
    const visits = to - from;
    firstDay[i] = day[from]!;
    lastDay[i] = day[to - 1]!;
    secondDay[i] = visits > 1 ? day[from + 1]! : -1;
    visitDays[i] = visits;
    revenue[i] = totalRevenue;
    profit[i] = totalProfit;
    frequency[i] = visits - 1;
    recency[i] = lastDay[i]! - firstDay[i]!;
    T[i] = endDay - firstDay[i]!;
    if (visits > 1) {
      repeatRevenueMean[i] = (totalRevenue - dayRevenue[from]!) / (visits - 1);
      repeatProfitMean[i] = (totalProfit - dayProfit[from]!) / (visits - 1);
    }
  }
  return {
    n,
    firstDay,
    lastDay,
    secondDay,
    visitDays,
    revenue,
    profit,
    frequency,
    recency,
    T,
    repeatRevenueMean,
    repeatProfitMean,
    endDay,
  };
}
