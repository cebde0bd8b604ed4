import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  bgNbdProbabilityAlive,
  paretoNbdProbabilityAlive,
  parseDay,
  type BgNbdParams,
  type ParetoNbdParams,
} from '@kayoi/stats';
import iconv from 'iconv-lite';
import { runKayoi } from './support/cli.js';

const cdnow = fileURLToPath(new URL('./fixtures/cdnow_transactions.csv', import.meta.url));

interface ReportJson {
  customers: number;
  repeatCustomers: number;
  secondVisitRate: number;
  medianDaysToSecondVisit: number;
  top20RevenueShare: number;
  model: { name: 'bg-nbd' | 'pareto-nbd'; params: Record<string, number> } | null;
  endDate: string;
  perCustomer: { id: string; pAlive: number; expectedVisits90d: number; predictedClv1y: number; visits: number }[];
}

/** The log's facts computed here, independently of the analytics code: days per customer. */
function factsOf(csv: string) {
  const days = new Map<string, Set<number>>();
  const revenue = new Map<string, number>();
  for (const line of csv.trim().split('\n').slice(1)) {
    const [id, date, , amount] = line.split(',');
    if (!days.has(id!)) days.set(id!, new Set());
    days.get(id!)!.add(parseDay(date!)!);
    revenue.set(id!, (revenue.get(id!) ?? 0) + Number(amount));
  }
  const gaps: number[] = [];
  for (const set of days.values()) {
    const sorted = [...set].sort((a, b) => a - b);
    if (sorted.length > 1) gaps.push(sorted[1]! - sorted[0]!);
  }
  gaps.sort((a, b) => a - b);
  const median = gaps.length % 2 ? gaps[gaps.length >> 1]! : (gaps[gaps.length / 2 - 1]! + gaps[gaps.length / 2]!) / 2;
  const totals = [...revenue.values()].sort((a, b) => b - a);
  const top = totals.slice(0, Math.round(totals.length * 0.2)).reduce((s, v) => s + v, 0);
  return { days, customers: days.size, repeat: gaps.length, median, top20: top / totals.reduce((s, v) => s + v, 0) };
}

