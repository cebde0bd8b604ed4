import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CatalogItem, LineItemInput } from '@kayoi/contracts';
import { checkVisitPricing } from '../src/visits/pricing.js';

const cut: CatalogItem = {
  id: '0192f0c1-0000-7000-8000-000000000001',
  kind: 'service',
  name: 'カット',
  category: 'cut',
  price: 5500,
  cost: 500,
  durationMinutes: 60,
  active: true,
  createdAt: '2024-01-01T00:00:00.000Z',
};
const shampoo: CatalogItem = {
  ...cut,
  id: '0192f0c1-0000-7000-8000-000000000002',
  kind: 'product',
  name: 'シャンプー',
  category: 'retail',
  price: 3300,
  cost: 1200,
  durationMinutes: null,
};
const catalog = new Map([cut, shampoo].map((i) => [i.id, i]));
const line = (input: Partial<LineItemInput>): LineItemInput => ({ quantity: 1, discount: 0, ...input });

describe('checkVisitPricing', () => {
  it('fills name, kind, category, price and cost from the catalog', () => {
    const result = checkVisitPricing([line({ itemId: cut.id })], catalog, 0, [{ method: 'cash', amount: 5500 }]);
    assert.ok(result.ok);
    assert.deepEqual(result.value.items, [
      {
        itemId: cut.id,
        kind: 'service',
        name: 'カット',
        category: 'cut',
        quantity: 1,
        unitPrice: 5500,
        discount: 0,
        amount: 5500,
        unitCost: 500,
      },
    ]);
    assert.equal(result.value.subtotal, 5500);
    assert.equal(result.value.total, 5500);
  });

  it('lets a line override the catalog price and name', () => {
    const result = checkVisitPricing([line({ itemId: cut.id, unitPrice: 4400, name: '学割カット' })], catalog, 0, [
      { method: 'card', amount: 4400 },
    ]);
    assert.ok(result.ok);
    assert.equal(result.value.items[0]?.unitPrice, 4400);
    assert.equal(result.value.items[0]?.name, '学割カット');
    assert.equal(result.value.items[0]?.unitCost, 500);
  });

  it('prices a free-text line without a catalog item', () => {
    const result = checkVisitPricing([line({ name: 'ヘッドスパ', unitPrice: 3000 })], catalog, 0, [
      { method: 'qr', amount: 3000 },
    ]);
    assert.ok(result.ok);
    assert.deepEqual(result.value.items[0], {
      itemId: null,
      kind: 'service',
      name: 'ヘッドスパ',
      category: null,
      quantity: 1,
      unitPrice: 3000,
      discount: 0,
      amount: 3000,
      unitCost: 0,
    });
  });

  it('computes quantity × price − line discount, then the visit discount, in whole yen', () => {
    const result = checkVisitPricing(
      [line({ itemId: cut.id, discount: 500 }), line({ itemId: shampoo.id, quantity: 3, discount: 900 })],
      catalog,
      1000,
      [
        { method: 'cash', amount: 10000 },
        { method: 'points', amount: 3000 },
      ],
    );
    assert.ok(result.ok, JSON.stringify(result));
    assert.deepEqual(
      result.value.items.map((i) => i.amount),
      [5000, 9000],
    );
    assert.equal(result.value.subtotal, 14000);
    assert.equal(result.value.discount, 1000);
    assert.equal(result.value.total, 13000);
    for (const n of [result.value.subtotal, result.value.total, ...result.value.items.map((i) => i.amount)]) {
      assert.ok(Number.isInteger(n));
    }
  });

  it('refuses a line discount larger than the line amount', () => {
    const result = checkVisitPricing([line({ itemId: cut.id, discount: 5501 })], catalog, 0, []);
    assert.deepEqual(result, {
      ok: false,
      error: { code: 'DISCOUNT_EXCEEDS_AMOUNT', details: { index: 0, discount: 5501, amount: 5500 } },
    });
  });

  it('allows a discount equal to the amount (a free service)', () => {
    const result = checkVisitPricing([line({ itemId: cut.id, discount: 5500 })], catalog, 0, []);
    assert.ok(result.ok);
    assert.equal(result.value.total, 0);
    assert.deepEqual(result.value.payments, []);
  });

  it('refuses a visit discount larger than the subtotal', () => {
    const result = checkVisitPricing([line({ itemId: cut.id })], catalog, 6000, []);
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.error.code, 'DISCOUNT_EXCEEDS_AMOUNT');
  });

  it('refuses payments that do not add up to the total, either way', () => {
    for (const paid of [5000, 6000]) {
      const result = checkVisitPricing([line({ itemId: cut.id })], catalog, 0, [{ method: 'cash', amount: paid }]);
      assert.deepEqual(result, { ok: false, error: { code: 'PAYMENTS_MISMATCH', details: { total: 5500, paid } } });
    }
    const none = checkVisitPricing([line({ itemId: cut.id })], catalog, 0, []);
    assert.equal(!none.ok && none.error.code, 'PAYMENTS_MISMATCH');
  });

  it('drops zero payments but keeps the split', () => {
    const result = checkVisitPricing([line({ itemId: cut.id })], catalog, 0, [
      { method: 'card', amount: 5000 },
      { method: 'cash', amount: 0 },
      { method: 'points', amount: 500 },
    ]);
    assert.ok(result.ok);
    assert.deepEqual(result.value.payments, [
      { method: 'card', amount: 5000 },
      { method: 'points', amount: 500 },
    ]);
  });

  it('refuses an item that is not in the catalog', () => {
    const missing = '0192f0c1-0000-7000-8000-00000000ffff';
    const result = checkVisitPricing([line({ itemId: cut.id }), line({ itemId: missing })], catalog, 0, []);
    assert.deepEqual(result, { ok: false, error: { code: 'ITEM_NOT_FOUND', details: { index: 1, itemId: missing } } });
  });
});
