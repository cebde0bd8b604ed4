import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JourneyDefinition, journeyProblemCodes, journeyProblemMessages, type JourneyStep } from '@kayoi/contracts';
import { checkJourneyDefinition } from '@kayoi/core';

const send = (id: string, next: string | null): JourneyStep => ({
  id,
  type: 'send',
  templates: { line: '0192f0c1-7c1e-7b5a-9c2e-000000000001' },
  next,
});
const wait = (id: string, next: string | null): JourneyStep => ({
  id,
  type: 'wait',
  duration: { days: 1, hours: 0, minutes: 0 },
  next,
});
const definition = (steps: JourneyStep[], entryStepId = steps[0]!.id): JourneyDefinition => ({
  trigger: { type: 'any_visit' },
  steps,
  entryStepId,
  exitOn: { visit: true, booking: true },
  reentry: { policy: 'never' },
});

describe('checkJourneyDefinition', () => {
  it('accepts a straight line and a branch that joins again', () => {
    const joined = definition([
      { id: 'b', type: 'branch', branches: [{ when: { type: 'tag', tag: 'vip' }, next: 'x' }], otherwise: 'y' },
      send('x', 'z'),
      send('y', 'z'),
      wait('z', null),
    ]);
    assert.deepEqual(checkJourneyDefinition(definition([wait('a', 'b'), send('b', null)])), []);
    assert.deepEqual(checkJourneyDefinition(joined), []);
  });

  const cases: [string, JourneyDefinition, [string, string][]][] = [
    ['unknown next', definition([send('a', 'nope')]), [['steps.0.next', 'unknown_step']]],
    [
      'unknown entry',
      definition([send('a', null)], 'nope'),
      [
        ['entryStepId', 'unknown_step'],
        ['steps.0', 'unreachable_step'],
      ],
    ],
    ['duplicate ids', definition([send('a', null), send('a', null)]), [['steps.1.id', 'duplicate_step_id']]],
    ['a loop through a wait', definition([send('a', 'w'), wait('w', 'a')]), [['steps.1.next', 'cycle']]],
    ['a step pointing at itself', definition([send('a', 'a')]), [['steps.0.next', 'cycle']]],
    [
      'unreachable steps, each reported, and a loop among them',
      definition([send('a', null), send('b', 'c'), wait('c', 'b')]),
      [
        ['steps.1', 'unreachable_step'],
        ['steps.2', 'unreachable_step'],
        ['steps.2.next', 'cycle'],
      ],
    ],
    [
      'a branch without branches and an unknown otherwise',
      definition([{ id: 'b', type: 'branch', branches: [], otherwise: 'gone' }]),
      [
        ['steps.0.branches', 'branch_without_branches'],
        ['steps.0.otherwise', 'unknown_step'],
      ],
    ],
    [
      'a loop through a branch arm',
      definition([
        { id: 'b', type: 'branch', branches: [{ when: { type: 'tag', tag: 't' }, next: 'w' }], otherwise: null },
        wait('w', 'b'),
      ]),
      [['steps.1.next', 'cycle']],
    ],
  ];
  for (const [name, def, expected] of cases) {
    it(`reports ${name}`, () => {
      assert.deepEqual(
        checkJourneyDefinition(def).map((p) => [p.path, p.problem]),
        expected,
      );
    });
  }

  it('has a Japanese and an English message for every code', () => {
    for (const code of journeyProblemCodes) {
      assert.ok(journeyProblemMessages[code].ja.length > 0 && journeyProblemMessages[code].en.length > 0);
    }
  });
});

describe('JourneyDefinition contract', () => {
  const valid = definition([wait('a', 'b'), send('b', null)]);
  it('parses a valid definition', () => assert.equal(JourneyDefinition.safeParse(valid).success, true));

  const bad: [string, unknown, string][] = [
    [
      'a send without templates',
      { ...valid, steps: [{ id: 's', type: 'send', templates: {}, next: null }] },
      'steps.0.templates',
    ],
    ['a zero wait', { ...valid, steps: [{ id: 'w', type: 'wait', duration: {}, next: null }] }, 'steps.0.duration'],
    [
      'a time of day 24:00',
      { ...valid, steps: [{ id: 'w', type: 'wait_until', time: '24:00', dayOffset: 0, next: null }] },
      'steps.0.time',
    ],
    ['a threshold of 1', { ...valid, trigger: { type: 'p_alive_below', threshold: 1 } }, 'trigger.threshold'],
    ['birthday 61 days before', { ...valid, trigger: { type: 'birthday', daysBefore: 61 } }, 'trigger.daysBefore'],
    ['visit_with naming nothing', { ...valid, trigger: { type: 'visit_with' } }, 'trigger.itemIds'],
    [
      'a staff note over 500 characters',
      { ...valid, steps: [{ id: 'n', type: 'notify_staff', message: 'x'.repeat(501), next: null }] },
      'steps.0.message',
    ],
    ['a negative cooldown', { ...valid, reentry: { policy: 'after_exit', cooldownDays: -1 } }, 'reentry.cooldownDays'],
  ];
  for (const [name, input, path] of bad) {
    it(`refuses ${name} at ${path}`, () => {
      const result = JourneyDefinition.safeParse(input);
      assert.equal(result.success, false);
      assert.ok(
        result.error!.issues.some((i) => i.path.join('.') === path),
        JSON.stringify(result.error!.issues),
      );
    });
  }
});
