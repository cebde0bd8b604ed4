import type { OneBSeries } from './series.js';

/** Most steps; at z = 1 − 1e-10 about 2e5 are needed. */
const MAX_STEPS = 2_000_000;
const RESCALE = 1e150;

/** kₙ of the fraction below and ∂kₙ/∂b, ∂kₙ/∂c, written into `out[0..2]`. */
function partial(n: number, b: number, c: number, out: Float64Array): void {
  if (n % 2 === 1) {
    const m = (n - 1) / 2;
    const k = -((c - 1 + m) * (b + m)) / ((c - 1 + 2 * m) * (c + 2 * m));
    out[0] = k;
    out[1] = k / (b + m);
    out[2] = k * (1 / (c - 1 + m) - 1 / (c - 1 + 2 * m) - 1 / (c + 2 * m));
  } else {
    const m = n / 2;
    const d = (c + 2 * m - 2) * (c + 2 * m - 1);
    const k = (m * (b - c + 1 - m)) / d;
    out[0] = k;
    out[1] = m / d;
    out[2] = -m / d - k * (1 / (c + 2 * m - 2) + 1 / (c + 2 * m - 1));
  }
}

const kn = new Float64Array(3);

/**
 * F(z) = ₂F₁(1, b; c; z) and ∂ln F/∂b, ∂c, ∂z by Gauss's continued fraction (the ratio
 * ₂F₁(a+1, b; c+1; z) / ₂F₁(a, b; c; z) at a = 0, c → c−1):
 *   F = 1 / (1 + K),   K = k₁z/(1 + k₂z/(1 + k₃z/(1 + …))),
 *   k₂ₘ₊₁ = −(c−1+m)(b+m) / ((c−1+2m)(c+2m)),   k₂ₘ = m(b−c+1−m) / ((c+2m−2)(c+2m−1)).
 * Near z = 1 the power series needs about 37/(1−z) terms; the fraction converges like
 * ((1−√(1−z))/(1+√(1−z)))ⁿ, in about 18/√(1−z) steps. A forward pass (Wallis's recurrences,
 * value only) finds the depth n at which K has converged; the fraction is then evaluated
 * backwards from depth 1.3n + 20 together with its derivatives, which is stable (the
 * derivatives of the forward recurrences cancel catastrophically).
 */
export function continuedFraction(b: number, c: number, z: number, out: OneBSeries): OneBSeries {
  let a1 = 0; // A₀
  let a2 = 1; // A₋₁
  let b1 = 1; // B₀
  let b2 = 0; // B₋₁
  let previous = NaN;
  let settled = 0;
  let depth = 0;
  for (let n = 1; n < MAX_STEPS; n++) {
    partial(n, b, c, kn);
    const an = kn[0]! * z;
    const na = a1 + an * a2;
    const nb = b1 + an * b2;
    a2 = a1;
    b2 = b1;
    a1 = na;
    b1 = nb;
    const scale = Math.abs(b1);
    if (scale > RESCALE || scale < 1 / RESCALE) {
      a1 /= scale;
      b1 /= scale;
      a2 /= scale;
      b2 /= scale;
    }
    const K = a1 / b1;
    if (Math.abs(K - previous) <= 2e-16 * Math.abs(1 + K)) {
      if (++settled >= 2) {
        depth = n;
        break;
      }
    } else settled = 0;
    previous = K;
  }
  if (depth === 0) {
    out.value = NaN;
    return out;
  }
  // Backwards: Kₙ = aₙ / (1 + Kₙ₊₁), with ∂Kₙ = ∂aₙ/(1 + Kₙ₊₁) − aₙ ∂Kₙ₊₁/(1 + Kₙ₊₁)².
  let K = 0;
  let kb = 0;
  let kc = 0;
  let kz = 0;
  for (let n = Math.ceil(1.3 * depth) + 20; n >= 1; n--) {
    partial(n, b, c, kn);
    const an = kn[0]! * z;
    const inv = 1 / (1 + K);
    const q = an * inv * inv;
    kb = kn[1]! * z * inv - q * kb;
    kc = kn[2]! * z * inv - q * kc;
    kz = kn[0]! * inv - q * kz;
    K = an * inv;
  }
  // ln F = −ln(1 + K).
  const inv = 1 / (1 + K);
  out.value = inv;
  out.dB = -kb * inv;
  out.dC = -kc * inv;
  out.dZ = -kz * inv;
  return out;
}
