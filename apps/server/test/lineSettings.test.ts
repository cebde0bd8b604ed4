import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { engines } from '@kayoi/db/testing';
import { seedBusiness, startTestApp, type Business, type TestApp } from './support/testApp.js';
import { LINE_SECRET_A, LINE_SECRET_B, LINE_TOKEN, lineSettings } from './support/line.js';

for (const engine of engines) {
  describe(`LINE channel settings on ${engine}`, () => {
    let t: TestApp;
    let a: Business;
    before(async () => {
      t = await startTestApp(engine);
      a = await seedBusiness(t, 'LineSettings');
    });
    after(() => t.close());

    it('answers "not configured" before anything is saved', async () => {
      const res = await t.call('GET', '/api/v1/channels/line', { token: a.tokens.owner });
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), {
        configured: false,
        channelId: null,
        channelSecretLast4: null,
        channelAccessTokenLast4: null,
        updatedAt: null,
      });
    });

    it('never returns the secret or the token, only their last 4 characters', async () => {
      const put = await t.call('PUT', '/api/v1/channels/line', {
        token: a.tokens.owner,
        body: lineSettings(LINE_SECRET_A),
      });
      const putText = await put.text();
      assert.equal(put.status, 200, putText);
      const get = await t.call('GET', '/api/v1/channels/line', { token: a.tokens.owner });
      const getText = await get.text();
      for (const text of [putText, getText]) {
        assert.ok(!text.includes(LINE_SECRET_A) && !text.includes(LINE_TOKEN), text);
        const body = JSON.parse(text) as Record<string, unknown>;
        assert.equal(body.configured, true);
        assert.equal(body.channelId, '1650000000');
        assert.equal(body.channelSecretLast4, 'cdef');
        assert.equal(body.channelAccessTokenLast4, 'WXYZ');
      }
    });

    it('audits each change without the credentials', async () => {
      await t.call('PUT', '/api/v1/channels/line', { token: a.tokens.owner, body: lineSettings(LINE_SECRET_B) });
      const res = await t.call('GET', '/api/v1/audit-events?action=channels.line_changed', { token: a.tokens.owner });
      const text = await res.text();
      const { items } = JSON.parse(text) as { items: { actorUserId: string; details: Record<string, unknown> }[] };
      assert.equal(items.length, 2);
      assert.equal(items[0]?.actorUserId, a.users.owner);
      assert.deepEqual(
        items.map((i) => [i.details.secretChanged, i.details.accessTokenChanged]),
        [
          [true, false],
          [true, true],
        ],
      );
      for (const secret of [LINE_SECRET_A, LINE_SECRET_B, LINE_TOKEN]) assert.ok(!text.includes(secret));
    });

    it('is the owner’s alone: 403 for manager, staff and analyst', async () => {
      for (const role of ['manager', 'staff', 'analyst'] as const) {
        const get = await t.call('GET', '/api/v1/channels/line', { token: a.tokens[role] });
        const put = await t.call('PUT', '/api/v1/channels/line', {
          token: a.tokens[role],
          body: lineSettings(LINE_SECRET_A),
        });
        assert.deepEqual([get.status, put.status], [403, 403], role);
      }
      const anonymous = await t.call('GET', '/api/v1/channels/line');
      assert.equal(anonymous.status, 401);
    });

    it('validates the credentials’ shape', async () => {
      const res = await t.call('PUT', '/api/v1/channels/line', {
        token: a.tokens.owner,
        body: { channelId: 'abc', channelSecret: 'short', channelAccessToken: 'has spaces in it, and is long' },
      });
      assert.equal(res.status, 400);
      const { error } = (await res.json()) as { error: { code: string; details: { issues: { path: string }[] } } };
      assert.equal(error.code, 'VALIDATION_FAILED');
      assert.deepEqual(error.details.issues.map((i) => i.path).sort(), [
        'channelAccessToken',
        'channelId',
        'channelSecret',
      ]);
    });
  });
}
