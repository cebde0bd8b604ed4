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

for (const engine of engines) {
  describe(`the LINE monthly quota on ${engine}: read before sending, email when LINE is used up`, () => {
    let t: TestApp;
    let b: Business;
    let scene: MessagingScene;
    const clock = manualClock(NOON_TOKYO);
    const ids: Record<string, string> = {};

    before(async () => {
      t = await startTestApp(engine, { clock: clock.now });
      b = await seedBusiness(t, 'Quota');
      // A free plan: 200 a month, 198 used, so 2 are left.
      scene = await connectChannels(t, b, {}, { quota: { type: 'limited', value: 200 }, totalUsage: 198 });
      for (const n of [1, 2, 3]) {
        ids[`lineOnly${n}`] = await createCustomer(t, b, {
          name: `線${n}`,
          lineUserId: lineUserIdOf(700 + n),
          line: 'granted',
        });
      }
      ids.both = await createCustomer(t, b, {
        name: '両方',
        lineUserId: lineUserIdOf(710),
        line: 'granted',
        email: 'both@example.com',
        email_: 'granted',
      });
    });
    after(async () => {
      await scene.close();
      await t.close();
    });

    it('sends no more LINE messages than the quota has left; the rest get email or are skipped, saying why', async () => {
      const broadcast = await draftBroadcast(t, b);
      await postJson(t, b.tokens.owner, `/api/v1/broadcasts/${broadcast.id}/schedule`, {}, 200);
      await scene.worker(clock.now).drain();
      assert.equal(scene.line.accepted.length, 2, 'two LINE messages: the quota left');
      const log = await deliveriesOf(t, b, broadcast.id);
      const lineSent = [...log.values()].filter((d) => d.status === 'sent' && d.channel === 'line');
      assert.equal(lineSent.length, 2);
      const both = log.get(ids.both!)!;
      assert.equal(both.status, 'sent', 'the customer with email too always gets a message');
      for (const n of [1, 2, 3]) {
        const d = log.get(ids[`lineOnly${n}`]!)!;
        if (d.status !== 'sent') assert.deepEqual([d.status, d.reason], ['skipped', 'line_quota_exhausted']);
      }
      if (both.channel === 'email') await scene.smtp.waitForMessages(1);
      assert.equal(scene.smtp.received.length, both.channel === 'email' ? 1 : 0);
    });
  });
}
