import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRng } from '../src/random/prng.js';
import {
  bgBbConditionalExpectedTransactions,
  bgBbCustomerLogLikelihood,
  bgBbExpectedTransactions,
  bgBbLikelihood,
  bgBbProbabilityAlive,
  bgBbProbabilityOfTransactions,
  checkBgBbSummary,
  fitBgBb,
  InvalidBgBbSummaryError,
  simulateBgBb,
  type BgBbParams,
} from '../src/models/bgBb/index.js';
import { sbgSurvival } from '../src/models/sbg/index.js';
import { countModelInvariants } from './support/countModelInvariants.js';
import { assertRecovered } from './support/recovery.js';

/** Fader, Hardie & Shang (2010), the donation data: α 1.204, β 0.750, γ 0.657, δ 2.783. */
const published: BgBbParams = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };
const near = (got: number, want: number, digits: number) =>
  assert.ok(Math.abs(got - want) <= 0.5 * 10 ** -digits * Math.max(1, Math.abs(want)), `${got} vs ${want}`);

/**
 * The donation data of Fader, Hardie & Shang (2010) as lifetimes ships it (donations.csv):
 * 11,104 first-time supporters of 1995, six annual opportunities 1996–2001, as
 * (x, t_x, n, number of donors).
 */
const donations: readonly (readonly [number, number, number, number])[] = [
  [0, 0, 6, 3464],
  [1, 1, 6, 1091],
  [1, 2, 6, 277],
  [1, 3, 6, 129],
  [1, 4, 6, 78],
  [1, 5, 6, 119],
  [1, 6, 6, 129],
  [2, 2, 6, 613],
  [2, 3, 6, 255],
  [2, 4, 6, 155],
  [2, 5, 6, 173],
  [2, 6, 6, 234],
  [3, 3, 6, 322],
  [3, 4, 6, 181],
  [3, 5, 6, 225],
  [3, 6, 6, 357],
  [4, 4, 6, 240],
  [4, 5, 6, 284],
  [4, 6, 6, 512],
  [5, 5, 6, 335],
  [5, 6, 6, 728],
  [6, 6, 6, 1203],
];
const donationSummary = {
  frequency: donations.map((r) => r[0]),
  recency: donations.map((r) => r[1]),
  T: donations.map((r) => r[2]),
  weights: donations.map((r) => r[3]),
};

/**
 * Every possible history (x, t_x) after n opportunities, with the number of 0/1 sequences
 * it summarises, C(t_x−1, x−1): eq. 5 is the probability of one such sequence.
 */
function histories(n: number): [number, number, number][] {
  const out: [number, number, number][] = [[0, 0, 1]];
  for (let tx = 1; tx <= n; tx++) {
    let sequences = 1;
    for (let x = 1; x <= tx; x++) {
      out.push([x, tx, sequences]);
      sequences = (sequences * (tx - x)) / x;
    }
  }
  return out;
}

