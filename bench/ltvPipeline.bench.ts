/**
 * LTV engine benchmark (issue 4): 1,000,000 simulated customers with CDNOW's parameters.
 * - pipeline: BG/NBD fit + Gamma-Gamma fit + P(alive), expected transactions, expected spend
 *   and 12-month discounted CLV for every customer — target ≤ 1.5 s, peak ≤ 200 MiB;
 * - a Pareto/NBD fit — target ≤ 3 s.
 * Writes the simulated summary to bench/.data so bench/reference/btyd_reference.py can fit
 * the same data with scipy (an independent implementation) for the 4-significant-digit check.
 * Run: npm run bench -- ltvPipeline   (CUSTOMERS=100000 for a shorter run; CONTINUOUS=1 for
 * exact event times instead of whole days, where no two customers share a history)
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import {
  TIME_UNITS_PER_MONTH,
  bgNbdConditionalExpectedTransactions,
  bgNbdConditionalExpectedTransactionsPath,
  bgNbdProbabilityAlive,
  createRng,
  customerLifetimeValues,
  fitBgNbd,
  fitGammaGamma,
  fitParetoNbd,
  foldSummaryWithIndex,
  gammaGammaConditionalExpectedAverageSpends,
  simulateBgNbd,
  simulateGammaGamma,
  simulateParetoNbd,
} from '@kayoi/stats';
import * as stats from '@kayoi/stats';

const CUSTOMERS = Number(process.env.CUSTOMERS ?? 1_000_000);
const truth = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const spendTruth = { p: 6.25, q: 3.74, gamma: 15.44 };

/** CDNOW's design: first purchases over 12 weeks, observed to week 39, times on whole days. */
function simulate() {
  const rng = createRng(19970101);
  const T = new Float64Array(CUSTOMERS);
  for (let i = 0; i < CUSTOMERS; i++) T[i] = (273 - Math.floor(rng.next() * 84)) / 7;
  const counts = simulateBgNbd(truth, T, rng);
  // CONTINUOUS=1 keeps exact event times: the worst case for folding (every history distinct).
  if (!process.env.CONTINUOUS)
    for (let i = 0; i < CUSTOMERS; i++) counts.recency[i] = Math.ceil(counts.recency[i]! * 7 - 1e-9) / 7;
  const spend = simulateGammaGamma(spendTruth, counts.frequency, rng);
  return { frequency: counts.frequency, recency: counts.recency, T: counts.T, monetary: spend.monetary };
}

const paretoTruth = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };

function simulatePareto() {
  const rng = createRng(19970102);
  const T = new Float64Array(CUSTOMERS);
  for (let i = 0; i < CUSTOMERS; i++) T[i] = (273 - Math.floor(rng.next() * 84)) / 7;
  const counts = simulateParetoNbd(paretoTruth, T, rng);
  if (!process.env.CONTINUOUS)
    for (let i = 0; i < CUSTOMERS; i++) counts.recency[i] = Math.ceil(counts.recency[i]! * 7 - 1e-9) / 7;
  return { frequency: counts.frequency, recency: counts.recency, T: counts.T };
}

async function writeCsv(
  file: string,
  data: { frequency: Float64Array; recency: Float64Array; T: Float64Array; monetary?: Float64Array },
) {
  const out = createWriteStream(file);
  out.write('frequency,recency,T,monetary_value\n');
  for (let i = 0; i < data.frequency.length; i++) {
    const line = `${data.frequency[i]},${data.recency[i]!.toPrecision(12)},${data.T[i]!.toPrecision(12)},${data.monetary?.[i] ? data.monetary[i]!.toPrecision(12) : 0}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

function peakMemory() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  return () => {
    clearInterval(timer);
    return Math.round(Math.max(peak, process.memoryUsage().rss) / 2 ** 20);
  };
}

const dir = path.join(import.meta.dirname, '.data');
const columns = ['frequency', 'recency', 'T', 'monetary'] as const;
type Columns = { frequency: Float64Array; recency: Float64Array; T: Float64Array; monetary?: Float64Array };

/** Raw little-endian doubles: a child process maps them back without parsing or copying twice. */
function saveColumns(name: string, data: Columns) {
  for (const c of columns) if (data[c]) writeFileSync(path.join(dir, `${name}.${c}.f64`), data[c]!);
}
function loadColumns(name: string, withMonetary: boolean): Columns {
  const load = (c: string) => {
    const bytes = readFileSync(path.join(dir, `${name}.${c}.f64`));
    return new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8);
  };
  return {
    frequency: load('frequency'),
    recency: load('recency'),
    T: load('T'),
    ...(withMonetary ? { monetary: load('monetary') } : {}),
  };
}

/** The parent simulates and writes the data; each workload runs in a fresh process so its peak memory is its own. */
async function main() {
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, node ${process.version}, customers ${CUSTOMERS}`);
  mkdirSync(dir, { recursive: true });
  const ltv = simulate();
  await writeCsv(path.join(dir, `ltv-${CUSTOMERS}.csv`), ltv);
  saveColumns(`ltv-${CUSTOMERS}`, ltv);
  const pareto = simulatePareto();
  await writeCsv(path.join(dir, `pareto-${CUSTOMERS}.csv`), pareto);
  saveColumns(`pareto-${CUSTOMERS}`, pareto);
  for (const part of ['pipeline', 'pareto']) {
    const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', import.meta.filename], {
      env: { ...process.env, PART: part },
      stdio: 'inherit',
    });
    if (child.status !== 0) process.exitCode = 1;
  }
}

