import type { JourneyScenario } from './playJourneyScenario.js';

const TOKYO = 'Asia/Tokyo';

/** One or more scenarios per lifecycle preset, in Tokyo time. */
export const presetScenarios: JourneyScenario[] = [
  {
    name: 'thank-you: an hour after each visit, the same day',
    journey: { preset: 'thank_you' },
    timeZone: TOKYO,
    events: [
      { at: '2026-04-10T14:00:00+09:00', type: 'visit', categories: ['カット'] },
      { at: '2026-04-12T11:00:00+09:00', type: 'visit', categories: ['カット'] },
    ],
    until: '2026-05-01T00:00:00+09:00',
    expected: [
      { at: '2026-04-10T15:00:00+09:00', type: 'send', stepId: 'send', template: 'thank_you' },
      { at: '2026-04-10T15:00:00+09:00', type: 'completed', reason: 'end' },
      { at: '2026-04-12T12:00:00+09:00', type: 'send', stepId: 'send', template: 'thank_you' },
      { at: '2026-04-12T12:00:00+09:00', type: 'completed', reason: 'end' },
    ],
  },
  {
    name: 'day-2 aftercare: colour gets colour care at noon two days later',
    journey: { preset: 'aftercare_day2' },
    timeZone: TOKYO,
    events: [{ at: '2026-04-10T18:30:00+09:00', type: 'visit', categories: ['カラー', 'カット'] }],
    until: '2026-05-01T00:00:00+09:00',
    expected: [
      { at: '2026-04-12T12:00:00+09:00', type: 'send', stepId: 'send_colour', template: 'aftercare_colour' },
      { at: '2026-04-12T12:00:00+09:00', type: 'completed', reason: 'end' },
    ],
  },
  {
    name: 'day-2 aftercare: a visit in between ends the first and starts perm care for the second',
    journey: { preset: 'aftercare_day2' },
    timeZone: TOKYO,
    events: [
      { at: '2026-04-10T14:00:00+09:00', type: 'visit', categories: ['カット'] },
      { at: '2026-04-11T10:00:00+09:00', type: 'visit', categories: ['縮毛矯正'] },
    ],
    until: '2026-05-01T00:00:00+09:00',
    expected: [
      { at: '2026-04-11T10:00:00+09:00', type: 'exited', reason: 'visit' },
      { at: '2026-04-13T12:00:00+09:00', type: 'send', stepId: 'send_perm', template: 'aftercare_perm' },
      { at: '2026-04-13T12:00:00+09:00', type: 'completed', reason: 'end' },
    ],
  },
  {
    name: 'day-2 aftercare: other services get general care',
    journey: { preset: 'aftercare_day2' },
    timeZone: TOKYO,
    events: [{ at: '2026-04-10T09:00:00+09:00', type: 'visit', categories: ['ヘッドスパ'] }],
    until: '2026-05-01T00:00:00+09:00',
    expected: [
      { at: '2026-04-12T12:00:00+09:00', type: 'send', stepId: 'send_general', template: 'aftercare_general' },
      { at: '2026-04-12T12:00:00+09:00', type: 'completed', reason: 'end' },
    ],
  },
  {
    name: 'next-visit reminder: the daily scan enrols after midnight, the message goes at 10:00',
    journey: { preset: 'next_visit_reminder' },
    timeZone: TOKYO,
    events: [
      { at: '2026-05-01T00:10:00+09:00', type: 'enroll' },
      { at: '2026-05-03T15:00:00+09:00', type: 'booking' },
    ],
    until: '2026-06-01T00:00:00+09:00',
    expected: [
      { at: '2026-05-01T10:00:00+09:00', type: 'send', stepId: 'send', template: 'next_visit' },
      { at: '2026-05-01T10:00:00+09:00', type: 'completed', reason: 'end' },
    ],
  },
  {
    name: 'next-visit reminder: a booking before 10:00 means no reminder',
    journey: { preset: 'next_visit_reminder' },
    timeZone: TOKYO,
    events: [
      { at: '2026-05-01T00:10:00+09:00', type: 'enroll' },
      { at: '2026-05-01T08:00:00+09:00', type: 'booking' },
    ],
    until: '2026-06-01T00:00:00+09:00',
    expected: [{ at: '2026-05-01T08:00:00+09:00', type: 'exited', reason: 'booking' }],
  },
  {
    name: 'birthday: seven days before at 10:00, and not again within the cooldown',
    journey: { preset: 'birthday' },
    timeZone: TOKYO,
    events: [
      { at: '2026-06-03T00:05:00+09:00', type: 'enroll' },
      { at: '2026-06-20T00:05:00+09:00', type: 'enroll' },
    ],
    until: '2026-07-01T00:00:00+09:00',
    expected: [
      { at: '2026-06-03T10:00:00+09:00', type: 'send', stepId: 'send', template: 'birthday' },
      { at: '2026-06-03T10:00:00+09:00', type: 'completed', reason: 'end' },
      { at: '2026-06-20T00:05:00+09:00', type: 'enroll_refused' },
    ],
  },
  {
    name: 'win-back: a high-value customer gets a message, then staff are told 14 days later',
    journey: { preset: 'win_back' },
    timeZone: TOKYO,
    facts: { rfmSegment: 'cant_lose', pAlive: 0.42 },
    events: [{ at: '2026-07-01T03:00:00+09:00', type: 'enroll' }],
    until: '2026-08-01T00:00:00+09:00',
    expected: [
      { at: '2026-07-01T11:00:00+09:00', type: 'send', stepId: 'send', template: 'win_back' },
      { at: '2026-07-15T11:00:00+09:00', type: 'notify_staff', stepId: 'tell_staff' },
      { at: '2026-07-15T11:00:00+09:00', type: 'completed', reason: 'end' },
    ],
  },
  {
    name: 'win-back: a low-value customer leaves at once',
    journey: { preset: 'win_back' },
    timeZone: TOKYO,
    facts: { rfmSegment: 'hibernating', predictedClv: 5_000, pAlive: 0.3 },
    events: [{ at: '2026-07-01T03:00:00+09:00', type: 'enroll' }],
    until: '2026-08-01T00:00:00+09:00',
    expected: [{ at: '2026-07-01T03:00:00+09:00', type: 'exited', reason: 'exit_step' }],
  },
  {
    name: 'win-back: a visit during the 14-day wait ends it before staff are told',
    journey: { preset: 'win_back' },
    timeZone: TOKYO,
    facts: { rfmSegment: 'new', predictedClv: 48_000 },
    events: [
      { at: '2026-07-01T03:00:00+09:00', type: 'enroll' },
      { at: '2026-07-05T16:00:00+09:00', type: 'visit', categories: ['カット'] },
    ],
    until: '2026-08-01T00:00:00+09:00',
    expected: [
      { at: '2026-07-01T11:00:00+09:00', type: 'send', stepId: 'send', template: 'win_back' },
      { at: '2026-07-05T16:00:00+09:00', type: 'exited', reason: 'visit' },
    ],
  },
  {
    name: 'review request: 18:00 the next day, at most once in six months',
    journey: { preset: 'review_request' },
    timeZone: TOKYO,
    events: [
      { at: '2026-04-10T19:30:00+09:00', type: 'visit', categories: ['カット'] },
      { at: '2026-05-20T12:00:00+09:00', type: 'visit', categories: ['カット'] },
    ],
    until: '2026-06-01T00:00:00+09:00',
    expected: [
      { at: '2026-04-11T18:00:00+09:00', type: 'send', stepId: 'send', template: 'review_request' },
      { at: '2026-04-11T18:00:00+09:00', type: 'completed', reason: 'end' },
      { at: '2026-05-20T12:00:00+09:00', type: 'enroll_refused' },
    ],
  },
];
