import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AnalyticsSettings } from '@kayoi/contracts';
import { parseDay } from '@kayoi/stats';
import { computeAnalytics, CustomerHistoriesBuilder, whatIf, type AnalyticsInput } from '../../src/analytics/index.js';
import { END_DAY, HAND_MADE_VISITS } from './handMadeShop.js';

/**
 * The hand-made salon with who served each visit and where each customer came from:
 * A, B, C from HotPepper (0), D, E from Instagram (1), F unknown. Staff: 0 佐藤, 1 伊藤.
 */
const staffOf: Record<string, number> = {
  'A 2026-01-05': 0,
  'A 2026-02-10': 0,
  'A 2026-06-20': 1,
  'B 2026-01-20': 1,
  'D 2026-03-10': 1,
  'D 2026-03-31': 1,
  'E 2026-06-25': 0,
  'F 2025-12-15': 1,
  'F 2026-01-14': 1,
};
/** Everyone at 本店 (0) except A's and C's latest visits, at 駅前店 (1). */
const storeOf: Record<string, number> = { 'A 2026-06-20': 1, 'C 2026-06-01': 1 };
const channelOf: Record<string, number> = { A: 0, B: 0, C: 0, D: 1, E: 1, F: -1, G: 0 };

function handMadeInput(): AnalyticsInput {
  const builder = new CustomerHistoriesBuilder();
  for (const id of 'ABCDEFG') builder.addCustomer(id);
  for (const [customer, day, revenue, profit] of HAND_MADE_VISITS)
    builder.addVisit(builder.addCustomer(customer), parseDay(day)!, revenue, profit, {
      store: storeOf[`${customer} ${day}`] ?? 0,
      staff: staffOf[`${customer} ${day}`] ?? 0,
      service: -1,
    });
  const list = (ids: string[], labels: string[]) => ({ ids, labels });
  return {
    endDay: END_DAY,
    visits: builder.columns(),
    customers: {
      gender: ['female', 'female', 'male', 'female', 'unspecified', 'female', 'male'],
      birthYear: Int32Array.from([1990, 1985, 0, 2001, 1970, 1960, 1999]),
      area: new Int32Array(7).fill(-1),
      channel: Int32Array.from('ABCDEFG'.split('').map((id) => channelOf[id]!)),
    },
    stores: list(['s0', 's1'], ['本店', '駅前店']),
    staff: list(['u0', 'u1'], ['佐藤', '伊藤']),
    channels: list(['hotpepper', 'instagram'], ['HotPepper', 'Instagram']),
    services: list([], []),
    areas: list([], []),
    adSpend: [
      { channel: 0, month: '2026-06', amount: 30000 },
      { channel: 0, month: '2026-01', amount: 20000 },
      { channel: 1, month: '2026-03', amount: 10000 },
      { channel: 1, month: '2025-06', amount: 99999 }, // a year and more ago: outside the window
    ],
    serviceMinutesPerVisit: null,
    settings: AnalyticsSettings.parse({}),
    earlierRuns: [],
  };
}

