import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  customerLifetimeValue,
  customerLifetimeValues,
  discountGrid,
  TIME_UNITS_PER_MONTH,
  type ConditionalExpectationPath,
} from '../src/clv/index.js';
import { bgNbdConditionalExpectedTransactions, fitBgNbd, type BgNbdParams } from '../src/models/bgNbd/index.js';
import {
  fitGammaGamma,
  gammaGammaConditionalExpectedAverageSpends,
  type GammaGammaParams,
} from '../src/models/gammaGamma/index.js';
import { foldSummary } from '../src/data/summary.js';
import { cdnowSummary } from './support/cdnow.js';

const relative = (got: number, want: number, tolerance: number, label = '') =>
  assert.ok(Math.abs(got - want) <= tolerance * Math.abs(want), `${label} ${got} vs ${want}`);

const bgNbd: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const schedule = { horizonMonths: 12, discountRatePerMonth: 0.01, timeUnitsPerMonth: TIME_UNITS_PER_MONTH.week };

describe('discounted CLV by hand', () => {
  it('sums monthly increments of E(Y(t)) discounted at the end of each month', () => {
    // E(Y(t)) = t², u = 1, d = 10%: month 1 brings 1, month 2 brings 4 − 1 = 3.
    const value = customerLifetimeValue({
      conditionalExpectedTransactions: (t) => t * t,
      expectedSpend: 1,
      horizonMonths: 2,
      discountRatePerMonth: 0.1,
      timeUnitsPerMonth: 1,
    });
    assert.ok(Math.abs(value - (1 / 1.1 + 3 / 1.21)) < 1e-14, String(value));
    assert.ok(Math.abs(value - 3.388429752066116) < 1e-14);
  });

  it('equals the annuity λ·u·spend·(1 − (1+d)^−H)/d for a constant purchase rate λ', () => {
    const lambda = 0.3;
    for (const [H, d, u] of [
      [12, 0.01, 4.345],
      [36, 0.05, 30],
      [1, 0.2, 1],
    ] as const) {
      const value = customerLifetimeValue({
        conditionalExpectedTransactions: (t) => lambda * t,
        expectedSpend: 20,
        horizonMonths: H,
        discountRatePerMonth: d,
        timeUnitsPerMonth: u,
      });
      relative(value, (lambda * u * 20 * (1 - (1 + d) ** -H)) / d, 1e-13, `H ${H}`);
    }
  });

  it('with no discount equals E(Y(H·u)) · spend', () => {
    for (const H of [1, 6, 12, 60]) {
      const e = (t: number) => bgNbdConditionalExpectedTransactions(bgNbd, t, 2, 30.43, 38.86);
      const value = customerLifetimeValue({
        conditionalExpectedTransactions: e,
        expectedSpend: 24.66,
        horizonMonths: H,
        discountRatePerMonth: 0,
        timeUnitsPerMonth: 4.345,
      });
      relative(value, e(H * 4.345) * 24.66, 1e-13, `H ${H}`);
    }
  });

  it('grows with the horizon and falls with the discount rate', () => {
    const e = (t: number) => bgNbdConditionalExpectedTransactions(bgNbd, t, 7, 29.43, 38.86);
    const at = (horizonMonths: number, discountRatePerMonth: number) =>
      customerLifetimeValue({
        conditionalExpectedTransactions: e,
        expectedSpend: 71.46,
        horizonMonths,
        discountRatePerMonth,
        timeUnitsPerMonth: 4.345,
      });
    let previous = 0;
    for (let H = 1; H <= 36; H++) {
      const value = at(H, 0.01);
      assert.ok(value > previous, `H ${H}: ${value} ≤ ${previous}`);
      previous = value;
    }
    previous = Infinity;
    for (const d of [0, 0.001, 0.005, 0.01, 0.02, 0.05, 0.1, 0.5]) {
      const value = at(12, d);
      assert.ok(value < previous, `d ${d}: ${value} ≥ ${previous}`);
      previous = value;
    }
    assert.equal(at(0, 0.01), 0);
  });

  it('rejects a fractional horizon, a non-positive month length and a discount rate ≤ −1', () => {
    assert.throws(
      () => discountGrid({ horizonMonths: 1.5, discountRatePerMonth: 0, timeUnitsPerMonth: 1 }),
      RangeError,
    );
    assert.throws(() => discountGrid({ horizonMonths: 1, discountRatePerMonth: 0, timeUnitsPerMonth: 0 }), RangeError);
    assert.throws(() => discountGrid({ horizonMonths: 1, discountRatePerMonth: -1, timeUnitsPerMonth: 1 }), RangeError);
    const grid = discountGrid({ horizonMonths: 3, discountRatePerMonth: 0.25, timeUnitsPerMonth: 2 });
    assert.deepEqual(Array.from(grid.times), [0, 2, 4, 6]);
    assert.deepEqual(Array.from(grid.factors), [0.8, 0.64, 0.512]);
  });
});

