import { Temporal } from 'temporal-polyfill';
import type { JourneyWaitDuration } from '@kayoi/contracts';

/**
 * Wait arithmetic in the shop's zone. Days are calendar days, so "wait 1 day" from 10:00
 * lands on 10:00 the next day even when a DST change makes that day 23 or 25 hours long;
 * hours and minutes are elapsed time. A wall time that does not exist (skipped by DST) moves
 * forward and a repeated one takes the earlier instant (Temporal's 'compatible'), as calendars do.
 */

function zoned(at: Date, timeZone: string): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(timeZone);
}

export function addWaitDuration(from: Date, duration: JourneyWaitDuration, timeZone: string): Date {
  const end = zoned(from, timeZone).add({ days: duration.days, hours: duration.hours, minutes: duration.minutes });
  return new Date(end.epochMilliseconds);
}

/**
 * The next `time` (HH:MM local) `dayOffset` local days after `from`. With dayOffset 0 it is
 * today's if still ahead, else tomorrow's, so the result is always after `from`.
 */
export function nextTimeOfDay(from: Date, time: string, dayOffset: number, timeZone: string): Date {
  const [hour = 0, minute = 0] = time.split(':').map(Number);
  const plainTime = new Temporal.PlainTime(hour, minute);
  const day = zoned(from, timeZone).toPlainDate().add({ days: dayOffset });
  let target = day.toZonedDateTime({ timeZone, plainTime });
  if (target.epochMilliseconds <= from.getTime()) {
    target = day.add({ days: 1 }).toZonedDateTime({ timeZone, plainTime });
  }
  return new Date(target.epochMilliseconds);
}
