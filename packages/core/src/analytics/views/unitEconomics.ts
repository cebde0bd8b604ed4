import type { UnitEconomicsView } from '@kayoi/contracts';
import { monthIndexOf, monthIndexOfEpochDay, monthLabel } from '../calendar.js';
import type { CustomerMetrics } from '../customerMetrics.js';
import type { CustomerHistories } from '../histories.js';
import type { AnalyticsInput } from '../input.js';
import type { LtvModelRun } from '../model/runLtvModels.js';
import { DAYS_PER_MONTH } from '../model/timeGrid.js';

const yen = Math.round;
const PAYBACK_MONTHS = 24;
/** Below this many customers a historical average is too noisy to stand for a group. */
const MIN_GROUP = 20;

/**
 * Each customer's value over their first 365 days on the CLV basis: what they spent where
 * a year has passed; for younger customers, what they spent so far plus the model's
 * expectation for the rest of their first year (undiscounted, at their expected spend).
 */
export function firstYearValues(
  histories: CustomerHistories,
  run: LtvModelRun,
  basis: Float64Array,
  spendPerVisit: Float64Array | null,
): Float64Array {
  const { metrics } = run;
  const count = run.diagnostics.count;
  const out = new Float64Array(metrics.n);
  const path = new Float64Array(2);
  const times = new Float64Array(2);
  for (let i = 0; i < metrics.n; i++) {
    const first = metrics.firstDay[i]!;
    let value = 0;
    for (let k = histories.start[i]!; k < histories.start[i + 1]! && histories.day[k]! < first + 365; k++)
      value += basis[k]!;
    const age = metrics.T[i]!;
    if (age < 365 && count && spendPerVisit && run.model) {
      times[1] = 365 - age;
      run.model.expectationPath(count.params, times, metrics.frequency[i]!, metrics.recency[i]!, metrics.T[i]!, path);
      value += path[1]! * spendPerVisit[i]!;
    }
    out[i] = value;
  }
  return out;
}

/** Mean cumulative value per customer k months after the first visit, over customers at least k months old. */
function cumulativeValueCurve(
  histories: CustomerHistories,
  metrics: CustomerMetrics,
  members: readonly number[],
  basis: Float64Array,
): Float64Array {
  const sum = new Float64Array(PAYBACK_MONTHS + 1);
  const count = new Float64Array(PAYBACK_MONTHS + 1);
  for (const i of members) {
    const first = metrics.firstDay[i]!;
    const ageMonths = Math.min(PAYBACK_MONTHS, Math.floor((histories.endDay - first) / DAYS_PER_MONTH));
    const byMonth = new Float64Array(PAYBACK_MONTHS + 1);
    for (let k = histories.start[i]!; k < histories.start[i + 1]!; k++) {
      const m = Math.floor((histories.day[k]! - first) / DAYS_PER_MONTH);
      if (m <= PAYBACK_MONTHS) byMonth[m]! += basis[k]!;
    }
    let running = 0;
    for (let m = 0; m <= ageMonths; m++) {
      running += byMonth[m]!;
      sum[m]! += running;
      count[m]!++;
    }
  }
  return sum.map((s, m) => (count[m]! >= MIN_GROUP || (m === 0 && count[m]! > 0) ? s / count[m]! : NaN));
}

