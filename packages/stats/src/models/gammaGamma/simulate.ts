import { gamma } from '../../random/continuous.js';
import type { Rng } from '../../random/prng.js';
import type { GammaGammaParams } from './likelihood.js';

export interface SimulatedSpend {
  frequency: Float64Array;
  /** Mean value of the x repeat transactions (0 when x = 0). */
  monetary: Float64Array;
  /** Each customer's transaction-value rate ν (known only in a simulation); E(Z | ν) = p/ν. */
  nu: Float64Array;
}

/**
 * Draws spend from the Gamma-Gamma model for customers with the given repeat frequencies:
 * ν ~ Gamma(q, rate γ) per customer, each of the x transactions ~ Gamma(p, rate ν), m_x
 * their mean. The sum of x independent Gamma(p, rate ν) values is Gamma(px, rate ν), so
 * m_x is drawn in one step as Gamma(px, rate xν) — the same distribution at O(1) per
 * customer.
 */
export function simulateGammaGamma(params: GammaGammaParams, frequency: ArrayLike<number>, rng: Rng): SimulatedSpend {
  const n = frequency.length;
  const out: SimulatedSpend = {
    frequency: Float64Array.from(frequency),
    monetary: new Float64Array(n),
    nu: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const x = frequency[i]!;
    if (!(x >= 0) || !Number.isInteger(x)) throw new RangeError(`simulateGammaGamma: frequency ${x} at row ${i}`);
    const nu = gamma(rng, params.q, 1 / params.gamma);
    out.nu[i] = nu;
    if (x > 0) out.monetary[i] = gamma(rng, params.p * x, 1 / (x * nu));
  }
  return out;
}
