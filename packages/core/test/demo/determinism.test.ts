import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateDemoDataset } from '../../src/demo/index.js';
import { BASE_OPTIONS } from './fixtures.js';

const SMALL = { ...BASE_OPTIONS, customers: 400 };

describe('generateDemoDataset determinism', () => {
  it('returns deep-equal datasets for identical options', () => {
    const a = generateDemoDataset(SMALL);
    const b = generateDemoDataset({ ...SMALL });
    assert.deepEqual(a, b);
    assert.ok(a.visits.length > 400);
  });

  it('returns different customers, visits and truth for a different seed', () => {
    const a = generateDemoDataset(SMALL);
    const b = generateDemoDataset({ ...SMALL, seed: SMALL.seed + 1 });
    assert.notDeepEqual(a.customers, b.customers);
    assert.notDeepEqual(a.visits, b.visits);
    assert.notDeepEqual(a.truth, b.truth);
    // Not merely a reshuffle: most customers differ in name or date.
    const sameIdentity = a.customers.filter((c, i) => {
      const other = b.customers[i];
      return (
        other &&
        other.familyName === c.familyName &&
        other.givenName === c.givenName &&
        other.acquiredOn === c.acquiredOn
      );
    }).length;
    assert.ok(sameIdentity < 20, `${sameIdentity} customers identical`);
  });

  it('keeps the shop itself fixed across seeds (stores, staff, menu, channels, attributes)', () => {
    const a = generateDemoDataset(SMALL);
    const b = generateDemoDataset({ ...SMALL, seed: 99 });
    assert.deepEqual(a.stores, b.stores);
    assert.deepEqual(a.staff, b.staff);
    assert.deepEqual(a.catalog, b.catalog);
    assert.deepEqual(a.channels, b.channels);
    assert.deepEqual(a.attributes, b.attributes);
  });

  it('does not share mutable state between calls', () => {
    const a = generateDemoDataset(SMALL);
    const [item] = a.catalog;
    const [customer] = a.customers;
    const option = a.attributes[0]?.options[0];
    assert.ok(item && customer && option);
    item.price = 1;
    customer.tags.push('mutated');
    option.label = 'x';
    const b = generateDemoDataset(SMALL);
    assert.notEqual(b.catalog[0]?.price, 1);
    assert.equal(b.customers[0]?.tags.includes('mutated'), false);
    assert.notEqual(b.attributes[0]?.options[0]?.label, 'x');
  });

  it('generates 3,000 customers over 3 years well under 2 seconds', () => {
    generateDemoDataset({ ...BASE_OPTIONS, customers: 200 }); // warm up the JIT
    const started = performance.now();
    const ds = generateDemoDataset({ ...BASE_OPTIONS, seed: 777 });
    const elapsed = performance.now() - started;
    assert.equal(ds.customers.length, 3000);
    assert.ok(elapsed < 2000, `took ${elapsed.toFixed(0)} ms`);
  });

  it('rejects options it cannot honour', () => {
    assert.throws(() => generateDemoDataset({ ...SMALL, seed: 1.5 }), RangeError);
    assert.throws(() => generateDemoDataset({ ...SMALL, customers: -1 }), RangeError);
    assert.throws(() => generateDemoDataset({ ...SMALL, years: 0 }), RangeError);
    assert.throws(() => generateDemoDataset({ ...SMALL, endDate: '2025-02-30' }), RangeError);
    assert.throws(() => generateDemoDataset({ ...SMALL, endDate: '22/11/2025' }), RangeError);
    assert.throws(() => generateDemoDataset({ ...SMALL, timeZone: 'Mars/Olympus' }), RangeError);
  });

  it('handles an empty shop and a short history', () => {
    const empty = generateDemoDataset({ ...SMALL, customers: 0 });
    assert.equal(empty.customers.length, 0);
    assert.equal(empty.visits.length, 0);
    assert.ok(empty.adSpend.every((row) => row.amount === 0));
    const short = generateDemoDataset({ ...SMALL, customers: 50, years: 0.25 });
    assert.equal(short.customers.length, 50);
    assert.ok(short.customers.every((c) => c.acquiredOn >= '2025-08-24' && c.acquiredOn <= '2025-11-22'));
  });
});
