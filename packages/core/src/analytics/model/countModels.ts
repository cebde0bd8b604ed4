import {
  bgNbdConditionalExpectedTransactionsPath,
  bgNbdExpectedTransactions,
  bgNbdProbabilityAlive,
  fitBgNbd,
  fitParetoNbd,
  paretoNbdConditionalExpectedTransactionsPath,
  paretoNbdExpectedTransactions,
  paretoNbdProbabilityAlive,
  type BgNbdParams,
  type FitOptions,
  type FitResult,
  type ParetoNbdParams,
  type RfmSummary,
} from '@kayoi/stats';

export type CountModelName = 'bg-nbd' | 'pareto-nbd';
export type ModelParams = Readonly<Record<string, number>>;

/**
 * What analytics needs of a purchase-count model, so BG/NBD and Pareto/NBD can be compared
 * on a holdout and either one scores the customers. Both models share r and α: the purchase
 * rate of a customer still active is Gamma(r + x, α + T) a posteriori in each.
 */
export interface CountModel {
  readonly name: CountModelName;
  readonly paramNames: readonly string[];
  fit(summary: RfmSummary, options: FitOptions): FitResult;
  probabilityAlive(params: ModelParams, x: number, tx: number, T: number): number;
  /** E[Y(t) | x, t_x, T] for every t of `times` into `out` (times[k] = 0 gives 0). */
  expectationPath(
    params: ModelParams,
    times: ArrayLike<number>,
    x: number,
    tx: number,
    T: number,
    out: Float64Array,
  ): void;
  /** E[X(t)]: repeat visits in (0, t] of a customer whose first visit was at 0. */
  expectedTransactions(params: ModelParams, t: number): number;
}

const bgNbd: CountModel = {
  name: 'bg-nbd',
  paramNames: ['r', 'alpha', 'a', 'b'],
  fit: (summary, options) => fitBgNbd(summary, options),
  probabilityAlive: (p, x, tx, T) => bgNbdProbabilityAlive(p as BgNbdParams, x, tx, T),
  expectationPath: (p, times, x, tx, T, out) =>
    bgNbdConditionalExpectedTransactionsPath(p as BgNbdParams, times, x, tx, T, out),
  expectedTransactions: (p, t) => bgNbdExpectedTransactions(p as BgNbdParams, t),
};

const paretoNbd: CountModel = {
  name: 'pareto-nbd',
  paramNames: ['r', 'alpha', 's', 'beta'],
  fit: (summary, options) => fitParetoNbd(summary, options),
  probabilityAlive: (p, x, tx, T) => paretoNbdProbabilityAlive(p as ParetoNbdParams, x, tx, T),
  expectationPath: (p, times, x, tx, T, out) =>
    paretoNbdConditionalExpectedTransactionsPath(p as ParetoNbdParams, times, x, tx, T, out),
  expectedTransactions: (p, t) => paretoNbdExpectedTransactions(p as ParetoNbdParams, t),
};

export const COUNT_MODELS: Readonly<Record<CountModelName, CountModel>> = Object.freeze({
  'bg-nbd': bgNbd,
  'pareto-nbd': paretoNbd,
});

/**
 * Days until the next visit of a customer who is still active, at quantile q: the waiting
 * time is exponential with rate λ ~ Gamma(r + x, α + T), so
 *   P(W > t) = ((α + T) / (α + T + t))^(r + x)  ⇒  t_q = (α + T)((1 − q)^(−1/(r + x)) − 1).
 */
export function nextVisitQuantile(params: ModelParams, x: number, T: number, q: number): number {
  const shape = params.r! + x;
  return (params.alpha! + T) * (Math.pow(1 - q, -1 / shape) - 1);
}
