import type { RowProblem } from '@kayoi/core';

/** A problem found while writing, tied to the file row it came from. */
export interface RowIssue {
  row: number;
  problem: RowProblem;
}

export interface BatchOutcome {
  issues: RowIssue[];
  created: number;
  updated: number;
}

/**
 * A batch checked and made ready to write while earlier batches are still being written.
 * `write` (null when there is nothing to write) must run after theirs, in file order.
 */
export interface StagedBatch {
  issues: RowIssue[];
  write: (() => Promise<BatchOutcome>) | null;
}

/** Names as people type them: width-folded, no spaces, so "山田 太郎" finds "山田太郎". */
export function nameKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}