describe('analytics views on the hand-made salon (worked out by hand)', () => {
  const computed = computeAnalytics(handMadeInput());
  const { results } = computed;

  it('skips the models with four repeat customers, and says why', () => {
    assert.equal(computed.diagnostics.skipped, 'too_few_repeat_customers');
    assert.equal(results.overview.averagePredictedClv1y, null);
  });

  it('overview: June to date, statuses by recency, returning revenue share', () => {
    assert.deepEqual(
      { ...results.overview },
      {
        activeCustomers: 3, // A 10 days, C 29, E 5
        atRiskCustomers: 3, // B 161, D 91, F 167
        lostCustomers: 0,
        revenueMonthToDate: 14000, // A 7,000 + C 3,000 + E 4,000
        revenueSamePeriodLastYear: 0,
        revenueSameMonthLastYear: 0,
        month: '2026-06',
        averagePredictedClv1y: null,
        secondVisitRate: 4 / 6,
        medianDaysToSecondVisit: 25.5,
        returningRevenueShare: 32000 / 65000, // A 13,000 + C 15,000 + D 2,000 + F 2,000
        customers: 6,
      },
    );
  });

  it('second-visit rate by channel and by first staff', () => {
    const byChannel = results.cohorts.secondVisit.channel.map((g) => [
      g.group,
      g.customers,
      g.repeatCustomers,
      g.medianDaysToSecondVisit,
    ]);
    assert.deepEqual(byChannel, [
      ['hotpepper', 3, 2, 25], // A 36, C 14
      ['instagram', 2, 1, 21], // D
      ['unknown', 1, 1, 30], // F
    ]);
    const byStaff = results.cohorts.secondVisit.firstStaff.map((g) => [g.label, g.customers, g.repeatCustomers]);
    assert.deepEqual(byStaff, [
      ['佐藤', 3, 2], // A, C (E once)
      ['伊藤', 3, 2], // D, F (B once)
    ]);
  });

  it('unit economics: acquisition cost per channel over the last twelve months', () => {
    const channels = Object.fromEntries(results.unitEconomics.channels.map((c) => [c.channelId, c]));
    assert.equal(results.unitEconomics.from, '2025-07');
    assert.deepEqual(
      [channels.hotpepper!.adSpend, channels.hotpepper!.newCustomers, channels.hotpepper!.acquisitionCost],
      [50000, 3, 16667],
    );
    assert.deepEqual(
      [channels.instagram!.adSpend, channels.instagram!.newCustomers, channels.instagram!.acquisitionCost],
      [10000, 2, 5000],
    );
    // First-year value so far (no model): HotPepper A 19,000 + B 8,000 + C 18,000.
    assert.equal(channels.hotpepper!.firstYearValue, 15000);
    assert.ok(Math.abs(channels.hotpepper!.ltvToCac! - 15000 / (50000 / 3)) < 1e-12);
    assert.deepEqual(
      results.unitEconomics.monthly.map((m) => [m.month, m.channelId, m.adSpend, m.newCustomers]),
      [
        ['2026-01', 'hotpepper', 20000, 2],
        ['2026-02', 'hotpepper', 0, 1],
        ['2026-03', 'instagram', 10000, 1],
        ['2026-06', 'hotpepper', 30000, 0],
        ['2026-06', 'instagram', 0, 1],
      ],
    );
  });

  it('staff: customers served, their new customers’ 90-day return rate, revenue', () => {
    assert.deepEqual(
      results.staff.rows.map((r) => [r.label, r.customersServed, r.newCustomers, r.newCustomerReturnRate, r.revenue]),
      [
        ['佐藤', 3, 3, 1, 34000], // A, C, E; A and C first served before April, both back within 90 days
        ['伊藤', 4, 3, 2 / 3, 31000], // A, B, D, F; of B, D, F, D and F came back
      ],
    );
  });

  it('monitoring: the return rate of the last week by channel', () => {
    const channel = results.monitoring.find((m) => m.dimension === 'channel')!;
    const last = (group: string) => channel.groups.find((g) => g.group === group)!.points.at(-1)!;
    // Visited 2026-01-02…04-01 and back 04-02…06-30: HotPepper A, B, C → A, C; Instagram D → none.
    assert.deepEqual([last('hotpepper').base, last('hotpepper').returnRate], [3, 2 / 3]);
    assert.deepEqual([last('instagram').base, last('instagram').returnRate], [1, 0]);
    // Repeat visits of the last 90 days: A 06-20 (new stylist, new store), C 05-01 (same both),
    // C 06-01 (same stylist, new store).
    assert.deepEqual([last('hotpepper').sameStaffShare, last('hotpepper').sameStoreShare], [2 / 3, 1 / 3]);
    assert.equal(channel.groups[0]!.points.length, 26);
    assert.equal(channel.groups[0]!.points.at(-1)!.weekEnd, '2026-06-30');
  });

  it('what-if: each lever from the baseline, as stated', () => {
    const result = whatIf(
      {
        newCustomersNext12Months: 200,
        adSpendLast12Months: 600000,
        existingRevenueNext12Months: 10_000_000,
        newCustomerRevenueNext12Months: 2_000_000,
        firstYearValueRepeater: 30000,
        firstYearValueOneTimer: 8000,
        firstYearValueNewCustomer: 15000,
        secondVisitRate: 0.4,
      },
      { secondVisitRatePoints: 5, retentionPercent: 3, acquisitionPercent: 10 },
    );
    assert.deepEqual(result, {
      secondVisit: { extraRepeaters: 10, revenue: 220000 },
      retention: { revenue: 300000 },
      acquisition: { extraCustomers: 20, revenue: 300000, cost: 60000, net: 240000 },
    });
  });
});
