import type { Rng } from '@kayoi/stats';
import { localToInstantConverter } from '../time/zonedTime.js';
import { civilOf } from './calendar.js';
import type { TimeOfDay } from './habits.js';

/** Opening hours in minutes after local midnight: 10:00 to 20:30, last booking 19:30. */
const OPENS = 10 * 60;
const CLOSES = 20 * 60 + 30;
const LAST_START = 19 * 60 + 30;
const SLOT = 30;

const WINDOWS: Readonly<Record<TimeOfDay, readonly [number, number]>> = {
  morning: [OPENS, 12 * 60],
  midday: [12 * 60, 16 * 60],
  evening: [16 * 60, LAST_START + 1],
};

/**
 * A start time for a booking of the given length: long treatments must start early enough
 * to finish by closing; customers keep to their usual part of the day most of the time, and
 * weekends are booked through the whole day.
 */
export function drawStartMinutes(rng: Rng, durationMinutes: number, preferred: TimeOfDay, weekday: number): number {
  const latest = Math.max(OPENS, Math.min(LAST_START, CLOSES - durationMinutes));
  const [from, to] = WINDOWS[preferred];
  const weekend = weekday === 0 || weekday === 6;
  const keepsHabit = !weekend && rng.next() < 0.75;
  const weightAt = (m: number) => (keepsHabit && (m < from || m >= to) ? 0.05 : 1);
  // Two passes over at most twenty slots instead of building a table per visit.
  let total = 0;
  for (let m = OPENS; m <= latest; m += SLOT) total += weightAt(m);
  let target = rng.next() * total;
  for (let m = OPENS; m <= latest; m += SLOT) {
    target -= weightAt(m);
    if (target < 0) return m;
  }
  return latest - ((latest - OPENS) % SLOT);
}

/**
 * Local shop time to UTC. The zone offset is looked up once per local day and reused for
 * every time that day when the offset is the same at opening and closing, which holds on all
 * days but the rare transition day inside shop hours; those go through the exact converter.
 */
export class ShopClock {
  private readonly exact: ReturnType<typeof localToInstantConverter>;
  /** UTC milliseconds of local midnight plus the day's offset, or null on a transition day. */
  private readonly baseByDay = new Map<number, number | null>();

  constructor(timeZone: string) {
    this.exact = localToInstantConverter(timeZone);
  }

  instant(dayNumber: number, minutes: number): string {
    let base = this.baseByDay.get(dayNumber);
    if (base === undefined) base = this.dayBase(dayNumber);
    if (base !== null) return new Date(base + minutes * 60_000).toISOString();
    const { year, month, day } = civilOf(dayNumber);
    return this.exact(year, month, day, Math.floor(minutes / 60), minutes % 60, 0).toISOString();
  }

  private dayBase(dayNumber: number): number | null {
    const { year, month, day } = civilOf(dayNumber);
    const midnight = Date.UTC(year, month - 1, day);
    const openOffset = this.exact(year, month, day, OPENS / 60, 0, 0).getTime() - (midnight + OPENS * 60_000);
    const closeOffset = this.exact(year, month, day, 21, 0, 0).getTime() - (midnight + 21 * 3_600_000);
    const base = openOffset === closeOffset ? midnight + openOffset : null;
    this.baseByDay.set(dayNumber, base);
    return base;
  }
}
