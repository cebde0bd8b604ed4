import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TenantRepos, VisitWrite } from '@kayoi/core';
import { columns } from './customers.contract.js';
import type { ContractFixture } from './fixture.js';
import { rejectsWithCode } from './fixture.js';

async function setUp(repos: TenantRepos) {
  const store = await repos.stores.insert({ name: '本店' });
  const staff = await repos.users.insert({
    name: '佐藤',
    nameKana: null,
    email: null,
    passwordHash: null,
    role: 'staff',
    active: true,
    storeIds: [store.id],
  });
  const cut = await repos.catalog.insert({ kind: 'service', name: 'カット', price: 5500, cost: 500 });
  const customer = await repos.customers.insert(columns({ familyName: '山田' }));
  const visit = (at: string, total = 5500): VisitWrite => ({
    customerId: customer.id,
    storeId: store.id,
    staffId: staff.id,
    startedAt: new Date(at),
    status: 'completed',
    subtotal: total,
    discount: 0,
    total,
    note: null,
    externalId: null,
    source: 'counter',
    items: [
      {
        itemId: cut.id,
        kind: 'service',
        name: 'カット',
        category: null,
        quantity: 1,
        unitPrice: total,
        discount: 0,
        amount: total,
        unitCost: 500,
      },
    ],
    payments: [{ method: 'card', amount: total }],
  });
  return { store, staff, cut, customer, visit };
}

export function visitContract(f: ContractFixture) {
  describe('visits', () => {
    it('stores a visit with its lines and payments and keeps customer summaries in step', async () => {
      const repos = await f.newTenant();
      const { customer, visit } = await setUp(repos);
      const first = await repos.visits.insert(visit('2025-01-10T03:00:00Z'));
      assert.equal(first.items[0]?.unitCost, 500);
      assert.deepEqual(first.payments, [{ method: 'card', amount: 5500 }]);
      await repos.visits.insert(visit('2025-03-10T03:00:00Z', 8000));
      await repos.customers.refreshStats([customer.id]);
      const stats = (await repos.customers.findById(customer.id))?.stats;
      assert.deepEqual(stats, {
        firstVisitAt: '2025-01-10T03:00:00.000Z',
        lastVisitAt: '2025-03-10T03:00:00.000Z',
        visitCount: 2,
        revenueTotal: 13500,
      });
      await repos.visits.markVoided(first.id, '二重登録', new Date());
      await repos.customers.refreshStats('all');
      assert.equal((await repos.customers.findById(customer.id))?.stats.revenueTotal, 8000);
    });

    it('replaces lines and payments on correction', async () => {
      const repos = await f.newTenant();
      const { visit } = await setUp(repos);
      const v = await repos.visits.insert(visit('2025-01-10T03:00:00Z'));
      const replaced = await repos.visits.replace(v.id, {
        ...visit('2025-01-10T04:00:00Z', 3000),
        items: [
          {
            itemId: null,
            kind: 'product',
            name: 'オイル',
            category: null,
            quantity: 2,
            unitPrice: 1500,
            discount: 0,
            amount: 3000,
            unitCost: 400,
          },
        ],
        payments: [
          { method: 'cash', amount: 1000 },
          { method: 'qr', amount: 2000 },
        ],
      });
      assert.deepEqual(
        replaced?.items.map((i) => i.name),
        ['オイル'],
      );
      assert.deepEqual(
        replaced?.payments.map((p) => p.method),
        ['cash', 'qr'],
      );
      assert.equal(replaced?.startedAt, '2025-01-10T04:00:00.000Z');
    });

    it('lists by customer, store and time range, newest first, in pages', async () => {
      const repos = await f.newTenant();
      const { customer, store, visit } = await setUp(repos);
      for (let d = 1; d <= 7; d++) await repos.visits.insert(visit(`2025-02-0${d}T03:00:00Z`));
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await repos.visits.list({
          customerId: customer.id,
          storeId: store.id,
          status: 'completed',
          limit: 3,
          cursor,
        });
        seen.push(...page.items.map((v) => v.startedAt));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      assert.equal(seen.length, 7);
      assert.deepEqual([...seen].sort().reverse(), seen);
      const ranged = await repos.visits.list({
        status: 'completed',
        limit: 50,
        fromInstant: new Date('2025-02-03T00:00:00Z'),
        toInstant: new Date('2025-02-05T00:00:00Z'),
      });
      assert.equal(ranged.items.length, 2);
    });

    it('refuses references to rows that are not in the tenant', async () => {
      const a = await f.newTenant('A');
      const b = await f.newTenant('B');
      const mine = await setUp(a);
      const theirs = await setUp(b);
      await rejectsWithCode(
        a.visits.insert({ ...mine.visit('2025-01-01T00:00:00Z'), storeId: theirs.store.id }),
        'STORE_NOT_FOUND',
      );
      await rejectsWithCode(
        a.visits.insert({ ...mine.visit('2025-01-01T00:00:00Z'), customerId: theirs.customer.id }),
        'CUSTOMER_NOT_FOUND',
      );
      await rejectsWithCode(
        a.visits.insert({ ...mine.visit('2025-01-01T00:00:00Z'), staffId: theirs.staff.id }),
        'USER_NOT_FOUND',
      );
      const v = await a.visits.insert(mine.visit('2025-01-01T00:00:00Z'));
      assert.equal(await b.visits.findById(v.id), null);
      assert.equal(await b.visits.markVoided(v.id, 'x', new Date()), null);
      assert.equal(await b.visits.replace(v.id, theirs.visit('2025-01-01T00:00:00Z')), null);
      assert.equal((await a.visits.findById(v.id))?.status, 'completed');
    });

    it('rolls a transaction back when the work throws', async () => {
      const repos = await f.newTenant();
      const { visit } = await setUp(repos);
      await assert.rejects(
        f.store.transaction(repos.tenantId, async (tx) => {
          await tx.visits.insert(visit('2025-05-05T00:00:00Z'));
          throw new Error('boom');
        }),
        /boom/,
      );
      assert.deepEqual((await repos.visits.list({ status: 'all', limit: 10 })).items, []);
    });
  });
}
