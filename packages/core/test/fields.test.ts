import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AttributeDefinition } from '@kayoi/contracts';
import { foldHeader, planColumns } from '../src/imports/fields.js';

const hairType: AttributeDefinition = {
  id: '0192f0c1-0000-7000-8000-000000000001',
  key: 'hair_type',
  label: '髪質',
  type: 'single_choice',
  options: [{ value: 'fine', label: '細い' }],
  position: 0,
  archived: false,
  createdAt: '2024-01-01T00:00:00.000Z',
};

function columns(kind: 'customers' | 'visits', headers: string[], mapping?: Record<string, string>) {
  const { plan, problems } = planColumns(kind, headers, mapping, [hairType]);
  return { fields: plan.fields, columns: plan.columns, problems };
}

describe('foldHeader', () => {
  it('ignores width, case, spaces, brackets and punctuation', () => {
    for (const h of ['氏名（カナ）', '氏名(カナ)', '氏名 カナ', '氏名　カナ', '氏名カナ', '【氏名・カナ】', '氏名ｶﾅ']) {
      assert.equal(foldHeader(h), '氏名カナ', h);
    }
    assert.equal(foldHeader('E-Mail'), 'email');
    assert.equal(foldHeader('Phone_Number'), 'phonenumber');
  });
});

describe('planColumns for customers', () => {
  it('recognises the Japanese headers of POS and booking exports', () => {
    const headers = [
      '顧客番号',
      '氏名',
      'フリガナ',
      '電話番号',
      'メールアドレス',
      '生年月日',
      '性別',
      '郵便番号',
      '住所',
      '来店経路',
      '初回来店日',
      '備考',
      'メール配信',
      'LINE配信',
    ];
    const { fields, problems } = columns('customers', headers);
    assert.deepEqual(problems, []);
    assert.deepEqual(fields, [
      'externalId',
      'fullName',
      'fullNameKana',
      'phone',
      'email',
      'birthday',
      'gender',
      'postalCode',
      'address',
      'channel',
      'acquiredOn',
      'notes',
      'consent:email',
      'consent:line',
    ]);
  });

  it('recognises English headers in any case', () => {
    const headers = ['Customer ID', 'Family Name', 'First Name', 'Phone Number', 'E-Mail', 'Date of Birth', 'ZIP'];
    assert.deepEqual(columns('customers', headers).fields, [
      'externalId',
      'familyName',
      'givenName',
      'phone',
      'email',
      'birthday',
      'postalCode',
    ]);
  });

  it('treats bracket and width variants as one header', () => {
    for (const h of ['氏名（カナ）', '氏名(ｶﾅ)', '氏名 カナ', 'ﾌﾘｶﾞﾅ', 'ふりがな']) {
      assert.deepEqual(columns('customers', [h]).fields, ['fullNameKana'], h);
    }
    assert.deepEqual(columns('customers', ['ＴＥＬ', '〒']).fields, ['phone', 'postalCode']);
  });

  it('uses a custom attribute label or key as a header', () => {
    assert.deepEqual(columns('customers', ['髪質']).fields, ['attr:hair_type']);
    assert.deepEqual(columns('customers', ['hair_type']).fields, ['attr:hair_type']);
    const archived = planColumns('customers', ['髪質'], undefined, [{ ...hairType, archived: true }]);
    assert.deepEqual(archived.plan.fields, [null]);
  });

  it('ignores unknown headers and reports them as unmapped', () => {
    const { fields, columns: report, problems } = columns('customers', ['氏名', '謎の列']);
    assert.deepEqual(fields, ['fullName', null]);
    assert.deepEqual(report, { 氏名: 'fullName', 謎の列: null });
    assert.deepEqual(problems, []);
  });

  it('lets an explicit mapping win, including "ignore"', () => {
    const { fields, problems } = columns('customers', ['会員No', 'お名前', '備考', 'メモ', '髪'], {
      会員No: 'externalId',
      メモ: 'ignore',
      '髪 ': 'attr:hair_type',
    });
    assert.deepEqual(problems, []);
    assert.deepEqual(fields, ['externalId', 'fullName', 'notes', null, 'attr:hair_type']);
  });

  it('ignoring a recognised column is how two candidates for one field are resolved', () => {
    const { fields, problems } = columns('customers', ['電話番号', '携帯'], { 電話番号: 'ignore' });
    assert.deepEqual(problems, []);
    assert.deepEqual(fields, [null, 'phone']);
  });

  it('reports a mapping to an unknown field', () => {
    const { fields, problems } = columns('customers', ['a', 'b'], { a: 'shoeSize', b: 'fullName' });
    assert.deepEqual(fields, [null, 'fullName']);
    assert.equal(problems.length, 1);
    assert.equal(problems[0]?.column, 'a');
    assert.match(JSON.stringify(problems[0]), /shoeSize/);
    const attr = columns('customers', ['x'], { x: 'attr:nope' });
    assert.equal(attr.problems.length, 1);
    assert.match(JSON.stringify(attr.problems[0]), /attr:nope/);
  });

  it('reports two columns that give one field, naming the second', () => {
    const { fields, problems } = columns('customers', ['電話番号', 'TEL']);
    assert.deepEqual(fields, ['phone', null]);
    assert.equal(problems.length, 1);
    assert.equal(problems[0]?.column, 'TEL');
    assert.match(JSON.stringify(problems[0]), /電話番号/);
    const viaMapping = columns('customers', ['会員No', '顧客番号'], { 会員No: 'externalId' });
    assert.equal(viaMapping.problems.length, 1);
    assert.equal(viaMapping.problems[0]?.column, '顧客番号');
  });
});

describe('planColumns for visits', () => {
  it('recognises the headers of a sales export', () => {
    const headers = [
      '伝票番号',
      '顧客番号',
      '来店日',
      '来店時間',
      '店舗',
      '担当',
      'メニュー',
      '区分',
      '数量',
      '単価',
      '割引',
      '金額',
      '支払方法',
      '備考',
    ];
    const { fields, problems } = columns('visits', headers);
    assert.deepEqual(problems, []);
    assert.deepEqual(fields, [
      'visitExternalId',
      'customerExternalId',
      'visitDate',
      'visitTime',
      'store',
      'staff',
      'itemName',
      'itemKind',
      'quantity',
      'unitPrice',
      'discount',
      'amount',
      'paymentMethod',
      'note',
    ]);
  });

  it('has no custom attributes and no customer-only fields', () => {
    assert.deepEqual(columns('visits', ['髪質', '氏名']).fields, [null, null]);
    const { problems } = columns('visits', ['x'], { x: 'fullName' });
    assert.equal(problems.length, 1);
  });
});
