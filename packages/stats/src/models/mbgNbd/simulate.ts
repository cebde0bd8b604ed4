import { beta, exponential, gamma } from '../../random/continuous.js';
import type { Rng } from '../../random/prng.js';
import type { SimulatedSummary } from '../bgNbd/simulate.js';
import type { MbgNbdParams } from './likelihood.js';

/**
 * Draws customers from MBG/NBD: each has a purchase rate λ ~ Gamma(r, rate α) and a drop-out
 * probability p ~ Beta(a, b); right after the first purchase (time 0) and after each repeat
 * purchase the customer leaves with probability p; purchases follow a Poisson process while
 * alive. Observed until their own T.
 */
export function simulateMbgNbd(p: MbgNbdParams, T: ArrayLike<number>, rng: Rng): SimulatedSummary {
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
    let alive = rng.next() < dropout ? 0 : 1;
    while (alive === 1) {
      time += exponential(rng, lambda);
      if (time > horizon) break;
      x++;
      out.recency[i] = time;
      if (rng.next() < dropout) alive = 0;
    }
    out.frequency[i] = x;
    out.alive[i] = alive;
  }
  return out;
}
