import type { UnitEconomicsView, WhatIfQuery, WhatIfResult } from '@kayoi/contracts';

/**
 * The revenue effect over the next twelve months of three levers, side by side, from one
 * run's baseline (see unitEconomics.ts). Deliberately simple and stated:
 * - second-visit rate +X points: X % of next year's new customers become repeaters, each
 *   worth the first-year difference between a repeater and a one-time customer;
 * - retention +X %: existing customers' expected revenue rises by X %;
 * - acquisition +X %: X % more new customers, each worth a new customer's first-year value,
 *   bought at today's cost per customer (X % more ad spend).
 */
export function whatIf(baseline: UnitEconomicsView['baseline'], query: WhatIfQuery): WhatIfResult {
  const extraRepeaters = (baseline.newCustomersNext12Months * query.secondVisitRatePoints) / 100;
  const repeaterGain =
    baseline.firstYearValueRepeater !== null && baseline.firstYearValueOneTimer !== null
      ? baseline.firstYearValueRepeater - baseline.firstYearValueOneTimer
      : 0;
  const extraCustomers = (baseline.newCustomersNext12Months * query.acquisitionPercent) / 100;
  const acquisitionRevenue = extraCustomers * (baseline.firstYearValueNewCustomer ?? 0);
  const acquisitionCost = (baseline.adSpendLast12Months * query.acquisitionPercent) / 100;
  return {
    secondVisit: { extraRepeaters, revenue: Math.round(extraRepeaters * repeaterGain) },
    retention: { revenue: Math.round((baseline.existingRevenueNext12Months * query.retentionPercent) / 100) },
    acquisition: {
      extraCustomers,
      revenue: Math.round(acquisitionRevenue),
      cost: Math.round(acquisitionCost),
      net: Math.round(acquisitionRevenue - acquisitionCost),
    },
  };
}
