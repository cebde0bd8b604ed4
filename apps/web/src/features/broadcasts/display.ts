import type { Broadcast, BroadcastStatus, DeliveryStatus } from '@kayoi/contracts';
import { formatDateTime } from '../../lib/format';

export const broadcastStatusColor: Record<BroadcastStatus, string> = {
  draft: 'gray',
  scheduled: 'blue',
  preparing: 'cyan',
  sending: 'cyan',
  sent: 'teal',
  cancelled: 'dark',
};

export const deliveryStatusColor: Record<DeliveryStatus, string> = {
  queued: 'blue',
  sending: 'cyan',
  sent: 'teal',
  failed: 'red',
  skipped: 'yellow',
  held_out: 'grape',
  cancelled: 'dark',
};

/** A rate (0.123) as a percentage with one decimal: "12.3%". */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

/** An absolute difference of rates (0.042) in percentage points, signed: "+4.2". */
export function formatPoints(difference: number): string {
  const points = (difference * 100).toFixed(1);
  return difference > 0 ? `+${points}` : points;
}

/** A wall-clock time in `timeZone`: its parts, for the offset below. */
function partsIn(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(at));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
}

/**
 * "2026-12-01T10:00" read in the business's zone (not the browser's) as an instant. Twice,
 * because the offset at the guess may differ from the offset at the answer around a DST change.
 */
export function zonedLocalToIso(local: string, timeZone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  let at = wall - (partsIn(wall, timeZone) - wall);
  at = wall - (partsIn(at, timeZone) - at);
  return new Date(at).toISOString();
}

/** The current time in `timeZone` plus `hours`, as a datetime-local value. */
export function localInputValue(timeZone: string, hours: number): string {
  const wall = new Date(partsIn(Date.now() + hours * 3_600_000, timeZone));
  return wall.toISOString().slice(0, 16);
}

/** When it went, or will go: the words' key and the time in the business's zone. */
export function whenOf(b: Broadcast, timeZone: string): { key: string; date: string } {
  const [key, at] = b.finishedAt
    ? ['when.finished', b.finishedAt]
    : b.startedAt
      ? ['when.started', b.startedAt]
      : b.sendAt
        ? ['when.scheduled', b.sendAt]
        : ['when.draft', null];
  return { key, date: formatDateTime(at, timeZone) };
}
