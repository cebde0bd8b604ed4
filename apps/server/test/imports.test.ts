import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ImportKind } from '@kayoi/contracts';
import { createDataStore } from '@kayoi/db';
import { engines, openTestDatabase, type TestDatabase, staffMember } from '@kayoi/db/testing';
import type { TenantRepos } from '@kayoi/core';
import iconv from 'iconv-lite';
import { REPORTED_ERRORS_LIMIT, runImport } from '../src/imports/importRunner.js';

const customersCsv = [
  '顧客番号,氏名,フリガナ,電話番号,メールアドレス,性別,生年月日,住所,来店きっかけ,メール配信,髪質,備考',
  'C001,山田 花子,ヤマダ ハナコ,090-1111-2222,hanako@example.com,女性,1990/4/1,東京都渋谷区神宮前1-2-3,Instagram,可,細い,カラー明るめ',
  'C002,鈴木　一郎,すずき いちろう,080-3333-4444,,男性,1985-12-24,,紹介,不可,,',
  'C003,髙橋 美咲,ﾀｶﾊｼ ﾐｻｷ,０７０－５５５５－６６６６,misaki@example.jp,女,,,Instagram,,くせ毛,',
].join('\r\n');

const visitsCsv = [
  '伝票番号,顧客番号,来店日,来店時間,店舗,担当,メニュー,数量,単価,金額,支払方法',
  'R1,C001,2025/01/05,14:00,本店,佐藤,カット,1,5500,5500,現金',
  'R1,C001,2025/01/05,14:00,本店,佐藤,シャンプー,1,3300,3300,現金',
  'R2,C002,2025/02/01,10:30,本店,,カット,1,5500,5500,カード',
  'R3,C001,2025/03/15,11:00,本店,佐藤,カラー,1,7700,7700,PayPay',
].join('\n');

