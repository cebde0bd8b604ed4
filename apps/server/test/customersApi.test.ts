import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { engines } from '@kayoi/db/testing';
import { seedBusiness, startTestApp, type Business, type TestApp } from './support/testApp.js';

interface Customer {
  id: string;
  familyName: string | null;
  givenName: string | null;
  familyNameKana: string | null;
  givenNameKana: string | null;
  email: string | null;
  phone: string | null;
  lineUserId: string | null;
  gender: string;
  birthday: string | null;
  birthYear: number | null;
  postalCode: string | null;
  area: string | null;
  acquisitionChannelId: string | null;
  notes: string | null;
  tags: string[];
  attributes: Record<string, unknown>;
  consents: Record<'email' | 'line' | 'sms', { status: string; source: string | null; changedAt: string | null }>;
  stats: { visitCount: number; revenueTotal: number };
  erasedAt: string | null;
}
type Page = { items: Customer[]; nextCursor: string | null };
type ErrorBody = { error: { code: string; details?: unknown } };

for (const engine of engines) {
  describe(`customers API on ${engine}`, () => {
    let t: TestApp;
    let b: Business;
    const as = (method: string, path: string, body?: unknown) => t.call(method, path, { token: b.tokens.owner, body });
    const json = async <T>(res: Response, status: number): Promise<T> => {
      const text = await res.text();
      assert.equal(res.status, status, text);
      return JSON.parse(text) as T;
    };
    const search = async (query: string) =>
      (await json<Page>(await as('GET', `/api/v1/customers?${query}`), 200)).items.map((c) => c.id);

    before(async () => {
      t = await startTestApp(engine);
      b = await seedBusiness(t, 'Customers');
    });
    after(() => t.close());

    it('creates a customer with normalised fields, custom attributes and consents, and gets it back', async () => {
      const created = await json<Customer>(
        await as('POST', '/api/v1/customers', {
          familyName: '鈴木',
          givenName: '一郎',
          familyNameKana: 'すずき',
          givenNameKana: 'ｲﾁﾛｳ',
          phone: '０８０（１１１１）２２２２',
          email: 'Ichiro@Example.COM',
          gender: 'male',
          birthday: '1985-12-24',
          postalCode: '〒2230061',
          acquisitionChannelId: b.channelId,
          tags: ['紹介', '紹介', ' 学生 '],
          attributes: { hair_type: 'curly' },
          consents: { email: { status: 'granted', source: 'paper form' } },
        }),
        201,
      );
      assert.equal(created.familyNameKana, 'スズキ');
      assert.equal(created.givenNameKana, 'イチロウ');
      assert.equal(created.phone, '08011112222');
      assert.equal(created.email, 'ichiro@example.com');
      assert.equal(created.birthYear, 1985);
      assert.equal(created.postalCode, '223-0061');
      assert.deepEqual(created.tags, ['紹介', '学生']);
      assert.deepEqual(created.attributes, { hair_type: 'curly' });
      assert.equal(created.consents.email.status, 'granted');
      assert.equal(created.consents.email.source, 'paper form');
      assert.equal(created.consents.line.status, 'unknown');
      assert.deepEqual(created.stats, { ...created.stats, visitCount: 0, revenueTotal: 0 });
      assert.deepEqual(await json<Customer>(await as('GET', `/api/v1/customers/${created.id}`), 200), created);
    });

    it('patches only what it names; null removes an attribute value', async () => {
      const before = await json<Customer>(await as('GET', `/api/v1/customers/${b.customerId}`), 200);
      const patched = await json<Customer>(
        await as('PATCH', `/api/v1/customers/${b.customerId}`, {
          notes: '敏感肌',
          givenNameKana: 'はなこ',
          attributes: { hair_type: null },
        }),
        200,
      );
      assert.equal(patched.notes, '敏感肌');
      assert.equal(patched.givenNameKana, 'ハナコ');
      assert.deepEqual(patched.attributes, {});
      for (const field of ['familyName', 'phone', 'email', 'birthday', 'postalCode', 'area'] as const) {
        assert.equal(patched[field], before[field], field);
      }
      const again = await json<Customer>(
        await as('PATCH', `/api/v1/customers/${b.customerId}`, { attributes: { hair_type: 'fine' } }),
        200,
      );
      assert.deepEqual(again.attributes, { hair_type: 'fine' });
    });

    it('refuses a bad custom attribute value with 400 ATTRIBUTE_VALUE_INVALID and writes nothing', async () => {
      const res = await as('PATCH', `/api/v1/customers/${b.customerId}`, {
        notes: 'これは保存されない',
        attributes: { hair_type: 'straight', shoe_size: 24 },
      });
      const { error } = await json<ErrorBody>(res, 400);
      assert.equal(error.code, 'ATTRIBUTE_VALUE_INVALID');
      const { problems } = error.details as { problems: { key: string; reason: string }[] };
      assert.deepEqual(
        problems.map((p) => p.key),
        ['hair_type', 'shoe_size'],
      );
      assert.match(problems[0]?.reason ?? '', /fine, curly/);
      const stored = await json<Customer>(await as('GET', `/api/v1/customers/${b.customerId}`), 200);
      assert.equal(stored.notes, '敏感肌');

      const create = await as('POST', '/api/v1/customers', { familyName: '幽霊', attributes: { hair_type: 'x' } });
      assert.equal((await json<ErrorBody>(create, 400)).error.code, 'ATTRIBUTE_VALUE_INVALID');
      assert.deepEqual(await search('q=幽霊'), [], 'the failed create left no customer behind');
    });

    it('refuses a customer nobody could identify, and a taken external id', async () => {
      const anon = await as('POST', '/api/v1/customers', { gender: 'female', notes: 'だれ？' });
      assert.equal((await json<ErrorBody>(anon, 400)).error.code, 'CUSTOMER_NOT_IDENTIFIABLE');
      await json(await as('POST', '/api/v1/customers', { externalId: 'POS-1', familyName: '一人目' }), 201);
      const dup = await as('POST', '/api/v1/customers', { externalId: 'POS-1', familyName: '二人目' });
      assert.equal((await json<ErrorBody>(dup, 409)).error.code, 'EXTERNAL_ID_TAKEN');
      const unborn = await as('POST', '/api/v1/customers', { familyName: '未来', birthday: '2999-01-01' });
      assert.equal((await json<ErrorBody>(unborn, 400)).error.code, 'VALIDATION_FAILED');
    });

    it('records consent with its source; the history shows on the timeline', async () => {
      const id = b.customerId;
      const granted = await json<Customer>(
        await as('PUT', `/api/v1/customers/${id}/consents/email`, { status: 'granted', source: 'LINE follow' }),
        200,
      );
      assert.equal(granted.consents.email.status, 'granted');
      assert.equal(granted.consents.email.source, 'LINE follow');
      assert.ok(granted.consents.email.changedAt);
      const withdrawn = await json<Customer>(
        await as('PUT', `/api/v1/customers/${id}/consents/email`, { status: 'withdrawn', source: 'unsubscribe link' }),
        200,
      );
      assert.equal(withdrawn.consents.email.status, 'withdrawn');
      const timeline = await json<{ items: { kind: string; detail: Record<string, unknown> }[] }>(
        await as('GET', `/api/v1/customers/${id}/timeline`),
        200,
      );
      const consents = timeline.items.filter((e) => e.kind === 'consent').map((e) => e.detail);
      assert.deepEqual(consents.slice(0, 2), [
        { channel: 'email', status: 'withdrawn', source: 'unsubscribe link' },
        { channel: 'email', status: 'granted', source: 'LINE follow' },
      ]);
      assert.ok(consents.some((d) => d.channel === 'line' && d.source === 'counter'));
      assert.ok(timeline.items.some((e) => e.kind === 'visit'));
      assert.equal(timeline.items.filter((e) => e.kind === 'created').length, 1);
      const times = timeline.items.map((e) => (e as unknown as { at: string }).at);
      assert.deepEqual(times, [...times].sort().reverse(), 'newest first');
      const bad = await as('PUT', `/api/v1/customers/${id}/consents/fax`, { status: 'granted' });
      assert.equal((await json<ErrorBody>(bad, 400)).error.code, 'VALIDATION_FAILED');
    });

    it('searches names, kana in any script, phone in any format and email', async () => {
      const queries = [
        '山田',
        '山田花子',
        'ヤマダ',
        'やまだ',
        'ﾔﾏﾀﾞ ﾊﾅｺ',
        '090-1234-5678',
        '０９０１２３４５６７８',
        '+81 90-1234-5678',
        '5678',
        'HANAKO@example.com',
      ];
      for (const q of queries) {
        assert.deepEqual(await search(`q=${encodeURIComponent(q)}`), [b.customerId], q);
      }
      assert.deepEqual(await search(`q=${encodeURIComponent('存在しない')}`), []);
      assert.deepEqual(await search('q=%25'), [], 'a % is a character, not a wildcard');
    });

    it('pages through a list with cursors, without gaps or repeats', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 7; i++) {
        const c = await json<Customer>(
          await as('POST', '/api/v1/customers', { familyName: `頁${i}`, familyNameKana: `ページ${i}`, tags: ['page'] }),
          201,
        );
        ids.push(c.id);
      }
      for (const sort of ['recent', 'kana']) {
        const seen: string[] = [];
        const sizes: number[] = [];
        let cursor: string | null = null;
        do {
          const query: string = `tag=page&sort=${sort}&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
          const page: Page = await json<Page>(await as('GET', `/api/v1/customers?${query}`), 200);
          seen.push(...page.items.map((c) => c.id));
          sizes.push(page.items.length);
          cursor = page.nextCursor;
        } while (cursor);
        assert.deepEqual(sizes, [3, 3, 1], sort);
        assert.deepEqual(seen, sort === 'recent' ? [...ids].reverse() : ids, sort);
      }
      const bad = await as('GET', '/api/v1/customers?cursor=garbage');
      assert.equal((await json<ErrorBody>(bad, 400)).error.code, 'VALIDATION_FAILED');
    });
  });
}
