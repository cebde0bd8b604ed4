import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SegmentRule } from '@kayoi/contracts';
import { planSegmentRule, type SegmentPlan } from '@kayoi/core';

const tokyo = (now: string, rule: SegmentRule, timeZone = 'Asia/Tokyo'): SegmentPlan =>
  planSegmentRule(rule, { now: new Date(now), timeZone, attributes: new Map() });

const iso = (d: Date | null) => d?.toISOString() ?? null;
function rangesOf(plan: SegmentPlan): [string | null, string | null][] {
  assert.equal(plan.kind, 'visitTime');
  if (plan.kind !== 'visitTime' || plan.test.op !== 'within') throw new Error('not a range test');
  return plan.test.ranges.map((r) => [iso(r.from), iso(r.to)]);
}

const NOON_22_NOV = '2026-11-22T03:00:00Z'; // 12:00 in Tokyo

describe('planning a rule in the business time zone', () => {
  it('turns a local day into the instants of that Tokyo day, so 23:30 JST belongs to it', () => {
    const plan = tokyo(NOON_22_NOV, { type: 'lastVisitDate', op: 'eq', value: '2026-09-23' });
    assert.deepEqual(rangesOf(plan), [['2026-09-22T15:00:00.000Z', '2026-09-23T15:00:00.000Z']]);
    const visitAt2330 = new Date('2026-09-23T14:30:00Z').getTime();
    assert.ok(visitAt2330 >= Date.parse('2026-09-22T15:00:00Z') && visitAt2330 < Date.parse('2026-09-23T15:00:00Z'));
  });

  it('counts "days since" in local days from today in Tokyo', () => {
    assert.deepEqual(rangesOf(tokyo(NOON_22_NOV, { type: 'daysSinceLastVisit', op: 'between', value: [60, 180] })), [
      ['2026-05-25T15:00:00.000Z', '2026-09-23T15:00:00.000Z'],
    ]);
    assert.deepEqual(rangesOf(tokyo(NOON_22_NOV, { type: 'daysSinceLastVisit', op: 'gte', value: 60 })), [
      [null, '2026-09-23T15:00:00.000Z'],
    ]);
    // Fewer than one day since: today, from midnight in Tokyo (15:00 UTC the day before).
    assert.deepEqual(rangesOf(tokyo(NOON_22_NOV, { type: 'daysSinceFirstVisit', op: 'lt', value: 1 })), [
      ['2026-11-21T15:00:00.000Z', null],
    ]);
    // At 00:30 on the 23rd in Tokyo it is still the 22nd in UTC, and already a day later here.
    assert.deepEqual(rangesOf(tokyo('2026-11-22T15:30:00Z', { type: 'daysSinceLastVisit', op: 'eq', value: 0 })), [
      ['2026-11-22T15:00:00.000Z', '2026-11-23T15:00:00.000Z'],
    ]);
  });

  it('resolves this month and next month in Tokyo, across a month and a year end', () => {
    const month = (now: string, value: 'thisMonth' | 'nextMonth') =>
      tokyo(now, { type: 'birthdayMonth', op: 'eq', value });
    const expect = (m: number): SegmentPlan => ({
      kind: 'profile',
      column: 'birthdayMonth',
      test: { op: 'eq', value: m },
    });
    assert.deepEqual(month('2026-11-30T14:30:00Z', 'thisMonth'), expect(11)); // 23:30 on 30 Nov
    assert.deepEqual(month('2026-11-30T15:30:00Z', 'thisMonth'), expect(12)); // 00:30 on 1 Dec
    assert.deepEqual(month('2026-12-31T15:00:00Z', 'thisMonth'), expect(1)); // midnight, 1 Jan
    assert.deepEqual(month('2026-12-15T03:00:00Z', 'nextMonth'), expect(1));
  });

  it('starts a window of N days at the local midnight N days ago (0 = today)', () => {
    const plan = tokyo(NOON_22_NOV, { type: 'visitCount', op: 'gte', value: 1, withinDays: 0 });
    assert.deepEqual(plan, {
      kind: 'visitTotal',
      measure: 'count',
      since: new Date('2026-11-21T15:00:00Z'),
      test: { op: 'gte', value: 1 },
    });
    const ny = planSegmentRule(
      { type: 'spend', op: 'gte', value: 100, withinDays: 30 },
      { now: new Date(NOON_22_NOV), timeZone: 'America/New_York', attributes: new Map() },
    );
    // 22:00 on the 21st in New York: the window starts at midnight on 22 October there (EDT).
    assert.deepEqual(ny.kind === 'visitTotal' && iso(ny.since), '2026-10-22T04:00:00.000Z');
  });

  it('makes "never" of visit-based fields the complement of "ever"', () => {
    const store = '0192f0c1-7c1e-7b5a-9c2e-000000000001';
    assert.deepEqual(tokyo(NOON_22_NOV, { type: 'store', op: 'neq', value: store }), {
      kind: 'not',
      rule: { kind: 'visited', since: null, match: { by: 'store', values: [store] } },
    });
    assert.deepEqual(tokyo(NOON_22_NOV, { type: 'tag', op: 'hasNot', value: 'VIP' }), {
      kind: 'not',
      rule: { kind: 'tag', tag: 'VIP' },
    });
    assert.deepEqual(tokyo(NOON_22_NOV, { type: 'consent', channel: 'line', op: 'neq', value: 'granted' }), {
      kind: 'not',
      rule: { kind: 'consent', channel: 'line', status: 'granted' },
    });
  });
});
