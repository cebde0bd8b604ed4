import { readFile } from 'node:fs/promises';
import { fitGammaGamma, fitSbg, InvalidSummaryError, type FitResult } from '@kayoi/stats';
import { CliError } from '../withDatabase.js';
import { countModels, modelNames } from './models.js';
import { readSummaryCsv } from './summaryCsv.js';

export interface LtvFitOptions {
  model: string;
  input: string;
  penalizer?: string;
}

function penalizerFrom(text: string | undefined): number {
  if (text === undefined) return 0;
  const value = Number(text);
  if (!(value >= 0)) throw new CliError(`--penalizer must be a number ≥ 0, not "${text}"`);
  return value;
}

/** sBG reads a cohort's survivors: one row per period from 0, in a column active/customers/survivors. */
async function readSurvivors(file: string): Promise<number[]> {
  const lines = (await readFile(file, 'utf8'))
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  const header = (lines[0] ?? '').split(',').map((h) => h.trim().toLowerCase());
  const column = header.findIndex((h) => ['active', 'customers', 'survivors', 'alive'].includes(h));
  if (column < 0) throw new CliError(`${file}: sbg needs a column active (customers at the start of each period)`);
  return lines.slice(1).map((line, i) => {
    const value = Number(line.split(',')[column]);
    if (!Number.isFinite(value) || value < 0)
      throw new CliError(`row ${i + 2}, column ${header[column]}: "${line.split(',')[column]}" is not a count`);
    return value;
  });
}

/** Translates a summary validation failure into the CLI's row/column message (row 1 is the header). */
export function explainInvalid(err: unknown): never {
  if (err instanceof InvalidSummaryError || (err instanceof Error && err.name === 'InvalidSummaryError')) {
    const issues = (err as InvalidSummaryError).issues;
    throw new CliError(
      issues
        .slice(0, 50)
        .map((i) => `row ${i.row + 2}, column ${i.field}: ${i.message}`)
        .join('\n'),
    );
  }
  throw err;
}

export async function ltvFitCommand(options: LtvFitOptions): Promise<number> {
  const penalizer = penalizerFrom(options.penalizer);
  const started = performance.now();
  let fit: FitResult;
  try {
    if (options.model === 'sbg') {
      fit = fitSbg(await readSurvivors(options.input), { penalizer });
    } else if (options.model === 'gamma-gamma') {
      const table = await readSummaryCsv(options.input, { needMonetary: true });
      fit = fitGammaGamma({ frequency: table.frequency, monetary: table.monetary! }, { penalizer });
    } else {
      const model = countModels[options.model];
      if (!model) throw new CliError(`Unknown model "${options.model}": use ${modelNames.join(', ')}`);
      const table = await readSummaryCsv(options.input);
      fit = model.fit(table, { penalizer });
    }
  } catch (err) {
    explainInvalid(err);
  }
  const seconds = (performance.now() - started) / 1000;
  const { model, params, stdErr, logLik, converged, n } = fit;
  process.stdout.write(
    `${JSON.stringify({ model, params, stdErr, logLik, converged, n, seconds: Number(seconds.toFixed(3)) })}\n`,
  );
  return 0;
}
