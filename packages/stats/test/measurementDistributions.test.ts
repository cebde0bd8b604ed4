import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalCdf, normalQuantile, regularizedIncompleteBeta, studentTCdf, studentTQuantile } from '../src/index.js';

// Every expected value below was computed with SciPy 1.17.1 on 2026-11-22, by
//   python3 -c "from scipy import stats, special; print(repr(float(stats.norm.cdf(x))))"
// and likewise stats.norm.ppf(p), special.betainc(a, b, x), stats.t.cdf(t, df), stats.t.ppf(p, df).

function closeRelative(actual: number, expected: number, tolerance: number): void {
  const scale = Math.max(Math.abs(expected), Number.MIN_VALUE);
  assert.ok(Math.abs(actual - expected) <= tolerance * scale, `${actual} vs ${expected}`);
}

describe('normalCdf', () => {
  const cases: [number, number][] = [
    [-20, 2.7536241186061556e-89],
    [-8, 6.22096057427174e-16],
    [-3, 0.0013498980316300933],
    [-1.959963984540054, 0.025],
    [-0.5, 0.3085375387259869],
    [0, 0.5],
    [0.3, 0.6179114221889526],
    [1, 0.8413447460685429],
    [2.5, 0.9937903346742238],
    [6, 0.9999999990134123],
  ];
  for (const [x, expected] of cases) {
    it(`Φ(${x}) matches scipy.stats.norm.cdf with relative precision in the tails`, () => {
      closeRelative(normalCdf(x), expected, 1e-13);
    });
  }
  it('is 0 and 1 at the infinities and NaN only for NaN', () => {
    assert.equal(normalCdf(-Infinity), 0);
    assert.equal(normalCdf(Infinity), 1);
    assert.ok(Number.isNaN(normalCdf(Number.NaN)));
  });
});

describe('normalQuantile', () => {
  const cases: [number, number][] = [
    [1e-300, -37.0470962993612],
    [1e-20, -9.262340089798409],
    [1e-10, -6.361340902404056],
    [0.001, -3.090232306167813],
    [0.02425, -1.972961051311885], // the switch between Acklam's central and tail regions
    [0.025, -1.9599639845400545],
    [0.3, -0.5244005127080409],
    [0.5, 0],
    [0.8, 0.8416212335729143],
    [0.975, 1.959963984540054],
    [0.999, 3.090232306167813],
    [1 - 1e-12, 7.0344869100478356],
  ];
  for (const [p, expected] of cases) {
    it(`Φ⁻¹(${p}) matches scipy.stats.norm.ppf`, () => {
      assert.ok(Math.abs(normalQuantile(p) - expected) <= 1e-13 * Math.max(1, Math.abs(expected)));
    });
  }
  it('rejects probabilities outside (0, 1)', () => {
    for (const p of [0, 1, -0.1, Number.NaN]) assert.throws(() => normalQuantile(p), RangeError);
  });
});

describe('regularizedIncompleteBeta', () => {
  const cases: [number, number, number, number][] = [
    [0.3, 2, 3, 0.34829999999999994],
    [0.9, 0.5, 5, 0.9999974294103009],
    [0.01, 10, 0.5, 1.770034965528571e-21],
    [0.5, 500, 500, 0.5],
    [0.999, 3.5, 0.5, 0.9356322688440224],
    [1e5 / (1e5 + 4), 5e4, 0.5, 0.04550296345758735], // the t tail at t = 2, ν = 10⁵
    [4 / (1e5 + 4), 0.5, 5e4, 0.9544970365424934],
  ];
  for (const [x, a, b, expected] of cases) {
    it(`I_${x}(${a}, ${b}) matches scipy.special.betainc`, () => {
      closeRelative(regularizedIncompleteBeta(x, a, b), expected, 1e-10);
    });
  }
  it('is 0 and 1 at the ends', () => {
    assert.equal(regularizedIncompleteBeta(0, 2, 3), 0);
    assert.equal(regularizedIncompleteBeta(1, 2, 3), 1);
  });
});

describe('Student t', () => {
  const cdfCases: [number, number, number][] = [
    [2.0, 1, 0.8524163823495667],
    [-3.0, 2, 0.04773298313335456],
    [1.5, 3.7, 0.8932009153989933],
    [0.1, 10, 0.5388396407177959],
    [-2.5, 30, 0.009057824534033344],
    [4.0, 150.25, 0.9999504566762489],
    [25, 4, 0.9999924012371183],
    [-1.96, 1e6, 0.024998033792634926],
  ];
  for (const [t, df, expected] of cdfCases) {
    it(`P(T ≤ ${t}) with ν = ${df} matches scipy.stats.t.cdf`, () => {
      // ln B(ν/2, 1/2) from Lanczos log-gammas of size ~ν/2·ln ν loses about that many ulps:
      // 2e-10 relative at ν = 10⁶, far below what an interval needs.
      closeRelative(studentTCdf(t, df), expected, df > 1e5 ? 1e-9 : 1e-10);
    });
  }
  const quantileCases: [number, number, number][] = [
    [0.975, 1, 12.706204736174694],
    [0.975, 2, 4.302652729749462],
    [0.995, 3.7, 4.8692522532278275],
    [0.025, 5, -2.5705818356363155],
    [0.975, 10, 2.228138851986274],
    [0.9, 30, 1.3104150253913955],
    [0.975, 150.25, 1.9758785952855722],
    [0.999999, 4, 41.5778541501515],
    [0.975, 1e6, 1.959966356814107],
    [0.6, 0.5, 0.3979754267847907],
  ];
  for (const [p, df, expected] of quantileCases) {
    it(`t quantile ${p} with ν = ${df} matches scipy.stats.t.ppf`, () => {
      closeRelative(studentTQuantile(p, df), expected, 1e-9);
    });
  }
  it('inverts its own CDF and rejects bad arguments', () => {
    for (const df of [1, 2.5, 7, 60]) {
      for (const p of [0.001, 0.2, 0.5, 0.9, 0.9999]) closeRelative(studentTCdf(studentTQuantile(p, df), df), p, 1e-11);
    }
    assert.throws(() => studentTQuantile(0.5, 0), RangeError);
    assert.throws(() => studentTQuantile(1, 5), RangeError);
  });
});
