import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  SegmentRuleInput,
  segmentProblemCodes,
  segmentProblemMessages,
  segmentProblemsFromIssues,
  type AttributeDefinition,
  type AttributeType,
} from '@kayoi/contracts';
import { checkSegmentRule, type SegmentVocabulary } from '@kayoi/core';
import { nestedRule } from './segmentRules.js';

const id = (n: number) => `0192f0c1-7c1e-7b5a-9c2e-${String(n).padStart(12, '0')}`;
const ids = { store: id(1), staff: id(2), item: id(3), channel: id(4), unknown: id(99) };

function attribute(n: number, key: string, type: AttributeType, options: string[] = []): AttributeDefinition {
  return {
    id: id(100 + n),
    key,
    label: key,
    type,
    options: options.map((value) => ({ value, label: value })),
    position: n,
    archived: false,
    createdAt: '2026-01-01T00:00:00.000Z',
  };
}
const attributes = {
  text: attribute(1, 'memo', 'text'),
  number: attribute(2, 'goal', 'number'),
  date: attribute(3, 'next_date', 'date'),
  boolean: attribute(4, 'member', 'boolean'),
  single: attribute(5, 'hair', 'single_choice', ['fine', 'curly']),
  multi: attribute(6, 'concerns', 'multi_choice', ['dry', 'oily']),
};
const vocabulary: SegmentVocabulary = {
  attributes: new Map(Object.values(attributes).map((a) => [a.id, a])),
  storeIds: new Set([ids.store]),
  staffIds: new Set([ids.staff]),
  itemIds: new Set([ids.item]),
  channelIds: new Set([ids.channel]),
};

/** What the API reports for a raw rule: schema problems first, then the business's own checks. */
function problemsOf(raw: unknown): string[] {
  const parsed = SegmentRuleInput.safeParse(raw);
  if (!parsed.success)
    return segmentProblemsFromIssues(parsed.error.issues, ['rule']).map((p) => `${p.path} ${p.problem}`);
  const checked = checkSegmentRule(parsed.data, vocabulary);
  if (checked.ok) return [];
  assert.equal(checked.error.code, 'SEGMENT_RULE_INVALID');
  const { problems } = checked.error.details as { problems: { path: string; problem: string; message: string }[] };
  for (const p of problems) assert.ok(p.message.length > 5, p.path);
  return problems.map((p) => `${p.path} ${p.problem}`);
}

const attr = (a: AttributeDefinition, op: string, value: unknown) => ({
  type: 'attribute',
  attributeId: a.id,
  op,
  value,
});
const many = (n: number) => Array.from({ length: n }, () => ({ type: 'tag', op: 'has', value: 'x' }));

