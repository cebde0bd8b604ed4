import type { StaffView } from '@kayoi/contracts';
import type { CustomerMetrics } from '../customerMetrics.js';
import type { CustomerHistories } from '../histories.js';
import type { CodeList } from '../input.js';
import type { CustomerScores } from '../model/scoreCustomers.js';

const WINDOW_DAYS = 365;
const RETURN_DAYS = 90;

/**
 * Per stylist over the last year: customers served, revenue, new customers (first visit with
 * them), how many of the new customers first served 90+ days ago came back within 90 days,
 * and the mean predicted CLV of "their" customers (whose latest visit was with them).
 */
export function staffViewOf(
  histories: CustomerHistories,
  metrics: CustomerMetrics,
  staff: CodeList,
  scores: CustomerScores | null,
): StaffView {
  const k = staff.ids.length;
  const end = histories.endDay;
  const served = Array.from({ length: k }, () => new Set<number>());
  const revenue = new Float64Array(k);
  const newCustomers = new Float64Array(k);
  const eligible = new Float64Array(k);
  const returned = new Float64Array(k);
  const clvSum = new Float64Array(k);
  const clvCount = new Float64Array(k);
  for (let i = 0; i < metrics.n; i++) {
    const from = histories.start[i]!;
    const to = histories.start[i + 1]!;
    for (let t = from; t < to; t++) {
      const s = histories.staff[t]!;
      if (s < 0 || histories.day[t]! <= end - WINDOW_DAYS) continue;
      served[s]!.add(i);
      revenue[s]! += histories.revenue[t]!;
    }
    const firstStaff = histories.staff[from]!;
    const first = histories.day[from]!;
    if (firstStaff >= 0 && first > end - WINDOW_DAYS) {
      newCustomers[firstStaff]!++;
      if (first <= end - RETURN_DAYS) {
        eligible[firstStaff]!++;
        const second = metrics.secondDay[i]!;
        if (second >= 0 && second - first <= RETURN_DAYS) returned[firstStaff]!++;
      }
    }
    const latestStaff = histories.staff[to - 1]!;
    if (scores && latestStaff >= 0) {
      clvSum[latestStaff]! += scores.clv1y[i]!;
      clvCount[latestStaff]!++;
    }
  }
  const rows = staff.ids.map((staffId, s) => ({
    staffId,
    label: staff.labels[s]!,
    customersServed: served[s]!.size,
    newCustomers: newCustomers[s]!,
    newCustomerReturnRate: eligible[s]! > 0 ? returned[s]! / eligible[s]! : null,
    averagePredictedClv1y: scores && clvCount[s]! > 0 ? Math.round(clvSum[s]! / clvCount[s]!) : null,
    revenue: Math.round(revenue[s]!),
  }));
  return {
    rows: rows
      .filter((r) => r.customersServed > 0)
      .sort((a, b) => b.revenue - a.revenue || a.label.localeCompare(b.label)),
    windowDays: WINDOW_DAYS,
  };
}
