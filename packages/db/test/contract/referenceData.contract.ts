import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ContractFixture } from './fixture.js';
import { rejectsWithCode } from './fixture.js';

export function referenceDataContract(f: ContractFixture) {
  describe('stores, catalog, channels, attributes, ad spend', () => {
    it('creates, changes and archives stores', async () => {
      const repos = await f.newTenant();
      const store = await repos.stores.insert({ name: '表参道本店', address: '東京都港区', phone: '03-0000-0000' });
      assert.equal(store.archived, false);
      const archived = await repos.stores.update(store.id, { archived: true });
      assert.equal(archived?.archived, true);
      assert.equal((await repos.stores.update(store.id, { archived: false, name: '本店' }))?.name, '本店');
      assert.equal((await repos.stores.list()).length, 1);
    });

    it('keeps catalog names unique per tenant and finds items by id', async () => {
      const repos = await f.newTenant();
      const other = await f.newTenant();
      const cut = await repos.catalog.insert({
        kind: 'service',
        name: 'カット',
        price: 5500,
        cost: 500,
        durationMinutes: 60,
      });
      await other.catalog.insert({ kind: 'service', name: 'カット', price: 4000, cost: 0 });
      await rejectsWithCode(repos.catalog.insert({ kind: 'product', name: 'カット', price: 1, cost: 0 }), 'NAME_TAKEN');
      assert.deepEqual(
        (await repos.catalog.findByIds([cut.id])).map((i) => i.price),
        [5500],
      );
      assert.equal((await repos.catalog.update(cut.id, { active: false }))?.active, false);
    });

    it('rejects a second attribute with the same key, and archives one', async () => {
      const repos = await f.newTenant();
      const def = await repos.attributes.insert({
        key: 'hair_type',
        label: '髪質',
        type: 'single_choice',
        options: [{ value: 'fine', label: '細い' }],
        position: 1,
      });
      await rejectsWithCode(
        repos.attributes.insert({ key: 'hair_type', label: 'x', type: 'text', options: [], position: 0 }),
        'ATTRIBUTE_KEY_TAKEN',
      );
      assert.equal((await repos.attributes.update(def.id, { archived: true }))?.archived, true);
    });

    it('upserts monthly ad spend and filters by month range', async () => {
      const repos = await f.newTenant();
      const portal = await repos.channels.insert({ name: '予約ポータル', kind: 'portal' });
      await rejectsWithCode(repos.channels.insert({ name: '予約ポータル', kind: 'sns' }), 'NAME_TAKEN');
      await repos.adSpend.put(portal.id, '2026-01', { amount: 30000 });
      await repos.adSpend.put(portal.id, '2026-02', { amount: 30000 });
      await repos.adSpend.put(portal.id, '2026-01', { amount: 45000, note: '増額' });
      const jan = await repos.adSpend.list({ from: '2026-01', to: '2026-01' });
      assert.deepEqual(jan, [{ channelId: portal.id, month: '2026-01', amount: 45000, note: '増額' }]);
      assert.equal((await repos.adSpend.list({ channelId: portal.id })).length, 2);
      assert.equal(await repos.adSpend.remove(portal.id, '2026-02'), true);
      await rejectsWithCode(
        repos.adSpend.put('00000000-0000-7000-8000-000000000000', '2026-01', { amount: 1 }),
        'CHANNEL_NOT_FOUND',
      );
    });

    it('sees nothing of another tenant', async () => {
      const a = await f.newTenant('A');
      const b = await f.newTenant('B');
      const store = await a.stores.insert({ name: 'A店' });
      const channel = await a.channels.insert({ name: 'Instagram', kind: 'sns' });
      assert.equal(await b.stores.findById(store.id), null);
      assert.equal(await b.stores.update(store.id, { name: 'hijack' }), null);
      assert.equal(await b.channels.findById(channel.id), null);
      assert.deepEqual(await b.stores.list(), []);
      assert.equal((await a.stores.findById(store.id))?.name, 'A店');
      await rejectsWithCode(b.adSpend.put(channel.id, '2026-01', { amount: 1 }), 'CHANNEL_NOT_FOUND');
    });
  });
}
