import { beta } from '../../random/continuous.js';
import { geometric } from '../../random/discrete.js';
import type { Rng } from '../../random/prng.js';
import type { SbgParams } from './likelihood.js';

/**
 * Draws a cohort from the sBG model: each customer has a churn probability θ ~ Beta(γ, δ)
 * and renews at the end of every period with probability 1 − θ, so the lifetime is
 * geometric on 1, 2, …. Returns the survivor counts n_0 = cohortSize, n_1, …, n_periods,
 * the input fitSbg takes.
 */
export function simulateSbg(p: SbgParams, cohortSize: number, periods: number, rng: Rng): Float64Array {
  if (!(Number.isInteger(cohortSize) && cohortSize >= 0))
    throw new RangeError(`cohort size must be a whole number, got ${cohortSize}`);
  if (!(Number.isInteger(periods) && periods >= 0))
    throw new RangeError(`periods must be a whole number, got ${periods}`);
  // lost[t]: customers whose lifetime is exactly t (t = periods + 1 collects the rest).
  const lost = new Float64Array(periods + 2);
  for (let i = 0; i < cohortSize; i++) {
    const theta = beta(rng, p.gamma, p.delta);
    const lifetime = theta === 0 ? Infinity : geometric(rng, theta);
    const t = Math.min(lifetime, periods + 1);
    lost[t] = lost[t]! + 1;
  }
  const survivors = new Float64Array(periods + 1);
  survivors[0] = cohortSize;
  for (let t = 1; t <= periods; t++) survivors[t] = survivors[t - 1]! - lost[t]!;
  return survivors;
}
