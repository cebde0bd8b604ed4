/**
 * Calendar days as whole numbers: days since 1970-01-01 (the "epoch day"), proleptic
 * Gregorian, no time zone. Integer arithmetic only (Hinnant's days-from-civil), so every
 * year 0000–9999 is handled and no Date object is built per transaction.
 */

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of the date year-month-day (month 1–12). */
export function epochDayFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The 'YYYY-MM-DD' of an epoch day. */
export function civilFromEpochDay(epochDay: number): string {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const pad = (v: number, width: number) => String(v).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Epoch days of 0000-01-01 and 9999-12-31: the range of 'YYYY-MM-DD'. */
export const MIN_EPOCH_DAY = -719528;
export const MAX_EPOCH_DAY = 2932896;

/**
 * Reads a day given as 'YYYY-MM-DD' (a real calendar date) or as a whole epoch day number in
 * the same range (years 0000–9999). Anything else — another format, 2023-02-30, a fractional
 * or non-finite number, epoch milliseconds passed by mistake — is null.
 */
export function parseDay(value: unknown): number | null {
  if (typeof value === 'number')
    return Number.isInteger(value) && value >= MIN_EPOCH_DAY && value <= MAX_EPOCH_DAY ? value : null;
  if (typeof value !== 'string') return null;
  const match = ISO_DAY.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return epochDayFromCivil(year, month, day);
}
