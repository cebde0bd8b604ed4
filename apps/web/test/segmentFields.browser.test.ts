import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AttributeDefinition, CatalogItem, Segment } from '@kayoi/contracts';
import type { Locator, Page } from 'playwright-core';
import { logIn, newPage, screenshot, startBrowserApp, type BrowserApp } from './support/browserApp.js';
import { eventually, getJson } from './support/polling.js';

/** What the API counts for a rule, asked with the page's own session (no sample: counting only). */
async function apiCount(page: Page, rule: unknown): Promise<number> {
  const response = await page.request.post('/api/v1/segments/preview', { data: { rule, sampleSize: 0 } });
  assert.equal(response.status(), 200);
  return ((await response.json()) as { count: number }).count;
}

/** The count the page shows once its debounced preview has answered. */
async function shownCountBecomes(page: Page, expected: number): Promise<void> {
  const count = page.getByTestId('segment-count');
  await eventually(
    `the page to show ${expected}`,
    async () => (await count.getAttribute('data-count')) === String(expected),
  );
}

async function pick(page: Page, scope: Locator | Page, label: string, option: string) {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Several options of a multi-select, then the dropdown closed. */
async function pickMany(page: Page, scope: Locator, label: string, options: string[]) {
  const box = scope.getByRole('combobox', { name: label, exact: true });
  await box.click();
  for (const option of options) await page.getByRole('option', { name: option, exact: true }).click();
  await box.press('Escape');
}

/** A box shows `expected` once the reference data it is labelled from has loaded. */
async function boxShows(box: Locator, expected: string): Promise<void> {
  await eventually(`a box to show ${expected}`, async () => (await box.inputValue()) === expected);
}

/** The rule as the builder shows it under "JSON を表示". */
async function shownRule(page: Page): Promise<unknown> {
  const toggle = page.getByRole('switch', { name: 'JSON を表示' });
  if (!(await toggle.isChecked())) await toggle.click();
  return JSON.parse((await page.getByLabel('ルールの JSON').textContent()) ?? '') as unknown;
}

async function reference(page: Page) {
  const attributes = (await getJson<{ items: AttributeDefinition[] }>(page, '/attributes')).items;
  const items = (await getJson<{ items: CatalogItem[] }>(page, '/catalog/items')).items;
  const attribute = (key: string) => {
    const found = attributes.find((a) => a.key === key);
    assert.ok(found, `the demo has the ${key} attribute`);
    return found;
  };
  const item = (name: string) => {
    const found = items.find((i) => i.name === name);
    assert.ok(found, `the demo sells ${name}`);
    return found;
  };
  return { attribute, item };
}

describe('segment builder: attributes, purchases and dates in Chromium', () => {
  let app: BrowserApp;
  before(async () => {
    app = await startBrowserApp();
  });
  after(() => app.close());

  it('builds a rule from a custom attribute, a category and a date, counts it as the API does, and loads it back after saving', async () => {
    const { context, page } = await newPage(app);
    await logIn(page, app.accounts.owner);
    const { attribute } = await reference(page);
    const hairType = attribute('hair_type');
    await page.goto('/segments/new');

    // Hair type is curly or damaged: the operators and options follow the attribute.
    await pick(page, page, '条件を追加', 'カスタム属性');
    const hair = page.getByRole('group', { name: 'カスタム属性' });
    await pick(page, hair, '属性', '髪質');
    await page.getByRole('group', { name: 'カスタム属性（髪質）' }).waitFor();
    await pick(page, hair, '演算子', 'いずれか');
    // The first option (普通) carries over from "=": click it off, then pick the two.
    await pickMany(page, hair, '値', ['普通', 'くせ毛', 'ダメージ']);

    // Bought a treatment or a straightening in the last year (categories from the catalog).
    await pick(page, page, '条件を追加', '購入したカテゴリ');
    const category = page.getByRole('group', { name: '購入したカテゴリ' });
    await pick(page, category, '演算子', 'いずれか');
    await pickMany(page, category, '値', ['トリートメント', '縮毛矯正']);
    await category.getByLabel('直近の日数').fill('365');

    // Acquired in 2025 (a date range typed into date boxes).
    await pick(page, page, '条件を追加', '獲得日');
    const acquired = page.getByRole('group', { name: '獲得日' });
    await pick(page, acquired, '演算子', '範囲');
    await acquired.getByLabel('下限').fill('2025-01-01');
    await acquired.getByLabel('上限').fill('2025-12-31');

    const rule = {
      type: 'and',
      rules: [
        { type: 'attribute', attributeId: hairType.id, op: 'in', value: ['curly', 'damaged'] },
        { type: 'category', op: 'in', value: ['トリートメント', '縮毛矯正'], withinDays: 365 },
        { type: 'acquiredOn', op: 'between', value: ['2025-01-01', '2025-12-31'] },
      ],
    };
    const count = await apiCount(page, rule);
    assert.ok(count > 0, `the demo has such customers (${count})`);
    await shownCountBecomes(page, count);
    await page.getByText(`該当 ${count} 人`).waitFor();
    await screenshot(page, 'segment-builder-fields');
    assert.deepEqual(await shownRule(page), rule);

    await page.getByLabel('セグメント名').fill('くせ毛・ダメージのケア客');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/segments\/[0-9a-f-]{36}$/);
    const id = new URL(page.url()).pathname.split('/').pop() ?? '';
    assert.deepEqual((await getJson<Segment>(page, `/segments/${id}`)).rule, rule);

    // Reloaded, every condition is back in its boxes, not kept aside as raw JSON.
    await page.reload();
    await shownCountBecomes(page, count);
    const loadedHair = page.getByRole('group', { name: 'カスタム属性（髪質）' });
    await boxShows(loadedHair.getByRole('combobox', { name: '属性', exact: true }), '髪質');
    await loadedHair.getByText('くせ毛', { exact: true }).waitFor();
    await loadedHair.getByText('ダメージ', { exact: true }).waitFor();
    const loadedCategory = page.getByRole('group', { name: '購入したカテゴリ' });
    await loadedCategory.getByText('縮毛矯正', { exact: true }).waitFor();
    await boxShows(loadedCategory.getByLabel('直近の日数'), '365');
    const loadedAcquired = page.getByRole('group', { name: '獲得日' });
    await boxShows(loadedAcquired.getByLabel('下限'), '2025-01-01');
    await boxShows(loadedAcquired.getByLabel('上限'), '2025-12-31');
    const saved = (await getJson<Segment>(page, `/segments/${id}`)).rule;
    assert.deepEqual(await shownRule(page), saved);

    // And editable: "=" keeps the first of the list (くせ毛); switch it to damaged hair, save, and the API has the edit.
    await loadedHair.getByRole('combobox', { name: '演算子', exact: true }).click();
    await page.getByRole('option', { name: '＝', exact: true }).click();
    await boxShows(loadedHair.getByRole('combobox', { name: '値', exact: true }), 'くせ毛');
    await pick(page, loadedHair, '値', 'ダメージ');
    const edited = {
      ...rule,
      rules: [{ type: 'attribute', attributeId: hairType.id, op: 'eq', value: 'damaged' }, ...rule.rules.slice(1)],
    };
    assert.deepEqual(await shownRule(page), edited);
    await shownCountBecomes(page, await apiCount(page, edited));
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('セグメントを保存しました').last().waitFor();
    assert.deepEqual((await getJson<Segment>(page, `/segments/${id}`)).rule, edited);
    await context.close();
  });

  it('picks a catalog item, a yes/no attribute, an area and a visit date, and reloads them unchanged', async () => {
    const { context, page } = await newPage(app);
    await logIn(page, app.accounts.owner);
    const { attribute, item } = await reference(page);
    const colourHistory = attribute('colour_history');
    const headSpa = item('ヘッドスパ（30分）');
    await page.goto('/segments/new');

    await pick(page, page, '条件を追加', '購入したメニュー・商品');
    await pick(page, page.getByRole('group', { name: '購入したメニュー・商品' }), '値', 'ヘッドスパ（30分）');
    await pick(page, page, '条件を追加', 'カスタム属性');
    const colour = page.getByRole('group', { name: 'カスタム属性' });
    await pick(page, colour, '属性', 'カラー履歴あり');
    // A yes/no attribute offers only =, ≠ and presence.
    await colour.getByRole('combobox', { name: '演算子', exact: true }).click();
    const ops = await page.getByRole('listbox', { name: '演算子' }).getByRole('option').allTextContents();
    assert.deepEqual(ops, ['＝', '≠', '値の有無']);
    await page.getByRole('option', { name: '＝', exact: true }).click();
    await pick(page, colour, '値', 'はい');
    await pick(page, page, '条件を追加', '地域');
    const area = page.getByRole('group', { name: '地域' });
    await pick(page, area, '演算子', '値の有無');
    await pick(page, page, '条件を追加', '最終来店日');
    await page.getByRole('group', { name: '最終来店日' }).getByLabel('値', { exact: true }).fill('2026-06-01');

    const rule = {
      type: 'and',
      rules: [
        { type: 'item', op: 'eq', value: headSpa.id },
        { type: 'attribute', attributeId: colourHistory.id, op: 'eq', value: true },
        { type: 'area', op: 'exists', value: true },
        { type: 'lastVisitDate', op: 'gte', value: '2026-06-01' },
      ],
    };
    assert.deepEqual(await shownRule(page), rule);
    await shownCountBecomes(page, await apiCount(page, rule));

    await page.getByLabel('セグメント名').fill('ヘッドスパとカラーの常連');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/segments\/[0-9a-f-]{36}$/);
    const id = new URL(page.url()).pathname.split('/').pop() ?? '';
    await page.reload();
    const saved = (await getJson<Segment>(page, `/segments/${id}`)).rule;
    assert.deepEqual(saved, rule);
    const loadedItem = page.getByRole('group', { name: '購入したメニュー・商品' });
    await boxShows(loadedItem.getByRole('combobox', { name: '値', exact: true }), 'ヘッドスパ（30分）');
    await boxShows(page.getByRole('group', { name: '最終来店日' }).getByLabel('値', { exact: true }), '2026-06-01');
    assert.deepEqual(await shownRule(page), saved);
    await context.close();
  });

  it('still refuses analysts the members of a rule on a custom attribute', async () => {
    const { context, page } = await newPage(app);
    await logIn(page, app.accounts.analyst);
    await page.goto('/segments/new');
    await pick(page, page, '条件を追加', 'カスタム属性');
    await pick(page, page.getByRole('group', { name: 'カスタム属性' }), '属性', '髪質');
    const { attribute } = await reference(page);
    const response = await page.request.post('/api/v1/segments/preview', {
      data: {
        rule: {
          type: 'and',
          rules: [{ type: 'attribute', attributeId: attribute('hair_type').id, op: 'eq', value: 'normal' }],
        },
      },
      headers: { 'accept-language': 'ja' },
    });
    assert.equal(response.status(), 403);
    const { error } = (await response.json()) as { error: { message: string } };
    await page.getByRole('alert').getByText(error.message).waitFor();
    assert.equal(await page.getByRole('list', { name: '該当する顧客（先頭の一部）' }).count(), 0);
    await context.close();
  });

  it('speaks English for the new fields', async () => {
    const { context, page } = await newPage(app);
    await logIn(page, app.accounts.owner);
    await page.evaluate("localStorage.setItem('kayoi.language', 'en')");
    await page.goto('/segments/new');
    await page.getByRole('combobox', { name: 'Add condition', exact: true }).click();
    await page.getByRole('option', { name: 'Custom attribute', exact: true }).click();
    const group = page.getByRole('group', { name: 'Custom attribute' });
    await group.getByRole('combobox', { name: 'Attribute', exact: true }).waitFor();
    await page.getByRole('combobox', { name: 'Add condition', exact: true }).click();
    await page.getByRole('option', { name: 'Bought category', exact: true }).waitFor();
    await context.close();
  });
});
