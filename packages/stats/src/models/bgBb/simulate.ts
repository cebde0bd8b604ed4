import { beta } from '../../random/continuous.js';
import type { Rng } from '../../random/prng.js';
import type { SimulatedSummary } from '../bgNbd/simulate.js';
import type { BgBbParams } from './likelihood.js';

/**
 * Draws customers from BG/BB (Fader, Hardie & Shang 2010): each has a transaction probability
 * p ~ Beta(α, β) and a drop-out probability θ ~ Beta(γ, δ). At the start of each of their n
 * opportunities a customer still alive drops out with probability θ; if still alive, they
 * transact with probability p. Columns as the model reads them: frequency = x, recency = t_x
 * (the opportunity of the last transaction, 0 if none), T = n; alive = survived all n.
 */
export function simulateBgBb(p: BgBbParams, opportunities: ArrayLike<number>, rng: Rng): SimulatedSummary {
  const count = opportunities.length;
  const out: SimulatedSummary = {
    frequency: new Float64Array(count),
    recency: new Float64Array(count),
    T: Float64Array.from(opportunities),
    alive: new Uint8Array(count),
  };
  for (let i = 0; i < count; i++) {
    const n = opportunities[i]!;
    if (!(Number.isInteger(n) && n >= 0)) throw new RangeError(`opportunities must be whole numbers, got ${n}`);
    const purchase = beta(rng, p.alpha, p.beta);
    const dropout = beta(rng, p.gamma, p.delta);
    let x = 0;
    let alive = 1;
    for (let t = 1; t <= n; t++) {
      if (rng.next() < dropout) {
        alive = 0;
        break;
      }
      if (rng.next() < purchase) {
        x++;
        out.recency[i] = t;
      }
    }
    out.frequency[i] = x;
    out.alive[i] = alive;
  }
  return out;
}
