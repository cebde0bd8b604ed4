import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { EmailSettings, LineSettings } from '@kayoi/contracts';
import { DESKTOP, PHONE, logIn, newPage, screenshot, startBrowserApp, type BrowserApp } from './support/browserApp.js';
import { localeKeysOf } from './support/localeKeys.js';
import { eventually, getJson } from './support/polling.js';

const CHANNEL_SECRET = '0123456789abcdef0123456789abcdef';
const ACCESS_TOKEN = 'kayoiTestAccessToken/abcdefghijklmnop+0123456789=';
const SMTP_PASSWORD = 'app-password-for-smtp-0429';

describe('LINE and email settings in Chromium', () => {
  let app: BrowserApp;
  before(async () => {
    app = await startBrowserApp();
  });
  after(() => app.close());

  it('keeps the Japanese and English settings texts in step', () => {
    const keys = (file: string) => localeKeysOf(new URL(`../src/features/settings/locales/${file}`, import.meta.url));
    assert.deepEqual(keys('en.json'), keys('ja.json'));
  });

  it('an owner connects LINE: webhook URL to copy, secrets checked before sending and never shown again', async () => {
    const { context, page } = await newPage(app, { viewport: DESKTOP });
    await logIn(page, app.accounts.owner);
    await page.goto('/settings');
    await page.getByRole('tab', { name: 'LINE' }).click();
    await page.waitForURL(/\/settings\/line$/);
    const status = page.getByRole('table', { name: '接続状態' });
    await status
      .getByRole('row', { name: /チャネルシークレット/ })
      .getByText('未設定')
      .waitFor();
    await status
      .getByRole('row', { name: /チャネルアクセストークン/ })
      .getByText('未設定')
      .waitFor();
    await status.getByText('未接続').waitFor();

    const webhook = page.getByLabel('Webhook URL');
    assert.equal(await webhook.inputValue(), `${app.url}/api/v1/line/webhook/${app.tenantId}`);
    await page.getByRole('button', { name: 'コピー' }).waitFor();

    await page.getByLabel('チャネル ID').fill('1654321098');
    await page.getByLabel('チャネルシークレット').fill('not-a-secret');
    await page.getByLabel('チャネルアクセストークン（長期）').fill(ACCESS_TOKEN);
    await page.getByRole('button', { name: '接続を保存' }).click();
    await page.getByText('形式が正しくありません').waitFor();
    assert.equal((await getJson<LineSettings>(page, '/channels/line')).configured, false, 'nothing was sent');

    await page.getByLabel('チャネルシークレット').fill(CHANNEL_SECRET);
    await page.getByRole('button', { name: '接続を保存' }).click();
    await page.getByText('保存しました').last().waitFor();
    await status.getByText('接続済み').waitFor();
    await status
      .getByRole('row', { name: /チャネルシークレット/ })
      .getByText('設定済み')
      .waitFor();
    await status
      .getByRole('row', { name: /チャネルアクセストークン/ })
      .getByText('設定済み')
      .waitFor();
    await status.getByRole('cell', { name: '1654321098' }).waitFor();
    const saved = await getJson<LineSettings>(page, '/channels/line');
    assert.equal(saved.channelId, '1654321098');
    assert.equal(saved.channelSecretLast4, CHANNEL_SECRET.slice(-4));
    // The form starts empty again, and the secrets are nowhere on the page.
    assert.equal(await page.getByLabel('チャネル ID').inputValue(), '1654321098');
    assert.equal(await page.getByLabel('チャネルシークレット').inputValue(), '');
    assert.equal(await page.getByLabel('チャネルアクセストークン（長期）').inputValue(), '');
    const html = await page.content();
    assert.ok(!html.includes(CHANNEL_SECRET) && !html.includes(ACCESS_TOKEN), 'no secret in the page');
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, 'settings-line');
    await context.close();
  });

  it('an owner sets the sender and SMTP relay; the password is write-only and kept when left empty', async () => {
    const { context, page } = await newPage(app, { viewport: DESKTOP });
    await logIn(page, app.accounts.owner);
    await page.goto('/settings/line');
    await page.getByRole('tab', { name: 'メール' }).click();
    await page.waitForURL(/\/settings\/email$/);
    const status = page.getByRole('table', { name: '設定状態' });
    await status
      .getByRole('row', { name: /SMTP パスワード/ })
      .getByText('未設定')
      .waitFor();

    await page.getByLabel('送信者名').fill('デモサロン 通い');
    await page.getByLabel('送信元アドレス').fill('not an address');
    await page.getByLabel('ホスト名').fill('smtp.salon.example');
    await page.getByLabel('SMTP パスワード').fill(SMTP_PASSWORD);
    await page.getByLabel('ユーザー名（任意）').fill('mailer@salon.example');
    await page.getByRole('button', { name: 'メール設定を保存' }).click();
    await page.getByText('メールアドレスの形式で入力してください').waitFor();
    assert.equal((await getJson<EmailSettings>(page, '/channels/email')).configured, false, 'nothing was sent');

    await page.getByLabel('送信元アドレス').fill('info@salon.example');
    await page.getByLabel('返信先アドレス（任意）').fill('reply@salon.example');
    await page.getByRole('button', { name: 'メール設定を保存' }).click();
    await page.getByText('保存しました').last().waitFor();
    await status
      .getByRole('row', { name: /SMTP パスワード/ })
      .getByText('設定済み')
      .waitFor();
    const saved = await getJson<EmailSettings>(page, '/channels/email');
    assert.deepEqual(
      {
        fromName: saved.fromName,
        fromAddress: saved.fromAddress,
        replyTo: saved.replyTo,
        smtpHost: saved.smtpHost,
        smtpPort: saved.smtpPort,
        smtpSecurity: saved.smtpSecurity,
        smtpUsername: saved.smtpUsername,
        password: saved.smtpPassword.configured,
      },
      {
        fromName: 'デモサロン 通い',
        fromAddress: 'info@salon.example',
        replyTo: 'reply@salon.example',
        smtpHost: 'smtp.salon.example',
        smtpPort: 587,
        smtpSecurity: 'starttls',
        smtpUsername: 'mailer@salon.example',
        password: true,
      },
    );
    await page.getByText('空欄のままなら保存済みのパスワードを使います。').waitFor();
    assert.equal(await page.getByLabel('SMTP パスワード').inputValue(), '');
    assert.ok(!(await page.content()).includes(SMTP_PASSWORD), 'the password is nowhere on the page');
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, 'settings-email');

    // Saved again without typing the password: the stored one stays.
    await page.getByLabel('ポート').fill('465');
    await page.getByLabel('暗号化').selectOption('tls');
    await page.getByRole('button', { name: 'メール設定を保存' }).click();
    await eventually(
      'the port to be saved',
      async () => (await getJson<EmailSettings>(page, '/channels/email')).smtpPort === 465,
    );
    await status
      .getByRole('row', { name: /SMTP パスワード/ })
      .getByText('設定済み')
      .waitFor();
    const kept = await getJson<EmailSettings>(page, '/channels/email');
    assert.equal(kept.smtpPort, 465);
    assert.equal(kept.smtpSecurity, 'tls');
    assert.equal(kept.smtpPassword.configured, true);

    // The server's own refusal (a password over an unencrypted connection) is shown as it says it.
    const refusal = await page.request.put('/api/v1/channels/email', {
      data: {
        fromName: 'デモサロン 通い',
        fromAddress: 'info@salon.example',
        smtpHost: 'smtp.salon.example',
        smtpPort: 25,
        smtpSecurity: 'none',
        smtpUsername: 'mailer@salon.example',
      },
      headers: { 'accept-language': 'ja' },
    });
    assert.equal(refusal.status(), 422);
    const { error } = (await refusal.json()) as { error: { code: string; message: string } };
    assert.equal(error.code, 'EMAIL_SMTP_INSECURE_AUTH');
    await page.getByLabel('暗号化').selectOption('none');
    await page.getByRole('button', { name: 'メール設定を保存' }).click();
    await page.getByRole('alert').getByText(error.message).waitFor();
    assert.equal((await getJson<EmailSettings>(page, '/channels/email')).smtpSecurity, 'tls', 'nothing changed');
    await context.close();
  });

  it('speaks English and fits a phone', async () => {
    const { context, page } = await newPage(app, { viewport: PHONE });
    await context.addInitScript({ content: "localStorage.setItem('kayoi.language', 'en')" });
    await logIn(page, app.accounts.owner);
    await page.goto('/settings/line');
    await page.getByRole('heading', { name: 'LINE', level: 3 }).waitFor();
    const status = page.getByRole('table', { name: 'Connection' });
    await status
      .getByRole('row', { name: /Channel secret/ })
      .getByText('Set', { exact: true })
      .waitFor();
    await page.getByLabel('Webhook URL').waitFor();
    assert.ok((await page.evaluate<number>('document.documentElement.scrollWidth')) <= PHONE.width);
    await page.getByRole('combobox', { name: 'Settings pages' }).selectOption({ label: 'Email' });
    await page.waitForURL(/\/settings\/email$/);
    await page.getByLabel('Sender address').waitFor();
    await page.getByRole('table', { name: 'Status' }).getByText('Configured', { exact: true }).waitFor();
    assert.ok((await page.evaluate<number>('document.documentElement.scrollWidth')) <= PHONE.width);
    await context.close();
  });

  it('shows the LINE and email pages to the owner only', async () => {
    for (const role of ['manager', 'staff', 'analyst'] as const) {
      const { context, page } = await newPage(app);
      await logIn(page, app.accounts[role]);
      await page.goto('/settings/stores');
      await page.getByRole('tab', { name: '店舗' }).waitFor();
      const tabs = await page.getByRole('tab').allInnerTexts();
      assert.ok(!tabs.includes('LINE') && !tabs.includes('メール'), `${role} tabs: ${tabs.join(', ')}`);
      for (const path of ['line', 'email']) {
        await page.goto(`/settings/${path}`);
        await page.getByText('この画面は表示できません').waitFor();
        assert.equal(await page.getByRole('table').count(), 0, `${role} sees no ${path} settings`);
        const api = await page.request.get(`/api/v1/channels/${path}`);
        assert.equal(api.status(), 403, `the API refuses ${role} too`);
      }
      await context.close();
    }
  });
});
