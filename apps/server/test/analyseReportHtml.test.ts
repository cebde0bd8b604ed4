import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  buildOfflineReport,
  CustomerHistoriesBuilder,
  RFM_SEGMENT_CELLS,
  RFM_SEGMENTS,
  type OfflineReport,
} from '@kayoi/core';
import { beta, createRng, exponential, gamma, parseDay, uniform } from '@kayoi/stats';
import { chromium, type Browser } from 'playwright-core';
import { formattersFor } from '../src/cli/analyse/reportFormat.js';
import { renderReportHtml } from '../src/cli/analyse/reportHtml.js';
import { reportText } from '../src/cli/analyse/reportText.js';
import { segmentBlocks, segmentDefinition } from '../src/cli/analyse/rfmDefinitions.js';
import { barChart, lineChart } from '../src/cli/analyse/svgCharts.js';

// Mid-month, so the last cohort month and the first forecast month are both partial.
const END_DAY = parseDay('2026-10-20')!;
const EVIL_ID = '<script>alert(1)</script>';
const EVIL_FILE = `salon "A" <b>&'s.csv`;
const GENERATED_AT = new Date('2026-10-21T09:30:00+09:00');

interface Shop {
  report: OfflineReport;
  customers: number;
  repeatCustomers: number;
  totalRevenue: number;
}

/**
 * Customers who behave as BG/NBD says, in days (the idea of packages/core's simulated shop):
 * rate λ ~ Gamma(r, α), dropout p ~ Beta(a, b) after each visit, first visits spread over two
 * years. The truths the report must show (repeat customers, revenue) are counted here, apart
 * from the code under test.
 */
function simulateShop(customers: number, seed: number, options: { lapsingRegular?: string } = {}): Shop {
  const rng = createRng(seed);
  const builder = new CustomerHistoriesBuilder();
  let transactions = 0;
  let repeatCustomers = 0;
  let totalRevenue = 0;
  const add = (id: string, day: number, amount: number) => {
    builder.add(id, day, amount, Math.round(amount * 0.7));
    transactions++;
    totalRevenue += amount;
  };
  for (let c = 0; c < customers; c++) {
    const rate = gamma(rng, 0.9, 1 / 60);
    const dropout = beta(rng, 0.7, 3.5);
    const meanSpend = 2000 + gamma(rng, 4, 1500);
    const days = new Set<number>();
    let t = END_DAY - Math.floor(uniform(rng, 0, 730));
    for (;;) {
      days.add(Math.floor(t));
      add(`c${c}`, Math.floor(t), Math.round(meanSpend * uniform(rng, 0.8, 1.2)));
      if (uniform(rng) < dropout) break;
      t += exponential(rng, rate);
      if (t > END_DAY) break;
    }
    if (days.size > 1) repeatCustomers++;
  }
  if (options.lapsingRegular) {
    // A big spender who came every three weeks and stopped four months ago: top of the at-risk list.
    for (let day = END_DAY - 500; day <= END_DAY - 120; day += 21) add(options.lapsingRegular, day, 25_000);
    customers++;
    repeatCustomers++;
  }
  const report = buildOfflineReport(builder.build(END_DAY), { transactions });
  return { report, customers, repeatCustomers, totalRevenue };
}

function tinyShop(): OfflineReport {
  const builder = new CustomerHistoriesBuilder();
  builder.add('a', END_DAY - 40, 5000);
  builder.add('a', END_DAY - 10, 6000);
  builder.add('b', END_DAY - 30, 4000);
  builder.add('c', END_DAY - 3, 8000);
  return buildOfflineReport(builder.build(END_DAY), { transactions: 4 });
}

const render = (report: OfflineReport, lang: 'ja' | 'en', currency: 'JPY' | 'USD' | 'none' = 'JPY') =>
  renderReportHtml(report, { lang, currency, sourceName: EVIL_FILE, generatedAt: GENERATED_AT });

