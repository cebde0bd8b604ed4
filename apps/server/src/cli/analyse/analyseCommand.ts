import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { buildOfflineReport } from '@kayoi/core';
import { civilFromEpochDay, parseDay } from '@kayoi/stats';
import type { EncodingChoice } from '../../imports/csvSource.js';
import { CliError } from '../withDatabase.js';
import { readTransactionLog } from './readTransactionLog.js';
import { renderReportHtml } from './reportHtml.js';

export interface AnalyseOptions {
  out: string;
  json?: string;
  customerId?: string;
  date?: string;
  amount?: string;
  encoding?: string;
  timezone: string;
  endDate?: string;
  lang: string;
  currency: string;
}

function checkedOptions(options: AnalyseOptions) {
  const encoding = (options.encoding ?? 'auto').toLowerCase().replace('sjis', 'shift_jis').replace('utf8', 'utf-8');
  if (!['auto', 'utf-8', 'shift_jis'].includes(encoding))
    throw new CliError(`--encoding must be utf-8 or shift_jis, not "${options.encoding}"`);
  try {
    new Intl.DateTimeFormat('en', { timeZone: options.timezone });
  } catch {
    throw new CliError(`--timezone "${options.timezone}" is not an IANA time zone (e.g. Asia/Tokyo)`);
  }
  const endDay = options.endDate === undefined ? null : parseDay(options.endDate);
  if (endDay === null && options.endDate !== undefined)
    throw new CliError(`--end-date must be YYYY-MM-DD, not "${options.endDate}"`);
  if (options.lang !== 'ja' && options.lang !== 'en')
    throw new CliError(`--lang must be ja or en, not "${options.lang}"`);
  const currency = options.currency.toUpperCase();
  if (currency !== 'JPY' && currency !== 'USD' && currency !== 'NONE')
    throw new CliError(`--currency must be JPY, USD or none, not "${options.currency}"`);
  return {
    encoding: encoding as EncodingChoice,
    endDay,
    lang: options.lang as 'ja' | 'en',
    currency: (currency === 'NONE' ? 'none' : currency) as 'JPY' | 'USD' | 'none',
  };
}

async function writeOutput(path: string, content: string): Promise<void> {
  try {
    await writeFile(path, content);
  } catch (err) {
    throw new CliError(`cannot write ${path}: ${(err as Error).message}`);
  }
}

/**
 * `kayoi analyse FILE.csv --out report.html`: a shop's transaction log in, one self-contained
 * HTML report out (and the numbers as JSON with --json). No database: this is how a shop
 * tries Kayoi in a minute. Progress goes to stderr, so stdout stays clean for scripts.
 */
export async function analyseCommand(file: string, options: AnalyseOptions): Promise<number> {
  const checked = checkedOptions(options);
  const started = performance.now();
  const progress = (message: string) =>
    process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(1)} s] ${message}\n`);
  progress(`reading ${file}`);
  const log = await readTransactionLog(file, {
    customer: options.customerId,
    date: options.date,
    amount: options.amount,
    encoding: checked.encoding,
    timeZone: options.timezone,
    onProgress: (rows) => progress(`${rows.toLocaleString('en-US')} rows`),
  });
  const endDay = checked.endDay ?? log.lastDay;
  if (endDay < log.firstDay)
    throw new CliError(
      `--end-date ${options.endDate} is before the first transaction (${civilFromEpochDay(log.firstDay)})`,
    );
  const histories = log.builder.build(endDay);
  progress(
    `${log.transactions.toLocaleString('en-US')} transactions` +
      (log.voided > 0 ? ` (${log.voided} void rows left out)` : '') +
      `, ${histories.ids.length.toLocaleString('en-US')} customers, ${civilFromEpochDay(log.firstDay)} – ${civilFromEpochDay(endDay)}`,
  );
  progress('fitting the purchase and spend models');
  const report = buildOfflineReport(histories, { transactions: log.transactions });
  const model = report.model;
  progress(
    model
      ? `model: ${model.name}${model.lowData ? ' (few customers: regularised)' : ''}, ${model.reason === 'holdout' ? 'chosen on a holdout' : `no holdout (${model.reason})`}`
      : `no model: ${report.diagnostics.skipped}`,
  );
  await writeOutput(
    options.out,
    renderReportHtml(report, {
      lang: checked.lang,
      currency: checked.currency,
      sourceName: basename(file),
      generatedAt: new Date(),
    }),
  );
  progress(`wrote ${options.out}`);
  if (options.json) {
    await writeOutput(options.json, `${JSON.stringify(report, null, 1)}\n`);
    progress(`wrote ${options.json}`);
  }
  return 0;
}
