/**
 * The Gauss hypergeometric function ₂F₁(a, b; c; z) = Σₙ (a)ₙ(b)ₙ / ((c)ₙ n!) zⁿ for
 * −1 < z < 1, summed directly. Written here rather than taken from a library because the
 * models need three things at once that libraries do not give: the value in log space when
 * it would overflow (large frequencies), the partial derivatives in a, b, c and z from the
 * same pass (analytic Pareto/NBD gradients), and speed on a million rows. Callers bring z
 * into [0, 1) with Euler's transformation ₂F₁(a,b;c;z) = (1−z)^(c−a−b) ₂F₁(c−a,c−b;c;z)
 * where that keeps the parameters small (see the model files).
 */

const RESCALE_ABOVE = 1e250;
const RESCALE_LOG = Math.log(RESCALE_ABOVE);
const MAX_TERMS = 200_000;

export interface Hyp2f1Parts {
  /** ln|₂F₁|. */
  log: number;
  /** Sign of ₂F₁ (+1, −1, or 0). */
  sign: number;
  /** ∂ ln|₂F₁| / ∂a, ∂b, ∂c, ∂z (filled only when derivatives were asked for). */
  dA: number;
  dB: number;
  dC: number;
  dZ: number;
  terms: number;
}

function checkArguments(c: number, z: number): void {
  if (!(z > -1 && z < 1)) throw new RangeError(`hyp2f1: z must be in (−1, 1), got ${z}`);
  if (c <= 0 && Number.isInteger(c)) throw new RangeError(`hyp2f1: c must not be 0 or a negative integer, got ${c}`);
}

/**
 * Sums the series, rescaling when the partial sum grows past 1e250, and (if `withDerivatives`)
 * the derivative series alongside: ∂tₙ/∂a = tₙ Σ_{k<n} 1/(a+k), likewise b, −c, and n tₙ/z.
 */
export function hyp2f1Parts(
  a: number,
  b: number,
  c: number,
  z: number,
  withDerivatives = false,
  out?: Hyp2f1Parts,
): Hyp2f1Parts {
  checkArguments(c, z);
  const result = out ?? { log: 0, sign: 1, dA: 0, dB: 0, dC: 0, dZ: 0, terms: 0 };
  let term = 1;
  let sum = 1;
  let scale = 0;
  // Running harmonic sums Σ_{k<n} 1/(a+k) etc., and the derivative sums.
  let ha = 0;
  let hb = 0;
  let hc = 0;
  let sa = 0;
  let sb = 0;
  let sc = 0;
  let sz = 0;
  let n = 0;
  let small = 0;
  for (; n < MAX_TERMS; n++) {
    const an = a + n;
    const bn = b + n;
    if (an === 0 || bn === 0) break; // terminating series
    const ratio = ((an * bn) / ((c + n) * (n + 1))) * z;
    if (withDerivatives) {
      ha += 1 / an;
      hb += 1 / bn;
      hc += 1 / (c + n);
    }
    term *= ratio;
    sum += term;
    if (withDerivatives) {
      sa += term * ha;
      sb += term * hb;
      sc -= term * hc;
      sz += (term * (n + 1)) / (z === 0 ? 1 : z);
    }
    if (Math.abs(sum) > RESCALE_ABOVE) {
      sum /= RESCALE_ABOVE;
      term /= RESCALE_ABOVE;
      sa /= RESCALE_ABOVE;
      sb /= RESCALE_ABOVE;
      sc /= RESCALE_ABOVE;
      sz /= RESCALE_ABOVE;
      scale += 1;
    }
    // Stop once terms are negligible and shrinking (|ratio| < 1 from here on).
    if (Math.abs(term) <= 1e-17 * Math.abs(sum) && Math.abs(ratio) < 1) {
      if (++small >= 2) {
        n++;
        break;
      }
    } else small = 0;
  }
  if (n >= MAX_TERMS) throw new RangeError(`hyp2f1(${a}, ${b}; ${c}; ${z}) did not converge`);
  result.sign = Math.sign(sum);
  result.log = Math.log(Math.abs(sum)) + scale * RESCALE_LOG;
  result.terms = n;
  if (withDerivatives) {
    if (z === 0) sz = ((a * b) / c) * (sum === 0 ? 0 : 1);
    result.dA = sa / sum;
    result.dB = sb / sum;
    result.dC = sc / sum;
    result.dZ = sz / sum;
  }
  return result;
}

export function hyp2f1(a: number, b: number, c: number, z: number): number {
  const parts = hyp2f1Parts(a, b, c, z);
  return parts.sign * Math.exp(parts.log);
}

/** ln ₂F₁ for a positive value (NaN if it is not positive). */
export function logHyp2f1(a: number, b: number, c: number, z: number): number {
  const parts = hyp2f1Parts(a, b, c, z);
  return parts.sign > 0 ? parts.log : NaN;
}
