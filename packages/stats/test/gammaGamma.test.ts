import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidSummaryError } from '../src/data/summary.js';
import { calibrationAndHoldout } from '../src/data/transactions.js';
import { poisson } from '../src/random/discrete.js';
import { createRng } from '../src/random/prng.js';
import {
  checkSpendSummary,
  fitGammaGamma,
  foldSpend,
  gammaGammaConditionalExpectedAverageSpend,
  gammaGammaConditionalExpectedAverageSpends,
  gammaGammaCustomerLogLikelihood,
  gammaGammaExpectedAverageSpend,
  gammaGammaLikelihood,
  simulateGammaGamma,
  type GammaGammaParams,
} from '../src/models/gammaGamma/index.js';
import { cdnowSampleTransactions, cdnowSummary } from './support/cdnow.js';
import { assertRecovered } from './support/recovery.js';

/** Fader, Hardie & Lee (2005), "RFM and CLV: Using Iso-Value Curves", on the CDNOW repeat buyers. */
const published: GammaGammaParams = { p: 6.25, q: 3.74, gamma: 15.44 };
const near = (got: number, want: number, digits: number) =>
  assert.ok(Math.abs(got - want) <= 0.5 * 10 ** -digits * Math.max(1, Math.abs(want)), `${got} vs ${want}`);
const relative = (got: number, want: number, tolerance: number) =>
  assert.ok(Math.abs(got - want) <= tolerance * Math.abs(want), `${got} vs ${want}`);

/** The calibration summary rebuilt from the raw CDNOW log: mean spend not rounded to the cent. */
function cdnowFromLog() {
  const split = calibrationAndHoldout(cdnowSampleTransactions(), {
    unit: 'week',
    calibrationEnd: '1997-09-30',
    observationEnd: '1998-06-30',
  });
  assert.ok(split.ok);
  return split.calibration;
}

describe('Gamma-Gamma against the literature', () => {
  it('reproduces p 6.25, q 3.74, γ 15.44 on the 946 CDNOW repeat buyers rebuilt from the raw log', () => {
    const fit = fitGammaGamma(cdnowFromLog());
    assert.equal(fit.model, 'gamma-gamma');
    assert.equal(fit.converged, true);
    assert.equal(fit.n, 946);
    // To the digits FHL print.
    near(fit.params.p, 6.25, 2);
    near(fit.params.q, 3.74, 2);
    near(fit.params.gamma, 15.44, 2);
    // The maximum itself, from scipy (root of the analytic score on the same data):
    // p 6.24957227, q 3.74422467, γ 15.44352096, LL −4055.9176948019.
    relative(fit.params.p, 6.24957227, 1e-6);
    relative(fit.params.q, 3.74422467, 1e-6);
    relative(fit.params.gamma, 15.44352096, 1e-6);
    near(fit.logLik, -4055.9176948019, 6);
    assert.ok(Object.isFrozen(fit) && Object.isFrozen(fit.params));
  });

  it('on the cent-rounded summary file fits γ 15.4477 (lifetimes prints 15.45) and its stated spend predictions', () => {
    // zbar in cdnow_customers_summary_with_transactions.csv is rounded to the cent; that alone
    // moves γ from 15.4435 to 15.4477. lifetimes fits this file: "p: 6.25, q: 3.74, v: 15.45".
    const s = cdnowSummary();
    const fit = fitGammaGamma(s);
    assert.equal(fit.converged, true);
    assert.equal(fit.n, 946);
    relative(fit.params.p, 6.248802489708686, 1e-6);
    relative(fit.params.q, 3.744588453287537, 1e-6);
    relative(fit.params.gamma, 15.447748009465114, 1e-6);
    near(fit.logLik, -4055.9232435029, 6);
    assert.equal(fit.params.gamma.toFixed(2), '15.45');
    // Standard errors: inverse Hessian of −LL from scipy, 1.189687, 0.290166, 4.159994.
    relative(fit.stdErr.p, 1.189687060399195, 1e-4);
    relative(fit.stdErr.q, 0.290165617689369, 1e-4);
    relative(fit.stdErr.gamma, 4.159993953036286, 1e-4);
    // lifetimes' Quickstart, conditional_expected_average_profit of customers 1, 2, 3 (x = 0), 6, 9,
    // and the mean over all 2,357 customers, 35.2529588256.
    const spend = gammaGammaConditionalExpectedAverageSpends(fit.params, s.frequency, s.monetary);
    for (const [row, want] of [
      [0, 24.658619],
      [1, 18.911489],
      [2, 35.170981],
      [5, 71.462843],
      [8, 27.282408],
    ] as const)
      relative(spend[row]!, want, 1e-6);
    relative(spend.reduce((a, b) => a + b, 0) / spend.length, 35.2529588256, 1e-6);
  });

  it('matches mpmath (40 digits) per-customer log-likelihoods at the published parameters', () => {
    for (const [x, m, want, tolerance] of [
      [1, 11.77, -3.73770967874084, 1e-11],
      [2, 22.35, -3.5513167597317046, 1e-11],
      [7, 73.74, -6.054867310722229, 1e-11],
      [50, 1000, -17.208974715584823, 1e-10],
      [1000, 0.5, -171.29236128089727, 1e-8],
    ] as const)
      assert.ok(Math.abs(gammaGammaCustomerLogLikelihood(published, x, m) - want) <= tolerance, `x ${x}, m ${m}`);
    assert.equal(gammaGammaCustomerLogLikelihood(published, 0, 0), 0);
  });
});

