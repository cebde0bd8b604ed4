import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type {
  Customer,
  CustomerScore,
  ForecastView,
  ModelRun,
  MonitoringView,
  StaffView,
  Tenant,
  UnitEconomicsView,
  WhatIfResult,
} from '@kayoi/contracts';
import type { Locator, Page } from 'playwright-core';
import { DESKTOP, PHONE, logIn, newPage, screenshot, startBrowserApp, type BrowserApp } from './support/browserApp.js';
import { eventually, getJson } from './support/polling.js';

/** "￥1,234" → "1234": yen signs and separators differ between locales, the digits do not. */
const digits = (text: string) => text.replace(/[^\d]/g, '');
/** The page's share format: one decimal and a percent sign. */
const share = (value: number) => `${(value * 100).toFixed(1)}%`;
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;

async function fitsThePhone(page: Page): Promise<void> {
  const width = await page.evaluate<number>('document.documentElement.scrollWidth');
  assert.ok(width <= PHONE.width, `the page is ${width} px wide at ${PHONE.width} px`);
}

/**
 * Opens a page as a phone does, fresh at 375 px: after shrinking a desktop page the charts
 * resize a frame later, and the width would be measured mid-way.
 */
async function checkPhone(app: BrowserApp, path: string, ready: (page: Page) => Locator): Promise<Page> {
  const { page } = await newPage(app, { viewport: PHONE });
  await logIn(page, app.accounts.owner);
  await page.goto(path);
  await ready(page).waitFor();
  await fitsThePhone(page);
  return page;
}

/** The rows of a named table as text, by their row header (the first column). */
async function rowText(page: Page, table: string, header: string): Promise<string> {
  const row = page
    .getByRole('table', { name: table })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: header, exact: true }) });
  await row.waitFor();
  return row.innerText();
}

