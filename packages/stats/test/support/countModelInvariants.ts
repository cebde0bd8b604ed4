import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { foldSummary, type FoldedSummary } from '../../src/data/summary.js';

export interface CountModelCase<P> {
  name: string;
  paramNames: readonly string[];
  params: P;
  toArray(p: P): number[];
  fromArray(values: ArrayLike<number>): P;
  /** Customers to test on (e.g. simulated from the model), in its time unit. */
  summary: { frequency: ArrayLike<number>; recency: ArrayLike<number>; T: ArrayLike<number> };
  customerLogLikelihood(p: P, x: number, tx: number, T: number): number;
  /** The model's fast total log-likelihood with gradient, as the fitter uses it. */
  likelihood(data: FoldedSummary): (params: Float64Array, gradient: Float64Array) => number;
  probabilityAlive(p: P, x: number, tx: number, T: number): number;
  expectedTransactions(p: P, t: number): number;
  conditionalExpectedTransactions(p: P, t: number, x: number, tx: number, T: number): number;
  probabilityOfTransactions?(p: P, t: number, n: number): number;
  /** The all-horizons form, when the model has one: must agree with the pointwise one. */
  conditionalExpectedTransactionsPath?(
    p: P,
    times: ArrayLike<number>,
    x: number,
    tx: number,
    T: number,
    out: Float64Array,
  ): void;
  /** Horizons to check, in the model's unit; whole numbers for discrete-time models. */
  horizons: number[];
  /** Extreme but possible histories (x, t_x, T); the default suits continuous-time models. */
  extremeHistories?: readonly (readonly [number, number, number])[];
}

/** The invariants every purchase model must satisfy, whatever its formulas. */
export function countModelInvariants<P>(c: CountModelCase<P>) {
  describe(`${c.name}: invariants`, () => {
    const data = foldSummary(c.summary);
    const rows = c.summary.frequency.length;
    const at = (i: number) => [c.summary.frequency[i]!, c.summary.recency[i]!, c.summary.T[i]!] as const;

    it('per-customer log-likelihoods sum to the total the fitter maximises', () => {
      let sum = 0;
      for (let i = 0; i < rows; i++) sum += c.customerLogLikelihood(c.params, ...at(i));
      const total = c.likelihood(data)(Float64Array.from(c.toArray(c.params)), new Float64Array(c.paramNames.length));
      assert.ok(Math.abs(sum - total) <= 1e-9 * Math.abs(total), `${sum} vs ${total}`);
    });

    it('has an analytic gradient that matches central differences', () => {
      const f = c.likelihood(data);
      const p = Float64Array.from(c.toArray(c.params));
      const gradient = new Float64Array(p.length);
      f(p, gradient);
      const scratch = new Float64Array(p.length);
      for (let j = 0; j < p.length; j++) {
        const h = 1e-6 * p[j]!;
        const plus = Float64Array.from(p);
        const minus = Float64Array.from(p);
        plus[j] = p[j]! + h;
        minus[j] = p[j]! - h;
        const numeric = (f(plus, scratch) - f(minus, scratch)) / (2 * h);
        const scale = Math.max(1, Math.abs(numeric));
        assert.ok(
          Math.abs(gradient[j]! - numeric) <= 1e-5 * scale,
          `∂/∂${c.paramNames[j]}: ${gradient[j]} vs ${numeric}`,
        );
      }
    });

    it('keeps P(alive) in [0, 1] and finite for every customer and for extreme histories', () => {
      for (let i = 0; i < rows; i++) {
        const p = c.probabilityAlive(c.params, ...at(i));
        assert.ok(p >= 0 && p <= 1, `row ${i}: ${p}`);
      }
      const extremes = c.extremeHistories ?? [
        [0, 0, 1e-9],
        [0, 0, 1e4],
        [1000, 38, 39],
        [1000, 1, 1000],
        [1, 1e4, 1e4],
      ];
      for (const [x, tx, T] of extremes) {
        const p = c.probabilityAlive(c.params, x, tx, T);
        assert.ok(p >= 0 && p <= 1, `(${x}, ${tx}, ${T}): ${p}`);
        assert.ok(Number.isFinite(c.customerLogLikelihood(c.params, x, tx, T)), `LL(${x}, ${tx}, ${T})`);
        for (const t of c.horizons)
          assert.ok(Number.isFinite(c.conditionalExpectedTransactions(c.params, t, x, tx, T)));
      }
    });

    it('expects non-negative transactions that grow with the horizon', () => {
      let previous = 0;
      for (const t of c.horizons) {
        const e = c.expectedTransactions(c.params, t);
        assert.ok(e >= previous - 1e-12, `E[X(${t})] = ${e} < ${previous}`);
        previous = e;
      }
      for (let i = 0; i < Math.min(rows, 200); i++) {
        let prev = 0;
        for (const t of c.horizons) {
          const e = c.conditionalExpectedTransactions(c.params, t, ...at(i));
          assert.ok(e >= prev - 1e-12, `row ${i}: E[Y(${t})] = ${e} < ${prev}`);
          prev = e;
        }
      }
    });

    if (c.conditionalExpectedTransactionsPath) {
      const path = c.conditionalExpectedTransactionsPath.bind(c);
      it('computes the same expectations along a path of horizons as one by one', () => {
        const times = Float64Array.from([0, ...c.horizons]);
        const out = new Float64Array(times.length);
        const histories = [...Array.from({ length: Math.min(rows, 200) }, (_, i) => at(i)), ...(c.extremeHistories ?? [])];
        for (const [x, tx, T] of histories) {
          path(c.params, times, x, tx, T, out);
          assert.equal(out[0], 0);
          for (let k = 1; k < times.length; k++) {
            const one = c.conditionalExpectedTransactions(c.params, times[k]!, x, tx, T);
            assert.ok(
              Math.abs(out[k]! - one) <= 1e-10 * Math.max(1, Math.abs(one)),
              `(${x}, ${tx}, ${T}) at ${times[k]}: path ${out[k]} vs ${one}`,
            );
          }
        }
      });
    }

    if (c.probabilityOfTransactions) {
      const pmf = c.probabilityOfTransactions.bind(c);
      it('has transaction-count probabilities that sum to 1 with mean E[X(t)]', () => {
        for (const t of c.horizons) {
          let total = 0;
          let mean = 0;
          for (let n = 0; n < 400; n++) {
            const q = pmf(c.params, t, n);
            assert.ok(q >= -1e-12 && q <= 1 + 1e-12, `P(X(${t}) = ${n}) = ${q}`);
            total += q;
            mean += n * q;
          }
          assert.ok(Math.abs(total - 1) < 1e-6, `Σ P(X(${t}) = n) = ${total}`);
          const expected = c.expectedTransactions(c.params, t);
          assert.ok(Math.abs(mean - expected) < 1e-5 * Math.max(1, expected), `mean ${mean} vs E ${expected}`);
        }
      });
    }
  });
}
