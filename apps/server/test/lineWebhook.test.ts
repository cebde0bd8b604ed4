import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { lineSignatureOf } from '@kayoi/channels';
import { engines } from '@kayoi/db/testing';
import { seedBusiness, startTestApp, type Business, type TestApp } from './support/testApp.js';
import {
  LINE_SECRET_A,
  LINE_SECRET_B,
  lineEvent,
  lineSettings,
  postWebhook,
  textEvent,
  webhookBody,
} from './support/line.js';

const LINKED = 'U1234567890abcdef'; // the seeded customer's LINE user id

for (const engine of engines) {
  describe(`LINE webhook on ${engine}`, () => {
    let t: TestApp;
    let a: Business;
    let b: Business;
    let unconfigured: Business;
    let now = new Date('2026-11-22T03:00:00Z');

    const consentHistory = async (business: Business, customerId: string) =>
      (
        await t.test.db.query<{ status: string; source: string }>(
          `select status, source from consent_events
           where tenant_id = $1 and customer_id = $2 and channel = 'line' order by at, id`,
          [business.tenantId, customerId],
        )
      ).map((r) => `${r.status}:${r.source}`);
    const storedEvents = async (business: Business) =>
      (
        await t.test.db.query<{ type: string; outcome: string }>(
          `select type, outcome from line_webhook_events where tenant_id = $1 order by received_at, webhook_event_id`,
          [business.tenantId],
        )
      ).map((r) => `${r.type}:${r.outcome}`);
    const customer = async (business: Business, id: string) => {
      const res = await t.call('GET', `/api/v1/customers/${id}`, { token: business.tokens.owner });
      return (await res.json()) as {
        lineUserId: string | null;
        consents: { line: { status: string; source: string } };
      };
    };

    before(async () => {
      t = await startTestApp(engine, { clock: () => now });
      a = await seedBusiness(t, 'LineA');
      b = await seedBusiness(t, 'LineB');
      unconfigured = await seedBusiness(t, 'NoLine');
      for (const [business, secret] of [
        [a, LINE_SECRET_A],
        [b, LINE_SECRET_B],
      ] as const) {
        const res = await t.call('PUT', '/api/v1/channels/line', {
          token: business.tokens.owner,
          body: lineSettings(secret),
        });
        assert.equal(res.status, 200, await res.text());
      }
    });
    after(() => t.close());

    it('refuses a missing, wrong, foreign or re-spaced signature with the same 401, and stores nothing', async () => {
      const raw = webhookBody([lineEvent('unfollow', LINKED)]);
      const respaced = raw.replace(/,/g, ', ');
      const signatureOfRaw = lineSignatureOf(LINE_SECRET_A, new TextEncoder().encode(raw));
      assert.deepEqual(JSON.parse(respaced), JSON.parse(raw));
      const attempts = [
        ['missing', postWebhook(t, a.tenantId, raw, { signature: null })],
        ['wrong', postWebhook(t, a.tenantId, raw, { signature: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=' })],
        ['garbage', postWebhook(t, a.tenantId, raw, { signature: 'not base64 at all' })],
        ['B’s secret on A’s URL', postWebhook(t, a.tenantId, raw, { secret: LINE_SECRET_B })],
        ['same JSON, other bytes', postWebhook(t, a.tenantId, respaced, { signature: signatureOfRaw })],
        ['unknown business', postWebhook(t, '0192f0c1-7c1e-7b5a-9c2e-3f4d5e6a7b8c', raw, { secret: LINE_SECRET_A })],
        ['not an id', postWebhook(t, 'nonsense', raw, { secret: LINE_SECRET_A })],
        ['business without LINE', postWebhook(t, unconfigured.tenantId, raw, { secret: LINE_SECRET_A })],
        ['invalid JSON, unsigned', postWebhook(t, a.tenantId, '{not json', { signature: null })],
      ] as const;
      const bodies = new Set<string>();
      for (const [name, pending] of attempts) {
        const res = await pending;
        const text = await res.text();
        assert.equal(res.status, 401, `${name}: ${text}`);
        assert.equal((JSON.parse(text) as { error: { code: string } }).error.code, 'LINE_WEBHOOK_UNAUTHORIZED');
        bodies.add(text);
      }
      assert.equal(bodies.size, 1, 'every refusal reads the same');
      assert.deepEqual(await storedEvents(a), []);
      assert.equal((await customer(a, a.customerId)).consents.line.status, 'granted');
    });

    it('accepts LINE’s verify request (no events) and a correctly signed body', async () => {
      const res = await postWebhook(t, a.tenantId, webhookBody([]), { secret: LINE_SECRET_A });
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), { ok: true });
    });

    it('unfollow withdraws LINE consent, follow grants it again, both in the history', async () => {
      const before = await consentHistory(a, a.customerId);
      const unfollow = await postWebhook(t, a.tenantId, webhookBody([lineEvent('unfollow', LINKED)]), {
        secret: LINE_SECRET_A,
      });
      assert.equal(unfollow.status, 200);
      assert.equal((await customer(a, a.customerId)).consents.line.status, 'withdrawn');
      const follow = await postWebhook(t, a.tenantId, webhookBody([lineEvent('follow', LINKED)]), {
        secret: LINE_SECRET_A,
      });
      assert.equal(follow.status, 200);
      const after = await customer(a, a.customerId);
      assert.deepEqual(after.consents.line.status, 'granted');
      assert.equal(after.consents.line.source, 'line_webhook');
      assert.deepEqual(await consentHistory(a, a.customerId), [
        ...before,
        'withdrawn:line_webhook',
        'granted:line_webhook',
      ]);
      // B's customer has the same LINE id in B's records; A's webhook does not touch it.
      assert.deepEqual(await consentHistory(b, b.customerId), ['granted:counter']);
    });

    it('a redelivered event changes nothing the second time', async () => {
      const event = lineEvent('unfollow', LINKED);
      const first = await postWebhook(t, a.tenantId, webhookBody([event]), { secret: LINE_SECRET_A });
      assert.equal(first.status, 200);
      const history = await consentHistory(a, a.customerId);
      const redelivered = { ...event, deliveryContext: { isRedelivery: true } };
      const again = await postWebhook(t, a.tenantId, webhookBody([redelivered]), { secret: LINE_SECRET_A });
      assert.equal(again.status, 200);
      assert.deepEqual(await consentHistory(a, a.customerId), history);
      const rows = await t.test.db.query<{ n: number }>(
        `select count(*)::int as n from line_webhook_events where tenant_id = $1 and webhook_event_id = $2`,
        [a.tenantId, event.webhookEventId],
      );
      assert.equal(rows[0]?.n, 1);
    });

    it('stores events of LINE users no customer is linked to, and changes nothing', async () => {
      const stranger = 'Uffffffffffffffffffffffffffffffff';
      const res = await postWebhook(
        t,
        a.tenantId,
        webhookBody([lineEvent('follow', stranger), textEvent(stranger, 'こんにちは'), lineEvent('beacon', stranger)]),
        { secret: LINE_SECRET_A },
      );
      assert.equal(res.status, 200);
      const stored = await storedEvents(a);
      assert.deepEqual(stored.slice(-3), ['follow:unknown_user', 'message:ignored', 'beacon:ignored']);
    });

    it('refuses a signed body that is not a LINE webhook body with 400', async () => {
      const res = await postWebhook(t, a.tenantId, '{"events":"no"}', { secret: LINE_SECRET_A });
      assert.equal(res.status, 400);
      const notJson = await postWebhook(t, a.tenantId, '{oops', { secret: LINE_SECRET_A });
      assert.equal(notJson.status, 400);
    });

    describe('link codes', () => {
      let customerId: string;
      before(async () => {
        const res = await t.call('POST', '/api/v1/customers', {
          token: a.tokens.owner,
          body: { familyName: '田中', phone: '080-5555-6666' },
        });
        customerId = ((await res.json()) as { id: string }).id;
      });

      const issue = async (business: Business, id: string) => {
        const res = await t.call('POST', `/api/v1/customers/${id}/line-link-code`, { token: business.tokens.staff });
        return {
          status: res.status,
          body: (await res.json()) as { code: string; expiresAt: string; error?: { code: string } },
        };
      };

      it('staff get a 6-digit code valid 10 minutes; only its hash is stored', async () => {
        const { status, body } = await issue(a, customerId);
        assert.equal(status, 201);
        assert.match(body.code, /^\d{6}$/);
        assert.equal(body.expiresAt, new Date(now.getTime() + 10 * 60_000).toISOString());
        const rows = await t.test.db.query<{ code_hash: string }>(
          `select code_hash from line_link_codes where tenant_id = $1 and customer_id = $2`,
          [a.tenantId, customerId],
        );
        assert.equal(rows.length, 1);
        assert.ok(!rows[0]!.code_hash.includes(body.code));
      });

      it('the code sent as a LINE message links the sender and records consent, once', async () => {
        const { body } = await issue(a, customerId);
        const sender = 'Uaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
        const res = await postWebhook(t, a.tenantId, webhookBody([textEvent(sender, ` ${body.code} `)]), {
          secret: LINE_SECRET_A,
        });
        assert.equal(res.status, 200);
        const linked = await customer(a, customerId);
        assert.equal(linked.lineUserId, sender);
        assert.deepEqual(await consentHistory(a, customerId), ['granted:line_webhook']);
        // Used once: another LINE user sending the same code links nothing.
        const other = 'Ubbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';
        await postWebhook(t, a.tenantId, webhookBody([textEvent(other, body.code)]), { secret: LINE_SECRET_A });
        assert.equal((await customer(a, customerId)).lineUserId, sender);
        assert.deepEqual((await storedEvents(a)).slice(-2), ['message:linked', 'message:link_code_unknown']);
      });

      it('an expired code links nothing', async () => {
        const other = await t.call('POST', '/api/v1/customers', {
          token: a.tokens.owner,
          body: { familyName: '遅刻' },
        });
        const id = ((await other.json()) as { id: string }).id;
        const { body } = await issue(a, id);
        now = new Date(now.getTime() + 10 * 60_000 + 1);
        await postWebhook(t, a.tenantId, webhookBody([textEvent('Ucccccccccccccccccccccccccccccccc', body.code)]), {
          secret: LINE_SECRET_A,
        });
        assert.equal((await customer(a, id)).lineUserId, null);
      });

      it('A’s code sent to B’s account links nothing in either', async () => {
        const { body } = await issue(a, customerId);
        await postWebhook(t, b.tenantId, webhookBody([textEvent('Udddddddddddddddddddddddddddddddd', body.code)]), {
          secret: LINE_SECRET_B,
        });
        assert.deepEqual((await storedEvents(b)).slice(-1), ['message:link_code_unknown']);
      });

      it('needs LINE to be connected: 409 LINE_NOT_CONFIGURED', async () => {
        const { status, body } = await issue(unconfigured, unconfigured.customerId);
        assert.equal(status, 409);
        assert.equal(body.error?.code, 'LINE_NOT_CONFIGURED');
      });
    });
  });
}
