import { foldSummary, type RfmSummary } from '../../data/summary.js';
import { fitMaximumLikelihood, type FitOptions, type FitResult } from '../../fit/maximumLikelihood.js';
import { bgBbLikelihood, bgBbParamNames, type BgBbParamName } from './likelihood.js';
import { ensureValidBgBbSummaryOrThrow } from './summary.js';

export type BgBbFit = FitResult<BgBbParamName>;

/**
 * Fits BG/BB (Fader, Hardie & Shang 2010) by maximum likelihood to a summary read as
 * frequency = x transactions, recency = t_x (opportunity of the last one), T = n opportunities.
 * Rows are checked first (every problem is reported, including x > t_x and fractional
 * opportunities); discrete histories repeat heavily, so identical rows are folded into weights.
 */
export function fitBgBb(summary: RfmSummary, options: FitOptions = {}): BgBbFit {
  ensureValidBgBbSummaryOrThrow(summary);
  const data = foldSummary(summary);
  return fitMaximumLikelihood(
    {
      model: 'bg-bb',
      names: bgBbParamNames,
      n: data.n,
      logLikelihood: bgBbLikelihood(data),
      start: [1, 1, 1, 1],
    },
    options,
  );
}
