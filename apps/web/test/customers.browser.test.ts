import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Customer, TimelineEntry, Visit } from '@kayoi/contracts';
import type { Page } from 'playwright-core';
import { DESKTOP, PHONE, logIn, newPage, screenshot, startBrowserApp, type BrowserApp } from './support/browserApp.js';
import { localeKeysOf } from './support/localeKeys.js';
import { eventually, getJson } from './support/polling.js';

/** "09014959204" → "1495-9204": what both the formatted and the masked number end with. */
const lastDigits = (phone: string) => phone.slice(-4);
const digits = (text: string) => text.replace(/[^\d]/g, '');

/**
 * A regular with a phone, a kana reading and visits, picked from the demo salon through the
 * API rather than hard-coded, so the test does not depend on how the demo names people.
 */
async function aRegular(page: Page): Promise<{ customer: Customer; visit: Visit }> {
  const { items } = await getJson<{ items: Customer[] }>(page, '/customers?sort=visitCount&limit=50');
  const customer = items.find((c) => c.phone && c.familyNameKana && c.givenNameKana && c.familyName);
  assert.ok(customer, 'the demo salon has a regular with a phone and a kana reading');
  const timeline = await getJson<{ items: TimelineEntry[] }>(page, `/customers/${customer.id}/timeline?limit=5`);
  const visit = timeline.items.find((e) => e.visit && e.visit.items.length > 0)?.visit;
  assert.ok(visit, 'the regular has a visit with line items');
  return { customer, visit };
}

const nameOf = (c: Customer) => `${c.familyName} ${c.givenName}`;

