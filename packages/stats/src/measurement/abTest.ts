import { proportionDifference, type ProportionDifference } from './proportionDifference.js';
import { DEFAULT_CONFIDENCE, type BinaryOutcomeCounts, type NotEnoughData } from './types.js';

export type AbWinner = 'A' | 'B' | 'no_winner';

export interface AbVerdict {
  verdict: AbWinner;
  /** Rate of A − rate of B with its intervals, or why they could not be compared. */
  comparison: ProportionDifference | NotEnoughData;
}

/**
 * The verdict of an A/B test between two templates on a binary outcome: 'A' or 'B' only when
 * Newcombe's hybrid score interval (method 10) of rate(A) − rate(B) excludes 0, 'no_winner'
 * otherwise — including when a group is empty.
 *
 * The verdict is for the end of the test declared before it started. Looking at it repeatedly and
 * stopping at the first winner inflates the false-positive rate well beyond 1 − confidence
 * (Armitage, McPherson & Rowe, "Repeated significance tests on accumulating data", JRSS A 132,
 * 1969): callers must show it only once the declared end has passed.
 */
export function abVerdict(a: BinaryOutcomeCounts, b: BinaryOutcomeCounts, confidence = DEFAULT_CONFIDENCE): AbVerdict {
  const comparison = proportionDifference(a, b, confidence);
  if (!comparison.ok) return { verdict: 'no_winner', comparison };
  const { lower, upper } = comparison.newcombe;
  const verdict: AbWinner = lower > 0 ? 'A' : upper < 0 ? 'B' : 'no_winner';
  return { verdict, comparison };
}
