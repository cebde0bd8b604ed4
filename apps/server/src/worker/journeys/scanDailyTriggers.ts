import {
  anniversaryTriggerDay,
  birthdayTriggerDay,
  checkDue,
  checkPAliveCrossed,
  expectedVisitInterval,
  segmentMemberIdPages,
  shopMeanIntervalForServices,
  shopVisitIntervals,
  visitIntervalsDays,
  type DataStore,
  type ServiceVisit,
} from '@kayoi/core';
import type { ActiveJourney, JourneyScanStore, VisitHistoryRow } from '@kayoi/db';
import { enrolCustomer } from './enrolCustomer.js';

/** A worker that was down replays at most this many missed days; each calendar trigger fires on one day only. */
const MAX_REPLAY_DAYS = 7;

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The local days a scan covers: those after the last scan up to today, at most MAX_REPLAY_DAYS. */
export function daysToScan(lastScanOn: string | null, today: string): string[] {
  const end = dayNumber(today);
  const start = lastScanOn === null ? end : Math.max(dayNumber(lastScanOn) + 1, end - MAX_REPLAY_DAYS + 1);
  const days: string[] = [];
  for (let d = start; d <= end; d++) days.push(dateOf(d));
  return days;
}

function historiesByCustomer(rows: readonly VisitHistoryRow[]): Map<string, ServiceVisit[]> {
  const out = new Map<string, ServiceVisit[]>();
  for (const r of rows) out.set(r.customerId, [...(out.get(r.customerId) ?? []), r]);
  return out;
}

export interface DailyScanInput {
  store: JourneyScanStore;
  data: DataStore;
  tenantId: string;
  timeZone: string;
  journeys: readonly ActiveJourney[];
  days: readonly string[];
  now: Date;
}

/**
 * The once-a-day triggers: birthdays and date anniversaries, due by the customer's own cycle,
 * P(alive) falling below a threshold, and entering a segment. Each enrolment is keyed by the
 * occurrence (the birthday's date, the last visit, the scoring run, the day), so a repeated
 * scan enrols nobody twice. Answers how many enrolments were made.
 */
export async function scanDailyTriggers(input: DailyScanInput): Promise<number> {
  const { store, tenantId, now } = input;
  let enrolled = 0;
  const enrol = async (journey: ActiveJourney, customerId: string, key: string) => {
    if (await enrolCustomer(store, tenantId, journey, customerId, key, now)) enrolled++;
  };
  let histories: Map<string, ServiceVisit[]> | null = null;
  for (const journey of input.journeys) {
    const trigger = journey.definition.trigger;
    switch (trigger.type) {
      case 'birthday':
        for (const c of await store.birthdays(tenantId))
          for (const day of input.days) {
            const date = birthdayTriggerDay(c.birthday, trigger.daysBefore, day);
            if (date) await enrol(journey, c.customerId, `birthday:${date}`);
          }
        break;
      case 'date_attribute_anniversary':
        for (const c of await store.dateAttributeValues(tenantId, trigger.attributeId))
          for (const day of input.days) {
            const date = anniversaryTriggerDay(c.date, trigger.daysBefore, day);
            if (date) await enrol(journey, c.customerId, `anniversary:${trigger.attributeId}:${date}`);
          }
        break;
      case 'due_by_cycle': {
        histories ??= historiesByCustomer(await store.visitHistories(tenantId, input.timeZone));
        const shop = shopVisitIntervals([...histories.values()]);
        for (const [customerId, visits] of histories) {
          const last = visits.at(-1)!;
          const shopMean = shopMeanIntervalForServices(shop, last.serviceKeys);
          if (shopMean === null) continue;
          const intervalDays = expectedVisitInterval({
            customerIntervalsDays: visitIntervalsDays(visits.map((v) => v.date)),
            shopMeanIntervalDays: shopMean,
          });
          for (const day of input.days) {
            const due = checkDue({
              lastVisitDate: last.date,
              intervalDays,
              daysAfterDue: trigger.daysAfterDue,
              today: day,
            });
            if (due) await enrol(journey, customerId, `due:${last.date}`);
          }
        }
        break;
      }
      case 'p_alive_below':
        for (const s of await store.pAliveScores(tenantId))
          if (checkPAliveCrossed(s.previous, s.pAlive, trigger.threshold))
            await enrol(journey, s.customerId, `p_alive:${s.runId}`);
        break;
      case 'entered_segment': {
        const today = input.days.at(-1)!;
        const previous = await store.segmentSnapshot(tenantId, journey.id);
        const members: string[] = [];
        const pages = segmentMemberIdPages(
          { repos: input.data.forTenant(tenantId), now, timeZone: input.timeZone },
          trigger.segmentId,
          1000,
        );
        for await (const ids of pages) members.push(...ids);
        // The first scan after switching on only takes the snapshot: everyone already in did not "enter".
        if (journey.segmentSnapshotOn !== null)
          for (const id of members) if (!previous.has(id)) await enrol(journey, id, `segment:${today}`);
        await store.replaceSegmentSnapshot(tenantId, journey.id, members, today);
        break;
      }
      default:
        break;
    }
  }
  return enrolled;
}
