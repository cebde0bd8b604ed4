import type { Overview } from '@kayoi/contracts';
import { firstDayOfMonthIndex, monthIndexOfEpochDay, monthLabel } from '../calendar.js';
import type { CustomerMetrics } from '../customerMetrics.js';
import type { CustomerHistories } from '../histories.js';
import type { RfmScores } from '../rfm.js';
import { secondVisitStats } from '../secondVisit.js';

/**
 * Active / at risk / lost by the RFM recency score (R4–5: a visit in the last 90 days;
 * R2–3: 91–365 days; R1: longer), not by P(alive): BG/NBD gives a customer who never came
 * back P(alive) = 1 forever, which would count every one-time customer as active.
 */
function statusCounts(rfm: RfmScores) {
  let active = 0;
  let atRisk = 0;
  let lost = 0;
  for (const r of rfm.recency) {
    if (r >= 4) active++;
    else if (r >= 2) atRisk++;
    else lost++;
  }
  return { active, atRisk, lost };
}

function revenueBetween(histories: CustomerHistories, from: number, to: number): number {
  let sum = 0;
  for (let k = 0; k < histories.day.length; k++) {
    const d = histories.day[k]!;
    if (d >= from && d <= to) sum += histories.revenue[k]!;
  }
  return sum;
}

export function overviewOf(
  histories: CustomerHistories,
  metrics: CustomerMetrics,
  rfm: RfmScores,
  clv1y: Float64Array | null,
): Overview {
  const end = histories.endDay;
  const month = monthIndexOfEpochDay(end);
  const monthStart = firstDayOfMonthIndex(month);
  const lastYearStart = firstDayOfMonthIndex(month - 12);
  const lastYearEnd = firstDayOfMonthIndex(month - 11) - 1;
  // "The same period" is the same days of the month, cut at the end of a shorter month.
  const samePeriodEnd = Math.min(lastYearStart + (end - monthStart), lastYearEnd);
  let returning = 0;
  let lastYearRevenue = 0;
  for (let i = 0; i < metrics.n; i++) {
    for (let k = histories.start[i]!; k < histories.start[i + 1]!; k++) {
      if (histories.day[k]! <= end - 365) continue;
      lastYearRevenue += histories.revenue[k]!;
      if (k > histories.start[i]!) returning += histories.revenue[k]!;
    }
  }
  const second = secondVisitStats(metrics);
  let clvSum = 0;
  if (clv1y) for (const v of clv1y) clvSum += v;
  const status = statusCounts(rfm);
  return {
    activeCustomers: status.active,
    atRiskCustomers: status.atRisk,
    lostCustomers: status.lost,
    revenueMonthToDate: Math.round(revenueBetween(histories, monthStart, end)),
    revenueSamePeriodLastYear: Math.round(revenueBetween(histories, lastYearStart, samePeriodEnd)),
    revenueSameMonthLastYear: Math.round(revenueBetween(histories, lastYearStart, lastYearEnd)),
    month: monthLabel(month),
    averagePredictedClv1y: clv1y && metrics.n > 0 ? Math.round(clvSum / metrics.n) : null,
    secondVisitRate: second.rate,
    medianDaysToSecondVisit: second.medianDaysToSecondVisit,
    returningRevenueShare: lastYearRevenue > 0 ? Math.max(0, Math.min(1, returning / lastYearRevenue)) : null,
    customers: metrics.n,
  };
}
