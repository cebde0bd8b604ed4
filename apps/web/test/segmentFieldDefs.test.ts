import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { segmentFields } from '@kayoi/contracts';
import { attributeCondition, attributeDef, fieldDef, valueForOp } from '../src/features/segments/fields.js';

describe('segment builder fields', () => {
  it('offers every field the contract defines, so saved rules always load into boxes', () => {
    const missing = segmentFields.filter((field) => !fieldDef(field));
    assert.deepEqual(missing, []);
  });

  it('types a custom attribute by its type, as docs/user/segments.md lists', () => {
    const all = ['gte', 'lte', 'gt', 'lt', 'eq', 'neq', 'between', 'in', 'notIn', 'exists'];
    const choices = ['eq', 'neq', 'in', 'notIn', 'exists'];
    const table = [
      ['text', 'text', choices],
      ['number', 'number', all],
      ['date', 'date', all],
      ['boolean', 'boolean', ['eq', 'neq', 'exists']],
      ['single_choice', 'choice', choices],
      ['multi_choice', 'choice', choices],
    ] as const;
    for (const [type, valueKind, ops] of table) {
      const def = attributeDef(type);
      assert.equal(def.valueKind, valueKind, type);
      assert.deepEqual([...def.ops], ops, type);
      assert.ok(def.ops.includes(def.defaultOp), `${type} starts on an operator it allows`);
    }
  });

  it('starts a picked attribute on its first option, and an unknown one on "has a value"', () => {
    const hairType = {
      id: 'a1',
      key: 'hair_type',
      label: '髪質',
      type: 'single_choice' as const,
      options: [{ value: 'normal', label: '普通' }],
      position: 0,
      archived: false,
      createdAt: '2026-01-01T00:00:00.000Z',
    };
    assert.deepEqual(attributeCondition(hairType), {
      type: 'attribute',
      attributeId: 'a1',
      op: 'eq',
      value: 'normal',
    });
    assert.deepEqual(attributeCondition(undefined), { type: 'attribute', attributeId: '', op: 'exists', value: true });
  });

  it('reshapes the value when the operator changes', () => {
    const text = attributeDef('text');
    assert.deepEqual(valueForOp(text, 'in', 'くせ毛'), ['くせ毛']);
    assert.deepEqual(valueForOp(text, 'in', ''), []);
    assert.equal(valueForOp(text, 'eq', ['a', 'b']), 'a');
    // From "has a value" (true) back to a text comparison: not the flag, the type's own default.
    assert.equal(valueForOp(text, 'eq', true), '');
    assert.equal(valueForOp(attributeDef('boolean'), 'eq', true), true);
    assert.deepEqual(valueForOp(attributeDef('date'), 'between', '2025-01-01'), ['2025-01-01', '2025-01-01']);
    assert.deepEqual(valueForOp(text, 'notIn', true), []);
  });
});
