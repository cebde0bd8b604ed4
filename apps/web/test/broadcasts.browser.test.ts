import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Broadcast, Delivery, MeasurementReport, PowerPreview } from '@kayoi/contracts';
import type { Page } from 'playwright-core';
import {
  startLineContractServer,
  type LineContractServer,
} from '../../../packages/channels/test/support/lineContractServer.js';
import { startSmtpTestServer, type SmtpTestServer } from '../../../packages/channels/test/support/smtpTestServer.js';
import { buildDeliveryWorker, type DeliveryWorker } from '../../server/src/worker/delivery/buildDeliveryWorker.js';
import { DESKTOP, PHONE, logIn, newPage, screenshot, startBrowserApp, type BrowserApp } from './support/browserApp.js';
import { localeKeysOf } from './support/localeKeys.js';
import { eventually, getJson } from './support/polling.js';

const LINE_ACCESS_TOKEN = 'line-access-token-for-browser-tests';
const BROADCAST = '冬のご案内';
const yen = new Intl.NumberFormat('ja-JP', { style: 'currency', currency: 'JPY' });
const rate = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
const points = (x: number) => (x > 0 ? `+${(x * 100).toFixed(1)}` : (x * 100).toFixed(1));

async function post<T>(page: Page, path: string, data: unknown, status = 201): Promise<T> {
  const response = await page.request.post(`/api/v1${path}`, { data, headers: { 'accept-language': 'ja' } });
  assert.equal(response.status(), status, `POST ${path}: ${await response.text()}`);
  return (await response.json()) as T;
}

async function send(page: Page, method: 'PUT' | 'PATCH' | 'DELETE', path: string, data?: unknown): Promise<void> {
  const response = await page.request.fetch(`/api/v1${path}`, { method, data });
  assert.equal(response.status(), 200, `${method} ${path}: ${await response.text()}`);
}

