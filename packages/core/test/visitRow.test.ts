import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkVisitRow, UNNAMED_ITEM, type VisitRowContext } from '../src/imports/visitRow.js';
import type { RowErrorCode } from '../src/imports/rowErrors.js';
import { localToInstantConverter } from '../src/time/zonedTime.js';

const ctx: VisitRowContext = {
  toInstant: localToInstantConverter('Asia/Tokyo'),
  notAfter: new Date('2025-06-01T00:00:00Z'), // 09:00 on 1 June in Tokyo
};
const check = (cells: Record<string, string>) => checkVisitRow(new Map(Object.entries(cells)), ctx);
const base = { customerExternalId: 'C-001', visitDate: '2025/3/5' };

describe('checkVisitRow: good rows', () => {
  it('reads a full receipt line in the shop’s local time', () => {
    const result = check({
      visitExternalId: 'R-1',
      customerExternalId: 'C-001',
      visitDate: '2025/3/5',
      visitTime: '14:30',
      store: '本店',
      staff: '佐藤',
      itemName: 'カット',
      itemKind: '施術',
      category: 'cut',
      quantity: '1',
      unitPrice: '¥5,500',
      discount: '500',
      amount: '5,000円',
      paymentMethod: '現金',
      note: '前髪短め',
    });
    assert.ok('line' in result, JSON.stringify(result));
    assert.deepEqual(result.line, {
      visitKey: 'R-1',
      customer: { externalId: 'C-001', phone: null, email: null },
      store: '本店',
      staff: '佐藤',
      startedAt: new Date('2025-03-05T05:30:00.000Z'),
      item: {
        name: 'カット',
        kind: 'service',
        category: 'cut',
        quantity: 1,
        unitPrice: 5500,
        discount: 500,
        amount: 5000,
      },
      paymentMethod: 'cash',
      note: '前髪短め',
    });
  });

  it('takes the time from the date cell when there is no time column', () => {
    const result = check({ customerPhone: '090-1234-5678', visitDate: '2025/3/5 14:30', amount: '5000' });
    assert.ok('line' in result);
    assert.equal(result.line.startedAt.toISOString(), '2025-03-05T05:30:00.000Z');
    assert.deepEqual(result.line.customer, { externalId: null, phone: '09012345678', email: null });
    assert.equal(result.line.item.name, UNNAMED_ITEM);
    assert.equal(result.line.paymentMethod, 'other');
  });

  it('a date alone means local midnight', () => {
    const result = check({ ...base, amount: '1000' });
    assert.ok('line' in result);
    assert.equal(result.line.startedAt.toISOString(), '2025-03-04T15:00:00.000Z');
  });

  it('computes the amount from unit price × quantity − discount when the amount is missing', () => {
    const result = check({ ...base, unitPrice: '1,000', quantity: '3', discount: '200' });
    assert.ok('line' in result);
    assert.deepEqual(result.line.item, {
      name: UNNAMED_ITEM,
      kind: null,
      category: null,
      quantity: 3,
      unitPrice: 1000,
      discount: 200,
      amount: 2800,
    });
  });

  it('accepts an amount that equals unit price × quantity − discount', () => {
    const result = check({ ...base, unitPrice: '1000', quantity: '3', discount: '200', amount: '2800' });
    assert.ok('line' in result);
    assert.equal(result.line.item.amount, 2800);
  });

  it('derives the unit price from amount and discount when there is no price column', () => {
    const result = check({ ...base, quantity: '2', amount: '2000', discount: '500' });
    assert.ok('line' in result);
    assert.deepEqual(
      [result.line.item.unitPrice, result.line.item.discount, result.line.item.amount],
      [1250, 500, 2000],
    );
  });

  it('keys a line by its receipt number when it has one', () => {
    const a = check({ ...base, visitExternalId: 'R-9', amount: '100', store: '本店' });
    assert.ok('line' in a);
    assert.equal(a.line.visitKey, 'R-9');
  });

  it('without a receipt, keys by customer, instant and store: same row, same key', () => {
    const row = { ...base, visitTime: '10:00', store: '本店', amount: '100' };
    const a = check(row);
    const b = check({ ...row, itemName: 'シャンプー', amount: '3300' });
    const otherStore = check({ ...row, store: '駅前店' });
    const otherTime = check({ ...row, visitTime: '10:01' });
    assert.ok('line' in a && 'line' in b && 'line' in otherStore && 'line' in otherTime);
    assert.equal(a.line.visitKey, 'auto:C-001|2025-03-05T01:00:00.000Z|本店');
    assert.equal(b.line.visitKey, a.line.visitKey);
    assert.notEqual(otherStore.line.visitKey, a.line.visitKey);
    assert.notEqual(otherTime.line.visitKey, a.line.visitKey);
  });

  it('accepts a visit up to now and not after', () => {
    assert.ok('line' in check({ ...base, visitDate: '2025/6/1 08:59', amount: '1' }));
    assert.ok('line' in check({ ...base, visitDate: '2025/6/1 09:00', amount: '1' }));
  });
});

