import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type {
  AtRiskCustomer,
  CohortsView,
  ModelRun,
  Overview,
  ParetoView,
  RfmView,
  SegmentsView,
} from '@kayoi/contracts';
import type { Locator, Page } from 'playwright-core';
import { DESKTOP, PHONE, logIn, newPage, screenshot, startBrowserApp, type BrowserApp } from './support/browserApp.js';
import { localeKeysOf } from './support/localeKeys.js';

const localeDir = new URL('../src/features/analytics/locales/', import.meta.url);
const locale = (lang: 'ja' | 'en', file: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`${lang}/${file}`, localeDir), 'utf8')) as Record<string, unknown>;
const text = (lang: 'ja' | 'en', file: string, ...path: string[]): string =>
  path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], locale(lang, file)) as string;

/** The pages this file covers, by path, with the locale file holding their words. */
const PAGES = [
  ['overview', 'overview.json'],
  ['cohorts', 'cohorts.json'],
  ['rfm', 'rfm.json'],
  ['segments', 'segments.json'],
  ['pareto', 'pareto.json'],
  ['at-risk', 'atRisk.json'],
] as const;

// The dashboard formats numbers with the browser's Intl for ja-JP; the same here, from the API's values.
const yen = (n: number) => new Intl.NumberFormat('ja-JP', { style: 'currency', currency: 'JPY' }).format(n);
const share = (s: number | null) =>
  s === null
    ? '—'
    : new Intl.NumberFormat('ja-JP', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
        s,
      );
const count = (n: number) => new Intl.NumberFormat('ja-JP').format(n);
const days = (n: number) => new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 1 }).format(n);
const month = (m: string) =>
  new Intl.DateTimeFormat('ja-JP', { timeZone: 'UTC', year: 'numeric', month: 'short' }).format(
    new Date(`${m}-01T00:00:00Z`),
  );

async function getJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(`/api/v1${path}`);
  assert.equal(response.status(), 200, `GET ${path}`);
  return (await response.json()) as T;
}
const viewOf = async <T>(page: Page, path: string) => (await getJson<{ view: T }>(page, `/analytics/${path}`)).view;

/** Every body row of a table as the text of its cells (row header included). */
async function tableCells(table: Locator): Promise<string[][]> {
  await table.waitFor();
  const rows = await table.locator('tbody tr').all();
  return Promise.all(rows.map((row) => row.locator('th, td').allTextContents()));
}

/** Opens one analytics page and waits until its view (the run caption) is on screen. */
async function openPage(page: Page, path: string): Promise<void> {
  await page.goto(`/analytics/${path}`);
  await page.getByText(/までの来店データ|Visits up to/).waitFor();
}

const pageOverflow = (page: Page) => page.evaluate<number>('document.documentElement.scrollWidth');

