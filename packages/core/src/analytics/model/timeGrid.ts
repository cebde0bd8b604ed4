import { firstDayOfMonthIndex, monthIndexOfEpochDay, monthLabel } from '../calendar.js';

/** Days in an average calendar month: CLV horizons are in months of 365.25 / 12 days. */
export const DAYS_PER_MONTH = 365.25 / 12;
export const CLV_MONTHS_SHORT = 12;
export const CLV_MONTHS_LONG = 36;

/**
 * Every horizon one scoring pass needs, in days after the end day, as one array so that each
 * customer's expectations come from one path evaluation:
 * - 0, then month boundaries 1…36 (CLV, discounted month by month);
 * - 90 and 365 days (expected visits);
 * - the ends of the calendar months of the forecast: the rest of the current month, then 12
 *   whole months (the forward P&L is read by calendar month).
 */
export interface TimeGrid {
  times: Float64Array;
  /** Index of month boundary k (1…36) is k. */
  day90: number;
  day365: number;
  /** Index into `times` of the end of forecast month f (f = 0 is the current month). */
  forecastEnd: Int32Array;
  /** Index of the start of forecast month f (0 = the end day itself). */
  forecastStart: Int32Array;
  forecastMonths: string[];
  /** Days of each forecast month that lie after the end day. */
  forecastDays: Float64Array;
}

export function timeGridFor(endDay: number): TimeGrid {
  const times: number[] = [0];
  for (let k = 1; k <= CLV_MONTHS_LONG; k++) times.push(k * DAYS_PER_MONTH);
  const day90 = times.push(90) - 1;
  const day365 = times.push(365) - 1;
  const endMonth = monthIndexOfEpochDay(endDay);
  const forecastEnd: number[] = [];
  const forecastStart: number[] = [];
  const forecastMonths: string[] = [];
  const forecastDays: number[] = [];
  let startIndex = 0;
  for (let f = 0; f <= 12; f++) {
    const monthEnd = firstDayOfMonthIndex(endMonth + f + 1) - 1;
    const days = monthEnd - Math.max(endDay, firstDayOfMonthIndex(endMonth + f) - 1);
    if (f === 0 && days === 0) continue; // the end day closed its month: nothing left of it
    const endIndex = times.push(monthEnd - endDay) - 1;
    forecastStart.push(startIndex);
    forecastEnd.push(endIndex);
    forecastMonths.push(monthLabel(endMonth + f));
    forecastDays.push(days);
    startIndex = endIndex;
  }
  return {
    times: Float64Array.from(times),
    day90,
    day365,
    forecastEnd: Int32Array.from(forecastEnd),
    forecastStart: Int32Array.from(forecastStart),
    forecastMonths,
    forecastDays: Float64Array.from(forecastDays),
  };
}
