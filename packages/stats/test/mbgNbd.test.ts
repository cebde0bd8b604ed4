import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRng } from '../src/random/prng.js';
import {
  fitMbgNbd,
  mbgNbdConditionalExpectedTransactions,
  mbgNbdCustomerLogLikelihood,
  mbgNbdExpectedTransactions,
  mbgNbdLikelihood,
  mbgNbdProbabilityAlive,
  mbgNbdProbabilityOfTransactions,
  simulateMbgNbd,
  type MbgNbdParams,
} from '../src/models/mbgNbd/index.js';
import { cdnowSummary } from './support/cdnow.js';
import { countModelInvariants } from './support/countModelInvariants.js';
import { assertRecovered } from './support/recovery.js';

/** MBG/NBD on the CDNOW sample, as lifetimes' ModifiedBetaGeoFitter documents it. */
const published: MbgNbdParams = { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 };
const near = (got: number, want: number, digits: number) =>
  assert.ok(Math.abs(got - want) <= 0.5 * 10 ** -digits * Math.max(1, Math.abs(want)), `${got} vs ${want}`);
const relative = (got: number, want: number, tolerance: number) =>
  assert.ok(Math.abs(got - want) <= tolerance * Math.abs(want), `${got} vs ${want}`);

describe('MBG/NBD against the literature', () => {
  it('fits CDNOW to r 0.525, α 6.183, a 0.891, b 1.614 (LL −9582.13)', () => {
    const fit = fitMbgNbd(cdnowSummary());
    assert.equal(fit.model, 'mbg-nbd');
    assert.equal(fit.converged, true);
    near(fit.params.r, 0.525, 3);
    near(fit.params.alpha, 6.183, 3);
    near(fit.params.a, 0.891, 3);
    near(fit.params.b, 1.614, 3);
    // The maximum found by scipy (Nelder–Mead then BFGS, gtol 1e-9) on the same data:
    // r 0.52483799, α 6.18299187, a 0.89135622, b 1.61399933, LL −9582.132684900.
    near(fit.params.r, 0.52483799, 5);
    near(fit.params.b, 1.61399933, 5);
    near(fit.logLik, -9582.1326849, 6);
    assert.equal(fit.n, 2357);
    for (const name of ['r', 'alpha', 'a', 'b'] as const) assert.ok(fit.stdErr[name] > 0, name);
    assert.ok(Object.isFrozen(fit) && Object.isFrozen(fit.params));
  });

  // References: mpmath 1.3 at 50 digits, from the formulas in the doc comments, under the
  // published parameters (0.525, 6.183, 0.891, 1.614).
  it('matches high-precision per-customer values, including x = 1000', () => {
    near(mbgNbdCustomerLogLikelihood(published, 2, 30.43, 38.86), -9.485551314533932, 12);
    near(mbgNbdProbabilityAlive(published, 2, 30.43, 38.86), 0.7062022651184873, 12);
    near(mbgNbdConditionalExpectedTransactions(published, 39, 2, 30.43, 38.86), 1.262960623267366, 12);
    near(mbgNbdCustomerLogLikelihood(published, 26, 30.85714, 31), -38.32205635718252, 11);
    near(mbgNbdProbabilityAlive(published, 26, 30.85714, 31), 0.9654979866106383, 12);
    near(mbgNbdConditionalExpectedTransactions(published, 52, 26, 30.85714, 31), 24.00222842955598, 11);
    near(mbgNbdCustomerLogLikelihood(published, 0, 0, 38.86), -0.5398374635310146, 12);
    near(mbgNbdProbabilityAlive(published, 0, 0, 38.86), 0.3897350809187629, 12);
    near(mbgNbdConditionalExpectedTransactions(published, 39, 0, 0, 38.86), 0.1540127466751467, 12);
    near(mbgNbdCustomerLogLikelihood(published, 1000, 38, 39), 2106.16664353667, 10);
    relative(mbgNbdProbabilityAlive(published, 1000, 38, 39), 2.117665199914288e-7, 1e-11);
    relative(mbgNbdConditionalExpectedTransactions(published, 52, 1000, 38, 39), 0.0001693283943416589, 1e-11);
  });

  it('matches high-precision population values: E[X(t)] and P(X(t) = n)', () => {
    near(mbgNbdExpectedTransactions(published, 1), 0.05308479526370184, 13);
    near(mbgNbdExpectedTransactions(published, 39), 1.182953665597173, 13);
    near(mbgNbdExpectedTransactions(published, 78), 1.804757577553142, 13);
    near(mbgNbdProbabilityOfTransactions(published, 39, 0), 0.582473189493289, 13);
    near(mbgNbdProbabilityOfTransactions(published, 39, 1), 0.1827830772875405, 13);
    near(mbgNbdProbabilityOfTransactions(published, 39, 5), 0.01938732355357035, 13);
    relative(mbgNbdProbabilityOfTransactions(published, 39, 20), 0.0003096204601156844, 1e-11);
  });

  it('lets a customer without repeat purchases be gone already (drop-out at time 0)', () => {
    const fresh = mbgNbdProbabilityAlive(published, 0, 0, 0);
    near(fresh, published.b / (published.a + published.b), 15);
    assert.ok(mbgNbdProbabilityAlive(published, 0, 0, 39) < fresh);
    near(mbgNbdProbabilityOfTransactions(published, 1e-12, 0), 1, 10);
  });

  it('takes the a → 1 limit of the expectations (mpmath at a = 1 + 1e−40: 1.079996934836724, 1.195313320848783)', () => {
    const at1 = { ...published, a: 1 };
    near(mbgNbdExpectedTransactions(at1, 39), 1.079996934836724, 8);
    near(mbgNbdConditionalExpectedTransactions(at1, 39, 2, 30.43, 38.86), 1.195313320848783, 8);
  });

  it('folds identical rows into weights without changing the fit', () => {
    const s = cdnowSummary();
    const once = fitMbgNbd(s);
    const twice = fitMbgNbd({
      frequency: [...s.frequency, ...s.frequency],
      recency: [...s.recency, ...s.recency],
      T: [...s.T, ...s.T],
    });
    assert.equal(twice.n, 2 * once.n);
    near(twice.logLik, 2 * once.logLik, 4);
    near(twice.params.r, once.params.r, 6);
    near(twice.params.b, once.params.b, 5);
  });

  it('regularises with the L2 penalty: parameters shrink as λ grows', () => {
    const s = cdnowSummary();
    const free = fitMbgNbd(s);
    const penalised = fitMbgNbd(s, { penalizer: 0.1 });
    assert.equal(penalised.penalizer, 0.1);
    assert.ok(penalised.params.alpha < free.params.alpha);
    assert.ok(penalised.logLik < free.logLik);
  });

  it('simulates customers whose mean count matches E[X(t)]', () => {
    const rng = createRng(11);
    const n = 200_000;
    const sim = simulateMbgNbd(published, new Float64Array(n).fill(39), rng);
    let mean = 0;
    let square = 0;
    for (const x of sim.frequency) {
      mean += x / n;
      square += (x * x) / n;
    }
    const standardError = Math.sqrt((square - mean * mean) / n);
    const expected = mbgNbdExpectedTransactions(published, 39);
    assert.ok(Math.abs(mean - expected) < 4 * standardError, `${mean} vs ${expected} ± ${standardError}`);
    // Customers who drop out at time 0 are in the data with x = 0 and alive = 0.
    assert.ok(sim.alive.some((alive, i) => alive === 0 && sim.frequency[i] === 0));
  });
});

