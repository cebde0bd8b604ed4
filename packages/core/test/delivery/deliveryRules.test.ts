import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  broadcastDeliveryKey,
  checkWithinWeeklyCap,
  chooseChannel,
  lineRetryKeyOf,
  quietHoursEnd,
  retryDelayMs,
} from '@kayoi/core';

describe('idempotency keys', () => {
  it('derives one LINE retry key (a UUID) per message, the same on every worker and every retry', () => {
    const key = broadcastDeliveryKey('01a2-campaign', '01a2-customer');
    assert.equal(key, 'broadcast:01a2-campaign:01a2-customer');
    const retryKey = lineRetryKeyOf(key);
    assert.match(retryKey, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(lineRetryKeyOf(key), retryKey);
    assert.notEqual(lineRetryKeyOf(broadcastDeliveryKey('01a2-campaign', 'other')), retryKey);
  });
});

describe('chooseChannel', () => {
  const templates = { line: 't1', email: 't2' };
  const base = { consents: {}, suppressed: [], email: 'a@example.com', lineUserId: 'U1' } as const;
  it('takes the first channel in the order that has consent, an address, no suppression and a template', () => {
    const both = { ...base, consents: { line: 'granted', email: 'granted' } };
    assert.equal(chooseChannel(['line', 'email'], both, templates), 'line');
    assert.equal(chooseChannel(['email', 'line'], both, templates), 'email');
    assert.equal(chooseChannel(['line', 'email'], { ...both, suppressed: ['line'] }, templates), 'email');
    assert.equal(chooseChannel(['line', 'email'], { ...both, lineUserId: null }, templates), 'email');
    assert.equal(chooseChannel(['line', 'email'], both, { email: 't2' }), 'email');
  });
  it('never picks a channel without consent: unknown and withdrawn are both no', () => {
    assert.equal(
      chooseChannel(['line', 'email'], { ...base, consents: { line: 'withdrawn', email: 'unknown' } }, templates),
      null,
    );
    assert.equal(chooseChannel(['line'], { ...base, consents: { email: 'granted' } }, templates), null);
  });
});

describe('quietHoursEnd', () => {
  const quiet = { start: '21:00', end: '09:00' };
  it('defers a message at 22:00 in Tokyo to 09:00 the next morning, Tokyo time', () => {
    assert.equal(
      quietHoursEnd(new Date('2026-11-20T13:00:00Z'), quiet, 'Asia/Tokyo')?.toISOString(),
      '2026-11-21T00:00:00.000Z',
    );
  });
  it('defers a message at 08:30 to 09:00 the same morning, and lets 12:00 through', () => {
    assert.equal(
      quietHoursEnd(new Date('2026-11-20T23:30:00Z'), quiet, 'Asia/Tokyo')?.toISOString(),
      '2026-11-21T00:00:00.000Z',
    );
    assert.equal(quietHoursEnd(new Date('2026-11-21T03:00:00Z'), quiet, 'Asia/Tokyo'), null);
    assert.equal(
      quietHoursEnd(new Date('2026-11-21T00:00:00Z'), quiet, 'Asia/Tokyo'),
      null,
      '09:00 is no longer quiet',
    );
    assert.equal(quietHoursEnd(new Date('2026-11-21T03:00:00Z'), null, 'Asia/Tokyo'), null);
  });
  it('handles a window within one day', () => {
    const lunch = { start: '12:00', end: '13:00' };
    assert.equal(
      quietHoursEnd(new Date('2026-11-21T03:30:00Z'), lunch, 'Asia/Tokyo')?.toISOString(),
      '2026-11-21T04:00:00.000Z',
    );
    assert.equal(quietHoursEnd(new Date('2026-11-21T02:59:00Z'), lunch, 'Asia/Tokyo'), null);
  });
  it('ends at the local 09:00 of a daylight-saving day (New York, 8 March 2026)', () => {
    // 22:00 EST on 7 March; clocks go forward at 02:00 on 8 March, so 09:00 is EDT (UTC−4).
    assert.equal(
      quietHoursEnd(new Date('2026-03-08T03:00:00Z'), quiet, 'America/New_York')?.toISOString(),
      '2026-03-08T13:00:00.000Z',
    );
  });
});

describe('retries and the weekly cap', () => {
  it('waits 1, 4, 16, 64 minutes between attempts, never more than 6 hours', () => {
    assert.deepEqual([1, 2, 3, 4].map(retryDelayMs), [60_000, 240_000, 960_000, 3_840_000]);
    assert.equal(retryDelayMs(20), 6 * 3_600_000);
  });
  it('allows a message while fewer than the cap went out in the last 7 days', () => {
    assert.equal(checkWithinWeeklyCap(1, 2), true);
    assert.equal(checkWithinWeeklyCap(2, 2), false);
  });
});