describe('checkVisitRow: bad rows', () => {
  const cases: [string, Record<string, string>, string, RowErrorCode][] = [
    ['no customer key', { visitDate: '2025/3/5', amount: '100' }, 'customerExternalId', 'MISSING_VALUE'],
    ['no date', { customerExternalId: 'C-001', amount: '100' }, 'visitDate', 'MISSING_VALUE'],
    ['an impossible date', { ...base, visitDate: '2025/2/30', amount: '100' }, 'visitDate', 'INVALID_DATE'],
    ['a date in the future', { ...base, visitDate: '2025/6/1 09:01', amount: '100' }, 'visitDate', 'FUTURE_DATE'],
    ['a bad time', { ...base, visitTime: '25:00', amount: '100' }, 'visitTime', 'INVALID_TIME'],
    ['neither amount nor price', { ...base }, 'amount', 'MISSING_VALUE'],
    ['a negative amount', { ...base, amount: '-100' }, 'amount', 'INVALID_AMOUNT'],
    ['a fractional amount', { ...base, amount: '100.5' }, 'amount', 'INVALID_AMOUNT'],
    ['a bad unit price', { ...base, unitPrice: 'free' }, 'unitPrice', 'INVALID_AMOUNT'],
    ['a zero quantity', { ...base, amount: '100', quantity: '0' }, 'quantity', 'INVALID_QUANTITY'],
    ['a bad discount', { ...base, amount: '100', discount: '-5' }, 'discount', 'INVALID_AMOUNT'],
    [
      'a discount over price × quantity',
      { ...base, unitPrice: '1000', discount: '1500' },
      'discount',
      'DISCOUNT_TOO_LARGE',
    ],
    [
      'an amount that is not price × quantity − discount',
      { ...base, unitPrice: '1000', quantity: '3', discount: '200', amount: '3000' },
      'amount',
      'AMOUNT_MISMATCH',
    ],
    [
      'an amount that does not divide by the quantity',
      { ...base, quantity: '3', amount: '1000' },
      'amount',
      'AMOUNT_MISMATCH',
    ],
    ['an unknown item kind', { ...base, amount: '100', itemKind: 'その他' }, 'itemKind', 'INVALID_ITEM_KIND'],
    [
      'an unknown payment method',
      { ...base, amount: '100', paymentMethod: 'ツケ' },
      'paymentMethod',
      'INVALID_PAYMENT_METHOD',
    ],
    ['a note over 2000 characters', { ...base, amount: '100', note: 'あ'.repeat(2001) }, 'note', 'TOO_LONG'],
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

  it('reports every problem of a row at once', () => {
    const result = check({ visitDate: '2025/13/1', amount: 'x', paymentMethod: '?' });
    assert.ok('problems' in result);
    assert.deepEqual(
      result.problems.map((p) => p.code),
      ['MISSING_VALUE', 'INVALID_DATE', 'INVALID_AMOUNT', 'INVALID_PAYMENT_METHOD'],
    );
  });
});

describe('checkVisitRow with a memo of date and time cells', () => {
  it('gives the same answer for every row as without it, the second time too', () => {
    const memo: VisitRowContext = { ...ctx, seenTimes: new Map() };
    const rows: Record<string, string>[] = [
      { ...base, visitTime: '14:30', amount: '100' },
      { ...base, visitDate: '2025/2/30', amount: '100' },
      { ...base, visitDate: '2025/6/1 09:01', amount: '100' },
      { ...base, visitTime: '25:00', amount: '100' },
      { ...base, visitDate: '', amount: '100' },
      { ...base, visitDate: '2025/3/5', visitTime: '', amount: '100' },
    ];
    for (const round of [1, 2]) {
      for (const cells of rows) {
        const plain = checkVisitRow(new Map(Object.entries(cells)), ctx);
        const memoised = checkVisitRow(new Map(Object.entries(cells)), memo);
        assert.deepEqual(memoised, plain, `round ${round}: ${JSON.stringify(cells)}`);
      }
    }
    assert.equal(memo.seenTimes?.size, rows.length);
  });
});
