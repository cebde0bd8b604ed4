/**
 * The standard normal CDF and quantile, which the uplift intervals and the power preview need.
 * packages/stats had none (its normal sampler is Marsaglia's polar method, which needs neither).
 */

const LOG_SQRT_PI = 0.5 * Math.log(Math.PI);
const SQRT_TWO = Math.SQRT2;
const SQRT_TWO_PI = Math.sqrt(2 * Math.PI);
const EPSILON = 1e-16;
const TINY = 1e-300;
const MAX_TERMS = 500;

/**
 * erfc(y) for y ≥ 0 as the regularised upper incomplete gamma Q(1/2, y²) (erfc(y) = Q(1/2, y²),
 * DLMF 7.11.2 with 8.4.6), by the series for P below y² < 3/2 and otherwise by the Legendre
 * continued fraction evaluated with the modified Lentz method (Numerical Recipes, 3rd ed., 6.2):
 * the continued fraction keeps full relative precision in the far tail, where 1 − erf would not.
 */
function erfcNonNegative(y: number): number {
  if (y === Infinity) return 0;
  const x = y * y;
  const logFront = -x + 0.5 * Math.log(x) - LOG_SQRT_PI; // ln(e^(−x) x^a / Γ(a)), a = 1/2
  if (x < 1.5) {
    if (x === 0) return 1;
    let term = 1 / 0.5;
    let sum = term;
    for (let n = 1; n < MAX_TERMS; n++) {
      term *= x / (0.5 + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * EPSILON) break;
    }
    return 1 - sum * Math.exp(logFront);
  }
  let b = x + 0.5; // x + 1 − a
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_TERMS; i++) {
    const an = -i * (i - 0.5);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return Math.exp(logFront) * h;
}

/** The complementary error function erfc(y) = 1 − erf(y). */
export function erfc(y: number): number {
  if (Number.isNaN(y)) return NaN;
  return y >= 0 ? erfcNonNegative(y) : 2 - erfcNonNegative(-y);
}

/** Φ(x) = P(Z ≤ x) for a standard normal Z, accurate in relative terms in both tails. */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / SQRT_TWO);
}

// Acklam's rational approximations (P. J. Acklam, "An algorithm for computing the inverse normal
// cumulative distribution function", 2003): relative error below 1.15e-9 before refinement.
const A = [
  -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1,
  2.506628277459239,
] as const;
const B = [
  -5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1,
] as const;
const C = [
  -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
] as const;
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416] as const;
const P_LOW = 0.02425;

/** Acklam's approximation for p ≤ 1/2 (the lower half; the upper half follows by symmetry). */
function acklamLowerHalf(p: number): number {
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) /
      ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1)
    );
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) /
    (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1)
  );
}

/**
 * Φ⁻¹(p): Acklam's approximation followed by one Halley step on Φ(x) − p, as Acklam recommends,
 * which brings it to full double precision. Only the lower half is computed (1 − p is exact in
 * floating point for p ≥ 1/2), so upper-tail quantiles keep their precision too.
 * p must lie in (0, 1): a probability outside it is a programming error, not data.
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile: p must be in (0, 1), got ${p}`);
  if (p > 0.5) return -normalQuantile(1 - p);
  let x = acklamLowerHalf(p);
  const e = 0.5 * erfc(-x / SQRT_TWO) - p;
  const u = e * SQRT_TWO_PI * Math.exp((x * x) / 2);
  x -= u / (1 + (x * u) / 2);
  return x;
}
