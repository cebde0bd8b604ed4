import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Broadcast } from '@kayoi/contracts';
import { engines } from '@kayoi/db/testing';
import {
  connectChannels,
  createCustomer,
  deliveriesOf,
  draftBroadcast,
  getJson,
  lineUserIdOf,
  manualClock,
  type MessagingScene,
  NOON_TOKYO,
  postJson,
  PUBLIC_URL,
} from './support/messaging.js';
import { seedBusiness, startTestApp, type Business, type TestApp } from './support/testApp.js';

for (const engine of engines) {
  describe(`broadcast delivery on ${engine}: consent, channel order, failures, exactly one message each`, () => {
    let t: TestApp;
    let b: Business;
    let scene: MessagingScene;
    const clock = manualClock(NOON_TOKYO);
    const ids: Record<string, string> = {};
    let broadcast: Broadcast;

    before(async () => {
      t = await startTestApp(engine, { clock: clock.now });
      b = await seedBusiness(t, 'Sender');
      scene = await connectChannels(t, b, {
        rcptReplies: {
          'bounce@example.com': { code: 550, message: 'No such user' },
          'later@example.com': { code: 451, message: 'Try again later' },
        },
      });
      ids.lineOnly = await createCustomer(t, b, { name: '線', lineUserId: lineUserIdOf(1), line: 'granted' });
      ids.both = await createCustomer(t, b, {
        name: '両方',
        lineUserId: lineUserIdOf(2),
        line: 'granted',
        email: 'both@example.com',
        email_: 'granted',
      });
      ids.lineWithdrawn = await createCustomer(t, b, {
        name: '退会',
        lineUserId: lineUserIdOf(3),
        line: 'withdrawn',
        email: 'fallback@example.com',
        email_: 'granted',
      });
      ids.emailOnly = await createCustomer(t, b, { name: '手紙', email: 'mail@example.com', email_: 'granted' });
      ids.noConsent = await createCustomer(t, b, {
        name: '未同意',
        email: 'silent@example.com',
        lineUserId: lineUserIdOf(4),
      });
      ids.emailWithdrawn = await createCustomer(t, b, { name: '停止', email: 'stop@example.com', email_: 'withdrawn' });
      ids.bounce = await createCustomer(t, b, { name: '不達', email: 'bounce@example.com', email_: 'granted' });
      ids.later = await createCustomer(t, b, { name: '一時', email: 'later@example.com', email_: 'granted' });
      ids.notTagged = await createCustomer(t, b, {
        name: '対象外',
        email: 'other@example.com',
        email_: 'granted',
        tags: ['spring'],
      });
      broadcast = await draftBroadcast(t, b);
      await postJson(t, b.tokens.owner, `/api/v1/broadcasts/${broadcast.id}/schedule`, {}, 200);
      await scene.worker(clock.now).drain();
      await scene.smtp.waitForMessages(2);
    });
    after(async () => {
      await scene.close();
      await t.close();
    });

    it('sends on the first consented channel in the order LINE, then email, and to nobody else', async () => {
      const log = await deliveriesOf(t, b, broadcast.id);
      assert.equal(log.size, 8, 'one row per segment member, the untagged customer not among them');
      assert.equal(log.get(ids.notTagged!), undefined);
      const sent = (key: string) => log.get(ids[key]!)!;
      assert.deepEqual([sent('lineOnly').status, sent('lineOnly').channel], ['sent', 'line']);
      assert.deepEqual([sent('both').status, sent('both').channel], ['sent', 'line']);
      assert.deepEqual([sent('lineWithdrawn').status, sent('lineWithdrawn').channel], ['sent', 'email']);
      assert.deepEqual([sent('emailOnly').status, sent('emailOnly').channel], ['sent', 'email']);
      for (const key of ['noConsent', 'emailWithdrawn']) {
        assert.deepEqual([sent(key).status, sent(key).reason], ['skipped', 'no_consented_channel'], key);
      }
      const lineTo = scene.line.accepted.flatMap((s) => s.to).sort();
      assert.deepEqual(lineTo, [lineUserIdOf(1), lineUserIdOf(2)]);
      const mailTo = scene.smtp.received.map((m) => m.rcptTo.join()).sort();
      assert.deepEqual(mailTo, ['fallback@example.com', 'mail@example.com']);
    });

    it("renders each customer's own message, with a tracked link and a way to stop", async () => {
      const push = scene.line.accepted.find((s) => s.to[0] === lineUserIdOf(1))!;
      const text = (push.messages[0] as { text: string }).text;
      assert.match(text, /^線様、秋のメニューです https:\/\/salon\.example\.jp\/r\/[0-9a-f-]{36}\/[A-Za-z0-9_-]{22}$/);
      const mail = scene.smtp.received.find((m) => m.rcptTo.includes('mail@example.com'))!;
      assert.equal(mail.parsed.subject, '手紙様へ秋のご案内');
      assert.match(mail.raw, /^List-Unsubscribe:\s+<https:\/\/salon\.example\.jp\/u\/[^>]+>/m);
      assert.match(mail.raw, /^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
      assert.match(String(mail.parsed.html), /今後のメール配信を希望されない方はこちら/);
      assert.match(String(mail.parsed.text), /https:\/\/salon\.example\.jp\/u\/\S+/);
      // The tracked link redirects to the link as written (the &amp; of the HTML undone) and counts the click.
      const tracked = String(mail.parsed.html).match(/href="(https:\/\/salon\.example\.jp\/r\/[^"]+)"/)![1]!;
      const res = await t.call('GET', tracked.slice(PUBLIC_URL.length));
      assert.equal(res.status, 302);
      assert.equal(res.headers.get('location'), 'https://salon.example.jp/menu?a=1&b=2');
      const log = await deliveriesOf(t, b, broadcast.id);
      assert.equal(log.get(ids.emailOnly!)!.clicks, 1);
      const unknown = await t.call('GET', `/r/${b.tenantId}/AAAAAAAAAAAAAAAAAAAAAA`);
      assert.equal(unknown.status, 404);
    });

    it('records a bounce as a permanent failure and never tries that address again', async () => {
      const log = await deliveriesOf(t, b, broadcast.id);
      const bounce = log.get(ids.bounce!)!;
      assert.deepEqual([bounce.status, bounce.reason, bounce.attempts], ['failed', 'permanent_failure', 1]);
      assert.match(bounce.detail ?? '', /550/);
      const second = await draftBroadcast(t, b, { name: 'second' });
      await postJson(t, b.tokens.owner, `/api/v1/broadcasts/${second.id}/schedule`, {}, 200);
      clock.advance(8 * 86_400_000); // a week later: the frequency cap is not what stops it
      await scene.worker(clock.now).drain();
      const again = (await deliveriesOf(t, b, second.id)).get(ids.bounce!)!;
      assert.deepEqual([again.status, again.reason], ['skipped', 'suppressed']);
      assert.equal(scene.smtp.received.filter((m) => m.rcptTo.includes('bounce@example.com')).length, 0);
    });

    it('retries a transient failure with backoff and gives up after five attempts', async () => {
      const first = (await deliveriesOf(t, b, broadcast.id)).get(ids.later!)!;
      // The first drain tried once; the retry waits a minute, then 4, 16, 64 minutes.
      assert.ok(first.status === 'queued' || first.status === 'failed', JSON.stringify(first));
      assert.match(first.detail ?? '', /451/);
      for (let i = 0; i < 6; i++) {
        clock.advance(65 * 60_000);
        await scene.worker(clock.now).drain();
      }
      const last = (await deliveriesOf(t, b, broadcast.id)).get(ids.later!)!;
      assert.deepEqual([last.status, last.reason, last.attempts], ['failed', 'transient_failure_exhausted', 5]);
      assert.match(last.detail ?? '', /451/);
      const view = await getJson<Broadcast>(t, b.tokens.owner, `/api/v1/broadcasts/${broadcast.id}`);
      assert.equal(view.status, 'sent');
      assert.equal(view.counts.sent, 4);
    });

    it("shows the messages on the customer's karte, newest first", async () => {
      const page = await getJson<{ items: { campaignName: string; status: string }[] }>(
        t,
        b.tokens.staff,
        `/api/v1/customers/${ids.both}/deliveries`,
      );
      assert.deepEqual(
        page.items.map((d) => d.status),
        ['sent', 'sent'],
      );
      assert.equal(page.items[0]!.campaignName, 'second');
    });

    it('sends each recipient exactly one message per broadcast, however often the workers run', async () => {
      for (let i = 0; i < 3; i++) await scene.worker(clock.now).drain();
      const perUser = new Map<string, number>();
      for (const s of scene.line.accepted) for (const to of s.to) perUser.set(to, (perUser.get(to) ?? 0) + 1);
      // Two broadcasts, so two each.
      assert.deepEqual([...perUser.values()], [2, 2]);
      const keys = scene.line.accepted.map((s) => s.retryKey);
      assert.equal(new Set(keys).size, keys.length, 'one retry key per (broadcast, customer)');
    });
  });
}
