import type { JourneyDefinition, JourneyStep } from '@kayoi/contracts';
import type { JourneyScenario } from './playJourneyScenario.js';

export const HAIR_TYPE = '0192f0c1-7c1e-7b5a-9c2e-000000000101';
export const SCALP = '0192f0c1-7c1e-7b5a-9c2e-000000000102';

/** Template "ids" spell their purpose; the scenario runner strips the prefix. */
const send = (id: string, next: string | null = null): JourneyStep => ({
  id,
  type: 'send',
  templates: { line: `tpl:${id}` },
  next,
});
const days = (d: number) => ({ days: d, hours: 0, minutes: 0 });
const hours = (h: number) => ({ days: 0, hours: h, minutes: 0 });

function journey(steps: JourneyStep[], extra: Partial<JourneyDefinition> = {}): JourneyDefinition {
  return {
    trigger: { type: 'entered_segment', segmentId: '0192f0c1-7c1e-7b5a-9c2e-000000000201' },
    steps,
    entryStepId: steps[0]!.id,
    exitOn: { visit: true, booking: false },
    reentry: { policy: 'after_exit', cooldownDays: 0 },
    ...extra,
  };
}

/** Hair care by karte: damaged hair gets a two-message sequence, oily scalp a tag and one message. */
export const hairCareJourney = journey(
  [
    { id: 'wait_1d', type: 'wait', duration: days(1), next: 'by_hair' },
    {
      id: 'by_hair',
      type: 'branch',
      branches: [
        { when: { type: 'attribute', attributeId: HAIR_TYPE, op: 'includes', value: 'damaged' }, next: 'damaged_care' },
        { when: { type: 'attribute', attributeId: SCALP, op: 'equals', value: 'oily' }, next: 'tag_oily' },
      ],
      otherwise: 'leave',
    },
    send('damaged_care', 'wait_7d'),
    { id: 'wait_7d', type: 'wait', duration: days(7), next: 'damaged_followup' },
    send('damaged_followup'),
    { id: 'tag_oily', type: 'add_tag', tag: 'oily_scalp', next: 'oily_scalp_care' },
    send('oily_scalp_care'),
    { id: 'leave', type: 'exit' },
  ],
  { trigger: { type: 'visit_with', itemIds: [], categories: ['カット', 'カラー'] } },
);

const oneMessage = (reentry: JourneyDefinition['reentry']) =>
  journey([{ id: 'wait_2h', type: 'wait', duration: hours(2), next: 'hello' }, send('hello')], { reentry });

const atNine = journey([
  { id: 'at_9', type: 'wait_until', time: '09:00', dayOffset: 0, next: 'morning' },
  send('morning'),
]);

export const versionOne = journey([
  { id: 'v1_wait', type: 'wait', duration: days(1), next: 'v1_send' },
  send('v1_send'),
]);
export const versionTwo = journey([
  { id: 'v2_wait', type: 'wait', duration: hours(2), next: 'v2_send' },
  send('v2_send'),
]);

const TOKYO = 'Asia/Tokyo';
const NEW_YORK = 'America/New_York';

