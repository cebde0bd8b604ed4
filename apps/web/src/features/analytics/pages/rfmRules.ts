import type { MantineColor } from '@mantine/core';
import type { RfmView } from '@kayoi/contracts';
import type { TFunction } from 'i18next';

/**
 * A segment's definition, read from the cells the API says make it and the thresholds it
 * scored with (the server's `apps/server/src/cli/analyse/rfmDefinitions.ts` does the same for
 * the offline report), so the page cannot describe a rule the numbers do not follow.
 */

export type Thresholds = RfmView['thresholds'];

/** A rectangle of the grid: R rLow…rHigh × F fLow…fHigh. */
export interface CellBlock {
  rLow: number;
  rHigh: number;
  fLow: number;
  fHigh: number;
}

/** A range of days or visits; `to` null = open-ended. */
export interface Range {
  from: number;
  to: number | null;
}

/** Cells as rectangles: per R, runs of adjacent F; then equal runs of adjacent R merged. */
export function segmentBlocks(cells: readonly (readonly [number, number])[]): CellBlock[] {
  const byR = new Map<number, number[]>();
  for (const [r, f] of cells)
    byR.set(
      r,
      [...(byR.get(r) ?? []), f].sort((a, b) => a - b),
    );
  const runs: CellBlock[] = [];
  for (const r of [...byR.keys()].sort((a, b) => b - a)) {
    for (const f of byR.get(r) ?? []) {
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

/** Days since the last visit covered by recency scores rLow…rHigh (thresholds: upper bounds of R5, R4, R3, R2). */
export function recencyRange(rLow: number, rHigh: number, thresholds: Thresholds): Range {
  const bounds = thresholds.recencyDays;
  const from = rHigh === 5 ? 0 : (bounds[4 - rHigh] ?? 0) + 1;
  return { from, to: rLow === 1 ? null : (bounds[5 - rLow] ?? null) };
}

/** Visit days covered by frequency scores fLow…fHigh (thresholds: minimum visits of F2, F3, F4, F5). */
export function frequencyRange(fLow: number, fHigh: number, thresholds: Thresholds): Range {
  const mins = thresholds.frequencyVisits;
  const to = fHigh === 5 ? null : (mins[fHigh - 1] ?? 1) - 1;
  return { from: fLow === 1 ? 1 : (mins[fLow - 2] ?? 1), to };
}

/** "R5", "R3–4": how the definition names a run of scores. */
export const scoreSpan = (letter: 'R' | 'F', low: number, high: number) =>
  `${letter}${low === high ? low : `${low}–${high}`}`;

/** "within 45 days" / "46–90 days ago" / "366+ days ago"; `short` for the grid's headers. */
export function recencyText(t: TFunction, range: Range, short = false): string {
  const key = short ? 'rfm.recencyShort' : 'rfm.recency';
  if (range.to === null) return t(`${key}.over`, { from: range.from });
  if (range.from === 0) return t(`${key}.within`, { to: range.to });
  return t(`${key}.between`, { from: range.from, to: range.to });
}

/** "1 visit" / "3–4 visits" / "10+ visits". */
export function frequencyText(t: TFunction, range: Range): string {
  if (range.to === null) return t('rfm.frequency.over', { from: range.from });
  if (range.from === range.to) return t('rfm.frequency.exact', { count: range.from });
  return t('rfm.frequency.between', { from: range.from, to: range.to });
}

/** The whole rule, e.g. "R5 × F4–5（45日以内・5回以上）／R4 × F5（46–90日前・10回以上）". */
export function segmentRule(
  t: TFunction,
  cells: readonly (readonly [number, number])[],
  thresholds: Thresholds,
): string {
  return segmentBlocks(cells)
    .map((b) =>
      t('rfm.rule', {
        cells: `${scoreSpan('R', b.rLow, b.rHigh)} × ${scoreSpan('F', b.fLow, b.fHigh)}`,
        recency: recencyText(t, recencyRange(b.rLow, b.rHigh, thresholds)),
        frequency: frequencyText(t, frequencyRange(b.fLow, b.fHigh, thresholds)),
      }),
    )
    .join(t('rfm.ruleSeparator'));
}

/** One hue per segment, warm for those slipping away, so the grid's regions read at a glance. */
export const segmentColor: Record<RfmView['cells'][number]['segment'], MantineColor> = {
  champions: 'green',
  loyal: 'teal',
  potential_loyalists: 'cyan',
  new: 'blue',
  at_risk: 'orange',
  cant_lose: 'red',
  hibernating: 'violet',
  lost: 'gray',
};
