import type { CustomerMetrics } from './customerMetrics.js';

/**
 * RFM on a 5 × 5 grid of recency × frequency (monetary is shown per cell, not scored: in a
 * salon it follows frequency closely and a third axis makes 125 cells nobody reads).
 *
 * Scores use fixed thresholds, not quintiles of the current customers: a customer's cell
 * then changes only when the customer does, so segment trends over weeks mean something,
 * and a shop can read the rule ("R5 = came in the last 45 days"). The thresholds are a
 * tenant setting; the defaults suit a hair salon's one-to-two-month rhythm.
 */
export interface RfmThresholds {
  /** Upper bounds (inclusive) of days since the last visit for R5, R4, R3, R2; beyond → R1. */
  recencyDays: readonly [number, number, number, number];
  /** Minimum visit days for F2, F3, F4, F5; below the first → F1. */
  frequencyVisits: readonly [number, number, number, number];
}

export const DEFAULT_RFM_THRESHOLDS: RfmThresholds = Object.freeze({
  recencyDays: Object.freeze([45, 90, 180, 365] as const),
  frequencyVisits: Object.freeze([2, 3, 5, 10] as const),
});

export const RFM_SEGMENTS = [
  'champions',
  'loyal',
  'potential_loyalists',
  'new',
  'at_risk',
  'cant_lose',
  'hibernating',
  'lost',
] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

/**
 * Which (R, F) cells make each segment; every one of the 25 cells belongs to exactly one.
 * Read as: recent and frequent → champions; frequent but cooling → loyal; recent, still few
 * visits → potential loyalists (one visit, very recent → new); were regular, now away → at
 * risk, or can't lose when they were the most frequent; few visits and away → hibernating,
 * then lost.
 */
export const RFM_SEGMENT_CELLS: Readonly<Record<RfmSegment, readonly (readonly [number, number])[]>> = Object.freeze({
  champions: [
    [5, 4],
    [5, 5],
    [4, 5],
  ],
  loyal: [
    [4, 4],
    [3, 4],
    [3, 5],
  ],
  potential_loyalists: [
    [5, 2],
    [5, 3],
    [4, 1],
    [4, 2],
    [4, 3],
  ],
  new: [[5, 1]],
  at_risk: [
    [3, 3],
    [2, 3],
    [2, 4],
    [1, 3],
  ],
  cant_lose: [
    [2, 5],
    [1, 4],
    [1, 5],
  ],
  hibernating: [
    [3, 1],
    [3, 2],
    [2, 1],
    [2, 2],
  ],
  lost: [
    [1, 1],
    [1, 2],
  ],
});

const segmentByCell: RfmSegment[] = (() => {
  const table: RfmSegment[] = [];
  for (const segment of RFM_SEGMENTS)
    for (const [r, f] of RFM_SEGMENT_CELLS[segment]) table[(r - 1) * 5 + (f - 1)] = segment;
  return table;
})();

export function recencyScore(daysSinceLastVisit: number, thresholds: RfmThresholds = DEFAULT_RFM_THRESHOLDS): number {
  const [r5, r4, r3, r2] = thresholds.recencyDays;
  if (daysSinceLastVisit <= r5) return 5;
  if (daysSinceLastVisit <= r4) return 4;
  if (daysSinceLastVisit <= r3) return 3;
  if (daysSinceLastVisit <= r2) return 2;
  return 1;
}

export function frequencyScore(visitDays: number, thresholds: RfmThresholds = DEFAULT_RFM_THRESHOLDS): number {
  const [f2, f3, f4, f5] = thresholds.frequencyVisits;
  if (visitDays >= f5) return 5;
  if (visitDays >= f4) return 4;
  if (visitDays >= f3) return 3;
  if (visitDays >= f2) return 2;
  return 1;
}

export function segmentOfCell(recency: number, frequency: number): RfmSegment {
  return segmentByCell[(recency - 1) * 5 + (frequency - 1)]!;
}

/** Thresholds must increase strictly, or some scores could never be given. */
export function checkRfmThresholds(thresholds: RfmThresholds): string | null {
  const increasing = (values: readonly number[]) => values.every((v, i) => i === 0 || v > values[i - 1]!);
  if (!increasing(thresholds.recencyDays) || thresholds.recencyDays[0] < 0) return 'recencyDays must increase from ≥ 0';
  if (!increasing(thresholds.frequencyVisits) || thresholds.frequencyVisits[0] < 2)
    return 'frequencyVisits must increase from ≥ 2';
  return null;
}

export interface RfmScores {
  recency: Uint8Array;
  frequency: Uint8Array;
  segment: RfmSegment[];
}

export function rfmScoresOf(metrics: CustomerMetrics, thresholds: RfmThresholds = DEFAULT_RFM_THRESHOLDS): RfmScores {
  const recency = new Uint8Array(metrics.n);
  const frequency = new Uint8Array(metrics.n);
  const segment: RfmSegment[] = new Array<RfmSegment>(metrics.n);
  for (let i = 0; i < metrics.n; i++) {
    recency[i] = recencyScore(metrics.endDay - metrics.lastDay[i]!, thresholds);
    frequency[i] = frequencyScore(metrics.visitDays[i]!, thresholds);
    segment[i] = segmentOfCell(recency[i]!, frequency[i]!);
  }
  return { recency, frequency, segment };
}

export interface RfmCell {
  recency: number;
  frequency: number;
  segment: RfmSegment;
  customers: number;
  revenue: number;
}

/** The 25 cells, R5…R1 × F1…F5, with counts and historical revenue (all 25, empty ones too). */
export function rfmGrid(scores: RfmScores, revenue: ArrayLike<number>): RfmCell[] {
  const customers = new Float64Array(25);
  const cellRevenue = new Float64Array(25);
  for (let i = 0; i < scores.recency.length; i++) {
    const cell = (scores.recency[i]! - 1) * 5 + (scores.frequency[i]! - 1);
    customers[cell]!++;
    cellRevenue[cell]! += revenue[i]!;
  }
  const cells: RfmCell[] = [];
  for (let r = 5; r >= 1; r--)
    for (let f = 1; f <= 5; f++) {
      const cell = (r - 1) * 5 + (f - 1);
      cells.push({
        recency: r,
        frequency: f,
        segment: segmentOfCell(r, f),
        customers: customers[cell]!,
        revenue: cellRevenue[cell]!,
      });
    }
  return cells;
}

export interface SegmentSummary {
  segment: RfmSegment;
  customers: number;
  revenue: number;
}

export function segmentSummaries(grid: readonly RfmCell[]): SegmentSummary[] {
  return RFM_SEGMENTS.map((segment) => {
    const cells = grid.filter((c) => c.segment === segment);
    return {
      segment,
      customers: cells.reduce((s, c) => s + c.customers, 0),
      revenue: cells.reduce((s, c) => s + c.revenue, 0),
    };
  });
}
