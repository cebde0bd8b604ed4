/**
 * Local calendar arithmetic on whole days. The generator reasons in the shop's local days
 * (a "day number" counts days since 1970-01-01); only visit start times are converted to UTC
 * instants, in clock.ts. Date.UTC is used purely as a calendar, never to read the clock.
 */

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function dayNumberOf(date: string): number {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`expected a date YYYY-MM-DD, got '${date}'`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    throw new RangeError(`no such date '${date}'`);
  }
  return Math.round(ms / MS_PER_DAY);
}

export interface CivilDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

export function civilOf(dayNumber: number): CivilDate {
  const d = new Date(dayNumber * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay() };
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function formatDay(dayNumber: number): string {
  const { year, month, day } = civilOf(dayNumber);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

export function formatMonth(year: number, month: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}`;
}

export function monthKeyOfDay(dayNumber: number): string {
  const { year, month } = civilOf(dayNumber);
  return formatMonth(year, month);
}

export function dayFromCivil(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whole years between a birthday and a day (the Japanese 満年齢). */
export function ageOn(birthDay: number, onDay: number): number {
  const birth = civilOf(birthDay);
  const on = civilOf(onDay);
  const hadBirthday = on.month > birth.month || (on.month === birth.month && on.day >= birth.day);
  return on.year - birth.year - (hadBirthday ? 0 : 1);
}

/** The history window [first, last] of local days. */
export interface HistoryWindow {
  firstDay: number;
  lastDay: number;
}

export function historyWindow(endDate: string, years: number): HistoryWindow {
  const lastDay = dayNumberOf(endDate);
  const span = Math.max(1, Math.round(years * 365.2425));
  return { firstDay: lastDay - span + 1, lastDay };
}
