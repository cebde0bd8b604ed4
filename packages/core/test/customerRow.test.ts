import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AttributeDefinition } from '@kayoi/contracts';
import { checkCustomerRow, type CustomerRowContext } from '../src/imports/customerRow.js';
import type { RowErrorCode } from '../src/imports/rowErrors.js';

const hairType: AttributeDefinition = {
  id: '0192f0c1-0000-7000-8000-000000000001',
  key: 'hair_type',
  label: '髪質',
  type: 'single_choice',
  options: [
    { value: 'fine', label: '細い' },
    { value: 'curly', label: 'くせ毛' },
  ],
  position: 0,
  archived: false,
  createdAt: '2024-01-01T00:00:00.000Z',
};
const ctx: CustomerRowContext = { attributes: [hairType], today: '2025-06-01' };
const check = (cells: Record<string, string>) => checkCustomerRow(new Map(Object.entries(cells)), ctx);

describe('checkCustomerRow: a good row', () => {
  it('normalises every field of a typical salon export', () => {
    const result = check({
      externalId: 'C-001',
      fullName: '山田\u3000花子',
      fullNameKana: 'やまだ　はなこ',
      phone: '+81 90-1234-5678',
      email: ' Hanako@Example.com ',
      gender: '女性',
      birthday: '1990/4/1',
      postalCode: '〒150-0001',
      address: '東京都渋谷区神宮前1-2-3',
      channel: 'Instagram',
      acquiredOn: '2024年1月10日',
      notes: 'カラーは明るめ希望',
      tags: 'VIP、紹介',
      'consent:email': '可',
      'consent:line': '不可',
      'attr:hair_type': 'くせ毛',
    });
    assert.ok('row' in result, JSON.stringify(result));
    assert.deepEqual(result.row, {
      columns: {
        externalId: 'C-001',
        familyName: '山田',
        givenName: '花子',
        familyNameKana: 'ヤマダ',
        givenNameKana: 'ハナコ',
        email: 'hanako@example.com',
        phone: '09012345678',
        gender: 'female',
        birthday: '1990-04-01',
        birthYear: 1990,
        acquiredOn: '2024-01-10',
        postalCode: '150-0001',
        area: '渋谷区',
        notes: 'カラーは明るめ希望',
        tags: ['VIP', '紹介'],
      },
      channelName: 'Instagram',
      attributes: [{ attributeId: hairType.id, value: 'curly' }],
      consents: [
        { channel: 'email', status: 'granted' },
        { channel: 'line', status: 'withdrawn' },
      ],
      match: { externalId: 'C-001', phone: '09012345678', email: 'hanako@example.com' },
    });
  });

  it('gives only the columns the file filled: blank cells change nothing', () => {
    const result = check({ externalId: 'C-002', fullName: '', email: '  ', gender: '', 'attr:hair_type': '' });
    assert.ok('row' in result);
    assert.deepEqual(result.row.columns, { externalId: 'C-002' });
    assert.deepEqual(result.row.attributes, []);
  });

  it('prefers separate family/given columns to a split full name', () => {
    const result = check({ fullName: '山田 花子', familyName: '佐藤' });
    assert.ok('row' in result);
    assert.equal(result.row.columns.familyName, '佐藤');
    assert.equal(result.row.columns.givenName, '花子');
  });

  it('takes the area column over one derived from the address', () => {
    const result = check({ fullName: '山田', area: '港北', address: '神奈川県横浜市港北区日吉1-1' });
    assert.ok('row' in result);
    assert.equal(result.row.columns.area, '港北');
    const derived = check({ fullName: '山田', address: '神奈川県横浜市港北区日吉1-1' });
    assert.ok('row' in derived);
    assert.equal(derived.row.columns.area, '横浜市港北区');
  });

  it('is identifiable by a phone number alone', () => {
    const result = check({ phone: '０９０－１２３４－５６７８' });
    assert.ok('row' in result);
    assert.deepEqual(result.row.match, { externalId: null, phone: '09012345678', email: null });
  });
});

describe('checkCustomerRow: bad rows', () => {
  const cases: [string, Record<string, string>, string | null, RowErrorCode][] = [
    ['an email without a domain', { fullName: '山田', email: 'hanako@' }, 'email', 'INVALID_EMAIL'],
    ['an email without @', { fullName: '山田', email: 'not-an-email' }, 'email', 'INVALID_EMAIL'],
    ['a short phone number', { fullName: '山田', phone: '12345' }, 'phone', 'INVALID_PHONE'],
    ['a phone number with no digits', { fullName: '山田', phone: 'なし' }, 'phone', 'INVALID_PHONE'],
    ['an unknown gender', { fullName: '山田', gender: '？' }, 'gender', 'INVALID_GENDER'],
    ['an impossible birthday', { fullName: '山田', birthday: '1990/2/30' }, 'birthday', 'INVALID_DATE'],
    ['a birthday in the future', { fullName: '山田', birthday: '2030/1/1' }, 'birthday', 'FUTURE_DATE'],
    ['a first visit in the future', { fullName: '山田', acquiredOn: '2025/6/2' }, 'acquiredOn', 'FUTURE_DATE'],
    ['a six-digit postal code', { fullName: '山田', postalCode: '150-001' }, 'postalCode', 'INVALID_POSTAL_CODE'],
    ['an unreadable consent', { fullName: '山田', 'consent:line': 'たぶん' }, 'consent:line', 'INVALID_CONSENT'],
    ['an unknown choice', { fullName: '山田', 'attr:hair_type': 'ストレート' }, 'attr:hair_type', 'INVALID_ATTRIBUTE'],
    ['a name over 200 characters', { fullName: '山'.repeat(201) }, 'fullName', 'TOO_LONG'],
    ['an external id over 100 characters', { externalId: 'C'.repeat(101), fullName: '山田' }, 'externalId', 'TOO_LONG'],
    ['notes over 5000 characters', { fullName: '山田', notes: 'あ'.repeat(5001) }, 'notes', 'TOO_LONG'],
    ['nothing that identifies anyone', { gender: '女性', notes: 'メモだけ' }, null, 'NOT_IDENTIFIABLE'],
  ];
  for (const [name, cells, field, code] of cases) {
    it(`${name} → ${code}`, () => {
      const result = check(cells);
      assert.ok('problems' in result, `accepted: ${JSON.stringify(result)}`);
      assert.deepEqual(
        result.problems.map((p) => [p.field, p.code]),
        [[field, code]],
      );
    });
  }

  it('a birthday of today is fine', () => {
    assert.ok('row' in check({ fullName: '山田', birthday: '2025/6/1' }));
  });

  it('reports every problem of a row at once', () => {
    const result = check({ email: 'bad', phone: '1', gender: '?', birthday: '2024/13/1' });
    assert.ok('problems' in result);
    assert.deepEqual(
      result.problems.map((p) => p.code),
      ['INVALID_EMAIL', 'INVALID_PHONE', 'INVALID_GENDER', 'INVALID_DATE'],
    );
    assert.deepEqual(
      result.problems.map((p) => p.value),
      ['bad', '1', '?', '2024/13/1'],
    );
  });
});
