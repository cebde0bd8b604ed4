import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DESKTOP, PHONE, logIn, newPage, screenshot, startBrowserApp, type BrowserApp } from './support/browserApp.js';

describe('dashboard shell in Chromium', () => {
  let app: BrowserApp;
  before(async () => {
    app = await startBrowserApp();
  });
  after(() => app.close());

  it('refuses a wrong password in Japanese, then logs in and out', async () => {
    const { context, page } = await newPage(app, { viewport: DESKTOP });
    await page.goto('/customers');
    await page.waitForURL(/\/login/);
    await screenshot(page, 'login');
    await page.getByLabel('メールアドレス').fill(app.accounts.owner.email);
    await page.getByLabel('パスワード').fill('wrong password!');
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.getByRole('alert').getByText('メールアドレスまたはパスワードが正しくありません。').waitFor();
    await logIn(page, app.accounts.owner);
    await page.getByRole('link', { name: '顧客' }).waitFor();
    await page.getByRole('button', { name: 'アカウント' }).click();
    await page.getByRole('menuitem', { name: 'ログアウト' }).click();
    await page.waitForURL(/\/login/);
    await context.close();
  });

  it('validates the form before sending', async () => {
    const { context, page } = await newPage(app);
    await page.goto('/login');
    await page.getByLabel('メールアドレス').fill('not an email');
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.getByText('メールアドレスの形式で入力してください').waitFor();
    await context.close();
  });

  it('switches to English and stays in English after a reload', async () => {
    const { context, page } = await newPage(app, { viewport: PHONE });
    await logIn(page, app.accounts.owner);
    await page.getByRole('button', { name: 'メニュー' }).click();
    await page.getByText('English').click();
    await page.getByRole('link', { name: 'Customers' }).waitFor();
    await page.reload();
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('link', { name: 'Checkout' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    await screenshot(page, 'menu-phone-en');
    await context.close();
  });

  it('shows an analyst only the sections their role can use', async () => {
    const { context, page } = await newPage(app);
    await logIn(page, app.accounts.analyst);
    await page.getByRole('link', { name: '顧客' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'お会計' }).count(), 0);
    await context.close();
  });
});
