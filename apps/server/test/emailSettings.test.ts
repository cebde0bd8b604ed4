import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { engines } from '@kayoi/db/testing';
import { seedBusiness, startTestApp, type Business, type TestApp } from './support/testApp.js';

const PASSWORD_1 = 'smtp-password-one-9f8e7d';
const PASSWORD_2 = 'smtp-password-two-1a2b3c';
const settings = (extra: Record<string, unknown> = {}) => ({
  fromName: 'ヘアサロン通い',
  fromAddress: 'info@salon.example.jp',
  replyTo: 'front@salon.example.jp',
  smtpHost: 'smtp-relay.example.com',
  smtpPort: 587,
  smtpSecurity: 'starttls',
  smtpUsername: 'salon@example.jp',
  smtpPassword: PASSWORD_1,
  ...extra,
});

for (const engine of engines) {
  describe(`email channel settings on ${engine}`, () => {
    let t: TestApp;
    let a: Business;
    let b: Business;
    const put = (business: Business, body: unknown) =>
      t.call('PUT', '/api/v1/channels/email', { token: business.tokens.owner, body });
    const get = async (business: Business) =>
      (await (await t.call('GET', '/api/v1/channels/email', { token: business.tokens.owner })).json()) as Record<
        string,
        unknown
      >;
    before(async () => {
      t = await startTestApp(engine);
      a = await seedBusiness(t, 'EmailSettingsA');
      b = await seedBusiness(t, 'EmailSettingsB');
    });
    after(() => t.close());

    it('answers "not configured" before anything is saved', async () => {
      const body = await get(a);
      assert.equal(body.configured, false);
      assert.deepEqual(body.smtpPassword, { configured: false, masked: null });
    });

    it('stores the settings and never returns the password, only that it is set', async () => {
      const res = await put(a, settings());
      const putText = await res.text();
      assert.equal(res.status, 200, putText);
      const getText = JSON.stringify(await get(a));
      for (const text of [putText, getText]) {
        assert.ok(!text.includes(PASSWORD_1), text);
        const body = JSON.parse(text) as Record<string, unknown>;
        assert.equal(body.configured, true);
        assert.equal(body.fromName, 'ヘアサロン通い');
        assert.equal(body.smtpPort, 587);
        assert.equal(body.smtpSecurity, 'starttls');
        assert.deepEqual(body.smtpPassword, { configured: true, masked: '********' });
      }
      assert.equal((await get(b)).configured, false, 'the other business sees nothing');
    });

    it('keeps the stored password when it is omitted, replaces it when given; audits without it', async () => {
      const { smtpPassword: _omit, ...withoutPassword } = settings({ fromName: '通い 渋谷店' });
      assert.equal((await put(a, withoutPassword)).status, 200);
      const stored = await a.repos.email.settings();
      assert.equal(stored?.smtpPassword, PASSWORD_1);
      assert.equal(stored?.fromName, '通い 渋谷店');
      assert.equal((await put(a, settings({ smtpPassword: PASSWORD_2 }))).status, 200);
      assert.equal((await a.repos.email.settings())?.smtpPassword, PASSWORD_2);

      const res = await t.call('GET', '/api/v1/audit-events?action=channels.email_changed', {
        token: a.tokens.owner,
      });
      const text = await res.text();
      const { items } = JSON.parse(text) as { items: { actorUserId: string; details: Record<string, unknown> }[] };
      assert.equal(items.length, 3);
      assert.equal(items[0]?.actorUserId, a.users.owner);
      assert.deepEqual(
        items.map((i) => i.details.passwordChanged),
        [true, false, true],
      );
      for (const secret of [PASSWORD_1, PASSWORD_2]) assert.ok(!text.includes(secret));
    });

    it('refuses a username without a password, and a password without encryption (422)', async () => {
      const noPassword = await put(b, settings({ smtpPassword: null }));
      assert.equal(noPassword.status, 422);
      assert.equal(
        ((await noPassword.json()) as { error: { code: string } }).error.code,
        'EMAIL_SMTP_PASSWORD_REQUIRED',
      );
      const cleartext = await put(b, settings({ smtpSecurity: 'none' }));
      assert.equal(cleartext.status, 422);
      assert.equal(((await cleartext.json()) as { error: { code: string } }).error.code, 'EMAIL_SMTP_INSECURE_AUTH');
      const relay = await put(
        b,
        settings({ smtpSecurity: 'none', smtpUsername: null, smtpPassword: null, smtpPort: 25 }),
      );
      assert.equal(relay.status, 200, 'a relay without login needs no encryption for a password');
      assert.equal((await b.repos.email.settings())?.smtpPassword, null);
    });

    it('validates shapes: addresses, port, host, line breaks in the sender name', async () => {
      const res = await put(
        a,
        settings({ fromAddress: 'not-mail', smtpPort: 70000, smtpHost: 'bad host', fromName: 'x\r\nBcc: y@z.jp' }),
      );
      assert.equal(res.status, 400);
      const { error } = (await res.json()) as { error: { code: string; details: { issues: { path: string }[] } } };
      assert.equal(error.code, 'VALIDATION_FAILED');
      assert.deepEqual(error.details.issues.map((i) => i.path).sort(), [
        'fromAddress',
        'fromName',
        'smtpHost',
        'smtpPort',
      ]);
    });

    it('is the owner’s alone: 403 for manager, staff and analyst; 401 without a session', async () => {
      for (const role of ['manager', 'staff', 'analyst'] as const) {
        const getRes = await t.call('GET', '/api/v1/channels/email', { token: a.tokens[role] });
        const putRes = await t.call('PUT', '/api/v1/channels/email', { token: a.tokens[role], body: settings() });
        assert.deepEqual([getRes.status, putRes.status], [403, 403], role);
      }
      assert.equal((await t.call('GET', '/api/v1/channels/email')).status, 401);
    });
  });
}
