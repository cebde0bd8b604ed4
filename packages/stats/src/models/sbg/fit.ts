import { fitMaximumLikelihood, type FitOptions, type FitResult } from '../../fit/maximumLikelihood.js';
import { ensureValidSbgSurvivorsOrThrow, sbgLikelihood, sbgParamNames, type SbgParamName } from './likelihood.js';

export type SbgFit = FitResult<SbgParamName>;

/**
 * Fits the shifted beta-geometric model (Fader & Hardie 2007) to one cohort's survivor
 * counts: survivors[0] customers at the start, survivors[t] still active at the end of
 * period t. The result's n is the cohort size. Every problem with the counts is reported.
 */
export function fitSbg(survivors: ArrayLike<number>, options: FitOptions = {}): SbgFit {
  ensureValidSbgSurvivorsOrThrow(survivors);
  return fitMaximumLikelihood(
    {
      model: 'sbg',
      names: sbgParamNames,
      n: survivors[0]!,
      logLikelihood: sbgLikelihood(survivors),
      start: [1, 1],
    },
    options,
  );
}
