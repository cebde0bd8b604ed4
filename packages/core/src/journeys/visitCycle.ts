import { Temporal } from 'temporal-polyfill';

/**
 * A customer's own visit cycle, for "due" reminders.
 *
 *   expected interval = (k · m + Σ xᵢ) / (k + n)
 *
 * with xᵢ the customer's n intervals between visits (days), m the shop's mean interval
 * after the service they last had, and k the prior weight in "visits' worth". It is the
 * posterior mean of a normal mean under a prior centred on m worth k observations
 * (Bühlmann credibility with Z = n / (n + k)). Why: a customer with one interval should not
 * define their cycle — one late visit after a holiday would push their next reminder weeks
 * out — yet after many visits their own rhythm should win. n = 0 gives m; n → ∞ gives the
 * customer's mean; larger k pulls harder toward m.
 */
export const DEFAULT_CYCLE_PRIOR_WEIGHT = 2;

export function expectedVisitInterval(input: {
  readonly customerIntervalsDays: readonly number[];
  readonly shopMeanIntervalDays: number;
  readonly priorWeight?: number;
}): number {
  const n = input.customerIntervalsDays.length;
  const k = Math.max(0, input.priorWeight ?? DEFAULT_CYCLE_PRIOR_WEIGHT);
  if (n === 0) return input.shopMeanIntervalDays;
  const sum = input.customerIntervalsDays.reduce((a, b) => a + b, 0);
  return (k * input.shopMeanIntervalDays + sum) / (k + n);
}

/** The local day the customer is due: the last visit plus the interval, rounded to whole days. */
export function nextDueDate(lastVisitLocalDate: string, intervalDays: number): string {
  return Temporal.PlainDate.from(lastVisitLocalDate)
    .add({ days: Math.max(0, Math.round(intervalDays)) })
    .toString();
}

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/** Days between consecutive visit days; two receipts on one day are one trip, not a 0-day cycle. */
export function visitIntervalsDays(localDates: readonly string[]): number[] {
  const days = [...new Set(localDates.map(dayNumber))].sort((a, b) => a - b);
  return days.slice(1).map((d, i) => d - days[i]!);
}

/** One visit day of one customer: its local date and the services (categories or item ids) it had. */
export interface ServiceVisit {
  readonly date: string;
  readonly serviceKeys: readonly string[];
}

export interface ShopVisitIntervals {
  readonly overall: { readonly meanDays: number; readonly count: number } | null;
  readonly byService: ReadonlyMap<string, { readonly meanDays: number; readonly count: number }>;
}

/**
 * The shop's mean interval after each service: every gap between a customer's consecutive
 * visit days counts toward each service of the earlier visit ("after a colour, people come
 * back in 52 days"), because that is the gap a reminder after that service has to predict.
 */
export function shopVisitIntervals(histories: readonly (readonly ServiceVisit[])[]): ShopVisitIntervals {
  const sums = new Map<string, { sum: number; count: number }>();
  let total = 0;
  let count = 0;
  for (const visits of histories) {
    const byDay = new Map<number, Set<string>>();
    for (const v of visits) {
      const keys = byDay.get(dayNumber(v.date)) ?? new Set<string>();
      v.serviceKeys.forEach((k) => keys.add(k));
      byDay.set(dayNumber(v.date), keys);
    }
    const days = [...byDay.keys()].sort((a, b) => a - b);
    for (let i = 1; i < days.length; i++) {
      const gap = days[i]! - days[i - 1]!;
      total += gap;
      count++;
      for (const key of byDay.get(days[i - 1]!)!) {
        const s = sums.get(key) ?? { sum: 0, count: 0 };
        sums.set(key, { sum: s.sum + gap, count: s.count + 1 });
      }
    }
  }
  const byService = new Map([...sums].map(([key, s]) => [key, { meanDays: s.sum / s.count, count: s.count }]));
  return { overall: count === 0 ? null : { meanDays: total / count, count }, byService };
}

/** The shop mean for a visit with these services, pooled by gap count; the overall mean when none is known. */
export function shopMeanIntervalForServices(shop: ShopVisitIntervals, serviceKeys: readonly string[]): number | null {
  let sum = 0;
  let count = 0;
  for (const key of new Set(serviceKeys)) {
    const s = shop.byService.get(key);
    if (!s) continue;
    sum += s.meanDays * s.count;
    count += s.count;
  }
  return count > 0 ? sum / count : (shop.overall?.meanDays ?? null);
}