describe('Gamma-Gamma likelihood', () => {
  const s = cdnowSummary();
  const data = foldSpend(s);

  it('folds identical (x, m_x) rows of repeat customers only, and sums per-customer terms to the total', () => {
    assert.equal(data.n, 946);
    assert.ok(data.frequency.length < 946);
    let sum = 0;
    for (let i = 0; i < s.frequency.length; i++)
      sum += gammaGammaCustomerLogLikelihood(published, s.frequency[i]!, s.monetary[i]!);
    const total = gammaGammaLikelihood(data)(Float64Array.of(6.25, 3.74, 15.44), new Float64Array(3));
    assert.ok(Math.abs(sum - total) <= 1e-10 * Math.abs(total), `${sum} vs ${total}`);
  });

  it('has an analytic gradient that matches central differences, on CDNOW and away from the optimum', () => {
    const f = gammaGammaLikelihood(data);
    for (const point of [
      [6.25, 3.74, 15.44],
      [0.7, 1.3, 120],
      [25, 9, 3],
    ]) {
      const p = Float64Array.from(point);
      const gradient = new Float64Array(3);
      f(p, gradient);
      const scratch = new Float64Array(3);
      for (let j = 0; j < 3; j++) {
        // Step 1e-5: smaller ones drown in the rounding of a total of about −4,000.
        const h = 1e-5 * p[j]!;
        const plus = Float64Array.from(p);
        const minus = Float64Array.from(p);
        plus[j] = p[j]! + h;
        minus[j] = p[j]! - h;
        const numeric = (f(plus, scratch) - f(minus, scratch)) / (2 * h);
        assert.ok(
          Math.abs(gradient[j]! - numeric) <= 1e-5 * Math.max(1, Math.abs(numeric)),
          `at ${point}: ∂/∂${['p', 'q', 'γ'][j]} ${gradient[j]} vs ${numeric}`,
        );
      }
    }
  });

  it('returns NaN outside the parameter space so the optimiser backs off', () => {
    assert.ok(Number.isNaN(gammaGammaLikelihood(data)(Float64Array.of(-1, 3, 15), new Float64Array(3))));
  });
});

describe('Gamma-Gamma predictions', () => {
  it('computes E(M | x, m_x) = (γ + x m_x) p / (px + q − 1) and the population mean pγ/(q − 1)', () => {
    // (15.44 + 2·22.35)·6.25 / (12.5 + 2.74) and 6.25·15.44 / 2.74, by hand.
    near(gammaGammaConditionalExpectedAverageSpend(published, 2, 22.35), 24.663713910761153, 12);
    near(gammaGammaExpectedAverageSpend(published), 35.21897810218978, 12);
    near(gammaGammaConditionalExpectedAverageSpend(published, 0, 999), 35.21897810218978, 12);
  });

  it('is a weighted average of the population mean and m_x that moves to m_x as x grows', () => {
    const mean = gammaGammaExpectedAverageSpend(published);
    let previousGap = Infinity;
    for (const x of [1, 2, 5, 20, 100, 10_000]) {
      const m = 80;
      const e = gammaGammaConditionalExpectedAverageSpend(published, x, m);
      const w = (published.p * x) / (published.p * x + published.q - 1);
      near(e, (1 - w) * mean + w * m, 12);
      assert.ok(e > mean && e < m);
      assert.ok(Math.abs(e - m) < previousGap);
      previousGap = Math.abs(e - m);
    }
  });

  it('returns Infinity when the posterior mean does not exist (px + q ≤ 1)', () => {
    const heavy: GammaGammaParams = { p: 0.1, q: 0.5, gamma: 10 };
    assert.equal(gammaGammaExpectedAverageSpend(heavy), Infinity);
    assert.equal(gammaGammaConditionalExpectedAverageSpend(heavy, 0, 0), Infinity);
    assert.ok(Number.isFinite(gammaGammaConditionalExpectedAverageSpend(heavy, 10, 5)));
  });

  it('is the posterior mean: on simulated customers, E(M | x, m_x) averages to the true mean spend p/ν', () => {
    const rng = createRng(31);
    const n = 200_000;
    const x = Float64Array.from({ length: n }, () => 1 + poisson(rng, 1));
    const sim = simulateGammaGamma(published, x, rng);
    for (const frequency of [1, 2, 3]) {
      let truth = 0;
      let predicted = 0;
      let count = 0;
      for (let i = 0; i < n; i++) {
        if (sim.frequency[i] !== frequency) continue;
        truth += published.p / sim.nu[i]!;
        predicted += gammaGammaConditionalExpectedAverageSpend(published, frequency, sim.monetary[i]!);
        count++;
      }
      relative(predicted / count, truth / count, 0.02);
      relative(truth / count, gammaGammaExpectedAverageSpend(published), 0.03);
    }
  });
});

