import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CatalogItem, Customer, User, Visit } from '@kayoi/contracts';
import type { Page } from 'playwright-core';
import { DESKTOP, PHONE, logIn, newPage, screenshot, startBrowserApp, type BrowserApp } from './support/browserApp.js';

const yen = (amount: number) => new Intl.NumberFormat('ja-JP', { style: 'currency', currency: 'JPY' }).format(amount);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Menu buttons are labelled "カット（¥5,500）を追加"; matching the name and the bracket avoids カット＋カラー. */
const addButton = (name: string) => new RegExp(`^${escape(name)}（`);

async function getJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(`/api/v1${path}`);
  assert.equal(response.status(), 200, `GET ${path}`);
  return (await response.json()) as T;
}

async function visitsOf(page: Page, customerId: string): Promise<Visit[]> {
  return (await getJson<{ items: Visit[] }>(page, `/visits?customerId=${customerId}&limit=50`)).items;
}

/** A demo customer whose full kana reading finds only them, so the search has one right answer. */
async function customerWithUniqueKana(page: Page): Promise<{ customer: Customer; kana: string }> {
  const { items } = await getJson<{ items: Customer[] }>(page, '/customers?sort=kana&limit=60');
  for (const customer of items) {
    if (!customer.familyNameKana || !customer.givenNameKana || !customer.familyName) continue;
    const kana = `${customer.familyNameKana} ${customer.givenNameKana}`;
    const hits = await getJson<{ items: Customer[] }>(page, `/customers?q=${encodeURIComponent(kana)}&limit=10`);
    if (hits.items.length === 1) return { customer, kana };
  }
  throw new Error('no demo customer with a unique kana reading');
}

function countVisitPosts(page: Page): () => number {
  let posts = 0;
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/v1/visits') posts += 1;
  });
  return () => posts;
}

async function openCheckoutFromMenu(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'メニュー' }).click();
  await page.getByRole('link', { name: 'お会計' }).click();
  await page.waitForURL(/\/checkout/);
  await page.getByRole('heading', { name: 'お会計', level: 2 }).waitFor();
}