describe('BG/BB against the literature', () => {
  it('reproduces Fader, Hardie & Shang (2010) on the donation data: α 1.204, β 0.750, γ 0.657, δ 2.783, LL −33,225.6', () => {
    const fit = fitBgBb(donationSummary);
    assert.equal(fit.model, 'bg-bb');
    assert.equal(fit.converged, true);
    near(fit.params.alpha, 1.204, 3);
    near(fit.params.beta, 0.75, 3);
    near(fit.params.gamma, 0.657, 3);
    near(fit.params.delta, 2.783, 3);
    near(fit.logLik, -33225.6, 1);
    // mpmath (findroot on the score, 40 digits): α 1.20352235160191, β 0.749716358172939,
    // γ 0.656718208441832, δ 2.78344223257738, LL −33225.581274347.
    near(fit.params.alpha, 1.20352235160191, 5);
    near(fit.params.delta, 2.78344223257738, 5);
    near(fit.logLik, -33225.581274347, 8);
    assert.equal(fit.n, 11104);
    assert.ok(Object.isFrozen(fit) && Object.isFrozen(fit.params));
  });

  it('gives the same fit from the 11,104 individual rows as from the folded table', () => {
    const expanded = { frequency: [] as number[], recency: [] as number[], T: [] as number[] };
    for (const [x, tx, n, count] of donations) {
      for (let k = 0; k < count; k++) {
        expanded.frequency.push(x);
        expanded.recency.push(tx);
        expanded.T.push(n);
      }
    }
    const folded = fitBgBb(donationSummary);
    const rows = fitBgBb(expanded);
    assert.equal(rows.n, folded.n);
    near(rows.logLik, folded.logLik, 9);
    near(rows.params.gamma, folded.params.gamma, 7);
  });

  // References: mpmath 1.3 at 40 digits under the published parameters; the conditional
  // expectations were computed both as the sum Σ_t B(γ, δ+t)/B(γ, δ) and by eq. 13's closed
  // form (equal to all digits shown).
  it('matches high-precision per-customer values: LL (eq. 5), P(alive) (eq. 11), E[X(n, n+n*)] (eq. 13)', () => {
    const cases: [number, number, number, number, number, number, number][] = [
      // x, t_x, n, LL, P(alive at n+1), E over next 5, E over next 52
      [0, 0, 6, -1.1672624726738938, 0.1080165841686742, 0.072802877475043, 0.4142659503787443],
      [3, 4, 6, -5.059307947411104, 0.4394628570557565, 1.0342284984211045, 5.885009860414825],
      [6, 6, 6, -2.1822484476182997, 0.9304025423728813, 3.7521156075998148, 21.350443719015082],
      [1, 1, 6, -2.288531685666258, 0.06940809320654967, 0.0856353983378703, 0.4872860923754198],
      [10, 30, 52, -25.462023254270584, 0.012187009419419475, 0.012367385683612305, 0.1047127664100051],
      [0, 0, 52, -1.2452412383195008, 0.003148480258706624, 0.00034334847220134703, 0.002907079093885792],
    ];
    for (const [x, tx, n, ll, alive, next5, next52] of cases) {
      near(bgBbCustomerLogLikelihood(published, x, tx, n), ll, 13);
      near(bgBbProbabilityAlive(published, x, tx, n), alive, 13);
      near(bgBbConditionalExpectedTransactions(published, 5, x, tx, n), next5, 13);
      near(bgBbConditionalExpectedTransactions(published, 52, x, tx, n), next52, 13);
    }
  });

  it('matches high-precision population values: E[X(n)] (eq. 7) and P(X(n) = x) (eq. 6)', () => {
    near(bgBbExpectedTransactions(published, 1), 0.4984902763561924, 14);
    near(bgBbExpectedTransactions(published, 6), 2.219631393487299, 14);
    near(bgBbExpectedTransactions(published, 11), 3.387571111064622, 14);
    near(bgBbExpectedTransactions(published, 52), 8.38265010961581, 13);
    const pmf6 = [
      0.3112177432638493, 0.17010997840651465, 0.12148051376687113, 0.10026311502480369, 0.09165985342492183,
      0.0924811479052925, 0.11278764820774684,
    ];
    pmf6.forEach((want, x) => near(bgBbProbabilityOfTransactions(published, 6, x), want, 14));
    near(bgBbProbabilityOfTransactions(published, 52, 10), 0.015121979349342125, 14);
    assert.equal(bgBbProbabilityOfTransactions(published, 6, 7), 0);
  });
});

