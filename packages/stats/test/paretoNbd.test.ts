import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { foldSummary } from '../src/data/summary.js';
import { createRng } from '../src/random/prng.js';
import {
  fitParetoNbd,
  paretoNbdConditionalExpectedTransactions,
  paretoNbdConditionalExpectedTransactionsPath,
  paretoNbdCustomerLogLikelihood,
  paretoNbdExpectedTransactions,
  paretoNbdLikelihood,
  paretoNbdProbabilityAlive,
  paretoNbdProbabilityOfTransactions,
  simulateParetoNbd,
  type ParetoNbdParams,
} from '../src/models/paretoNbd/index.js';
import { continuedFraction } from '../src/models/paretoNbd/continuedFraction.js';
import { fillCoefficients, series, seriesFromTable, STRIDE } from '../src/models/paretoNbd/series.js';
import { cdnowSummary } from './support/cdnow.js';
import { countModelInvariants } from './support/countModelInvariants.js';
import { assertRecovered } from './support/recovery.js';

/** Fader, Hardie & Lee (2005), p. 281, on the CDNOW sample (α < β). */
const published: ParetoNbdParams = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
/** Parameter sets for the other branch (α > β) and the boundary (α = β, z = 0). */
const alphaAboveBeta: ParetoNbdParams = { r: 0.8, alpha: 15, s: 0.4, beta: 5 };
const alphaEqualsBeta: ParetoNbdParams = { r: 0.553, alpha: 11, s: 0.606, beta: 11 };

const near = (got: number, want: number, digits: number) =>
  assert.ok(Math.abs(got - want) <= 0.5 * 10 ** -digits * Math.max(1, Math.abs(want)), `${got} vs ${want}`);
const relative = (got: number, want: number, tolerance: number, label = '') =>
  assert.ok(Math.abs(got - want) <= tolerance * Math.abs(want), `${label} ${got} vs ${want}`);

describe('Pareto/NBD against the literature', () => {
  it('reproduces Fader, Hardie & Lee (2005) on CDNOW: r 0.553, α 10.578, s 0.606, β 11.669, LL −9595.0', () => {
    const fit = fitParetoNbd(cdnowSummary());
    assert.equal(fit.model, 'pareto-nbd');
    assert.equal(fit.converged, true);
    assert.equal(fit.n, 2357);
    near(fit.params.r, 0.553, 3);
    near(fit.params.alpha, 10.578, 3);
    near(fit.params.s, 0.606, 3);
    near(fit.params.beta, 11.669, 3);
    near(fit.logLik, -9595.0, 1);
    // The exact maximum (Newton-polished; the total LL checked against mpmath to 1e-12) has
    // β = 11.66791: the likelihood is flat in β (s.e. ≈ 6.2), and 11.669 is 5e-7 lower in LL.
    near(fit.params.r, 0.5532755, 6);
    near(fit.params.alpha, 10.5776122, 6);
    near(fit.params.s, 0.6062136, 6);
    near(fit.params.beta, 11.66791, 4);
    near(fit.logLik, -9594.9739298, 6);
    for (const name of ['r', 'alpha', 's', 'beta'] as const) assert.ok(fit.stdErr[name] > 0);
    assert.ok(Object.isFrozen(fit) && Object.isFrozen(fit.params));
  });

  it('predicts customer 1516 (x 26, t_x 30.85714, T 31): 52 weeks 25.45734, P(alive) 0.997874, LL −39.13163', () => {
    near(paretoNbdConditionalExpectedTransactions(published, 52, 26, 30.85714, 31), 25.45734, 5);
    near(paretoNbdProbabilityAlive(published, 26, 30.85714, 31), 0.997874, 6);
    near(paretoNbdCustomerLogLikelihood(published, 26, 30.85714, 31), -39.13163, 5);
  });

  it('regularises with the L2 penalty: parameters shrink as λ grows', () => {
    const s = cdnowSummary();
    const free = fitParetoNbd(s);
    const penalised = fitParetoNbd(s, { penalizer: 0.01 });
    assert.equal(penalised.penalizer, 0.01);
    assert.equal(penalised.converged, true);
    assert.ok(penalised.params.alpha < free.params.alpha && penalised.params.beta < free.params.beta);
    assert.ok(penalised.logLik < free.logLik);
    const stronger = fitParetoNbd(s, { penalizer: 0.1 });
    assert.ok(stronger.params.alpha < penalised.params.alpha && stronger.params.beta < penalised.params.beta);
  });

  it('folds identical rows into weights without changing the fit', () => {
    const s = cdnowSummary();
    const doubled = {
      frequency: [...s.frequency, ...s.frequency],
      recency: [...s.recency, ...s.recency],
      T: [...s.T, ...s.T],
    };
    const once = fitParetoNbd(s);
    const twice = fitParetoNbd(doubled);
    assert.equal(twice.n, 2 * once.n);
    near(twice.logLik, 2 * once.logLik, 4);
    near(twice.params.r, once.params.r, 5);
  });
});