const cases: [string, unknown, string[]][] = [
  ['not an object', 'gender = female', ['rule invalid_value']],
  ['unknown field at the root', { type: 'favouriteColour', op: 'eq', value: 'red' }, ['rule.type unknown_type']],
  [
    'unknown field deep down',
    { type: 'and', rules: [{ type: 'not', rule: { type: 'or', rules: [{ type: 'shoeSize', op: 'eq', value: 1 }] } }] },
    ['rule.rules.0.rule.rules.0.type unknown_type'],
  ],
  ['group without a list', { type: 'and', rules: 'everyone' }, ['rule.rules invalid_value']],
  ['ordering a gender', { type: 'gender', op: 'gt', value: 'female' }, ['rule.op invalid_operator']],
  [
    'exists on a field that always has a value',
    { type: 'visitCount', op: 'exists', value: true },
    ['rule.op invalid_operator'],
  ],
  ['no operator', { type: 'gender', value: 'female' }, ['rule.op invalid_operator']],
  ['no value', { type: 'visitCount', op: 'gte' }, ['rule.value missing_property']],
  ['text for a number', { type: 'visitCount', op: 'gte', value: 'two' }, ['rule.value invalid_value']],
  ['a negative count', { type: 'visitCount', op: 'gte', value: -1 }, ['rule.value invalid_value']],
  ['a fractional count', { type: 'visitCount', op: 'gte', value: 1.5 }, ['rule.value invalid_value']],
  ['a gender that does not exist', { type: 'gender', op: 'eq', value: 'x' }, ['rule.value invalid_value']],
  ['between with one bound', { type: 'age', op: 'between', value: [30] }, ['rule.value invalid_value']],
  ['between the wrong way round', { type: 'age', op: 'between', value: [40, 30] }, ['rule.value range_reversed']],
  [
    'dates the wrong way round',
    { type: 'lastVisitDate', op: 'between', value: ['2026-02-01', '2026-01-01'] },
    ['rule.value range_reversed'],
  ],
  ['an empty list', { type: 'store', op: 'in', value: [] }, ['rule.value invalid_value']],
  ['a month that does not exist', { type: 'acquiredOn', op: 'eq', value: '2026-13-01' }, ['rule.value invalid_value']],
  [
    'a date in the wrong format',
    { type: 'lastVisitDate', op: 'gte', value: '2026/01/01' },
    ['rule.value invalid_value'],
  ],
  ['birthday month 13', { type: 'birthdayMonth', op: 'eq', value: 13 }, ['rule.value invalid_value']],
  ['an unknown relative month', { type: 'birthdayMonth', op: 'eq', value: 'lastMonth' }, ['rule.value invalid_value']],
  [
    'a consent channel that does not exist',
    { type: 'consent', channel: 'fax', op: 'eq', value: 'granted' },
    ['rule.channel invalid_value'],
  ],
  ['a probability above 1', { type: 'pAlive', op: 'gte', value: 1.5 }, ['rule.value invalid_value']],
  ['an RFM segment that does not exist', { type: 'rfmSegment', op: 'eq', value: 'vip' }, ['rule.value invalid_value']],
  [
    'a window on a field without one',
    { type: 'gender', op: 'eq', value: 'male', withinDays: 30 },
    ['rule.withinDays unknown_property'],
  ],
  ['a stray property', { type: 'tag', op: 'has', value: 'VIP', note: 'x' }, ['rule.note unknown_property']],
  [
    'an id that is not a UUID',
    { type: 'store', op: 'eq', value: '1; drop table stores' },
    ['rule.value invalid_value'],
  ],
  ['nine groups deep', nestedRule(9), ['rule.rules.0.rule.rules.0.rules.0.rule.rules.0.rules.0.rule too_deep']],
  ['201 conditions', { type: 'or', rules: many(201) }, ['rule too_many_conditions']],
  [
    '101 groups',
    { type: 'or', rules: Array.from({ length: 100 }, () => ({ type: 'and', rules: [] })) },
    ['rule too_many_conditions'],
  ],
  [
    'every problem at once, each at its path',
    {
      type: 'and',
      rules: [{ type: 'x' }, { type: 'area', op: 'lt', value: 'a' }, { type: 'spend', op: 'gte', value: 'lots' }],
    },
    ['rule.rules.0.type unknown_type', 'rule.rules.1.op invalid_operator', 'rule.rules.2.value invalid_value'],
  ],
  // The business's own data.
  [
    'an attribute that does not exist',
    { type: 'attribute', attributeId: ids.unknown, op: 'exists', value: true },
    ['rule.attributeId unknown_attribute'],
  ],
  ['ordering a yes/no attribute', attr(attributes.boolean, 'gt', 1), ['rule.op attribute_type_mismatch']],
  ['ordering a text attribute', attr(attributes.text, 'gt', 5), ['rule.op attribute_type_mismatch']],
  [
    'a date that is not a date, for an ordered attribute',
    attr(attributes.date, 'between', ['a', 'b']),
    ['rule.value.0 invalid_value', 'rule.value.1 invalid_value'],
  ],
  ['text for a number attribute', attr(attributes.number, 'eq', '3'), ['rule.value attribute_type_mismatch']],
  ['a number for a date attribute', attr(attributes.date, 'gte', 20260101), ['rule.value attribute_type_mismatch']],
  ['a number for a yes/no attribute', attr(attributes.boolean, 'eq', 1), ['rule.value attribute_type_mismatch']],
  ['a choice that is not an option', attr(attributes.single, 'eq', 'straight'), ['rule.value unknown_option']],
  ['one bad option in a list', attr(attributes.multi, 'in', ['dry', 'sticky']), ['rule.value.1 unknown_option']],
  [
    'attribute dates the wrong way round',
    attr(attributes.date, 'between', ['2026-02-01', '2026-01-01']),
    ['rule.value range_reversed'],
  ],
  [
    'ids that are not this business’s',
    {
      type: 'and',
      rules: [
        { type: 'store', op: 'in', value: [ids.store, ids.unknown] },
        { type: 'staff', op: 'neq', value: ids.unknown },
        { type: 'item', op: 'eq', value: ids.unknown, withinDays: 30 },
        { type: 'acquisitionChannel', op: 'eq', value: ids.unknown },
      ],
    },
    [
      'rule.rules.0.value.1 unknown_store',
      'rule.rules.1.value unknown_staff',
      'rule.rules.2.value unknown_item',
      'rule.rules.3.value unknown_channel',
    ],
  ],
];

