import { Temporal } from 'temporal-polyfill';
import type { JourneyTrigger } from '@kayoi/contracts';
import { nextDueDate } from './visitCycle.js';

/**
 * Trigger checks the worker runs on a visit event or a daily scan. Scans compare local
 * calendar days (`today` in the shop's zone); a worker that missed days replays each one,
 * since every check fires on exactly one day.
 */

export interface VisitTriggerFacts {
  readonly startedAt: Date;
  readonly isFirstVisit: boolean;
  readonly itemIds: readonly string[];
  readonly categories: readonly string[];
}

/** Whether this visit enrols the customer; false for triggers that are not about visits. */
export function checkVisitTriggers(trigger: JourneyTrigger, visit: VisitTriggerFacts): boolean {
  switch (trigger.type) {
    case 'first_visit':
      return visit.isFirstVisit;
    case 'any_visit':
      return true;
    case 'visit_with':
      return (
        visit.itemIds.some((id) => trigger.itemIds.includes(id)) ||
        visit.categories.some((c) => trigger.categories.includes(c))
      );
    default:
      return false;
  }
}

export type MonthDay = { readonly month: number; readonly day: number };

function monthDayOf(date: string | MonthDay): MonthDay {
  if (typeof date !== 'string') return date;
  const plain = Temporal.PlainDate.from(date);
  return { month: plain.month, day: plain.day };
}

/** Feb 29 is celebrated on Feb 28 in common years, so it still comes once a year. */
function occursOn(monthDay: MonthDay, date: Temporal.PlainDate): boolean {
  const day = monthDay.month === 2 && monthDay.day === 29 && !date.inLeapYear ? 28 : monthDay.day;
  return date.month === monthDay.month && date.day === day;
}

/**
 * The birthday (YYYY-MM-DD) this trigger fires for when `today` is `daysBefore` days before
 * it, else null. The returned date keys the enrolment, so one birthday enrols once.
 */
export function birthdayTriggerDay(birthday: string | MonthDay, daysBefore: number, today: string): string | null {
  const target = Temporal.PlainDate.from(today).add({ days: daysBefore });
  return occursOn(monthDayOf(birthday), target) ? target.toString() : null;
}

/**
 * Like birthdayTriggerDay for a date attribute (first colour, wedding day); the date itself
 * is not its own anniversary, so only later years fire.
 */
export function anniversaryTriggerDay(date: string, daysBefore: number, today: string): string | null {
  const target = Temporal.PlainDate.from(today).add({ days: daysBefore });
  if (target.year <= Temporal.PlainDate.from(date).year) return null;
  return occursOn(monthDayOf(date), target) ? target.toString() : null;
}

/** True on the one local day the customer becomes due by their own cycle, plus `daysAfterDue`. */
export function checkDue(input: {
  readonly lastVisitDate: string;
  readonly intervalDays: number;
  readonly daysAfterDue: number;
  readonly today: string;
}): boolean {
  const due = Temporal.PlainDate.from(nextDueDate(input.lastVisitDate, input.intervalDays));
  return due.add({ days: input.daysAfterDue }).toString() === input.today;
}

/**
 * True only when P(alive) crosses from at or above the threshold to below it. A first score
 * (no previous) is not a crossing: switching scoring on must not enrol every lapsed customer.
 */
export function checkPAliveCrossed(previous: number | null, current: number | null, threshold: number): boolean {
  return previous !== null && current !== null && previous >= threshold && current < threshold;
}