// Reference values computed with mpmath 1.3 at 40 digits: L = C·[E + s·∫_{t_x}^{T} (α+τ)^−(r+x)
// (β+τ)^−(s+1) dτ] with the integral both by quadrature and by note 009's ₂F₁ form (they agree),
// and P(X(t)=n) by quadrature of ∫₀ᵗ τⁿ (α+τ)^−(r+n) (β+τ)^−(s+1) dτ.
describe('Pareto/NBD high-precision anchors', () => {
  const cases: [string, ParetoNbdParams, number, number, number, number, number, number][] = [
    // label, params, x, t_x, T, LL, P(alive), E[Y(52) | x, t_x, T]
    ['α < β', published, 2, 30.43, 38.86, -9.554283245150407, 0.8691675591530112, 1.8508267207019515],
    ['α < β', published, 1000, 38, 39, 2016.2419834206023, 2.334250840655635e-6, 0.001943504281868829],
    ['α < β', published, 0, 0, 38.86, -0.5210462940808903, 0.29528660461689415, 0.13620100592390505],
    ['α > β', alphaAboveBeta, 2, 30.43, 38.86, -9.390783552076972, 0.8970481402086851, 2.0406355438376123],
    ['α > β', alphaAboveBeta, 1000, 38, 39, 1930.815612833959, 1.5115053333454901e-5, 0.012263151936345631],
    ['α > β', alphaAboveBeta, 0, 0, 38.86, -0.5641624033811077, 0.26523638337522637, 0.17239106390767786],
    ['α > β', alphaAboveBeta, 26, 30.85714, 31, -40.774165233892155, 0.9983427382165321, 24.765906707299088],
    ['α = β', alphaEqualsBeta, 2, 30.43, 38.86, -9.580305975297334, 0.8676514463040066, 1.8275855406897321],
    ['α = β', alphaEqualsBeta, 1000, 38, 39, 2007.6039030589743, 2.7160387829694468e-6, 0.0022369644373396737],
    ['α = β', alphaEqualsBeta, 0, 0, 38.86, -0.5014634485219899, 0.28645871861375716, 0.13069795121237568],
  ];
  // |α−β|/(max(α,β) + t_x) up to 0.9999: ₂F₁ by Gauss's continued fraction instead of the series.
  const farApart: [string, ParetoNbdParams, number, number, number, number, number, number][] = [
    [
      'α ≫ β',
      { r: 2, alpha: 60, s: 0.3, beta: 0.5 },
      0,
      0,
      38.86,
      -0.3079480281759944,
      0.13526202727512593,
      0.1235510930305879,
    ],
    [
      'α ≫ β',
      { r: 2, alpha: 60, s: 0.3, beta: 0.5 },
      3,
      0.5,
      38.86,
      -10.06052616154628,
      0.0577851417858355,
      0.13195531614437772,
    ],
    [
      'α ≫ β',
      { r: 2, alpha: 60, s: 0.3, beta: 0.5 },
      40,
      30,
      38.86,
      -71.28695273165093,
      0.4792594067537403,
      9.193071548548344,
    ],
    [
      'β ≫ α',
      { r: 0.5, alpha: 0.01, s: 1.5, beta: 100 },
      0,
      0,
      38.86,
      -3.7340272249067255,
      0.4101988206024151,
      0.21546576576213997,
    ],
    [
      'β ≫ α',
      { r: 0.5, alpha: 0.01, s: 1.5, beta: 100 },
      3,
      0.5,
      38.86,
      -5.127291139412335,
      5.275199485380775e-5,
      0.0001939638506267432,
    ],
    [
      'β ≫ α',
      { r: 0.5, alpha: 0.01, s: 1.5, beta: 100 },
      40,
      30,
      38.86,
      -37.30611735764583,
      0.002946247818313024,
      0.1253539901714264,
    ],
  ];
  for (const [label, p, x, tx, T, ll, alive, expected] of farApart) {
    it(`${label} (z near 1): x ${x}, t_x ${tx}, T ${T} — LL, P(alive) and E[Y(52)] to ~1e-12`, () => {
      relative(paretoNbdCustomerLogLikelihood(p, x, tx, T), ll, 1e-12, 'LL');
      relative(paretoNbdProbabilityAlive(p, x, tx, T), alive, 1e-12, 'P(alive)');
      relative(paretoNbdConditionalExpectedTransactions(p, 52, x, tx, T), expected, 1e-12, 'E[Y(52)]');
    });
  }
  for (const [label, p, x, tx, T, ll, alive, expected] of cases) {
    it(`${label}: x ${x}, t_x ${tx}, T ${T} — LL, P(alive) and E[Y(52)] to ~1e-14`, () => {
      relative(paretoNbdCustomerLogLikelihood(p, x, tx, T), ll, 1e-14, 'LL');
      relative(paretoNbdProbabilityAlive(p, x, tx, T), alive, 2e-14, 'P(alive)');
      relative(paretoNbdConditionalExpectedTransactions(p, 52, x, tx, T), expected, 2e-14, 'E[Y(52)]');
    });
  }

  it('expected transactions for a new customer: E[X(39)] for α < β, α > β, α = β', () => {
    relative(paretoNbdExpectedTransactions(published, 39), 1.213002844281016, 1e-15);
    relative(paretoNbdExpectedTransactions(alphaAboveBeta, 39), 1.194284351215587, 1e-15);
    relative(paretoNbdExpectedTransactions(alphaEqualsBeta, 39), 1.1451211973897173, 1e-15);
  });

  it('takes the s = 1 limit exactly and continuously (s = 1 vs 1 ± 1e-9)', () => {
    // mpmath: [1 − q^(s−1)]/(s−1) at s = 1 ± 1e-9 (the doubles), −ln q at s = 1.
    const rows: [number, number, number, number][] = [
      // s, E[X(39)], E[X(10⁴)], E[Y(52) | 2, 30.43, 38.86]
      [1, 0.8957632368864327, 4.120528944656467, 1.467178803240478],
      [1 + 1e-9, 0.8957632362287729, 4.120528930740264, 1.467178802389578],
      [1 - 1e-9, 0.8957632375440924, 4.120528958572669, 1.4671788040913778],
    ];
    for (const [s, e39, e10k, conditional] of rows) {
      const p = { ...published, s };
      relative(paretoNbdExpectedTransactions(p, 39), e39, 1e-15, `s=${s}`);
      relative(paretoNbdExpectedTransactions(p, 1e4), e10k, 1e-15, `s=${s}`);
      relative(paretoNbdConditionalExpectedTransactions(p, 52, 2, 30.43, 38.86), conditional, 1e-14, `s=${s}`);
    }
    near(paretoNbdCustomerLogLikelihood({ ...published, s: 1 }, 2, 30.43, 38.86), -10.042076547562482, 13);
  });

  it('gives P(X(t) = n) of note 012 for α < β, α > β and α = β, down to 1e-37', () => {
    const pmf: [ParetoNbdParams, number, number, number][] = [
      [published, 1, 0, 0.9524569682931417],
      [published, 1, 30, 1.5139460908076175e-33],
      [published, 39, 1, 0.1655629472771755],
      [published, 39, 10, 0.0041934393320804215],
      [published, 104, 30, 0.0005914932149805442],
      [alphaAboveBeta, 1, 10, 4.345761475987889e-13],
      [alphaAboveBeta, 1, 30, 2.888605720930718e-37],
      [alphaAboveBeta, 39, 2, 0.09113264594343089],
      [alphaAboveBeta, 104, 0, 0.5085233914766211],
      [alphaAboveBeta, 104, 30, 0.000467908831308229],
      [alphaEqualsBeta, 39, 5, 0.0203690545707589],
      [alphaEqualsBeta, 104, 10, 0.008283224137475256],
    ];
    for (const [p, t, n, want] of pmf) {
      relative(paretoNbdProbabilityOfTransactions(p, t, n), want, 5e-14, `P(X(${t}) = ${n})`);
    }
    assert.equal(paretoNbdProbabilityOfTransactions(published, 0, 0), 1);
    assert.equal(paretoNbdProbabilityOfTransactions(published, 0, 3), 0);
  });

  it('stays accurate as t_x → T (the two terms of A₀ cancel) and at t_x = T', () => {
    const atT = paretoNbdCustomerLogLikelihood(published, 5, 38.86, 38.86);
    near(atT, -17.675812865215704, 13);
    assert.equal(paretoNbdProbabilityAlive(published, 5, 38.86, 38.86), 1);
    // mpmath at t_x = 38.859999 (the double 38.86 − 1e-6): the odds of having left are 1.19931e-8.
    near(paretoNbdCustomerLogLikelihood(published, 5, 38.86 - 1e-6, 38.86), -17.67581285322259, 13);
    relative(paretoNbdProbabilityAlive(published, 5, 38.86 - 1e-6, 38.86), 0.9999999880068865, 1e-15);
    // The likelihood falls and P(alive) rises towards their values at t_x = T.
    let previousLL = Infinity;
    let previousAlive = 0;
    for (const gap of [1e-3, 1e-6, 1e-9, 1e-12]) {
      const ll = paretoNbdCustomerLogLikelihood(published, 5, 38.86 - gap, 38.86);
      const alive = paretoNbdProbabilityAlive(published, 5, 38.86 - gap, 38.86);
      assert.ok(ll < previousLL && ll >= atT, `LL at gap ${gap}: ${ll}`);
      assert.ok(alive > previousAlive && alive <= 1, `P(alive) at gap ${gap}: ${alive}`);
      previousLL = ll;
      previousAlive = alive;
    }
    near(previousLL, atT, 12);
  });
});

