/**
 * The per-customer summary every purchase model reads, as columns:
 * - frequency x: number of repeat transactions (the first one is not counted);
 * - recency t_x: time of the last repeat transaction, measured from the first (0 when x = 0);
 * - T: the customer's age, from the first transaction to the end of the observation period;
 * - monetary: mean value of the repeat transactions (Gamma-Gamma), when known;
 * - weights: how many customers share the row (identical rows folded), default 1.
 * Times are in one unit (days or weeks); parameters such as α and β come out in that unit.
 */
export interface RfmSummary {
  frequency: ArrayLike<number>;
  recency: ArrayLike<number>;
  T: ArrayLike<number>;
  monetary?: ArrayLike<number>;
  weights?: ArrayLike<number>;
}

export interface SummaryIssue {
  /** 0-based row. */
  row: number;
  field: 'frequency' | 'recency' | 'T' | 'monetary' | 'weights';
  code:
    | 'NOT_FINITE'
    | 'NEGATIVE'
    | 'NOT_INTEGER'
    | 'RECENCY_AFTER_T'
    | 'RECENCY_WITHOUT_FREQUENCY'
    | 'NON_POSITIVE_SPEND'
    | 'LENGTH_MISMATCH'
    | 'MISSING_COLUMN';
  message: string;
}

/** Every problem of a summary, not only the first (lifetimes' _check_inputs, extended). */
export function checkSummary(summary: RfmSummary, options: { requireMonetary?: boolean } = {}): SummaryIssue[] {
  const { frequency: x, recency: tx, T, monetary, weights } = summary;
  const issues: SummaryIssue[] = [];
  const n = x.length;
  for (const [field, column] of [
    ['recency', tx],
    ['T', T],
    ['monetary', monetary],
    ['weights', weights],
  ] as const) {
    if (column && column.length !== n) {
      issues.push({
        row: -1,
        field,
        code: 'LENGTH_MISMATCH',
        message: `${field} has ${column.length} rows, frequency ${n}`,
      });
    }
  }
  if (issues.length > 0) return issues;
  if (options.requireMonetary && !monetary) {
    issues.push({ row: -1, field: 'monetary', code: 'MISSING_COLUMN', message: 'mean spend is missing' });
    return issues;
  }
  const add = (row: number, field: SummaryIssue['field'], code: SummaryIssue['code'], message: string) =>
    issues.push({ row, field, code, message });
  for (let i = 0; i < n; i++) {
    const xi = x[i]!;
    const ti = tx[i]!;
    const Ti = T[i]!;
    // Fast path: a valid row passes these few comparisons and allocates nothing.
    if (xi >= 0 && Number.isInteger(xi) && ti >= 0 && Ti >= ti && Ti < Infinity && (xi > 0 || ti === 0)) {
      if (!monetary || xi === 0 || monetary[i]! > 0) {
        if (!weights || weights[i]! >= 0) continue;
      }
    }
    if (!Number.isFinite(xi)) add(i, 'frequency', 'NOT_FINITE', `frequency is ${xi}`);
    else if (xi < 0) add(i, 'frequency', 'NEGATIVE', `frequency ${xi} is negative`);
    else if (!Number.isInteger(xi)) add(i, 'frequency', 'NOT_INTEGER', `frequency ${xi} is not a whole number`);
    if (!Number.isFinite(ti)) add(i, 'recency', 'NOT_FINITE', `recency is ${ti}`);
    else if (ti < 0) add(i, 'recency', 'NEGATIVE', `recency ${ti} is negative`);
    if (!Number.isFinite(Ti)) add(i, 'T', 'NOT_FINITE', `T is ${Ti}`);
    else if (Ti < 0) add(i, 'T', 'NEGATIVE', `T ${Ti} is negative`);
    if (Number.isFinite(ti) && Number.isFinite(Ti) && ti > Ti)
      add(i, 'recency', 'RECENCY_AFTER_T', `recency ${ti} > T ${Ti}`);
    if (xi === 0 && ti !== 0)
      add(i, 'recency', 'RECENCY_WITHOUT_FREQUENCY', `recency ${ti} with no repeat transaction`);
    const m = monetary?.[i];
    if (monetary && xi > 0 && !(Number.isFinite(m) && m! > 0)) {
      add(i, 'monetary', 'NON_POSITIVE_SPEND', `mean spend ${m} must be positive for a repeat customer`);
    }
    const w = weights?.[i];
    if (weights && !(Number.isFinite(w) && w! >= 0)) add(i, 'weights', 'NEGATIVE', `weight ${w} must be ≥ 0`);
  }
  return issues;
}

export class InvalidSummaryError extends Error {
  constructor(readonly issues: SummaryIssue[]) {
    super(
      `${issues.length} invalid row(s): ` +
        issues
          .slice(0, 5)
          .map((i) => `row ${i.row} ${i.field}: ${i.message}`)
          .join('; ') +
        (issues.length > 5 ? '; …' : ''),
    );
    this.name = 'InvalidSummaryError';
  }
}

export function ensureValidSummaryOrThrow(summary: RfmSummary, options: { requireMonetary?: boolean } = {}): void {
  const issues = checkSummary(summary, options);
  if (issues.length > 0) throw new InvalidSummaryError(issues);
}

/** Columns as Float64Arrays with weights, identical (x, t_x, T) rows folded into one. */
export interface FoldedSummary {
  frequency: Float64Array;
  recency: Float64Array;
  T: Float64Array;
  weights: Float64Array;
  /** Sum of weights: the number of customers. */
  n: number;
}

export { foldSummary, foldSummaryWithIndex } from './fold.js';

/** Distinct frequencies and, per row, the index of its frequency: x-only terms are computed once. */
export function frequencyIndex(frequency: Float64Array): { distinct: Float64Array; index: Int32Array } {
  const distinct = Float64Array.from(new Set(frequency)).sort();
  const position = new Map<number, number>();
  distinct.forEach((value, i) => position.set(value, i));
  const index = new Int32Array(frequency.length);
  for (let i = 0; i < frequency.length; i++) index[i] = position.get(frequency[i]!)!;
  return { distinct, index };
}
