import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { StaffNotification } from '@kayoi/contracts';
import { journeyRunStore } from '@kayoi/db';
import type { Page } from 'playwright-core';
import { DESKTOP, PHONE, logIn, newPage, screenshot, startBrowserApp, type BrowserApp } from './support/browserApp.js';
import { localeKeysOf } from './support/localeKeys.js';
import { eventually, getJson } from './support/polling.js';

const JOURNEY = '呼び戻しフォロー';
/** More than one page of the list (20), so "さらに表示" has something to show. */
const NOTIFICATIONS = 25;

interface NotificationPage {
  items: StaffNotification[];
  nextCursor: string | null;
}

/** Every notification on the screen, in order, as ids. */
const shownIds = (page: Page) =>
  page.locator('[data-notification]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-notification')));

const unreadCount = async (page: Page) =>
  (await getJson<NotificationPage>(page, '/staff-notifications?unread=true&limit=200')).items.length;

const bell = (page: Page) => page.getByTestId('unread-count');

describe('staff notifications in Chromium', () => {
  let app: BrowserApp;

  before(async () => {
    app = await startBrowserApp();
    const { context, page } = await newPage(app);
    await logIn(page, app.accounts.owner);
    const response = await page.request.post('/api/v1/journeys', {
      data: {
        name: JOURNEY,
        definition: {
          trigger: { type: 'any_visit' },
          entryStepId: 'notify',
          steps: [{ id: 'notify', type: 'notify_staff', message: 'お電話を検討してください', next: null }],
          exitOn: { visit: false, booking: false },
          reentry: { policy: 'never' },
        },
      },
    });
    assert.equal(response.status(), 201, await response.text());
    const journey = (await response.json()) as { id: string };
    const customers = await getJson<{ items: { id: string }[] }>(page, `/customers?limit=${NOTIFICATIONS}`);
    await context.close();
    // Written the way the journey worker writes them: there is no API to create one.
    const runs = journeyRunStore(app.test.db.orm);
    for (const [i, customer] of customers.items.entries()) {
      await runs.notifyStaff({
        tenantId: app.tenantId,
        customerId: customer.id,
        journeyId: journey.id,
        sourceKey: `browser-test:${i}`,
        message: `呼び戻しメッセージから14日、まだご来店がありません（${i + 1}）。`,
        at: new Date(Date.UTC(2026, 10, 1, 1, i)),
      });
    }
  });
  after(async () => {
    await app.close();
  });

  it('keeps the Japanese and English texts in step', () => {
    const keys = (file: string) =>
      localeKeysOf(new URL(`../src/features/notifications/locales/${file}`, import.meta.url));
    assert.deepEqual(keys('en.json'), keys('ja.json'));
  });

  it('shows staff the unread count, lists what the API lists, and marks one read', async () => {
    const { context, page } = await newPage(app, { viewport: DESKTOP });
    await logIn(page, app.accounts.staff);
    const unread = await unreadCount(page);
    assert.equal(unread, NOTIFICATIONS);
    await eventually(`bell = ${unread}`, async () => (await bell(page).getAttribute('data-value')) === String(unread));
    await page.getByRole('link', { name: `お知らせ（未読 ${unread} 件）` }).click();
    await page.waitForURL(/\/notifications$/);

    const first = await getJson<NotificationPage>(page, '/staff-notifications?limit=20');
    await eventually('the first page', async () => (await shownIds(page)).length === first.items.length);
    assert.deepEqual(
      await shownIds(page),
      first.items.map((n) => n.id),
    );
    const times = first.items.map((n) => n.createdAt);
    assert.deepEqual(times, [...times].sort().reverse(), 'newest first');
    const top = page.locator(`[data-notification="${first.items[0]!.id}"]`);
    await top.getByText(first.items[0]!.message).waitFor();
    await top.getByRole('link', { name: first.items[0]!.customerName ?? '' }).waitFor();
    await top.getByText(`ステップ配信: ${JOURNEY}`).waitFor();

    await page.getByRole('button', { name: 'さらに表示' }).click();
    const all = await getJson<NotificationPage>(page, '/staff-notifications?limit=200');
    await eventually('every page', async () => (await shownIds(page)).length === all.items.length);
    assert.deepEqual(
      await shownIds(page),
      all.items.map((n) => n.id),
    );
    assert.equal(await page.getByRole('button', { name: 'さらに表示' }).count(), 0);
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, 'notifications');

    const target = all.items[1]!;
    await page.locator(`[data-notification="${target.id}"]`).getByRole('button', { name: '既読にする' }).click();
    await page.locator(`[data-notification="${target.id}"][data-unread="false"]`).waitFor();
    assert.equal(
      await page.locator(`[data-notification="${target.id}"]`).getByRole('button', { name: '既読にする' }).count(),
      0,
    );
    const after = await unreadCount(page);
    assert.equal(after, unread - 1);
    await eventually(`bell = ${after}`, async () => (await bell(page).getAttribute('data-value')) === String(after));
    const read = (await getJson<NotificationPage>(page, '/staff-notifications?limit=200')).items.find(
      (n) => n.id === target.id,
    );
    assert.ok(read?.readAt, 'the API has it read');

    await page.getByLabel('未読のみ').check({ force: true });
    const unreadPage = await getJson<NotificationPage>(page, '/staff-notifications?unread=true&limit=20');
    await eventually('only unread', async () => !(await shownIds(page)).includes(target.id));
    assert.deepEqual(
      await shownIds(page),
      unreadPage.items.map((n) => n.id),
    );
    await context.close();
  });

  it('shows an analyst the notes without customer names', async () => {
    const { context, page } = await newPage(app);
    await logIn(page, app.accounts.analyst);
    const listed = await getJson<NotificationPage>(page, '/staff-notifications?limit=20');
    assert.ok(listed.items.every((n) => n.customerName === null));
    await bell(page).waitFor();
    await page.goto('/notifications');
    await eventually('the list', async () => (await shownIds(page)).length === listed.items.length);
    const customers = await page.getByTestId('customer').allTextContents();
    assert.deepEqual(
      customers,
      listed.items.map(() => '顧客: —'),
    );
    assert.equal(await page.locator('[data-notification] a[href^="/customers/"]').count(), 0);
    await context.close();
  });

  it('speaks English', async () => {
    const { context, page } = await newPage(app);
    await logIn(page, app.accounts.staff);
    await page.evaluate("localStorage.setItem('kayoi.language', 'en')");
    await page.goto('/notifications');
    await page.getByRole('heading', { name: 'Notifications' }).waitFor();
    await page.getByLabel('Unread only').waitFor();
    await page.getByRole('button', { name: 'Mark as read' }).first().waitFor();
    await page.getByRole('button', { name: 'Show more' }).waitFor();
    await page.getByRole('link', { name: /^Notifications \(\d+ unread\)$/ }).waitFor();
    await context.close();
  });

  it('fits a phone without sideways scroll', async () => {
    const { context, page } = await newPage(app, { viewport: PHONE });
    await logIn(page, app.accounts.staff);
    await bell(page).waitFor();
    await page.goto('/notifications');
    await page.locator('[data-notification]').first().waitFor();
    const width = await page.evaluate<number>('document.documentElement.scrollWidth');
    assert.ok(width <= PHONE.width, `no sideways scroll (${width}px)`);
    await context.close();
  });
});
