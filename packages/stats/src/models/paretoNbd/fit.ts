import { ensureValidSummaryOrThrow, foldSummary, type RfmSummary } from '../../data/summary.js';
import { fitMaximumLikelihood, type FitOptions, type FitResult } from '../../fit/maximumLikelihood.js';
import { paretoNbdLikelihood, paretoNbdParamNames, type ParetoNbdParamName } from './likelihood.js';

export type ParetoNbdFit = FitResult<ParetoNbdParamName>;

/**
 * Fits Pareto/NBD (Schmittlein, Morrison & Colombo 1987) by maximum likelihood, with the
 * likelihood of Fader & Hardie's note 009 and its analytic gradient. Input rows are checked
 * first (every problem is reported); identical rows are folded into weights.
 */
export function fitParetoNbd(summary: RfmSummary, options: FitOptions = {}): ParetoNbdFit {
  ensureValidSummaryOrThrow(summary);
  const data = foldSummary(summary);
  let meanT = 0;
  for (let i = 0; i < data.T.length; i++) meanT += (data.T[i]! * data.weights[i]!) / data.n;
  const scale = Math.max(meanT, 1e-3);
  return fitMaximumLikelihood(
    {
      model: 'pareto-nbd',
      names: paretoNbdParamNames,
      n: data.n,
      logLikelihood: paretoNbdLikelihood(data),
      // α and β have the unit of time; starting both at the mean age (α = β, where every
      // ₂F₁ is 1) keeps the first steps sensible.
      start: [1, scale, 1, scale],
    },
    options,
  );
}