export function unitEconomicsOf(
  histories: CustomerHistories,
  run: LtvModelRun,
  input: AnalyticsInput,
  channelOf: Int32Array,
): UnitEconomicsView {
  const { metrics } = run;
  const basis = input.settings.spendBasis === 'gross_profit' ? histories.profit : histories.revenue;
  const endMonth = monthIndexOfEpochDay(histories.endDay);
  const fromMonth = endMonth - 11;
  const values = firstYearValues(histories, run, basis, run.scores?.expectedSpend ?? null);
  // The what-if speaks of revenue, whatever the CLV basis.
  const revenueValues =
    basis === histories.revenue ? values : firstYearValues(histories, run, histories.revenue, run.revenueSpend);
  const monthly = new Map<string, { month: string; channelId: string; adSpend: number; newCustomers: number }>();
  const cell = (month: number, channel: number) => {
    const key = `${month}:${channel}`;
    let row = monthly.get(key);
    if (!row)
      monthly.set(
        key,
        (row = { month: monthLabel(month), channelId: input.channels.ids[channel]!, adSpend: 0, newCustomers: 0 }),
      );
    return row;
  };
  for (const spend of input.adSpend) {
    const m = monthIndexOf(spend.month);
    if (m >= fromMonth && m <= endMonth && spend.channel >= 0) cell(m, spend.channel).adSpend += spend.amount;
  }
  const membersByChannel = new Map<number, number[]>();
  for (let i = 0; i < metrics.n; i++) {
    const c = channelOf[i]!;
    if (c < 0) continue;
    let list = membersByChannel.get(c);
    if (!list) membersByChannel.set(c, (list = []));
    list.push(i);
    const m = monthIndexOfEpochDay(metrics.firstDay[i]!);
    if (m >= fromMonth && m <= endMonth) cell(m, c).newCustomers++;
  }
  const channels = input.channels.ids.map((channelId, c) => {
    const rows = [...monthly.values()].filter((r) => r.channelId === channelId);
    const adSpend = rows.reduce((s, r) => s + r.adSpend, 0);
    const members = membersByChannel.get(c) ?? [];
    const recent = members.filter((i) => monthIndexOfEpochDay(metrics.firstDay[i]!) >= fromMonth);
    const newCustomers = recent.length;
    const cac = newCustomers > 0 && adSpend > 0 ? adSpend / newCustomers : null;
    const firstYearValue = newCustomers > 0 ? recent.reduce((s, i) => s + values[i]!, 0) / newCustomers : null;
    let payback: number | null = null;
    if (cac !== null) {
      const curve = cumulativeValueCurve(histories, metrics, members, basis);
      const month = curve.findIndex((v) => v >= cac);
      payback = month >= 0 ? month : null;
    }
    return {
      channelId,
      label: input.channels.labels[c]!,
      adSpend: yen(adSpend),
      newCustomers,
      acquisitionCost: cac === null ? null : yen(cac),
      firstYearValue: firstYearValue === null ? null : yen(firstYearValue),
      ltvToCac: cac !== null && firstYearValue !== null ? firstYearValue / cac : null,
      paybackMonths: payback,
    };
  });
  return {
    from: monthLabel(fromMonth),
    to: monthLabel(endMonth),
    channels: channels.filter((c) => c.adSpend > 0 || c.newCustomers > 0),
    monthly: [...monthly.values()]
      .sort((a, b) => a.month.localeCompare(b.month) || a.channelId.localeCompare(b.channelId))
      .map((r) => ({ ...r, adSpend: yen(r.adSpend) })),
    baseline: baselineOf(histories, run, revenueValues, input, fromMonth, endMonth),
  };
}

/**
 * What the what-if needs: the next twelve months of the forecast, last year's ad spend, and
 * the first-year value of customers who did and did not come back a second time — observed
 * on customers acquired one to two years ago, whose first year is complete.
 */
function baselineOf(
  histories: CustomerHistories,
  run: LtvModelRun,
  values: Float64Array,
  input: AnalyticsInput,
  fromMonth: number,
  endMonth: number,
): UnitEconomicsView['baseline'] {
  const { metrics } = run;
  const months = run.forecast.filter((m) => m.days >= 28).slice(0, 12);
  const repeat: number[] = [];
  const once: number[] = [];
  for (let i = 0; i < metrics.n; i++) {
    const first = metrics.firstDay[i]!;
    if (first > histories.endDay - 365 || first <= histories.endDay - 730) continue;
    const second = metrics.secondDay[i]!;
    (second >= 0 && second < first + 365 ? repeat : once).push(values[i]!);
  }
  const mean = (xs: number[]) => (xs.length >= MIN_GROUP ? xs.reduce((s, v) => s + v, 0) / xs.length : null);
  const all = [...repeat, ...once];
  let adSpend = 0;
  for (const s of input.adSpend) {
    const m = monthIndexOf(s.month);
    if (m >= fromMonth && m <= endMonth) adSpend += s.amount;
  }
  const repeaterValue = mean(repeat);
  const oneTimerValue = mean(once);
  const newValue = mean(all);
  return {
    newCustomersNext12Months: months.reduce((s, m) => s + m.newCustomers, 0),
    adSpendLast12Months: yen(adSpend),
    existingRevenueNext12Months: yen(months.reduce((s, m) => s + m.existingRevenue, 0)),
    newCustomerRevenueNext12Months: yen(months.reduce((s, m) => s + m.newCustomerRevenue, 0)),
    firstYearValueRepeater: repeaterValue === null ? null : yen(repeaterValue),
    firstYearValueOneTimer: oneTimerValue === null ? null : yen(oneTimerValue),
    firstYearValueNewCustomer: newValue === null ? null : yen(newValue),
    secondVisitRate: all.length >= MIN_GROUP ? repeat.length / all.length : null,
  };
}
