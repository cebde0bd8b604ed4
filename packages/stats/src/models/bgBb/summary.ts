import { checkSummary, type RfmSummary, type SummaryIssue } from '../../data/summary.js';

/** A summary issue, plus the one constraint only discrete opportunities have: x ≤ t_x. */
export type BgBbSummaryIssue = Omit<SummaryIssue, 'code'> & {
  code: SummaryIssue['code'] | 'FREQUENCY_ABOVE_RECENCY';
};

/**
 * Every problem of a BG/BB summary (frequency = x transactions, recency = t_x the opportunity
 * of the last one, T = n opportunities): the shared checks (x a whole number, t_x ≤ n, t_x = 0
 * when x = 0, …), and t_x and n whole numbers with x ≤ t_x (x transactions need x
 * opportunities).
 */
export function checkBgBbSummary(summary: RfmSummary): BgBbSummaryIssue[] {
  const issues: BgBbSummaryIssue[] = checkSummary(summary);
  if (issues.some((issue) => issue.code === 'LENGTH_MISMATCH')) return issues;
  const { frequency: x, recency: tx, T: n } = summary;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i]!;
    const ti = tx[i]!;
    const ni = n[i]!;
    if (Number.isFinite(ti) && !Number.isInteger(ti))
      issues.push({
        row: i,
        field: 'recency',
        code: 'NOT_INTEGER',
        message: `recency ${ti} is not a whole number of opportunities`,
      });
    if (Number.isFinite(ni) && !Number.isInteger(ni))
      issues.push({
        row: i,
        field: 'T',
        code: 'NOT_INTEGER',
        message: `T ${ni} is not a whole number of opportunities`,
      });
    if (Number.isFinite(xi) && Number.isFinite(ti) && xi > ti)
      issues.push({
        row: i,
        field: 'frequency',
        code: 'FREQUENCY_ABOVE_RECENCY',
        message: `${xi} transactions cannot fit in the first ${ti} opportunities`,
      });
  }
  return issues.sort((a, b) => a.row - b.row);
}

export class InvalidBgBbSummaryError extends Error {
  constructor(readonly issues: BgBbSummaryIssue[]) {
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

export function ensureValidBgBbSummaryOrThrow(summary: RfmSummary): void {
  const issues = checkBgBbSummary(summary);
  if (issues.length > 0) throw new InvalidBgBbSummaryError(issues);
}