describe('Pareto/NBD ₂F₁(1, b; c; z) with its derivatives (series, table, continued fraction)', () => {
  // mpmath: F = hyp2f1(1, b, c, z) and numerical derivatives of ln F in b, c, z (30 digits).
  const reference = [
    [1.606, 2.159, 0.5, 1.6467883351687203, 0.34087201485044466, -0.2631479048579588, 1.3911766083071164],
    [1.606, 2.159, 0.97, 9.181696522930398, 2.1064536384370545, -1.8222251946454697, 18.042934546700078],
    [1.606, 2.159, 0.99, 16.311151051595587, 2.9395932788675196, -2.6158084361892096, 50.70663477968642],
    [1000.553, 1002.159, 0.999, 465.5356999114442, 0.3773562573741505, -0.37690199285412035, 544.5441229916923],
    [0.553, 2.159, 0.9999, 1.903418892473436, 1.6089739097637918, -0.7527206050386992, 28.49312077984695],
  ] as const;
  const check = (
    label: string,
    got: { value: number; dB: number; dC: number; dZ: number },
    want: readonly number[],
  ) => {
    relative(got.value, want[3]!, 1e-13, `${label} F`);
    relative(got.dB, want[4]!, 1e-13, `${label} ∂b`);
    relative(got.dC, want[5]!, 1e-13, `${label} ∂c`);
    relative(got.dZ, want[6]!, 1e-13, `${label} ∂z`);
  };
  it('matches mpmath by the recurrence (z ≤ 0.97) and by the continued fraction (any z)', () => {
    for (const row of reference) {
      const [b, c, z] = row;
      check(`series z=${z}`, series(b, c, z, { value: 0, dB: 0, dC: 0, dZ: 0 }), row);
      check(`fraction z=${z}`, continuedFraction(b, c, z, { value: 0, dB: 0, dC: 0, dZ: 0 }), row);
    }
  });
  it('sums from a coefficient table, falling back to the recurrence when the table is short', () => {
    for (const terms of [3, 2000]) {
      const table = new Float64Array(terms * STRIDE);
      const [b, c, z] = reference[0];
      fillCoefficients(table, 0, b, c, terms);
      check(
        `table of ${terms}`,
        seriesFromTable(table, 0, terms, b, c, z, { value: 0, dB: 0, dC: 0, dZ: 0 }),
        reference[0],
      );
    }
  });
});

