import { holdoutAccuracy, type FitResult } from '@kayoi/stats';
import type { CustomerHistories } from '../histories.js';
import type { CustomerMetrics } from '../customerMetrics.js';
import { summaryAtDay } from './calibration.js';
import { COUNT_MODELS, type CountModel, type CountModelName } from './countModels.js';

/**
 * A young shop or a small one still gets predictions, but from a regularised fit, and the
 * screen says so. Below these counts the likelihood is too flat to trust free parameters.
 */
export const LOW_DATA_CUSTOMERS = 1000;
export const LOW_DATA_REPEAT_CUSTOMERS = 200;
/**
 * L2 penalty for low-data fits, on the objective −LL/n + λΣθ² with θ in day units (α and β
 * are tens to hundreds of days). 1e-5 leaves parameters of ordinary size alone and stops the
 * runaway ones (b or β in the thousands) that a flat likelihood otherwise drifts to.
 */
export const LOW_DATA_PENALIZER = 1e-5;
/** A holdout comparison needs this much: enough history on both sides of the cut. */
const MIN_HOLDOUT_DAYS = 56;
const MAX_HOLDOUT_DAYS = 182;
const MIN_CALIBRATION_CUSTOMERS = 300;

export interface CandidateCheck {
  model: CountModelName;
  /** Mean absolute error of each customer's predicted vs actual visits in the holdout. */
  mae: number;
  /** Predicted / actual total holdout visits − 1. */
  aggregateError: number;
  converged: boolean;
}

export interface ModelChoice {
  model: CountModel;
  fit: FitResult;
  lowData: boolean;
  penalizer: number;
  /** 'holdout' when the candidates were compared; otherwise why BG/NBD was taken. */
  reason: 'holdout' | 'short_history' | 'few_customers';
  holdout: { calibrationEndDay: number; days: number; candidates: CandidateCheck[] } | null;
}

function fitModel(
  model: CountModel,
  summary: { frequency: Float64Array; recency: Float64Array; T: Float64Array },
  penalizer: number,
): FitResult {
  const fit = model.fit(summary, { penalizer });
  // A flat likelihood can leave L-BFGS short of convergence; a little regularisation settles it.
  if (!fit.converged && penalizer === 0) return model.fit(summary, { penalizer: LOW_DATA_PENALIZER });
  return fit;
}

/**
 * Picks BG/NBD or Pareto/NBD by which predicts a holdout better, when the history allows:
 * the last third of the observed span (8 to 26 weeks) is held out, both models are fitted on
 * the rest, and the one with the lower per-customer mean absolute error wins (BG/NBD on a
 * tie: it is cheaper and its P(alive) is easier to explain). The winner is then refitted on
 * everything. Without enough history or customers, BG/NBD is used and the reason recorded.
 */
export function chooseCountModel(histories: CustomerHistories, metrics: CustomerMetrics): ModelChoice {
  let repeat = 0;
  let firstDay = histories.endDay;
  for (let i = 0; i < metrics.n; i++) {
    if (metrics.frequency[i]! > 0) repeat++;
    if (metrics.firstDay[i]! < firstDay) firstDay = metrics.firstDay[i]!;
  }
  const lowData = metrics.n < LOW_DATA_CUSTOMERS || repeat < LOW_DATA_REPEAT_CUSTOMERS;
  const penalizer = lowData ? LOW_DATA_PENALIZER : 0;
  const span = histories.endDay - firstDay;
  const holdoutDays = Math.min(MAX_HOLDOUT_DAYS, Math.round(span / 3));
  const full = { frequency: metrics.frequency, recency: metrics.recency, T: metrics.T };

  const fallback = (reason: ModelChoice['reason']): ModelChoice => {
    const model = COUNT_MODELS['bg-nbd'];
    return { model, fit: fitModel(model, full, penalizer), lowData, penalizer, reason, holdout: null };
  };
  if (holdoutDays < MIN_HOLDOUT_DAYS) return fallback('short_history');
  const calibrationEndDay = histories.endDay - holdoutDays;
  const calibration = summaryAtDay(histories, calibrationEndDay);
  if (calibration.customer.length < MIN_CALIBRATION_CUSTOMERS) return fallback('few_customers');

  const candidates: CandidateCheck[] = [];
  for (const model of [COUNT_MODELS['bg-nbd'], COUNT_MODELS['pareto-nbd']]) {
    const fit = fitModel(model, calibration, penalizer);
    const accuracy = holdoutAccuracy(
      (p, t, x, tx, T) => {
        const out = new Float64Array(1);
        model.expectationPath(p, [t], x, tx, T, out);
        return out[0]!;
      },
      fit.params,
      calibration,
      { frequency: calibration.after, duration: holdoutDays },
    );
    candidates.push({
      model: model.name,
      mae: accuracy.mae,
      aggregateError: accuracy.totalActual > 0 ? accuracy.totalPredicted / accuracy.totalActual - 1 : 0,
      converged: fit.converged,
    });
  }
  const usable = candidates.filter((c) => c.converged && Number.isFinite(c.mae));
  const best = usable.reduce<CandidateCheck | null>((a, c) => (a === null || c.mae < a.mae - 1e-12 ? c : a), null);
  const model = COUNT_MODELS[best?.model ?? 'bg-nbd'];
  return {
    model,
    fit: fitModel(model, full, penalizer),
    lowData,
    penalizer,
    reason: 'holdout',
    holdout: { calibrationEndDay, days: holdoutDays, candidates },
  };
}
