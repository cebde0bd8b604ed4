import {
  bgBbConditionalExpectedTransactions,
  bgBbProbabilityAlive,
  bgNbdConditionalExpectedTransactions,
  bgNbdConditionalExpectedTransactionsPath,
  bgNbdProbabilityAlive,
  fitBgBb,
  fitBgNbd,
  fitMbgNbd,
  fitParetoNbd,
  mbgNbdConditionalExpectedTransactions,
  mbgNbdProbabilityAlive,
  paretoNbdConditionalExpectedTransactions,
  paretoNbdProbabilityAlive,
  type ConditionalExpectationPath,
  type FitOptions,
  type FitResult,
  type RfmSummary,
} from '@kayoi/stats';

type Params = Record<string, number>;

/** A purchase-count model as the CLI drives it: fit a summary, score customers. */
export interface CountModel {
  name: string;
  paramNames: readonly string[];
  fit(summary: RfmSummary, options: FitOptions): FitResult;
  probabilityAlive(p: Params, x: number, tx: number, T: number): number;
  conditionalExpectedTransactions(p: Params, t: number, x: number, tx: number, T: number): number;
  conditionalExpectedTransactionsPath?: ConditionalExpectationPath<Params>;
  /** Discrete opportunities (BG/BB): times are whole numbers of opportunities. */
  discrete?: boolean;
}

// The registry erases each model's parameter type to a record; the names are checked on input.
const as = <T>(f: T) => f as never;

export const countModels: Record<string, CountModel> = {
  'bg-nbd': {
    name: 'bg-nbd',
    paramNames: ['r', 'alpha', 'a', 'b'],
    fit: fitBgNbd,
    probabilityAlive: as(bgNbdProbabilityAlive),
    conditionalExpectedTransactions: as(bgNbdConditionalExpectedTransactions),
    conditionalExpectedTransactionsPath: as(bgNbdConditionalExpectedTransactionsPath),
  },
  'mbg-nbd': {
    name: 'mbg-nbd',
    paramNames: ['r', 'alpha', 'a', 'b'],
    fit: fitMbgNbd,
    probabilityAlive: as(mbgNbdProbabilityAlive),
    conditionalExpectedTransactions: as(mbgNbdConditionalExpectedTransactions),
  },
  'pareto-nbd': {
    name: 'pareto-nbd',
    paramNames: ['r', 'alpha', 's', 'beta'],
    fit: fitParetoNbd,
    probabilityAlive: as(paretoNbdProbabilityAlive),
    conditionalExpectedTransactions: as(paretoNbdConditionalExpectedTransactions),
  },
  'bg-bb': {
    name: 'bg-bb',
    paramNames: ['alpha', 'beta', 'gamma', 'delta'],
    fit: fitBgBb,
    probabilityAlive: as(bgBbProbabilityAlive),
    conditionalExpectedTransactions: as(bgBbConditionalExpectedTransactions),
    discrete: true,
  },
};

export const modelNames = [...Object.keys(countModels), 'gamma-gamma', 'sbg'];
