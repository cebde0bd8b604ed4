import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkCustomerColumns, keptAfterErasure, type CustomerColumns, type TenantRepos } from '@kayoi/core';
import type { CustomerCreate, CustomerListQuery } from '@kayoi/contracts';
import type { ContractFixture } from './fixture.js';
import { rejectsWithCode } from './fixture.js';

export function columns(input: CustomerCreate): CustomerColumns {
  const checked = checkCustomerColumns(input);
  if (!checked.ok) throw new Error(checked.error.code);
  return checked.value.merged;
}

const list = (repos: TenantRepos, q: Partial<CustomerListQuery>) =>
  repos.customers.list({ sort: 'recent', limit: 50, ...q });

export function customerContract(f: ContractFixture) {
  describe('customers', () => {
    it('stores normalised columns and reads them back', async () => {
      const repos = await f.newTenant();
      const c = await repos.customers.insert(
        columns({
          familyName: '山田',
          givenName: '花子',
          familyNameKana: 'やまだ',
          givenNameKana: 'ﾊﾅｺ',
          phone: '090-1234-5678',
          email: 'Hana@Example.COM',
          birthday: '1990-04-01',
          postalCode: '1500001',
          tags: ['VIP'],
        }),
      );
      assert.equal(c.familyNameKana, 'ヤマダ');
      assert.equal(c.givenNameKana, 'ハナコ');
      assert.equal(c.phone, '09012345678');
      assert.equal(c.email, 'hana@example.com');
      assert.equal(c.birthYear, 1990);
      assert.equal(c.postalCode, '150-0001');
      assert.deepEqual(c.tags, ['VIP']);
      assert.equal(c.consents.email.status, 'unknown');
      assert.deepEqual(c.stats, { firstVisitAt: null, lastVisitAt: null, visitCount: 0, revenueTotal: 0 });
    });

    it('refuses a second customer with the same external id or LINE id, and an unknown channel', async () => {
      const repos = await f.newTenant();
      await repos.customers.insert(columns({ familyName: 'A', externalId: 'C-1', lineUserId: 'U1' }));
      await rejectsWithCode(
        repos.customers.insert(columns({ familyName: 'B', externalId: 'C-1' })),
        'EXTERNAL_ID_TAKEN',
      );
      await rejectsWithCode(
        repos.customers.insert(columns({ familyName: 'B', lineUserId: 'U1' })),
        'LINE_USER_ID_TAKEN',
      );
      await rejectsWithCode(
        repos.customers.insert(
          columns({ familyName: 'B', acquisitionChannelId: '00000000-0000-7000-8000-000000000000' }),
        ),
        'CHANNEL_NOT_FOUND',
      );
      const other = await f.newTenant();
      await other.customers.insert(columns({ familyName: 'A', externalId: 'C-1', lineUserId: 'U1' }));
    });

    it('searches name, kana in either script, phone and email; filters by tag, channel, gender, birthday month', async () => {
      const repos = await f.newTenant();
      const sns = await repos.channels.insert({ name: 'Instagram', kind: 'sns' });
      const hanako = await repos.customers.insert(
        columns({
          familyName: '田中',
          givenName: '花子',
          familyNameKana: 'タナカ',
          givenNameKana: 'ハナコ',
          phone: '09011112222',
          gender: 'female',
          birthday: '1991-05-20',
          tags: ['VIP'],
          acquisitionChannelId: sns.id,
        }),
      );
      await repos.customers.insert(
        columns({
          familyName: '鈴木',
          familyNameKana: 'スズキ',
          email: 'ichiro@example.com',
          gender: 'male',
          birthday: '1980-11-02',
        }),
      );
      const ids = async (q: Partial<CustomerListQuery>) => (await list(repos, q)).items.map((c) => c.familyName);
      assert.deepEqual(await ids({ q: 'たなか' }), ['田中']);
      assert.deepEqual(await ids({ q: 'ﾀﾅｶ' }), ['田中']);
      assert.deepEqual(await ids({ q: '田中 花子' }), ['田中']);
      assert.deepEqual(await ids({ q: '090-1111' }), ['田中']);
      assert.deepEqual(await ids({ q: 'ICHIRO@' }), ['鈴木']);
      assert.deepEqual(await ids({ q: '100%' }), []);
      assert.deepEqual(await ids({ tag: 'VIP' }), ['田中']);
      assert.deepEqual(await repos.customers.listTags(10), [{ tag: 'VIP', customers: 1 }]);
      assert.deepEqual(await ids({ channelId: sns.id }), ['田中']);
      assert.deepEqual(await ids({ gender: 'male' }), ['鈴木']);
      assert.deepEqual(await ids({ birthdayMonth: 5 }), ['田中']);
      const found = await repos.customers.findMatches({ phone: '09011112222' });
      assert.deepEqual(
        found.map((c) => c.id),
        [hanako.id],
      );
    });

    it('pages through every sort order without gaps or repeats', async () => {
      const repos = await f.newTenant();
      const kana = ['アオキ', 'イトウ', 'ウエダ', 'エンドウ', 'オオタ', 'カトウ', 'キムラ'];
      for (const [i, k] of kana.entries()) {
        await repos.customers.insert(columns({ familyName: `客${i}`, familyNameKana: i === 3 ? null : k }));
      }
      for (const sort of ['recent', 'kana', 'lastVisit', 'visitCount', 'revenue'] as const) {
        const seen: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await list(repos, { sort, limit: 3, cursor });
          seen.push(...page.items.map((c) => c.id));
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        assert.equal(seen.length, kana.length, sort);
        assert.equal(new Set(seen).size, kana.length, sort);
      }
      const byKana = (await list(repos, { sort: 'kana' })).items.map((c) => c.familyNameKana);
      assert.deepEqual(byKana, ['アオキ', 'イトウ', 'ウエダ', 'オオタ', 'カトウ', 'キムラ', null]);
      await rejectsWithCode(list(repos, { cursor: 'garbage' }), 'VALIDATION_FAILED');
    });

    it('keeps attribute values and consents, with the consent history on the timeline', async () => {
      const repos = await f.newTenant();
      const def = await repos.attributes.insert({
        key: 'scalp',
        label: '頭皮',
        type: 'single_choice',
        options: [{ value: 'dry', label: '乾燥' }],
        position: 0,
      });
      const c = await repos.customers.insert(columns({ familyName: '佐藤' }));
      await repos.customers.setAttributeValues(c.id, [{ attributeId: def.id, value: 'dry' }]);
      await repos.customers.recordConsent(c.id, {
        channel: 'line',
        status: 'granted',
        source: 'counter',
        at: new Date('2026-01-01T00:00:00Z'),
        actorUserId: null,
      });
      await repos.customers.recordConsent(c.id, {
        channel: 'line',
        status: 'withdrawn',
        source: 'unsubscribe',
        at: new Date('2026-02-01T00:00:00Z'),
        actorUserId: null,
      });
      const stored = await repos.customers.findById(c.id);
      assert.deepEqual(stored?.attributes, { scalp: 'dry' });
      assert.deepEqual(stored?.consents.line, {
        status: 'withdrawn',
        changedAt: '2026-02-01T00:00:00.000Z',
        source: 'unsubscribe',
      });
      const timeline = (await repos.customers.timeline(c.id, { limit: 10 })).items;
      assert.deepEqual(
        timeline.filter((e) => e.kind === 'consent').map((e) => e.detail.status),
        ['withdrawn', 'granted'],
      );
      await repos.customers.setAttributeValues(c.id, [{ attributeId: def.id, value: null }]);
      assert.deepEqual((await repos.customers.findById(c.id))?.attributes, {});
    });

    it('pages through a timeline whose events share an instant without losing or repeating one', async () => {
      const repos = await f.newTenant();
      const c = await repos.customers.insert(columns({ familyName: '同時' }));
      const at = new Date('2026-02-01T00:00:00Z');
      for (const channel of ['email', 'line', 'sms'] as const) {
        await repos.customers.recordConsent(c.id, {
          channel,
          status: 'withdrawn',
          source: 'erasure',
          at,
          actorUserId: null,
        });
      }
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await repos.customers.timeline(c.id, { limit: 1, cursor });
        seen.push(...page.items.map((e) => `${e.kind}:${e.id}`));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      assert.equal(seen.length, 4);
      assert.equal(new Set(seen).size, 4);
      assert.equal(seen.filter((s) => s.startsWith('consent:')).length, 3);
    });

    it('erases personal data but keeps the statistical fields and the visits', async () => {
      const repos = await f.newTenant();
      const store = await repos.stores.insert({ name: '本店' });
      const def = await repos.attributes.insert({
        key: 'allergies',
        label: 'アレルギー',
        type: 'text',
        options: [],
        position: 0,
      });
      const referral = await repos.channels.insert({ name: '紹介', kind: 'referral' });
      const c = await repos.customers.insert(
        columns({
          familyName: '高橋',
          givenName: '美咲',
          familyNameKana: 'タカハシ',
          phone: '08012345678',
          email: 'm@example.com',
          lineUserId: 'U9',
          birthday: '1995-03-03',
          postalCode: '180-0004',
          area: '武蔵野市',
          notes: '敏感肌',
          tags: ['VIP'],
          gender: 'female',
          externalId: 'E-9',
          acquiredOn: '2024-01-01',
          acquisitionChannelId: referral.id,
        }),
      );
      await repos.customers.setAttributeValues(c.id, [{ attributeId: def.id, value: 'ラテックス' }]);
      await repos.visits.insert({
        customerId: c.id,
        storeId: store.id,
        staffId: null,
        startedAt: new Date('2025-01-01T01:00:00Z'),
        status: 'completed',
        subtotal: 5000,
        discount: 0,
        total: 5000,
        items: [],
        payments: [{ method: 'cash', amount: 5000 }],
        note: '妊娠中とのこと',
        externalId: null,
        source: 'counter',
      });
      await repos.customers.refreshStats([c.id]);
      const erased = await repos.customers.erase(c.id, new Date('2026-03-01T00:00:00Z'));
      assert.ok(erased);
      for (const field of [
        'familyName',
        'givenName',
        'familyNameKana',
        'phone',
        'email',
        'lineUserId',
        'birthday',
        'postalCode',
        'notes',
        'externalId',
      ] as const) {
        assert.equal(erased[field], null, field);
      }
      assert.deepEqual(erased.tags, []);
      assert.deepEqual(erased.attributes, {});
      assert.equal(erased.erasedAt, '2026-03-01T00:00:00.000Z');
      for (const kept of keptAfterErasure) assert.notEqual(erased[kept], null, kept);
      assert.equal(erased.stats.visitCount, 1);
      const [visit] = (await repos.visits.list({ customerId: c.id, status: 'all', limit: 5 })).items;
      assert.equal(visit?.note, null);
      assert.equal(visit?.total, 5000);
      assert.deepEqual((await list(repos, {})).items, []);
      assert.equal((await list(repos, { includeErased: true })).items.length, 1);
    });

    it('is invisible to another tenant', async () => {
      const a = await f.newTenant('A');
      const b = await f.newTenant('B');
      const c = await a.customers.insert(columns({ familyName: '秘密', phone: '09099998888' }));
      assert.equal(await b.customers.findById(c.id), null);
      assert.equal(await b.customers.update(c.id, { familyName: 'x' }), null);
      assert.equal(await b.customers.erase(c.id, new Date()), null);
      assert.deepEqual((await b.customers.list({ sort: 'recent', limit: 10, q: '秘密' })).items, []);
      assert.deepEqual(await b.customers.findMatches({ phone: '09099998888' }), []);
      assert.deepEqual((await b.customers.timeline(c.id, { limit: 10 })).items, []);
      await rejectsWithCode(
        b.customers.recordConsent(c.id, {
          channel: 'email',
          status: 'granted',
          source: 'x',
          at: new Date(),
          actorUserId: null,
        }),
        'CUSTOMER_NOT_FOUND',
      );
      assert.equal((await a.customers.findById(c.id))?.familyName, '秘密');
    });
  });
}
