import { DEFAULT_RFM_THRESHOLDS, RFM_SEGMENT_CELLS, type RfmSegment, type RfmThresholds } from '@kayoi/core';
import type { ReportLang } from './reportFormat.js';
import type { ReportText } from './reportText.js';

/** A rectangle of the RFM grid: R rLow…rHigh × F fLow…fHigh. */
export interface CellBlock {
  rLow: number;
  rHigh: number;
  fLow: number;
  fHigh: number;
}

/** A segment's cells as rectangles: per R, runs of adjacent F; then equal runs of adjacent R merged. */
export function segmentBlocks(segment: RfmSegment): CellBlock[] {
  const byR = new Map<number, number[]>();
  for (const [r, f] of RFM_SEGMENT_CELLS[segment])
    byR.set(
      r,
      [...(byR.get(r) ?? []), f].sort((a, b) => a - b),
    );
  const runs: CellBlock[] = [];
  for (const r of [...byR.keys()].sort((a, b) => b - a)) {
    for (const f of byR.get(r)!) {
      const last = runs[runs.length - 1];
      if (last && last.rLow === r && last.fHigh === f - 1) last.fHigh = f;
      else runs.push({ rLow: r, rHigh: r, fLow: f, fHigh: f });
    }
  }
  const merged: CellBlock[] = [];
  for (const run of runs) {
    const same = merged.find((m) => m.fLow === run.fLow && m.fHigh === run.fHigh && m.rLow === run.rHigh + 1);
    if (same) same.rLow = run.rLow;
    else merged.push({ ...run });
  }
  return merged;
}

/** Days since the last visit covered by recency scores rLow…rHigh: [from, to], to null = open. */
export function recencyDays(
  rLow: number,
  rHigh: number,
  thresholds: RfmThresholds = DEFAULT_RFM_THRESHOLDS,
): [number, number | null] {
  const bounds = thresholds.recencyDays; // upper bounds of R5, R4, R3, R2
  const from = rHigh === 5 ? 0 : bounds[4 - rHigh]! + 1;
  return [from, rLow === 1 ? null : bounds[5 - rLow]!];
}

/** Visit days covered by frequency scores fLow…fHigh: [from, to], to null = open. */
export function frequencyVisits(
  fLow: number,
  fHigh: number,
  thresholds: RfmThresholds = DEFAULT_RFM_THRESHOLDS,
): [number, number | null] {
  const mins = thresholds.frequencyVisits; // minimum visits of F2, F3, F4, F5
  return [fLow === 1 ? 1 : mins[fLow - 2]!, fHigh === 5 ? null : mins[fHigh - 1]! - 1];
}

const span = (letter: string, low: number, high: number) => `${letter}${low === high ? low : `${low}–${high}`}`;

/**
 * A segment's rule in words, e.g. "最近も来ていて来店回数も多い: R5 × F4–5（45日以内・5回以上）／R4 × F5
 * （46–90日前・10回以上）". Derived from the same cell table and thresholds that assign the
 * segments, so the report cannot describe a rule the numbers do not follow.
 */
export function segmentDefinition(
  text: ReportText,
  lang: ReportLang,
  segment: RfmSegment,
  thresholds: RfmThresholds = DEFAULT_RFM_THRESHOLDS,
): string {
  const parts = segmentBlocks(segment).map((b) => {
    const recency = text.recency(...recencyDays(b.rLow, b.rHigh, thresholds));
    const frequency = text.frequency(...frequencyVisits(b.fLow, b.fHigh, thresholds));
    const cells = `${span('R', b.rLow, b.rHigh)} × ${span('F', b.fLow, b.fHigh)}`;
    return lang === 'ja' ? `${cells}（${recency}・${frequency}）` : `${cells} (${recency}, ${frequency})`;
  });
  const gist = text.segments[segment].gist;
  return lang === 'ja'
    ? `${gist}: ${parts.join('／')}`
    : `${gist[0]!.toUpperCase()}${gist.slice(1)}: ${parts.join('; ')}`;
}
