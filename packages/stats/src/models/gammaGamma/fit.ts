import { checkSummary, InvalidSummaryError, type SummaryIssue } from '../../data/summary.js';
import { fitMaximumLikelihood, type FitOptions, type FitResult } from '../../fit/maximumLikelihood.js';
import { foldSpend, gammaGammaLikelihood, gammaGammaParamNames, type GammaGammaParamName } from './likelihood.js';

export type GammaGammaFit = FitResult<GammaGammaParamName>;

/**
 * What the Gamma-Gamma fit reads: frequency x and mean repeat spend m_x per customer
 * (lifetimes' frequency and monetary_value), optionally weights; recency and T, when given,
 * are checked too so that a whole summary file is validated at once.
 */
export interface SpendSummary {
  frequency: ArrayLike<number>;
  monetary?: ArrayLike<number> | undefined;
  weights?: ArrayLike<number> | undefined;
  recency?: ArrayLike<number> | undefined;
  T?: ArrayLike<number> | undefined;
}

/**
 * Every problem of a spend summary: the monetary column must exist, and m_x must be a
 * positive finite number for each repeat customer (x > 0); frequencies must be whole and
 * non-negative; with recency and T, all of checkSummary's rules apply. Rows with x = 0 may
 * hold any monetary value (files often write 0): they are not fitted.
 */
export function checkSpendSummary(summary: SpendSummary): SummaryIssue[] {
  if (!summary.monetary) {
    return [
      {
        row: -1,
        field: 'monetary',
        code: 'NOT_FINITE',
        message: 'the Gamma-Gamma model needs the mean spend (monetary) of each customer',
      },
    ];
  }
  const n = summary.frequency.length;
  const withTimes = summary.recency !== undefined && summary.T !== undefined;
  // Without times, recency = T = 0 is a valid history for any frequency: only the
  // frequency, spend and weight rules can fire.
  const zeros = withTimes ? undefined : new Float64Array(n);
  return checkSummary(
    {
      frequency: summary.frequency,
      recency: summary.recency ?? zeros!,
      T: summary.T ?? zeros!,
      monetary: summary.monetary,
      weights: summary.weights,
    },
    { requireMonetary: true },
  );
}

/**
 * Fits the Gamma-Gamma spend model (Fader, Hardie & Lee 2005; Fader & Hardie note 025) by
 * maximum likelihood on the repeat customers (x > 0) of `summary`. Every invalid row is
 * reported at once (InvalidSummaryError); identical (x, m_x) rows are folded into weights.
 * `n` of the result is the number of repeat customers fitted.
 */
export function fitGammaGamma(summary: SpendSummary, options: FitOptions = {}): GammaGammaFit {
  const issues = checkSpendSummary(summary);
  if (issues.length > 0) throw new InvalidSummaryError(issues);
  const data = foldSpend({ frequency: summary.frequency, monetary: summary.monetary!, weights: summary.weights });
  if (data.n === 0) throw new RangeError('Gamma-Gamma: no customer with a repeat transaction to fit');
  let meanSpend = 0;
  for (let i = 0; i < data.monetary.length; i++) meanSpend += (data.monetary[i]! * data.weights[i]!) / data.n;
  return fitMaximumLikelihood(
    {
      model: 'gamma-gamma',
      names: gammaGammaParamNames,
      n: data.n,
      logLikelihood: gammaGammaLikelihood(data),
      // γ has the unit of money: p = 1, q = 2, γ = mean spend puts the population mean
      // pγ/(q−1) at the observed mean.
      start: [1, 2, Math.max(meanSpend, 1e-6)],
    },
    options,
  );
}