export const engineScenarios: JourneyScenario[] = [
  {
    name: 'branch by hair type: damaged hair gets the two-step sequence',
    journey: { definition: hairCareJourney },
    timeZone: TOKYO,
    facts: { attributes: { [HAIR_TYPE]: 'damaged', [SCALP]: 'oily' } },
    events: [{ at: '2026-04-10T14:00:00+09:00', type: 'visit', categories: ['カラー'] }],
    until: '2026-05-01T00:00:00+09:00',
    expected: [
      { at: '2026-04-11T14:00:00+09:00', type: 'send', stepId: 'damaged_care', template: 'damaged_care' },
      { at: '2026-04-18T14:00:00+09:00', type: 'send', stepId: 'damaged_followup', template: 'damaged_followup' },
      { at: '2026-04-18T14:00:00+09:00', type: 'completed', reason: 'end' },
    ],
  },
  {
    name: 'branch by hair type: oily scalp (multi-choice hair, no damage) gets a tag and scalp care',
    journey: { definition: hairCareJourney },
    timeZone: TOKYO,
    facts: { attributes: { [HAIR_TYPE]: ['fine', 'curly'], [SCALP]: 'oily' } },
    events: [{ at: '2026-04-10T14:00:00+09:00', type: 'visit', categories: ['カット'] }],
    until: '2026-05-01T00:00:00+09:00',
    expected: [
      { at: '2026-04-11T14:00:00+09:00', type: 'add_tag', stepId: 'tag_oily' },
      { at: '2026-04-11T14:00:00+09:00', type: 'send', stepId: 'oily_scalp_care', template: 'oily_scalp_care' },
      { at: '2026-04-11T14:00:00+09:00', type: 'completed', reason: 'end' },
    ],
  },
  {
    name: 'branch by hair type: neither leaves; a visit without a listed category does not enrol',
    journey: { definition: hairCareJourney },
    timeZone: TOKYO,
    facts: { attributes: { [HAIR_TYPE]: 'normal' } },
    events: [
      { at: '2026-04-10T14:00:00+09:00', type: 'visit', categories: ['ヘッドスパ'] },
      { at: '2026-04-20T14:00:00+09:00', type: 'visit', categories: ['カット'] },
    ],
    until: '2026-05-01T00:00:00+09:00',
    expected: [{ at: '2026-04-21T14:00:00+09:00', type: 'exited', reason: 'exit_step' }],
  },
  {
    name: 'exit on visit mid-wait: the damaged-hair follow-up is never sent',
    journey: { definition: hairCareJourney },
    timeZone: TOKYO,
    facts: { attributes: { [HAIR_TYPE]: 'damaged' } },
    events: [
      { at: '2026-04-10T14:00:00+09:00', type: 'visit', categories: ['カラー'] },
      { at: '2026-04-15T11:00:00+09:00', type: 'visit', categories: ['ヘッドスパ'] },
    ],
    until: '2026-05-01T00:00:00+09:00',
    expected: [
      { at: '2026-04-11T14:00:00+09:00', type: 'send', stepId: 'damaged_care', template: 'damaged_care' },
      { at: '2026-04-15T11:00:00+09:00', type: 'exited', reason: 'visit' },
    ],
  },
  {
    name: 're-entry never: a finished customer is not enrolled again',
    journey: { definition: oneMessage({ policy: 'never' }) },
    timeZone: TOKYO,
    events: [
      { at: '2026-04-01T10:00:00+09:00', type: 'enroll' },
      { at: '2026-04-01T11:00:00+09:00', type: 'enroll' },
      { at: '2027-04-01T10:00:00+09:00', type: 'enroll' },
    ],
    until: '2027-05-01T00:00:00+09:00',
    expected: [
      { at: '2026-04-01T11:00:00+09:00', type: 'enroll_refused' },
      { at: '2026-04-01T12:00:00+09:00', type: 'send', stepId: 'hello', template: 'hello' },
      { at: '2026-04-01T12:00:00+09:00', type: 'completed', reason: 'end' },
      { at: '2027-04-01T10:00:00+09:00', type: 'enroll_refused' },
    ],
  },
  {
    name: 're-entry after a 30-day cooldown counted from the end',
    journey: { definition: oneMessage({ policy: 'after_exit', cooldownDays: 30 }) },
    timeZone: TOKYO,
    events: [
      { at: '2026-04-01T10:00:00+09:00', type: 'enroll' },
      { at: '2026-05-01T11:59:00+09:00', type: 'enroll' },
      { at: '2026-05-01T12:00:00+09:00', type: 'enroll' },
    ],
    until: '2026-06-01T00:00:00+09:00',
    expected: [
      { at: '2026-04-01T12:00:00+09:00', type: 'send', stepId: 'hello', template: 'hello' },
      { at: '2026-04-01T12:00:00+09:00', type: 'completed', reason: 'end' },
      { at: '2026-05-01T11:59:00+09:00', type: 'enroll_refused' },
      { at: '2026-05-01T14:00:00+09:00', type: 'send', stepId: 'hello', template: 'hello' },
      { at: '2026-05-01T14:00:00+09:00', type: 'completed', reason: 'end' },
    ],
  },
  {
    name: 'wait_until 09:00 in Tokyo: after 09:00 it crosses midnight, before it is the same day',
    journey: { definition: atNine },
    timeZone: TOKYO,
    events: [
      { at: '2026-04-01T23:30:00+09:00', type: 'enroll' },
      { at: '2026-04-01T08:00:00+09:00', type: 'enroll', customer: 'early' },
      { at: '2026-04-01T09:00:00+09:00', type: 'enroll', customer: 'on_the_dot' },
    ],
    until: '2026-05-01T00:00:00+09:00',
    expected: [
      { at: '2026-04-01T09:00:00+09:00', type: 'send', stepId: 'morning', template: 'morning', customer: 'early' },
      { at: '2026-04-01T09:00:00+09:00', type: 'completed', reason: 'end', customer: 'early' },
      { at: '2026-04-02T09:00:00+09:00', type: 'send', stepId: 'morning', template: 'morning', customer: 'on_the_dot' },
      { at: '2026-04-02T09:00:00+09:00', type: 'completed', reason: 'end', customer: 'on_the_dot' },
      { at: '2026-04-02T09:00:00+09:00', type: 'send', stepId: 'morning', template: 'morning' },
      { at: '2026-04-02T09:00:00+09:00', type: 'completed', reason: 'end' },
    ],
  },
  {
    name: 'New York spring forward: 02:30 does not exist and becomes 03:30; a day keeps the wall time',
    journey: {
      definition: journey([
        { id: 'at_0230', type: 'wait_until', time: '02:30', dayOffset: 0, next: 'night' },
        send('night', 'wait_1d'),
        { id: 'wait_1d', type: 'wait', duration: days(1), next: 'next_night' },
        send('next_night'),
      ]),
    },
    timeZone: NEW_YORK,
    events: [{ at: '2026-03-07T22:00:00-05:00', type: 'enroll' }],
    until: '2026-04-01T00:00:00-04:00',
    expected: [
      { at: '2026-03-08T03:30:00-04:00', type: 'send', stepId: 'night', template: 'night' },
      { at: '2026-03-09T03:30:00-04:00', type: 'send', stepId: 'next_night', template: 'next_night' },
      { at: '2026-03-09T03:30:00-04:00', type: 'completed', reason: 'end' },
    ],
  },
  {
    name: 'New York fall back: a repeated 01:30 is the first one; 24 hours are elapsed time',
    journey: {
      definition: journey([
        { id: 'at_0130', type: 'wait_until', time: '01:30', dayOffset: 0, next: 'first' },
        send('first', 'wait_24h'),
        { id: 'wait_24h', type: 'wait', duration: hours(24), next: 'second' },
        send('second'),
      ]),
    },
    timeZone: NEW_YORK,
    events: [{ at: '2026-11-01T00:30:00-04:00', type: 'enroll' }],
    until: '2026-12-01T00:00:00-05:00',
    expected: [
      { at: '2026-11-01T01:30:00-04:00', type: 'send', stepId: 'first', template: 'first' },
      { at: '2026-11-02T00:30:00-05:00', type: 'send', stepId: 'second', template: 'second' },
      { at: '2026-11-02T00:30:00-05:00', type: 'completed', reason: 'end' },
    ],
  },
  {
    name: 'version pinning: an enrollment from v1 finishes v1 while a new one runs v2',
    journey: { definition: versionOne },
    nextVersion: versionTwo,
    timeZone: TOKYO,
    events: [
      { at: '2026-04-01T10:00:00+09:00', type: 'enroll' },
      { at: '2026-04-01T11:00:00+09:00', type: 'publish' },
      { at: '2026-04-01T12:00:00+09:00', type: 'enroll', customer: 'c2' },
    ],
    until: '2026-05-01T00:00:00+09:00',
    expected: [
      { at: '2026-04-01T14:00:00+09:00', type: 'send', stepId: 'v2_send', template: 'v2_send', customer: 'c2' },
      { at: '2026-04-01T14:00:00+09:00', type: 'completed', reason: 'end', customer: 'c2' },
      { at: '2026-04-02T10:00:00+09:00', type: 'send', stepId: 'v1_send', template: 'v1_send' },
      { at: '2026-04-02T10:00:00+09:00', type: 'completed', reason: 'end' },
    ],
  },
];
