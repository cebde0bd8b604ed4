import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AttributeDefinition, AttributeOption, AttributeType } from '@kayoi/contracts';
import { checkAttributeValues, parseAttributeText } from '../src/attributes/attributeValues.js';

let seq = 0;
function def(key: string, type: AttributeType, options: AttributeOption[] = [], archived = false): AttributeDefinition {
  seq += 1;
  return {
    id: `0192f0c1-0000-7000-8000-${String(seq).padStart(12, '0')}`,
    key,
    label: key,
    type,
    options,
    position: seq,
    archived,
    createdAt: '2024-01-01T00:00:00.000Z',
  };
}

const memo = def('memo', 'text');
const visitsPerYear = def('visits_per_year', 'number');
const firstColour = def('first_colour', 'date');
const allergy = def('allergy', 'boolean');
const hairType = def('hair_type', 'single_choice', [
  { value: 'fine', label: '細い' },
  { value: 'curly', label: 'くせ毛' },
]);
const scalp = def('scalp', 'multi_choice', [
  { value: 'dry', label: '乾燥' },
  { value: 'oily', label: '脂性' },
  { value: 'sensitive', label: '敏感' },
]);
const retired = def('retired', 'text', [], true);
const definitions = [memo, visitsPerYear, firstColour, allergy, hairType, scalp, retired];

function problemFor(key: string, value: unknown): string | null {
  const result = checkAttributeValues(definitions, { [key]: value as never });
  if (result.ok) return null;
  assert.equal(result.error.code, 'ATTRIBUTE_VALUE_INVALID');
  const { problems } = result.error.details as { problems: { key: string; reason: string }[] };
  assert.equal(problems.length, 1);
  assert.equal(problems[0]?.key, key);
  return problems[0]?.reason ?? null;
}

describe('checkAttributeValues', () => {
  it('accepts a good value of every type and turns keys into attribute ids', () => {
    const result = checkAttributeValues(definitions, {
      memo: '前髪短め',
      visits_per_year: 8,
      first_colour: '2024-02-29',
      allergy: true,
      hair_type: 'curly',
      scalp: ['dry', 'sensitive'],
    });
    assert.ok(result.ok, JSON.stringify(result));
    assert.deepEqual(result.value, [
      { attributeId: memo.id, value: '前髪短め' },
      { attributeId: visitsPerYear.id, value: 8 },
      { attributeId: firstColour.id, value: '2024-02-29' },
      { attributeId: allergy.id, value: true },
      { attributeId: hairType.id, value: 'curly' },
      { attributeId: scalp.id, value: ['dry', 'sensitive'] },
    ]);
  });

  it('treats null as removing the value', () => {
    const result = checkAttributeValues(definitions, { hair_type: null });
    assert.deepEqual(result, { ok: true, value: [{ attributeId: hairType.id, value: null }] });
  });

  const bad: [string, unknown][] = [
    ['memo', 42],
    ['memo', 'x'.repeat(2001)],
    ['visits_per_year', '8'],
    ['visits_per_year', Number.NaN],
    ['visits_per_year', Number.POSITIVE_INFINITY],
    ['first_colour', '2024/03/05'],
    ['first_colour', '2024-3-5'],
    ['first_colour', '2024-02-30'],
    ['first_colour', '2023-02-29'],
    ['first_colour', '2024-13-01'],
    ['allergy', 'はい'],
    ['allergy', 1],
    ['hair_type', 'straight'],
    ['hair_type', '細い'],
    ['hair_type', ['fine']],
    ['scalp', 'dry'],
    ['scalp', ['dry', 'dry']],
    ['scalp', ['dry', 'wet']],
  ];
  for (const [key, value] of bad) {
    it(`refuses ${key} = ${JSON.stringify(value)}`, () => {
      assert.ok(problemFor(key, value), `${key} accepted ${JSON.stringify(value)}`);
    });
  }

  it('refuses unknown and archived attributes', () => {
    assert.equal(problemFor('nope', 'x'), 'no such attribute');
    assert.equal(problemFor('retired', 'x'), 'no such attribute');
    assert.equal(problemFor('retired', null), 'no such attribute');
  });

  it('reports every bad value at once and writes none', () => {
    const result = checkAttributeValues(definitions, { memo: 'ok', allergy: 'yes', hair_type: 'x' });
    assert.equal(result.ok, false);
    const { problems } = (!result.ok && result.error.details) as { problems: { key: string }[] };
    assert.deepEqual(
      problems.map((p) => p.key),
      ['allergy', 'hair_type'],
    );
  });
});

describe('parseAttributeText', () => {
  it('reads numbers with thousands separators and full-width digits', () => {
    assert.equal(parseAttributeText(visitsPerYear, '1,200'), 1200);
    assert.equal(parseAttributeText(visitsPerYear, '１，２００'), 1200);
    assert.equal(parseAttributeText(visitsPerYear, '1.5'), 1.5);
    assert.ok(Number.isNaN(parseAttributeText(visitsPerYear, 'abc')));
  });

  it('reads the yes/no spellings shops use', () => {
    for (const yes of ['true', '1', 'yes', 'Y', 'ＹＥＳ', 'はい', '有', 'あり', '○', '◯']) {
      assert.equal(parseAttributeText(allergy, yes), true, yes);
    }
    for (const no of ['false', '0', 'no', 'N', 'いいえ', '無', 'なし', '×']) {
      assert.equal(parseAttributeText(allergy, no), false, no);
    }
    assert.equal(parseAttributeText(allergy, 'たぶん'), 'たぶん');
  });

  it('pads dates written with slashes', () => {
    assert.equal(parseAttributeText(firstColour, '2024/3/5'), '2024-03-05');
    assert.equal(parseAttributeText(firstColour, '2024/12/5'), '2024-12-05');
    assert.equal(parseAttributeText(firstColour, '２０２４/０３/０５'), '2024-03-05');
  });

  it('reads choices by value or by label, several split by , 、 / or |', () => {
    assert.equal(parseAttributeText(hairType, 'くせ毛'), 'curly');
    assert.equal(parseAttributeText(hairType, 'fine'), 'fine');
    assert.deepEqual(parseAttributeText(scalp, '乾燥、脂性'), ['dry', 'oily']);
    assert.deepEqual(parseAttributeText(scalp, 'dry/敏感'), ['dry', 'sensitive']);
    assert.deepEqual(parseAttributeText(scalp, 'dry | oily , sensitive'), ['dry', 'oily', 'sensitive']);
  });

  it('gives null for an empty cell and keeps text as written', () => {
    assert.equal(parseAttributeText(memo, '  '), null);
    assert.equal(parseAttributeText(hairType, '\u3000'), null);
    assert.equal(parseAttributeText(memo, '  ｶﾗｰ明るめ  '), 'ｶﾗｰ明るめ');
  });

  it('feeds checkAttributeValues: a parsed cell either passes or names its attribute', () => {
    const good = checkAttributeValues(definitions, {
      allergy: parseAttributeText(allergy, '有'),
      scalp: parseAttributeText(scalp, '乾燥、敏感'),
      first_colour: parseAttributeText(firstColour, '2024/3/5'),
    });
    assert.ok(good.ok);
    const badDate = checkAttributeValues(definitions, { first_colour: parseAttributeText(firstColour, '2024/2/30') });
    assert.equal(badDate.ok, false);
  });
});
