import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RfmSummary } from '../src/data/summary.js';
import { calibrationAndHoldout, type CalibrationAndHoldout } from '../src/data/transactions.js';
import {
  cumulativeTracking,
  evaluateHoldout,
  holdoutAccuracy,
  type CountModelPredictions,
} from '../src/evaluation/index.js';
import type { FitResult } from '../src/fit/maximumLikelihood.js';
import {
  bgNbdConditionalExpectedTransactions,
  bgNbdExpectedTransactions,
  fitBgNbd,
} from '../src/models/bgNbd/index.js';
import {
  fitParetoNbd,
  paretoNbdConditionalExpectedTransactions,
  paretoNbdExpectedTransactions,
} from '../src/models/paretoNbd/index.js';
import { cdnowSampleTransactions } from './support/cdnow.js';

const relative = (got: number, want: number, tolerance: number, label = '') =>
  assert.ok(Math.abs(got - want) <= tolerance * Math.abs(want), `${label} ${got} vs ${want}`);

describe('holdout evaluation by hand', () => {
  it('scores conditional predictions against holdout actuals: MAE, RMSE, totals', () => {
    // "Model": E[Y(t) | x] = x·t/10, whatever t_x and T.
    const accuracy = holdoutAccuracy(
      (_p: null, t, x) => (x * t) / 10,
      null,
      { frequency: [0, 1, 2, 4], recency: [0, 1, 2, 3], T: [5, 5, 5, 5] },
      { frequency: [1, 0, 4, 4], duration: 10 },
    );
    assert.deepEqual(Array.from(accuracy.predicted), [0, 1, 2, 4]);
    assert.equal(accuracy.mae, (1 + 1 + 2 + 0) / 4);
    assert.equal(accuracy.rmse, Math.sqrt((1 + 1 + 4 + 0) / 4));
    assert.equal(accuracy.totalPredicted, 7);
    assert.equal(accuracy.totalActual, 9);
  });

  it('tracks cumulative predictions by cohort and counts actual repeats up to each period end', () => {
    // E[X(t)] = t; cohorts at 0 (two customers) and 1.5; period ends 1, 2, 3.
    const series = cumulativeTracking((_p: null, t) => t, null, {
      firstPurchase: [0, 0, 1.5],
      repeatTransactions: [0.5, 1, 1.75, 3, 3.5],
      periodEnds: [1, 2, 3],
    });
    assert.deepEqual(Array.from(series.predicted), [2, 4 + 0.5, 6 + 1.5]);
    assert.deepEqual(Array.from(series.actual), [2, 3, 4]);
    assert.throws(
      () =>
        cumulativeTracking((_p: null, t) => t, null, { firstPurchase: [], repeatTransactions: [], periodEnds: [2, 1] }),
      RangeError,
    );
  });
});

/** A count model to evaluate: how to fit it and its two predictions. One line per model. */
interface Candidate {
  name: string;
  evaluate(split: CalibrationAndHoldout, params?: Readonly<Record<string, number>>): ReturnType<typeof evaluateHoldout>;
  published: Readonly<Record<string, number>>;
  /** At the published parameters, from an independent Python transcription (scipy / mpmath). */
  reference: { cumulative39: number; cumulative78: number; conditionalTotal: number; mae: number; rmse: number };
}

function candidate<N extends string>(
  name: string,
  fit: (summary: RfmSummary) => FitResult<N>,
  predictions: CountModelPredictions<Readonly<Record<N, number>>>,
  published: Readonly<Record<N, number>>,
  reference: Candidate['reference'],
): Candidate {
  return {
    name,
    published,
    reference,
    evaluate: (split, params) =>
      evaluateHoldout(predictions, (params as Readonly<Record<N, number>>) ?? fit(split.calibration).params, split),
  };
}