async function* chunks(content: string | Buffer, size = 7): AsyncGenerator<Buffer> {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  // Small chunks split multi-byte characters, as a network or file stream may.
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

for (const engine of engines) {
  describe(`CSV import on ${engine}`, () => {
    let t: TestDatabase;
    let repos: TenantRepos;
    const run = (kind: ImportKind, content: string | Buffer, extra: Partial<Parameters<typeof runImport>[0]> = {}) =>
      runImport({
        db: t.db,
        tenantId: repos.tenantId,
        kind,
        input: chunks(content),
        now: new Date('2026-01-01T00:00:00Z'),
        ...extra,
      });
    const count = async (table: string) =>
      Number(
        (
          await t.db.query<{ n: number }>(`select count(*)::int as n from ${table} where tenant_id = $1`, [
            repos.tenantId,
          ])
        )[0]?.n,
      );

    before(async () => {
      t = await openTestDatabase(engine);
      const store = createDataStore(t.db);
      const tenant = await store.directory.create({ name: 'Salon', timeZone: 'Asia/Tokyo' });
      repos = store.forTenant(tenant.id);
      await repos.stores.insert({ name: '本店' });
      await repos.stores.insert({ name: '吉祥寺店' });
      await repos.users.insert(staffMember('佐藤 美穂'));
      await repos.catalog.insert({ kind: 'service', name: 'カット', price: 5500, cost: 600 });
      await repos.channels.insert({ name: 'Instagram', kind: 'sns' });
      await repos.attributes.insert({
        key: 'hair_type',
        label: '髪質',
        type: 'single_choice',
        options: [
          { value: 'fine', label: '細い' },
          { value: 'curly', label: 'くせ毛' },
        ],
        position: 0,
      });
    });
    after(() => t.drop());

    it('rejects a file with bad rows, reports each by row and column, and writes nothing', async () => {
      const bad = [
        '顧客番号,氏名,電話番号,メールアドレス,生年月日,性別,髪質',
        'B1,良い 行,090-0000-0001,ok@example.com,1990/01/01,女性,細い',
        'B2,悪い 電話,12-34,,,,',
        'B3,悪い メール,,not-an-email,,,',
        'B4,未来 生まれ,,,2099/01/01,,',
        'B5,謎 性別,,,,宇宙人,',
        'B6,髪 不明,,,,,ストレート',
        ',,,,,,',
        'B7,日付 誤り,,,2023/02/30,,',
      ].join('\n');
      const report = await run('customers', bad);
      assert.equal(report.status, 'rejected');
      assert.deepEqual(
        report.errors.map((e) => [e.row, e.column, e.code]),
        [
          [3, '電話番号', 'INVALID_PHONE'],
          [4, 'メールアドレス', 'INVALID_EMAIL'],
          [5, '生年月日', 'FUTURE_DATE'],
          [6, '性別', 'INVALID_GENDER'],
          [7, '髪質', 'INVALID_ATTRIBUTE'],
          [9, '生年月日', 'INVALID_DATE'],
        ],
      );
      assert.equal(report.errorCount, 6);
      assert.match(report.errors[0]!.message, /電話番号/);
      assert.equal(await count('customers'), 0);
      assert.equal(await count('acquisition_channels'), 1);
    });

    it('imports Shift_JIS (CP932) with Japanese headers, normalising names, kana, phones and consents', async () => {
      const report = await run('customers', iconv.encode(customersCsv, 'cp932'));
      assert.equal(report.status, 'imported', JSON.stringify(report.errors));
      assert.deepEqual([report.created, report.updated], [3, 0]);
      assert.equal(report.columns['来店きっかけ'], 'channel');
      const [c1] = await repos.customers.findMatches({ externalId: 'C001' });
      assert.equal(c1?.familyName, '山田');
      assert.equal(c1?.givenNameKana, 'ハナコ');
      assert.equal(c1?.area, '渋谷区');
      assert.equal(c1?.birthday, '1990-04-01');
      assert.deepEqual(c1?.attributes, { hair_type: 'fine' });
      assert.equal(c1?.consents.email.status, 'granted');
      const [c2] = await repos.customers.findMatches({ externalId: 'C002' });
      assert.deepEqual([c2?.givenName, c2?.familyNameKana, c2?.consents.email.status], ['一郎', 'スズキ', 'withdrawn']);
      const [c3] = await repos.customers.findMatches({ externalId: 'C003' });
      assert.deepEqual([c3?.familyName, c3?.familyNameKana, c3?.phone], ['髙橋', 'タカハシ', '07055556666']);
      const channels = await repos.channels.list();
      assert.deepEqual(channels.map((c) => c.name).sort(), ['Instagram', '紹介']);
    });

    it('re-imports the same file as updates: no duplicates, no new consent history', async () => {
      const events = await count('consent_events');
      const again = await run('customers', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(customersCsv)]));
      assert.equal(again.status, 'imported');
      assert.deepEqual([again.created, again.updated], [0, 3]);
      assert.equal(await count('customers'), 3);
      assert.equal(await count('consent_events'), events);
    });

    it('matches a customer registered at the counter by phone and gives them the POS number', async () => {
      const counter = await repos.customers.insert({
        externalId: null,
        familyName: '伊藤',
        givenName: null,
        familyNameKana: null,
        givenNameKana: null,
        email: null,
        phone: '09077778888',
        lineUserId: null,
        gender: 'female',
        birthday: null,
        birthYear: null,
        postalCode: null,
        area: null,
        acquisitionChannelId: null,
        acquiredOn: null,
        notes: 'カウンター登録',
        tags: [],
        searchText: 'いとう',
      });
      const report = await run('customers', '会員番号,お名前,携帯番号\nC010,伊藤 恵,090-7777-8888\n');
      assert.deepEqual([report.created, report.updated], [0, 1]);
      const updated = await repos.customers.findById(counter.id);
      assert.deepEqual([updated?.externalId, updated?.givenName, updated?.notes], ['C010', '恵', 'カウンター登録']);
    });

    it('follows a mapping file for unfamiliar headers and refuses unknown fields', async () => {
      const csv = 'お客様No,Name,Mobile\nC020,小林 大輔,090-1212-3434\n';
      const mapping = { お客様No: 'externalId', Name: 'fullName', Mobile: 'phone' };
      const report = await run('customers', csv, { mapping });
      assert.equal(report.status, 'imported');
      assert.equal((await repos.customers.findMatches({ externalId: 'C020' }))[0]?.phone, '09012123434');
      const wrong = await run('customers', csv, { mapping: { お客様No: 'customerNumber' } });
      assert.deepEqual(
        wrong.errors.map((e) => [e.row, e.column, e.code]),
        [[1, 'お客様No', 'UNKNOWN_FIELD']],
      );
    });

    it('imports visits: a receipt’s rows become one visit, times in the shop’s zone, summaries updated', async () => {
      const report = await run('visits', visitsCsv);
      assert.equal(report.status, 'imported', JSON.stringify(report.errors));
      assert.deepEqual([report.rows, report.created, report.updated], [4, 3, 0]);
      const [c1] = await repos.customers.findMatches({ externalId: 'C001' });
      assert.deepEqual(c1?.stats, {
        firstVisitAt: '2025-01-05T05:00:00.000Z',
        lastVisitAt: '2025-03-15T02:00:00.000Z',
        visitCount: 2,
        revenueTotal: 16500,
      });
      const visits = await repos.visits.list({ customerId: c1!.id, status: 'all', limit: 10 });
      const first = visits.items.find((v) => v.externalId === 'R1');
      assert.deepEqual(
        first?.items.map((i) => [i.name, i.amount, i.unitCost]),
        [
          ['カット', 5500, 600],
          ['シャンプー', 3300, 0],
        ],
      );
      assert.deepEqual(first?.payments, [{ method: 'cash', amount: 8800 }]);
      assert.deepEqual(visits.items.find((v) => v.externalId === 'R3')?.payments, [{ method: 'qr', amount: 7700 }]);
    });

    it('re-imports visits as updates, replacing lines instead of adding them', async () => {
      const changed = visitsCsv.replace(
        'R3,C001,2025/03/15,11:00,本店,佐藤,カラー,1,7700,7700,PayPay',
        'R3,C002,2025/03/15,11:00,本店,佐藤,カラー,1,8800,8800,カード',
      );
      const report = await run('visits', changed);
      assert.deepEqual([report.created, report.updated], [0, 3]);
      assert.equal(await count('visits'), 3);
      assert.equal(await count('visit_line_items'), 4);
      const [c1] = await repos.customers.findMatches({ externalId: 'C001' });
      const [c2] = await repos.customers.findMatches({ externalId: 'C002' });
      assert.deepEqual([c1?.stats.visitCount, c1?.stats.revenueTotal], [1, 8800]);
      assert.deepEqual([c2?.stats.visitCount, c2?.stats.revenueTotal], [2, 14300]);
    });

    it('reports visits that name unknown customers, stores or staff, or split a receipt, and writes nothing', async () => {
      const before = await count('visits');
      const bad = [
        '伝票番号,顧客番号,来店日,店舗,担当,金額',
        'X1,C404,2025/04/01,本店,,1000',
        'X2,C001,2025/04/01,銀座店,,1000',
        'X3,C001,2025/04/01,本店,田中,1000',
        'X4,C001,2025/04/02,本店,,1000',
        'X5,C001,2025/04/03,本店,,1000',
        'X4,C001,2025/04/02,本店,,500',
        'X6,C001,2025/04/04,,,1000',
        'X7,C001,2027/01/01,本店,,1000',
      ].join('\n');
      const report = await run('visits', bad);
      assert.equal(report.status, 'rejected');
      assert.deepEqual(
        report.errors.map((e) => [e.row, e.code]).sort((a, b) => Number(a[0]) - Number(b[0])),
        [
          [2, 'CUSTOMER_NOT_FOUND'],
          [3, 'STORE_NOT_FOUND'],
          [4, 'STAFF_NOT_FOUND'],
          [7, 'DUPLICATE_VISIT'],
          [8, 'STORE_REQUIRED'],
          [9, 'FUTURE_DATE'],
        ],
      );
      assert.equal(await count('visits'), before);
    });

    it('refuses a receipt that comes back in a later batch of the same file, and writes nothing', async () => {
      const before = await count('visits');
      const file = [
        '伝票番号,顧客番号,来店日,店舗,金額',
        'F1,C001,2025/05/01,本店,1000',
        'F2,C002,2025/05/02,本店,2000',
        'F1,C001,2025/05/03,本店,3000',
      ].join('\n');
      const report = await run('visits', file, { batchRows: 1 });
      assert.equal(report.status, 'rejected');
      assert.deepEqual(
        report.errors.map((e) => [e.row, e.code, e.column]),
        [[4, 'DUPLICATE_VISIT', '伝票番号']],
      );
      assert.equal(await count('visits'), before);
    });

    it('validates without writing on a dry run', async () => {
      const report = await run('visits', visitsCsv.replace(/R(\d)/g, 'D$1'), { dryRun: true });
      assert.deepEqual([report.status, report.created], ['validated', 3]);
      assert.equal(await count('visits'), 3);
    });

    it('counts every error but reports at most the cap', async () => {
      const rows = Array.from({ length: REPORTED_ERRORS_LIMIT + 50 }, (_, i) => `E${i},名前,bad-phone`);
      const seen: number[] = [];
      const report = await run('customers', ['顧客番号,氏名,電話番号', ...rows].join('\n'), {
        onRowError: (e) => seen.push(e.row),
      });
      assert.equal(report.errorCount, REPORTED_ERRORS_LIMIT + 50);
      assert.equal(report.errors.length, REPORTED_ERRORS_LIMIT);
      assert.equal(seen.length, REPORTED_ERRORS_LIMIT + 50);
    });

    it('fails cleanly when the file stops arriving mid-import: error raised, nothing written', async () => {
      const before = await count('visits');
      async function* brokenUpload(): AsyncGenerator<Buffer> {
        yield Buffer.from('伝票番号,顧客番号,来店日,店舗,金額\n');
        for (let chunk = 0; chunk < 12; chunk++) {
          const rows = Array.from({ length: 1000 }, (_, i) => `U${chunk * 1000 + i},C001,2025/05/01,本店,1000\n`);
          yield Buffer.from(rows.join(''));
        }
        throw new Error('connection reset by peer');
      }
      await assert.rejects(
        runImport({
          db: t.db,
          tenantId: repos.tenantId,
          kind: 'visits',
          input: brokenUpload(),
          now: new Date('2026-01-01T00:00:00Z'),
        }),
        /connection reset by peer/,
      );
      assert.equal(await count('visits'), before);
    });

    it('rejects a file without the columns a visit needs, and malformed CSV', async () => {
      const missing = await run('visits', '顧客番号,メニュー\nC001,カット\n');
      assert.deepEqual(
        missing.errors.map((e) => e.code),
        ['MISSING_COLUMN', 'MISSING_COLUMN'],
      );
      const malformed = await run('customers', '顧客番号,氏名\nM1,山田\n\nM2,"閉じない\nM3,鈴木\n');
      assert.deepEqual(
        malformed.errors.map((e) => [e.row, e.code]),
        [[4, 'MALFORMED_CSV']],
      );
      assert.match(malformed.errors[0]!.message, /CSV/);
      const afterQuote = await run('customers', '顧客番号,氏名\nM1,"山田"太郎\n');
      assert.deepEqual(
        afterQuote.errors.map((e) => [e.row, e.code]),
        [[2, 'MALFORMED_CSV']],
      );
      const [m1] = await repos.customers.findMatches({ externalId: 'M1' });
      assert.equal(m1, undefined);
      // A quote inside an unquoted field is text, as in a spreadsheet, not a broken file.
      const stray = await run('customers', '顧客番号,氏名,備考\nQ1,山田 花子,ウィッグ 14"\n');
      assert.equal(stray.status, 'imported');
      const [q1] = await repos.customers.findMatches({ externalId: 'Q1' });
      assert.equal(q1?.notes, 'ウィッグ 14"');
      const garbled = await run('customers', iconv.encode('顧客番号,氏名\nG1,山田\n', 'cp932'), { encoding: 'utf-8' });
      assert.equal(garbled.status, 'rejected');
    });

    it('creates new receipts and updates known ones met in the same batch', async () => {
      const file = [
        '伝票番号,顧客番号,来店日,店舗,メニュー,金額',
        'N1,C002,2025/06/01,本店,カット,5500',
        'R2,C002,2025/02/01,本店,カット,6000',
        'R2,C002,2025/02/01,本店,トリートメント,3300',
        'N2,C001,2025/06/02,本店,カラー,7700',
      ].join('\n');
      const visitsBefore = await count('visits');
      const report = await run('visits', file);
      assert.deepEqual([report.status, report.created, report.updated], ['imported', 2, 1]);
      assert.equal(await count('visits'), visitsBefore + 2);
      const lines = await t.db.query<{ external_id: string; name: string; amount: number }>(
        `select v.external_id, l.name, l.amount from visit_line_items l
         join visits v on v.tenant_id = l.tenant_id and v.id = l.visit_id
         where v.tenant_id = $1 and v.external_id in ('N1', 'R2', 'N2') order by v.external_id, l.position`,
        [repos.tenantId],
      );
      assert.deepEqual(
        lines.map((l) => [l.external_id, l.name, l.amount]),
        [
          ['N1', 'カット', 5500],
          ['N2', 'カラー', 7700],
          ['R2', 'カット', 6000],
          ['R2', 'トリートメント', 3300],
        ],
      );
    });
  });
}
