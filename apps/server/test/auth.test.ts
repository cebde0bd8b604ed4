import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTenantWithOwner, SESSION_IDLE_MS } from '@kayoi/core';
import { engines } from '@kayoi/db/testing';
import { memoryLoginLimiter } from '../src/security/loginLimiter.js';
import { PASSWORD, login, seedBusiness, startTestApp, type Business, type TestApp } from './support/testApp.js';

const DAY = 86_400_000;

async function errorOf(res: Response): Promise<{ status: number; code: string; body: unknown }> {
  const body = (await res.json()) as { error: { code: string } };
  return { status: res.status, code: body.error.code, body };
}

async function meStatus(t: TestApp, token: string): Promise<number> {
  const res = await t.call('GET', '/api/v1/auth/me', { token });
  await res.body?.cancel();
  return res.status;
}

for (const engine of engines) {
  describe(`authentication on ${engine}`, () => {
    let t: TestApp;
    let b: Business;
    let now = new Date('2025-06-01T00:00:00Z');
    before(async () => {
      t = await startTestApp(engine, { clock: () => now });
      b = await seedBusiness(t, 'Auth');
    });
    after(() => t.close());

    it('login answers a token and sets an httpOnly, SameSite=Lax session cookie', async () => {
      const res = await t.call('POST', '/api/v1/auth/login', { body: { email: b.emails.staff, password: PASSWORD } });
      assert.equal(res.status, 200);
      const body = (await res.json()) as { token: string; expiresAt: string; user: { id: string; role: string } };
      assert.match(body.token, /^kys1\./);
      assert.equal(body.user.id, b.users.staff);
      assert.equal(body.user.role, 'staff');
      assert.equal(new Date(body.expiresAt).getTime(), now.getTime() + SESSION_IDLE_MS);
      const cookie = res.headers.get('set-cookie') ?? '';
      assert.ok(cookie.startsWith(`kayoi_session=${body.token}`), cookie);
      assert.match(cookie, /; HttpOnly/i);
      assert.match(cookie, /; SameSite=Lax/i);
      assert.match(cookie, /; Path=\//);
      assert.doesNotMatch(cookie, /; Secure/i, 'plain http in tests: no Secure flag');
      assert.ok(!JSON.stringify(body).includes('passwordHash'));
    });

    it('the cookie alone authenticates, and so does the bearer token', async () => {
      const { token } = await login(t, b.emails.manager);
      const byCookie = await t.call('GET', '/api/v1/auth/me', { headers: { cookie: `kayoi_session=${token}` } });
      assert.equal(byCookie.status, 200);
      assert.equal(((await byCookie.json()) as { user: { id: string } }).user.id, b.users.manager);
      const byBearer = await t.call('GET', '/api/v1/auth/me', { token });
      assert.equal(byBearer.status, 200);
      assert.equal(await meStatus(t, `${token.slice(0, -4)}AAAA`), 401, 'a changed secret');
      const none = await errorOf(await t.call('GET', '/api/v1/auth/me'));
      assert.deepEqual([none.status, none.code], [401, 'UNAUTHENTICATED']);
    });

    it('a wrong password and an unknown email get the same 401 INVALID_CREDENTIALS', async () => {
      const wrong = await errorOf(
        await t.call('POST', '/api/v1/auth/login', { body: { email: b.emails.owner, password: 'not the password' } }),
      );
      const unknown = await errorOf(
        await t.call('POST', '/api/v1/auth/login', { body: { email: 'nobody@example.com', password: PASSWORD } }),
      );
      assert.deepEqual([wrong.status, wrong.code], [401, 'INVALID_CREDENTIALS']);
      assert.deepEqual(unknown.body, wrong.body);
      assert.equal(unknown.status, wrong.status);
    });

    it('logout revokes the session and clears the cookie', async () => {
      const { token } = await login(t, b.emails.staff);
      const res = await t.call('POST', '/api/v1/auth/logout', { token });
      assert.equal(res.status, 200);
      assert.match(res.headers.get('set-cookie') ?? '', /kayoi_session=;.*Max-Age=0/i);
      assert.equal(await meStatus(t, token), 401);
      assert.equal((await t.call('POST', '/api/v1/auth/logout', { token })).status, 401);
    });

    it('lists my sessions and revokes another of mine', async () => {
      const phone = await login(t, b.emails.analyst);
      const laptop = await login(t, b.emails.analyst);
      const list = (await (await t.call('GET', '/api/v1/auth/sessions', { token: laptop.token })).json()) as {
        items: { id: string; current: boolean }[];
      };
      const ids = list.items.map((s) => s.id);
      assert.ok(ids.includes(phone.sessionId) && ids.includes(laptop.sessionId));
      assert.deepEqual(
        list.items.filter((s) => s.current).map((s) => s.id),
        [laptop.sessionId],
      );
      const res = await t.call('DELETE', `/api/v1/auth/sessions/${phone.sessionId}`, { token: laptop.token });
      assert.equal(res.status, 200);
      assert.equal(await meStatus(t, phone.token), 401);
      assert.equal(await meStatus(t, laptop.token), 200);
      const after = (await (await t.call('GET', '/api/v1/auth/sessions', { token: laptop.token })).json()) as {
        items: { id: string }[];
      };
      assert.ok(!after.items.some((s) => s.id === phone.sessionId));
    });

    it("cannot revoke another user's session, even as the owner: 404", async () => {
      const staff = await login(t, b.emails.staff);
      const res = await errorOf(
        await t.call('DELETE', `/api/v1/auth/sessions/${staff.sessionId}`, { token: b.tokens.owner }),
      );
      assert.deepEqual([res.status, res.code], [404, 'SESSION_NOT_FOUND']);
      assert.equal(await meStatus(t, staff.token), 200);
    });

    it('a session expires after 14 idle days; use keeps it alive up to 90 days', async () => {
      const start = now;
      try {
        const idle = await login(t, b.emails.manager);
        now = new Date(start.getTime() + SESSION_IDLE_MS - 60_000);
        assert.equal(await meStatus(t, idle.token), 200, 'one minute before the idle limit');
        now = new Date(now.getTime() + SESSION_IDLE_MS + 60_000);
        assert.equal(await meStatus(t, idle.token), 401, 'fourteen idle days after the last use');

        now = start;
        const busy = await login(t, b.emails.manager);
        for (let day = 10; day < 90; day += 10) {
          now = new Date(start.getTime() + day * DAY);
          assert.equal(await meStatus(t, busy.token), 200, `day ${day}`);
        }
        now = new Date(start.getTime() + 90 * DAY + 60_000);
        assert.equal(await meStatus(t, busy.token), 401, 'past the 90-day absolute limit');
      } finally {
        now = start;
      }
    });

    it("a deactivated user's sessions stop working and they cannot log in", async () => {
      const { token } = await login(t, b.emails.analyst);
      const res = await t.call('DELETE', `/api/v1/users/${b.users.analyst}`, { token: b.tokens.owner });
      assert.equal(res.status, 200);
      assert.equal(((await res.json()) as { active: boolean }).active, false);
      assert.equal(await meStatus(t, token), 401);
      assert.equal(await meStatus(t, b.tokens.analyst), 401);
      const again = await t.call('POST', '/api/v1/auth/login', {
        body: { email: b.emails.analyst, password: PASSWORD },
      });
      assert.equal(again.status, 401);
    });

    it("changing a password ends the user's sessions", async () => {
      const { token } = await login(t, b.emails.staff);
      const newPassword = 'a brand new passphrase';
      const res = await t.call('PATCH', `/api/v1/users/${b.users.staff}`, {
        token: b.tokens.owner,
        body: { password: newPassword },
      });
      assert.equal(res.status, 200);
      assert.equal(await meStatus(t, token), 401);
      const old = await t.call('POST', '/api/v1/auth/login', { body: { email: b.emails.staff, password: PASSWORD } });
      assert.equal(old.status, 401);
      await login(t, b.emails.staff, newPassword);
    });

    it('stores passwords as Argon2id hashes', async () => {
      const created = await t.call('POST', '/api/v1/users', {
        token: b.tokens.owner,
        body: {
          name: '新人',
          email: `new@${b.tenantId.slice(0, 8)}.example.com`,
          password: 'long enough pw',
          role: 'staff',
        },
      });
      assert.equal(created.status, 201);
      const { id } = (await created.json()) as { id: string };
      for (const userId of [b.users.owner, b.users.manager, id]) {
        const hash = (await b.repos.users.findCredentials(userId))?.passwordHash ?? '';
        assert.ok(hash.startsWith('$argon2id$'), hash || 'no hash');
        assert.ok(!hash.includes(PASSWORD));
      }
    });

    it('the same email in several businesses: 409 TENANT_REQUIRED naming only those the password opens', async () => {
      const email = `shared-${engine}@example.com`;
      const make = (name: string, ownerPassword: string) =>
        createTenantWithOwner(t.deps.store, t.deps.hasher, {
          name,
          timeZone: 'Asia/Tokyo',
          ownerEmail: email,
          ownerPassword,
          ownerName: 'Owner',
        });
      const first = await make('一号店', PASSWORD);
      const second = await make('二号店', PASSWORD);
      const other = await make('別の店', 'another password entirely');
      const res = await errorOf(await t.call('POST', '/api/v1/auth/login', { body: { email, password: PASSWORD } }));
      assert.deepEqual([res.status, res.code], [409, 'TENANT_REQUIRED']);
      const { tenants } = (res.body as { error: { details: { tenants: { id: string; name: string }[] } } }).error
        .details;
      assert.deepEqual(tenants.map((x) => x.id).sort(), [first.tenant.id, second.tenant.id].sort());
      assert.ok(!JSON.stringify(res.body).includes(other.tenant.id));

      const chosen = await t.call('POST', '/api/v1/auth/login', {
        body: { email, password: PASSWORD, tenantId: second.tenant.id },
      });
      assert.equal(chosen.status, 200);
      const body = (await chosen.json()) as { token: string; tenant: { id: string }; user: { id: string } };
      assert.equal(body.tenant.id, second.tenant.id);
      assert.equal(body.user.id, second.owner.id);
      const me = (await (await t.call('GET', '/api/v1/auth/me', { token: body.token })).json()) as {
        tenant: { id: string };
      };
      assert.equal(me.tenant.id, second.tenant.id);

      const otherOnly = await t.call('POST', '/api/v1/auth/login', {
        body: { email, password: 'another password entirely' },
      });
      assert.equal(otherOnly.status, 200, 'one business matches: no choice needed');
      const wrongTenant = await t.call('POST', '/api/v1/auth/login', {
        body: { email, password: PASSWORD, tenantId: other.tenant.id },
      });
      assert.equal(wrongTenant.status, 401);
    });
  });

  describe(`login rate limit on ${engine}`, () => {
    let t: TestApp;
    let b: Business;
    before(async () => {
      t = await startTestApp(engine, {
        loginLimiter: memoryLoginLimiter({ perEmailAndIp: 3, perIp: 100, windowSeconds: 60 }),
      });
      b = await seedBusiness(t, 'Limit');
    });
    after(() => t.close());

    it('answers 429 TOO_MANY_ATTEMPTS with Retry-After once an email has failed three times', async () => {
      const attempt = (password: string, email = b.emails.staff) =>
        t.call('POST', '/api/v1/auth/login', { body: { email, password } });
      for (let i = 0; i < 3; i++) assert.equal((await attempt('wrong password')).status, 401, `attempt ${i + 1}`);
      const blocked = await attempt('wrong password');
      const retryAfter = Number(blocked.headers.get('retry-after'));
      const error = await errorOf(blocked);
      assert.deepEqual([error.status, error.code], [429, 'TOO_MANY_ATTEMPTS']);
      assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`);
      assert.equal((await attempt(PASSWORD)).status, 429, 'even the right password waits');
      assert.equal((await attempt(PASSWORD, b.emails.manager)).status, 200, 'other accounts are not locked out');
    });

    it('a successful login resets the count for that email', async () => {
      const attempt = (password: string) =>
        t.call('POST', '/api/v1/auth/login', { body: { email: b.emails.analyst, password } });
      assert.equal((await attempt('wrong')).status, 401);
      assert.equal((await attempt('wrong')).status, 401);
      assert.equal((await attempt(PASSWORD)).status, 200);
      assert.equal((await attempt('wrong')).status, 401);
      assert.equal((await attempt('wrong')).status, 401);
      assert.equal((await attempt(PASSWORD)).status, 200);
    });
  });
}