describe('Pareto/NBD likelihood: fast total against per-customer values and central differences', () => {
  // Rows that exercise every path: x = 0, x = 1000, t_x = T, t_x → T, t_x = 0 with x > 0.
  const rows = {
    frequency: [0, 0, 1, 2, 5, 26, 1000, 3, 7, 40],
    recency: [0, 0, 0.5, 30.43, 38.86 - 1e-9, 30.85714, 38, 12, 20, 0.01],
    T: [38.86, 10, 38.86, 38.86, 38.86, 31, 39, 12, 52, 60],
  };
  const data = foldSummary(rows);
  const f = paretoNbdLikelihood(data);
  const sets: [string, number[]][] = [
    ['CDNOW (α < β)', [0.553, 10.578, 0.606, 11.669]],
    ['α > β', [0.8, 15, 0.4, 5]],
    ['α = β', [0.553, 11, 0.606, 11]],
    ['α just above β', [0.553, 11 * (1 + 1e-9), 0.606, 11]],
    ['α just below β', [0.553, 11 * (1 - 1e-9), 0.606, 11]],
    ['α ≫ β (z → 0.99: continued fraction)', [2, 60, 0.3, 0.5]],
    ['α > β (z → 0.9: a long coefficient table)', [2, 10, 0.3, 1]],
    ['β ≫ α (z → 0.98)', [0.3, 1, 2, 50]],
    ['β ≫ α (z → 0.9999: continued fraction)', [0.5, 0.01, 1.5, 100]],
    ['s = 1', [0.553, 10.578, 1, 11.669]],
  ];
  for (const [label, values] of sets) {
    it(`${label}: total = Σ per-customer LL, analytic gradient = numeric`, () => {
      const p = Float64Array.from(values);
      const gradient = new Float64Array(4);
      const total = f(p, gradient);
      const params = { r: values[0]!, alpha: values[1]!, s: values[2]!, beta: values[3]! };
      let sum = 0;
      for (let i = 0; i < rows.frequency.length; i++) {
        sum += paretoNbdCustomerLogLikelihood(params, rows.frequency[i]!, rows.recency[i]!, rows.T[i]!);
      }
      relative(total, sum, 1e-13, 'total');
      const scratch = new Float64Array(4);
      for (let j = 0; j < 4; j++) {
        const h = 1e-6 * p[j]!;
        const plus = Float64Array.from(p);
        const minus = Float64Array.from(p);
        plus[j] = p[j]! + h;
        minus[j] = p[j]! - h;
        const numeric = (f(plus, scratch) - f(minus, scratch)) / (2 * h);
        assert.ok(
          Math.abs(gradient[j]! - numeric) <= 1e-6 * Math.max(1, Math.abs(numeric)),
          `∂/∂p${j}: ${gradient[j]} vs ${numeric}`,
        );
      }
    });
  }

  it('returns NaN outside the parameter space instead of throwing', () => {
    assert.ok(Number.isNaN(f(Float64Array.from([0, 1, 1, 1]), new Float64Array(4))));
    assert.ok(Number.isNaN(f(Float64Array.from([1, 1, -1, 1]), new Float64Array(4))));
  });
});

