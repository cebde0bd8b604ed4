import { parseDay } from './dates.js';

/**
 * From a transaction log to the per-customer summaries the models read (the work of
 * lifetimes' summary_data_from_transaction_data and calibration_and_holdout_data).
 *
 * Conventions, chosen to reproduce the CDNOW summary of Fader, Hardie & Lee (2005):
 * - time is kept at day resolution; with unit 'week' a span of d days is d/7 weeks
 *   (recency 30.43 = 213/7), not a count of calendar weeks;
 * - purchases by one customer on one day are one transaction, their amounts summed;
 * - frequency x counts the purchase days after the first; recency t_x is the time from the
 *   first to the last purchase day; T the time from the first purchase day to the observation
 *   end day; monetary the mean value of the repeat purchase days (the first one is left out,
 *   as the Gamma-Gamma model requires), 0 for customers without a repeat purchase.
 */

export type TimeUnit = 'day' | 'week';
export const DAYS_PER_UNIT: Readonly<Record<TimeUnit, number>> = Object.freeze({ day: 1, week: 7 });

/** A day as 'YYYY-MM-DD' or as a whole number of days since 1970-01-01. */
export type DayInput = string | number;

export interface TransactionRow {
  readonly id: string | number;
  readonly date: DayInput;
  readonly amount?: number | undefined;
}

/** The same log as columns of equal length (ids numeric or text; 1 and '1' are one customer). */
export interface TransactionColumns {
  readonly id: ArrayLike<string | number>;
  readonly date: ArrayLike<DayInput>;
  readonly amount?: ArrayLike<number> | undefined;
}

export type TransactionLog = readonly TransactionRow[] | TransactionColumns;

export interface TransactionIssue {
  /** 0-based row of the log; −1 for the log as a whole or for an option. */
  row: number;
  field: 'id' | 'date' | 'amount' | 'options';
  code:
    | 'MISSING_ID'
    | 'UNKNOWN_DATE_FORMAT'
    | 'NON_FINITE_AMOUNT'
    | 'NEGATIVE_AMOUNT'
    | 'DATE_AFTER_OBSERVATION_END'
    | 'DATE_BEFORE_OBSERVATION_START'
    | 'LENGTH_MISMATCH'
    | 'INVALID_OPTION';
  message: string;
}

/** Per-customer summary built from a log; the columns of RfmSummary plus where they came from. */
export interface TransactionSummary {
  /** Customer ids, in order of first appearance in the log. */
  id: string[];
  frequency: Float64Array;
  recency: Float64Array;
  T: Float64Array;
  /** Mean value of the repeat purchase days (0 without any); present when the log has amounts. */
  monetary?: Float64Array;
  /** Epoch day of each customer's first purchase. */
  firstPurchaseDay: Int32Array;
  unit: TimeUnit;
  /** Epoch day to which the ages T are measured. */
  observationEndDay: number;
}

export interface RfmOptions {
  unit: TimeUnit;
  /** Last day of observation, inclusive; the latest transaction's day when omitted. */
  observationEnd?: DayInput | undefined;
  /** First day of observation, inclusive: earlier transactions are reported. */
  observationStart?: DayInput | undefined;
}

export interface CalibrationHoldoutOptions {
  unit: TimeUnit;
  /** Last day of the calibration period, inclusive. */
  calibrationEnd: DayInput;
  /** Last day of the holdout period, inclusive; the latest transaction's day when omitted. */
  observationEnd?: DayInput | undefined;
  observationStart?: DayInput | undefined;
}

export interface CalibrationAndHoldout {
  /** Summary at the calibration end of every customer whose first purchase is on or before it. */
  calibration: TransactionSummary;
  holdout: {
    /** Purchase days in (calibration end, observation end], per calibration customer: all repeats. */
    frequency: Float64Array;
    /** Mean value of those purchase days (0 without any); present when the log has amounts. */
    monetary?: Float64Array;
    /** Length of the holdout period in the unit: (observation end − calibration end) / days per unit. */
    duration: number;
  };
  /** Epoch day of every repeat purchase day of the calibration customers, up to the observation end. */
  repeatTransactionDays: Int32Array;
  /** Customers whose first purchase falls in the holdout period: left out, as lifetimes does. */
  excludedCustomers: number;
  calibrationEndDay: number;
  observationEndDay: number;
  /** The observation start day when one was given, otherwise the earliest first purchase. */
  observationStartDay: number;
}

export type RfmFromTransactionsResult =
  { ok: true; summary: TransactionSummary } | { ok: false; issues: TransactionIssue[] };

