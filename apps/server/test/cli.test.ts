import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openTestDatabase, type TestDatabase } from '@kayoi/db/testing';
import iconv from 'iconv-lite';
import { runKayoi } from './support/cli.js';

const customers =
  '顧客番号,氏名,フリガナ,電話番号\nC1,山田 花子,ヤマダ ハナコ,090-1111-2222\nC2,鈴木 一郎,スズキ イチロウ,080-3333-4444\n';
const badCustomers =
  '顧客番号,氏名,電話番号,生年月日\nC3,良い 行,090-5555-6666,1990/01/01\nC4,悪い 電話,123,\nC5,悪い 日付,,1990/13/01\n';

function tenantIdOf(stdout: string): string {
  const parsed = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as { tenantId?: string };
  assert.ok(parsed.tenantId, stdout);
  return parsed.tenantId;
}

describe('kayoi CLI', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kayoi-cli-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('explains every command with --help', async () => {
    for (const args of [[], ['start'], ['tenant', 'create'], ['demo'], ['import'], ['export']]) {
      const result = await runKayoi([...args, '--help'], { KAYOI_DATA_DIR: path.join(dir, 'help') });
      assert.equal(result.code, 0, `${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stdout, /Usage: kayoi/);
    }
  });

  describe('on the embedded database', () => {
    const env = () => ({ KAYOI_DATA_DIR: path.join(dir, 'data') });
    let tenantId: string;

    it('creates a business and refuses a short password', async () => {
      const weak = await runKayoi(
        ['tenant', 'create', '--name', 'x', '--owner-email', 'o@example.com', '--owner-password', 'short'],
        env(),
      );
      assert.equal(weak.code, 1);
      assert.match(weak.stderr, /ownerPassword/);
      const made = await runKayoi(
        [
          'tenant',
          'create',
          '--name',
          'サロン花',
          '--owner-email',
          'owner@example.com',
          '--owner-password',
          'long enough pw',
        ],
        env(),
      );
      assert.equal(made.code, 0, made.stderr);
      tenantId = tenantIdOf(made.stdout);
    });

    it('imports a Shift_JIS file (exit 0) and rejects a bad file (exit 1, every bad row on stderr, nothing written)', async () => {
      const sjis = path.join(dir, 'customers-sjis.csv');
      writeFileSync(sjis, iconv.encode(customers, 'cp932'));
      const ok = await runKayoi(['import', 'customers', sjis, '--tenant', tenantId, '--encoding', 'shift_jis'], env());
      assert.equal(ok.code, 0, ok.stderr);
      assert.deepEqual(JSON.parse(ok.stdout), {
        kind: 'customers',
        dryRun: false,
        status: 'imported',
        rows: 2,
        created: 2,
        updated: 0,
        columns: { 顧客番号: 'externalId', 氏名: 'fullName', フリガナ: 'fullNameKana', 電話番号: 'phone' },
        errorCount: 0,
      });
      const bad = path.join(dir, 'bad.csv');
      writeFileSync(bad, badCustomers);
      const rejected = await runKayoi(['import', 'customers', bad, '--tenant', tenantId], env());
      assert.equal(rejected.code, 1);
      assert.match(rejected.stderr, /row 3, 電話番号: 電話番号は10〜11桁/);
      assert.match(rejected.stderr, /row 4, 生年月日: 日付を読み取れません/);
      assert.match(rejected.stderr, /"errorCount":2/);
      const dry = await runKayoi(['import', 'customers', sjis, '--tenant', tenantId, '--dry-run'], env());
      assert.equal(dry.code, 0, dry.stderr);
      assert.equal((JSON.parse(dry.stdout) as { status: string }).status, 'validated');
    });

    it('uses a mapping file, and refuses an unknown business', async () => {
      const csv = path.join(dir, 'mapped.csv');
      writeFileSync(csv, 'No,Name\nC9,小林 大輔\n');
      const mapping = path.join(dir, 'mapping.json');
      writeFileSync(mapping, JSON.stringify({ columns: { No: 'externalId', Name: 'fullName' } }));
      const ok = await runKayoi(['import', 'customers', csv, '--tenant', tenantId, '--mapping', mapping], env());
      assert.equal(ok.code, 0, ok.stderr);
      const unknown = await runKayoi(
        ['import', 'customers', csv, '--tenant', '00000000-0000-7000-8000-000000000000'],
        env(),
      );
      assert.equal(unknown.code, 1);
      assert.match(unknown.stderr, /No business/);
    });

    it('exports CSV with a byte-order mark, exactly what was imported', async () => {
      const out = path.join(dir, 'export');
      const result = await runKayoi(['export', '--tenant', tenantId, '--out', out], env());
      assert.equal(result.code, 0, result.stderr);
      assert.deepEqual(JSON.parse(result.stdout), { out, customers: 3, visits: 0, lineItems: 0, payments: 0 });
      const bytes = readFileSync(path.join(out, 'customers.csv'));
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
      const text = bytes.toString('utf8').slice(1);
      assert.match(text.split('\n')[0] ?? '', /^id,external_id,family_name,given_name/);
      assert.match(text, /C1,山田,花子,ヤマダ,ハナコ/);
      for (const file of ['visits.csv', 'line_items.csv', 'payments.csv']) {
        assert.ok(
          readFileSync(path.join(out, file))
            .subarray(0, 3)
            .equals(Buffer.from([0xef, 0xbb, 0xbf])),
          file,
        );
      }
    });

    it('builds the same demo salon for the same seed', async () => {
      const a = await runKayoi(
        ['demo', '--seed', '7', '--customers', '60', '--years', '1', '--end-date', '2026-06-30'],
        env(),
      );
      const b = await runKayoi(
        ['demo', '--seed', '7', '--customers', '60', '--years', '1', '--end-date', '2026-06-30'],
        env(),
      );
      assert.equal(a.code, 0, a.stderr);
      assert.match(a.stderr, /Analytics refresh queued/);
      const [ra, rb] = [a, b].map(
        (r) => JSON.parse(r.stdout) as { customers: number; visits: number; tenantId: string },
      );
      assert.equal(ra!.customers, 60);
      assert.equal(ra!.visits, rb!.visits);
      // One at a time: the embedded database admits one process.
      const exports: string[][] = [];
      for (const [i, r] of [ra!, rb!].entries()) {
        const out = path.join(dir, `demo-export-${i}`);
        const exported = await runKayoi(['export', '--tenant', r.tenantId, '--out', out], env());
        assert.equal(exported.code, 0, exported.stderr);
        // Ids are random; everything a person reads must match.
        exports.push(
          readFileSync(path.join(out, 'visits.csv'), 'utf8')
            .split('\n')
            .map((line) => line.split(',').slice(1, 2).concat(line.split(',').slice(4, 14)).join(','))
            .sort(),
        );
      }
      assert.deepEqual(exports[0], exports[1]);
    });
  });

  describe('on PostgreSQL', () => {
    let pg: TestDatabase;
    before(async () => {
      pg = await openTestDatabase('postgres', { migrate: false });
    });
    after(() => pg.drop());

    it('migrates, creates a business, imports and exports through DATABASE_URL', async () => {
      const env = { DATABASE_URL: pg.url, KAYOI_DATA_DIR: path.join(dir, 'unused') };
      const made = await runKayoi(
        ['tenant', 'create', '--name', 'PG店', '--owner-email', 'pg@example.com', '--owner-password', 'long enough pw'],
        env,
      );
      assert.equal(made.code, 0, made.stderr);
      const tenantId = tenantIdOf(made.stdout);
      const file = path.join(dir, 'pg.csv');
      writeFileSync(file, customers);
      const imported = await runKayoi(['import', 'customers', file, '--tenant', tenantId], env);
      assert.equal(imported.code, 0, imported.stderr);
      const rows = await pg.db.query<{ n: number }>('select count(*)::int as n from customers where tenant_id = $1', [
        tenantId,
      ]);
      assert.equal(rows[0]?.n, 2);
    });
  });
});
