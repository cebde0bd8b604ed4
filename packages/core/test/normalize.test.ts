import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  customerSearchText,
  foldWidth,
  hiraganaToKatakana,
  katakanaToHiragana,
  normalizeEmail,
  normalizeKana,
  normalizeName,
  normalizePhone,
  normalizePostalCode,
  searchKey,
  splitFullName,
} from '../src/customers/normalize.js';

describe('kana', () => {
  it('folds half-width katakana and keeps voiced marks on one character', () => {
    assert.equal(foldWidth('ﾀﾅｶ'), 'タナカ');
    assert.equal(normalizeKana('ﾔﾏﾀﾞ ﾊﾅｺ'), 'ヤマダ ハナコ');
    assert.equal(normalizeKana('ﾊﾟｰﾏ'), 'パーマ');
  });

  it('stores hiragana readings as katakana', () => {
    assert.equal(normalizeKana('やまだ'), 'ヤマダ');
    assert.equal(normalizeKana('ゔぁいおりん'), 'ヴァイオリン');
    assert.equal(hiraganaToKatakana('たなか'), 'タナカ');
    assert.equal(katakanaToHiragana('タナカ'), 'たなか');
  });

  it('collapses spaces, including the ideographic space, and trims', () => {
    assert.equal(normalizeKana('  やまだ\u3000\u3000はなこ '), 'ヤマダ ハナコ');
  });

  it('gives null for nothing', () => {
    assert.equal(normalizeKana(null), null);
    assert.equal(normalizeKana(undefined), null);
    assert.equal(normalizeKana(' \u3000 '), null);
  });

  it('leaves kanji and the long-vowel mark alone', () => {
    assert.equal(normalizeKana('コーヒー'), 'コーヒー');
    assert.equal(hiraganaToKatakana('山田'), '山田');
  });
});

describe('names', () => {
  it('folds full-width ASCII, collapses spaces and keeps variant kanji', () => {
    assert.equal(normalizeName('  山田\u3000 太郎 '), '山田 太郎');
    assert.equal(normalizeName('ＡＢＣ'), 'ABC');
    assert.equal(normalizeName('髙橋'), '髙橋');
    assert.equal(normalizeName(''), null);
    assert.equal(normalizeName(null), null);
  });

  it('splits a full name at a half-width or ideographic space', () => {
    assert.deepEqual(splitFullName('山田 花子'), { family: '山田', given: '花子' });
    assert.deepEqual(splitFullName('山田\u3000花子'), { family: '山田', given: '花子' });
    assert.deepEqual(splitFullName(' 山田\u3000 花子 '), { family: '山田', given: '花子' });
  });

  it('keeps a name without a space whole in the family name', () => {
    assert.deepEqual(splitFullName('山田花子'), { family: '山田花子', given: null });
    assert.deepEqual(splitFullName(''), { family: null, given: null });
    assert.deepEqual(splitFullName(null), { family: null, given: null });
  });

  it('puts everything after the first space in the given name', () => {
    assert.deepEqual(splitFullName('Mary Jane Smith'), { family: 'Mary', given: 'Jane Smith' });
  });
});

describe('phone numbers', () => {
  const cases: [string, string | null][] = [
    ['090-1234-5678', '09012345678'],
    ['+81 90-1234-5678', '09012345678'],
    ['+81 (90) 1234 5678', '09012345678'],
    ['81 90 1234 5678', '09012345678'],
    ['０９０（１２３４）５６７８', '09012345678'],
    ['０９０－１２３４－５６７８', '09012345678'],
    ['+81 3-1234-5678', '0312345678'],
    ['03-1234-5678', '0312345678'],
    ['---', null],
    ['', null],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => {
      assert.equal(normalizePhone(input), expected);
    });
  }

  it('gives null for null', () => {
    assert.equal(normalizePhone(null), null);
  });
});

describe('email and postal code', () => {
  it('lower-cases and folds emails', () => {
    assert.equal(normalizeEmail(' Hanako@Example.COM '), 'hanako@example.com');
    assert.equal(normalizeEmail('ｈａｎａｋｏ＠ｅｘａｍｐｌｅ．ｃｏｍ'), 'hanako@example.com');
    assert.equal(normalizeEmail('  '), null);
  });

  it('stores postal codes as NNN-NNNN', () => {
    assert.equal(normalizePostalCode('1500001'), '150-0001');
    assert.equal(normalizePostalCode('〒150-0001'), '150-0001');
    assert.equal(normalizePostalCode('１５０－０００１'), '150-0001');
    assert.equal(normalizePostalCode('150-001'), null);
    assert.equal(normalizePostalCode('150-00012'), null);
    assert.equal(normalizePostalCode(null), null);
  });
});

describe('search keys', () => {
  it('makes katakana, half-width kana and hiragana the same key', () => {
    assert.equal(searchKey('ヤマダ'), 'やまだ');
    assert.equal(searchKey('ﾔﾏﾀﾞ'), 'やまだ');
    assert.equal(searchKey('やまだ'), 'やまだ');
  });

  it('drops spaces, hyphens and brackets and lower-cases', () => {
    assert.equal(searchKey('ヤマダ ハナコ'), 'やまだはなこ');
    assert.equal(searchKey('090-1234-5678'), '09012345678');
    assert.equal(searchKey('０９０－１２３４－５６７８'), '09012345678');
    assert.equal(searchKey('Hanako@Example.COM'), 'hanako@example.com');
    assert.equal(searchKey('（山田）'), '山田');
  });

  it('keeps the long-vowel mark', () => {
    assert.equal(searchKey('コーヒー'), 'こーひー');
  });

  it('builds one search text of names, kana, email, phone and external id', () => {
    const text = customerSearchText({
      familyName: '山田',
      givenName: '花子',
      familyNameKana: 'ヤマダ',
      givenNameKana: 'ハナコ',
      email: 'h@example.com',
      phone: '09012345678',
      externalId: 'C-001',
    });
    assert.equal(text, '山田花子 やまだはなこ h@example.com 09012345678 c001');
    for (const query of ['山田', 'はなこ', 'ﾊﾅｺ', 'ヤマダハナコ', '090-1234', 'H@EXAMPLE', 'c-001']) {
      assert.ok(text.includes(searchKey(query)), `${query} should be found`);
    }
  });

  it('leaves out what is missing', () => {
    const text = customerSearchText({
      familyName: null,
      givenName: null,
      familyNameKana: null,
      givenNameKana: null,
      email: null,
      phone: '09012345678',
      externalId: null,
    });
    assert.equal(text, '09012345678');
  });
});