describe('customers and the karte in Chromium', () => {
  let app: BrowserApp;
  before(async () => {
    app = await startBrowserApp();
  });
  after(() => app.close());

  it('keeps the Japanese and English texts in step', () => {
    const keys = (file: string) => localeKeysOf(new URL(`../src/features/customers/locales/${file}`, import.meta.url));
    assert.deepEqual(keys('en.json'), keys('ja.json'));
  });

  it('finds a customer by kana and by phone, and opens the karte from the keyboard', async () => {
    const { context, page } = await newPage(app, { viewport: DESKTOP });
    await logIn(page, app.accounts.owner);
    const { customer, visit } = await aRegular(page);
    const table = page.getByRole('table', { name: '顧客一覧' });
    await table.getByRole('row').nth(10).waitFor();
    await screenshot(page, 'customers-list');

    const search = page.getByRole('searchbox', { name: '検索' });
    await search.fill(`${customer.familyNameKana} ${customer.givenNameKana}`);
    await table.getByRole('row', { name: new RegExp(nameOf(customer)) }).waitFor();
    await eventually('only kana matches', async () =>
      (await table.getByRole('row').allInnerTexts())
        .slice(1)
        .every((row) => row.includes(customer.familyNameKana ?? '')),
    );

    await search.fill('');
    await eventually('the full list again', async () => (await table.getByRole('row').count()) > 20);
    const phone = customer.phone ?? '';
    await search.fill(`${phone.slice(0, 3)}-${phone.slice(3, 7)}-${phone.slice(7)}`);
    await eventually('one row for the phone number', async () => (await table.getByRole('row').count()) === 2);
    const row = table.getByRole('row', { name: new RegExp(nameOf(customer)) });
    assert.ok(digits(await row.innerText()).includes(phone), 'the owner sees the whole number');

    await row.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/customers/${customer.id}$`));
    await page.getByRole('heading', { level: 2, name: nameOf(customer), exact: true }).waitFor();
    const history = page.getByRole('region', { name: '履歴', exact: true });
    const item = visit.items[0];
    assert.ok(item);
    const line = history.getByRole('listitem').filter({ hasText: item.name }).first();
    await line.waitFor();
    assert.ok(digits(await line.innerText()).endsWith(String(item.amount)), 'the line shows its yen amount');
    assert.match(await history.innerText(), new RegExp(`[¥￥]${item.amount.toLocaleString('en-US')}`));
    await screenshot(page, 'customer-karte');

    // A regular's history is longer than one page: older visits come on request.
    const visits = history.locator('[data-visit]');
    const firstPage = await visits.count();
    await history.getByRole('button', { name: 'さらに表示' }).click();
    await eventually('older visits', async () => (await visits.count()) > firstPage);

    // Back to the list as it was left.
    await page.getByRole('link', { name: '顧客一覧へ戻る' }).click();
    assert.equal(digits(await page.getByRole('searchbox', { name: '検索' }).inputValue()), phone);
    await context.close();
  });

  it('registers a customer after checking the form, edits it and records LINE consent', async () => {
    const { context, page } = await newPage(app, { viewport: DESKTOP });
    await logIn(page, app.accounts.owner);
    let posts = 0;
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/v1/customers')) posts++;
    });
    await page.getByRole('button', { name: '新規顧客' }).click();
    const form = page.getByRole('dialog', { name: '新規顧客の登録' });
    await form.getByRole('button', { name: '登録する' }).click();
    await form.getByText('氏名・フリガナ・連絡先・顧客番号のいずれかを入力してください').waitFor();
    await form.getByLabel('姓', { exact: true }).fill('通井');
    await form.getByLabel('メールアドレス').fill('hanako@');
    await form.getByRole('button', { name: '登録する' }).click();
    await form.getByText('メールアドレスの形式で入力してください').waitFor();
    await screenshot(page, 'customer-form');
    assert.equal(posts, 0, 'nothing is sent while the form is invalid');

    await form.getByLabel('名', { exact: true }).fill('花子');
    await form.getByLabel('セイ（フリガナ）').fill('カヨイ');
    await form.getByLabel('メイ（フリガナ）').fill('ハナコ');
    await form.getByLabel('電話番号').fill('090-1111-2222');
    await form.getByLabel('メールアドレス').fill('hanako@example.com');
    await form.getByLabel('髪質').click();
    await page.getByRole('option', { name: 'くせ毛' }).click();
    await form.getByLabel('タグ').fill('新規');
    await form.getByLabel('タグ').press('Enter');
    await form.getByRole('button', { name: '登録する' }).click();
    await page.waitForURL(/\/customers\/[0-9a-f-]{36}$/);
    assert.equal(posts, 1);
    await page.getByRole('heading', { level: 2, name: '通井 花子', exact: true }).waitFor();
    const profile = page.getByRole('region', { name: 'プロフィール' });
    await profile.getByText('090-1111-2222').waitFor();
    await page.getByRole('region', { name: 'カルテ項目' }).getByText('くせ毛').waitFor();

    await page.getByRole('button', { name: '編集' }).click();
    const edit = page.getByRole('dialog', { name: '通井 花子 さんの編集' });
    await edit.getByLabel('名', { exact: true }).fill('花');
    await edit.getByLabel('メモ').fill('明るめのカラー希望');
    await edit.getByRole('button', { name: '保存' }).click();
    await page.getByRole('heading', { level: 2, name: '通井 花', exact: true }).waitFor();
    await page.getByRole('region', { name: 'メモ' }).getByText('明るめのカラー希望').waitFor();

    await page.getByRole('button', { name: 'LINEの同意を記録' }).click();
    const consent = page.getByRole('dialog', { name: 'LINE配信の同意を記録' });
    assert.equal(await consent.getByRole('radio', { name: '同意あり' }).isChecked(), true);
    await consent.getByRole('button', { name: '記録する' }).click();
    await consent.waitFor({ state: 'detached' });
    await page.locator('[data-consent="line"]').getByText('同意あり').waitFor();
    await page.getByRole('region', { name: '履歴', exact: true }).getByText('LINE配信：同意あり').waitFor();
    await context.close();
  });

  it('erases a customer only after the word is typed, and shows the erased karte', async () => {
    const { context, page } = await newPage(app, { viewport: DESKTOP });
    await logIn(page, app.accounts.owner);
    const created = await page.request.post('/api/v1/customers', {
      data: {
        familyName: '削除',
        givenName: '希望',
        familyNameKana: 'サクジョ',
        phone: '080-9999-0000',
        gender: 'female',
        birthday: '1990-04-12',
        consents: { line: { status: 'granted', source: 'staff' } },
      },
    });
    assert.equal(created.status(), 201);
    const customer = (await created.json()) as Customer;
    await page.goto(`/customers/${customer.id}`);
    await page.getByRole('button', { name: '個人情報を削除' }).click();
    const dialog = page.getByRole('dialog', { name: '削除 希望 さんの個人情報を削除' });
    for (const text of ['氏名', '電話番号', '生年月日（生まれ年は残ります）', 'カルテ項目（髪質・アレルギーなど）']) {
      await dialog.getByText(text, { exact: true }).waitFor();
    }
    await dialog.getByText('来店記録と金額（明細・支払方法）').waitFor();
    const confirm = dialog.getByRole('button', { name: '個人情報を削除する' });
    assert.equal(await confirm.isDisabled(), true, 'nothing happens until the word is typed');
    await dialog.getByLabel('確認のため「削除」と入力してください').fill('削除');
    await screenshot(page, 'customer-erase-confirm');
    await confirm.click();

    await page.getByText('個人情報は削除されています').waitFor();
    await page.getByRole('heading', { level: 2, name: '個人情報削除済みの顧客', exact: true }).waitFor();
    await page.getByRole('region', { name: 'プロフィール' }).getByText('1990年生まれ').waitFor();
    await page.locator('[data-consent="line"]').getByText('撤回').waitFor();
    await page
      .getByRole('region', { name: '履歴', exact: true })
      .getByText('個人情報を削除', { exact: true })
      .waitFor();
    assert.equal(await page.getByRole('button', { name: '編集' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'LINEの同意を記録' }).count(), 0);
    assert.equal(await page.getByText('080-9999-0000').count(), 0);
    await context.close();
  });

  it('works on a 375 px phone: cards instead of a table, a stacked karte, a full-screen form', async () => {
    const { context, page } = await newPage(app, { viewport: PHONE });
    await logIn(page, app.accounts.owner);
    const { customer } = await aRegular(page);
    const list = page.getByRole('list', { name: '顧客一覧' });
    await list.getByRole('button').nth(5).waitFor();
    assert.equal(await page.getByRole('table').count(), 0);
    await screenshot(page, 'customers-list-phone');
    await page.getByRole('searchbox', { name: '検索' }).fill(customer.phone ?? '');
    await eventually('one card', async () => (await list.getByRole('button').count()) === 1);
    await list.getByRole('button', { name: new RegExp(nameOf(customer)) }).click();
    await page.getByRole('heading', { level: 2, name: nameOf(customer), exact: true }).waitFor();
    await page.getByRole('region', { name: '履歴', exact: true }).getByRole('listitem').first().waitFor();
    const width = await page.evaluate<number>('document.documentElement.scrollWidth');
    assert.ok(width <= 375, `nothing sticks out sideways (${width}px)`);
    await screenshot(page, 'customer-karte-phone');
    await page.getByRole('button', { name: '編集' }).click();
    const box = await page.getByRole('dialog').boundingBox();
    assert.equal(Math.round(box?.width ?? 0), 375, 'the form takes the whole screen');
    await context.close();
  });

  it('shows staff masked contacts and no erase button', async () => {
    const { context, page } = await newPage(app, { viewport: DESKTOP });
    await logIn(page, app.accounts.staff);
    const table = page.getByRole('table', { name: '顧客一覧' });
    await table.getByRole('row').nth(10).waitFor();
    const text = await table.innerText();
    assert.match(text, /0[789]0-\*{4}-\d{4}/);
    assert.doesNotMatch(text, /0[789]0-\d{4}-\d{4}/);
    await page
      .getByText('スタッフの役割では、電話番号・メールアドレスなどの連絡先は一部が伏せて表示されます。')
      .waitFor();
    await screenshot(page, 'customers-staff-masked');

    const { customer } = await aRegular(page);
    assert.match(customer.phone ?? '', /^0[789]0-\*{4}-\d{4}$/);
    await page.getByRole('searchbox', { name: '検索' }).fill(lastDigits(customer.phone ?? ''));
    await table.getByRole('row', { name: new RegExp(nameOf(customer)) }).click();
    await page.getByRole('heading', { level: 2, name: nameOf(customer), exact: true }).waitFor();
    await page
      .getByRole('region', { name: 'プロフィール' })
      .getByText(customer.phone ?? '')
      .waitFor();
    assert.equal(await page.getByRole('button', { name: '個人情報を削除' }).count(), 0);
    await page.getByRole('button', { name: '編集' }).click();
    const phone = page.getByRole('dialog').getByLabel('電話番号');
    assert.equal(await phone.isDisabled(), true, 'a masked number cannot be overwritten');
    await context.close();
  });

  it('shows an analyst figures but no names, and no name search', async () => {
    const { context, page } = await newPage(app, { viewport: DESKTOP });
    await logIn(page, app.accounts.owner);
    const { customer } = await aRegular(page);
    await context.close();

    const analyst = await newPage(app, { viewport: DESKTOP });
    await logIn(analyst.page, app.accounts.analyst);
    const table = analyst.page.getByRole('table', { name: '顧客一覧' });
    await table.getByRole('row').nth(10).waitFor();
    assert.equal(await analyst.page.getByRole('searchbox').count(), 0);
    assert.equal(await table.getByText('氏名非表示').count(), await table.locator('tbody tr').count());
    assert.doesNotMatch(await analyst.page.locator('main').innerText(), new RegExp(nameOf(customer)));
    await analyst.page.getByRole('combobox', { name: '並び順' }).click();
    assert.equal(await analyst.page.getByRole('option', { name: 'フリガナ順' }).count(), 0);
    await analyst.page.keyboard.press('Escape');

    await table.locator('tbody tr').first().click();
    await analyst.page.getByRole('heading', { level: 2, name: '氏名非表示', exact: true }).waitFor();
    await analyst.page.getByRole('region', { name: '履歴', exact: true }).waitFor();
    assert.equal(await analyst.page.getByRole('button', { name: '編集' }).count(), 0);
    await analyst.context.close();
  });
});
