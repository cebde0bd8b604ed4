import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { CliError } from '../withDatabase.js';

/** A per-customer summary read from CSV, with the id column carried through. */
export interface SummaryTable {
  ids: string[];
  frequency: Float64Array;
  recency: Float64Array;
  T: Float64Array;
  monetary: Float64Array | undefined;
}

const aliases = {
  id: ['id', 'customer_id', 'customer', 'customerid'],
  frequency: ['frequency', 'x'],
  recency: ['recency', 't_x', 'tx'],
  T: ['t', 'age'],
  monetary: ['monetary_value', 'monetary', 'zbar', 'm_x', 'mx', 'spend'],
} as const;

function columnOf(header: string[], names: readonly string[]): number {
  return header.findIndex((h) => names.includes(h.trim().toLowerCase()));
}

/**
 * Reads frequency, recency, T (and monetary value) in the column names of lifetimes or of
 * Fader & Hardie (x, t_x, T, zbar). Every bad cell is reported as "row N, column C: …".
 */
export async function readSummaryCsv(file: string, options: { needMonetary?: boolean } = {}): Promise<SummaryTable> {
  let text: string;
  try {
    text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  } catch (err) {
    throw new CliError(`Cannot read ${file}: ${(err as Error).message}`);
  }
  let records: string[][];
  try {
    records = parse(text, { relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
  } catch (err) {
    throw new CliError(`${file} is not valid CSV: ${(err as Error).message}`);
  }
  const header = records[0] ?? [];
  const at = {
    id: columnOf(header, aliases.id),
    frequency: columnOf(header, aliases.frequency),
    recency: columnOf(header, aliases.recency),
    T: columnOf(header, aliases.T),
    monetary: columnOf(header, aliases.monetary),
  };
  const missing = (['frequency', 'recency', 'T'] as const).filter((c) => at[c] < 0);
  if (options.needMonetary && at.monetary < 0) (missing as string[]).push('monetary_value');
  if (missing.length > 0) {
    throw new CliError(
      `${file}: missing column(s) ${missing.join(', ')}; expected frequency,recency,T[,monetary_value] or x,t_x,T[,zbar]`,
    );
  }
  const rows = records.length - 1;
  const table: SummaryTable = {
    ids: [],
    frequency: new Float64Array(rows),
    recency: new Float64Array(rows),
    T: new Float64Array(rows),
    monetary: at.monetary >= 0 ? new Float64Array(rows) : undefined,
  };
  const problems: string[] = [];
  const numberAt = (cells: string[], column: number, name: string, row: number): number => {
    const text = cells[column] ?? '';
    const value = text === '' ? NaN : Number(text);
    if (!Number.isFinite(value)) problems.push(`row ${row}, column ${name}: "${text}" is not a number`);
    return value;
  };
  for (let i = 0; i < rows; i++) {
    const cells = records[i + 1]!;
    const row = i + 2;
    table.ids.push(at.id >= 0 ? (cells[at.id] ?? '') : String(i + 1));
    table.frequency[i] = numberAt(cells, at.frequency, header[at.frequency]!, row);
    table.recency[i] = numberAt(cells, at.recency, header[at.recency]!, row);
    table.T[i] = numberAt(cells, at.T, header[at.T]!, row);
    if (table.monetary) table.monetary[i] = numberAt(cells, at.monetary, header[at.monetary]!, row);
  }
  if (problems.length > 0)
    throw new CliError(
      problems.slice(0, 50).join('\n') + (problems.length > 50 ? `\n… and ${problems.length - 50} more` : ''),
    );
  return table;
}
