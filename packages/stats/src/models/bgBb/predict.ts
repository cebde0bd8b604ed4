import { logBeta } from '../../special/logBeta.js';
import { logGamma } from '../../special/logGamma.js';
import { sbgSurvivalSum } from '../sbg/predict.js';
import { bgBbCustomerLogLikelihood, type BgBbParams } from './likelihood.js';

/**
 * Probability that a customer with history (x, t_x, n) is alive at opportunity n+1 (Fader,
 * Hardie & Shang 2010, eq. 11), or more generally at n+ahead:
 *   P(alive at n+1 | x, t_x, n) = B(α+x, β+n−x)/B(α, β) · B(γ, δ+n+1)/B(γ, δ) / L(α, β, γ, δ | x, t_x, n),
 * with L the likelihood of eq. 5 (bgBbCustomerLogLikelihood).
 */
export function bgBbProbabilityAlive(p: BgBbParams, x: number, tx: number, n: number, ahead = 1): number {
  const { alpha, beta, gamma, delta } = p;
  const alive =
    logBeta(alpha + x, beta + n - x) - logBeta(alpha, beta) + logBeta(gamma, delta + n + ahead) - logBeta(gamma, delta);
  return Math.min(1, Math.exp(alive - bgBbCustomerLogLikelihood(p, x, tx, n)));
}

/**
 * Expected number of transactions in the first n opportunities for a new customer (Fader,
 * Hardie & Shang 2010, eq. 7):
 *   E[X(n)] = α/(α+β) · δ/(γ−1) · [1 − Γ(γ+δ)/Γ(γ+δ+n) · Γ(1+δ+n)/Γ(1+δ)],
 * i.e. E[p] times the expected number of opportunities alive, Σ_{t=1..n} B(γ, δ+t)/B(γ, δ);
 * that sum is evaluated by sbgSurvivalSum (recursion, or the closed form away from γ = 1).
 */
export function bgBbExpectedTransactions(p: BgBbParams, n: number): number {
  if (n <= 0) return 0;
  return (p.alpha / (p.alpha + p.beta)) * sbgSurvivalSum(p, 0, n);
}

/**
 * Expected number of transactions in the next n* opportunities, n+1 … n+n*, for a customer
 * with history (x, t_x, n) (Fader, Hardie & Shang 2010, eq. 13):
 *   E[X(n, n+n*) | x, t_x, n] = 1/L · B(α+x+1, β+n−x)/B(α, β) · δ/(γ−1) · Γ(γ+δ)/Γ(1+δ)
 *                               · [Γ(1+δ+n)/Γ(γ+δ+n) − Γ(1+δ+n+n*)/Γ(γ+δ+n+n*)],
 * where the last three factors are Σ_{t=n+1..n+n*} B(γ, δ+t)/B(γ, δ) (sbgSurvivalSum, which
 * also handles γ = 1) and L is the likelihood of eq. 5.
 */
export function bgBbConditionalExpectedTransactions(
  p: BgBbParams,
  nStar: number,
  x: number,
  tx: number,
  n: number,
): number {
  if (nStar <= 0) return 0;
  const { alpha, beta } = p;
  const purchase = logBeta(alpha + x + 1, beta + n - x) - logBeta(alpha, beta);
  return Math.exp(purchase - bgBbCustomerLogLikelihood(p, x, tx, n)) * sbgSurvivalSum(p, n, nStar);
}

/**
 * Probability that a new customer makes exactly x transactions in the first n opportunities
 * (Fader, Hardie & Shang 2010, eq. 6):
 *   P(X(n)=x) = C(n, x) B(α+x, β+n−x)/B(α, β) · B(γ, δ+n)/B(γ, δ)
 *             + Σ_{i=x}^{n−1} C(i, x) B(α+x, β+i−x)/B(α, β) · B(γ+1, δ+i)/B(γ, δ).
 * The terms of the sum follow from one another by the ratio
 *   (i+1)/(i+1−x) · (β+i−x)/(α+β+i) · (δ+i)/(γ+δ+i+1).
 */
export function bgBbProbabilityOfTransactions(p: BgBbParams, n: number, x: number): number {
  const { alpha, beta, gamma, delta } = p;
  if (!(x >= 0 && x <= n)) return 0;
  const lbAB = logBeta(alpha, beta);
  const lbGD = logBeta(gamma, delta);
  const lnChoose = (k: number) => logGamma(k + 1) - logGamma(x + 1) - logGamma(k - x + 1);
  const alive = Math.exp(lnChoose(n) + logBeta(alpha + x, beta + n - x) - lbAB + logBeta(gamma, delta + n) - lbGD);
  if (x >= n) return alive;
  let term = Math.exp(logBeta(alpha + x, beta) - lbAB + logBeta(gamma + 1, delta + x) - lbGD);
  let sum = 0;
  for (let i = x; i < n; i++) {
    sum += term;
    term *= (((i + 1) / (i + 1 - x)) * (beta + i - x) * (delta + i)) / ((alpha + beta + i) * (gamma + delta + i + 1));
  }
  return alive + sum;
}
