import { beta, createRng, exponential, gamma, parseDay, uniform } from '@kayoi/stats';
import { CustomerHistoriesBuilder } from '../../src/analytics/histories.js';

export interface SimulatedShop {
  builder: CustomerHistoriesBuilder;
  endDay: number;
}

/**
 * A shop whose customers behave exactly as BG/NBD says (Fader, Hardie & Lee 2005), in days:
 * purchase rate λ ~ Gamma(r, α), after each visit a dropout chance p ~ Beta(a, b); first
 * visits spread over `spanDays` before the end; each visit worth a customer-specific mean
 * (Gamma-distributed) times a little noise. Visits keep coming `afterDays` past the end, so
 * a test can compare predictions with what then happened.
 */
export function simulateBgNbdShop(input: {
  customers: number;
  seed: number;
  spanDays: number;
  afterDays: number;
  params?: { r: number; alpha: number; a: number; b: number };
  endDay?: number;
}): SimulatedShop {
  const { r, alpha, a, b } = input.params ?? { r: 0.9, alpha: 60, a: 0.7, b: 3.5 };
  const endDay = input.endDay ?? parseDay('2026-10-31')!;
  const rng = createRng(input.seed);
  const builder = new CustomerHistoriesBuilder();
  for (let c = 0; c < input.customers; c++) {
    const id = `c${c}`;
    const rate = gamma(rng, r, 1 / alpha);
    const dropout = beta(rng, a, b);
    const meanSpend = 2000 + gamma(rng, 4, 1500);
    const first = endDay - Math.floor(uniform(rng, 0, input.spanDays));
    let t = first;
    for (;;) {
      const day = Math.floor(t);
      const amount = Math.round(meanSpend * uniform(rng, 0.8, 1.2));
      builder.add(id, day, amount, Math.round(amount * 0.7));
      if (uniform(rng) < dropout) break;
      t += exponential(rng, rate);
      if (t > endDay + input.afterDays) break;
    }
  }
  return { builder, endDay };
}
