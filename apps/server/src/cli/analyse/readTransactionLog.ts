import { createReadStream } from 'node:fs';
import { CustomerHistoriesBuilder } from '@kayoi/core';
import { csvRecords, type EncodingChoice } from '../../imports/csvSource.js';
import { CliError } from '../withDatabase.js';
import {
  isVoidStatus,
  resolveTransactionColumns,
  type ColumnChoice,
  type TransactionColumns,
} from './transactionColumns.js';
import { amountOfCell, localDayOfCell } from './transactionCells.js';

export interface TransactionLogRead {
  builder: CustomerHistoriesBuilder;
  /** Rows read as transactions. */
  transactions: number;
  /** Rows left out because their status says void or cancelled. */
  voided: number;
  firstDay: number;
  lastDay: number;
  encoding: EncodingChoice;
}

const SHOWN_ERRORS = 20;

/**
 * Reads a transaction log (UTF-8 or Shift_JIS, comma or tab separated) into visit histories.
 * All or nothing, like every import: every bad row is counted, the first 20 are shown with
 * their spreadsheet row number (header = row 1) and column, and nothing is analysed.
 */
export async function readTransactionLog(
  file: string,
  options: ColumnChoice & { encoding: EncodingChoice; timeZone: string; onProgress?: (rows: number) => void },
): Promise<TransactionLogRead> {
  const builder = new CustomerHistoriesBuilder();
  const errors: string[] = [];
  let errorCount = 0;
  let transactions = 0;
  let voided = 0;
  let firstDay = Infinity;
  let lastDay = -Infinity;
  let header: string[] | null = null;
  let columns: TransactionColumns | null = null;
  const fail = (row: number, column: string, message: string) => {
    errorCount++;
    if (errors.length < SHOWN_ERRORS) errors.push(`row ${row}, column ${column}: ${message}`);
  };
  let stream;
  try {
    stream = createReadStream(file);
    for await (const record of csvRecords(stream, options.encoding)) {
      if (header === null) {
        header = record.cells.map((c) => c.trim());
        const resolved = resolveTransactionColumns(header, options);
        if (!resolved.ok) throw new CliError(`${file}: ${resolved.message}`);
        columns = resolved.columns;
        continue;
      }
      const { customer, date, amount, status } = columns!;
      const cell = (at: number) => record.cells[at] ?? '';
      if (status !== null && isVoidStatus(cell(status))) {
        voided++;
        continue;
      }
      const id = cell(customer).trim();
      const day = localDayOfCell(cell(date), options.timeZone);
      const value = amountOfCell(cell(amount));
      if (id === '') fail(record.row, header[customer]!, 'the customer is empty');
      if (day === null)
        fail(record.row, header[date]!, `"${cell(date)}" is not a date (2026-03-05, 2026/3/5, 2026年3月5日…)`);
      if (value === null) fail(record.row, header[amount]!, `"${cell(amount)}" is not an amount`);
      if (id === '' || day === null || value === null) continue;
      builder.add(id, day, value, value);
      transactions++;
      if (day < firstDay) firstDay = day;
      if (day > lastDay) lastDay = day;
      if (transactions % 100_000 === 0) options.onProgress?.(transactions);
    }
  } catch (err) {
    if (err instanceof CliError) throw err;
    const code = (err as { code?: string }).code;
    if (code === 'ENOENT') throw new CliError(`${file}: no such file`);
    if (code === 'EISDIR') throw new CliError(`${file}: is a folder, not a CSV file`);
    if (typeof code === 'string' && code.startsWith('CSV_'))
      throw new CliError(`${file}: not a readable CSV (${(err as Error).message})`);
    throw err;
  } finally {
    stream?.destroy();
  }
  if (header === null) throw new CliError(`${file}: the file is empty`);
  if (errorCount > 0)
    throw new CliError(
      `${file}: ${errorCount} bad row(s), nothing analysed:\n${errors.join('\n')}` +
        (errorCount > errors.length ? `\n… and ${errorCount - errors.length} more` : ''),
    );
  if (transactions === 0) throw new CliError(`${file}: no transactions after the header`);
  return { builder, transactions, voided, firstDay, lastDay, encoding: options.encoding };
}
