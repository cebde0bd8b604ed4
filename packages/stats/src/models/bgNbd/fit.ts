import { ensureValidSummaryOrThrow, foldSummary, type RfmSummary } from '../../data/summary.js';
import { fitMaximumLikelihood, type FitOptions, type FitResult } from '../../fit/maximumLikelihood.js';
import { bgNbdLikelihood, bgNbdParamNames, type BgNbdParamName } from './likelihood.js';

export type BgNbdFit = FitResult<BgNbdParamName>;

/**
 * Fits BG/NBD (Fader, Hardie & Lee 2005) by maximum likelihood. Input rows are checked
 * first (every problem is reported); identical rows are folded into weights.
 */
export function fitBgNbd(summary: RfmSummary, options: FitOptions = {}): BgNbdFit {
  ensureValidSummaryOrThrow(summary);
  const data = foldSummary(summary);
  let meanT = 0;
  for (let i = 0; i < data.T.length; i++) meanT += (data.T[i]! * data.weights[i]!) / data.n;
  return fitMaximumLikelihood(
    {
      model: 'bg-nbd',
      names: bgNbdParamNames,
      n: data.n,
      logLikelihood: bgNbdLikelihood(data),
      // α has the unit of time; starting it at the mean age keeps the first steps sensible.
      start: [1, Math.max(meanT, 1e-3), 1, 1],
    },
    options,
  );
}