export type CalibrationAndHoldoutResult =
  ({ ok: true } & CalibrationAndHoldout) | { ok: false; issues: TransactionIssue[] };

interface ParsedLog {
  /** Distinct customer ids in order of first appearance. */
  ids: string[];
  customer: Int32Array;
  day: Int32Array;
  amount: Float64Array | null;
  minDay: number;
  maxDay: number;
}

function issue(
  row: number,
  field: TransactionIssue['field'],
  code: TransactionIssue['code'],
  message: string,
): TransactionIssue {
  return { row, field, code, message };
}

function describe(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : String(value);
}

function parseOptionDay(value: DayInput | undefined, name: string, issues: TransactionIssue[]): number | undefined {
  if (value === undefined) return undefined;
  const day = parseDay(value);
  if (day === null) {
    issues.push({
      row: -1,
      field: 'options',
      code: 'UNKNOWN_DATE_FORMAT',
      message: `${name} ${describe(value)} is neither 'YYYY-MM-DD' nor a whole epoch day`,
    });
    return undefined;
  }
  return day;
}

function checkUnit(unit: unknown, issues: TransactionIssue[]): void {
  if (unit !== 'day' && unit !== 'week')
    issues.push({
      row: -1,
      field: 'options',
      code: 'INVALID_OPTION',
      message: `unit ${describe(unit)} must be 'day' or 'week'`,
    });
}

/** Reads and checks every row; bounds that are undefined are not checked. */
function parseLog(
  log: TransactionLog,
  startDay: number | undefined,
  endDay: number | undefined,
  issues: TransactionIssue[],
): ParsedLog {
  const rows = Array.isArray(log) ? (log as readonly TransactionRow[]) : null;
  const columns = rows ? null : (log as TransactionColumns);
  const length = rows ? rows.length : columns!.id.length;
  let ragged = false;
  if (columns) {
    for (const [name, column] of [
      ['date', columns.date],
      ['amount', columns.amount],
    ] as const) {
      if (column && column.length !== length) {
        ragged = true;
        issues.push({
          row: -1,
          field: name,
          code: 'LENGTH_MISMATCH',
          message: `${name} has ${column.length} rows, id ${length}`,
        });
      }
    }
  }
  const hasAmount = rows ? rows.some((r) => r.amount !== undefined) : columns!.amount !== undefined;
  const parsed: ParsedLog = {
    ids: [],
    customer: new Int32Array(length),
    day: new Int32Array(length),
    amount: hasAmount ? new Float64Array(length) : null,
    minDay: Infinity,
    maxDay: -Infinity,
  };
  // Rows cannot be read one by one when the columns do not line up.
  if (ragged) return parsed;
  // Numeric ids are looked up as numbers (no string per row); a number and its decimal text
  // are one customer.
  const customerOf = new Map<string, number>();
  const numericCustomerOf = new Map<number, number>();
  for (let i = 0; i < length; i++) {
    const id = rows ? rows[i]!.id : columns!.id[i];
    const date = rows ? rows[i]!.date : columns!.date[i];
    if (id === undefined || id === null || id === '' || (typeof id === 'number' && !Number.isFinite(id))) {
      issues.push(issue(i, 'id', 'MISSING_ID', `customer id is ${describe(id)}`));
    } else {
      let c = typeof id === 'number' ? numericCustomerOf.get(id) : customerOf.get(id);
      if (c === undefined) {
        const key = String(id);
        c = customerOf.get(key);
        if (c === undefined) {
          c = parsed.ids.length;
          customerOf.set(key, c);
          parsed.ids.push(key);
        }
        if (typeof id === 'number') numericCustomerOf.set(id, c);
      }
      parsed.customer[i] = c;
    }
    const day = parseDay(date);
    if (day === null) {
      issues.push(
        issue(i, 'date', 'UNKNOWN_DATE_FORMAT', `date ${describe(date)} is neither 'YYYY-MM-DD' nor a whole epoch day`),
      );
    } else {
      if (endDay !== undefined && day > endDay)
        issues.push(
          issue(i, 'date', 'DATE_AFTER_OBSERVATION_END', `date ${describe(date)} is after the observation end`),
        );
      if (startDay !== undefined && day < startDay)
        issues.push(
          issue(i, 'date', 'DATE_BEFORE_OBSERVATION_START', `date ${describe(date)} is before the observation start`),
        );
      parsed.day[i] = day;
      if (day < parsed.minDay) parsed.minDay = day;
      if (day > parsed.maxDay) parsed.maxDay = day;
    }
    if (parsed.amount) {
      const amount = rows ? rows[i]!.amount : columns!.amount![i];
      if (typeof amount !== 'number' || !Number.isFinite(amount))
        issues.push(issue(i, 'amount', 'NON_FINITE_AMOUNT', `amount is ${describe(amount)}`));
      else if (amount < 0) issues.push(issue(i, 'amount', 'NEGATIVE_AMOUNT', `amount ${amount} is negative`));
      else parsed.amount[i] = amount;
    }
  }
  return parsed;
}

