import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JourneyEnrollmentState } from '@kayoi/contracts';
import { advanceEnrollment, checkReentryAllowed, exitOnEvent, startEnrollment } from '@kayoi/core';
import { hairCareJourney, HAIR_TYPE } from './engineScenarios.js';
import { baseFacts } from './playJourneyScenario.js';

const TOKYO = 'Asia/Tokyo';
const t0 = new Date('2026-04-10T05:00:00Z');
const facts = { ...baseFacts, attributes: { [HAIR_TYPE]: 'damaged' } };
const run = (state: JourneyEnrollmentState, now: Date) =>
  advanceEnrollment({ definition: hairCareJourney, state, now, timeZone: TOKYO, facts });

describe('advanceEnrollment', () => {
  it('stops at a wait, does nothing before it ends, and keeps JSON-serialisable state', () => {
    const first = run(startEnrollment(hairCareJourney, t0), t0);
    assert.deepEqual(first.effects, []);
    assert.equal(first.state.wakeAt, '2026-04-11T05:00:00.000Z');
    assert.equal(JourneyEnrollmentState.safeParse(first.state).success, true);
    const stored = JSON.parse(JSON.stringify(first.state)) as JourneyEnrollmentState;
    assert.deepEqual(run(stored, new Date('2026-04-11T04:59:59Z')), { state: stored, effects: [] });
    const woken = run(stored, new Date('2026-04-11T05:00:00Z'));
    assert.deepEqual(woken.effects, [
      { type: 'send', stepId: 'damaged_care', templates: { line: 'tpl:damaged_care' } },
    ]);
    assert.deepEqual(woken.state.visitedStepIds, ['wait_1d', 'by_hair', 'damaged_care', 'wait_7d']);
  });

  it('counts a late wake-up from when it runs, so nothing bursts', () => {
    const waiting = run(startEnrollment(hairCareJourney, t0), t0).state;
    const late = run(waiting, new Date('2026-04-13T00:00:00Z'));
    assert.equal(late.state.wakeAt, '2026-04-20T00:00:00.000Z');
  });

  it('leaves ended enrollments alone and ends one whose step is not in the definition', () => {
    const ended = { ...startEnrollment(hairCareJourney, t0), status: 'completed' as const };
    assert.deepEqual(run(ended, t0).effects, []);
    const foreign = { ...startEnrollment(hairCareJourney, t0), stepId: 'from_another_version' };
    const result = run(foreign, t0);
    assert.deepEqual(result.effects, [{ type: 'exited', reason: 'step_missing' }]);
    assert.equal(result.state.endReason, 'step_missing');
  });

  it('stops after maxSteps and stays due', () => {
    const result = advanceEnrollment({
      definition: hairCareJourney,
      state: { ...startEnrollment(hairCareJourney, t0), stepId: 'by_hair' },
      now: t0,
      timeZone: TOKYO,
      facts,
      maxSteps: 1,
    });
    assert.deepEqual(result.effects, []);
    assert.deepEqual(
      { stepId: result.state.stepId, wakeAt: result.state.wakeAt },
      { stepId: 'damaged_care', wakeAt: null },
    );
  });
});

describe('exitOnEvent and re-entry', () => {
  const state = startEnrollment(hairCareJourney, t0);
  it('exits on a later visit, not on the visit that enrolled, and not on bookings here', () => {
    assert.equal(exitOnEvent(hairCareJourney, state, { type: 'visit', at: t0 }), null);
    assert.equal(exitOnEvent(hairCareJourney, state, { type: 'booking', at: new Date('2026-04-11T00:00:00Z') }), null);
    const exited = exitOnEvent(hairCareJourney, state, { type: 'visit', at: new Date('2026-04-11T00:00:00Z') });
    assert.deepEqual(
      exited && { status: exited.status, endReason: exited.endReason, endedAt: exited.endedAt, wakeAt: exited.wakeAt },
      { status: 'exited', endReason: 'visit', endedAt: '2026-04-11T00:00:00.000Z', wakeAt: null },
    );
    assert.equal(exitOnEvent(hairCareJourney, exited!, { type: 'visit', at: new Date('2026-04-12T00:00:00Z') }), null);
  });
  it('applies the re-entry policy', () => {
    const never = { ...hairCareJourney, reentry: { policy: 'never' as const } };
    const cooldown = { ...hairCareJourney, reentry: { policy: 'after_exit' as const, cooldownDays: 7 } };
    const ended = { status: 'exited' as const, endedAt: '2026-04-01T00:00:00.000Z' };
    assert.equal(checkReentryAllowed(never, null, t0), true);
    assert.equal(checkReentryAllowed(never, ended, t0), false);
    assert.equal(checkReentryAllowed(cooldown, { status: 'active', endedAt: null }, t0), false);
    assert.equal(checkReentryAllowed(cooldown, ended, new Date('2026-04-07T23:59:59Z')), false);
    assert.equal(checkReentryAllowed(cooldown, ended, new Date('2026-04-08T00:00:00Z')), true);
  });
});