describe('Gamma-Gamma input checks', () => {
  it('reports every problem at once: missing or non-positive spend of repeat customers, bad frequencies', () => {
    assert.deepEqual(
      checkSpendSummary({ frequency: [1, 2] }).map((i) => [i.row, i.field]),
      [[-1, 'monetary']],
    );
    const issues = checkSpendSummary({
      frequency: [0, 1, 2, 1.5, 3, -1],
      monetary: [0, 0, -4, 10, NaN, 5],
    });
    assert.deepEqual(
      issues.map((i) => [i.row, i.code]),
      [
        [1, 'NON_POSITIVE_SPEND'],
        [2, 'NON_POSITIVE_SPEND'],
        [3, 'NOT_INTEGER'],
        [4, 'NON_POSITIVE_SPEND'],
        [5, 'NEGATIVE'],
      ],
    );
    const withTimes = checkSpendSummary({ frequency: [1], recency: [5], T: [4], monetary: [10] });
    assert.deepEqual(
      withTimes.map((i) => i.code),
      ['RECENCY_AFTER_T'],
    );
  });

  it('refuses to fit invalid rows (InvalidSummaryError) or data without a repeat customer', () => {
    assert.throws(
      () => fitGammaGamma({ frequency: [1, 2, 3], monetary: [10, 0, 20] }),
      (error: unknown) =>
        error instanceof InvalidSummaryError && error.issues.length === 1 && error.issues[0]!.row === 1,
    );
    assert.throws(() => fitGammaGamma({ frequency: [0, 0], monetary: [0, 0] }), RangeError);
  });

  it('ignores customers with x = 0 and honours weights', () => {
    const s = cdnowSummary();
    const repeat = s.frequency.map((x) => x > 0);
    const only = {
      frequency: s.frequency.filter((_, i) => repeat[i]),
      monetary: s.monetary.filter((_, i) => repeat[i]),
    };
    const all = fitGammaGamma(s);
    const filtered = fitGammaGamma(only);
    near(filtered.logLik, all.logLik, 6);
    const weighted = fitGammaGamma({ ...only, weights: only.frequency.map(() => 3) });
    assert.equal(weighted.n, 3 * 946);
    near(weighted.logLik, 3 * all.logLik, 5);
    relative(weighted.params.q, all.params.q, 1e-5);
  });

  it('regularises with the L2 penalty', () => {
    const s = cdnowSummary();
    const free = fitGammaGamma(s);
    const penalised = fitGammaGamma(s, { penalizer: 0.01 });
    assert.equal(penalised.penalizer, 0.01);
    assert.ok(penalised.params.gamma < free.params.gamma);
    assert.ok(penalised.logLik < free.logLik);
  });
});

describe('Gamma-Gamma parameter recovery', () => {
  // Relative RMS errors over 30 seeds (x = 1 + Poisson(3)): 25% / 7% / 3% for p and γ, which
  // are only weakly separated (their ratio is well pinned), 6% / 1.5% / 0.7% for q; the
  // tolerances are about 2.5 of those, and each estimate must also lie within 3.5 of its
  // reported standard errors.
  const truth = published;
  for (const [n, tolerance] of [
    [2_000, 0.6],
    [20_000, 0.2],
    [100_000, 0.1],
  ] as const) {
    it(`recovers p, q, γ from ${n.toLocaleString('en')} simulated repeat customers within ${tolerance * 100}%`, () => {
      const rng = createRng(20240401 + n);
      const x = Float64Array.from({ length: n }, () => 1 + poisson(rng, 3));
      const fit = fitGammaGamma(simulateGammaGamma(truth, x, rng));
      assert.equal(fit.converged, true);
      assertRecovered(`N=${n}`, truth, fit.params, tolerance);
      for (const name of ['p', 'q', 'gamma'] as const) {
        const z = Math.abs(fit.params[name] - truth[name]) / fit.stdErr[name];
        assert.ok(z < 3.5, `N=${n}: ${name} is ${z.toFixed(2)} standard errors away`);
      }
    });
  }
});