describe('Pareto/NBD simulation and parameter recovery', () => {
  it('simulates consistent summaries: t_x ≤ T, t_x = 0 iff x = 0, survival (β/(β+T))^s', () => {
    const rng = createRng(11);
    const n = 50_000;
    const T = new Float64Array(n).fill(39);
    const sim = simulateParetoNbd(published, T, rng);
    let alive = 0;
    let purchases = 0;
    for (let i = 0; i < n; i++) {
      const x = sim.frequency[i]!;
      assert.ok(Number.isInteger(x) && x >= 0);
      assert.ok(sim.recency[i]! <= sim.T[i]! && sim.recency[i]! > 0 === x > 0);
      alive += sim.alive[i]!;
      purchases += x;
    }
    const survival = (published.beta / (published.beta + 39)) ** published.s;
    assert.ok(Math.abs(alive / n - survival) < 0.01, `alive ${alive / n} vs ${survival}`);
    const mean = paretoNbdExpectedTransactions(published, 39);
    assert.ok(Math.abs(purchases / n - mean) < 0.05 * mean, `mean x ${purchases / n} vs ${mean}`);
  });

  const truth: ParetoNbdParams = { r: 0.5, alpha: 6, s: 1.2, beta: 15 };
  // β (and s) are the least well pinned down: the tolerance covers them at each size.
  for (const [n, tolerance] of [
    [2_000, 0.4],
    [20_000, 0.2],
    [100_000, 0.1],
  ] as const) {
    it(`recovers r, α, s, β from ${n.toLocaleString('en')} simulated customers within ${tolerance * 100}%`, () => {
      const rng = createRng(20240501 + n);
      const T = Float64Array.from({ length: n }, () => 26 + rng.next() * 52);
      const fit = fitParetoNbd(simulateParetoNbd(truth, T, rng));
      assert.equal(fit.converged, true);
      assertRecovered(`N=${n}`, truth, fit.params, tolerance);
    });
  }
});