const models: Candidate[] = [
  candidate(
    'BG/NBD',
    fitBgNbd,
    {
      expectedTransactions: bgNbdExpectedTransactions,
      conditionalExpectedTransactions: bgNbdConditionalExpectedTransactions,
    },
    { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
    {
      cumulative39: 2497.563529,
      cumulative78: 4166.37272,
      conditionalTotal: 1653.941259,
      mae: 0.785609148,
      rmse: 1.607977665,
    },
  ),
  candidate(
    'Pareto/NBD',
    fitParetoNbd,
    {
      expectedTransactions: paretoNbdExpectedTransactions,
      conditionalExpectedTransactions: paretoNbdConditionalExpectedTransactions,
    },
    { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 },
    {
      cumulative39: 2524.050502441,
      cumulative78: 4268.947036876,
      conditionalTotal: 1665.693160683,
      mae: 0.7545471124,
      rmse: 1.602847032534,
    },
  ),
];

describe('CDNOW holdout (weeks 40–78)', () => {
  const split = calibrationAndHoldout(cdnowSampleTransactions(), {
    unit: 'week',
    calibrationEnd: '1997-09-30',
    observationEnd: '1998-06-30',
    observationStart: '1997-01-01',
  });
  assert.ok(split.ok);
  // 2,457 repeat transactions in weeks 1–39, 1,882 in weeks 40–78 (4,339 by week 78).
  const actual = split.holdout.frequency;

  // Naive per-customer forecasts of the holdout, for scale: none at all (the best MAE of
  // these, 0.7985), the calibration count again (the best RMSE, 1.971), the calibration rate
  // x·39/T, and everyone at the mean.
  const baselines = [
    actual.map(() => 0),
    split.calibration.frequency,
    split.calibration.frequency.map((x, i) => (x * 39) / split.calibration.T[i]!),
    actual.map(() => 1882 / 2357),
  ];
  const score = (predicted: ArrayLike<number>) => {
    let absolute = 0;
    let squared = 0;
    for (let i = 0; i < actual.length; i++) {
      absolute += Math.abs(predicted[i]! - actual[i]!);
      squared += (predicted[i]! - actual[i]!) ** 2;
    }
    return { mae: absolute / actual.length, rmse: Math.sqrt(squared / actual.length) };
  };
  const bestBaselineMae = Math.min(...baselines.map((b) => score(b).mae));
  const bestBaselineRmse = Math.min(...baselines.map((b) => score(b).rmse));

  for (const model of models) {
    it(`${model.name} at the published parameters matches the independent transcription to 1e-8`, () => {
      const e = model.evaluate(split, model.published);
      const { reference } = model;
      assert.equal(e.tracking.predicted.length, 78);
      assert.equal(e.tracking.calibrationPeriods, 39);
      relative(e.tracking.predicted[38]!, reference.cumulative39, 1e-8, 'week 39');
      relative(e.tracking.predicted[77]!, reference.cumulative78, 1e-8, 'week 78');
      relative(e.accuracy.totalPredicted, reference.conditionalTotal, 1e-8, 'conditional total');
      relative(e.accuracy.mae, reference.mae, 1e-8, 'MAE');
      relative(e.accuracy.rmse, reference.rmse, 1e-8, 'RMSE');
      assert.equal(e.tracking.actual[38], 2457);
      assert.equal(e.tracking.actual[77], 4339);
      assert.equal(e.trackingHoldoutActual, 1882);
      assert.equal(e.accuracy.totalActual, 1882);
    });

    it(`${model.name} fitted on weeks 1–39 tracks the 78 weeks and beats naive per-customer forecasts`, (t) => {
      const e = model.evaluate(split);
      const { predicted, actual: cumulative } = e.tracking;
      const at78 = predicted[77]! / cumulative[77]! - 1;
      const holdout = e.trackingHoldoutPredicted / e.trackingHoldoutActual - 1;
      const conditional = e.accuracy.totalPredicted / e.accuracy.totalActual - 1;
      t.diagnostic(
        `${model.name}: MAE ${e.accuracy.mae.toFixed(4)}, RMSE ${e.accuracy.rmse.toFixed(4)}; ` +
          `cumulative week 39 ${predicted[38]!.toFixed(1)} vs ${cumulative[38]}, week 78 ${predicted[77]!.toFixed(1)} vs ${cumulative[77]} (${(100 * at78).toFixed(1)}%); ` +
          `weeks 40–78 tracking ${e.trackingHoldoutPredicted.toFixed(1)} (${(100 * holdout).toFixed(1)}%), ` +
          `conditional ${e.accuracy.totalPredicted.toFixed(1)} (${(100 * conditional).toFixed(1)}%) vs ${e.trackingHoldoutActual}`,
      );
      // FHL (2005) show BG/NBD tracking the 78 cumulative weeks closely: within 5% at week 78
      // (measured: BG/NBD −4.1%, Pareto/NBD −1.6%); at the end of calibration within 4%
      // (measured: +1.5%, +2.8%).
      assert.ok(Math.abs(at78) < 0.05, `week 78 off by ${(100 * at78).toFixed(1)}%`);
      assert.ok(Math.abs(predicted[38]! / cumulative[38]! - 1) < 0.04);
      // The holdout weeks alone run above both stationary models (measured: −11.4% and −7.3%
      // by tracking, −12.1% and −11.5% by the conditional expectations): guard at 15%.
      assert.ok(
        Math.abs(holdout) < 0.15 && Math.abs(conditional) < 0.15,
        `holdout ${holdout}, conditional ${conditional}`,
      );
      // Per customer, better than every naive forecast: MAE below the best (0.7985), RMSE at
      // least 15% below the best (1.971; measured ≈ 1.60).
      assert.ok(e.accuracy.mae < bestBaselineMae, `MAE ${e.accuracy.mae} vs ${bestBaselineMae}`);
      assert.ok(e.accuracy.rmse < 0.85 * bestBaselineRmse, `RMSE ${e.accuracy.rmse} vs ${bestBaselineRmse}`);
      // Weekly increments never negative; both series end where they should.
      for (let k = 1; k < 78; k++) assert.ok(predicted[k]! >= predicted[k - 1]!);
    });
  }
});