/**
 * Row indices grouped by customer (in id order) and by day within each customer: a stable
 * counting sort by day, then one by customer (LSD radix sort, O(rows)). Days spread over more
 * than a few million values fall back to one comparison sort.
 */
function groupByCustomerAndDay(parsed: ParsedLog): { order: Int32Array; offsets: Int32Array } {
  const { day, customer } = parsed;
  const rows = day.length;
  const customers = parsed.ids.length;
  let byDay: Int32Array;
  const span = rows > 0 ? parsed.maxDay - parsed.minDay + 1 : 0;
  if (span <= Math.max(4 * rows, 1 << 20)) {
    const start = new Int32Array(span + 1);
    for (let i = 0; i < rows; i++) start[day[i]! - parsed.minDay + 1]!++;
    for (let d = 0; d < span; d++) start[d + 1]! += start[d]!;
    byDay = new Int32Array(rows);
    for (let i = 0; i < rows; i++) byDay[start[day[i]! - parsed.minDay]!++] = i;
  } else {
    byDay = Int32Array.from({ length: rows }, (_, i) => i).sort((a, b) => day[a]! - day[b]! || a - b);
  }
  const offsets = new Int32Array(customers + 1);
  for (let i = 0; i < rows; i++) offsets[customer[i]! + 1]!++;
  for (let c = 0; c < customers; c++) offsets[c + 1]! += offsets[c]!;
  const fill = offsets.slice(0, customers);
  const order = new Int32Array(rows);
  for (let k = 0; k < rows; k++) {
    const i = byDay[k]!;
    order[fill[customer[i]!]!++] = i;
  }
  return { order, offsets };
}

/** One pass over the log grouped by customer and day, merging same-day rows while walking it. */
function summarise(
  parsed: ParsedLog,
  unit: TimeUnit,
  calibrationEndDay: number,
  observationEndDay: number,
  observationStartDay: number,
): CalibrationAndHoldout {
  const customers = parsed.ids.length;
  const { day, amount } = parsed;
  const { order, offsets } = groupByCustomerAndDay(parsed);

  const scale = DAYS_PER_UNIT[unit];
  const ids: string[] = [];
  const frequency = new Float64Array(customers);
  const recency = new Float64Array(customers);
  const T = new Float64Array(customers);
  const monetary = amount ? new Float64Array(customers) : null;
  const firstPurchaseDay = new Int32Array(customers);
  const holdoutFrequency = new Float64Array(customers);
  const holdoutMonetary = amount ? new Float64Array(customers) : null;
  const repeatDays: number[] = [];
  let kept = 0;
  for (let c = 0; c < customers; c++) {
    const bucket = order.subarray(offsets[c]!, offsets[c + 1]!);
    const first = day[bucket[0]!]!;
    if (first > calibrationEndDay) continue;
    let calibrationDays = 0;
    let last = first;
    let calibrationSpend = 0;
    let holdoutDays = 0;
    let holdoutSpend = 0;
    let previous = NaN;
    for (let j = 0; j < bucket.length; j++) {
      const row = bucket[j]!;
      const d = day[row]!;
      const value = amount ? amount[row]! : 0;
      const isNewDay = d !== previous;
      previous = d;
      if (d === first) continue; // the first purchase day, merged; not a repeat
      if (d <= calibrationEndDay) {
        if (isNewDay) {
          calibrationDays++;
          last = d;
          repeatDays.push(d);
        }
        calibrationSpend += value;
      } else if (d <= observationEndDay) {
        if (isNewDay) {
          holdoutDays++;
          repeatDays.push(d);
        }
        holdoutSpend += value;
      }
    }
    ids.push(parsed.ids[c]!);
    frequency[kept] = calibrationDays;
    recency[kept] = (last - first) / scale;
    T[kept] = (calibrationEndDay - first) / scale;
    firstPurchaseDay[kept] = first;
    if (monetary) monetary[kept] = calibrationDays > 0 ? calibrationSpend / calibrationDays : 0;
    holdoutFrequency[kept] = holdoutDays;
    if (holdoutMonetary) holdoutMonetary[kept] = holdoutDays > 0 ? holdoutSpend / holdoutDays : 0;
    kept++;
  }
  const calibration: TransactionSummary = {
    id: ids,
    frequency: frequency.slice(0, kept),
    recency: recency.slice(0, kept),
    T: T.slice(0, kept),
    firstPurchaseDay: firstPurchaseDay.slice(0, kept),
    unit,
    observationEndDay: calibrationEndDay,
  };
  if (monetary) calibration.monetary = monetary.slice(0, kept);
  const holdout: CalibrationAndHoldout['holdout'] = {
    frequency: holdoutFrequency.slice(0, kept),
    duration: (observationEndDay - calibrationEndDay) / scale,
  };
  if (holdoutMonetary) holdout.monetary = holdoutMonetary.slice(0, kept);
  return {
    calibration,
    holdout,
    repeatTransactionDays: Int32Array.from(repeatDays),
    excludedCustomers: customers - kept,
    calibrationEndDay,
    observationEndDay,
    observationStartDay,
  };
}

