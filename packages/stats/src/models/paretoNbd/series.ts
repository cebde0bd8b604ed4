import { continuedFraction } from './continuedFraction.js';

/**
 * The one hypergeometric function the Pareto/NBD likelihood needs once Euler's
 * transformation has been applied (see customer.ts):
 *   F(z) = ₂F₁(1, b; c; z) = Σₙ cₙ zⁿ,  cₙ = (b)ₙ / (c)ₙ,  0 < b < c,  0 ≤ z < 1.
 * The coefficients decrease ((b+n)/(c+n) < 1), so the terms fall at least as fast as zⁿ and
 * F lies in [1, 1/(1−z)]: no overflow whatever the frequency, and the series can stop as soon
 * as a term drops below 1e-17 of the sum. The derivatives of ln F in b, c and z come from the
 * same pass: ∂cₙ/∂b = cₙ Σ_{k<n} 1/(b+k), ∂cₙ/∂c = −cₙ Σ_{k<n} 1/(c+k).
 */

/** Relative size of the last term kept. */
const EPS = 1e-17;
/**
 * Above this z Gauss's continued fraction is used instead (continuedFraction.ts): the series
 * needs ~37/(1−z) terms (1,200 at 0.97), the fraction ~18/√(1−z) steps.
 */
export const SERIES_MAX_Z = 0.97;
/** Far more than the series needs below SERIES_MAX_Z. */
const MAX_TERMS = 100_000;
/** Entries per coefficient in a table: cₙ, cₙ·H_b(n), −cₙ·H_c(n), n·cₙ. */
export const STRIDE = 4;

/** F and ∂ln F/∂b, ∂c, ∂z. */
export interface OneBSeries {
  value: number;
  dB: number;
  dC: number;
  dZ: number;
}

/** Number of terms after which zⁿ < 1e-17·(1−z): enough for every z ≤ zMax < 1. */
export function termsFor(zMax: number): number {
  if (!(zMax > 0)) return 2;
  return Math.ceil(Math.log(EPS * (1 - zMax)) / Math.log(zMax)) + 2;
}

/**
 * Writes the coefficients n = 0..terms−1 of ₂F₁(1, b; c; ·) into `table` from `offset`
 * (STRIDE entries per n): the part of the series that depends on the frequency only.
 */
export function fillCoefficients(table: Float64Array, offset: number, b: number, c: number, terms: number): void {
  let cn = 1;
  let hb = 0;
  let hc = 0;
  table[offset] = 1;
  table[offset + 1] = 0;
  table[offset + 2] = 0;
  table[offset + 3] = 0;
  for (let n = 1; n < terms; n++) {
    const bn = b + n - 1;
    const cn1 = c + n - 1;
    cn *= bn / cn1;
    hb += 1 / bn;
    hc += 1 / cn1;
    const o = offset + STRIDE * n;
    table[o] = cn;
    table[o + 1] = cn * hb;
    table[o + 2] = -cn * hc;
    table[o + 3] = n * cn;
  }
}

/**
 * F(z) and the derivatives of ln F from precomputed coefficients (no division, no
 * allocation); falls back to the recurrence when the table is too short for this z.
 */
export function seriesFromTable(
  table: Float64Array,
  offset: number,
  terms: number,
  b: number,
  c: number,
  z: number,
  out: OneBSeries,
): OneBSeries {
  if (z > SERIES_MAX_Z) return continuedFraction(b, c, z, out);
  let s = 1;
  let sb = 0;
  let sc = 0;
  let sz = 0;
  let zp = 1; // z^(n−1), then zⁿ
  let o = offset + STRIDE;
  for (let n = 1; n < terms; n++, o += STRIDE) {
    sz += table[o + 3]! * zp;
    zp *= z;
    const term = table[o]! * zp;
    s += term;
    sb += table[o + 1]! * zp;
    sc += table[o + 2]! * zp;
    if (term <= EPS * s) {
      const inv = 1 / s;
      out.value = s;
      out.dB = sb * inv;
      out.dC = sc * inv;
      out.dZ = sz * inv;
      return out;
    }
  }
  return series(b, c, z, out);
}

/** The same sums by the recurrence cₙ₊₁ = cₙ (b+n)/(c+n): for one-off evaluations. */
export function series(b: number, c: number, z: number, out: OneBSeries): OneBSeries {
  if (z > SERIES_MAX_Z) return continuedFraction(b, c, z, out);
  let cn = 1;
  let hb = 0;
  let hc = 0;
  let s = 1;
  let sb = 0;
  let sc = 0;
  let sz = 0;
  let zp = 1;
  for (let n = 1; n < MAX_TERMS; n++) {
    const bn = b + n - 1;
    const cn1 = c + n - 1;
    cn *= bn / cn1;
    hb += 1 / bn;
    hc += 1 / cn1;
    sz += n * cn * zp;
    zp *= z;
    const term = cn * zp;
    s += term;
    sb += term * hb;
    sc -= term * hc;
    if (term <= EPS * s) {
      out.value = s;
      out.dB = sb / s;
      out.dC = sc / s;
      out.dZ = sz / s;
      return out;
    }
  }
  out.value = NaN;
  out.dB = NaN;
  out.dC = NaN;
  out.dZ = NaN;
  return out;
}

/** F(z₁), F(z₂) and F(z₂) − F(z₁), the last without cancellation. */
export interface OneBPair {
  f1: number;
  f2: number;
  difference: number;
}

/**
 * F at two points and their difference, computed as (z₂ − z₁) Σₙ cₙ hₙ with the divided
 * differences hₙ = (z₂ⁿ − z₁ⁿ)/(z₂ − z₁) = z₂ hₙ₋₁ + z₁ⁿ⁻¹: accurate to the last digit even
 * when z₁ and z₂ nearly coincide (a last purchase just before the end of observation).
 * `zDifference` is z₂ − z₁, computed by the caller without cancellation.
 */
export function seriesPair(b: number, c: number, z1: number, z2: number, zDifference: number): OneBPair {
  if (Math.max(z1, z2) > SERIES_MAX_Z) {
    // Near z = 1: both by the continued fraction, and their plain difference.
    const f1 = continuedFraction(b, c, z1, { value: 1, dB: 0, dC: 0, dZ: 0 }).value;
    const f2 = continuedFraction(b, c, z2, { value: 1, dB: 0, dC: 0, dZ: 0 }).value;
    if (!Number.isFinite(f1 + f2)) throw new RangeError(`Pareto/NBD: ₂F₁(1, ${b}; ${c}; z) at z = ${z1}, ${z2}`);
    return { f1, f2, difference: f2 - f1 };
  }
  let cn = 1;
  let p1 = 1;
  let p2 = 1;
  let h = 0;
  let f1 = 1;
  let f2 = 1;
  let divided = 0;
  for (let n = 1; n < MAX_TERMS; n++) {
    cn *= (b + n - 1) / (c + n - 1);
    h = z2 * h + p1;
    p1 *= z1;
    p2 *= z2;
    const t1 = cn * p1;
    const t2 = cn * p2;
    const th = cn * h;
    f1 += t1;
    f2 += t2;
    divided += th;
    if (t1 <= EPS * f1 && t2 <= EPS * f2 && th <= EPS * divided) {
      return { f1, f2, difference: zDifference * divided };
    }
  }
  throw new RangeError(`Pareto/NBD: ₂F₁(1, ${b}; ${c}; z) at z = ${Math.max(z1, z2)} did not converge`);
}