describe('segment rule validation: a table of bad rules and the exact problems they give', () => {
  for (const [name, raw, expected] of cases) {
    it(name, () => assert.deepEqual(problemsOf(raw), expected));
  }

  it('accepts a rule using every field, and eight nested groups', () => {
    const rule = {
      type: 'and',
      rules: [
        nestedRule(7),
        { type: 'gender', op: 'in', value: ['female', 'other'] },
        { type: 'birthYear', op: 'exists', value: true },
        { type: 'age', op: 'between', value: [20, 39] },
        { type: 'area', op: 'neq', value: '渋谷区' },
        { type: 'acquisitionChannel', op: 'eq', value: ids.channel },
        { type: 'acquiredOn', op: 'gte', value: '2024-01-01' },
        { type: 'birthdayMonth', op: 'in', value: ['thisMonth', 'nextMonth', 1] },
        attr(attributes.text, 'in', ['a', 'b']),
        attr(attributes.number, 'between', [1, 2.5]),
        attr(attributes.date, 'lt', '2027-01-01'),
        attr(attributes.boolean, 'eq', true),
        attr(attributes.single, 'notIn', ['fine']),
        attr(attributes.multi, 'eq', 'dry'),
        { type: 'tag', op: 'hasNot', value: 'VIP' },
        { type: 'consent', channel: 'line', op: 'eq', value: 'granted' },
        { type: 'visitCount', op: 'gte', value: 2, withinDays: 365 },
        { type: 'lastVisitDate', op: 'exists', value: true },
        { type: 'daysSinceLastVisit', op: 'between', value: [60, 180] },
        { type: 'firstVisitDate', op: 'lt', value: '2025-01-01' },
        { type: 'daysSinceFirstVisit', op: 'gte', value: 365 },
        { type: 'spend', op: 'gte', value: 30000, withinDays: 180 },
        { type: 'item', op: 'in', value: [ids.item] },
        { type: 'category', op: 'notIn', value: ['カラー'] },
        { type: 'staff', op: 'eq', value: ids.staff },
        { type: 'store', op: 'neq', value: ids.store, withinDays: 0 },
        { type: 'pAlive', op: 'lt', value: 0.3 },
        { type: 'predictedClv1y', op: 'gte', value: 20000 },
        { type: 'rfmSegment', op: 'in', value: ['at_risk', 'cant_lose'] },
      ],
    };
    assert.deepEqual(problemsOf(rule), []);
    assert.deepEqual(problemsOf({ type: 'or', rules: many(200) }), []);
  });

  it('has a Japanese and an English message for every problem code', () => {
    for (const code of segmentProblemCodes) {
      const { ja, en }: { ja: string; en: string } = segmentProblemMessages[code];
      assert.ok(ja.length > 3 && en.length > 3 && ja !== en, code);
    }
  });

  it('stops a hostile nesting before parsing it', () => {
    let rule: unknown = { type: 'tag', op: 'has', value: 'x' };
    for (let i = 0; i < 100_000; i++) rule = { type: 'not', rule };
    const started = performance.now();
    assert.deepEqual(
      problemsOf(rule).map((p) => p.split(' ')[1]),
      ['too_deep'],
    );
    assert.ok(performance.now() - started < 1000);
  });
});
