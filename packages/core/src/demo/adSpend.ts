import { logNormal, type Rng } from '@kayoi/stats';
import { civilOf, daysInMonth, formatMonth, type HistoryWindow } from './calendar.js';
import { CHANNEL_MODELS, FLYER_MONTHS, type ChannelModel } from './channels.js';
import type { Acquisition } from './acquisition.js';
import type { DemoAdSpend } from './types.js';

interface MonthSlot {
  key: string;
  month: number;
  /** Share of the month's days inside the history: the first and last months are partial. */
  coverage: number;
}

function monthsOf(window: HistoryWindow): MonthSlot[] {
  const first = civilOf(window.firstDay);
  const last = civilOf(window.lastDay);
  const slots: MonthSlot[] = [];
  let [year, month] = [first.year, first.month];
  while (year < last.year || (year === last.year && month <= last.month)) {
    const length = daysInMonth(year, month);
    const fromDay = year === first.year && month === first.month ? first.day : 1;
    const toDay = year === last.year && month === last.month ? last.day : length;
    slots.push({ key: formatMonth(year, month), month, coverage: (toDay - fromDay + 1) / length });
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  return slots;
}

function roundTo(amount: number, unit: number): number {
  return Math.max(0, Math.round(amount / unit) * unit);
}

/**
 * Monthly spend per channel, sized so that spend ÷ new customers lands near each channel's
 * target CAC while still varying the way real budgets do: plans are fixed for a year,
 * campaigns move month to month, flyers come in runs, referral rewards follow actual referrals.
 */
export function buildAdSpend(
  rng: Rng,
  window: HistoryWindow,
  expected: ReadonlyMap<string, number>,
  acquisitions: readonly Acquisition[],
): DemoAdSpend[] {
  const months = monthsOf(window);
  const actual = new Map<string, number>();
  for (const a of acquisitions) {
    const { year, month } = civilOf(a.day);
    const key = `${a.channelKey}|${formatMonth(year, month)}`;
    actual.set(key, (actual.get(key) ?? 0) + 1);
  }
  const rows: DemoAdSpend[] = [];
  for (const model of CHANNEL_MODELS) {
    const amounts = amountsFor(model, months, expected, actual, rng.fork(model.channel.key));
    months.forEach((slot, i) => rows.push({ channelKey: model.channel.key, month: slot.key, amount: amounts[i] ?? 0 }));
  }
  return rows;
}

function amountsFor(
  model: ChannelModel,
  months: readonly MonthSlot[],
  expected: ReadonlyMap<string, number>,
  actual: ReadonlyMap<string, number>,
  rng: Rng,
): number[] {
  const key = model.channel.key;
  const expectedIn = (slot: MonthSlot | undefined) => (slot ? (expected.get(`${key}|${slot.key}`) ?? 0) : 0);
  const cost = model.cost;
  switch (cost.kind) {
    case 'free':
      return months.map(() => 0);
    case 'reward':
      return months.map((slot) => (actual.get(`${key}|${slot.key}`) ?? 0) * cost.perCustomer);
    case 'campaign':
      return months.map((slot) => roundTo(expectedIn(slot) * cost.targetCac * logNormal(rng, 0, 0.2), 1_000));
    case 'flyer':
      return months.map((slot, i) =>
        FLYER_MONTHS.includes(slot.month)
          ? roundTo((expectedIn(slot) + expectedIn(months[i + 1])) * cost.targetCac, 1_000)
          : 0,
      );
    case 'plan': {
      const amounts: number[] = [];
      for (let start = 0; start < months.length; start += 12) {
        const block = months.slice(start, start + 12);
        const covered = block.reduce((sum, slot) => sum + slot.coverage, 0);
        const volume = block.reduce((sum, slot) => sum + expectedIn(slot), 0);
        const fee = roundTo((volume / covered) * cost.targetCac, 5_000);
        for (const slot of block) amounts.push(roundTo(fee * slot.coverage, 10));
      }
      return amounts;
    }
  }
}
