import { logFactorial } from '../special/logGamma.js';
import type { Rng } from './prng.js';

function requireProbability(name: string, p: number): void {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`${name} must be a probability in [0, 1], got ${p}`);
}

export function bernoulli(rng: Rng, p: number): boolean {
  requireProbability('bernoulli p', p);
  return rng.next() < p;
}

/** Below this mean, inversion is fast and exact; at and above, PTRS keeps the cost constant. */
const POISSON_INVERSION_LIMIT = 10;

/**
 * Poisson(mean). Small means by sequential inversion; larger ones by Hörmann's PTRS
 * ("The transformed rejection method for generating Poisson random variables", 1993),
 * whose constants assume mean ≥ 10.
 */
export function poisson(rng: Rng, mean: number): number {
  if (!(mean >= 0) || !Number.isFinite(mean)) throw new RangeError(`poisson mean must be >= 0, got ${mean}`);
  if (mean === 0) return 0;
  if (mean < POISSON_INVERSION_LIMIT) {
    const u = rng.next();
    let k = 0;
    let p = Math.exp(-mean);
    let cumulative = p;
    // The cap only guards against round-off leaving cumulative a hair below u.
    while (u >= cumulative && k < 1000) {
      k++;
      p *= mean / k;
      cumulative += p;
    }
    return k;
  }
  const logMean = Math.log(mean);
  const b = 0.931 + 2.53 * Math.sqrt(mean);
  const a = -0.059 + 0.02483 * b;
  const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = rng.next() - 0.5;
    const v = rng.next();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b) <= -mean + k * logMean - logFactorial(k)) {
      return k;
    }
  }
}

/**
 * The number of Bernoulli(p) trials up to and including the first success (1, 2, …):
 * mean 1/p, variance (1 − p)/p².
 */
export function geometric(rng: Rng, p: number): number {
  requireProbability('geometric p', p);
  if (p === 0) throw new RangeError('geometric p must be > 0');
  if (p === 1) return 1;
  return Math.floor(Math.log1p(-rng.next()) / Math.log1p(-p)) + 1;
}

function cumulativeWeights(weights: readonly number[]): Float64Array {
  if (weights.length === 0) throw new RangeError('categorical: no weights');
  const cumulative = new Float64Array(weights.length);
  let total = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i] ?? 0;
    if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError(`categorical: weight ${i} is ${w}`);
    total += w;
    cumulative[i] = total;
  }
  if (!(total > 0)) throw new RangeError('categorical: weights sum to zero');
  return cumulative;
}

function search(cumulative: Float64Array, target: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cumulative[mid] ?? 0) > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** An index drawn with probability proportional to its (non-negative) weight. */
export function categorical(rng: Rng, weights: readonly number[]): number {
  return createCategorical(weights)(rng);
}

/**
 * A reusable categorical sampler: the cumulative table is built once and each draw is a
 * binary search, for picking among hundreds of names thousands of times.
 */
export function createCategorical(weights: readonly number[]): (rng: Rng) => number {
  const cumulative = cumulativeWeights(weights);
  const total = cumulative[cumulative.length - 1] ?? 0;
  return (rng) => search(cumulative, rng.next() * total);
}
