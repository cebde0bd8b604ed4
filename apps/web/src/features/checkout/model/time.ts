/**
 * The visit time is entered as the shop's wall clock (an <input type="datetime-local">), which
 * may differ from the device's zone; these convert between that and an ISO instant.
 */
const wallTimeFormats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = wallTimeFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('sv-SE', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    wallTimeFormats.set(timeZone, format);
  }
  return format;
}

/** "YYYY-MM-DDTHH:mm" as a clock in `timeZone` shows `date`. */
export function wallTimeIn(date: Date, timeZone: string): string {
  return formatFor(timeZone).format(date).replace(' ', 'T');
}

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

function wallAsUtc(wallTime: string): number | null {
  const m = WALL_TIME.exec(wallTime);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, Number.isNaN(s) ? 0 : s);
  return Number.isNaN(ms) ? null : ms;
}

function offsetAt(epochMs: number, timeZone: string): number {
  const wall = wallAsUtc(wallTimeIn(new Date(epochMs), timeZone)) ?? epochMs;
  return wall - (epochMs - (((epochMs % 60_000) + 60_000) % 60_000));
}

/** The ISO instant at which the clock in `timeZone` shows `wallTime`; null if it is not a time. */
export function instantOfWallTime(wallTime: string, timeZone: string): string | null {
  const asUtc = wallAsUtc(wallTime);
  if (asUtc === null) return null;
  // A second pass settles times near a daylight-saving change, where the first guess's offset is wrong.
  const first = asUtc - offsetAt(asUtc, timeZone);
  return new Date(asUtc - offsetAt(first, timeZone)).toISOString();
}
