import { exponential, gamma } from '../../random/continuous.js';
import { poisson } from '../../random/discrete.js';
import type { Rng } from '../../random/prng.js';
import type { SimulatedSummary } from '../bgNbd/simulate.js';
import type { ParetoNbdParams } from './likelihood.js';

/**
 * Draws customers from Pareto/NBD (Schmittlein, Morrison & Colombo 1987): each has a purchase
 * rate λ ~ Gamma(r, rate α) and a drop-out rate μ ~ Gamma(s, rate β); the lifetime is
 * Exp(μ), and while alive the customer buys as a Poisson process of rate λ. Observed until
 * their own T: x ~ Poisson(λ·min(lifetime, T)) and, given x, the last of x uniform purchase
 * times on (0, min(lifetime, T)], drawn directly as min(lifetime, T)·V^(1/x).
 */
export function simulateParetoNbd(p: ParetoNbdParams, T: ArrayLike<number>, rng: Rng): SimulatedSummary {
  const n = T.length;
  const out: SimulatedSummary = {
    frequency: new Float64Array(n),
    recency: new Float64Array(n),
    T: Float64Array.from(T),
    alive: new Uint8Array(n),
  };
  for (let i = 0; i < n; i++) {
    const lambda = gamma(rng, p.r, 1 / p.alpha);
    const mu = gamma(rng, p.s, 1 / p.beta);
    const lifetime = mu > 0 ? exponential(rng, mu) : Infinity;
    const horizon = T[i]!;
    const active = Math.min(lifetime, horizon);
    const x = lambda > 0 ? poisson(rng, lambda * active) : 0;
    out.frequency[i] = x;
    out.recency[i] = x > 0 ? active * Math.pow(1 - rng.next(), 1 / x) : 0;
    out.alive[i] = lifetime > horizon ? 1 : 0;
  }
  return out;
}
