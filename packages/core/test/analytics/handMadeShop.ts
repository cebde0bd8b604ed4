import { parseDay } from '@kayoi/stats';
import { CustomerHistoriesBuilder } from '../../src/analytics/histories.js';

/**
 * Six customers of a small salon, written out so every analytics number can be worked out
 * by hand (the expected values in the tests are that hand work, not a second program).
 * The books close on 2026-06-30.
 */
export const END_DAY = parseDay('2026-06-30')!;

export const HAND_MADE_VISITS: readonly (readonly [customer: string, day: string, revenue: number, profit: number])[] =
  [
    ['A', '2026-01-05', 5000, 4000],
    ['A', '2026-01-05', 1000, 500], // same day: one trip with the first
    ['A', '2026-02-10', 6000, 5000],
    ['A', '2026-06-20', 7000, 6000],
    ['B', '2026-01-20', 8000, 7000],
    ['C', '2026-06-01', 3000, 2500], // out of order on purpose
    ['C', '2026-02-01', 3000, 2500],
    ['C', '2026-02-15', 3000, 2500],
    ['C', '2026-03-01', 3000, 2500],
    ['C', '2026-04-01', 3000, 2500],
    ['C', '2026-05-01', 3000, 2500],
    ['D', '2026-03-10', 10000, 8000],
    ['D', '2026-03-31', 2000, 1500],
    ['E', '2026-06-25', 4000, 3000],
    ['F', '2025-12-15', 2000, 1500],
    ['F', '2026-01-14', 2000, 1500],
    ['G', '2026-07-02', 9000, 8000], // after the books closed: not a customer yet
  ];

export function handMadeHistories(endDay = END_DAY) {
  const builder = new CustomerHistoriesBuilder();
  for (const [customer, day, revenue, profit] of HAND_MADE_VISITS)
    builder.add(customer, parseDay(day)!, revenue, profit);
  return builder.build(endDay);
}