describe('counter checkout (お会計) in Chromium', () => {
  let app: BrowserApp;
  before(async () => {
    app = await startBrowserApp();
  });
  after(() => app.close());

  it('registers a visit at 375 px as staff and it appears on the karte', async () => {
    const { context, page } = await newPage(app, { viewport: PHONE });
    await logIn(page, app.accounts.staff);
    const { customer, kana } = await customerWithUniqueKana(page);
    const catalog = (await getJson<{ items: CatalogItem[] }>(page, '/catalog/items')).items;
    const cut = catalog.find((i) => i.name === 'カット' && i.active);
    const product = catalog.find((i) => i.kind === 'product' && i.active);
    assert.ok(cut && product);
    const users = (await getJson<{ items: User[] }>(page, '/users')).items;
    const stylist = users.find((u) => u.active && u.role === 'staff' && u.name !== '小池 彩');
    assert.ok(stylist);
    const stores = (await getJson<{ items: { id: string; name: string }[] }>(page, '/stores')).items;
    const store = stores.find((s) => stylist.storeIds.includes(s.id)) ?? stores[0]!;

    await openCheckoutFromMenu(page);
    await page.getByLabel('お客様を検索').fill(kana);
    const hit = page.getByRole('button', { name: new RegExp(escape(kana)) });
    await hit.waitFor();
    await screenshot(page, 'checkout-phone-customer-search');
    await hit.click();
    await page.getByText(`${customer.familyName} ${customer.givenName ?? ''}`.trim() + ' 様').waitFor();

    await page.getByLabel('店舗', { exact: true }).selectOption({ label: store.name });
    await page.getByLabel('担当スタッフ').selectOption({ label: stylist.name });
    await page.getByRole('button', { name: addButton(cut.name) }).click();
    await page.getByRole('tab', { name: product.category ?? '店販' }).click();
    await page.getByRole('button', { name: addButton(product.name) }).click();
    await page.getByRole('button', { name: `${product.name}の数量を増やす` }).click();
    await page.getByLabel('お会計の割引').fill('1000');
    await page.getByRole('radio', { name: 'カード' }).click();

    const subtotal = cut.price + 2 * product.price;
    const total = subtotal - 1000;
    await page.getByText(yen(total), { exact: true }).first().waitFor();
    assert.equal(await page.getByLabel('お支払い額').inputValue(), yen(total));
    await page.getByRole('heading', { name: 'お会計内容' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'checkout-phone');

    await page.getByRole('button', { name: '登録する' }).click();
    const done = page.getByRole('alert').filter({ hasText: 'お会計を登録しました' });
    await done.waitFor();
    await done.getByText(yen(total)).waitFor();
    // Reset for the next customer, back at the top of the page.
    await page.getByLabel('お客様を検索').waitFor();
    // A trial hover waits for the notification to finish sliding in, so the screenshot is sharp.
    await done.hover({ trial: true });
    await screenshot(page, 'checkout-done');
    assert.equal(await page.getByRole('button', { name: '登録する' }).isDisabled(), true);

    const [visit, ...older] = await visitsOf(page, customer.id);
    assert.ok(visit);
    assert.ok(older.every((v) => v.startedAt <= visit.startedAt));
    assert.equal(visit.source, 'counter');
    assert.equal(visit.storeId, store.id);
    assert.equal(visit.staffId, stylist.id);
    assert.deepEqual(
      visit.items.map((i) => [i.name, i.quantity, i.amount]),
      [
        [cut.name, 1, cut.price],
        [product.name, 2, 2 * product.price],
      ],
    );
    assert.equal(visit.subtotal, subtotal);
    assert.equal(visit.discount, 1000);
    assert.equal(visit.total, total);
    assert.deepEqual(visit.payments, [{ method: 'card', amount: total }]);

    await done.getByRole('link', { name: 'カルテを見る' }).click();
    await page.waitForURL(new RegExp(`/customers/${customer.id}$`));
    // The karte's timeline lists the visit just registered, with its lines and total.
    await page.getByText(product.name).first().waitFor();
    await page.getByText(yen(total)).first().waitFor();
    await context.close();
  });

  it('registers a new customer inline, validating before sending, then a visit for them', async () => {
    const { context, page } = await newPage(app, { viewport: PHONE });
    await logIn(page, app.accounts.staff);
    await page.goto('/checkout');
    await page.getByLabel('お客様を検索').fill('かよい はなこ');
    await page.getByText('「かよい はなこ」に一致するお客様はいません').waitFor();
    await page.getByRole('button', { name: '新規のお客様' }).click();
    // What was searched is carried over as the reading.
    assert.equal(await page.getByLabel('セイ').inputValue(), 'かよい');
    assert.equal(await page.getByLabel('メイ').inputValue(), 'はなこ');
    await page.getByLabel('姓', { exact: true }).fill('通井');
    await page.getByLabel('名', { exact: true }).fill('花子');
    await page.getByLabel('電話番号').fill('090-1234-567a');
    const creates: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/customers') creates.push(r.url());
    });
    await page.getByRole('button', { name: '登録して選択' }).click();
    await page.getByText('形式が正しくありません').waitFor();
    assert.equal(creates.length, 0);
    await page.getByLabel('電話番号').fill('090-1234-5678');
    await page.getByRole('button', { name: '登録して選択' }).click();
    await page.getByText('通井 花子 様').waitFor();
    // Staff see the new customer's number masked, as the API gives it.
    await page.getByText(/カヨイ ハナコ · 090-\*{4}-5678/).waitFor();

    await page.getByLabel('店舗', { exact: true }).selectOption({ index: 1 });
    await page.getByRole('button', { name: addButton('カット') }).click();
    // A line discount, and a hair tie sold that is not on the menu.
    await page.getByRole('listitem', { name: 'カット' }).getByRole('button', { name: '値引き' }).click();
    await page.getByLabel('カットの値引き').fill('500');
    await page.getByRole('button', { name: 'メニュー外' }).click();
    const register = page.getByRole('button', { name: '登録する' });
    assert.equal(await register.isDisabled(), true, 'a free line needs a name');
    await page.getByLabel('項目名').fill('ヘアゴム');
    await page.getByLabel('単価').fill('330');
    await page.getByRole('radiogroup', { name: '種類' }).getByText('商品', { exact: true }).click();
    await page
      .getByText(yen(5_000 + 330), { exact: true })
      .first()
      .waitFor();
    await register.click();
    await page.getByRole('alert').filter({ hasText: 'お会計を登録しました' }).waitFor();

    const found = await getJson<{ items: Customer[] }>(page, `/customers?q=${encodeURIComponent('カヨイハナコ')}`);
    assert.equal(found.items.length, 1);
    const visits = await visitsOf(page, found.items[0]!.id);
    assert.equal(visits.length, 1);
    assert.deepEqual(
      visits[0]!.items.map((i) => [i.name, i.kind, i.itemId === null, i.discount, i.amount]),
      [
        ['カット', 'service', false, 500, 5_000],
        ['ヘアゴム', 'product', true, 0, 330],
      ],
    );
    assert.equal(visits[0]!.total, 5_330);
    assert.deepEqual(visits[0]!.payments, [{ method: 'cash', amount: 5_330 }]);
    await context.close();
  });

  it('blocks payments that do not add up, and splits one between two methods (desktop)', async () => {
    const { context, page } = await newPage(app, { viewport: DESKTOP });
    await logIn(page, app.accounts.owner);
    const { customer } = await customerWithUniqueKana(page);
    const posts = countVisitPosts(page);
    // Arriving from a karte preselects the customer.
    await page.goto(`/checkout?customerId=${customer.id}`);
    await page.getByRole('button', { name: 'お客様を変更' }).waitFor();
    await page.getByLabel('店舗', { exact: true }).selectOption({ index: 1 });
    await page.getByRole('button', { name: addButton('カット') }).click();
    await page.getByRole('tab', { name: 'トリートメント' }).click();
    await page.getByRole('button', { name: addButton('トリートメント') }).click();
    const total = 5_500 + 3_300;
    const register = page.getByRole('button', { name: '登録する' });

    await page.getByLabel('お支払い額').fill('5000');
    await page.getByText(`合計まであと ${yen(total - 5000)} です`).waitFor();
    assert.equal(await register.isDisabled(), true);
    await page.getByRole('button', { name: '合計に合わせる' }).click();
    assert.equal(await register.isEnabled(), true);

    await page.getByRole('button', { name: '2つの方法に分ける' }).click();
    await page.getByRole('radio', { name: 'ポイント' }).click();
    await page.getByLabel('ポイントでのお支払い額').fill('1500');
    await page.getByLabel('2つ目の方法').selectOption({ label: 'カード' });
    assert.equal(await page.getByLabel('2つ目の金額').inputValue(), yen(total - 1500));
    await page.getByLabel('2つ目の金額').fill('9000');
    await page.getByText(`合計を ${yen(1500 + 9000 - total)} 超えています`).waitFor();
    assert.equal(await register.isDisabled(), true);
    await page.getByText('お支払い額が合計と一致しません').waitFor();
    await page.getByRole('button', { name: '合計に合わせる' }).click();

    await page.getByRole('button', { name: '日時を変更' }).click();
    await page.getByLabel('来店日時').fill('2026-11-19T10:00');
    await page.getByRole('heading', { name: 'お会計', level: 2 }).scrollIntoViewIfNeeded();
    await screenshot(page, 'checkout-desktop');
    assert.equal(posts(), 0);
    const created = page.waitForResponse(
      (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/visits',
    );
    await register.click();
    await page.getByRole('alert').filter({ hasText: 'お会計を登録しました' }).waitFor();
    assert.equal(posts(), 1);

    const { id } = (await (await created).json()) as Visit;
    const visit = await getJson<Visit>(page, `/visits/${id}`);
    assert.equal(visit.customerId, customer.id);
    assert.equal(visit.startedAt, '2026-11-19T01:00:00.000Z');
    assert.equal(visit.total, total);
    assert.deepEqual(visit.payments, [
      { method: 'points', amount: 1500 },
      { method: 'card', amount: total - 1500 },
    ]);
    await context.close();
  });

  it("shows the API's refusal in Japanese and keeps the bill to correct", async () => {
    const { context, page } = await newPage(app, { viewport: PHONE });
    await logIn(page, app.accounts.owner);
    const { customer } = await customerWithUniqueKana(page);
    await page.goto(`/checkout?customerId=${customer.id}`);
    await page.getByRole('button', { name: 'お客様を変更' }).waitFor();
    await page.getByLabel('店舗', { exact: true }).selectOption({ index: 1 });
    await page.getByRole('button', { name: addButton('カット') }).click();
    // Meanwhile someone erases the customer on a privacy request: the server refuses the visit.
    const erased = await page.request.delete(`/api/v1/customers/${customer.id}`);
    assert.equal(erased.status(), 200);
    await page.getByRole('button', { name: '登録する' }).click();
    await page.getByRole('alert').filter({ hasText: 'この顧客の個人情報は削除済みのため変更できません。' }).waitFor();
    await page.getByRole('button', { name: 'カットを削除' }).waitFor();
    await context.close();
  });

  it('keeps the checkout from roles that may not register visits', async () => {
    const { context, page } = await newPage(app, { viewport: PHONE });
    await logIn(page, app.accounts.analyst);
    await page.goto('/checkout');
    await page.getByText('お会計の登録は、この役割では利用できません。').waitFor();
    assert.equal(await page.getByRole('button', { name: '登録する' }).count(), 0);
    await context.close();
  });
});
