import { createCategorical } from './discrete.js';
import type { Rng } from './prng.js';

/** A uniformly chosen element. */
export function pick<T>(rng: Rng, items: readonly T[]): T {
  if (items.length === 0) throw new RangeError('pick: empty list');
  return items[rng.int(0, items.length - 1)] as T;
}

/** An element chosen with probability proportional to weightOf(element). */
export function weightedPick<T>(rng: Rng, items: readonly T[], weightOf: (item: T, index: number) => number): T {
  const index = createCategorical(items.map(weightOf))(rng);
  return items[index] as T;
}

/** A reusable weighted picker over a fixed list (the table is built once). */
export function createWeightedPicker<T>(
  items: readonly T[],
  weightOf: (item: T, index: number) => number,
): (rng: Rng) => T {
  const draw = createCategorical(items.map(weightOf));
  return (rng) => items[draw(rng)] as T;
}

/** Fisher–Yates shuffle, in place; returns the same array for chaining. */
export function shuffle<T>(rng: Rng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    const tmp = items[i] as T;
    items[i] = items[j] as T;
    items[j] = tmp;
  }
  return items;
}
