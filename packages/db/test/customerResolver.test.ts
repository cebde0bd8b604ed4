import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { checkCustomerColumns, type TenantRepos } from '@kayoi/core';
import type { CustomerCreate } from '@kayoi/contracts';
import { createDataStore } from '../src/dataStore.js';
import { customerResolver, type CustomerRef } from '../src/imports/customerResolver.js';
import { engines, openTestDatabase, type TestDatabase } from '../src/testing/index.js';

const ref = (externalId: string): CustomerRef => ({ externalId, phone: null, email: null });

async function insertCustomer(repos: TenantRepos, input: CustomerCreate): Promise<string> {
  const checked = checkCustomerColumns(input);
  if (!checked.ok) throw new Error(checked.error.code);
  return (await repos.customers.insert(checked.value.merged)).id;
}

for (const engine of engines) {
  describe(`import customer resolver on ${engine}`, () => {
    let t: TestDatabase;
    let repos: TenantRepos;
    const ids: Record<string, string> = {};
    before(async () => {
      t = await openTestDatabase(engine);
      const tenant = await createDataStore(t.db).directory.create({ name: 'Salon', timeZone: 'Asia/Tokyo' });
      repos = createDataStore(t.db).forTenant(tenant.id);
      for (const id of ['A', 'B', 'C']) ids[id] = await insertCustomer(repos, { familyName: id, externalId: id });
      await insertCustomer(repos, { familyName: 'Twin1', phone: '090-1111-2222' });
      await insertCustomer(repos, { familyName: 'Twin2', phone: '090-1111-2222' });
    });
    after(() => t.drop());

    it('resolves by customer number, and reports unknown and shared phone numbers', async () => {
      const resolver = customerResolver(t.db.orm, repos.tenantId);
      const resolve = await resolver.load([ref('A'), ref('Z')]);
      assert.deepEqual(resolve(ref('A')), { id: ids.A });
      assert.deepEqual(resolve(ref('Z')), { missing: true });
      const byPhone = { externalId: null, phone: '09011112222', email: null };
      assert.deepEqual((await resolver.load([byPhone]))(byPhone), { ambiguous: true });
    });

    it('keeps every key a batch needs when the cache starts over', async () => {
      const resolver = customerResolver(t.db.orm, repos.tenantId, 1);
      await resolver.load([ref('A'), ref('B')]);
      // The cache is past its limit: it starts over, and A, cached before, is loaded again.
      const resolve = await resolver.load([ref('A'), ref('C')]);
      assert.deepEqual([resolve(ref('A')), resolve(ref('C'))], [{ id: ids.A }, { id: ids.C }]);
    });

    it('answers each batch from its own load while later batches load', async () => {
      const resolver = customerResolver(t.db.orm, repos.tenantId, 1);
      const first = resolver.load([ref('A'), ref('B')]);
      const second = resolver.load([ref('C')]);
      const [resolveFirst, resolveSecond] = await Promise.all([first, second]);
      const third = await resolver.load([ref('C'), ref('B')]);
      assert.deepEqual(
        [resolveFirst(ref('A')), resolveFirst(ref('B')), resolveSecond(ref('C')), third(ref('B'))],
        [{ id: ids.A }, { id: ids.B }, { id: ids.C }, { id: ids.B }],
      );
    });
  });
}
