import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { engines } from '@kayoi/db/testing';
import {
  connectChannels,
  createCustomer,
  deliveriesOf,
  draftBroadcast,
  lineUserIdOf,
  manualClock,
  type MessagingScene,
  NOON_TOKYO,
  postJson,
} from './support/messaging.js';
import { seedBusiness, startTestApp, type Business, type TestApp } from './support/testApp.js';

/*
 * LINE refuses a push for reasons of the account (a revoked access token, a missing
 * permission) or of the recipient (a user ID it does not know). Only the second may stop
 * LINE for that customer: a bad token would otherwise cut every customer off LINE for good.
 */
for (const engine of engines) {
  describe(`LINE refusals on ${engine}: the account's problem or the customer's`, () => {
    let t: TestApp;
    let b: Business;
    let scene: MessagingScene;
    const clock = manualClock(NOON_TOKYO);
    const ids: Record<string, string> = {};

    before(async () => {
      t = await startTestApp(engine, { clock: clock.now });
      b = await seedBusiness(t, 'Refusals');
      scene = await connectChannels(t, b);
      ids.token = await createCustomer(t, b, {
        name: '鍵',
        lineUserId: lineUserIdOf(21),
        line: 'granted',
        tags: ['token'],
      });
      ids.recipient = await createCustomer(t, b, {
        name: '宛先',
        lineUserId: lineUserIdOf(22),
        line: 'granted',
        tags: ['recipient'],
      });
    });
    after(async () => {
      await scene.close();
      await t.close();
    });

    async function send(tag: string) {
      const broadcast = await draftBroadcast(t, b, { tag });
      await postJson(t, b.tokens.owner, `/api/v1/broadcasts/${broadcast.id}/schedule`, {}, 200);
      await scene.worker(clock.now).drain();
      return (await deliveriesOf(t, b, broadcast.id)).get(ids[tag]!)!;
    }

    it('records a refused access token against the account and keeps the customer on LINE', async () => {
      scene.line.inject({
        kind: 'status',
        status: 401,
        body: { message: 'Authentication failed. Confirm that the access token in the authorization header is valid.' },
      });
      const refused = await send('token');
      assert.deepEqual([refused.status, refused.reason], ['failed', 'provider_refused']);
      assert.match(refused.detail ?? '', /^401 Authentication failed/);
      const next = await send('token');
      assert.deepEqual([next.status, next.channel], ['sent', 'line']);
    });

    it('stops LINE for a customer whose user ID LINE refuses', async () => {
      scene.line.inject({
        kind: 'status',
        status: 400,
        body: { message: "The property, 'to', in the request body is invalid (line: -, column: -)" },
      });
      const refused = await send('recipient');
      assert.deepEqual([refused.status, refused.reason], ['failed', 'permanent_failure']);
      const next = await send('recipient');
      assert.deepEqual([next.status, next.reason], ['skipped', 'suppressed']);
    });
  });
}
