import { createHash } from 'node:crypto';
import type { DeliveryChannel } from '@kayoi/contracts';
import { Temporal } from 'temporal-polyfill';

/** The idempotency key of a broadcast message: one per (campaign, customer), whatever happens. */
export function broadcastDeliveryKey(campaignId: string, customerId: string): string {
  return `broadcast:${campaignId}:${customerId}`;
}

/**
 * LINE wants a UUID in X-Line-Retry-Key. It is derived from the idempotency key (not random),
 * so a worker that resends after a crash sends the same key and LINE answers 409, not twice.
 */
export function lineRetryKeyOf(idempotencyKey: string): string {
  const hex = createHash('sha256').update(idempotencyKey).digest('hex');
  // Shaped as a version-4, variant-1 UUID so strict parsers accept it.
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export interface ChannelFacts {
  readonly consents: Readonly<Partial<Record<string, string>>>;
  readonly suppressed: readonly DeliveryChannel[];
  readonly email: string | null;
  readonly lineUserId: string | null;
}

/**
 * The first channel in the business's order that this customer has consented to, can be
 * reached on (an address, not suppressed) and has a template; null when there is none.
 */
export function chooseChannel(
  order: readonly DeliveryChannel[],
  customer: ChannelFacts,
  templates: Readonly<Partial<Record<DeliveryChannel, unknown>>>,
): DeliveryChannel | null {
  for (const channel of order) {
    if (templates[channel] === undefined) continue;
    if (customer.consents[channel] !== 'granted') continue;
    if (customer.suppressed.includes(channel)) continue;
    const address = channel === 'line' ? customer.lineUserId : customer.email;
    if (!address) continue;
    return channel;
  }
  return null;
}

export interface QuietHours {
  readonly start: string;
  readonly end: string;
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * When quiet hours (local wall-clock time, wrapping past midnight when end < start) cover
 * `now`, the instant they end; otherwise null. On a DST day the end is the wall-clock time
 * as the zone has it that day.
 */
export function quietHoursEnd(now: Date, quiet: QuietHours | null, timeZone: string): Date | null {
  if (!quiet) return null;
  const local = Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(timeZone);
  const minute = local.hour * 60 + local.minute;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  const inside = start < end ? minute >= start && minute < end : minute >= start || minute < end;
  if (!inside) return null;
  const endTime = Temporal.PlainTime.from(quiet.end);
  let endDay = local.toPlainDate();
  if (minute >= end) endDay = endDay.add({ days: 1 });
  const endAt = endDay.toZonedDateTime({ timeZone, plainTime: endTime });
  return new Date(endAt.epochMilliseconds);
}

/** Transient failures are retried this many times in all before the message is given up. */
export const MAX_DELIVERY_ATTEMPTS = 5;

/** The wait before attempt n+1 after n transient failures: 1, 4, 16, 64 minutes (capped at 6 h). */
export function retryDelayMs(failedAttempts: number): number {
  return Math.min(60_000 * 4 ** Math.max(0, failedAttempts - 1), 6 * 3_600_000);
}

/** At most `cap` messages in any 7 days: how many a customer may still get now. */
export function checkWithinWeeklyCap(sentInLastSevenDays: number, cap: number): boolean {
  return sentInLastSevenDays < cap;
}