describe('analytics dashboard in Chromium', () => {
  let app: BrowserApp;
  before(async () => {
    app = await startBrowserApp();
    await app.refreshAnalytics();
  });
  after(() => app.close());

  it('keeps the Japanese and English analytics texts in step', () => {
    const files = readdirSync(new URL('ja/', localeDir)).filter((f) => f.endsWith('.json'));
    assert.deepEqual(
      readdirSync(new URL('en/', localeDir))
        .filter((f) => f.endsWith('.json'))
        .sort(),
      files.sort(),
    );
    for (const file of files) {
      const of = (lang: 'ja' | 'en') => localeKeysOf(new URL(`${lang}/${file}`, localeDir));
      assert.deepEqual(of('en'), of('ja'), file);
    }
  });

  it('takes an owner from the 分析 link to the overview, with the API’s numbers', async () => {
    const { context, page } = await newPage(app);
    await logIn(page, app.accounts.owner);
    await page.getByRole('navigation').getByRole('link', { name: '分析' }).click();
    await page.waitForURL(/\/analytics\/overview$/);
    const view = await viewOf<Overview>(page, 'overview');
    const card = (name: string | RegExp) => page.getByRole('region', { name, exact: true });
    const expect = async (name: string | RegExp, ...values: string[]) => {
      const body = await card(name).innerText();
      for (const value of values) assert.ok(body.includes(value), `${String(name)} shows ${value}: ${body}`);
    };
    await card('顧客数').waitFor();
    await expect('顧客数', count(view.customers));
    await expect('アクティブ顧客', count(view.activeCustomers), '90日以内');
    await expect('離反リスク顧客', count(view.atRiskCustomers), '91〜365日');
    await expect('離反顧客', count(view.lostCustomers), '365日を超えて');
    await expect(
      /の売上（月初から）$/,
      yen(view.revenueMonthToDate),
      yen(view.revenueSamePeriodLastYear),
      yen(view.revenueSameMonthLastYear),
    );
    await expect('リピート売上比率', share(view.returningRevenueShare));
    await expect('予測LTV（1年・平均）', yen(view.averagePredictedClv1y ?? 0));
    await expect('2回目来店率', share(view.secondVisitRate));
    await expect('2回目来店までの日数（中央値）', `${days(view.medianDaysToSecondVisit ?? 0)}日`);

    await card('離反リスク顧客').getByRole('link').click();
    await page.waitForURL(/\/analytics\/at-risk$/);
    await context.close();
  });

  it('opens every page at 375 px without sideways scrolling, and on a desktop', async () => {
    const phone = await newPage(app, { viewport: PHONE });
    await logIn(phone.page, app.accounts.owner);
    for (const [path] of PAGES) {
      await openPage(phone.page, path);
      assert.ok((await pageOverflow(phone.page)) <= PHONE.width, `${path} fits 375 px`);
      if (path === 'overview') await screenshot(phone.page, 'analytics-overview-phone');
      if (path === 'cohorts') {
        // The heatmap is wider than a phone: it scrolls inside its own box, not the page.
        const heatmap = phone.page.getByRole('table', { name: '初来店月別の継続率' });
        assert.ok((await heatmap.evaluate((el) => el.scrollWidth)) > PHONE.width);
        await heatmap.scrollIntoViewIfNeeded();
        await screenshot(phone.page, 'analytics-cohorts-phone');
      }
    }
    await phone.context.close();

    const desktop = await newPage(app, { viewport: DESKTOP });
    await logIn(desktop.page, app.accounts.owner);
    for (const [path] of PAGES) {
      await openPage(desktop.page, path);
      if (path === 'segments' || path === 'pareto' || path === 'cohorts')
        await desktop.page.locator('.recharts-surface').first().waitFor();
      assert.ok((await pageOverflow(desktop.page)) <= DESKTOP.width, `${path} fits a desktop`);
      await screenshot(desktop.page, `analytics-${path}`);
    }
    await desktop.context.close();
  });

  it('shows the API’s numbers in the cohorts, the RFM grid, the Pareto share and the segments', async () => {
    const { context, page } = await newPage(app);
    await logIn(page, app.accounts.owner);

    const cohorts = await viewOf<CohortsView>(page, 'cohorts');
    const width = Math.max(...cohorts.cohorts.map((c) => c.cells.length));
    const expected = (format: (cell: CohortsView['cohorts'][number]['cells'][number]) => string) =>
      cohorts.cohorts.map((c) => [
        month(c.month),
        count(c.customers),
        ...Array.from({ length: width }, (_, m) => {
          const cell = c.cells.find((x) => x.monthsSince === m);
          return cell ? format(cell) : '';
        }),
      ]);
    await openPage(page, 'cohorts');
    const retention = page.getByRole('table', { name: '初来店月別の継続率' });
    assert.deepEqual(
      await tableCells(retention),
      expected((cell) => share(cell.retention)),
    );
    await page.getByText('1人あたり売上', { exact: true }).click();
    const revenue = page.getByRole('table', { name: '初来店月別の1人あたり売上' });
    assert.deepEqual(
      await tableCells(revenue),
      expected((cell) => yen(cell.revenuePerCustomer)),
    );

    await page.getByLabel('比べる切り口').selectOption('store');
    const stores = page.getByRole('table', { name: '2回目来店率と日数（初回の店舗別）' });
    assert.deepEqual(
      await tableCells(stores),
      cohorts.secondVisit.store.map((g) => [
        g.label,
        count(g.customers),
        count(g.repeatCustomers),
        share(g.rate),
        g.medianDaysToSecondVisit === null ? '—' : `${days(g.medianDaysToSecondVisit)}日`,
      ]),
    );

    const rfm = await viewOf<RfmView>(page, 'rfm');
    await openPage(page, 'rfm');
    const grid = await tableCells(page.getByRole('table', { name: 'RFMの5×5表（人数と売上）' }));
    const counts = grid.map((row) => row.slice(1).map((cell) => Number(/^(\d+)人/.exec(cell)?.[1])));
    const apiCounts = [5, 4, 3, 2, 1].map((r) =>
      [1, 2, 3, 4, 5].map((f) => rfm.cells.find((c) => c.recency === r && c.frequency === f)?.customers),
    );
    assert.deepEqual(counts, apiCounts);
    const champions = rfm.segments.find((s) => s.segment === 'champions')!;
    const card = await page.getByRole('region', { name: '優良顧客' }).innerText();
    assert.ok(card.includes('R5 × F4–5（45日以内・5回以上）'), card);
    assert.ok(card.includes(count(champions.customers)) && card.includes(yen(champions.revenue)), card);

    const pareto = await viewOf<ParetoView>(page, 'pareto');
    await openPage(page, 'pareto');
    const top = await page.getByRole('region', { name: '上位20%の顧客が占める売上' }).innerText();
    assert.ok(top.includes(`売上全体の${share(pareto.top20Share)}を占めています`), top);

    const gender = await viewOf<SegmentsView>(page, 'segments?dimension=gender');
    await openPage(page, 'segments');
    await page.getByLabel('切り口').selectOption('gender');
    const rows = await tableCells(page.getByRole('table', { name: '属性別LTV（性別別）' }));
    const female = gender.rows.find((r) => r.group === 'female')!;
    assert.deepEqual(
      rows.find((row) => row[0] === '女性'),
      [
        '女性',
        count(female.customers),
        yen(female.historicalRevenuePerCustomer),
        yen(female.historicalProfitPerCustomer),
        yen(female.predictedClv1y ?? 0),
        yen(female.predictedClv3y ?? 0),
        share(female.returnProbability90d),
      ],
    );
    assert.equal(rows.length, gender.rows.length);
    await context.close();
  });

  it('lists at-risk customers with names and a CSV for a manager, without either for an analyst', async () => {
    const manager = await newPage(app);
    await logIn(manager.page, app.accounts.manager);
    const { items } = await getJson<{ items: AtRiskCustomer[] }>(manager.page, '/analytics/at-risk?limit=500');
    assert.ok(items.length > 10, 'the demo salon has more than ten at-risk customers');
    const first = items[0]!;
    // The demo's list fits one page of 50: pages of 10 show "load more" following the cursor.
    await manager.page.route('**/api/v1/analytics/at-risk?*', (route) => {
      const url = new URL(route.request().url());
      url.searchParams.set('limit', '10');
      return route.continue({ url: url.toString() });
    });
    await openPage(manager.page, 'at-risk');
    const table = manager.page.getByRole('table', { name: '離反リスクの顧客一覧' });
    const name = table.getByRole('link', { name: first.displayName!, exact: true });
    assert.equal(await name.getAttribute('href'), `/customers/${first.customerId}`);
    const rows = table.locator('tbody tr');
    assert.equal(await rows.count(), 10);
    await manager.page.getByRole('button', { name: 'さらに表示' }).click();
    await rows.nth(Math.min(items.length, 20) - 1).waitFor();
    assert.ok((await rows.nth(10).innerText()).includes(items[10]!.displayName!));

    const [download] = await Promise.all([
      manager.page.waitForEvent('download'),
      manager.page.getByRole('link', { name: 'CSV をダウンロード' }).click(),
    ]);
    const csv = readFileSync(await download.path());
    assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'starts with a UTF-8 BOM for Excel');
    const [header, row] = csv.subarray(3).toString('utf8').split(/\r?\n/);
    assert.equal(header?.split(',')[1], 'customerId');
    assert.equal(row?.split(',')[1], first.customerId);
    await manager.page.getByRole('link', { name: first.displayName!, exact: true }).click();
    await manager.page.waitForURL(new RegExp(`/customers/${first.customerId}$`));
    await manager.context.close();

    const analyst = await newPage(app);
    await logIn(analyst.page, app.accounts.analyst);
    await openPage(analyst.page, 'at-risk');
    const masked = analyst.page.getByRole('table', { name: '離反リスクの顧客一覧' });
    const firstName = masked.locator('tbody tr').first().getByRole('link');
    assert.equal(await firstName.innerText(), '氏名非表示');
    assert.equal(await firstName.getAttribute('href'), `/customers/${first.customerId}`);
    assert.equal(await masked.getByText(first.displayName!).count(), 0);
    assert.equal(await analyst.page.getByRole('link', { name: 'CSV をダウンロード' }).count(), 0);
    await analyst.page.getByText('アナリストの役割では、氏名・連絡先などの個人情報は表示されません。').waitFor();
    await analyst.context.close();
  });

  it('keeps analytics away from staff', async () => {
    const { context, page } = await newPage(app);
    await logIn(page, app.accounts.staff);
    const nav = page.getByRole('navigation');
    await nav.getByRole('link', { name: '顧客' }).waitFor();
    assert.equal(await nav.getByRole('link', { name: '分析' }).count(), 0);
    await page.goto('/analytics/overview');
    await page.getByText('この画面は表示できません').waitFor();
    assert.equal(await page.getByRole('region', { name: '顧客数' }).count(), 0);
    await context.close();
  });

  it('shows every page in English', async () => {
    const { context, page } = await newPage(app);
    await context.addInitScript({ content: "localStorage.setItem('kayoi.language', 'en')" });
    await logIn(page, app.accounts.owner);
    const japanese = /[\u3040-\u30ff\u3400-\u9fff]/;
    const nav = locale('en', 'base.json').nav as Record<string, string>;
    for (const [path, file] of PAGES) {
      await openPage(page, path);
      await page.getByRole('heading', { name: text('en', file, 'title'), level: 3, exact: true }).waitFor();
      const tabs = await page.getByRole('tablist', { name: nav.label }).getByRole('tab').allInnerTexts();
      assert.deepEqual(
        tabs.map((s) => s.trim()).sort(),
        Object.entries(nav)
          .filter(([k]) => k !== 'label')
          .map(([, v]) => v)
          .sort(),
      );
      for (const heading of await page.getByRole('heading').allInnerTexts())
        assert.doesNotMatch(heading, japanese, `${path}: ${heading}`);
      if (path === 'overview') await screenshot(page, 'analytics-overview-en');
    }
    await context.close();
  });

  it('refreshes on “今すぐ更新” and reports the finished run', async () => {
    const { context, page } = await newPage(app);
    await logIn(page, app.accounts.owner);
    await openPage(page, 'overview');
    const before = (await getJson<{ items: ModelRun[] }>(page, '/analytics/runs?limit=1')).items[0]!;
    // The panel polls the runs while one is queued or running: wait until it has itself seen ours succeed.
    const seen = page.waitForResponse(
      async (r) => {
        if (!r.url().includes('/api/v1/analytics/runs')) return false;
        const latest = ((await r.json()) as { items: ModelRun[] }).items[0];
        return latest?.id !== before.id && latest?.status === 'succeeded';
      },
      { timeout: 60_000 },
    );
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/analytics/refresh') && r.request().method() === 'POST'),
      page.getByRole('button', { name: '今すぐ更新' }).click(),
    ]);
    assert.equal(response.status(), 202);
    const { run } = (await response.json()) as { run: ModelRun };
    assert.notEqual(run.id, before.id);
    assert.equal(((await (await seen).json()) as { items: ModelRun[] }).items[0]!.id, run.id);
    await page.getByRole('status').filter({ hasText: '最終更新' }).waitFor();
    await page.getByRole('button', { name: '今すぐ更新' }).and(page.locator(':not([data-loading])')).waitFor();
    await context.close();
  });
});
