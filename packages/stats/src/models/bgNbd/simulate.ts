import { beta, exponential, gamma } from '../../random/continuous.js';
import type { Rng } from '../../random/prng.js';
import type { BgNbdParams } from './likelihood.js';

export interface SimulatedSummary {
  frequency: Float64Array;
  recency: Float64Array;
  T: Float64Array;
  /** Whether the customer was still active at T (known only in a simulation). */
  alive: Uint8Array;
}

/**
 * Draws customers from BG/NBD: each has a purchase rate λ ~ Gamma(r, rate α) and a drop-out
 * probability p ~ Beta(a, b); purchases follow a Poisson process, and after each repeat
 * purchase the customer leaves with probability p. Observed until their own T.
 */
export function simulateBgNbd(p: BgNbdParams, T: ArrayLike<number>, rng: Rng): SimulatedSummary {
  const n = T.length;
  const out: SimulatedSummary = {
    frequency: new Float64Array(n),
    recency: new Float64Array(n),
    T: Float64Array.from(T),
    alive: new Uint8Array(n),
  };
  for (let i = 0; i < n; i++) {
    const lambda = gamma(rng, p.r, 1 / p.alpha);
    const dropout = beta(rng, p.a, p.b);
    const horizon = T[i]!;
    let time = 0;
    let x = 0;
    let alive = 1;
    for (;;) {
      time += exponential(rng, lambda);
      if (time > horizon) break;
      x++;
      out.recency[i] = time;
      if (rng.next() < dropout) {
        alive = 0;
        break;
      }
    }
    out.frequency[i] = x;
    out.alive[i] = alive;
  }
  return out;
}
