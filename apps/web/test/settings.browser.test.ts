import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import {
  PHONE,
  logIn,
  newPage,
  screenshot,
  startBrowserApp,
  type BrowserApp,
  OWNER_NAME,
} from './support/browserApp.js';

/** The first data row is line 2: line 3 has a bad phone, line 4 a date that does not exist. */
const BAD_CUSTOMERS = [
  '顧客番号,氏名,フリガナ,電話番号,生年月日',
  'T-0001,試験 一郎,シケン イチロウ,090-1111-2222,1990/04/01',
  'T-0002,試験 二郎,シケン ジロウ,12345,1985-05-05',
  'T-0003,試験 三郎,シケン サブロウ,080-3333-4444,1990/13/45',
].join('\n');

/** The same customers, right; 旧システムID is not a field Kayoi knows, so it is ignored. */
const GOOD_CUSTOMERS = [
  '顧客番号,氏名,フリガナ,電話番号,生年月日,旧システムID',
  'T-0001,試験 一郎,シケン イチロウ,090-1111-2222,1990/04/01,A1',
  'T-0002,試験 二郎,シケン ジロウ,090-2222-3333,1985-05-05,A2',
  'T-0003,試験 三郎,シケン サブロウ,080-3333-4444,1990/12/24,A3',
].join('\n');

const saved = (page: Page) => page.getByRole('alert').filter({ hasText: '保存しました' }).first().waitFor();

