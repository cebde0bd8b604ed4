import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { JourneyTrigger } from '@kayoi/contracts';
import {
  anniversaryTriggerDay,
  birthdayTriggerDay,
  checkDue,
  checkPAliveCrossed,
  checkVisitTriggers,
  expectedVisitInterval,
  nextDueDate,
  shopMeanIntervalForServices,
  shopVisitIntervals,
  visitIntervalsDays,
} from '@kayoi/core';

const visit = {
  startedAt: new Date('2026-04-10T05:00:00Z'),
  isFirstVisit: false,
  itemIds: ['i1'],
  categories: ['カラー'],
};

describe('visit triggers', () => {
  const cases: [JourneyTrigger, typeof visit, boolean][] = [
    [{ type: 'any_visit' }, visit, true],
    [{ type: 'first_visit' }, visit, false],
    [{ type: 'first_visit' }, { ...visit, isFirstVisit: true }, true],
    [{ type: 'visit_with', itemIds: [], categories: ['カラー'] }, visit, true],
    [{ type: 'visit_with', itemIds: ['i2'], categories: ['パーマ'] }, visit, false],
    [{ type: 'visit_with', itemIds: ['i1'], categories: [] }, visit, true],
    [{ type: 'birthday', daysBefore: 0 }, visit, false],
  ];
  cases.forEach(([trigger, v, expected], i) =>
    it(`case ${i}: ${trigger.type} → ${expected}`, () => assert.equal(checkVisitTriggers(trigger, v), expected)),
  );
});

describe('birthday and anniversary days', () => {
  it('fires exactly daysBefore days ahead, across the new year', () => {
    assert.equal(birthdayTriggerDay('1990-06-10', 7, '2026-06-03'), '2026-06-10');
    assert.equal(birthdayTriggerDay('1990-06-10', 7, '2026-06-04'), null);
    assert.equal(birthdayTriggerDay({ month: 1, day: 3 }, 5, '2026-12-29'), '2027-01-03');
    assert.equal(birthdayTriggerDay('1990-06-10', 0, '2026-06-10'), '2026-06-10');
  });
  it('celebrates Feb 29 on Feb 28 in common years and on Feb 29 in leap years', () => {
    assert.equal(birthdayTriggerDay('2000-02-29', 0, '2027-02-28'), '2027-02-28');
    assert.equal(birthdayTriggerDay('2000-02-29', 0, '2027-03-01'), null);
    assert.equal(birthdayTriggerDay('2000-02-29', 0, '2028-02-28'), null);
    assert.equal(birthdayTriggerDay('2000-02-29', 3, '2028-02-26'), '2028-02-29');
  });
  it('does not treat a date as its own anniversary', () => {
    assert.equal(anniversaryTriggerDay('2026-04-10', 0, '2026-04-10'), null);
    assert.equal(anniversaryTriggerDay('2026-04-10', 2, '2027-04-08'), '2027-04-10');
    assert.equal(anniversaryTriggerDay('2024-02-29', 0, '2025-02-28'), '2025-02-28');
  });
});

describe('due and P(alive) triggers', () => {
  it('is due on exactly one day: last visit + rounded interval + daysAfterDue', () => {
    const base = { lastVisitDate: '2026-03-01', intervalDays: 41.6, daysAfterDue: 0 };
    assert.equal(nextDueDate('2026-03-01', 41.6), '2026-04-12');
    assert.equal(checkDue({ ...base, today: '2026-04-12' }), true);
    assert.equal(checkDue({ ...base, today: '2026-04-13' }), false);
    assert.equal(checkDue({ ...base, daysAfterDue: 3, today: '2026-04-15' }), true);
  });
  it('fires only when P(alive) crosses from at or above the threshold to below it', () => {
    assert.equal(checkPAliveCrossed(0.6, 0.4, 0.5), true);
    assert.equal(checkPAliveCrossed(0.5, 0.49, 0.5), true);
    assert.equal(checkPAliveCrossed(0.45, 0.4, 0.5), false);
    assert.equal(checkPAliveCrossed(0.6, 0.5, 0.5), false);
    assert.equal(checkPAliveCrossed(null, 0.1, 0.5), false);
    assert.equal(checkPAliveCrossed(0.6, null, 0.5), false);
  });
});

