import { beta, createRng, exponential, gamma, uniform } from '@kayoi/stats';

export interface SimulatedVisit {
  customer: number;
  day: number;
  amount: number;
  store: number;
  staff: number;
}

/**
 * A large salon for benchmarks: customers acquired evenly over `spanDays` before `endDay`,
 * visiting as BG/NBD says (rate λ ~ Gamma(r, α) per day, dropout p ~ Beta(a, b) after each
 * visit), each with a usual store and stylist. Acquired over three and a half years, 100,000
 * customers make 2,058,876 visits (seed 1): the two million.
 */
export function* simulateSalonVisits(input: {
  customers: number;
  endDay: number;
  spanDays: number;
  seed: number;
  stores: number;
  staff: number;
}): Generator<SimulatedVisit> {
  const rng = createRng(input.seed);
  for (let c = 0; c < input.customers; c++) {
    const rate = gamma(rng, 2.2, 1 / 45);
    const dropout = beta(rng, 0.5, 14);
    const spend = 4000 + gamma(rng, 3, 1500);
    const store = Math.floor(uniform(rng) * input.stores);
    const staff = Math.floor(uniform(rng) * input.staff);
    let t = input.endDay - Math.floor(uniform(rng, 0, input.spanDays));
    for (;;) {
      yield {
        customer: c,
        day: Math.floor(t),
        amount: Math.round((spend * uniform(rng, 0.85, 1.15)) / 10) * 10,
        store,
        staff,
      };
      if (uniform(rng) < dropout) break;
      t += exponential(rng, rate);
      if (t > input.endDay) break;
    }
  }
}
