import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildMeasurementReport, type ArmTotals } from '@kayoi/core';

const arm = (customers: number, converted: number, visits: number, spendEach: number): ArmTotals => ({
  customers,
  converted,
  visits,
  revenue: converted * spendEach,
  revenueSquares: converted * spendEach * spendEach,
});
const none: ArmTotals = { customers: 0, converted: 0, visits: 0, revenue: 0, revenueSquares: 0 };

describe('buildMeasurementReport: a hand-computed example', () => {
  // 1,000 treated, 150 came back (15 %); 100 held out, 10 came back (10 %); each who came spent ¥8,000.
  const report = buildMeasurementReport({
    campaignId: 'c',
    outcome: { kind: 'visit', days: 30 },
    startedAt: new Date('2026-10-01T00:00:00Z'),
    now: new Date('2026-11-15T00:00:00Z'),
    arms: { a: arm(1000, 150, 180, 8000), b: none, holdout: arm(100, 10, 11, 8000) },
    hasVariantB: false,
  });

  it('gives the uplift with Newcombe’s interval, computed by hand from the Wilson intervals', () => {
    // Wilson (z = 1.959964): 150/1000 → [0.12931, 0.17454]; 10/100 → [0.05523, 0.17437].
    // Newcombe: 0.05 − √((0.15−0.12931)² + (0.17437−0.10)²) = −0.02722; 0.05 + √((0.17454−0.15)² + (0.10−0.05523)²) = 0.10055.
    assert.ok(Math.abs(report.uplift!.estimate - 0.05) < 1e-12);
    assert.ok(Math.abs(report.uplift!.lower - -0.027217049) < 1e-6, String(report.uplift!.lower));
    assert.ok(Math.abs(report.uplift!.upper - 0.100549066) < 1e-6, String(report.uplift!.upper));
    assert.equal(report.significant, false, 'the interval includes 0: no claim of an effect');
  });

  it('counts incremental visits and yen against what the holdout did', () => {
    // 180 visits against 11/100 × 1,000 = 110 expected without the message.
    assert.equal(report.incrementalVisits, 70);
    // ¥1,200 a treated customer against ¥800: ¥400 × 1,000.
    assert.equal(report.incrementalRevenue, 400_000);
    assert.ok(Math.abs(report.revenueUpliftPerCustomer!.estimate - 400) < 1e-9);
    const r = report.revenueUpliftPerCustomer!;
    assert.ok(Math.abs(r.upper - 400 - (400 - r.lower)) < 1e-6, 'Welch interval is symmetric');
    assert.equal(report.treated.rate, 0.15);
    assert.equal(report.holdout.rate, 0.1);
    assert.equal(report.windowEndsAt, '2026-10-31T00:00:00.000Z');
    assert.equal(report.complete, true);
  });

  it('calls a clear uplift significant, and an A/B test has a winner only when its interval excludes 0', () => {
    const clear = buildMeasurementReport({
      campaignId: 'c',
      outcome: { kind: 'visit', days: 30 },
      startedAt: new Date('2026-10-01T00:00:00Z'),
      now: new Date('2026-10-10T00:00:00Z'),
      arms: { a: arm(2000, 300, 300, 0), b: arm(2000, 200, 200, 0), holdout: arm(1000, 100, 100, 0) },
      hasVariantB: true,
    });
    assert.equal(clear.complete, false, 'the window is still open');
    assert.equal(clear.treated.customers, 4000);
    assert.equal(clear.significant, true);
    assert.equal(clear.abTest!.winner, 'A');
    const tie = buildMeasurementReport({
      campaignId: 'c',
      outcome: { kind: 'visit', days: 30 },
      startedAt: new Date('2026-10-01T00:00:00Z'),
      now: new Date('2026-11-10T00:00:00Z'),
      arms: { a: arm(200, 30, 30, 0), b: arm(200, 28, 28, 0), holdout: arm(50, 5, 5, 0) },
      hasVariantB: true,
    });
    assert.equal(tie.abTest!.winner, 'no_winner');
  });

  it('says why when there is nothing to compare', () => {
    const empty = buildMeasurementReport({
      campaignId: 'c',
      outcome: { kind: 'visit', days: 30 },
      startedAt: null,
      now: new Date(),
      arms: { a: none, b: none, holdout: none },
      hasVariantB: false,
    });
    assert.equal(empty.uplift, null);
    assert.equal(empty.notEnoughData, 'empty_group');
    assert.equal(empty.windowEndsAt, null);
    assert.equal(empty.significant, false);
  });
});