describe('Pareto/NBD fit far from α = β', () => {
  it('fits 2,000 customers with β/α = 1000 (z ≈ 0.999, the continued-fraction path)', () => {
    const truth: ParetoNbdParams = { r: 0.5, alpha: 0.2, s: 2, beta: 200 };
    const rng = createRng(4242);
    const T = Float64Array.from({ length: 2000 }, () => 26 + rng.next() * 52);
    const sim = simulateParetoNbd(truth, T, rng);
    const fit = fitParetoNbd(sim);
    assert.equal(fit.converged, true);
    assertRecovered('β/α = 1000', { r: truth.r, alpha: truth.alpha }, fit.params, 0.1);
    const atTruth = paretoNbdLikelihood(foldSummary(sim))(Float64Array.from([0.5, 0.2, 2, 200]), new Float64Array(4));
    assert.ok(fit.logLik >= atTruth, `${fit.logLik} < ${atTruth}`);
  });
});

const invariantCase = (name: string, params: ParetoNbdParams, seed: number, withPmf: boolean) => {
  const rng = createRng(seed);
  const summary = simulateParetoNbd(
    params,
    Float64Array.from({ length: 300 }, () => 1 + rng.next() * 77),
    rng,
  );
  countModelInvariants<ParetoNbdParams>({
    name,
    paramNames: ['r', 'alpha', 's', 'beta'],
    params,
    toArray: (p) => [p.r, p.alpha, p.s, p.beta],
    fromArray: (v) => ({ r: v[0]!, alpha: v[1]!, s: v[2]!, beta: v[3]! }),
    summary,
    customerLogLikelihood: paretoNbdCustomerLogLikelihood,
    likelihood: paretoNbdLikelihood,
    probabilityAlive: paretoNbdProbabilityAlive,
    expectedTransactions: paretoNbdExpectedTransactions,
    conditionalExpectedTransactions: paretoNbdConditionalExpectedTransactions,
    conditionalExpectedTransactionsPath: paretoNbdConditionalExpectedTransactionsPath,
    ...(withPmf ? { probabilityOfTransactions: paretoNbdProbabilityOfTransactions } : {}),
    horizons: [0.5, 1, 4, 13, 26, 52, 104],
  });
};
invariantCase('Pareto/NBD (CDNOW, α < β)', published, 7, true);
invariantCase('Pareto/NBD (α > β)', alphaAboveBeta, 8, true);
// At α = β the central differences step across the boundary between the two forms of A₀.
invariantCase('Pareto/NBD (α = β)', alphaEqualsBeta, 9, true);
invariantCase('Pareto/NBD (s = 1)', { ...published, s: 1 }, 10, false);
