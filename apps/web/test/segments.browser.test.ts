import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { DESKTOP, PHONE, logIn, newPage, screenshot, startBrowserApp, type BrowserApp } from './support/browserApp.js';
import { localeKeysOf } from './support/localeKeys.js';
import { eventually } from './support/polling.js';

interface Problem {
  path: string;
  message: string;
}

const lapsing = (type: 'and' | 'or') => ({
  type,
  rules: [
    { type: 'daysSinceLastVisit', op: 'between', value: [60, 180] },
    { type: 'visitCount', op: 'gte', value: 2 },
  ],
});

/** What the API counts for a rule, asked with the page's own session. */
async function apiCount(page: Page, rule: unknown): Promise<number> {
  const response = await page.request.post('/api/v1/segments/preview', { data: { rule } });
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

async function pick(page: Page, scope: ReturnType<Page['locator']> | Page, label: string, option: string) {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** "Last visit 60–180 days ago AND at least 2 visits", entered as a person would. */
async function buildLapsing(page: Page): Promise<void> {
  await page.goto('/segments/new');
  await pick(page, page, '条件を追加', '最終来店からの日数');
  const lastVisit = page.getByRole('group', { name: '最終来店からの日数' });
  await pick(page, lastVisit, '演算子', '範囲');
  await lastVisit.getByLabel('下限').fill('60');
  await lastVisit.getByLabel('上限').fill('180');
  await pick(page, page, '条件を追加', '来店回数');
  const visits = page.getByRole('group', { name: '来店回数' });
  await visits.getByLabel('値', { exact: true }).fill('2');
}

describe('segment builder in Chromium', () => {
  let app: BrowserApp;
  before(async () => {
    app = await startBrowserApp();
  });
  after(() => app.close());

  it('keeps the Japanese and English texts in step', () => {
    const keys = (file: string) => localeKeysOf(new URL(`../src/features/segments/locales/${file}`, import.meta.url));
    assert.deepEqual(keys('en.json'), keys('ja.json'));
  });

  it('builds a rule, counts it live as the API does, marks a bad value, saves, edits and archives', async () => {
    const { context, page } = await newPage(app, { viewport: DESKTOP });
    await logIn(page, app.accounts.owner);
    await page.getByRole('link', { name: 'セグメント' }).click();
    await page.waitForURL(/\/segments$/);
    await buildLapsing(page);

    const andCount = await apiCount(page, lapsing('and'));
    const orCount = await apiCount(page, lapsing('or'));
    assert.ok(andCount > 0 && orCount > andCount, `demo has lapsing regulars (${andCount} / ${orCount})`);
    await shownCountBecomes(page, andCount);
    await page.getByText(`該当 ${andCount} 人`).waitFor();
    // The sample links to the karte.
    await page.getByRole('list', { name: '該当する顧客（先頭の一部）' }).getByRole('link').first().waitFor();
    await screenshot(page, 'segment-builder');

    await page.getByText('いずれかを満たす', { exact: true }).click();
    await shownCountBecomes(page, orCount);

    // A negative visit count is refused by the API, and its message sits at that condition.
    const visits = page.getByRole('group', { name: '来店回数' });
    await visits.getByLabel('値', { exact: true }).fill('-1');
    const invalid = await page.request.post('/api/v1/segments/preview', {
      data: {
        rule: { ...lapsing('or'), rules: [lapsing('or').rules[0], { type: 'visitCount', op: 'gte', value: -1 }] },
      },
      headers: { 'accept-language': 'ja' },
    });
    assert.equal(invalid.status(), 422);
    const { error } = (await invalid.json()) as { error: { code: string; details: { problems: Problem[] } } };
    assert.equal(error.code, 'SEGMENT_RULE_INVALID');
    const problem = error.details.problems[0];
    assert.ok(problem, 'the API names the problem');
    assert.ok(problem.path.startsWith('rule.rules.1'), `the problem is at the visits condition (${problem.path})`);
    await visits.getByRole('alert').getByText(problem.message, { exact: true }).waitFor();
    await page.getByText('条件を直すと数えます').waitFor();
    await visits.getByLabel('値', { exact: true }).fill('2');
    await shownCountBecomes(page, orCount);

    await page.getByLabel('セグメント名').fill('離反しかけの常連');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/segments\/[0-9a-f-]{36}$/);
    await page.getByRole('link', { name: '← セグメント一覧' }).click();
    const table = page.getByRole('table', { name: 'セグメント' });
    const row = table.getByRole('row', { name: /離反しかけの常連/ });
    await row.getByRole('cell', { name: `${orCount} 人` }).waitFor();
    await screenshot(page, 'segments-list');

    // Reopen, switch back to "all", save: the list follows.
    await row.getByRole('link', { name: '離反しかけの常連' }).click();
    await shownCountBecomes(page, orCount);
    await page.getByText('すべて満たす', { exact: true }).click();
    await shownCountBecomes(page, andCount);
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('セグメントを保存しました').last().waitFor();
    await page.getByRole('link', { name: '← セグメント一覧' }).click();
    await row.getByRole('cell', { name: `${andCount} 人` }).waitFor();

    await row.getByRole('link', { name: '離反しかけの常連' }).click();
    await page.getByRole('button', { name: 'アーカイブ', exact: true }).click();
    await page.getByRole('button', { name: 'アーカイブする' }).click();
    await page.waitForURL(/\/segments$/);
    await page.getByText('保存されたセグメントはまだありません。').waitFor();
    await context.close();
  });

  it('nests a negated group, counts it, and shows the rule as JSON', async () => {
    const { context, page } = await newPage(app);
    await logIn(page, app.accounts.owner);
    await page.goto('/segments/new');
    await pick(page, page, '条件を追加', '来店回数');
    await page.getByRole('button', { name: 'グループを追加' }).click();
    const sub = page.getByRole('group', { name: '条件グループ' });
    await pick(page, sub, 'グループに条件を追加', '性別');
    await sub.getByRole('switch', { name: 'このグループを満たさない' }).click();
    const rule = {
      type: 'and',
      rules: [
        { type: 'visitCount', op: 'gte', value: 2 },
        { type: 'not', rule: { type: 'or', rules: [{ type: 'gender', op: 'eq', value: 'female' }] } },
      ],
    };
    await shownCountBecomes(page, await apiCount(page, rule));
    await page.getByRole('switch', { name: 'JSON を表示' }).click();
    const json = await page.getByLabel('ルールの JSON').textContent();
    assert.deepEqual(JSON.parse(json ?? ''), rule);
    await context.close();
  });

  it('fits a phone: conditions stack and the page does not scroll sideways', async () => {
    const { context, page } = await newPage(app, { viewport: PHONE });
    await logIn(page, app.accounts.owner);
    await buildLapsing(page);
    await shownCountBecomes(page, await apiCount(page, lapsing('and')));
    const width = await page.evaluate<number>('document.documentElement.scrollWidth');
    assert.ok(width <= PHONE.width, `no sideways scroll (${width}px)`);
    const box = await page.getByRole('group', { name: '来店回数' }).boundingBox();
    assert.ok(box && box.x + box.width <= PHONE.width, 'the condition fits the screen');
    await screenshot(page, 'segment-builder-phone');
    await context.close();
  });

  it('lets an analyst count but not save, and hides segments from staff', async () => {
    const analyst = await newPage(app);
    await logIn(analyst.page, app.accounts.analyst);
    await analyst.page.getByRole('link', { name: 'セグメント' }).click();
    assert.equal(await analyst.page.getByRole('button', { name: '新しいセグメント' }).count(), 0);
    await buildLapsing(analyst.page);
    await shownCountBecomes(analyst.page, await apiCount(analyst.page, lapsing('and')));
    assert.equal(await analyst.page.getByRole('button', { name: '保存' }).count(), 0);
    await analyst.context.close();

    const staff = await newPage(app);
    await logIn(staff.page, app.accounts.staff);
    await staff.page.getByRole('link', { name: '顧客' }).waitFor();
    assert.equal(await staff.page.getByRole('link', { name: 'セグメント' }).count(), 0);
    await staff.context.close();
  });

  it('speaks English', async () => {
    const { context, page } = await newPage(app);
    await logIn(page, app.accounts.owner);
    await page.evaluate("localStorage.setItem('kayoi.language', 'en')");
    await page.goto('/segments/new');
    await page.getByRole('link', { name: 'Segments' }).first().waitFor();
    await page.getByText('Match all', { exact: true }).waitFor();
    await page.getByRole('combobox', { name: 'Add condition', exact: true }).click();
    await page.getByRole('option', { name: 'Days since last visit', exact: true }).click();
    await page
      .getByRole('group', { name: 'Days since last visit' })
      .getByRole('combobox', { name: 'Operator' })
      .waitFor();
    await page.getByText(/customers? match/).waitFor();
    await context.close();
  });
});