async function pick(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Every row of the delivery log on the screen, in order, as ids. */
const shownDeliveryIds = (page: Page) =>
  page
    .getByRole('table', { name: '配信ログ' })
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-delivery')));

describe('broadcasts in Chromium', () => {
  let app: BrowserApp;
  let line: LineContractServer;
  let smtp: SmtpTestServer;
  let worker: DeliveryWorker;
  let segment: { id: string; name: string; count: number };
  let broadcast: Broadcast;

  before(async () => {
    app = await startBrowserApp();
    line = await startLineContractServer({ channelAccessToken: LINE_ACCESS_TOKEN });
    smtp = await startSmtpTestServer();
    const { context, page } = await newPage(app);
    await logIn(page, app.accounts.owner);
    await send(page, 'PUT', '/channels/line', {
      channelId: '1650000000',
      channelSecret: '0123456789abcdef0123456789abcdef',
      channelAccessToken: LINE_ACCESS_TOKEN,
    });
    await send(page, 'PUT', '/channels/email', {
      fromName: 'デモサロン 通い',
      fromAddress: 'info@salon.example.jp',
      smtpHost: '127.0.0.1',
      smtpPort: smtp.port,
      smtpSecurity: 'none',
    });
    // The test runs at any hour; quiet hours would hold every message until morning.
    await send(page, 'PATCH', '/tenant', { settings: { messaging: { quietHours: null } } });
    await post(page, '/templates', {
      name: '冬のLINE',
      channel: 'line_text',
      ja: { body: '{{ customer.family_name }}様、冬のメニューです' },
    });
    await post(page, '/templates', {
      name: '冬のメール',
      channel: 'email',
      ja: { subject: '冬のご案内', body: '<p>{{ customer.family_name }}様</p>' },
    });
    await post(page, '/templates', {
      name: '冬のLINE B',
      channel: 'line_text',
      ja: { body: '{{ customer.family_name }}様、冬の特典です' },
    });
    // A segment of regulars big enough for two pages of the delivery log (more than 50).
    for (const value of [10, 8, 6, 5, 4, 3, 2]) {
      const rule = { type: 'visitCount', op: 'gte', value };
      const { count } = await post<{ count: number }>(page, '/segments/preview', { rule }, 200);
      if (count > 60 || value === 2) {
        const saved = await post<{ id: string }>(page, '/segments', { name: `常連（${value}回以上）`, rule });
        segment = { id: saved.id, name: `常連（${value}回以上）`, count };
        break;
      }
    }
    await context.close();
    worker = buildDeliveryWorker({
      db: app.test.db,
      store: app.deps.store,
      clock: () => new Date(),
      log: () => undefined,
      unsubscribeTokens: app.deps.unsubscribeTokens,
      publicUrl: 'https://salon.example.jp',
      channels: { lineBaseUrl: line.url, smtpConnections: 2, lineOptions: { sleep: async () => undefined } },
    });
  });
  after(async () => {
    await worker.stop();
    await line.close();
    await smtp.close();
    await app.close();
  });

  it('keeps the Japanese and English texts in step', () => {
    const keys = (file: string) => localeKeysOf(new URL(`../src/features/broadcasts/locales/${file}`, import.meta.url));
    assert.deepEqual(keys('en.json'), keys('ja.json'));
  });

  it('creates a broadcast with a live power preview equal to the API, sends it, and shows what the worker did', async () => {
    const { context, page } = await newPage(app, { viewport: DESKTOP });
    await logIn(page, app.accounts.owner);
    await page.getByRole('link', { name: '一斉配信' }).click();
    await page.waitForURL(/\/broadcasts$/);
    await page.getByText('一斉配信はまだありません。').waitFor();
    await page.getByRole('button', { name: '新しい一斉配信' }).click();
    await page.waitForURL(/\/broadcasts\/new$/);

    await page.getByLabel('配信名').fill(BROADCAST);
    await pick(page, '送り先のセグメント', segment.name);
    await pick(page, 'LINE テンプレート', '冬のLINE');
    await pick(page, 'メールテンプレート', '冬のメール');
    await page.getByLabel('ホールドアウト（%）').fill('20');
    await page.getByLabel('測る日数').fill('14');
    const power = await post<PowerPreview>(
      page,
      '/broadcasts/power-preview',
      { segmentId: segment.id, holdoutPercent: 20, outcome: { kind: 'visit', days: 14 } },
      200,
    );
    assert.equal(power.audience, segment.count);
    assert.equal(power.treated + power.holdout, power.audience);
    for (const [id, value] of [
      ['power-audience', power.audience],
      ['power-treated', power.treated],
      ['power-holdout', power.holdout],
    ] as const) {
      await eventually(
        `${id} = ${value}`,
        async () => (await page.getByTestId(id).getAttribute('data-value')) === String(value),
      );
    }
    const detectable = page.getByTestId('power-detectable');
    if (power.minimumDetectableUplift === null) await detectable.getByText('見分けられません').waitFor();
    else
      await detectable
        .getByText(`来店率が ${(power.minimumDetectableUplift * 100).toFixed(1)} ポイント以上上がれば`)
        .waitFor();
    await screenshot(page, 'broadcast-editor');

    await page.getByRole('button', { name: '下書きを保存' }).click();
    await page.waitForURL(/\/broadcasts\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop() ?? '';
    const draft = await getJson<Broadcast>(page, `/broadcasts/${id}`);
    assert.equal(draft.status, 'draft');
    assert.equal(draft.holdoutPercent, 20);
    assert.deepEqual(draft.outcome, { kind: 'visit', days: 14 });
    assert.equal(draft.segmentId, segment.id);
    assert.equal(draft.channelOrder, null);

    await page.getByRole('button', { name: '今すぐ送る' }).click();
    const dialog = page.getByRole('dialog', { name: '今すぐ送りますか？' });
    await dialog.getByText(`${power.treated} 人に送り、${power.holdout} 人は効果測定のため送らずに残します`).waitFor();
    await dialog.getByRole('button', { name: '送信する' }).click();
    await page.getByText('配信ログ', { exact: true }).first().waitFor();
    assert.equal((await getJson<Broadcast>(page, `/broadcasts/${id}`)).status, 'scheduled');

    // The sending worker: prepare the audience, then send every message that is due.
    while ((await worker.drain()) > 0);
    broadcast = await getJson<Broadcast>(page, `/broadcasts/${id}`);
    assert.equal(broadcast.status, 'sent');
    assert.ok(broadcast.counts.sent > 0, `some were sent (${JSON.stringify(broadcast.counts)})`);
    assert.ok(broadcast.counts.held_out > 0, 'some were held out');
    await page.reload();
    await page.locator('[data-status="sent"]').first().waitFor();
    for (const [status, count] of Object.entries(broadcast.counts)) {
      assert.equal(await page.getByTestId(`count-${status}`).getAttribute('data-value'), String(count), status);
    }

    // The delivery log, page by page, as the API pages it.
    const first = await getJson<{ items: Delivery[]; nextCursor: string | null }>(
      page,
      `/broadcasts/${id}/deliveries?limit=50`,
    );
    await eventually(
      'the first page of the log',
      async () => (await shownDeliveryIds(page)).length === first.items.length,
    );
    assert.deepEqual(
      await shownDeliveryIds(page),
      first.items.map((d) => d.id),
    );
    const log = page.getByRole('table', { name: '配信ログ' });
    const sample = first.items.find((d) => d.status === 'sent') ?? first.items[0];
    assert.ok(sample);
    const row = log.locator(`tr[data-delivery="${sample.id}"]`);
    await row.getByText(sample.channel === 'line' ? 'LINE' : 'メール', { exact: true }).waitFor();
    await row.getByText('送信済み', { exact: true }).waitFor();
    await screenshot(page, 'broadcast-detail');
    if (first.nextCursor) {
      const second = await getJson<{ items: Delivery[] }>(
        page,
        `/broadcasts/${id}/deliveries?limit=50&cursor=${encodeURIComponent(first.nextCursor)}`,
      );
      await page.getByRole('button', { name: 'さらに表示' }).click();
      await eventually(
        'the second page',
        async () => (await shownDeliveryIds(page)).length === first.items.length + second.items.length,
      );
      assert.deepEqual(
        await shownDeliveryIds(page),
        [...first.items, ...second.items].map((d) => d.id),
      );
    }
    // Filtered to the held-out customers: the API's rows, with the reason-free holdout arm.
    const heldOut = await getJson<{ items: Delivery[] }>(page, `/broadcasts/${id}/deliveries?status=held_out&limit=50`);
    await pick(page, '状態で絞り込む', 'ホールドアウト');
    await eventually('the held-out rows', async () => {
      const ids = await shownDeliveryIds(page);
      return JSON.stringify(ids) === JSON.stringify(heldOut.items.map((d) => d.id));
    });

    // Some come back after the message: three who were sent it and one held out, ¥5,500 each.
    const everyone = await getJson<{ items: Delivery[] }>(page, `/broadcasts/${id}/deliveries?limit=200`);
    const [store] = (await getJson<{ items: { id: string }[] }>(page, '/stores')).items;
    assert.ok(store);
    const sentTo = everyone.items.filter((d) => d.arm === 'a' && d.status === 'sent').slice(0, 3);
    // Held out, not set aside: customers no channel reaches are skipped in every arm and not measured.
    const heldBack = everyone.items.filter((d) => d.arm === 'holdout' && d.status === 'held_out').slice(0, 1);
    assert.equal(sentTo.length + heldBack.length, 4);
    for (const d of [...sentTo, ...heldBack]) {
      await post(page, '/visits', {
        customerId: d.customerId,
        storeId: store.id,
        startedAt: new Date().toISOString(),
        items: [{ name: 'カット', unitPrice: 5500 }],
        payments: [{ method: 'card', amount: 5500 }],
      });
    }

    // The measurement report, number for number.
    const report = await getJson<MeasurementReport>(page, `/broadcasts/${id}/report`);
    await page.getByRole('tab', { name: '効果' }).click();
    const table = page.getByRole('table', { name: '効果（送った人とホールドアウトの比較）' });
    // The tab loads its report after the click: read the cells once the rows are there.
    await table.locator('tr[data-arm="holdout"] td').first().waitFor();
    for (const [arm, values] of [
      ['treated', report.treated],
      ['holdout', report.holdout],
    ] as const) {
      const cells = await table.locator(`tr[data-arm="${arm}"] td`).allTextContents();
      assert.deepEqual(cells, [
        String(values.customers),
        String(values.converted),
        rate(values.rate),
        String(values.visits),
        yen.format(values.revenue),
      ]);
    }
    assert.equal(report.holdout.customers, broadcast.counts.held_out);
    assert.equal(report.treated.converted, 3);
    assert.equal(report.holdout.revenue, 5500);
    const uplift = page.getByTestId('report-uplift');
    if (report.uplift) {
      await uplift
        .getByText(
          `${points(report.uplift.estimate)} ポイント（95% 区間 ${points(report.uplift.lower)} 〜 ${points(report.uplift.upper)}）`,
        )
        .waitFor();
      await page
        .getByTestId('report-significance')
        .getByText(report.significant ? '有意' : '有意ではない', { exact: true })
        .waitFor();
    } else {
      await uplift.getByText('まだ計算できません').waitFor();
    }
    assert.ok(
      report.incrementalVisits !== null && report.incrementalRevenue !== null,
      'the report counts what was added',
    );
    await page
      .getByTestId('report-incremental-visits')
      .getByText(`増えた来店: ${report.incrementalVisits.toFixed(1)} 回`, { exact: true })
      .waitFor();
    await page
      .getByTestId('report-incremental-revenue')
      .getByText(`増えた売上: ${yen.format(report.incrementalRevenue)}`, { exact: true })
      .waitFor();
    assert.equal(report.complete, false);
    assert.ok(report.windowEndsAt);
    const closes = new Intl.DateTimeFormat('ja-JP', {
      timeZone: 'Asia/Tokyo',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(new Date(report.windowEndsAt));
    await page.getByText(`測定期間は ${closes} に終わります`).waitFor();
    await screenshot(page, 'broadcast-report');

    // The list: newest first, with the same counts.
    await page.getByRole('link', { name: '← 一斉配信一覧' }).click();
    const listRow = page.getByRole('table', { name: '一斉配信' }).locator(`tr:has(a[href="/broadcasts/${id}"])`);
    await listRow.getByText('送信済み', { exact: true }).waitFor();
    const cells = await listRow.locator('td').allTextContents();
    assert.deepEqual(
      cells.slice(3),
      [broadcast.counts.sent, broadcast.counts.held_out, broadcast.counts.skipped, broadcast.counts.failed].map(String),
    );
    await screenshot(page, 'broadcasts-list');

    // The karte of a customer who was sent it shows the message.
    await page.goto(`/customers/${sample.customerId}`);
    const card = page.getByRole('region', { name: '配信履歴' });
    const karteRow = card.locator(`tr[data-delivery="${sample.id}"]`);
    await karteRow.getByText(BROADCAST).waitFor();
    await karteRow.getByText('送信済み', { exact: true }).waitFor();
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'karte-deliveries');
    await context.close();
  });

  it("shows the API's refusal in words: an archived segment cannot be sent to", async () => {
    const { context, page } = await newPage(app);
    await logIn(page, app.accounts.owner);
    const doomed = await post<{ id: string }>(page, '/segments', {
      name: '消えるセグメント',
      rule: { type: 'visitCount', op: 'gte', value: 1 },
    });
    await page.goto('/broadcasts/new');
    await page.getByLabel('配信名').fill('届かない配信');
    await pick(page, '送り先のセグメント', '消えるセグメント');
    await pick(page, 'LINE テンプレート', '冬のLINE');
    await page.getByTestId('power-audience').and(page.locator('[data-value]:not([data-value=""])')).waitFor();
    await send(page, 'DELETE', `/segments/${doomed.id}`);
    const refused = await page.request.post('/api/v1/broadcasts', {
      data: { name: '届かない配信', segmentId: doomed.id, templates: { line: broadcast.templates.line } },
      headers: { 'accept-language': 'ja' },
    });
    const { error } = (await refused.json()) as { error: { code: string; message: string } };
    assert.equal(error.code, 'SEGMENT_ARCHIVED');
    await page.getByRole('button', { name: '下書きを保存' }).click();
    await page.getByRole('alert').getByText(error.message, { exact: true }).waitFor();
    assert.match(page.url(), /\/broadcasts\/new$/);
    await context.close();
  });

  it('lets an analyst read the log and the report but not create, and hides broadcasts from staff', async () => {
    const analyst = await newPage(app);
    await logIn(analyst.page, app.accounts.analyst);
    await analyst.page.getByRole('link', { name: '一斉配信' }).click();
    const row = analyst.page
      .getByRole('table', { name: '一斉配信' })
      .locator(`tr:has(a[href="/broadcasts/${broadcast.id}"])`);
    await row.getByRole('link', { name: BROADCAST }).waitFor();
    assert.equal(await analyst.page.getByRole('button', { name: '新しい一斉配信' }).count(), 0);
    await row.getByRole('link', { name: BROADCAST }).click();
    await analyst.page.getByRole('table', { name: '配信ログ' }).waitFor();
    assert.equal(await analyst.page.getByRole('button', { name: '配信を取り消す' }).count(), 0);
    await analyst.page.getByRole('tab', { name: '効果' }).click();
    const report = await getJson<MeasurementReport>(analyst.page, `/broadcasts/${broadcast.id}/report`);
    await analyst.page.locator('tr[data-arm="treated"] td').first().waitFor();
    const cells = await analyst.page.locator('tr[data-arm="treated"] td').allTextContents();
    assert.equal(cells[0], String(report.treated.customers));
    await analyst.page.goto('/broadcasts/new');
    await analyst.page.getByText('この画面は表示できません').waitFor();
    assert.equal(await analyst.page.getByLabel('配信名').count(), 0);
    await analyst.context.close();

    const staff = await newPage(app);
    await logIn(staff.page, app.accounts.staff);
    await staff.page.getByRole('link', { name: '顧客' }).waitFor();
    assert.equal(await staff.page.getByRole('link', { name: '一斉配信' }).count(), 0);
    await staff.context.close();
  });

  it('fits a phone: the list and the detail do not scroll sideways', async () => {
    const { context, page } = await newPage(app, { viewport: PHONE });
    await logIn(page, app.accounts.owner);
    await page.goto('/broadcasts');
    await page.getByRole('link', { name: BROADCAST }).waitFor();
    const listWidth = await page.evaluate<number>('document.documentElement.scrollWidth');
    assert.ok(listWidth <= PHONE.width, `list: no sideways scroll (${listWidth}px)`);
    await page.getByRole('link', { name: BROADCAST }).click();
    await page.getByRole('table', { name: '配信ログ' }).waitFor();
    const width = await page.evaluate<number>('document.documentElement.scrollWidth');
    assert.ok(width <= PHONE.width, `detail: no sideways scroll (${width}px)`);
    await screenshot(page, 'broadcast-phone');
    await page.goto('/broadcasts/new');
    await page.getByLabel('配信名').waitFor();
    const editorWidth = await page.evaluate<number>('document.documentElement.scrollWidth');
    assert.ok(editorWidth <= PHONE.width, `editor: no sideways scroll (${editorWidth}px)`);
    await context.close();
  });

  it('speaks English', async () => {
    const { context, page } = await newPage(app);
    await logIn(page, app.accounts.owner);
    await page.evaluate("localStorage.setItem('kayoi.language', 'en')");
    await page.goto('/broadcasts');
    await page.getByRole('link', { name: 'Broadcasts' }).first().waitFor();
    await page.getByRole('button', { name: 'New broadcast' }).waitFor();
    await page.getByRole('link', { name: BROADCAST }).click();
    await page.getByRole('tab', { name: 'Delivery log' }).waitFor();
    await page.getByRole('tab', { name: 'Results' }).click();
    await page.getByRole('columnheader', { name: 'Came back' }).first().waitFor();
    await page.getByText(/The measurement window closes on/).waitFor();
    await context.close();
  });
});