describe('settings in Chromium', () => {
  let app: BrowserApp;
  let dir: string;
  before(async () => {
    app = await startBrowserApp();
    dir = mkdtempSync(path.join(tmpdir(), 'kayoi-settings-'));
  });
  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    await app.close();
  });

  it('an owner adds a store, checked before sending, and moves between tabs with the keyboard', async () => {
    const { context, page } = await newPage(app);
    await logIn(page, app.accounts.owner);
    await page.getByRole('link', { name: '設定' }).click();
    await page.waitForURL(/\/settings\/stores$/);
    const table = page.getByRole('table', { name: '店舗' });
    await table.getByRole('cell', { name: '表参道本店', exact: true }).waitFor();

    await page.getByRole('button', { name: '店舗を追加' }).click();
    const dialog = page.getByRole('dialog', { name: '店舗を追加' });
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.getByText('入力してください').waitFor();
    await dialog.getByLabel('店舗名').fill('二子玉川店');
    await dialog.getByLabel('住所').fill('東京都世田谷区玉川2-1-1');
    await dialog.getByLabel('電話番号').fill('03-1234-5678');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await table.getByRole('cell', { name: '二子玉川店', exact: true }).waitFor();
    assert.equal(await table.getByRole('cell', { name: '東京都世田谷区玉川2-1-1' }).count(), 1);
    await screenshot(page, 'settings-stores');

    // Archiving asks first, hides the store from the list, and can be undone.
    await page.getByRole('button', { name: '「二子玉川店」をアーカイブ' }).click();
    const confirm = page.getByRole('dialog', { name: '「二子玉川店」をアーカイブ' });
    await confirm.getByRole('button', { name: 'アーカイブする' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await table.getByRole('cell', { name: '二子玉川店', exact: true }).waitFor({ state: 'detached' });
    await page.getByRole('switch', { name: 'アーカイブ済みも表示（1件）' }).check({ force: true });
    await page.getByRole('button', { name: '「二子玉川店」を元に戻す' }).click();
    await page.getByRole('button', { name: '「二子玉川店」をアーカイブ' }).waitFor();

    await page.getByRole('tab', { name: '店舗' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForURL(/\/settings\/staff$/);
    await context.close();
  });

  it('an owner adds a service to the menu', async () => {
    const { context, page } = await newPage(app);
    await logIn(page, app.accounts.owner);
    await page.goto('/settings/catalog');
    await page.getByRole('button', { name: 'メニュー・商品を追加' }).click();
    const dialog = page.getByRole('dialog', { name: 'メニュー・商品を追加' });
    await dialog.getByRole('radio', { name: '施術メニュー' }).check();
    await dialog.getByLabel('名前').fill('髪質改善トリートメント');
    await dialog.getByLabel('カテゴリ').fill('トリートメント');
    await dialog.getByLabel('価格（税込）').fill('8800');
    await dialog.getByLabel('原価').fill('1200');
    await dialog.getByLabel('所要時間').fill('60');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.getByRole('row').filter({ hasText: '髪質改善トリートメント' });
    await row.waitFor();
    const text = await row.innerText();
    for (const expected of ['￥8,800', '￥1,200', '60分', '施術メニュー']) {
      assert.ok(text.replace('¥', '￥').includes(expected), `${expected} in ${text}`);
    }
    await screenshot(page, 'settings-catalog');
    await context.close();
  });

  it('an owner adds a single-choice custom attribute with its choices', async () => {
    const { context, page } = await newPage(app);
    await logIn(page, app.accounts.owner);
    await page.goto('/settings/attributes');
    await page.getByRole('table', { name: 'カスタム項目' }).getByRole('cell', { name: '髪質', exact: true }).waitFor();
    await page.getByRole('button', { name: 'カスタム項目を追加' }).click();
    const dialog = page.getByRole('dialog', { name: 'カスタム項目を追加' });
    await dialog.getByRole('textbox', { name: /^表示名/ }).fill('仕上がりの好み');
    await dialog.getByLabel('キー').fill('Finish Style');
    assert.equal(await dialog.getByRole('combobox', { name: '種類' }).inputValue(), '単一選択');
    await dialog.getByLabel('選択肢1の表示名').fill('ナチュラル');
    await dialog.getByLabel('選択肢1の値').fill('natural');
    await dialog.getByRole('button', { name: '選択肢を追加' }).click();
    await dialog.getByLabel('選択肢2の表示名').fill('ボリューム');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.getByText('半角英小文字で始まり、英小文字・数字・_ のみで入力してください').waitFor();
    await dialog.getByLabel('キー').fill('finish_style');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.getByRole('row').filter({ hasText: '仕上がりの好み' });
    await row.getByText('finish_style').waitFor();
    await row.getByText('ボリューム').waitFor();
    assert.ok((await row.innerText()).includes('単一選択'));
    await screenshot(page, 'settings-attributes');
    await context.close();
  });

  it('an owner enters the ad spend of a channel for a month', async () => {
    const { context, page } = await newPage(app);
    await logIn(page, app.accounts.owner);
    await page.goto('/settings/channels');
    await page
      .getByRole('table', { name: '集客チャネル' })
      .getByRole('cell', { name: 'Instagram', exact: true })
      .waitFor();
    await page.getByRole('combobox', { name: 'チャネル' }).click();
    await page.getByRole('option', { name: 'Instagram' }).click();
    await page.getByRole('combobox', { name: '年' }).click();
    await page.getByRole('option', { name: '2026年' }).click();
    const october = page.getByLabel('2026年10月');
    await october.fill('55000');
    await page.getByRole('button', { name: '広告費を保存' }).click();
    await saved(page);
    await screenshot(page, 'settings-channels');

    const response = await page.request.get('/api/v1/ad-spend?from=2026-10&to=2026-10');
    const { items } = (await response.json()) as { items: { channelId: string; amount: number }[] };
    const channels = (await (await page.request.get('/api/v1/channels')).json()) as {
      items: { id: string; name: string }[];
    };
    const instagram = channels.items.find((c) => c.name === 'Instagram');
    assert.equal(items.find((i) => i.channelId === instagram?.id)?.amount, 55_000);
    await context.close();
  });

  it('an owner creates a staff account with the staff role and is told the last owner cannot be demoted', async () => {
    const { context, page } = await newPage(app);
    await logIn(page, app.accounts.owner);
    await page.goto('/settings/staff');
    const table = page.getByRole('table', { name: 'スタッフ' });
    await table.getByText('高橋 美咲').waitFor();

    await page.getByRole('button', { name: 'スタッフを追加' }).click();
    const dialog = page.getByRole('dialog', { name: 'スタッフを追加' });
    await dialog.getByLabel('氏名').fill('新井 さくら');
    await dialog.getByLabel('フリガナ').fill('アライ サクラ');
    await dialog.getByRole('radio', { name: 'スタッフ' }).check();
    await dialog.getByRole('checkbox', { name: '表参道本店' }).check();
    await dialog.getByLabel('メールアドレス').fill('sakura@salon.example');
    await dialog.getByLabel('パスワード').fill('short');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.getByText('10文字以上で入力してください').waitFor();
    await dialog.getByLabel('パスワード').fill('sakura-password-1');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = table.getByRole('row').filter({ hasText: '新井 さくら' });
    await row.waitFor();
    const text = await row.innerText();
    for (const expected of ['スタッフ', 'sakura@salon.example', '表参道本店', 'ログイン可']) {
      assert.ok(text.includes(expected), `${expected} in ${text}`);
    }
    await screenshot(page, 'settings-staff');

    await page.getByRole('button', { name: `「${OWNER_NAME}」を編集` }).click();
    const edit = page.getByRole('dialog', { name: 'スタッフを編集' });
    await edit.getByRole('radio', { name: 'マネージャー' }).check();
    await edit.getByRole('button', { name: '保存' }).click();
    await edit.getByRole('alert').getByText('オーナーが一人もいなくなるため、この変更はできません。').waitFor();
    await edit.getByRole('button', { name: 'キャンセル' }).click();
    await context.close();
  });

  it('an owner lets staff see contact details', async () => {
    const { context, page } = await newPage(app);
    await logIn(page, app.accounts.owner);
    await page.goto('/settings/business');
    const toggle = page.getByRole('switch', { name: 'スタッフに連絡先を表示する' });
    assert.equal(await toggle.isChecked(), false);
    await toggle.check({ force: true });
    await page.getByRole('button', { name: '保存' }).click();
    await saved(page);
    await screenshot(page, 'settings-business');
    await page.reload();
    assert.equal(await page.getByRole('switch', { name: 'スタッフに連絡先を表示する' }).isChecked(), true);
    const tenant = (await (await page.request.get('/api/v1/tenant')).json()) as {
      settings: { staffCanSeeContacts: boolean };
    };
    assert.equal(tenant.settings.staffCanSeeContacts, true);
    await context.close();
  });

  it('imports customers: a bad file is refused with its row numbers, a good one is previewed then imported', async () => {
    const bad = path.join(dir, 'customers-bad.csv');
    const good = path.join(dir, 'customers-good.csv');
    writeFileSync(bad, BAD_CUSTOMERS);
    writeFileSync(good, GOOD_CUSTOMERS);
    const { context, page } = await newPage(app);
    await logIn(page, app.accounts.owner);
    await page.goto('/settings/import');
    await page.getByRole('radio', { name: '顧客' }).check();

    await page.getByRole('button', { name: '確認' }).click();
    await page.getByText('ファイルを選んでください').waitFor();
    await page.getByLabel('列の対応（任意）').fill('{"a": ');
    await page.locator('input[type="file"]').setInputFiles(bad);
    await page.getByRole('button', { name: '確認' }).click();
    await page.getByText('JSONの形式が正しくありません').first().waitFor();
    await page.getByLabel('列の対応（任意）').fill('');

    await page.getByRole('button', { name: '確認' }).click();
    const report = page.getByRole('table', { name: '誤りのある行' });
    await report.waitFor();
    await page.getByRole('alert').getByText('何も書き込まれていません').waitFor();
    await page.getByText('誤り 2 件').waitFor();
    const rows = await report
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    assert.deepEqual(
      rows.map(([row, column]) => [row, column]),
      [
        ['3', '電話番号'],
        ['4', '生年月日'],
      ],
    );
    assert.match(rows[0]?.[2] ?? '', /電話番号/);
    await screenshot(page, 'import-report');

    await page.locator('input[type="file"]').setInputFiles(good);
    await page.getByRole('button', { name: '確認' }).click();
    const mapping = page.getByRole('table', { name: '列の対応' });
    await mapping.waitFor();
    const mapped = await mapping
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.innerText.trim())));
    const target = (header: string) => mapped.find(([h]) => h === header)?.[1] ?? '';
    assert.match(target('顧客番号'), /^顧客番号/);
    assert.match(target('電話番号'), /^電話番号/);
    assert.match(target('フリガナ'), /^フリガナ/);
    assert.equal(target('旧システムID'), '取り込まない');
    // Three new customers: the refused file wrote nothing.
    const stat = async (name: string) => (await page.getByRole('group', { name }).innerText()).replace(/\s+/g, ' ');
    assert.equal(await stat('行数'), '行数 3');
    assert.equal(await stat('新規'), '新規 3');
    assert.equal(await stat('更新'), '更新 0');
    await screenshot(page, 'import-preview');

    await page.getByRole('button', { name: '取り込む' }).click();
    await page.getByRole('status').getByText('顧客を新規3件登録、0件更新しました（全3行）。').waitFor();
    const found = (await (await page.request.get('/api/v1/customers?q=シケン')).json()) as { items: unknown[] };
    assert.equal(found.items.length, 3);
    await context.close();
  });

  it('shows staff the settings read-only, without the owner pages or import', async () => {
    const { context, page } = await newPage(app);
    await logIn(page, app.accounts.staff);
    await page.goto('/settings');
    await page.waitForURL(/\/settings\/stores$/);
    await page.getByRole('table', { name: '店舗' }).getByRole('cell', { name: '表参道本店', exact: true }).waitFor();
    const tabs = await page.getByRole('tab').allInnerTexts();
    assert.deepEqual(tabs, ['店舗', 'スタッフ', 'メニュー・商品', 'カスタム項目', '集客チャネル']);
    assert.equal(await page.getByRole('button', { name: '店舗を追加' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: /を編集|をアーカイブ/ }).count(), 0);

    for (const [tab, add] of [
      ['スタッフ', 'スタッフを追加'],
      ['メニュー・商品', 'メニュー・商品を追加'],
      ['カスタム項目', 'カスタム項目を追加'],
    ] as const) {
      await page.getByRole('tab', { name: tab }).click();
      await page.getByRole('table').first().waitFor();
      assert.equal(await page.getByRole('button', { name: add }).count(), 0, add);
    }
    await page.getByRole('tab', { name: '集客チャネル' }).click();
    await page.getByLabel('2026年10月').waitFor();
    assert.equal(await page.getByLabel('2026年10月').getAttribute('readonly'), '');
    assert.equal(await page.getByRole('button', { name: '広告費を保存' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'チャネルを追加' }).count(), 0);

    await page.goto('/settings/import');
    await page.getByText('この画面は表示できません').waitFor();
    assert.equal(await page.getByRole('button', { name: '確認' }).count(), 0);
    await context.close();
  });

  it('works on a 375 px phone: a select for the pages, cards for the records, full-screen forms', async () => {
    const { context, page } = await newPage(app, { viewport: PHONE });
    await logIn(page, app.accounts.owner);
    await page.goto('/settings/stores');
    await page.getByRole('combobox', { name: '設定メニュー' }).selectOption({ label: 'スタッフ' });
    await page.waitForURL(/\/settings\/staff$/);
    const cards = page.getByRole('list', { name: 'スタッフ' });
    await cards.getByText('高橋 美咲').waitFor();
    assert.ok((await page.evaluate<number>('document.documentElement.scrollWidth')) <= PHONE.width);
    await screenshot(page, 'settings-phone');

    await page.getByRole('button', { name: 'スタッフを追加' }).click();
    const dialog = page.getByRole('dialog', { name: 'スタッフを追加' });
    await dialog.getByLabel('氏名').waitFor();
    const box = await dialog.boundingBox();
    assert.equal(Math.round(box?.width ?? 0), PHONE.width);
    await context.close();
  });

  it('is complete in English, including the import report', async () => {
    const bad = path.join(dir, 'customers-bad-en.csv');
    writeFileSync(bad, BAD_CUSTOMERS);
    const { context, page } = await newPage(app);
    await context.addInitScript({ content: "localStorage.setItem('kayoi.language', 'en')" });
    await logIn(page, app.accounts.manager);
    await page.goto('/settings/import');
    // The tabs render once the session and permissions have loaded; read them only then.
    await page.getByRole('tab', { name: 'CSV import' }).waitFor();
    const tabs = await page.getByRole('tab').allInnerTexts();
    assert.deepEqual(tabs, ['Stores', 'Staff', 'Menu & products', 'Custom fields', 'Channels', 'CSV import']);
    await page.locator('input[type="file"]').setInputFiles(bad);
    await page.getByRole('button', { name: 'Check' }).click();
    await page.getByRole('table', { name: 'Rows with errors' }).waitFor();
    await page.getByText('2 errors').waitFor();
    await page.getByRole('alert').getByText('Nothing was written').waitFor();
    assert.equal(await page.getByRole('cell', { name: 'expected a 10- or 11-digit phone number' }).count(), 1);
    await context.close();
  });
});
