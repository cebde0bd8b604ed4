import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { engines } from '@kayoi/db/testing';
import { unsubscribeTokens } from '../src/security/unsubscribeTokens.js';
import { seedBusiness, startTestApp, type Business, type TestApp } from './support/testApp.js';

const KEY = 'test-unsubscribe-key-0123456789abcdef';
const ONE_CLICK = { 'content-type': 'application/x-www-form-urlencoded' };

for (const engine of engines) {
  describe(`email unsubscribe links on ${engine}`, () => {
    let t: TestApp;
    let a: Business;
    let b: Business;
    const tokens = unsubscribeTokens(KEY);

    const emailConsent = async (business: Business) => {
      const res = await t.call('GET', `/api/v1/customers/${business.customerId}`, { token: business.tokens.owner });
      const body = (await res.json()) as { consents: { email: { status: string; source: string | null } } };
      return body.consents.email;
    };
    const historyCount = async (business: Business) => {
      const rows = await t.deps.db.query<{ n: number | string }>(
        "select count(*) as n from consent_events where tenant_id = $1 and customer_id = $2 and channel = 'email'",
        [business.tenantId, business.customerId],
      );
      return Number(rows[0]?.n);
    };
    const grant = async (business: Business) => {
      const res = await t.call('PUT', `/api/v1/customers/${business.customerId}/consents/email`, {
        token: business.tokens.owner,
        body: { status: 'granted', source: 'counter' },
      });
      assert.equal(res.status, 200, await res.text());
    };
    const oneClick = (token: string) =>
      t.call('POST', `/u/${token}`, { body: 'List-Unsubscribe=One-Click', headers: ONE_CLICK });

    before(async () => {
      t = await startTestApp(engine, { unsubscribeTokens: tokens });
      a = await seedBusiness(t, 'UnsubA');
      b = await seedBusiness(t, 'UnsubB');
      await grant(a);
      await grant(b);
    });
    after(() => t.close());

    it('is documented in the OpenAPI document as public GET and POST /u/{token}', async () => {
      const doc = (await (await t.call('GET', '/api/openapi.json')).json()) as {
        paths: Record<string, Record<string, { 'x-permission'?: string }>>;
      };
      const ops = doc.paths['/u/{token}'];
      assert.deepEqual(Object.keys(ops ?? {}).sort(), ['get', 'post']);
      assert.equal(ops?.post?.['x-permission'], undefined);
    });

    it('signs and verifies a claim; an edited token or another key verifies nothing', () => {
      const claim = { tenantId: a.tenantId, customerId: a.customerId, campaignKey: 'broadcast-42' };
      const token = tokens.sign(claim);
      assert.deepEqual(tokens.verify(token), claim);
      const [payload, mac] = token.split('.') as [string, string];
      const otherPayload = Buffer.from(`${b.tenantId}:${a.customerId}`).toString('base64url');
      assert.equal(tokens.verify(`${otherPayload}.${mac}`), null);
      assert.equal(tokens.verify(`${payload}.${mac.slice(0, -2)}AA`), null);
      assert.equal(tokens.verify(`${payload}`), null);
      assert.equal(unsubscribeTokens('another-key-0123456789abcdef-0123456789').verify(token), null);
    });

    it('GET shows a confirmation page in the reader’s language and changes nothing', async () => {
      const token = tokens.sign({ tenantId: a.tenantId, customerId: a.customerId });
      const ja = await t.call('GET', `/u/${token}`, { headers: { 'accept-language': 'ja,en;q=0.5' } });
      assert.equal(ja.status, 200);
      assert.match(ja.headers.get('content-type') ?? '', /^text\/html/);
      assert.match(await ja.text(), /配信を停止する/);
      const en = await t.call('GET', `/u/${token}`, { headers: { 'accept-language': 'en-US' } });
      assert.match(await en.text(), /<button type="submit">Unsubscribe<\/button>/);
      assert.equal((await emailConsent(a)).status, 'granted');
    });

    it('a bad token answers 404 to GET and POST and changes nothing', async () => {
      const before = await historyCount(a);
      const good = tokens.sign({ tenantId: a.tenantId, customerId: a.customerId });
      for (const token of ['nonsense', `${good}x`, `${good.split('.')[0]}.`]) {
        assert.equal((await t.call('GET', `/u/${token}`)).status, 404, token);
        assert.equal((await oneClick(token)).status, 404, token);
      }
      assert.equal((await emailConsent(a)).status, 'granted');
      assert.equal(await historyCount(a), before);
    });

    it('a token naming tenant A with tenant B’s customer changes nothing in B', async () => {
      const before = await historyCount(b);
      const res = await oneClick(tokens.sign({ tenantId: a.tenantId, customerId: b.customerId }));
      assert.equal(res.status, 200);
      assert.equal((await emailConsent(b)).status, 'granted');
      assert.equal(await historyCount(b), before);
    });

    it('the one-click POST withdraws email consent once, with history; repeating it changes nothing', async () => {
      const before = await historyCount(a);
      const token = tokens.sign({ tenantId: a.tenantId, customerId: a.customerId, campaignKey: 'thanks-day0' });
      const first = await oneClick(token);
      assert.equal(first.status, 200);
      assert.match(await first.text(), /配信を停止しました/);
      assert.deepEqual(await emailConsent(a), {
        ...(await emailConsent(a)),
        status: 'withdrawn',
        source: 'email_unsubscribe',
      });
      assert.equal(await historyCount(a), before + 1);
      const again = await t.call('POST', `/u/${token}`, { headers: { 'accept-language': 'en' } });
      assert.equal(again.status, 200);
      assert.match(await again.text(), /unsubscribed/);
      assert.equal(await historyCount(a), before + 1);
      assert.equal((await emailConsent(b)).status, 'granted', 'the other business is untouched');
    });
  });
}
