import { civilOf, type HistoryWindow } from './calendar.js';
import type { StoreProfile } from './shop.js';

/**
 * Salon demand by month (January first). December (year-end parties, New Year) and March
 * (graduations, the new fiscal year) are the busy months; February and August are quiet.
 */
export const VISIT_MONTH_FACTOR: readonly number[] = [
  0.95, 0.78, 1.22, 1.05, 0.98, 0.95, 1.05, 0.84, 0.92, 1.0, 1.02, 1.3,
];

/** New customers arrive mostly in spring (new jobs, moves, new school year) and December. */
export const ACQUISITION_MONTH_FACTOR: readonly number[] = [
  0.95, 0.8, 1.45, 1.35, 1.0, 0.9, 0.95, 0.8, 0.88, 0.95, 1.0, 1.25,
];

/** Sunday first: weekends fill up, weekday mornings are slow. */
export const WEEKDAY_FACTOR: readonly number[] = [1.4, 0.85, 0.85, 0.85, 0.9, 1.05, 1.5];

/** The shop grows a little: later months bring up to this much more new customers than the first. */
export const ACQUISITION_GROWTH = 0.2;

/** 年末年始: closed from 31 December to 3 January. */
function isNewYearBreak(month: number, day: number): boolean {
  return (month === 12 && day === 31) || (month === 1 && day <= 3);
}

export function isStoreOpen(store: StoreProfile, dayNumber: number): boolean {
  const { month, day, weekday } = civilOf(dayNumber);
  return weekday !== store.closedWeekday && !isNewYearBreak(month, day);
}

/**
 * Per-day weights over the history window with running totals, so that "the first day by
 * which a given amount of weight has accumulated" is a binary search. Closed days weigh 0,
 * which is how draws never land on them.
 */
export class DayTable {
  readonly cumulative: Float64Array;

  constructor(
    readonly firstDay: number,
    weights: Float64Array,
  ) {
    this.cumulative = new Float64Array(weights.length);
    let total = 0;
    for (let i = 0; i < weights.length; i++) {
      total += weights[i] ?? 0;
      this.cumulative[i] = total;
    }
  }

  get total(): number {
    return this.cumulative[this.cumulative.length - 1] ?? 0;
  }

  get lastDay(): number {
    return this.firstDay + this.cumulative.length - 1;
  }

  /** Weight accumulated up to and including the day. */
  reached(dayNumber: number): number {
    const index = dayNumber - this.firstDay;
    if (index < 0) return 0;
    return this.cumulative[Math.min(index, this.cumulative.length - 1)] ?? 0;
  }

  weightOn(dayNumber: number): number {
    return this.reached(dayNumber) - this.reached(dayNumber - 1);
  }

  /** The first day whose running total reaches `target`, or null past the window. */
  dayReaching(target: number): number | null {
    const c = this.cumulative;
    if (!(target <= this.total)) return null;
    let lo = 0;
    let hi = c.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((c[mid] ?? 0) >= target) hi = mid;
      else lo = mid + 1;
    }
    return this.firstDay + lo;
  }

  /** The first day on or after `dayNumber` with positive weight, or null past the window. */
  openDayFrom(dayNumber: number): number | null {
    for (let d = Math.max(dayNumber, this.firstDay); d <= this.lastDay; d++) {
      if (this.weightOn(d) > 0) return d;
    }
    return null;
  }
}

function weights(window: HistoryWindow, weightOf: (dayNumber: number, t: number) => number): Float64Array {
  const length = window.lastDay - window.firstDay + 1;
  const out = new Float64Array(length);
  for (let i = 0; i < length; i++) out[i] = weightOf(window.firstDay + i, length > 1 ? i / (length - 1) : 1);
  return out;
}

const DAYS_PER_YEAR = 365.2425;

/**
 * Seasonal "operational time" for visits, in years: a customer's visit process runs on this
 * clock, so the calendar rate follows the seasons while the average over the window stays at
 * the customer's own rate λ (the window's total is its length in years).
 */
export function visitClock(store: StoreProfile, window: HistoryWindow): DayTable {
  const raw = weights(window, (day) => {
    if (!isStoreOpen(store, day)) return 0;
    const { month, weekday } = civilOf(day);
    return (VISIT_MONTH_FACTOR[month - 1] ?? 1) * (WEEKDAY_FACTOR[weekday] ?? 1);
  });
  let sum = 0;
  for (const w of raw) sum += w;
  const years = raw.length / DAYS_PER_YEAR;
  for (let i = 0; i < raw.length; i++) raw[i] = ((raw[i] ?? 0) / sum) * years;
  return new DayTable(window.firstDay, raw);
}

/** Relative weight of a day for a new customer's first visit at the store. */
export function acquisitionTable(store: StoreProfile, window: HistoryWindow): DayTable {
  return new DayTable(
    window.firstDay,
    weights(window, (day, t) => {
      if (!isStoreOpen(store, day)) return 0;
      const { month, weekday } = civilOf(day);
      return (ACQUISITION_MONTH_FACTOR[month - 1] ?? 1) * (WEEKDAY_FACTOR[weekday] ?? 1) * (1 + ACQUISITION_GROWTH * t);
    }),
  );
}
