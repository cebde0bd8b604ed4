import { monthIndexOfEpochDay, monthLabel } from './calendar.js';
import type { CustomerHistories } from './histories.js';

/**
 * Monthly acquisition cohorts: customers grouped by the calendar month of their first visit,
 * followed month by month. Cell k of a cohort is calendar month (cohort month + k); its
 * retention is the share of the cohort with at least one visit in that month (month 0 is
 * 100 % by construction), its revenue per customer is that month's revenue over the cohort
 * size, and the cumulative figure adds the months so far — the cohort's historical LTV curve.
 */
export interface CohortCell {
  monthsSince: number;
  activeCustomers: number;
  retention: number;
  revenue: number;
  revenuePerCustomer: number;
  cumulativeRevenuePerCustomer: number;
  /** The month is still running (it holds the last observed day, not the month's last). */
  partial: boolean;
}

export interface Cohort {
  /** 'YYYY-MM' */
  month: string;
  customers: number;
  cells: CohortCell[];
}

export function monthlyCohorts(histories: CustomerHistories, options: { lastCohorts?: number } = {}): Cohort[] {
  const { start, day, revenue, endDay } = histories;
  const n = histories.ids.length;
  if (n === 0) return [];
  const endMonth = monthIndexOfEpochDay(endDay);
  const endIsMonthEnd = monthIndexOfEpochDay(endDay + 1) !== endMonth;
  const cohortOf = new Int32Array(n);
  let firstMonth = endMonth;
  for (let i = 0; i < n; i++) {
    cohortOf[i] = monthIndexOfEpochDay(day[start[i]!]!);
    if (cohortOf[i]! < firstMonth) firstMonth = cohortOf[i]!;
  }
  const months = endMonth - firstMonth + 1;
  // One row per cohort month, one column per months-since; cells past the end stay unused.
  const size = new Float64Array(months);
  const active = new Float64Array(months * months);
  const money = new Float64Array(months * months);
  for (let i = 0; i < n; i++) {
    const c = cohortOf[i]! - firstMonth;
    size[c]!++;
    let lastCounted = -1;
    for (let v = start[i]!; v < start[i + 1]!; v++) {
      const k = monthIndexOfEpochDay(day[v]!) - cohortOf[i]!;
      money[c * months + k]! += revenue[v]!;
      if (k !== lastCounted) {
        active[c * months + k]!++;
        lastCounted = k;
      }
    }
  }
  const cohorts: Cohort[] = [];
  for (let c = 0; c < months; c++) {
    if (size[c] === 0) continue;
    const cells: CohortCell[] = [];
    let cumulative = 0;
    for (let k = 0; firstMonth + c + k <= endMonth; k++) {
      const cellRevenue = money[c * months + k]!;
      cumulative += cellRevenue;
      cells.push({
        monthsSince: k,
        activeCustomers: active[c * months + k]!,
        retention: active[c * months + k]! / size[c]!,
        revenue: cellRevenue,
        revenuePerCustomer: cellRevenue / size[c]!,
        cumulativeRevenuePerCustomer: cumulative / size[c]!,
        partial: firstMonth + c + k === endMonth && !endIsMonthEnd,
      });
    }
    cohorts.push({ month: monthLabel(firstMonth + c), customers: size[c]!, cells });
  }
  return options.lastCohorts === undefined ? cohorts : cohorts.slice(-options.lastCohorts);
}
