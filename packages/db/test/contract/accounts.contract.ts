import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ContractFixture } from './fixture.js';
import { rejectsWithCode } from './fixture.js';

const owner = {
  name: 'Owner',
  nameKana: null,
  passwordHash: 'hash',
  role: 'owner' as const,
  active: true,
  storeIds: [],
};

export function accountContract(f: ContractFixture) {
  describe('tenants and login directory', () => {
    it('creates a tenant with Asia/Tokyo and JPY, finds and lists it', async () => {
      const tenant = await f.store.directory.create({ name: 'サロン花', timeZone: 'Asia/Tokyo' });
      assert.equal(tenant.currency, 'JPY');
      assert.equal(await f.store.directory.exists(tenant.id), true);
      assert.equal(await f.store.directory.exists('00000000-0000-7000-8000-000000000000'), false);
      assert.ok((await f.store.directory.list()).some((t) => t.id === tenant.id));
      const repos = f.store.forTenant(tenant.id);
      const current = await repos.tenant.get();
      const updated = await repos.tenant.update({ settings: { ...current.settings, staffCanSeeContacts: true } });
      assert.equal(updated.settings.staffCanSeeContacts, true);
      assert.equal((await repos.tenant.get()).name, 'サロン花');
    });

    it('finds login candidates by email in any case, skipping inactive and password-less users', async () => {
      const a = await f.newTenant('A');
      const b = await f.newTenant('B');
      await a.users.insert({ ...owner, email: 'Same@Example.com' });
      await b.users.insert({ ...owner, email: 'same@example.com' });
      const inactive = await b.users.insert({ ...owner, email: 'gone@example.com' });
      await b.users.update(inactive.id, { active: false });
      await b.users.insert({ ...owner, email: 'nopass@example.com', passwordHash: null });
      const found = await f.store.directory.findLoginCandidates('SAME@example.com');
      assert.deepEqual(new Set(found.map((c) => c.tenantId)), new Set([a.tenantId, b.tenantId]));
      assert.deepEqual(await f.store.directory.findLoginCandidates('gone@example.com'), []);
      assert.deepEqual(await f.store.directory.findLoginCandidates('nopass@example.com'), []);
    });
  });

  describe('users', () => {
    it('inserts, lists, updates and counts owners; email unique per tenant regardless of case', async () => {
      const repos = await f.newTenant();
      const u = await repos.users.insert({ ...owner, email: 'owner@example.com' });
      assert.equal(u.canLogIn, true);
      const stylist = await repos.users.insert({
        ...owner,
        name: '佐藤',
        email: null,
        passwordHash: null,
        role: 'staff',
      });
      assert.equal(stylist.canLogIn, false);
      await rejectsWithCode(repos.users.insert({ ...owner, email: 'OWNER@example.com' }), 'EMAIL_TAKEN');
      assert.equal(await repos.users.countActiveOwners(), 1);
      const changed = await repos.users.update(stylist.id, { role: 'manager', storeIds: [] });
      assert.equal(changed?.role, 'manager');
      assert.equal((await repos.users.list()).length, 2);
      assert.equal((await repos.users.findCredentials(u.id))?.passwordHash, 'hash');
    });
  });

  describe('sessions', () => {
    it('stores, touches, lists and revokes sessions', async () => {
      const repos = await f.newTenant();
      const user = await repos.users.insert({ ...owner, email: 's@example.com' });
      const now = new Date('2026-01-01T00:00:00Z');
      const later = new Date('2026-01-01T02:00:00Z');
      for (const id of ['01900000-0000-7000-8000-000000000001', '01900000-0000-7000-8000-000000000002']) {
        await repos.sessions.insert({
          id,
          userId: user.id,
          secretHash: 'h',
          createdAt: now,
          expiresAt: new Date('2026-01-15T00:00:00Z'),
          userAgent: 'test',
        });
      }
      await repos.sessions.touch('01900000-0000-7000-8000-000000000001', later, new Date('2026-01-16T00:00:00Z'));
      const touched = await repos.sessions.findById('01900000-0000-7000-8000-000000000001');
      assert.equal(touched?.lastSeenAt.toISOString(), later.toISOString());
      assert.equal((await repos.sessions.listActiveForUser(user.id, later)).length, 2);
      assert.equal(await repos.sessions.revoke('01900000-0000-7000-8000-000000000002', later), true);
      assert.equal(await repos.sessions.revoke('01900000-0000-7000-8000-000000000002', later), false);
      assert.equal((await repos.sessions.listActiveForUser(user.id, later)).length, 1);
      assert.equal((await repos.sessions.listActiveForUser(user.id, new Date('2026-02-01T00:00:00Z'))).length, 0);
      await repos.sessions.revokeAllForUser(user.id, later);
      assert.equal((await repos.sessions.listActiveForUser(user.id, later)).length, 0);
    });
  });

  describe('audit log', () => {
    it('records events and pages through them newest first, filtered by action', async () => {
      const repos = await f.newTenant();
      for (let i = 0; i < 5; i++) {
        await repos.audit.record({
          actorUserId: null,
          action: i % 2 ? 'customers.erased' : 'customers.exported',
          details: { i },
        });
      }
      const first = await repos.audit.list({ limit: 2 });
      assert.equal(first.items.length, 2);
      assert.equal(first.items[0]?.details.i, 4);
      const second = await repos.audit.list({ limit: 2, cursor: first.nextCursor ?? undefined });
      assert.deepEqual(
        second.items.map((e) => e.details.i),
        [2, 1],
      );
      const erased = await repos.audit.list({ limit: 10, action: 'customers.erased' });
      assert.deepEqual(
        erased.items.map((e) => e.details.i),
        [3, 1],
      );
    });
  });
}
