import { epochDayFromCivil } from '@kayoi/stats';

/**
 * Months as whole numbers (year × 12 + month − 1) so cohorts and "months since the first
 * visit" are integer arithmetic over epoch days of the shop's calendar.
 */
export function monthIndexOfEpochDay(epochDay: number): number {
  // Hinnant's civil-from-days, reduced to the year and month.
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return year * 12 + month - 1;
}

/** 'YYYY-MM' of a month index. */
export function monthLabel(monthIndex: number): string {
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** The month index of 'YYYY-MM' or 'YYYY-MM-DD'. */
export function monthIndexOf(text: string): number {
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  return year * 12 + month - 1;
}

/** The first epoch day of a month index. */
export function firstDayOfMonthIndex(monthIndex: number): number {
  const year = Math.floor(monthIndex / 12);
  return epochDayFromCivil(year, monthIndex - year * 12 + 1, 1);
}
