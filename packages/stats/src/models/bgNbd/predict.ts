import { logBeta } from '../../special/logBeta.js';
import { logGamma } from '../../special/logGamma.js';
import { hyp2f1Parts } from '../../special/hyp2f1.js';
import { logistic } from '../../special/logSumExp.js';
import type { BgNbdParams } from './likelihood.js';

/**
 * 1 − (1−z)^(a−1) · ₂F₁(a+b−1−r, a−1; c; z), the bracket of both expectations below after
 * Euler's transformation. The untransformed ₂F₁(r+x, b+x; a+b+x−1; z) overflows for large
 * frequencies (x = 1000 gives about 10^340); the transformed one has small parameters.
 */
function oneMinusTransformed(p: BgNbdParams, c: number, z: number): number {
  const { r, a, b } = p;
  const h = hyp2f1Parts(a + b - 1 - r, a - 1, c, z);
  if (h.sign <= 0) return 1;
  return -Math.expm1((a - 1) * Math.log1p(-z) + h.log);
}

/** (a+b+x−1)/(a−1) is singular at a = 1, where the bracket vanishes too; the limit is taken. */
function ratioNearOne(p: BgNbdParams, compute: (a: number) => number): number {
  if (Math.abs(p.a - 1) > 1e-7) return compute(p.a);
  return (compute(1 + 1e-7) + compute(1 - 1e-7)) / 2;
}

/**
 * Expected number of repeat transactions in (0, t] for a new customer (Fader, Hardie & Lee
 * 2005, eq. 9):  E[X(t)] = (a+b−1)/(a−1) · [1 − (α/(α+t))^r ₂F₁(r, b; a+b−1; t/(α+t))].
 */
export function bgNbdExpectedTransactions(p: BgNbdParams, t: number): number {
  if (t <= 0) return 0;
  const z = t / (p.alpha + t);
  return ratioNearOne(p, (a) => ((a + p.b - 1) / (a - 1)) * oneMinusTransformed({ ...p, a }, a + p.b - 1, z));
}

/**
 * Probability that a customer with history (x, t_x, T) is still alive (Fader, Hardie &
 * Lee 2008, "Computing P(alive) using the BG/NBD model", note 021):
 *   P(alive) = 1 / (1 + 1{x>0} · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)).
 */
export function bgNbdProbabilityAlive(p: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  const logOdds = Math.log(p.a / (p.b + x - 1)) + (p.r + x) * Math.log((p.alpha + T) / (p.alpha + tx));
  return logistic(-logOdds);
}

/**
 * Expected repeat transactions in (T, T+t] given the history (FHL 2005, eq. 10):
 *   E[Y(t) | x, t_x, T] = (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))]
 *                         / [1 + 1{x>0} · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)].
 * The bracket is evaluated after Euler's transformation; the denominator is 1/P(alive).
 */
export function bgNbdConditionalExpectedTransactions(
  p: BgNbdParams,
  t: number,
  x: number,
  tx: number,
  T: number,
): number {
  if (t <= 0) return 0;
  const z = t / (p.alpha + T + t);
  const numerator = ratioNearOne(
    p,
    (a) => ((a + p.b + x - 1) / (a - 1)) * oneMinusTransformed({ ...p, a }, a + p.b + x - 1, z),
  );
  return numerator * bgNbdProbabilityAlive(p, x, tx, T);
}

/**
 * Probability of exactly n repeat transactions in (0, t] for a new customer (FHL 2005, eq. 8):
 *   P(X(t)=n) = B(a, b+n)/B(a, b) · Γ(r+n)/(Γ(r) n!) · (α/(α+t))^r (t/(α+t))^n
 *             + 1{n>0} · B(a+1, b+n−1)/B(a, b) · [1 − (α/(α+t))^r Σ_{j<n} Γ(r+j)/(Γ(r) j!) (t/(α+t))^j].
 */
export function bgNbdProbabilityOfTransactions(p: BgNbdParams, t: number, n: number): number {
  const { r, alpha, a, b } = p;
  if (t <= 0) return n === 0 ? 1 : 0;
  const lnq = Math.log(alpha / (alpha + t));
  const lnz = Math.log(t / (alpha + t));
  const lbAB = logBeta(a, b);
  const negBin = (j: number) => logGamma(r + j) - logGamma(r) - logGamma(j + 1) + r * lnq + j * lnz;
  const first = Math.exp(logBeta(a, b + n) - lbAB + negBin(n));
  if (n === 0) return first;
  let cdf = 0;
  for (let j = 0; j < n; j++) cdf += Math.exp(negBin(j));
  return first + Math.exp(logBeta(a + 1, b + n - 1) - lbAB) * Math.max(0, 1 - cdf);
}

/**
 * bgNbdConditionalExpectedTransactions at every time in `times` for one customer, written to
 * `out` — the form discounted CLV uses. Only z = t/(α+T+t) differs between the times, so the
 * ₂F₁ series coefficients (a+b−1−r)ₙ(a−1)ₙ/((a+b+x−1)ₙ n!) are computed once and summed
 * for every z together, and P(alive) once.
 */
export function bgNbdConditionalExpectedTransactionsPath(
  p: BgNbdParams,
  times: ArrayLike<number>,
  x: number,
  tx: number,
  T: number,
  out: Float64Array,
): void {
  const H = times.length;
  if (Math.abs(p.a - 1) <= 1e-7) {
    for (let k = 0; k < H; k++) out[k] = bgNbdConditionalExpectedTransactions(p, times[k]!, x, tx, T);
    return;
  }
  const { r, alpha, a, b } = p;
  const A = a + b - 1 - r;
  const B = a - 1;
  const c = a + b + x - 1;
  const alive = bgNbdProbabilityAlive(p, x, tx, T);
  const scale = (c / (a - 1)) * alive;
  // Each z_k's series is summed alongside the others; the largest z converges last, so
  // only its term decides when to stop.
  const zs = scratch(2 * H);
  let last = -1;
  for (let k = 0; k < H; k++) {
    const t = times[k]!;
    const z = t > 0 ? t / (alpha + T + t) : 0;
    zs[k] = z;
    zs[H + k] = 1; // running power z_k^n
    out[k] = 1; // running sum
    if (last < 0 || z > zs[last]!) last = k;
  }
  let coefficient = 1;
  let small = 0;
  for (let n = 0; n < 200_000; n++) {
    coefficient *= ((A + n) * (B + n)) / ((c + n) * (n + 1));
    if (coefficient === 0) break;
    for (let k = 0; k < H; k++) {
      const power = zs[H + k]! * zs[k]!;
      zs[H + k] = power;
      out[k] = out[k]! + coefficient * power;
    }
    if (last < 0) break;
    // Two small terms in a row: one can be small by accident where a coefficient crosses zero.
    if (Math.abs(coefficient * zs[H + last]!) <= 1e-17 * Math.abs(out[last]!)) {
      if (++small >= 2) break;
    } else small = 0;
  }
  for (let k = 0; k < H; k++) {
    const z = zs[k]!;
    out[k] = z > 0 ? scale * -Math.expm1((a - 1) * Math.log1p(-z) + Math.log(out[k]!)) : 0;
  }
}

let scratchBuffer = new Float64Array(64);
function scratch(length: number): Float64Array {
  if (scratchBuffer.length < length) scratchBuffer = new Float64Array(length);
  return scratchBuffer;
}
