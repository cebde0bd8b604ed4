import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  bgNbdConditionalExpectedTransactions,
  customerLifetimeValue,
  parseDay,
  paretoNbdConditionalExpectedTransactions,
  type BgNbdParams,
  type ParetoNbdParams,
} from '@kayoi/stats';
import {
  CustomerHistoriesBuilder,
  DAYS_PER_MONTH,
  runLtvModels,
  timeGridFor,
  type LtvModelRun,
} from '../../src/analytics/index.js';
import { simulateBgNbdShop } from './simulatedShop.js';

const settings = { spendBasis: 'revenue' as const, discountRatePerYear: 0.1, serviceMinutesPerVisit: 75 };

/** E[Y(t) | x, t_x, T] from the stats package's pointwise formulas, independent of the path code. */
function pointwise(run: LtvModelRun, t: number, i: number): number {
  const { frequency: x, recency: tx, T } = run.metrics;
  const params = run.diagnostics.count!.params;
  return run.diagnostics.count!.model === 'bg-nbd'
    ? bgNbdConditionalExpectedTransactions(params as BgNbdParams, t, x[i]!, tx[i]!, T[i]!)
    : paretoNbdConditionalExpectedTransactions(params as ParetoNbdParams, t, x[i]!, tx[i]!, T[i]!);
}

describe('the LTV model run on a simulated salon (4,000 customers, two years)', () => {
  const shop = simulateBgNbdShop({ customers: 4000, seed: 11, spanDays: 730, afterDays: 90 });
  const histories = shop.builder.build(shop.endDay);
  const run = runLtvModels(histories, settings);
  const count = run.diagnostics.count!;
  const scores = run.scores!;

  it('compares BG/NBD and Pareto/NBD on a holdout and keeps the better one', () => {
    assert.equal(count.reason, 'holdout');
    assert.equal(count.lowData, false);
    assert.equal(count.holdout!.days, 182);
    const [bg, pareto] = count.holdout!.candidates;
    assert.deepEqual([bg!.model, pareto!.model], ['bg-nbd', 'pareto-nbd']);
    const best = bg!.mae <= pareto!.mae ? 'bg-nbd' : 'pareto-nbd';
    assert.equal(count.model, best);
    assert.ok(count.converged);
    // Both models describe this data: their holdout totals are within 15 % of what happened.
    for (const c of count.holdout!.candidates)
      assert.ok(Math.abs(c.aggregateError) < 0.15, `${c.model} ${c.aggregateError}`);
  });

  it('predicts how many customers return within 90 days, within 10 %', () => {
    const after = shop.builder.build(shop.endDay + 90);
    const index = new Map(after.ids.map((id, i) => [id, i]));
    let returned = 0;
    histories.ids.forEach((id) => {
      const j = index.get(id)!;
      if (after.day[after.start[j + 1]! - 1]! > shop.endDay) returned++;
    });
    const predicted = scores.returnProbability90.reduce((s, v) => s + v, 0);
    assert.ok(Math.abs(predicted / returned - 1) < 0.1, `predicted ${predicted}, actual ${returned}`);
  });

  it('predicts the next 90 days of visits of the shop within 10 %', () => {
    const after = shop.builder.build(shop.endDay + 90);
    const index = new Map(after.ids.map((id, i) => [id, i]));
    let actual = 0;
    histories.ids.forEach((id) => {
      const j = index.get(id)!;
      for (let v = after.start[j]!; v < after.start[j + 1]!; v++) if (after.day[v]! > shop.endDay) actual++;
    });
    const predicted = scores.expectedVisits90.reduce((s, v) => s + v, 0);
    assert.ok(Math.abs(predicted / actual - 1) < 0.1, `predicted ${predicted}, actual ${actual}`);
  });

  it('keeps every score in range, and intervals around their point', () => {
    for (let i = 0; i < run.metrics.n; i++) {
      assert.ok(scores.pAlive[i]! >= 0 && scores.pAlive[i]! <= 1);
      assert.ok(scores.expectedVisits365[i]! >= scores.expectedVisits90[i]!);
      assert.ok(scores.clv3y[i]! >= scores.clv1y[i]!);
      assert.ok(scores.clv1yLow[i]! < scores.clv1y[i]! && scores.clv1y[i]! < scores.clv1yHigh[i]!, `row ${i}`);
      assert.ok(scores.clv3yLow[i]! < scores.clv3y[i]! && scores.clv3y[i]! < scores.clv3yHigh[i]!);
      assert.ok(scores.nextVisitFrom[i]! > 0 && scores.nextVisitFrom[i]! < scores.nextVisitTo[i]!);
      assert.ok(scores.returnProbability90[i]! > 0 && scores.returnProbability90[i]! <= scores.pAlive[i]!);
      const previous = run.pAlivePrevious![i]!;
      assert.ok(Number.isNaN(previous) ? run.metrics.T[i]! < 30 : previous >= 0 && previous <= 1);
    }
  });

  it('agrees with the stats package: expected visits pointwise, CLV by its discounting', () => {
    const monthly = Math.pow(1.1, 1 / 12) - 1;
    for (const i of [0, 1, 7, 42, 999, 2500]) {
      assert.ok(Math.abs(scores.expectedVisits90[i]! - pointwise(run, 90, i)) < 1e-9);
      assert.ok(Math.abs(scores.expectedVisits365[i]! - pointwise(run, 365, i)) < 1e-9);
      for (const [months, clv] of [
        [12, scores.clv1y[i]!],
        [36, scores.clv3y[i]!],
      ] as const) {
        const expected = customerLifetimeValue({
          horizonMonths: months,
          discountRatePerMonth: monthly,
          timeUnitsPerMonth: DAYS_PER_MONTH,
          conditionalExpectedTransactions: (t) => pointwise(run, t, i),
          expectedSpend: scores.expectedSpend[i]!,
        });
        assert.ok(Math.abs(clv - expected) <= 1e-9 * Math.max(1, expected), `${clv} vs ${expected}`);
      }
    }
  });

  it('forecasts the existing customers as the sum of their own expectations', () => {
    const grid = timeGridFor(shop.endDay);
    const lastEnd = grid.times[grid.forecastEnd.at(-1)!]!;
    let expected = 0;
    for (let i = 0; i < run.metrics.n; i++) expected += pointwise(run, lastEnd, i);
    const existing = run.forecast.reduce((s, m) => s + m.existingVisits, 0);
    assert.ok(Math.abs(existing / expected - 1) < 1e-9, `${existing} vs ${expected}`);
    assert.deepEqual(
      run.forecast.map((m) => m.month),
      [
        '2026-11',
        '2026-12',
        '2027-01',
        '2027-02',
        '2027-03',
        '2027-04',
        '2027-05',
        '2027-06',
        '2027-07',
        '2027-08',
        '2027-09',
        '2027-10',
      ],
    );
    for (const m of run.forecast) {
      assert.ok(m.visitsLow < m.visits && m.visits < m.visitsHigh);
      assert.ok(m.newCustomers > 0 && m.newCustomerVisits >= m.newCustomers);
      assert.ok(Math.abs(m.staffHours! - (m.visits * 75) / 60) < 1e-9);
    }
  });
});

