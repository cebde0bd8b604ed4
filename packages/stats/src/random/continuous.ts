import type { Rng } from './prng.js';

function requirePositive(name: string, value: number): void {
  if (!(value > 0) || !Number.isFinite(value))
    throw new RangeError(`${name} must be a positive finite number, got ${value}`);
}

/** Uniform on [min, max). */
export function uniform(rng: Rng, min = 0, max = 1): number {
  if (!(max >= min)) throw new RangeError(`uniform(${min}, ${max}): need min <= max`);
  return min + (max - min) * rng.next();
}

/**
 * A standard normal by Marsaglia's polar method. The second variate of each pair is
 * dropped: caching it would hide state outside the generator, so the same stream could
 * yield different values depending on which sampler ran before.
 */
export function standardNormal(rng: Rng): number {
  for (;;) {
    const u = 2 * rng.next() - 1;
    const v = 2 * rng.next() - 1;
    const s = u * u + v * v;
    if (s > 0 && s < 1) return u * Math.sqrt((-2 * Math.log(s)) / s);
  }
}

export function normal(rng: Rng, mean = 0, sd = 1): number {
  if (!(sd >= 0)) throw new RangeError(`normal: sd must be >= 0, got ${sd}`);
  return mean + sd * standardNormal(rng);
}

/** Exponential with the given rate (mean 1/rate), by inversion. */
export function exponential(rng: Rng, rate: number): number {
  requirePositive('exponential rate', rate);
  // 1 − u lies in (0, 1], so the logarithm is finite.
  return -Math.log(1 - rng.next()) / rate;
}

/**
 * Gamma with shape k and scale θ (mean kθ, variance kθ²) by Marsaglia and Tsang (2000).
 * For k < 1 the squeeze does not hold, so draw Gamma(k + 1) and scale by U^(1/k).
 */
export function gamma(rng: Rng, shape: number, scale = 1): number {
  requirePositive('gamma shape', shape);
  requirePositive('gamma scale', scale);
  if (shape < 1) {
    const boost = Math.pow(1 - rng.next(), 1 / shape);
    return gamma(rng, shape + 1, scale) * boost;
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = standardNormal(rng);
    let v = 1 + c * x;
    if (v <= 0) continue;
    v = v * v * v;
    const u = rng.next();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return d * v * scale;
    if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v * scale;
  }
}

/** Beta(a, b) as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b). */
export function beta(rng: Rng, a: number, b: number): number {
  requirePositive('beta a', a);
  requirePositive('beta b', b);
  const x = gamma(rng, a);
  const y = gamma(rng, b);
  const sum = x + y;
  // Both can underflow to 0 for tiny shapes; the mass then sits at the ends in ratio a : b.
  if (sum === 0) return rng.next() < a / (a + b) ? 1 : 0;
  return x / sum;
}

/** Log-normal whose logarithm is Normal(mu, sigma). */
export function logNormal(rng: Rng, mu: number, sigma: number): number {
  return Math.exp(normal(rng, mu, sigma));
}
