import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import {
  TIME_UNITS_PER_MONTH,
  customerLifetimeValues,
  gammaGammaConditionalExpectedAverageSpend,
  gammaGammaExpectedAverageSpend,
  ensureValidSummaryOrThrow,
} from '@kayoi/stats';
import { CliError } from '../withDatabase.js';
import { explainInvalid } from './fitCommand.js';
import { countModels } from './models.js';
import { readSummaryCsv } from './summaryCsv.js';

export interface LtvPredictOptions {
  model: string;
  params: string;
  input: string;
  t: string;
  clvMonths?: string;
  discountRate?: string;
  unit?: string;
  out?: string;
}

function positive(name: string, text: string | undefined, fallback?: number, allowZero = false): number {
  if (text === undefined && fallback !== undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0 || (!allowZero && value === 0))
    throw new CliError(`--${name} must be a ${allowZero ? 'non-negative' : 'positive'} number, not "${text}"`);
  return value;
}

function parseParams(text: string, names: readonly string[]): Record<string, number> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new CliError(`--params is not JSON: ${text}`);
  }
  if (!parsed || typeof parsed !== 'object') throw new CliError('--params must be a JSON object');
  const record = parsed as Record<string, unknown>;
  // `ltv fit` prints {"params": {...}, …}; accept that whole output too.
  const params = (record.params && typeof record.params === 'object' ? record.params : record) as Record<
    string,
    unknown
  >;
  const out: Record<string, number> = {};
  for (const name of names) {
    const value = params[name];
    if (typeof value !== 'number' || !(value > 0))
      throw new CliError(`--params needs ${names.join(', ')} as positive numbers; ${name} is ${JSON.stringify(value)}`);
    out[name] = value;
  }
  for (const name of ['p', 'q', 'gamma'])
    if (typeof params[name] === 'number') out[`spend.${name}`] = params[name] as number;
  return out;
}

/**
 * Scores every customer of a summary CSV: P(alive), expected transactions in the next t
 * units, and — when Gamma-Gamma parameters (p, q, gamma) come with --params and the file
 * has a monetary column — expected spend per transaction and discounted CLV.
 */
export async function ltvPredictCommand(options: LtvPredictOptions): Promise<number> {
  const model = countModels[options.model];
  if (!model) throw new CliError(`ltv predict scores count models: ${Object.keys(countModels).join(', ')}`);
  const params = parseParams(options.params, model.paramNames);
  const t = positive('t', options.t);
  if (model.discrete && !Number.isInteger(t)) throw new CliError('--t counts opportunities for bg-bb: a whole number');
  const months = positive('clv-months', options.clvMonths, 12);
  const discount = positive('discount-rate', options.discountRate, 0.01, true);
  const unit = (options.unit ?? 'week') as keyof typeof TIME_UNITS_PER_MONTH;
  if (!(unit in TIME_UNITS_PER_MONTH))
    throw new CliError(`--unit must be one of ${Object.keys(TIME_UNITS_PER_MONTH).join(', ')}`);
  const table = await readSummaryCsv(options.input);
  try {
    ensureValidSummaryOrThrow(table);
  } catch (err) {
    explainInvalid(err);
  }
  const n = table.ids.length;
  const spendParams =
    params['spend.p'] !== undefined && params['spend.q'] !== undefined && params['spend.gamma'] !== undefined
      ? { p: params['spend.p'], q: params['spend.q'], gamma: params['spend.gamma'] }
      : null;
  const spend = new Float64Array(n).fill(NaN);
  if (spendParams && table.monetary) {
    const population = gammaGammaExpectedAverageSpend(spendParams);
    for (let i = 0; i < n; i++) {
      const x = table.frequency[i]!;
      spend[i] = x > 0 ? gammaGammaConditionalExpectedAverageSpend(spendParams, x, table.monetary[i]!) : population;
    }
  }
  const clv =
    spendParams && table.monetary
      ? customerLifetimeValues({
          params,
          frequency: table.frequency,
          recency: table.recency,
          T: table.T,
          expectedSpend: spend,
          horizonMonths: months,
          discountRatePerMonth: discount,
          timeUnitsPerMonth: TIME_UNITS_PER_MONTH[unit],
          ...(model.conditionalExpectedTransactionsPath
            ? { conditionalExpectedTransactionsPath: model.conditionalExpectedTransactionsPath }
            : { conditionalExpectedTransactions: model.conditionalExpectedTransactions }),
        })
      : null;
  const out = options.out ? createWriteStream(options.out) : process.stdout;
  const write = async (line: string) => {
    if (!out.write(line)) await once(out, 'drain');
  };
  await write('id,p_alive,expected_transactions,expected_spend,clv\n');
  for (let i = 0; i < n; i++) {
    const x = table.frequency[i]!;
    const tx = table.recency[i]!;
    const T = table.T[i]!;
    const alive = model.probabilityAlive(params, x, tx, T);
    const expected = model.conditionalExpectedTransactions(params, t, x, tx, T);
    const id = /[",\n]/.test(table.ids[i]!) ? `"${table.ids[i]!.replace(/"/g, '""')}"` : table.ids[i]!;
    const money = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '' : v.toFixed(2));
    await write(`${id},${alive.toPrecision(8)},${expected.toPrecision(8)},${money(spend[i])},${money(clv?.[i])}\n`);
  }
  if (options.out) {
    out.end();
    await once(out, 'finish');
  }
  return 0;
}
