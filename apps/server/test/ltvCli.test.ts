import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import { runKayoi } from './support/cli.js';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../../packages/stats/test/fixtures/${name}`, import.meta.url));
const summary = fixture('cdnow_customers_summary.csv');
const withSpend = fixture('cdnow_customers_summary_with_transactions.csv');

interface FitOutput {
  model: string;
  params: Record<string, number>;
  stdErr: Record<string, number>;
  logLik: number;
  converged: boolean;
  n: number;
  seconds: number;
}

async function fit(model: string, input: string, extra: string[] = []): Promise<FitOutput> {
  const result = await runKayoi(['ltv', 'fit', '--model', model, '--input', input, ...extra], {});
  assert.equal(result.code, 0, result.stderr);
  return JSON.parse(result.stdout) as FitOutput;
}

const near = (got: number | undefined, want: number, digits: number) =>
  assert.ok(
    got !== undefined && Math.abs(got - want) <= 0.5 * 10 ** -digits * Math.max(1, Math.abs(want)),
    `${got} vs ${want}`,
  );

describe('kayoi ltv', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kayoi-ltv-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('fits every model from a summary CSV and prints the published CDNOW parameters', async () => {
    const bg = await fit('bg-nbd', summary);
    assert.deepEqual([bg.model, bg.converged, bg.n], ['bg-nbd', true, 2357]);
    near(bg.params.r, 0.243, 3);
    near(bg.params.alpha, 4.414, 3);
    near(bg.logLik, -9582.4, 1);
    assert.ok(bg.stdErr.r! > 0 && bg.seconds >= 0);
    const pareto = await fit('pareto-nbd', summary);
    near(pareto.params.r, 0.553, 3);
    near(pareto.params.s, 0.606, 3);
    const mbg = await fit('mbg-nbd', withSpend);
    near(mbg.params.a, 0.891, 3);
    const gg = await fit('gamma-gamma', withSpend);
    near(gg.params.p, 6.25, 2);
    assert.equal(gg.n, 946);
    const survivors = path.join(dir, 'retention.csv');
    writeFileSync(survivors, 'year,active\n0,1000\n1,631\n2,468\n3,382\n4,326\n5,289\n6,262\n7,241\n');
    const sbg = await fit('sbg', survivors);
    near(sbg.params.gamma, 0.704, 3);
    near(sbg.params.delta, 1.182, 3);
    const penalised = await fit('bg-nbd', summary, ['--penalizer', '0.1']);
    assert.ok(penalised.params.alpha! < bg.params.alpha!);
  });

  it('scores every customer: p_alive, expected transactions, expected spend and CLV', async () => {
    const out = path.join(dir, 'scores.csv');
    const params = JSON.stringify({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426, p: 6.25, q: 3.74, gamma: 15.44 });
    const result = await runKayoi(
      ['ltv', 'predict', '--model', 'bg-nbd', '--params', params, '--input', withSpend, '--t', '52', '--out', out],
      {},
    );
    assert.equal(result.code, 0, result.stderr);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    assert.equal(lines[0], 'id,p_alive,expected_transactions,expected_spend,clv');
    assert.equal(lines.length, 2358);
    const byId = new Map(lines.slice(1).map((l) => [l.split(',')[0], l.split(',').slice(1).map(Number)]));
    // Customer 1 (x 2, t_x 30.43, T 38.86) under the published parameters.
    near(byId.get('1')![0], 0.72657857, 7);
    assert.ok(byId.get('1')![3]! > 0);
    const fitted = await runKayoi(['ltv', 'fit', '--model', 'pareto-nbd', '--input', summary], {});
    const piped = await runKayoi(
      ['ltv', 'predict', '--model', 'pareto-nbd', '--params', fitted.stdout, '--input', summary, '--t', '39'],
      {},
    );
    assert.equal(piped.code, 0, piped.stderr);
    const rows = piped.stdout.trim().split('\n');
    assert.equal(rows.length, 2358);
    assert.equal(rows[1]!.split(',')[3], '', 'no spend model given: no spend');
  });

  it('refuses bad input with the row and column, exit 1', async () => {
    const bad = path.join(dir, 'bad.csv');
    writeFileSync(bad, 'x,t_x,T\n2,40,38\n-1,0,5\n1.5,1,2\n');
    const result = await runKayoi(['ltv', 'fit', '--model', 'bg-nbd', '--input', bad], {});
    assert.equal(result.code, 1);
    assert.match(result.stderr, /row 2, column recency: recency 40 > T 38/);
    assert.match(result.stderr, /row 3, column frequency: frequency -1 is negative/);
    assert.match(result.stderr, /row 4, column frequency: frequency 1.5 is not a whole number/);
    const text = path.join(dir, 'text.csv');
    writeFileSync(text, 'frequency,recency,T\n1,two,3\n');
    const notNumber = await runKayoi(['ltv', 'fit', '--model', 'bg-nbd', '--input', text], {});
    assert.equal(notNumber.code, 1);
    assert.match(notNumber.stderr, /row 2, column recency: "two" is not a number/);
    const unknown = await runKayoi(['ltv', 'fit', '--model', 'nbd', '--input', summary], {});
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /Unknown model "nbd"/);
    const params = await runKayoi(
      ['ltv', 'predict', '--model', 'bg-nbd', '--params', '{"r":1}', '--input', summary, '--t', '1'],
      {},
    );
    assert.equal(params.code, 1);
    assert.match(params.stderr, /--params needs r, alpha, a, b/);
  });
});
