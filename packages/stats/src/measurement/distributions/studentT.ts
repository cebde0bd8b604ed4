import { logGamma } from '../../special/logGamma.js';
import { regularizedIncompleteBeta } from './incompleteBeta.js';
import { normalQuantile } from './normal.js';

/**
 * Student's t distribution with ν > 0 degrees of freedom (ν need not be an integer: Welch's
 * interval uses the Welch–Satterthwaite ν), for the revenue uplift interval.
 */

/**
 * P(|T| > t) for t ≥ 0, through the regularised incomplete beta (Abramowitz & Stegun 26.7.1 and
 * 26.5.27): I_{ν/(ν+t²)}(ν/2, 1/2) in the tail, 1 − I_{t²/(ν+t²)}(1/2, ν/2) near the centre, so
 * neither argument is computed as 1 minus something close to 1.
 */
function twoSidedTail(t: number, df: number): number {
  const t2 = t * t;
  if (t2 >= df) return regularizedIncompleteBeta(df / (df + t2), df / 2, 0.5);
  return 1 - regularizedIncompleteBeta(t2 / (df + t2), 0.5, df / 2);
}

function checkDegreesOfFreedom(df: number): void {
  if (!(df > 0)) throw new RangeError(`Student t: degrees of freedom must be > 0, got ${df}`);
}

/** P(T ≤ t) for T ~ t(ν). */
export function studentTCdf(t: number, df: number): number {
  checkDegreesOfFreedom(df);
  if (Number.isNaN(t)) return NaN;
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  const tail = twoSidedTail(Math.abs(t), df) / 2;
  return t > 0 ? 1 - tail : tail;
}

/** The density of t(ν), the derivative the quantile's Newton steps need. */
function studentTDensity(t: number, df: number): number {
  const logNorm = logGamma((df + 1) / 2) - logGamma(df / 2) - 0.5 * Math.log(df * Math.PI);
  return Math.exp(logNorm - ((df + 1) / 2) * Math.log1p((t * t) / df));
}

/**
 * The quantile t such that P(T ≤ t) = p. Start from the Cornish–Fisher expansion of t in the
 * normal quantile z (Abramowitz & Stegun 26.7.5), then Newton steps on the upper-tail
 * probability, falling back to bisection whenever a step leaves the bracket: the expansion is
 * poor for ν < 3 and Newton alone can overshoot there. Converges to about 1e-14 relative.
 */
export function studentTQuantile(p: number, df: number): number {
  checkDegreesOfFreedom(df);
  if (!(p > 0 && p < 1)) throw new RangeError(`studentTQuantile: p must be in (0, 1), got ${p}`);
  if (p === 0.5) return 0;
  const upperTail = p > 0.5 ? 1 - p : p; // solve P(T > t) = upperTail for t > 0, then mirror
  const z = -normalQuantile(upperTail);
  const z3 = z * z * z;
  let t = z + (z3 + z) / (4 * df) + (5 * z3 * z * z + 16 * z3 + 3 * z) / (96 * df * df);
  let low = 0;
  let high = Math.max(2 * t, 1);
  while (twoSidedTail(high, df) / 2 > upperTail) {
    low = high;
    high *= 2;
  }
  if (!(t > low && t < high)) t = (low + high) / 2;
  for (let i = 0; i < 200; i++) {
    const excess = twoSidedTail(t, df) / 2 - upperTail; // decreasing in t
    if (excess > 0) low = t;
    else high = t;
    let next = t + excess / studentTDensity(t, df);
    if (!(next > low && next < high)) next = (low + high) / 2;
    if (Math.abs(next - t) <= 1e-15 * Math.max(1, t)) {
      t = next;
      break;
    }
    t = next;
  }
  return p > 0.5 ? t : -t;
}