describe('analytics planning pages in Chromium', () => {
  let app: BrowserApp;
  before(async () => {
    app = await startBrowserApp();
    await app.refreshAnalytics();
  });
  after(() => app.close());

  it('shows each channel’s acquisition cost and LTV/CAC as the API computes them', async () => {
    const { context, page } = await newPage(app, { viewport: DESKTOP });
    await logIn(page, app.accounts.owner);
    await page.goto('/analytics/economics');
    await page.getByRole('table', { name: 'チャネル別の採算' }).waitFor();
    const { view } = await getJson<{ view: UnitEconomicsView }>(page, '/analytics/unit-economics');
    const paid = view.channels.filter((c) => c.acquisitionCost !== null && c.ltvToCac !== null);
    assert.ok(paid.length > 0, 'the demo salon records ad spend for some channels');
    for (const channel of view.channels) {
      const text = await rowText(page, 'チャネル別の採算', channel.label);
      const cells = text.split('\t').map((cell) => cell.trim());
      assert.equal(digits(cells[1] ?? ''), String(channel.adSpend), `${channel.label}: ad spend`);
      assert.equal(cells[2], `${channel.newCustomers}人`, `${channel.label}: new customers`);
      if (channel.acquisitionCost === null || channel.ltvToCac === null) {
        assert.equal(cells[3], '—', `${channel.label}: no CAC without spend`);
        continue;
      }
      assert.equal(digits(cells[3] ?? ''), String(channel.acquisitionCost), `${channel.label}: CAC`);
      assert.equal(cells[5], `${channel.ltvToCac.toFixed(1)}倍`, `${channel.label}: LTV/CAC`);
    }
    // The chart's text summary carries the same ratios for screen readers.
    const summary = await page.locator('figcaption').first().textContent();
    assert.ok(summary?.includes(`${paid[0]!.label} ${paid[0]!.ltvToCac!.toFixed(1)}倍`), summary ?? '');
    assert.equal(await page.getByText('広告費がまだ登録されていません').count(), 0);
    await screenshot(page, 'analytics-economics');
    await context.close();
  });

  it('moving the second-visit lever shows the revenue effect the what-if API returns', async () => {
    const { context, page } = await newPage(app, { viewport: DESKTOP });
    await logIn(page, app.accounts.owner);
    await page.goto('/analytics/economics');
    const lever = page.getByRole('region', { name: /^2回目来店率 \+\d+ ポイント$/ });
    const effect = lever.getByRole('status', { name: '12か月の売上効果' });
    const shows = async (points: number) => {
      const { result } = await getJson<{ result: WhatIfResult }>(
        page,
        `/analytics/unit-economics/what-if?secondVisitRatePoints=${points}&retentionPercent=5&acquisitionPercent=10`,
      );
      await eventually(`the effect of +${points} points`, async () => {
        return digits(await effect.innerText()) === String(result.secondVisit.revenue);
      });
      return result;
    };
    const start = await shows(5);
    // The slider moves by keyboard as by thumb: three steps right is +8 points.
    await lever.getByRole('slider').focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await lever.getByRole('heading', { name: '2回目来店率 +8 ポイント' }).waitFor();
    const moved = await shows(8);
    assert.ok(moved.secondVisit.revenue > start.secondVisit.revenue, 'more second visits are worth more');
    // An exact value typed in the number field.
    await lever.getByRole('textbox', { name: '2回目来店率の上げ幅（ポイント）' }).fill('20');
    await shows(20);

    // Acquisition's cost and net sit beside its revenue.
    const acquisition = page.getByRole('region', { name: /^新規獲得 \+\d+%$/ });
    const { result } = await getJson<{ result: WhatIfResult }>(
      page,
      '/analytics/unit-economics/what-if?secondVisitRatePoints=20&retentionPercent=5&acquisitionPercent=10',
    );
    assert.equal(
      digits(await acquisition.getByRole('status', { name: '追加の広告費' }).innerText()),
      String(result.acquisition.cost),
    );
    assert.equal(
      digits(await acquisition.getByRole('status', { name: '差し引き' }).innerText()),
      String(Math.abs(result.acquisition.net)),
    );
    await context.close();
  });

  it('fits the economics page on a 375 px phone', async () => {
    const page = await checkPhone(app, '/analytics/economics', (p) =>
      p.getByRole('status', { name: '12か月の売上効果' }).first(),
    );
    await page.getByRole('table', { name: 'チャネル別の採算' }).waitFor();
    await screenshot(page, 'analytics-economics-phone');
    await page.context().close();
  });

  it('says when no ad spend is recorded and links to where it is entered', async () => {
    const { context, page } = await newPage(app, { viewport: DESKTOP });
    await logIn(page, app.accounts.owner);
    // A shop that never entered its spend: the API's real answer with the spend taken out.
    await page.route('**/api/v1/analytics/unit-economics', async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { view: UnitEconomicsView };
      body.view.channels = body.view.channels.map((c) => ({
        ...c,
        adSpend: 0,
        acquisitionCost: null,
        ltvToCac: null,
        paybackMonths: null,
      }));
      body.view.baseline.adSpendLast12Months = 0;
      await route.fulfill({ response, json: body });
    });
    await page.goto('/analytics/economics');
    await page.getByText('広告費がまだ登録されていません').waitFor();
    await page.getByText('広告費が未登録のため、追加の広告費は0円として計算しています。').waitFor();
    await page.getByRole('link', { name: '集客チャネルの設定で広告費を入力する' }).click();
    await page.waitForURL(/\/settings\/channels$/);
    await context.close();
  });

  it('forecasts every month as the API does, with its interval and staff hours', async () => {
    const { context, page } = await newPage(app, { viewport: DESKTOP });
    await logIn(page, app.accounts.owner);
    await page.goto('/analytics/forecast');
    await page.getByRole('table', { name: '月別の予測' }).waitFor();
    const { view } = await getJson<{ view: ForecastView }>(page, '/analytics/forecast');
    assert.ok(view.months.length >= 12);
    const rows = page.getByRole('table', { name: '月別の予測' }).getByRole('row');
    assert.equal(await rows.count(), view.months.length + 1);
    for (const [i, month] of view.months.entries()) {
      const cells = (await rows.nth(i + 1).innerText()).split('\t').map((c) => c.trim());
      assert.equal(digits(cells[3] ?? ''), String(month.revenue), `${month.month}: revenue`);
      assert.equal(digits(cells[4] ?? ''), `${month.revenueLow}${month.revenueHigh}`, `${month.month}: interval`);
      assert.equal(cells[1], month.visits.toFixed(1), `${month.month}: visits`);
      if (month.staffHours !== null) assert.equal(cells[8], `${Math.round(month.staffHours)}時間`);
    }
    const year = view.months.filter((m) => !m.partial).slice(0, 12);
    const total = year.reduce((s, m) => s + m.revenue, 0);
    const figure = page.getByRole('region', { name: '今後12か月の予測売上' });
    const value = (await figure.innerText()).split('\n').filter((line) => line.trim())[1];
    assert.equal(digits(value ?? ''), String(total));
    await screenshot(page, 'analytics-forecast');

    await context.close();
    await (
      await checkPhone(app, '/analytics/forecast', (p) => p.getByRole('table', { name: '月別の予測' }))
    )
      .context()
      .close();
  });

  it('compares staff members as the API does', async () => {
    const { context, page } = await newPage(app, { viewport: DESKTOP });
    await logIn(page, app.accounts.owner);
    await page.goto('/analytics/staff');
    await page.getByRole('table', { name: 'スタッフ別の成果' }).waitFor();
    const { view } = await getJson<{ view: StaffView }>(page, '/analytics/staff');
    assert.ok(view.rows.length > 0);
    for (const row of view.rows) {
      const cells = (await rowText(page, 'スタッフ別の成果', row.label)).split('\t').map((c) => c.trim());
      assert.equal(cells[1], `${row.customersServed}人`, `${row.label}: served`);
      assert.equal(cells[3], row.newCustomerReturnRate === null ? '—' : share(row.newCustomerReturnRate));
      assert.equal(
        digits(cells[4] ?? ''),
        row.averagePredictedClv1y === null ? '' : String(row.averagePredictedClv1y),
        `${row.label}: CLV`,
      );
    }
    await screenshot(page, 'analytics-staff');
    await context.close();
    await (
      await checkPhone(app, '/analytics/staff', (p) => p.getByRole('table', { name: 'スタッフ別の成果' }))
    )
      .context()
      .close();
  });

  it('monitors each grouping week by week and says when nothing is wrong', async () => {
    const { context, page } = await newPage(app, { viewport: DESKTOP });
    await logIn(page, app.accounts.owner);
    await page.goto('/analytics/monitoring');
    const table = page.getByRole('table', { name: 'グループ別の最新週' });
    for (const [dimension, label] of [
      ['segment', 'RFMセグメント'],
      ['store', '店舗'],
    ] as const) {
      await page.getByRole('combobox', { name: '切り口' }).selectOption({ label });
      await page.getByRole('heading', { name: `${label}別の週ごとの推移` }).waitFor();
      const { view } = await getJson<{ view: MonitoringView }>(page, `/analytics/monitoring?dimension=${dimension}`);
      assert.ok(view.groups.length > 0, dimension);
      await eventually(
        `${dimension} rows`,
        async () => (await table.getByRole('row').count()) === view.groups.length + 1,
      );
      for (const [i, group] of view.groups.entries()) {
        const cells = (
          await table
            .getByRole('row')
            .nth(i + 1)
            .innerText()
        )
          .split('\t')
          .map((c) => c.trim());
        const now = group.points.at(-1)!;
        assert.equal(cells[1], now.returnRate === null ? '—' : share(now.returnRate), `${group.label}: return rate`);
        assert.equal(cells[3], `${now.base}人`, `${group.label}: base`);
        const sameStore = now.sameStoreShare === null ? '—' : share(now.sameStoreShare);
        assert.equal(cells[7], sameStore, `${group.label}: same store`);
      }
      if (view.alerts.length === 0) await page.getByText('異常はありません').waitFor();
      else
        assert.equal(
          await page.getByRole('list', { name: '注意が必要な変化の一覧' }).getByRole('listitem').count(),
          view.alerts.length,
        );
    }
    await screenshot(page, 'analytics-monitoring');
    await context.close();
    const phone = await checkPhone(app, '/analytics/monitoring', (p) =>
      p.getByRole('table', { name: 'グループ別の最新週' }),
    );
    await phone.context().close();
  });

  it('words an alert and what changed alongside it as sentences', async () => {
    const { context, page } = await newPage(app, { viewport: DESKTOP });
    await logIn(page, app.accounts.owner);
    // The demo salon has no drop worth an alert; one is added to the API's real answer.
    await page.route('**/api/v1/analytics/monitoring?dimension=segment', async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { view: MonitoringView };
      body.view.alerts = [
        {
          dimension: 'segment',
          group: 'at_risk',
          label: 'at_risk',
          metric: 'returnRate',
          before: 0.42,
          now: 0.33,
          change: -0.09,
          drivers: [
            { kind: 'spendPerVisit', before: 8400, now: 7900 },
            { kind: 'visits', before: 120, now: 98 },
            { kind: 'sameStaffShare', before: 0.8, now: 0.65 },
            { kind: 'sameStoreShare', before: 0.95, now: 0.7 },
            { kind: 'contacts', before: null, now: null },
          ],
        },
      ];
      await route.fulfill({ response, json: body });
    });
    await page.goto('/analytics/monitoring');
    const alerts = page.getByRole('list', { name: '注意が必要な変化の一覧' });
    const alert = alerts.getByRole('listitem').filter({ hasText: '離反リスク：再来店率が下がっています' });
    await alert.waitFor();
    const text = await alert.innerText();
    assert.ok(text.includes('42.0% → 33.0%（−9.0ポイント）'), text);
    assert.ok(text.includes('お知らせの基準：4週間で5ポイント以上の低下'), text);
    assert.ok(
      text.includes('客単価が ￥8,400 から ￥7,900 に下がりました。') ||
        text.includes('客単価が ¥8,400 から ¥7,900 に下がりました。'),
      text,
    );
    assert.ok(text.includes('直近90日の来店数が 120回 から 98回 に減りました。'), text);
    assert.ok(text.includes('前回と同じスタッフが担当した割合が 80.0% から 65.0% に下がりました。'), text);
    assert.ok(text.includes('前回と同じ店舗に来店した割合が 95.0% から 70.0% に下がりました。'), text);
    assert.equal(await page.getByText('異常はありません').count(), 0);
    await context.close();
  });

  it('shows a regular’s P(alive) and CLV interval on the karte, to those who may read analytics', async () => {
    const { context, page } = await newPage(app, { viewport: DESKTOP });
    await logIn(page, app.accounts.owner);
    const { items } = await getJson<{ items: Customer[] }>(page, '/customers?sort=visitCount&limit=5');
    const regular = items[0]!;
    const score = await getJson<CustomerScore>(page, `/customers/${regular.id}/score`);
    assert.ok(score.pAlive !== null && score.predictedClv1yLow !== null && score.predictedClv1yHigh !== null);
    await page.goto(`/customers/${regular.id}`);
    const card = page.getByRole('region', { name: '来店予測・LTV' });
    await card.getByText('今も通っている可能性').waitFor();
    const text = await card.innerText();
    assert.ok(text.includes(share(score.pAlive)), `P(alive) ${share(score.pAlive)} in ${text}`);
    const interval = text.split('\n').find((line) => line.startsWith('90%の幅'));
    assert.equal(
      digits(interval ?? ''),
      `90${score.predictedClv1yLow}${score.predictedClv1yHigh}`,
      `CLV interval in ${text}`,
    );
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'customer-karte-score');
    await context.close();

    // On a phone the figures stack two to a row.
    const phone = await checkPhone(app, `/customers/${regular.id}`, (p) =>
      p.getByRole('region', { name: '来店予測・LTV' }).getByText('今も通っている可能性'),
    );
    await phone.context().close();

    // Staff see the karte without the predictions.
    const staff = await newPage(app, { viewport: DESKTOP });
    await logIn(staff.page, app.accounts.staff);
    await staff.page.goto(`/customers/${regular.id}`);
    await staff.page.getByRole('region', { name: '来店実績' }).waitFor();
    assert.equal(await staff.page.getByRole('region', { name: '来店予測・LTV' }).count(), 0);
    await staff.context.close();
  });

  it('is complete in English', async () => {
    const { context, page } = await newPage(app, { viewport: DESKTOP });
    await context.addInitScript({ content: "localStorage.setItem('kayoi.language', 'en')" });
    await logIn(page, app.accounts.owner);
    const economics = await getJson<{ view: UnitEconomicsView }>(page, '/analytics/unit-economics');
    const staff = await getJson<{ view: StaffView }>(page, '/analytics/staff');
    const stores = await getJson<{ view: MonitoringView }>(page, '/analytics/monitoring?dimension=segment');
    // Names of channels and staff are the shop's own words; everything else must be English.
    const names = [
      ...economics.view.channels.map((c) => c.label),
      ...staff.view.rows.map((r) => r.label),
      ...stores.view.groups.map((g) => g.label),
    ];
    const pages = [
      ['economics', 'Economics by acquisition channel'],
      ['staff', 'Results by staff member'],
      ['monitoring', 'Changes worth a look'],
      ['forecast', 'Forecast by month'],
    ] as const;
    for (const [path, heading] of pages) {
      await page.goto(`/analytics/${path}`);
      await page.getByRole('heading', { name: heading, exact: true }).waitFor();
      await page.getByRole('table').first().waitFor();
      let text = await page.getByRole('tabpanel').innerText();
      // Chart axes break a name across lines ("Google マップ" → "Googleマップ"): remove both forms.
      for (const name of names) text = text.split(name).join('').split(name.replace(/\s/g, '')).join('');
      const stray = text.split('\n').filter((line) => JAPANESE.test(line));
      assert.deepEqual(stray, [], `${path}: untranslated text`);
    }
    await page.getByRole('heading', { name: 'Forecast by month', exact: true }).waitFor();
    await screenshot(page, 'analytics-forecast-en');
    await context.close();
  });

  it('saves the analytics settings, which the next refresh uses', async () => {
    const { context, page } = await newPage(app, { viewport: DESKTOP });
    await logIn(page, app.accounts.owner);
    await page.goto('/settings/analytics');
    const rate = page.getByRole('textbox', { name: '割引率（年）' });
    await rate.waitFor();
    assert.equal(await rate.inputValue(), '10');

    // Out of range: said before sending.
    await rate.fill('150');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('100 以下にしてください').waitFor();

    await rate.fill('8');
    await page.getByRole('switch', { name: '毎晩自動で分析を更新する' }).waitFor();
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('alert').filter({ hasText: '保存しました' }).first().waitFor();
    const tenant = await getJson<Tenant>(page, '/tenant');
    assert.equal(tenant.settings.analytics.discountRatePerYear, 0.08);
    assert.equal(tenant.settings.analytics.spendBasis, 'revenue');
    await screenshot(page, 'settings-analytics');
    await (
      await checkPhone(app, '/settings/analytics', (p) => p.getByRole('textbox', { name: '割引率（年）' }))
    )
      .context()
      .close();

    await app.refreshAnalytics();
    const { items } = await getJson<{ items: ModelRun[] }>(page, '/analytics/runs?limit=1');
    assert.equal(items[0]?.diagnostics?.discountRatePerYear, 0.08);

    // A manager runs the shop day to day but does not change how it is measured.
    const manager = await newPage(app, { viewport: DESKTOP });
    await logIn(manager.page, app.accounts.manager);
    await manager.page.goto('/settings/analytics');
    await manager.page.getByText('この画面は表示できません').waitFor();
    await manager.context.close();
    await context.close();
  });
});