describe('kayoi analyse', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kayoi-analyse-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reports on the CDNOW transaction log: the numbers match an independent count, the models the stats package', async () => {
    const out = path.join(dir, 'cdnow.html');
    const json = path.join(dir, 'cdnow.json');
    const result = await runKayoi(
      ['analyse', cdnow, '--out', out, '--json', json, '--currency', 'USD', '--lang', 'en'],
      {},
    );
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /69,659 transactions, 23,570 customers, 1997-01-01 – 1998-06-30/);
    assert.match(result.stderr, /model: (bg-nbd|pareto-nbd)/);
    assert.equal(result.stdout, '');
    const report = JSON.parse(readFileSync(json, 'utf8')) as ReportJson;
    const facts = factsOf(readFileSync(cdnow, 'utf8'));
    assert.equal(report.customers, 23570);
    assert.equal(report.customers, facts.customers);
    assert.equal(report.repeatCustomers, facts.repeat);
    assert.equal(report.secondVisitRate, facts.repeat / facts.customers);
    assert.equal(report.medianDaysToSecondVisit, facts.median);
    assert.ok(Math.abs(report.top20RevenueShare - facts.top20) < 1e-12);
    assert.equal(report.perCustomer.length, 23570);

    // P(alive) of a few customers straight from the stats package, with the report's parameters.
    const end = parseDay(report.endDate)!;
    const byId = new Map(report.perCustomer.map((c) => [c.id, c]));
    for (const id of ['00001', '00002', '01516', '12345', '23570']) {
      const sorted = [...facts.days.get(id)!].sort((a, b) => a - b);
      const [x, tx, T] = [sorted.length - 1, sorted.at(-1)! - sorted[0]!, end - sorted[0]!];
      const params = report.model!.params;
      const expected =
        report.model!.name === 'bg-nbd'
          ? bgNbdProbabilityAlive(params as BgNbdParams, x, tx, T)
          : paretoNbdProbabilityAlive(params as ParetoNbdParams, x, tx, T);
      const row = byId.get(id)!;
      assert.ok(Math.abs(row.pAlive - expected) < 1e-6, `${id}: ${row.pAlive} vs ${expected}`);
      assert.equal(row.visits, sorted.length);
      assert.ok(row.expectedVisits90d >= 0 && row.predictedClv1y >= 0);
    }
    const html = readFileSync(out, 'utf8');
    assert.match(html, /^<!doctype html>/i);
    assert.match(html, /Customer lifetime value report/);
    assert.doesNotMatch(html, /<script/i);
  });

  it('reads a Shift_JIS log with Japanese headers, date-times and yen signs', async () => {
    const file = path.join(dir, 'sjis.csv');
    const lines = ['顧客番号,来店日時,担当,金額'];
    // 40 regulars every two weeks, 60 one-time customers: enough for the models to run.
    for (let c = 0; c < 100; c++) {
      const visits = c < 40 ? 12 : 1;
      for (let v = 0; v < visits; v++) {
        const day = new Date(Date.UTC(2026, 0, 1 + (c % 30) + v * 14));
        const stamp = `${day.getUTCFullYear()}/${day.getUTCMonth() + 1}/${day.getUTCDate()} 14:30`;
        lines.push(`K${c},${stamp},佐藤,"¥${(5500 + c * 10).toLocaleString('en-US')}"`);
      }
    }
    writeFileSync(file, iconv.encode(lines.join('\r\n'), 'cp932'));
    const json = path.join(dir, 'sjis.json');
    const result = await runKayoi(['analyse', file, '--out', path.join(dir, 'sjis.html'), '--json', json], {});
    assert.equal(result.code, 0, result.stderr);
    const report = JSON.parse(readFileSync(json, 'utf8')) as ReportJson;
    assert.equal(report.customers, 100);
    assert.equal(report.repeatCustomers, 40);
    assert.equal(report.medianDaysToSecondVisit, 14);
    assert.ok(readFileSync(path.join(dir, 'sjis.html'), 'utf8').includes('顧客生涯価値レポート'));
  });

  it('refuses bad input with the row and column of every problem, and writes nothing', async () => {
    const file = path.join(dir, 'bad.csv');
    writeFileSync(file, 'customer_id,date,amount\nA,2026-01-05,5000\nB,2026-02-30,4000\n,2026-03-01,abc\n');
    const out = path.join(dir, 'bad.html');
    const result = await runKayoi(['analyse', file, '--out', out], {});
    assert.equal(result.code, 1);
    assert.match(result.stderr, /3 bad row\(s\), nothing analysed/);
    assert.match(result.stderr, /row 3, column date: "2026-02-30" is not a date/);
    assert.match(result.stderr, /row 4, column customer_id: the customer is empty/);
    assert.match(result.stderr, /row 4, column amount: "abc" is not an amount/);
    assert.throws(() => readFileSync(out));

    const noAmount = path.join(dir, 'no-amount.csv');
    writeFileSync(noAmount, 'customer_id,date,note\nA,2026-01-05,hello\n');
    const missing = await runKayoi(['analyse', noAmount, '--out', out], {});
    assert.equal(missing.code, 1);
    assert.match(
      missing.stderr,
      /no amount column found: name it with --amount\. The header is: customer_id, date, note/,
    );

    const gone = await runKayoi(['analyse', path.join(dir, 'nope.csv'), '--out', out], {});
    assert.equal(gone.code, 1);
    assert.match(gone.stderr, /nope\.csv: no such file/);
  });

  it('analyses the demo salon’s own export', async () => {
    const env = { KAYOI_DATA_DIR: path.join(dir, 'data') };
    const demo = await runKayoi(['demo', '--customers', '400', '--years', '2', '--end-date', '2026-10-31'], env);
    assert.equal(demo.code, 0, demo.stderr);
    const { tenantId, customers } = JSON.parse(demo.stdout) as { tenantId: string; customers: number };
    const exported = await runKayoi(['export', '--tenant', tenantId, '--out', path.join(dir, 'export')], env);
    assert.equal(exported.code, 0, exported.stderr);
    const visits = path.join(dir, 'export', 'visits.csv');
    const json = path.join(dir, 'demo.json');
    const result = await runKayoi(['analyse', visits, '--out', path.join(dir, 'demo.html'), '--json', json], {});
    assert.equal(result.code, 0, result.stderr);
    const report = JSON.parse(readFileSync(json, 'utf8')) as ReportJson;
    // Every customer with a completed visit; voided visits (status column) are left out.
    const rows = readFileSync(visits, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n')
      .slice(1);
    const header = readFileSync(visits, 'utf8')
      .replace(/^\uFEFF/, '')
      .split('\n')[0]!
      .split(',');
    const [cid, status] = [header.indexOf('customer_id'), header.indexOf('status')];
    const completed = new Set(
      rows
        .map((r) => r.split(','))
        .filter((c) => c[status] === 'completed')
        .map((c) => c[cid]),
    );
    assert.equal(report.customers, completed.size);
    assert.ok(report.customers <= customers);
    assert.ok(report.model !== null, 'a 400-customer salon over two years gets a model');
    assert.equal(report.endDate <= '2026-10-31', true);

    // The same salon refreshed in its database, from the command line.
    const refreshed = await runKayoi(['analytics', 'refresh', '--tenant', tenantId], env);
    assert.equal(refreshed.code, 0, refreshed.stderr);
    const run = JSON.parse(refreshed.stdout) as { status: string; trigger: string; diagnostics: { customers: number } };
    assert.deepEqual([run.status, run.trigger, run.diagnostics.customers], ['succeeded', 'cli', report.customers]);
    const unknown = await runKayoi(['analytics', 'refresh', '--tenant', '0192f0c1-7c1e-7b5a-9c2e-3f4d5e6a7b8c'], env);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /No business with id/);
  });
});