const headings = (lang: 'ja' | 'en') => Object.values(reportText(lang).sections);
const oneDecimalPercent = (share: number) => `${(share * 100).toFixed(1)}%`;
const quote = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function assertSelfContained(html: string): void {
  assert.ok(html.startsWith('<!doctype html>\n<html lang="'));
  assert.equal(html.match(/<html\b/g)?.length, 1, 'one document');
  assert.equal(html.match(/<\/html>/g)?.length, 1);
  assert.match(html, /<meta charset="utf-8">/);
  assert.match(html, /<meta name="viewport" content="width=device-width, initial-scale=1">/);
  assert.doesNotMatch(html, /<script/i, 'no script');
  assert.doesNotMatch(html, /\b(src|href|srcset|xlink:href)\s*=/i, 'no linked resource');
  assert.doesNotMatch(html, /https?:|url\(|@import|<link|<img|<iframe/i, 'nothing fetched');
}

describe('kayoi analyse: the HTML report', () => {
  let large: Shop;
  let small: Shop;
  before(() => {
    large = simulateShop(1500, 11, { lapsingRegular: EVIL_ID });
    small = simulateShop(300, 12);
  });

  it('is one self-contained document with every section, in Japanese and in English', () => {
    for (const lang of ['ja', 'en'] as const) {
      const html = render(large.report, lang);
      assertSelfContained(html);
      assert.match(html, new RegExp(`<html lang="${lang}">`));
      assert.ok(html.includes(`<h1>${reportText(lang).title}</h1>`));
      let last = -1;
      for (const heading of headings(lang)) {
        const at = html.indexOf(`>${heading.replace(/&/g, '&amp;')}</h2>`);
        assert.ok(at > last, `${lang}: heading "${heading}" present and in order`);
        last = at;
      }
      for (const segment of RFM_SEGMENTS)
        assert.ok(html.includes(reportText(lang).segments[segment].name.replace("'", '&#39;')));
      assert.equal(html.match(/<svg /g)?.length, 3, 'Pareto, CLV and forecast charts');
      assert.equal(html.match(/role="img"/g)?.length, 3);
    }
    assert.ok(render(large.report, 'ja').includes('顧客生涯価値レポート'));
    assert.ok(render(large.report, 'en').includes('Customer lifetime value report'));
  });

  it('shows the key numbers as counted from the simulated data', () => {
    const html = render(large.report, 'ja');
    assert.equal(large.report.customers, large.customers);
    const card = (label: string, value: string) =>
      assert.match(
        html,
        new RegExp(`<div class="label">${quote(label)}</div><div class="value(?: long)?">${quote(value)}</div>`),
        `${label}: ${value}`,
      );
    card('顧客数', `${large.customers.toLocaleString('en-US')}人`);
    card('リピーター数', `${large.repeatCustomers.toLocaleString('en-US')}人`);
    card('2回目来店率', oneDecimalPercent(large.repeatCustomers / large.customers));
    card('総売上', `¥${large.totalRevenue.toLocaleString('en-US')}`);
    card('顧客1人あたり売上', `¥${Math.round(large.totalRevenue / large.customers).toLocaleString('en-US')}`);
    card('上位20%顧客の売上シェア', oneDecimalPercent(large.report.top20RevenueShare!));
    const clvs = large.report.perCustomer.map((c) => c.predictedClv1y!);
    card(
      '予測CLV（1年）の平均',
      `¥${Math.round(clvs.reduce((s, v) => s + v, 0) / clvs.length).toLocaleString('en-US')}`,
    );
    const en = render(large.report, 'en', 'USD');
    assert.ok(
      en.includes(
        `<div class="label">Second-visit rate</div><div class="value">${oneDecimalPercent(large.repeatCustomers / large.customers)}</div>`,
      ),
    );
    assert.ok(en.includes(`$${large.totalRevenue.toLocaleString('en-US')}.00`));
  });

  it('explains the model choice with the holdout errors, and labels the partial forecast month', () => {
    const model = large.report.model!;
    assert.equal(model.reason, 'holdout');
    assert.equal(model.lowData, false);
    const html = render(large.report, 'ja');
    assert.ok(html.includes(`使用モデル: ${model.name === 'bg-nbd' ? 'BG/NBD' : 'Pareto/NBD'}`));
    for (const c of large.report.diagnostics.count!.holdout!.candidates)
      assert.ok(html.includes(`<td>${c.mae.toFixed(3)}</td>`), `MAE ${c.mae}`);
    assert.ok(!html.includes(reportText('ja').model.lowDataTitle), 'no low-data warning for 1,500 customers');
    assert.ok(!render(large.report, 'en').includes(reportText('en').model.lowDataTitle));
    assert.equal(large.report.forecast[0]!.days, 11);
    assert.ok(html.includes('<td>2026年10月*</td>'));
    assert.ok(html.includes('2026年10月は残り11日分のみの予測です。'));
    assert.ok(html.includes('集計期間の最終月がまだ途中'), 'partial cohort cells explained');
    assert.ok(html.includes('R5 × F4–5（45日以内・5回以上）／R4 × F5（46–90日前・10回以上）'));
  });

  it('escapes customer ids and the file name', () => {
    assert.ok(
      large.report.atRisk.some((r) => r.id === EVIL_ID),
      'the lapsing regular is on the at-risk list',
    );
    for (const lang of ['ja', 'en'] as const) {
      const html = render(large.report, lang);
      assert.ok(!html.includes(EVIL_ID));
      assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
      assert.ok(html.includes('salon &quot;A&quot; &lt;b&gt;&amp;&#39;s.csv'));
      assert.ok(!html.includes('<b>&'));
    }
  });

  it('warns about a small shop in both languages', () => {
    assert.equal(small.report.model?.lowData, true);
    for (const lang of ['ja', 'en'] as const) {
      const html = render(small.report, lang);
      assertSelfContained(html);
      assert.ok(html.includes(reportText(lang).model.lowDataTitle));
      assert.ok(html.includes(reportText(lang).model.lowData));
    }
  });

  it('says the predictions were skipped for a tiny shop, and still draws its history', () => {
    const report = tinyShop();
    assert.equal(report.model, null);
    for (const lang of ['ja', 'en'] as const) {
      const t = reportText(lang);
      const html = render(report, lang);
      assertSelfContained(html);
      assert.ok(html.includes(t.model.skippedTitle));
      assert.ok(html.includes(t.model.skippedFewRepeat('1')));
      assert.ok(html.includes(t.clv.none) && html.includes(t.forecast.none));
      assert.ok(html.includes(oneDecimalPercent(1 / 3)));
      for (const heading of headings(lang)) assert.ok(html.includes(`>${heading}</h2>`));
    }
  });

  it('renders a log without customers', () => {
    const report = buildOfflineReport(new CustomerHistoriesBuilder().build(END_DAY), { transactions: 0 });
    for (const lang of ['ja', 'en'] as const) {
      const t = reportText(lang);
      const html = render(report, lang, 'none');
      assertSelfContained(html);
      assert.ok(html.includes(t.model.skippedNoCustomers));
      assert.ok(html.includes(`<p class="nodata">${t.noData}</p>`));
      assert.doesNotMatch(html, /NaN|undefined|Infinity/);
    }
  });

  it('formats money per currency', () => {
    assert.equal(formattersFor('ja', 'JPY').money(12345.4), '¥12,345');
    assert.equal(formattersFor('en', 'JPY').money(-12345.6), '-¥12,346');
    assert.equal(formattersFor('en', 'USD').money(12345.666), '$12,345.67');
    assert.equal(formattersFor('ja', 'none').money(12345.67), '12,345.67');
    assert.equal(formattersFor('ja', 'JPY').money(-0.2), '¥0');
    assert.equal(formattersFor('ja', 'JPY').money(null), '—');
    assert.equal(formattersFor('en', 'JPY').percent(0.6386), '63.9%');
  });

  it('defines every segment by exactly its RFM cells', () => {
    for (const segment of RFM_SEGMENTS) {
      const covered = segmentBlocks(segment).flatMap((b) => {
        const cells: string[] = [];
        for (let r = b.rLow; r <= b.rHigh; r++) for (let f = b.fLow; f <= b.fHigh; f++) cells.push(`${r},${f}`);
        return cells;
      });
      assert.deepEqual(covered.sort(), RFM_SEGMENT_CELLS[segment].map(([r, f]) => `${r},${f}`).sort(), segment);
    }
    assert.equal(
      segmentDefinition(reportText('en'), 'en', 'hibernating'),
      'Few visits, away for a while: R2–3 × F1–2 (91–365 days ago, 1–2 visits)',
    );
    assert.equal(
      segmentDefinition(reportText('ja'), 'ja', 'lost'),
      '来店が少なく、1年以上来ていない: R1 × F1–2（366日以上前・1–2回）',
    );
  });

  it('draws charts of empty data without failing', () => {
    const format = String;
    assert.match(barChart({ title: 'x', bars: [], y: { format } }), /^<svg [^>]*role="img".*<title>x<\/title>/);
    assert.match(
      lineChart({
        title: '<t>',
        points: [],
        x: { min: 0, max: 1, ticks: [0, 1], format },
        y: { min: 0, max: 1, ticks: [0, 1], format },
      }),
      /<title>&lt;t&gt;<\/title>/,
    );
  });
});

const screenshotDir = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));