describe('the LTV model run on a young, small shop', () => {
  const shop = simulateBgNbdShop({ customers: 250, seed: 5, spanDays: 150, afterDays: 0 });
  const run = runLtvModels(shop.builder.build(shop.endDay), settings);

  it('regularises the fit, says why, and still gives predictions with intervals', () => {
    const count = run.diagnostics.count!;
    assert.equal(count.lowData, true);
    assert.equal(count.penalizer, 1e-5);
    assert.equal(count.reason, 'short_history');
    assert.equal(count.model, 'bg-nbd');
    const scores = run.scores!;
    let finite = 0;
    for (let i = 0; i < run.metrics.n; i++) if (scores.clv1yHigh[i]! > scores.clv1y[i]!) finite++;
    assert.equal(finite, run.metrics.n);
  });

  it('has wider CLV intervals than the large shop', () => {
    const large = simulateBgNbdShop({ customers: 4000, seed: 11, spanDays: 730, afterDays: 0 });
    const big = runLtvModels(large.builder.build(large.endDay), settings);
    const medianRelativeWidth = (r: LtvModelRun) => {
      const s = r.scores!;
      const widths = Array.from(s.clv1y, (v, i) => (s.clv1yHigh[i]! - s.clv1yLow[i]!) / v).sort((a, b) => a - b);
      return widths[widths.length >> 1]!;
    };
    assert.ok(
      medianRelativeWidth(run) > 1.5 * medianRelativeWidth(big),
      `${medianRelativeWidth(run)} vs ${medianRelativeWidth(big)}`,
    );
  });
});

describe('the LTV model run without enough data', () => {
  it('skips the models for a shop of one-time customers, and for an empty one', () => {
    const shop = simulateBgNbdShop({
      customers: 30,
      seed: 3,
      spanDays: 20,
      afterDays: 0,
      params: { r: 0.1, alpha: 500, a: 1, b: 1 },
    });
    const run = runLtvModels(shop.builder.build(shop.endDay), settings);
    assert.equal(run.diagnostics.skipped, 'too_few_repeat_customers');
    assert.equal(run.scores, null);
    assert.deepEqual(run.forecast, []);
    const empty = runLtvModels(new CustomerHistoriesBuilder().build(parseDay('2026-01-01')!), settings);
    assert.equal(empty.diagnostics.skipped, 'no_customers');
  });
});

describe('the forecast calendar', () => {
  it('starts with the rest of the running month, or the next month when the end day closes one', () => {
    const midMonth = timeGridFor(parseDay('2026-11-21')!);
    assert.equal(midMonth.forecastMonths[0], '2026-11');
    assert.equal(midMonth.forecastDays[0], 9);
    assert.equal(midMonth.forecastMonths.length, 13);
    assert.equal(midMonth.forecastDays[1], 31);
    const monthEnd = timeGridFor(parseDay('2026-11-30')!);
    assert.equal(monthEnd.forecastMonths[0], '2026-12');
    assert.equal(monthEnd.forecastMonths.length, 12);
    assert.equal(monthEnd.times[monthEnd.forecastEnd[0]!], 31);
  });
});
