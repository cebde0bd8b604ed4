import { ensureValidSummaryOrThrow, foldSummary, type RfmSummary } from '../../data/summary.js';
import { fitMaximumLikelihood, type FitOptions, type FitResult } from '../../fit/maximumLikelihood.js';
import { mbgNbdLikelihood, mbgNbdParamNames, type MbgNbdParamName } from './likelihood.js';

export type MbgNbdFit = FitResult<MbgNbdParamName>;

/**
 * Fits MBG/NBD (Batislam, Denizel & Filiztekin 2007; Hoppe & Wagner 2007) by maximum
 * likelihood. Input rows are checked first (every problem is reported); identical rows are
 * folded into weights.
 */
export function fitMbgNbd(summary: RfmSummary, options: FitOptions = {}): MbgNbdFit {
  ensureValidSummaryOrThrow(summary);
  const data = foldSummary(summary);
  let meanT = 0;
  for (let i = 0; i < data.T.length; i++) meanT += (data.T[i]! * data.weights[i]!) / data.n;
  return fitMaximumLikelihood(
    {
      model: 'mbg-nbd',
      names: mbgNbdParamNames,
      n: data.n,
      logLikelihood: mbgNbdLikelihood(data),
      // α has the unit of time; starting it at the mean age keeps the first steps sensible.
      start: [1, Math.max(meanT, 1e-3), 1, 1],
    },
    options,
  );
}
