import { hyp2f1Parts } from '../../special/hyp2f1.js';
import { logGamma } from '../../special/logGamma.js';
import type { SbgParams } from './likelihood.js';

function requireWhole(name: string, value: number, min: number): void {
  if (!(Number.isInteger(value) && value >= min))
    throw new RangeError(`${name} must be a whole number ≥ ${min}, got ${value}`);
}

function requireDiscountRate(d: number): void {
  if (!(d >= 0 && Number.isFinite(d))) throw new RangeError(`discount rate must be finite and ≥ 0, got ${d}`);
}

/**
 * Probability that a customer's lifetime is exactly t periods, i.e. that they churn at the
 * end of period t (Fader & Hardie 2007):  P(T=t) = B(γ+1, δ+t−1)/B(γ, δ), by the recursion
 * P(1) = γ/(γ+δ), P(t) = (δ+t−2)/(γ+δ+t−1) · P(t−1).
 */
export function sbgChurnProbability(p: SbgParams, t: number): number {
  requireWhole('period', t, 1);
  const { gamma, delta } = p;
  let value = gamma / (gamma + delta);
  for (let j = 2; j <= t; j++) value *= (delta + j - 2) / (gamma + delta + j - 1);
  return value;
}

/**
 * Survival function, the share of a cohort still active at the end of period t (Fader &
 * Hardie 2007):  S(t) = B(γ, δ+t)/B(γ, δ), by the recursion S(0) = 1, S(t) = r(t) · S(t−1).
 */
export function sbgSurvival(p: SbgParams, t: number): number {
  requireWhole('period', t, 0);
  const { gamma, delta } = p;
  let value = 1;
  for (let j = 1; j <= t; j++) value *= (delta + j - 1) / (gamma + delta + j - 1);
  return value;
}

/**
 * Retention rate of period t, the share of those active at the end of period t−1 who renew
 * (Fader & Hardie 2007):  r(t) = S(t)/S(t−1) = (δ+t−1)/(γ+δ+t−1), increasing in t because
 * the cohort sorts itself: the customers most likely to churn leave first.
 */
export function sbgRetentionRate(p: SbgParams, t: number): number {
  requireWhole('period', t, 1);
  return (p.delta + t - 1) / (p.gamma + p.delta + t - 1);
}

/**
 * Projected survivors of a cohort of `cohortSize` at the end of periods 0…periods:
 * cohortSize · S(t) (Fader & Hardie 2007's projection of a cohort's retention curve).
 */
export function sbgProjectedSurvivors(p: SbgParams, cohortSize: number, periods: number): Float64Array {
  requireWhole('periods', periods, 0);
  const out = new Float64Array(periods + 1);
  out[0] = cohortSize;
  for (let t = 1; t <= periods; t++) out[t] = out[t - 1]! * sbgRetentionRate(p, t);
  return out;
}

/**
 * Above this many terms the survival sum switches from the recursion (error ≈ √m · 1e−16)
 * to its closed form, whose log-gammas of large arguments cost about 1e−16 · ln Γ(δ+s+m) each
 * (≈ 1e−11 relative at m = 5000).
 */
const DIRECT_SUM_LIMIT = 100_000;

/**
 * Σ_{j=1..periods} S(start + j), the expected number of the next `periods` periods at whose
 * end a new customer is still active, counted from period `start`. With S in its Beta form
 * (valid for any real start ≥ 0) the sum telescopes (the step behind Fader, Hardie & Shang
 * 2010, eqs. 7 and 13, where it is the expected number of opportunities alive):
 *   Σ = δ/(γ−1) · Γ(γ+δ)/Γ(1+δ) · [Γ(1+δ+s)/Γ(γ+δ+s) − Γ(1+δ+s+m)/Γ(γ+δ+s+m)],  s = start, m = periods.
 * The closed form is 0/0 at γ = 1 and loses digits near it and at large arguments, so sums up
 * to 100,000 terms, and any sum with γ within 0.01 of 1, use the recursion
 * S(t+1) = S(t) · (δ+t)/(γ+δ+t) instead, which has no cancellation.
 */
export function sbgSurvivalSum(p: SbgParams, start: number, periods: number): number {
  requireWhole('periods', periods, 0);
  if (!(start >= 0)) throw new RangeError(`start must be ≥ 0, got ${start}`);
  const { gamma, delta } = p;
  if (periods === 0) return 0;
  const lgGD = logGamma(gamma + delta);
  if (periods <= DIRECT_SUM_LIMIT || Math.abs(gamma - 1) < 0.01) {
    const first = start + 1;
    let term = Math.exp(logGamma(delta + first) - logGamma(gamma + delta + first) + lgGD - logGamma(delta));
    let sum = 0;
    for (let j = 0; j < periods; j++) {
      sum += term;
      term *= (delta + first + j) / (gamma + delta + first + j);
    }
    return sum;
  }
  const g = (u: number) => logGamma(1 + delta + u) - logGamma(gamma + delta + u);
  const gStart = g(start);
  const scale = Math.exp(Math.log(delta) + lgGD - logGamma(1 + delta) + gStart);
  return (scale * -Math.expm1(g(start + periods) - gStart)) / (gamma - 1);
}

/**
 * Discounted expected lifetime of a new customer, in payments of 1 made at the start of each
 * period while active (Fader & Hardie 2010, "Customer-Base Valuation in a Contractual
 * Setting: The Perils of Ignoring Heterogeneity", Marketing Science 29(1)):
 *   DEL(d | γ, δ) = Σ_{t≥0} S(t)/(1+d)^t = ₂F₁(1, δ; γ+δ; 1/(1+d)).
 * At d = 0 this is the expected lifetime E[T] = (γ+δ−1)/(γ−1) for γ > 1, infinite otherwise.
 * The series needs roughly 4/d terms: d ≥ 1e−4 per period.
 */
export function sbgDiscountedExpectedLifetime(p: SbgParams, d: number): number {
  requireDiscountRate(d);
  const { gamma, delta } = p;
  if (d === 0) return gamma > 1 ? (gamma + delta - 1) / (gamma - 1) : Infinity;
  return Math.exp(hyp2f1Parts(1, delta, gamma + delta, 1 / (1 + d)).log);
}

/**
 * Discounted expected residual lifetime of a customer who has made n−1 renewals, evaluated
 * just before the n-th renewal decision (Fader & Hardie 2010, eq. 6):
 *   DERL(d | γ, δ, n−1 renewals) = Σ_{t≥n} S(t)/S(n−1) / (1+d)^(t−n)
 *                                = (δ+n−1)/(γ+δ+n−1) · ₂F₁(1, δ+n; γ+δ+n; 1/(1+d)).
 * It grows with n: survivors are increasingly the customers with low churn probabilities.
 * At d = 0 it is (δ+n−1)/(γ−1) for γ > 1, infinite otherwise. Needs d ≥ 1e−4 per period.
 */
export function sbgDiscountedExpectedResidualLifetime(p: SbgParams, d: number, renewals: number): number {
  requireWhole('renewals', renewals, 0);
  requireDiscountRate(d);
  const { gamma, delta } = p;
  const n = renewals + 1;
  if (d === 0) return gamma > 1 ? (delta + n - 1) / (gamma - 1) : Infinity;
  const h = hyp2f1Parts(1, delta + n, gamma + delta + n, 1 / (1 + d));
  return ((delta + n - 1) / (gamma + delta + n - 1)) * Math.exp(h.log);
}
