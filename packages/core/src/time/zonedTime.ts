import { Temporal } from 'temporal-polyfill';

/**
 * Business rules speak in the shop's local time ("visits on 3 March", "this month");
 * storage speaks in UTC instants. These helpers convert at that boundary.
 */

/** The first instant of a local calendar day in the zone. */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const zoned = Temporal.PlainDate.from(date).toZonedDateTime({ timeZone });
  return new Date(zoned.epochMilliseconds);
}

/** The first instant after a local calendar day ends (exclusive upper bound). */
export function endOfLocalDay(date: string, timeZone: string): Date {
  const next = Temporal.PlainDate.from(date).add({ days: 1 }).toZonedDateTime({ timeZone });
  return new Date(next.epochMilliseconds);
}

export function localDateOf(instant: Date, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDate()
    .toString();
}

/**
 * A converter from local wall-clock time to UTC instants, for importing millions of rows.
 * Temporal is exact but slow per call; the zone's offset is cached per local hour, which
 * stays exact wherever offsets change by whole hours on the hour (Japan has no DST; so do
 * nearly all zones). Lord Howe's half-hour shift is the known exception: its skipped
 * half hour would be off by 30 minutes. `disambiguation: 'compatible'` picks the earlier
 * of two repeated times and moves a skipped time forward, as calendars do.
 */
export function localToInstantConverter(
  timeZone: string,
): (y: number, mo: number, d: number, h: number, mi: number, s: number) => Date {
  const offsetByHour = new Map<number, number>();
  return (y, mo, d, h, mi, s) => {
    const wall = Date.UTC(y, mo - 1, d, h, mi, s);
    const hourKey = Date.UTC(y, mo - 1, d, h);
    let offset = offsetByHour.get(hourKey);
    if (offset === undefined) {
      const zoned = Temporal.PlainDateTime.from({ year: y, month: mo, day: d, hour: h }).toZonedDateTime(timeZone, {
        disambiguation: 'compatible',
      });
      offset = zoned.epochMilliseconds - hourKey;
      if (offsetByHour.size > 200_000) offsetByHour.clear();
      offsetByHour.set(hourKey, offset);
    }
    return new Date(wall + offset);
  };
}