describe('BG/BB internal consistency over all histories', () => {
  for (const n of [6, 15]) {
    it(`ties eqs. 5, 6, 7, 11 and 13 together after ${n} opportunities`, () => {
      let total = 0;
      let aliveNext = 0;
      let expectedAfter = 0;
      const byFrequency = new Float64Array(n + 1);
      for (const [x, tx, sequences] of histories(n)) {
        const probability = sequences * Math.exp(bgBbCustomerLogLikelihood(published, x, tx, n));
        total += probability;
        byFrequency[x] = byFrequency[x]! + probability;
        aliveNext += probability * bgBbProbabilityAlive(published, x, tx, n);
        expectedAfter += probability * (x + bgBbConditionalExpectedTransactions(published, 7, x, tx, n));
      }
      // eq. 5 times the number of sequences is a distribution over histories; summed over
      // t_x it is eq. 6.
      near(total, 1, 13);
      byFrequency.forEach((q, x) => near(q, bgBbProbabilityOfTransactions(published, n, x), 13));
      // Averaging eq. 11 over histories gives S(n+1) = B(γ, δ+n+1)/B(γ, δ).
      near(aliveNext, sbgSurvival(published, n + 1), 13);
      // Past plus expected future transactions (eq. 13) average to eq. 7 at n+7.
      near(expectedAfter, bgBbExpectedTransactions(published, n + 7), 13);
    });
  }

  it('stays finite on extreme but valid histories', () => {
    for (const [x, tx, n] of [
      [1000, 1000, 1000],
      [0, 0, 10_000],
      [1, 1, 10_000],
      [500, 1000, 1000],
      [0, 0, 0],
    ] as const) {
      const alive = bgBbProbabilityAlive(published, x, tx, n);
      assert.ok(alive >= 0 && alive <= 1, `(${x}, ${tx}, ${n}): ${alive}`);
      assert.ok(Number.isFinite(bgBbCustomerLogLikelihood(published, x, tx, n)));
      const expected = bgBbConditionalExpectedTransactions(published, 52, x, tx, n);
      assert.ok(Number.isFinite(expected) && expected >= 0 && expected <= 52, `(${x}, ${tx}, ${n}): ${expected}`);
    }
    near(bgBbProbabilityAlive(published, 0, 0, 0), sbgSurvival(published, 1), 14);
  });

  it('simulates frequencies distributed as eq. 6', () => {
    const size = 200_000;
    const sim = simulateBgBb(published, new Float64Array(size).fill(6), createRng(17));
    const counts = new Float64Array(7);
    for (const x of sim.frequency) counts[x] = counts[x]! + 1;
    counts.forEach((count, x) => {
      const q = bgBbProbabilityOfTransactions(published, 6, x);
      const standardError = Math.sqrt((q * (1 - q)) / size);
      assert.ok(Math.abs(count / size - q) < 4 * standardError, `x=${x}: ${count / size} vs ${q}`);
    });
    for (let i = 0; i < 1000; i++) {
      assert.ok(sim.frequency[i]! <= sim.recency[i]! && sim.recency[i]! <= 6);
      assert.equal(sim.frequency[i] === 0, sim.recency[i] === 0);
    }
  });

  it('reports every row that cannot be a discrete-time history', () => {
    const issues = checkBgBbSummary({ frequency: [2, 1, 0, 3], recency: [1, 2.5, 0, 3], T: [6, 6, 6.5, 2] });
    assert.deepEqual(
      issues.map((i) => [i.row, i.field, i.code]),
      [
        [0, 'frequency', 'FREQUENCY_ABOVE_RECENCY'],
        [1, 'recency', 'NOT_INTEGER'],
        [2, 'T', 'NOT_INTEGER'],
        [3, 'recency', 'RECENCY_AFTER_T'],
      ],
    );
    assert.throws(() => fitBgBb({ frequency: [2], recency: [1], T: [6] }), InvalidBgBbSummaryError);
  });
});

describe('BG/BB parameter recovery', () => {
  // Donation-like parameters, 10 to 30 opportunities per customer. Relative standard errors
  // from the fits: at most about 0.13, 0.04 and 0.018 (δ) at these sizes; the tolerances
  // are about 3.5 of them.
  for (const [n, tolerance] of [
    [2_000, 0.45],
    [20_000, 0.14],
    [100_000, 0.065],
  ] as const) {
    it(`recovers α, β, γ, δ from ${n.toLocaleString('en')} simulated customers within ${tolerance * 100}%`, () => {
      const rng = createRng(20240701 + n);
      const opportunities = Float64Array.from({ length: n }, () => rng.int(10, 30));
      const fit = fitBgBb(simulateBgBb(published, opportunities, rng));
      assert.equal(fit.converged, true);
      assertRecovered(`N=${n}`, published, fit.params, tolerance);
    });
  }
});

const rng = createRng(9);
const simulated = simulateBgBb(
  published,
  Float64Array.from({ length: 300 }, () => rng.int(1, 52)),
  rng,
);
countModelInvariants<BgBbParams>({
  name: 'BG/BB',
  paramNames: ['alpha', 'beta', 'gamma', 'delta'],
  params: published,
  toArray: (p) => [p.alpha, p.beta, p.gamma, p.delta],
  fromArray: (v) => ({ alpha: v[0]!, beta: v[1]!, gamma: v[2]!, delta: v[3]! }),
  summary: simulated,
  customerLogLikelihood: bgBbCustomerLogLikelihood,
  likelihood: bgBbLikelihood,
  probabilityAlive: bgBbProbabilityAlive,
  expectedTransactions: bgBbExpectedTransactions,
  conditionalExpectedTransactions: bgBbConditionalExpectedTransactions,
  probabilityOfTransactions: bgBbProbabilityOfTransactions,
  horizons: [1, 2, 4, 6, 13, 26, 52, 104],
  // x ≤ t_x ≤ n, all whole: a customer cannot transact more often than they had the chance.
  extremeHistories: [
    [0, 0, 1],
    [0, 0, 1000],
    [1000, 1000, 1000],
    [1, 1, 1000],
    [500, 1000, 1000],
  ],
});