describe('discounted CLV over columns of customers', () => {
  const s = cdnowSummary();
  const rows = 200;
  const columns = {
    frequency: s.frequency.slice(0, rows),
    recency: s.recency.slice(0, rows),
    T: s.T.slice(0, rows),
  };

  it('agrees with the one-customer version, for a spend column or one spend for all', () => {
    const spend = Float64Array.from({ length: rows }, (_, i) => 10 + i);
    const values = customerLifetimeValues({
      ...schedule,
      ...columns,
      params: bgNbd,
      expectedSpend: spend,
      conditionalExpectedTransactions: bgNbdConditionalExpectedTransactions,
    });
    for (let i = 0; i < rows; i++) {
      const one = customerLifetimeValue({
        ...schedule,
        expectedSpend: spend[i]!,
        conditionalExpectedTransactions: (t) =>
          bgNbdConditionalExpectedTransactions(bgNbd, t, columns.frequency[i]!, columns.recency[i]!, columns.T[i]!),
      });
      assert.equal(values[i], one);
    }
    const flat = customerLifetimeValues({
      ...schedule,
      ...columns,
      params: bgNbd,
      expectedSpend: 1,
      conditionalExpectedTransactions: bgNbdConditionalExpectedTransactions,
    });
    for (let i = 0; i < rows; i++) relative(flat[i]! * spend[i]!, values[i]!, 1e-14);
  });

  it('takes a path form that fills all months at once, once per distinct history, into one scratch row', () => {
    const scratch = new Set<Float64Array>();
    const grids = new Set<Float64Array>();
    let calls = 0;
    const path: ConditionalExpectationPath<BgNbdParams> = (p, times, x, tx, T, out) => {
      calls++;
      scratch.add(out);
      grids.add(times);
      for (let k = 1; k < times.length; k++) out[k] = bgNbdConditionalExpectedTransactions(p, times[k]!, x, tx, T);
    };
    const out = new Float64Array(rows);
    const viaPath = customerLifetimeValues({
      ...schedule,
      ...columns,
      params: bgNbd,
      expectedSpend: 35,
      conditionalExpectedTransactionsPath: path,
      out,
    });
    assert.equal(viaPath, out);
    // Identical (x, t_x, T) rows are folded: one evaluation per history, not per customer.
    assert.equal(calls, foldSummary(columns).frequency.length);
    assert.ok(calls < rows);
    assert.equal(scratch.size, 1);
    assert.equal(grids.size, 1);
    const pointwise = customerLifetimeValues({
      ...schedule,
      ...columns,
      params: bgNbd,
      expectedSpend: 35,
      conditionalExpectedTransactions: bgNbdConditionalExpectedTransactions,
    });
    assert.deepEqual(Array.from(viaPath), Array.from(pointwise));
  });

  it('asks for exactly one form of the expectation and columns of one length', () => {
    assert.throws(
      () => customerLifetimeValues({ ...schedule, ...columns, params: bgNbd, expectedSpend: 1 }),
      TypeError,
    );
    assert.throws(
      () =>
        customerLifetimeValues({
          ...schedule,
          ...columns,
          params: bgNbd,
          expectedSpend: [1, 2],
          conditionalExpectedTransactions: bgNbdConditionalExpectedTransactions,
        }),
      RangeError,
    );
  });
});

describe("discounted CLV against lifetimes' documented CDNOW example", () => {
  // lifetimes' Quickstart: BG/NBD and Gamma-Gamma fitted on the CDNOW summary with spend, then
  // ggf.customer_lifetime_value(bgf, …, time=12, discount_rate=0.01) with the default
  // freq='D' (30 time units a month, although CDNOW is in weeks). Printed for customers 1–10:
  const lifetimesPrinted = [
    140.096211, 18.943467, 38.180574, 38.180574, 38.180574, 1003.868107, 28.109683, 38.180574, 167.418216, 38.180574,
  ];
  // A Python transcription of lifetimes' formula with scipy.special.hyp2f1 at the scipy
  // maximum-likelihood parameters below gives, for 30 and for 4.345 units a month:
  const bgMle: BgNbdParams = { r: 0.2425929, alpha: 4.41353134, a: 0.79288608, b: 2.42575348 };
  const ggMle: GammaGammaParams = { p: 6.24880314, q: 3.74458839, gamma: 15.4477463 };
  const scipy30 = [
    140.096224912, 18.9434694696, 38.1805743582, 38.1805743582, 38.1805743582, 1003.86821933, 28.1096862999,
    38.1805743582, 167.418231369, 38.1805743582,
  ];
  const scipyWeekly = [
    36.2784979455, 4.63746703802, 8.34409268452, 8.34409268452, 8.34409268452, 283.523589267, 6.8814080691,
    8.34409268452, 43.3536447295, 8.34409268452,
  ];
  const s = cdnowSummary();
  const first = {
    frequency: s.frequency.slice(0, 10),
    recency: s.recency.slice(0, 10),
    T: s.T.slice(0, 10),
    monetary: s.monetary.slice(0, 10),
  };
  const clv = (bg: BgNbdParams, gg: GammaGammaParams, timeUnitsPerMonth: number) =>
    customerLifetimeValues({
      ...first,
      params: bg,
      horizonMonths: 12,
      discountRatePerMonth: 0.01,
      timeUnitsPerMonth,
      expectedSpend: gammaGammaConditionalExpectedAverageSpends(gg, first.frequency, first.monetary),
      conditionalExpectedTransactions: bgNbdConditionalExpectedTransactions,
    });

  it('matches the scipy transcription at fixed parameters to 1e-9', () => {
    const monthly30 = clv(bgMle, ggMle, TIME_UNITS_PER_MONTH.day);
    const weekly = clv(bgMle, ggMle, TIME_UNITS_PER_MONTH.week);
    for (let i = 0; i < 10; i++) {
      relative(monthly30[i]!, scipy30[i]!, 1e-9, `customer ${i + 1}`);
      relative(weekly[i]!, scipyWeekly[i]!, 1e-9, `customer ${i + 1}`);
    }
  });

  it('reproduces the printed values from our own fits of both models, to 1e-6', () => {
    const bg = fitBgNbd(s).params;
    const gg = fitGammaGamma(s).params;
    const values = clv(bg, gg, TIME_UNITS_PER_MONTH.day);
    for (let i = 0; i < 10; i++) relative(values[i]!, lifetimesPrinted[i]!, 1e-6, `customer ${i + 1}`);
  });
});