async function pipeline() {
  const data = loadColumns(`ltv-${CUSTOMERS}`, true) as Required<Columns>;
  console.log(`baseline RSS with the input loaded: ${Math.round(process.memoryUsage().rss / 2 ** 20)} MiB`);
  // Release what the simulation left behind so the peak measures the pipeline.
  (globalThis as { gc?: () => void }).gc?.();
  await new Promise((r) => setTimeout(r, 50));
  const memory = peakMemory();
  const started = performance.now();
  // One fold serves the fit, the predictions and CLV: they all depend on (x, t_x, T) only.
  const histories = foldSummaryWithIndex(data);
  const bg = fitBgNbd(histories);
  const bgSeconds = (performance.now() - started) / 1000;
  const gg = fitGammaGamma(data);
  const ggDone = performance.now();
  const n = CUSTOMERS;
  const h = histories.frequency.length;
  const historyAlive = new Float64Array(h);
  const historyExpected = new Float64Array(h);
  for (let k = 0; k < h; k++) {
    const x = histories.frequency[k]!;
    const tx = histories.recency[k]!;
    const T = histories.T[k]!;
    historyAlive[k] = bgNbdProbabilityAlive(bg.params, x, tx, T);
    historyExpected[k] = bgNbdConditionalExpectedTransactions(bg.params, 52, x, tx, T);
  }
  // Discounted expected transactions over 12 months per history; CLV = spend × that.
  const discounted = customerLifetimeValues({
    params: bg.params,
    frequency: histories.frequency,
    recency: histories.recency,
    T: histories.T,
    expectedSpend: 1,
    horizonMonths: 12,
    discountRatePerMonth: 0.01,
    timeUnitsPerMonth: TIME_UNITS_PER_MONTH.week,
    conditionalExpectedTransactionsPath: bgNbdConditionalExpectedTransactionsPath,
  });
  const spend = gammaGammaConditionalExpectedAverageSpends(gg.params, data.frequency, data.monetary);
  // Customers without a repeat purchase have no spend history: the population mean applies.
  const population = stats.gammaGammaExpectedAverageSpend(gg.params);
  const pAlive = new Float64Array(n);
  const expected = new Float64Array(n);
  const clv = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const k = histories.rowPattern[i]!;
    if (data.frequency[i] === 0) spend[i] = population;
    pAlive[i] = historyAlive[k]!;
    expected[i] = historyExpected[k]!;
    clv[i] = spend[i]! * discounted[k]!;
  }
  const pipelineSeconds = (performance.now() - started) / 1000;
  const peak = memory();
  let totalClv = 0;
  for (let i = 0; i < n; i++) totalClv += clv[i]!;
  console.log(
    JSON.stringify({
      benchmark: 'pipeline',
      customers: n,
      histories: h,
      seconds: Number(pipelineSeconds.toFixed(3)),
      bgNbdFitSeconds: Number(bgSeconds.toFixed(3)),
      gammaGammaFitSeconds: Number(((ggDone - started) / 1000 - bgSeconds).toFixed(3)),
      peakRssMiB: peak,
      bgNbd: bg.params,
      bgNbdLogLik: bg.logLik,
      gammaGamma: gg.params,
      meanPAlive: pAlive.reduce((s, v) => s + v, 0) / n,
      meanExpected52w: expected.reduce((s, v) => s + v, 0) / n,
      meanClv12m: totalClv / n,
    }),
  );
}

/** Pareto/NBD on its own simulated customers (CDNOW's published Pareto/NBD parameters). */
async function paretoFit() {
  const n = CUSTOMERS;
  const paretoData = loadColumns(`pareto-${CUSTOMERS}`, false);
  console.log(`baseline RSS with the input loaded: ${Math.round(process.memoryUsage().rss / 2 ** 20)} MiB`);
  const memoryPareto = peakMemory();
  const t0 = performance.now();
  const pareto = fitParetoNbd(paretoData);
  console.log(
    JSON.stringify({
      benchmark: 'pareto-nbd fit',
      customers: n,
      seconds: Number(((performance.now() - t0) / 1000).toFixed(3)),
      peakRssMiB: memoryPareto(),
      params: pareto.params,
      logLik: pareto.logLik,
      iterations: pareto.iterations,
    }),
  );
}

if (process.env.PART === 'pipeline') await pipeline();
else if (process.env.PART === 'pareto') await paretoFit();
else await main();