describe('visit-cycle estimator', () => {
  it('matches hand-computed shrinkage', () => {
    // (2·60 + 30) / (2 + 1) = 50: one quick return barely moves a 60-day shop cycle.
    assert.equal(expectedVisitInterval({ customerIntervalsDays: [30], shopMeanIntervalDays: 60, priorWeight: 2 }), 50);
    // (2·60 + 30 + 34 + 32 + 28) / 6 = 244 / 6
    const four = expectedVisitInterval({
      customerIntervalsDays: [30, 34, 32, 28],
      shopMeanIntervalDays: 60,
      priorWeight: 2,
    });
    assert.ok(Math.abs(four - 244 / 6) < 1e-12);
    assert.equal(expectedVisitInterval({ customerIntervalsDays: [40, 50], shopMeanIntervalDays: 60 }), 52.5);
  });
  it('gives the shop mean without history and the customer mean as history grows', () => {
    assert.equal(expectedVisitInterval({ customerIntervalsDays: [], shopMeanIntervalDays: 45, priorWeight: 3 }), 45);
    assert.equal(
      expectedVisitInterval({ customerIntervalsDays: [20, 40], shopMeanIntervalDays: 90, priorWeight: 0 }),
      30,
    );
    const long = Array.from({ length: 100_000 }, (_, i) => (i % 2 === 0 ? 20 : 40));
    assert.ok(
      Math.abs(expectedVisitInterval({ customerIntervalsDays: long, shopMeanIntervalDays: 90, priorWeight: 2 }) - 30) <
        0.01,
    );
  });
  it('moves monotonically toward the shop mean as the prior weight grows', () => {
    let previous = -Infinity;
    for (const k of [0, 0.5, 1, 2, 5, 10, 100]) {
      const value = expectedVisitInterval({
        customerIntervalsDays: [20, 25],
        shopMeanIntervalDays: 60,
        priorWeight: k,
      });
      assert.ok(value > previous && value >= 22.5 && value <= 60);
      previous = value;
    }
  });
  it('counts days between visit days, one trip per day', () => {
    assert.deepEqual(visitIntervalsDays(['2026-03-01', '2026-01-01', '2026-03-01', '2026-03-31']), [59, 30]);
    assert.deepEqual(visitIntervalsDays(['2026-03-01']), []);
  });
  it('averages the shop interval after each service, pooled for a visit with several', () => {
    const shop = shopVisitIntervals([
      [
        { date: '2026-01-01', serviceKeys: ['カラー'] },
        { date: '2026-01-01', serviceKeys: ['トリートメント'] },
        { date: '2026-02-20', serviceKeys: ['カット'] },
        { date: '2026-03-22', serviceKeys: ['カラー'] },
      ],
      [
        { date: '2026-01-10', serviceKeys: ['カラー'] },
        { date: '2026-02-09', serviceKeys: ['カット'] },
      ],
    ]);
    // Gaps: 50 (after カラー+トリートメント), 30 (after カット), 30 (after カラー).
    assert.deepEqual(shop.byService.get('カラー'), { meanDays: 40, count: 2 });
    assert.deepEqual(shop.byService.get('トリートメント'), { meanDays: 50, count: 1 });
    assert.deepEqual(shop.byService.get('カット'), { meanDays: 30, count: 1 });
    assert.deepEqual(shop.overall, { meanDays: 110 / 3, count: 3 });
    assert.equal(shopMeanIntervalForServices(shop, ['カラー', 'トリートメント']), 130 / 3);
    assert.equal(shopMeanIntervalForServices(shop, ['ヘッドスパ']), 110 / 3);
    assert.equal(shopMeanIntervalForServices(shopVisitIntervals([]), ['カラー']), null);
  });
});
