import type { CustomerHistories } from '../histories.js';

/**
 * The model summary of every customer seen by `cutDay` (inclusive), from their visits up to
 * that day, and how many visit days each made after it (up to the histories' end): the
 * calibration and holdout of a model check, or "as of a month ago" for trends.
 */
export interface CutSummary {
  /** Index into the histories of each row. */
  customer: Int32Array;
  frequency: Float64Array;
  recency: Float64Array;
  T: Float64Array;
  /** Visit days after cutDay. */
  after: Float64Array;
}

export function summaryAtDay(histories: CustomerHistories, cutDay: number): CutSummary {
  const { start, day } = histories;
  const rows: number[] = [];
  for (let i = 0; i < histories.ids.length; i++) if (day[start[i]!]! <= cutDay) rows.push(i);
  const n = rows.length;
  const out: CutSummary = {
    customer: Int32Array.from(rows),
    frequency: new Float64Array(n),
    recency: new Float64Array(n),
    T: new Float64Array(n),
    after: new Float64Array(n),
  };
  for (let k = 0; k < n; k++) {
    const i = rows[k]!;
    const from = start[i]!;
    const to = start[i + 1]!;
    let last = from;
    while (last + 1 < to && day[last + 1]! <= cutDay) last++;
    out.frequency[k] = last - from;
    out.recency[k] = day[last]! - day[from]!;
    out.T[k] = cutDay - day[from]!;
    out.after[k] = to - 1 - last;
  }
  return out;
}
