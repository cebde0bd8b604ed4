import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Customer, TemplateDraft, TemplatePreview } from '@kayoi/contracts';
import type { Page } from 'playwright-core';
import { DESKTOP, PHONE, logIn, newPage, screenshot, startBrowserApp, type BrowserApp } from './support/browserApp.js';
import { localeKeysOf } from './support/localeKeys.js';
import { getJson } from './support/polling.js';

interface Problem {
  field: string;
  line: number;
  column: number;
  message: string;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const GREETING = '{{ customer.name }}様、先日はご来店ありがとうございました。\n{{ shop.name }}';
/** An unknown filter is refused at parse time: the API names the line and column. */
const BROKEN = 'こんにちは。\n{{ customer.name | no_such_filter }}様';

/** A demo customer whose full kana reading finds only them, so the search has one right answer. */
async function customerWithUniqueKana(page: Page): Promise<{ customer: Customer; kana: string }> {
  const { items } = await getJson<{ items: Customer[] }>(page, '/customers?sort=kana&limit=60');
  for (const customer of items) {
    if (!customer.familyNameKana || !customer.givenNameKana || !customer.familyName || !customer.givenName) continue;
    const kana = `${customer.familyNameKana} ${customer.givenNameKana}`;
    const hits = await getJson<{ items: Customer[] }>(page, `/customers?q=${encodeURIComponent(kana)}&limit=10`);
    if (hits.items.length === 1) return { customer, kana };
  }
  throw new Error('no demo customer with a unique kana reading');
}

/** What the API renders for a draft, asked with the page's own session. */
async function apiPreview(page: Page, template: TemplateDraft, customerId: string): Promise<TemplatePreview> {
  const response = await page.request.post('/api/v1/templates/preview', {
    data: { template, customerId, language: 'ja' },
    headers: { 'accept-language': 'ja' },
  });
  assert.equal(response.status(), 200, await response.text());
  return (await response.json()) as TemplatePreview;
}

/** The editor's customer: "change", then the counter's search by kana, then the one hit. */
async function pickCustomer(page: Page, kana: string): Promise<void> {
  const preview = page.getByRole('region', { name: 'プレビュー' });
  await preview.getByRole('button', { name: 'お客様を変更' }).click();
  await preview.getByLabel('お客様を検索').fill(kana);
  await preview.getByRole('button', { name: new RegExp(escape(kana)) }).click();
  await preview.getByTestId('selected-customer').filter({ hasText: kana }).waitFor();
}

/** The LINE bubble, once the debounced preview shows exactly this text. */
async function bubbleShows(page: Page, text: string): Promise<void> {
  const bubble = page.getByTestId('line-bubble');
  await bubble.filter({ hasText: text.split('\n')[0] }).waitFor();
  assert.equal(await bubble.textContent(), text);
}

describe('message templates in Chromium', () => {
  let app: BrowserApp;
  before(async () => {
    app = await startBrowserApp();
  });
  after(() => app.close());

  it('keeps the Japanese and English texts in step', () => {
    const keys = (file: string) => localeKeysOf(new URL(`../src/features/templates/locales/${file}`, import.meta.url));
    assert.deepEqual(keys('en.json'), keys('ja.json'));
  });

  it('writes a LINE text, previews it for a real customer, marks a syntax error, saves, archives and restores', async () => {
    const { context, page } = await newPage(app, { viewport: DESKTOP });
    await logIn(page, app.accounts.owner);
    await page.getByRole('link', { name: 'テンプレート' }).click();
    await page.waitForURL(/\/templates$/);
    await page.getByText('テンプレートはまだありません。').waitFor();
    await page.getByRole('button', { name: '新しいテンプレート' }).click();
    await page.waitForURL(/\/templates\/new$/);

    const { customer, kana } = await customerWithUniqueKana(page);
    await pickCustomer(page, kana);
    const body = page.getByRole('textbox', { name: 'メッセージ', exact: true });
    await body.fill(GREETING);
    const draft: TemplateDraft = { channel: 'line_text', ja: { body: GREETING }, en: null };
    const rendered = await apiPreview(page, draft, customer.id);
    assert.ok(rendered.ok && rendered.output.channel === 'line_text', 'the API renders the greeting');
    const name = `${customer.familyName} ${customer.givenName}`;
    assert.ok(rendered.output.text.startsWith(`${name}様、`), `the API fills in the name (${rendered.output.text})`);
    assert.ok(rendered.output.text.endsWith('デモサロン 通い'), 'and the shop');
    await bubbleShows(page, rendered.output.text);

    // A syntax error: the API's line and column sit under the field, and the preview waits.
    await body.fill(BROKEN);
    const refused = await page.request.post('/api/v1/templates/preview', {
      data: { template: { channel: 'line_text', ja: { body: BROKEN } }, customerId: customer.id },
      headers: { 'accept-language': 'ja' },
    });
    assert.equal(refused.status(), 422);
    const { error } = (await refused.json()) as { error: { code: string; details: { problems: Problem[] } } };
    assert.equal(error.code, 'TEMPLATE_SYNTAX_INVALID');
    const problem = error.details.problems[0];
    assert.ok(problem, 'the API names the problem');
    assert.equal(problem.field, 'ja.body');
    assert.equal(problem.line, 2);
    await page
      .getByText(`${problem.line} 行目 ${problem.column} 文字目: ${problem.message}`, { exact: true })
      .waitFor();
    await page.getByText('構文の誤りを直すとプレビューします。').waitFor();
    assert.equal(await page.getByTestId('line-bubble').count(), 0, 'no stale preview beside an error');
    await body.fill(GREETING);
    await bubbleShows(page, rendered.output.text);
    await page.getByLabel('テンプレート名').fill('来店のお礼');
    await screenshot(page, 'templates-editor');

    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.waitForURL(/\/templates\/[0-9a-f-]{36}$/);
    await page.getByText('テンプレートを保存しました').last().waitFor();
    const id = page.url().split('/').pop() ?? '';
    const saved = await getJson<{ name: string; channel: string; ja: { body: string }; en: unknown }>(
      page,
      `/templates/${id}`,
    );
    assert.deepEqual(
      { name: saved.name, channel: saved.channel, body: saved.ja.body, en: saved.en },
      { name: '来店のお礼', channel: 'line_text', body: GREETING, en: null },
    );

    await page.getByRole('link', { name: '← テンプレート一覧' }).click();
    const table = page.getByRole('table', { name: 'テンプレート' });
    const row = table.getByRole('row', { name: /来店のお礼/ });
    await row.getByRole('cell', { name: 'LINE テキスト', exact: true }).waitFor();
    await screenshot(page, 'templates-list');

    // Archive from the editor: it leaves the list, comes back behind the switch, and is restored.
    await row.getByRole('link', { name: '来店のお礼' }).click();
    await page.getByRole('button', { name: 'アーカイブ', exact: true }).click();
    await page.getByRole('button', { name: 'アーカイブする' }).click();
    await page.getByRole('button', { name: '復元' }).waitFor();
    assert.equal(await page.getByLabel('テンプレート名').getAttribute('readonly'), '');
    assert.equal((await getJson<{ archived: boolean }>(page, `/templates/${id}`)).archived, true);
    await page.getByRole('link', { name: '← テンプレート一覧' }).click();
    await page.getByText('テンプレートはまだありません。').waitFor();
    await page.getByRole('switch', { name: 'アーカイブ済みも表示（1件）' }).click();
    await row.getByText('アーカイブ済み').waitFor();
    await row.getByRole('link', { name: '来店のお礼' }).click();
    await page.getByRole('button', { name: '復元' }).click();
    await page.getByRole('button', { name: '保存', exact: true }).waitFor();
    assert.equal((await getJson<{ archived: boolean }>(page, `/templates/${id}`)).archived, false);
    await context.close();
  });

  it('previews an email in a sandboxed frame with its text part, and warns when a Flex render fails', async () => {
    const { context, page } = await newPage(app);
    await logIn(page, app.accounts.owner);
    await page.goto('/templates/new');
    const { customer, kana } = await customerWithUniqueKana(page);
    await pickCustomer(page, kana);
    await page.getByLabel('チャネル', { exact: true }).selectOption('email');
    const subject = '{{ customer.family_name }}様へ {{ shop.name }}より';
    const html = '<h1>{{ customer.name }}様</h1>\n<p>次回のご予約をお待ちしています。</p>';
    await page.getByRole('textbox', { name: '件名', exact: true }).fill(subject);
    await page.getByRole('textbox', { name: 'HTML 本文', exact: true }).fill(html);
    const email = await apiPreview(
      page,
      { channel: 'email', ja: { body: html, subject, text: null }, en: null },
      customer.id,
    );
    assert.ok(email.ok && email.output.channel === 'email', 'the API renders the email');
    assert.ok(email.output.html.includes(`${customer.familyName} ${customer.givenName}様`));
    await page.getByTestId('email-subject').filter({ hasText: email.output.subject }).waitFor();
    const frame = page.locator('iframe[title="HTML 本文のプレビュー"]');
    await page.frameLocator('iframe[title="HTML 本文のプレビュー"]').getByRole('heading', { level: 1 }).waitFor();
    assert.equal(await frame.getAttribute('sandbox'), '');
    assert.equal(await frame.getAttribute('srcdoc'), email.output.html);
    const heading = page.frameLocator('iframe[title="HTML 本文のプレビュー"]').getByRole('heading', { level: 1 });
    assert.equal(await heading.textContent(), `${customer.familyName} ${customer.givenName}様`);
    assert.equal(await page.getByLabel('テキスト本文', { exact: true }).textContent(), email.output.text);

    // Valid Liquid, but not a Flex message once rendered: a warning, not a preview.
    await page.getByLabel('チャネル', { exact: true }).selectOption('line_flex');
    const notFlex = '{"type":"flex","altText":"{{ customer.name }}様"}';
    await page.getByRole('textbox', { name: 'Flex メッセージ（JSON）', exact: true }).fill(notFlex);
    const failed = await apiPreview(page, { channel: 'line_flex', ja: { body: notFlex }, en: null }, customer.id);
    assert.ok(!failed.ok, 'the API refuses the render');
    const warning = page.getByRole('alert').filter({ hasText: 'このお客様には送れません' });
    await warning.getByText(`(${failed.code})`, { exact: false }).waitFor();
    await warning.getByText(failed.message, { exact: true }).waitFor();

    const flex =
      '{"type":"flex","altText":"{{ customer.name }}様へ","contents":{"type":"bubble","body":{"type":"box","layout":"vertical","contents":[{"type":"text","text":"{{ customer.name }}様"}]}}}';
    await page.getByRole('textbox', { name: 'Flex メッセージ（JSON）', exact: true }).fill(flex);
    await page
      .getByTestId('flex-alt-text')
      .filter({ hasText: `${customer.familyName} ${customer.givenName}様へ` })
      .waitFor();
    const contents = await page.getByLabel('Flex メッセージの内容').textContent();
    assert.equal((JSON.parse(contents ?? '') as { type: string }).type, 'bubble');
    await context.close();
  });

  it('edits the English version in its tab and previews it in English', async () => {
    const { context, page } = await newPage(app);
    await logIn(page, app.accounts.owner);
    await page.evaluate("localStorage.setItem('kayoi.language', 'en')");
    await page.goto('/templates/new');
    await page.getByRole('link', { name: 'Templates' }).first().waitFor();
    await page.getByRole('heading', { name: 'New template' }).waitFor();
    await page.getByRole('tab', { name: 'English' }).click();
    await page.getByRole('switch', { name: 'Add an English version' }).click();
    const body = page.getByRole('textbox', { name: 'Message', exact: true });
    await body.fill('Hello {{ customer.given_name }}, see you soon.');
    await page.getByText('Shown in English').waitFor();
    await page
      .getByTestId('line-bubble')
      .filter({ hasText: /^Hello .*, see you soon\.$/ })
      .waitFor();
    await page.getByRole('region', { name: 'Preview' }).waitFor();
    await body.fill('Hello {{ customer.given_name | nope }}');
    await page.getByText(/^Line 1, column \d+: .+/).waitFor();
    await page.getByText('Fix the syntax errors to see the preview.').waitFor();
    await context.close();
  });

  it('fits a 375 px phone: the editor and the preview stack without sideways scrolling', async () => {
    const { context, page } = await newPage(app, { viewport: PHONE });
    await logIn(page, app.accounts.owner);
    await page.goto('/templates/new');
    await page.getByRole('textbox', { name: 'メッセージ', exact: true }).fill(GREETING);
    await page.getByTestId('line-bubble').filter({ hasText: 'デモサロン 通い' }).waitFor();
    const width = await page.evaluate<number>('document.documentElement.scrollWidth');
    assert.ok(width <= PHONE.width, `no sideways scroll (${width}px)`);
    const box = await page.getByRole('region', { name: 'プレビュー' }).boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= PHONE.width, 'the preview fits the screen');
    await page.getByTestId('line-bubble').scrollIntoViewIfNeeded();
    await screenshot(page, 'templates-editor-phone');
    await context.close();
  });

  it('lets an analyst read and preview but not edit, and hides templates from staff', async () => {
    const owner = await newPage(app);
    await logIn(owner.page, app.accounts.owner);
    const created = await owner.page.request.post('/api/v1/templates', {
      data: { name: 'アナリスト確認用', channel: 'line_text', ja: { body: GREETING } },
    });
    assert.equal(created.status(), 201);
    const { id } = (await created.json()) as { id: string };
    await owner.context.close();

    const analyst = await newPage(app);
    await logIn(analyst.page, app.accounts.analyst);
    await analyst.page.getByRole('link', { name: 'テンプレート' }).click();
    await analyst.page.getByRole('link', { name: 'アナリスト確認用' }).click();
    await analyst.page.waitForURL(new RegExp(`/templates/${id}$`));
    await analyst.page.getByText('閲覧のみです。', { exact: false }).waitFor();
    // The preview still renders (with the analyst's masked customer), but nothing can be changed.
    await analyst.page.getByTestId('line-bubble').filter({ hasText: 'デモサロン 通い' }).waitFor();
    assert.equal(await analyst.page.getByLabel('テンプレート名').getAttribute('readonly'), '');
    assert.equal(
      await analyst.page.getByRole('textbox', { name: 'メッセージ', exact: true }).getAttribute('readonly'),
      '',
    );
    assert.equal(await analyst.page.getByRole('button', { name: '保存', exact: true }).count(), 0);
    assert.equal(await analyst.page.getByRole('button', { name: 'アーカイブ', exact: true }).count(), 0);
    await analyst.page.getByRole('link', { name: '← テンプレート一覧' }).click();
    await analyst.page.getByRole('table', { name: 'テンプレート' }).waitFor();
    assert.equal(await analyst.page.getByRole('button', { name: '新しいテンプレート' }).count(), 0);
    const refused = await analyst.page.request.patch(`/api/v1/templates/${id}`, { data: { name: 'x' } });
    assert.equal(refused.status(), 403, 'the API refuses what the page hides');
    await analyst.context.close();

    const staff = await newPage(app);
    await logIn(staff.page, app.accounts.staff);
    await staff.page.getByRole('link', { name: '顧客' }).waitFor();
    assert.equal(await staff.page.getByRole('link', { name: 'テンプレート' }).count(), 0);
    await staff.page.goto('/templates');
    await staff.page.getByText('この画面は表示できません').waitFor();
    assert.equal(await staff.page.getByRole('table', { name: 'テンプレート' }).count(), 0);
    await staff.context.close();
  });
});
