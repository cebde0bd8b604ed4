import { hyp2f1Parts } from '../../special/hyp2f1.js';
import { logBeta } from '../../special/logBeta.js';
import { logGamma } from '../../special/logGamma.js';
import { logistic } from '../../special/logSumExp.js';
import type { MbgNbdParams } from './likelihood.js';

/**
 * 1 − (1−z)^(a−1) · ₂F₁(c−r′, a−1; c; z), which equals 1 − (1−z)^r′ ₂F₁(r′, b′; c; z) for
 * c = a+b′−1 by Euler's transformation ₂F₁(a,b;c;z) = (1−z)^(c−a−b) ₂F₁(c−a, c−b; c; z).
 * Both MBG/NBD expectations have this bracket (r′ = r+x, b′ = b+x+1); untransformed,
 * ₂F₁(r+x, b+x+1; a+b+x; z) overflows for large frequencies (x = 1000 gives about 10^340),
 * transformed its parameters stay small.
 */
function oneMinusTransformed(a: number, cMinusR: number, c: number, z: number): number {
  const h = hyp2f1Parts(cMinusR, a - 1, c, z);
  if (h.sign <= 0) return 1;
  return -Math.expm1((a - 1) * Math.log1p(-z) + h.log);
}

/** c/(a−1) · bracket is 0/0 at a = 1; the limit is taken as the mean of a = 1 ± 1e−7. */
function ratioNearOne(a: number, compute: (a: number) => number): number {
  if (Math.abs(a - 1) > 1e-7) return compute(a);
  return (compute(1 + 1e-7) + compute(1 - 1e-7)) / 2;
}

/**
 * Expected number of repeat transactions in (0, t] for a new customer (Batislam, Denizel &
 * Filiztekin 2007, Appendix A):
 *   E[X(t)] = b/(a−1) · [1 − (α/(α+t))^r ₂F₁(r, b+1; a+b; t/(α+t))].
 * The bracket is evaluated after Euler's transformation.
 */
export function mbgNbdExpectedTransactions(p: MbgNbdParams, t: number): number {
  if (t <= 0) return 0;
  const z = t / (p.alpha + t);
  return ratioNearOne(p.a, (a) => (p.b / (a - 1)) * oneMinusTransformed(a, a + p.b - p.r, a + p.b, z));
}

/**
 * Probability that a customer with history (x, t_x, T) is still alive (Batislam, Denizel &
 * Filiztekin 2007, Appendix A, eq. 5):
 *   P(alive) = 1 / (1 + a/(b+x) · ((α+T)/(α+t_x))^(r+x)).
 * Unlike BG/NBD, a customer with x = 0 may already be gone (dropped out at time 0).
 */
export function mbgNbdProbabilityAlive(p: MbgNbdParams, x: number, tx: number, T: number): number {
  const logOdds = Math.log(p.a / (p.b + x)) + (p.r + x) * Math.log((p.alpha + T) / (p.alpha + tx));
  return logistic(-logOdds);
}

/**
 * Expected repeat transactions in (T, T+t] given the history (Wagner & Hoppe 2008, erratum
 * to Batislam, Denizel & Filiztekin 2007):
 *   E[Y(t) | x, t_x, T] = (a+b+x)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x+1; a+b+x; t/(α+T+t))]
 *                         / [1 + a/(b+x) · ((α+T)/(α+t_x))^(r+x)].
 * The bracket is evaluated after Euler's transformation, so x = 1000 neither overflows nor
 * loses its digits; the denominator is 1/P(alive).
 */
export function mbgNbdConditionalExpectedTransactions(
  p: MbgNbdParams,
  t: number,
  x: number,
  tx: number,
  T: number,
): number {
  if (t <= 0) return 0;
  const z = t / (p.alpha + T + t);
  const numerator = ratioNearOne(
    p.a,
    (a) => ((a + p.b + x) / (a - 1)) * oneMinusTransformed(a, a + p.b - p.r, a + p.b + x, z),
  );
  return numerator * mbgNbdProbabilityAlive(p, x, tx, T);
}

/**
 * Probability of exactly n repeat transactions in (0, t] for a new customer, derived as
 * Fader, Hardie & Lee (2005) derive their eq. 8 but with the extra drop-out chance at time 0:
 * the customer either survives the first purchase and the n repeat ones and makes exactly n
 * in (0, t] ((1−p)^(n+1) times a Poisson count), or drops out right after the n-th
 * (p(1−p)^n times P(N(t) ≥ n)). Mixing over λ ~ Gamma(r, α) and p ~ Beta(a, b):
 *   P(X(t)=n) = B(a, b+n+1)/B(a, b) · Γ(r+n)/(Γ(r) n!) · (α/(α+t))^r (t/(α+t))^n
 *             + B(a+1, b+n)/B(a, b) · [1 − (α/(α+t))^r Σ_{j<n} Γ(r+j)/(Γ(r) j!) (t/(α+t))^j].
 */
export function mbgNbdProbabilityOfTransactions(p: MbgNbdParams, t: number, n: number): number {
  const { r, alpha, a, b } = p;
  if (t <= 0) return n === 0 ? 1 : 0;
  const lnq = Math.log(alpha / (alpha + t));
  const lnz = Math.log(t / (alpha + t));
  const lbAB = logBeta(a, b);
  const negBin = (j: number) => logGamma(r + j) - logGamma(r) - logGamma(j + 1) + r * lnq + j * lnz;
  const first = Math.exp(logBeta(a, b + n + 1) - lbAB + negBin(n));
  let cdf = 0;
  for (let j = 0; j < n; j++) cdf += Math.exp(negBin(j));
  return first + Math.exp(logBeta(a + 1, b + n) - lbAB) * Math.max(0, 1 - cdf);
}