/**
 * Builds the RFM summary (frequency, recency, T, monetary, ids) of every customer in a
 * transaction log, ages measured to the observation end. Every problem is returned at once
 * with its row: an id missing, a date neither 'YYYY-MM-DD' nor a whole epoch day, an amount
 * negative or not finite, a date after the observation end (or before the start).
 */
export function rfmFromTransactions(log: TransactionLog, options: RfmOptions): RfmFromTransactionsResult {
  const issues: TransactionIssue[] = [];
  checkUnit(options.unit, issues);
  const endDay = parseOptionDay(options.observationEnd, 'observationEnd', issues);
  const startDay = parseOptionDay(options.observationStart, 'observationStart', issues);
  if (startDay !== undefined && endDay !== undefined && startDay > endDay)
    issues.push({
      row: -1,
      field: 'options',
      code: 'INVALID_OPTION',
      message: 'observationStart is after observationEnd',
    });
  const parsed = parseLog(log, startDay, endDay, issues);
  if (issues.length > 0) return { ok: false, issues };
  const end = endDay ?? (parsed.day.length > 0 ? parsed.maxDay : 0);
  const start = startDay ?? (parsed.day.length > 0 ? parsed.minDay : end);
  return { ok: true, summary: summarise(parsed, options.unit, end, end, start).calibration };
}

/**
 * Splits a log at the calibration end into the calibration summary and the holdout actuals,
 * for customers whose first purchase is in the calibration period (lifetimes'
 * calibration_and_holdout_data): holdout frequency counts the purchase days in
 * (calibration end, observation end], all of them repeats; holdout duration is the length of
 * that period in the unit. Issues are reported as in rfmFromTransactions.
 */
export function calibrationAndHoldout(
  log: TransactionLog,
  options: CalibrationHoldoutOptions,
): CalibrationAndHoldoutResult {
  const issues: TransactionIssue[] = [];
  checkUnit(options.unit, issues);
  const calibrationEndDay = parseOptionDay(options.calibrationEnd, 'calibrationEnd', issues);
  if (options.calibrationEnd === undefined)
    issues.push({ row: -1, field: 'options', code: 'INVALID_OPTION', message: 'calibrationEnd is required' });
  const endDay = parseOptionDay(options.observationEnd, 'observationEnd', issues);
  const startDay = parseOptionDay(options.observationStart, 'observationStart', issues);
  if (calibrationEndDay !== undefined && endDay !== undefined && calibrationEndDay > endDay)
    issues.push({
      row: -1,
      field: 'options',
      code: 'INVALID_OPTION',
      message: 'calibrationEnd is after observationEnd',
    });
  if (calibrationEndDay !== undefined && startDay !== undefined && startDay > calibrationEndDay)
    issues.push({
      row: -1,
      field: 'options',
      code: 'INVALID_OPTION',
      message: 'observationStart is after calibrationEnd',
    });
  const parsed = parseLog(log, startDay, endDay, issues);
  if (issues.length > 0 || calibrationEndDay === undefined) return { ok: false, issues };
  const end = endDay ?? Math.max(calibrationEndDay, parsed.day.length > 0 ? parsed.maxDay : calibrationEndDay);
  const start = startDay ?? (parsed.day.length > 0 ? parsed.minDay : calibrationEndDay);
  return { ok: true, ...summarise(parsed, options.unit, calibrationEndDay, end, start) };
}