describe('kayoi analyse: the HTML report in a browser', () => {
  let browser: Browser;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kayoi-report-'));
  const files: Record<'ja' | 'en', string> = {
    ja: path.join(dir, 'report-ja.html'),
    en: path.join(dir, 'report-en.html'),
  };
  before(async () => {
    const { report } = simulateShop(1500, 11, { lapsingRegular: EVIL_ID });
    writeFileSync(files.ja, render(report, 'ja'));
    writeFileSync(files.en, render(report, 'en', 'USD'));
    mkdirSync(screenshotDir, { recursive: true });
    browser = await chromium.launch({
      executablePath: process.env.KAYOI_CHROMIUM ?? '/usr/bin/chromium',
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--no-first-run',
        '--disable-background-networking',
      ],
    });
  });
  after(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const open = async (lang: 'ja' | 'en', viewport: { width: number; height: number }) => {
    const context = await browser.newContext({ viewport, locale: lang === 'ja' ? 'ja-JP' : 'en-US' });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) requests.push(r.url());
    });
    await page.goto(pathToFileURL(files[lang]).href);
    return { context, page, requests };
  };

  for (const [name, lang, viewport] of [
    ['analyse-report-phone', 'ja', { width: 375, height: 800 }],
    ['analyse-report-desktop', 'ja', { width: 1280, height: 900 }],
    ['analyse-report-en', 'en', { width: 1280, height: 900 }],
  ] as const) {
    it(`fits ${viewport.width} px without page overflow (${lang}) and saves ${name}.png`, async () => {
      const { context, page, requests } = await open(lang, viewport);
      try {
        const widths = await page.evaluate<{ scroll: number; inner: number }>(
          '({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth })',
        );
        assert.ok(widths.scroll <= widths.inner, `page is ${widths.scroll} px wide in a ${widths.inner} px window`);
        // Chart text is 18 viewBox units in 520: it must still render at 11 px or more.
        const fonts = await page.$$eval('svg.chart', (svgs) =>
          svgs.map((s) => (s.getBoundingClientRect().width / 520) * 18),
        );
        assert.equal(fonts.length, 3);
        for (const px of fonts) assert.ok(px >= 11, `chart text ${px.toFixed(1)} px`);
        assert.deepEqual(requests, [], 'nothing loaded from outside the file');
        await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
      } finally {
        await context.close();
      }
    });
  }
});
