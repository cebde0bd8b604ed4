import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { WebhookCall, WebhookEndpoint } from '@kayoi/contracts';
import { checkWebhookSignature } from '@kayoi/core';
import { engines } from '@kayoi/db/testing';
import {
  connectChannels,
  createCustomer,
  draftBroadcast,
  getJson,
  lineUserIdOf,
  manualClock,
  type MessagingScene,
  NOON_TOKYO,
  postJson,
} from './support/messaging.js';
import { seedBusiness, startTestApp, type Business, type TestApp } from './support/testApp.js';

interface Received {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A receiver as a business would write one: it answers with the scripted statuses in turn, then 200. */
async function startReceiver(): Promise<{
  url: string;
  received: Received[];
  script: number[];
  close(): Promise<void>;
}> {
  const received: Received[] = [];
  const script: number[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(script.shift() ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/kayoi`,
    received,
    script,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

for (const engine of engines) {
  describe(`outgoing webhooks on ${engine}: signed, retried, logged`, () => {
    let t: TestApp;
    let b: Business;
    let scene: MessagingScene;
    let receiver: Awaited<ReturnType<typeof startReceiver>>;
    let endpoint: WebhookEndpoint;
    const clock = manualClock(NOON_TOKYO);

    before(async () => {
      t = await startTestApp(engine, { clock: clock.now });
      b = await seedBusiness(t, 'Hooks');
      scene = await connectChannels(t, b);
      receiver = await startReceiver();
      endpoint = await postJson<WebhookEndpoint>(t, b.tokens.owner, '/api/v1/webhooks', {
        url: receiver.url,
        description: '基幹システム',
        events: ['message.sent', 'message.failed', 'webhook.test'],
      });
    });
    after(async () => {
      await scene.close();
      await receiver.close();
      await t.close();
    });

    it('shows the signing secret once, at creation, and refuses plain http to another host', async () => {
      assert.match(endpoint.secret ?? '', /^whsec_[A-Za-z0-9_-]{43}$/);
      const list = await getJson<{ items: WebhookEndpoint[] }>(t, b.tokens.owner, '/api/v1/webhooks');
      assert.ok(list.items.every((e) => e.secret === undefined));
      assert.ok(!JSON.stringify(list).includes(endpoint.secret!));
      const bad = await t.call('POST', '/api/v1/webhooks', {
        token: b.tokens.owner,
        body: { url: 'http://example.jp/hook', events: ['message.sent'] },
      });
      assert.equal(bad.status, 400);
      const manager = await t.call('GET', '/api/v1/webhooks', { token: b.tokens.manager });
      assert.equal(manager.status, 403);
    });

    it('sends a test event the receiver can verify with the secret', async () => {
      const res = await t.call('POST', `/api/v1/webhooks/${endpoint.id}/test`, { token: b.tokens.owner });
      assert.equal(res.status, 202);
      await scene.worker(clock.now).drain();
      assert.equal(receiver.received.length, 1);
      const call = receiver.received[0]!;
      const now = Math.floor(Date.now() / 1000);
      assert.equal(
        checkWebhookSignature(endpoint.secret!, String(call.headers['kayoi-signature']), call.body, now),
        true,
      );
      assert.equal(
        checkWebhookSignature('whsec_wrong', String(call.headers['kayoi-signature']), call.body, now),
        false,
      );
      assert.equal(
        checkWebhookSignature(endpoint.secret!, String(call.headers['kayoi-signature']), `${call.body} `, now),
        false,
      );
      const body = JSON.parse(call.body) as { id: string; type: string; tenantId: string };
      assert.equal(body.type, 'webhook.test');
      assert.equal(call.headers['kayoi-event-id'], body.id);
      assert.equal(body.tenantId, b.tenantId);
    });

    it('reports each message sent, retrying a receiver that failed with the same event and body', async () => {
      const customers = [
        await createCustomer(t, b, { name: '一', lineUserId: lineUserIdOf(91), line: 'granted' }),
        await createCustomer(t, b, { name: '二', email: 'two@example.com', email_: 'granted' }),
      ];
      receiver.script.push(500, 500);
      const broadcast = await draftBroadcast(t, b);
      await postJson(t, b.tokens.owner, `/api/v1/broadcasts/${broadcast.id}/schedule`, {}, 200);
      await scene.worker(clock.now).drain();
      // Both events were tried once and refused with 500; they wait a minute.
      assert.equal(receiver.received.length, 3);
      clock.advance(61_000);
      await scene.worker(clock.now).drain();
      const events = receiver.received
        .slice(1)
        .map((r) => JSON.parse(r.body) as { id: string; type: string; data: { customerId: string; channel: string } });
      assert.equal(events.length, 4);
      const firstTry = events
        .slice(0, 2)
        .map((e) => e.id)
        .sort();
      const retry = events
        .slice(2)
        .map((e) => e.id)
        .sort();
      assert.deepEqual(retry, firstTry, 'the retries repeat the same events');
      assert.deepEqual(
        receiver.received
          .slice(3)
          .map((r) => r.body)
          .sort(),
        receiver.received
          .slice(1, 3)
          .map((r) => r.body)
          .sort(),
      );
      assert.deepEqual(
        events
          .slice(2)
          .map((e) => e.data.customerId)
          .sort(),
        [...customers].sort(),
      );
      assert.ok(events.every((e) => e.type === 'message.sent'));
      const calls = await getJson<{ items: WebhookCall[] }>(t, b.tokens.owner, `/api/v1/webhooks/${endpoint.id}/calls`);
      const sent = calls.items.filter((c) => c.eventType === 'message.sent');
      assert.deepEqual(
        sent.map((c) => [c.status, c.attempts, c.responseStatus]),
        [
          ['sent', 2, 200],
          ['sent', 2, 200],
        ],
      );
    });

    it('gives up at once on a 4xx answer and keeps the answer in the log', async () => {
      receiver.script.push(410);
      await t.call('POST', `/api/v1/webhooks/${endpoint.id}/test`, { token: b.tokens.owner });
      await scene.worker(clock.now).drain();
      clock.advance(3_600_000);
      const before = receiver.received.length;
      await scene.worker(clock.now).drain();
      assert.equal(receiver.received.length, before, 'not tried again');
      const calls = await getJson<{ items: WebhookCall[] }>(t, b.tokens.owner, `/api/v1/webhooks/${endpoint.id}/calls`);
      assert.deepEqual(
        [calls.items[0]!.status, calls.items[0]!.responseStatus, calls.items[0]!.lastError],
        ['failed', 410, 'HTTP 410'],
      );
    });

    it('stops calling a switched-off endpoint', async () => {
      const off = await t.call('PATCH', `/api/v1/webhooks/${endpoint.id}`, {
        token: b.tokens.owner,
        body: { active: false },
      });
      assert.equal(off.status, 200);
      await createCustomer(t, b, { name: '三', lineUserId: lineUserIdOf(93), line: 'granted', tags: ['winter'] });
      const broadcast = await draftBroadcast(t, b, { tag: 'winter' });
      await postJson(t, b.tokens.owner, `/api/v1/broadcasts/${broadcast.id}/schedule`, {}, 200);
      const before = receiver.received.length;
      await scene.worker(clock.now).drain();
      assert.equal(receiver.received.length, before);
    });
  });
}
