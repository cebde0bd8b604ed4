import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRng } from '../src/random/prng.js';
import {
  bgNbdConditionalExpectedTransactions,
  bgNbdConditionalExpectedTransactionsPath,
  bgNbdCustomerLogLikelihood,
  bgNbdExpectedTransactions,
  bgNbdLikelihood,
  bgNbdProbabilityAlive,
  bgNbdProbabilityOfTransactions,
  fitBgNbd,
  simulateBgNbd,
  type BgNbdParams,
} from '../src/models/bgNbd/index.js';
import { cdnowSummary } from './support/cdnow.js';
import { countModelInvariants } from './support/countModelInvariants.js';
import { assertRecovered } from './support/recovery.js';

/** Fader, Hardie & Lee (2005), Table 1 / p. 280, on the CDNOW sample. */
const published: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const near = (got: number, want: number, digits: number) =>
  assert.ok(Math.abs(got - want) <= 0.5 * 10 ** -digits * Math.max(1, Math.abs(want)), `${got} vs ${want}`);

describe('BG/NBD against the literature', () => {
  it('reproduces Fader, Hardie & Lee (2005) on CDNOW: r 0.243, α 4.414, a 0.793, b 2.426, LL −9582.4', () => {
    const fit = fitBgNbd(cdnowSummary());
    assert.equal(fit.converged, true);
    near(fit.params.r, 0.243, 3);
    near(fit.params.alpha, 4.414, 3);
    near(fit.params.a, 0.793, 3);
    near(fit.params.b, 2.426, 3);
    near(fit.logLik, -9582.4, 1);
    assert.equal(fit.n, 2357);
    // lifetimes' documented standard errors for this fit: 0.0126, 0.3782, 0.1857, 0.7053.
    near(fit.stdErr.r, 0.012557, 5);
    near(fit.stdErr.alpha, 0.378221, 4);
    near(fit.stdErr.a, 0.185719, 4);
    near(fit.stdErr.b, 0.705345, 4);
    assert.ok(Object.isFrozen(fit) && Object.isFrozen(fit.params));
    // The covariance behind them: symmetric, its diagonal the squared standard errors, and the
    // strong a–b correlation lifetimes' summary shows.
    const cov = fit.covariance!;
    const names = ['r', 'alpha', 'a', 'b'] as const;
    names.forEach((name, i) => near(Math.sqrt(cov[i]![i]!), fit.stdErr[name], 10));
    for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) assert.equal(cov[i]![j], cov[j]![i]);
    assert.ok(cov[2]![3]! / Math.sqrt(cov[2]![2]! * cov[3]![3]!) > 0.8);
  });

  it('predicts customer 1516 (x 26, t_x 30.85714, T 31) 52 weeks ahead: 25.75649, P(alive) 0.968851', () => {
    near(bgNbdConditionalExpectedTransactions(published, 52, 26, 30.85714, 31), 25.75649, 5);
    near(bgNbdProbabilityAlive(published, 26, 30.85714, 31), 0.968851, 6);
  });

  it('matches the high-precision anchors, without overflow at x = 1000', () => {
    near(bgNbdCustomerLogLikelihood(published, 2, 30.43, 38.86), -9.458606307066, 11);
    near(bgNbdProbabilityAlive(published, 2, 30.43, 38.86), 0.726578570081, 11);
    near(bgNbdConditionalExpectedTransactions(published, 39, 2, 30.43, 38.86), 1.226028174767, 11);
    near(bgNbdCustomerLogLikelihood(published, 1000, 38, 39), 2145.602179178, 8);
    const pAlive = bgNbdProbabilityAlive(published, 1000, 38, 39);
    assert.ok(Math.abs(pAlive - 9.5129774e-8) / 9.5129774e-8 < 1e-8, String(pAlive));
    const expected = bgNbdConditionalExpectedTransactions(published, 52, 1000, 38, 39);
    assert.ok(Math.abs(expected - 8.14200078e-5) / 8.14200078e-5 < 1e-8, String(expected));
  });

  it('folds identical rows into weights without changing the fit', () => {
    const s = cdnowSummary();
    const doubled = {
      frequency: [...s.frequency, ...s.frequency],
      recency: [...s.recency, ...s.recency],
      T: [...s.T, ...s.T],
    };
    const once = fitBgNbd(s);
    const twice = fitBgNbd(doubled);
    assert.equal(twice.n, 2 * once.n);
    near(twice.logLik, 2 * once.logLik, 4);
    near(twice.params.r, once.params.r, 6);
  });

  it('regularises with the L2 penalty: parameters shrink as λ grows', () => {
    const s = cdnowSummary();
    const free = fitBgNbd(s);
    const penalised = fitBgNbd(s, { penalizer: 0.1 });
    assert.equal(penalised.penalizer, 0.1);
    assert.ok(penalised.params.alpha < free.params.alpha);
    assert.ok(penalised.logLik < free.logLik);
  });
});

describe('BG/NBD parameter recovery', () => {
  const truth: BgNbdParams = { r: 0.5, alpha: 6, a: 0.8, b: 2.5 };
  for (const [n, tolerance] of [
    [2_000, 0.35],
    [20_000, 0.12],
    [100_000, 0.06],
  ] as const) {
    it(`recovers r, α, a, b from ${n.toLocaleString('en')} simulated customers within ${tolerance * 100}%`, () => {
      const rng = createRng(20240401 + n);
      const T = Float64Array.from({ length: n }, () => 26 + rng.next() * 26);
      const fit = fitBgNbd(simulateBgNbd(truth, T, rng));
      assert.equal(fit.converged, true);
      assertRecovered(`N=${n}`, truth, fit.params, tolerance);
    });
  }
});

const rng = createRng(7);
const simulated = simulateBgNbd(
  published,
  Float64Array.from({ length: 300 }, () => 1 + rng.next() * 77),
  rng,
);
countModelInvariants<BgNbdParams>({
  name: 'BG/NBD',
  paramNames: ['r', 'alpha', 'a', 'b'],
  params: published,
  toArray: (p) => [p.r, p.alpha, p.a, p.b],
  fromArray: (v) => ({ r: v[0]!, alpha: v[1]!, a: v[2]!, b: v[3]! }),
  summary: simulated,
  customerLogLikelihood: bgNbdCustomerLogLikelihood,
  likelihood: bgNbdLikelihood,
  probabilityAlive: bgNbdProbabilityAlive,
  expectedTransactions: bgNbdExpectedTransactions,
  conditionalExpectedTransactions: bgNbdConditionalExpectedTransactions,
  conditionalExpectedTransactionsPath: bgNbdConditionalExpectedTransactionsPath,
  probabilityOfTransactions: bgNbdProbabilityOfTransactions,
  horizons: [0.5, 1, 4, 13, 26, 52, 104],
});
