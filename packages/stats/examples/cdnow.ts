/**
 * CDNOW end to end, as in the README: from a transaction log to fitted models, their check
 * against a holdout period, spend, and discounted CLV per customer.
 * Run: npx tsx packages/stats/examples/cdnow.ts  (from the repository root)
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  TIME_UNITS_PER_MONTH,
  bgNbdConditionalExpectedTransactions,
  bgNbdConditionalExpectedTransactionsPath,
  bgNbdExpectedTransactions,
  bgNbdProbabilityAlive,
  calibrationAndHoldout,
  customerLifetimeValues,
  evaluateHoldout,
  fitBgNbd,
  fitGammaGamma,
  fitParetoNbd,
  fitSbg,
  gammaGammaConditionalExpectedAverageSpends,
  paretoNbdConditionalExpectedTransactions,
  paretoNbdExpectedTransactions,
  sbgProjectedSurvivors,
} from '../src/index.js';

export function runCdnowWalkthrough(log: (line: string) => void = console.log) {
  // 1. A transaction log: customer, date, amount (the 1/10 sample, 2,357 customers).
  const file = fileURLToPath(new URL('../test/fixtures/CDNOW_sample.txt', import.meta.url));
  const rows = readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .map((f) => ({
      id: f[1]!,
      date: `${f[2]!.slice(0, 4)}-${f[2]!.slice(4, 6)}-${f[2]!.slice(6, 8)}`,
      amount: Number(f[4]),
    }));

  // 2. Summaries in weeks: calibrate on the first 39 weeks, hold out weeks 40–78.
  const split = calibrationAndHoldout(rows, {
    unit: 'week',
    observationStart: '1997-01-01',
    calibrationEnd: '1997-09-30',
    observationEnd: '1998-06-30',
  });
  if (!split.ok) throw new Error(split.issues.map((i) => i.message).join('; '));
  const calibration = split.calibration;
  log(
    `customers ${calibration.id.length}, repeat transactions in calibration ${calibration.frequency.reduce((s, x) => s + x, 0)}`,
  );

  // 3. Fit the purchase models (Fader, Hardie & Lee 2005 report r 0.243, α 4.414, a 0.793, b 2.426).
  const bg = fitBgNbd(calibration);
  const pareto = fitParetoNbd(calibration);
  log(`BG/NBD ${JSON.stringify(bg.params)} LL ${bg.logLik.toFixed(1)}`);
  log(`Pareto/NBD ${JSON.stringify(pareto.params)} LL ${pareto.logLik.toFixed(1)}`);

  // 4. How well do they predict weeks 40–78?
  for (const [name, evaluation] of [
    [
      'BG/NBD',
      evaluateHoldout(
        {
          conditionalExpectedTransactions: bgNbdConditionalExpectedTransactions,
          expectedTransactions: bgNbdExpectedTransactions,
        },
        bg.params,
        split,
      ),
    ],
    [
      'Pareto/NBD',
      evaluateHoldout(
        {
          conditionalExpectedTransactions: paretoNbdConditionalExpectedTransactions,
          expectedTransactions: paretoNbdExpectedTransactions,
        },
        pareto.params,
        split,
      ),
    ],
  ] as const) {
    log(
      `${name}: holdout MAE ${evaluation.accuracy.mae.toFixed(4)}, predicted ${evaluation.trackingHoldoutPredicted.toFixed(0)} vs actual ${evaluation.trackingHoldoutActual} repeat transactions`,
    );
  }

  // 5. Who is still a customer, and what will they buy in the next year?
  const customer = calibration.id.indexOf('1516');
  const [x, tx, T] = [calibration.frequency[customer]!, calibration.recency[customer]!, calibration.T[customer]!];
  log(
    `customer 1516: P(alive) ${bgNbdProbabilityAlive(bg.params, x, tx, T).toFixed(4)}, expected ${bgNbdConditionalExpectedTransactions(bg.params, 52, x, tx, T).toFixed(2)} purchases in 52 weeks`,
  );

  // 6. Spend (Gamma-Gamma on repeat buyers) and 12-month CLV at 1 % a month.
  const spendModel = fitGammaGamma({ frequency: calibration.frequency, monetary: calibration.monetary! });
  log(`Gamma-Gamma ${JSON.stringify(spendModel.params)}`);
  const spend = gammaGammaConditionalExpectedAverageSpends(
    spendModel.params,
    calibration.frequency,
    calibration.monetary!,
  );
  const mean = (spendModel.params.p * spendModel.params.gamma) / (spendModel.params.q - 1);
  for (let i = 0; i < spend.length; i++) if (calibration.frequency[i] === 0) spend[i] = mean;
  const clv = customerLifetimeValues({
    params: bg.params,
    frequency: calibration.frequency,
    recency: calibration.recency,
    T: calibration.T,
    expectedSpend: spend,
    horizonMonths: 12,
    discountRatePerMonth: 0.01,
    timeUnitsPerMonth: TIME_UNITS_PER_MONTH.week,
    conditionalExpectedTransactionsPath: bgNbdConditionalExpectedTransactionsPath,
  });
  const ranked = Array.from(clv.keys()).sort((a, b) => clv[b]! - clv[a]!);
  log(
    `top CLV: ${ranked
      .slice(0, 3)
      .map((i) => `${calibration.id[i]} $${clv[i]!.toFixed(2)}`)
      .join(', ')}`,
  );

  // 7. Contractual retention (sBG, Fader & Hardie 2007): project years 8–12 from years 0–7.
  const regular = fitSbg([1000, 631, 468, 382, 326, 289, 262, 241]);
  const projected = sbgProjectedSurvivors(regular.params, 1000, 12);
  log(
    `sBG γ ${regular.params.gamma.toFixed(3)} δ ${regular.params.delta.toFixed(3)}; years 8–12: ${Array.from(projected.slice(8, 13), (v) => v.toFixed(0)).join(', ')} (actual 223, 207, 194, 183, 173)`,
  );
  return { bg, pareto, spendModel, clv };
}

if (import.meta.url === `file://${process.argv[1]}`) runCdnowWalkthrough();
