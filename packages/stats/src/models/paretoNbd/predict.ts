import { logistic } from '../../special/logSumExp.js';
import { paretoNbdLogParts } from './customer.js';
import type { ParetoNbdParams } from './likelihood.js';

/**
 * [1 − q^ε] / ε for q = e^(ln q) ∈ (0, 1], computed as −expm1(ε ln q)/ε so that nothing
 * cancels; near ε = 0 (s = 1 in the expectations below) it is the series
 * −ln q (1 + y/2 + y²/6) with y = ε ln q, whose limit −ln q is taken exactly at ε = 0.
 */
function powerQuotient(epsilon: number, lnq: number): number {
  const y = epsilon * lnq;
  if (Math.abs(y) < 1e-8) return -lnq * (1 + (y / 2) * (1 + y / 3));
  return -Math.expm1(y) / epsilon;
}

/**
 * Expected number of repeat transactions in (0, t] for a new customer (Schmittlein, Morrison
 * & Colombo 1987; Fader & Hardie 2005, note 009, eq. 27):
 *   E[X(t)] = rβ / (α(s−1)) · [1 − (β/(β+t))^(s−1)],
 * and at s = 1 its limit (rβ/α) ln(1 + t/β).
 */
export function paretoNbdExpectedTransactions(p: ParetoNbdParams, t: number): number {
  if (t <= 0) return 0;
  return ((p.r * p.beta) / p.alpha) * powerQuotient(p.s - 1, -Math.log1p(t / p.beta));
}

/**
 * Probability that a customer with history (x, t_x, T) is still alive at T (Fader & Hardie
 * 2005, note 009, eq. 36–37):
 *   P(alive) = 1 / (1 + s/(r+s+x) · (α+T)^(r+x) (β+T)^s · A₀),
 * A₀ as in paretoNbdCustomerLogLikelihood; evaluated as 1 / (1 + e^(ln odds)), the log-odds
 * ln(s/(r+s+x) · A₀ (α+T)^(r+x) (β+T)^s) built from log-ratios (customer.ts).
 */
export function paretoNbdProbabilityAlive(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  return logistic(-paretoNbdLogParts(p, x, tx, T).lnOdds);
}

/**
 * Expected repeat transactions in (T, T+t] given the history (note 009, eq. 41):
 *   E[Y(t) | x, t_x, T] = (r+x)(β+T) / ((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)] · P(alive),
 * with the s = 1 limit (r+x)(β+T)/(α+T) · ln(1 + t/(β+T)) · P(alive).
 */
export function paretoNbdConditionalExpectedTransactions(
  p: ParetoNbdParams,
  t: number,
  x: number,
  tx: number,
  T: number,
): number {
  if (t <= 0) return 0;
  const bt = p.beta + T;
  const rate = ((p.r + x) * bt) / (p.alpha + T);
  return rate * powerQuotient(p.s - 1, -Math.log1p(t / bt)) * paretoNbdProbabilityAlive(p, x, tx, T);
}

/**
 * paretoNbdConditionalExpectedTransactions at every time in `times` for one customer, written
 * to `out` — the form discounted CLV uses. P(alive), the only costly part (a ₂F₁), does not
 * depend on t and is computed once.
 */
export function paretoNbdConditionalExpectedTransactionsPath(
  p: ParetoNbdParams,
  times: ArrayLike<number>,
  x: number,
  tx: number,
  T: number,
  out: Float64Array,
): void {
  const bt = p.beta + T;
  const scale = (((p.r + x) * bt) / (p.alpha + T)) * paretoNbdProbabilityAlive(p, x, tx, T);
  for (let k = 0; k < times.length; k++) {
    const t = times[k]!;
    out[k] = t > 0 ? scale * powerQuotient(p.s - 1, -Math.log1p(t / bt)) : 0;
  }
}