describe('MBG/NBD parameter recovery', () => {
  // The CDNOW fit as truth, observed for one to two years. b is the least determined
  // parameter: relative standard errors about 0.24, 0.075 and 0.033 at these sizes against
  // 0.15, 0.046 and 0.020 for the worst of r, α, a; the tolerances are about 3.5 of them.
  for (const [n, tolerance, toleranceB] of [
    [2_000, 0.5, 0.85],
    [20_000, 0.16, 0.27],
    [100_000, 0.07, 0.12],
  ] as const) {
    it(`recovers r, α, a (±${tolerance * 100}%) and b (±${toleranceB * 100}%) from ${n.toLocaleString('en')} customers`, () => {
      const rng = createRng(20240501 + n);
      const T = Float64Array.from({ length: n }, () => 52 + rng.next() * 52);
      const fit = fitMbgNbd(simulateMbgNbd(published, T, rng));
      assert.equal(fit.converged, true);
      const { b, ...rest } = published;
      assertRecovered(`N=${n}`, rest, fit.params, tolerance);
      assertRecovered(`N=${n}`, { b }, fit.params, toleranceB);
    });
  }
});

const rng = createRng(8);
const simulated = simulateMbgNbd(
  published,
  Float64Array.from({ length: 300 }, () => 1 + rng.next() * 77),
  rng,
);
countModelInvariants<MbgNbdParams>({
  name: 'MBG/NBD',
  paramNames: ['r', 'alpha', 'a', 'b'],
  params: published,
  toArray: (p) => [p.r, p.alpha, p.a, p.b],
  fromArray: (v) => ({ r: v[0]!, alpha: v[1]!, a: v[2]!, b: v[3]! }),
  summary: simulated,
  customerLogLikelihood: mbgNbdCustomerLogLikelihood,
  likelihood: mbgNbdLikelihood,
  probabilityAlive: mbgNbdProbabilityAlive,
  expectedTransactions: mbgNbdExpectedTransactions,
  conditionalExpectedTransactions: mbgNbdConditionalExpectedTransactions,
  probabilityOfTransactions: mbgNbdProbabilityOfTransactions,
  horizons: [0.5, 1, 4, 13, 26, 52, 104],
});
