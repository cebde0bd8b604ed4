import { blankCustomerColumns } from '@kayoi/core';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { engines } from '@kayoi/db/testing';
import { seedBusiness, startTestApp, type Business, type TestApp } from './support/testApp.js';

interface CustomerView {
  id: string;
  familyName: string | null;
  givenName: string | null;
  phone: string | null;
  email: string | null;
  lineUserId: string | null;
  postalCode: string | null;
  birthday: string | null;
  notes: string | null;
  gender: string;
  birthYear: number | null;
  area: string | null;
  stats: { visitCount: number; revenueTotal: number };
  masked: string[];
}

/** Every personal value the seeded customer and visit hold, in the forms they are stored in. */
const personalValues = [
  '山田',
  '花子',
  'ヤマダ',
  'ハナコ',
  '09012345678',
  'hanako@example.com',
  'U1234567890abcdef',
  '150-0001',
  '1990-04-01',
  'カラーは明るめ希望',
  '次回は前髪カット',
];

for (const engine of engines) {
  describe(`personal data by role on ${engine}`, () => {
    let t: TestApp;
    let b: Business;
    const get = async (token: string, path: string) => {
      const res = await t.call('GET', path, { token });
      const text = await res.text();
      assert.equal(res.status, 200, `${path}: ${text}`);
      return { text, body: JSON.parse(text) as unknown };
    };
    const customerAs = async (token: string) =>
      (await get(token, `/api/v1/customers/${b.customerId}`)).body as CustomerView;
    const listed = async (token: string, query = '') => {
      const { body } = await get(token, `/api/v1/customers${query}`);
      return (body as { items: CustomerView[] }).items;
    };

    before(async () => {
      t = await startTestApp(engine);
      b = await seedBusiness(t, 'Privacy');
      const res = await t.call('PATCH', `/api/v1/customers/${b.customerId}`, {
        token: b.tokens.owner,
        body: { gender: 'female' },
      });
      assert.equal(res.status, 200);
    });
    after(() => t.close());

    it('the owner and the manager see everything', async () => {
      for (const token of [b.tokens.owner, b.tokens.manager]) {
        const c = await customerAs(token);
        assert.equal(c.phone, '09012345678');
        assert.equal(c.email, 'hanako@example.com');
        assert.equal(c.lineUserId, 'U1234567890abcdef');
        assert.equal(c.postalCode, '150-0001');
        assert.deepEqual(c.masked, []);
      }
    });

    it('staff see names and notes but masked contacts, in get, list and search alike', async () => {
      const views = [
        await customerAs(b.tokens.staff),
        ...(await listed(b.tokens.staff)).filter((c) => c.id === b.customerId),
        ...(await listed(b.tokens.staff, `?q=${encodeURIComponent('やまだ')}`)),
        ...(await listed(b.tokens.staff, '?q=09012345678')),
      ];
      assert.equal(views.length, 4);
      for (const c of views) {
        assert.equal(c.id, b.customerId);
        assert.equal(c.phone, '090-****-5678');
        assert.equal(c.email, 'h***@example.com');
        assert.equal(c.lineUserId, 'U***cdef');
        assert.equal(c.postalCode, '150-****');
        assert.deepEqual([...c.masked].sort(), ['email', 'lineUserId', 'phone', 'postalCode']);
        assert.equal(c.familyName, '山田');
        assert.equal(c.notes, 'カラーは明るめ希望');
      }
    });

    it('staff get masked contacts back from their own writes too', async () => {
      const res = await t.call('POST', '/api/v1/customers', {
        token: b.tokens.staff,
        body: { familyName: '佐藤', phone: '080-1111-2222', email: 'sato@example.com' },
      });
      assert.equal(res.status, 201);
      const created = (await res.json()) as CustomerView;
      assert.equal(created.phone, '080-****-2222');
      assert.equal(created.email, 's***@example.com');
      const stored = await b.repos.customers.findById(created.id);
      assert.equal(stored?.phone, '08011112222', 'the mask is presentation only');
    });

    it('staff see full contacts once the business allows it, and masked again when it stops', async () => {
      const allow = async (staffCanSeeContacts: boolean) => {
        const res = await t.call('PATCH', '/api/v1/tenant', {
          token: b.tokens.owner,
          body: { settings: { staffCanSeeContacts } },
        });
        assert.equal(res.status, 200);
      };
      await allow(true);
      try {
        for (const c of [await customerAs(b.tokens.staff), ...(await listed(b.tokens.staff, '?q=hanako'))]) {
          assert.equal(c.phone, '09012345678');
          assert.equal(c.email, 'hanako@example.com');
          assert.equal(c.lineUserId, 'U1234567890abcdef');
          assert.equal(c.postalCode, '150-0001');
          assert.deepEqual(c.masked, []);
        }
        const analyst = await customerAs(b.tokens.analyst);
        assert.equal(analyst.phone, null, 'the setting is for staff, not analysts');
      } finally {
        await allow(false);
      }
      assert.equal((await customerAs(b.tokens.staff)).phone, '090-****-5678');
    });

    it('analysts see no personal data anywhere, but keep gender, birth year, area and stats', async () => {
      const token = b.tokens.analyst;
      const reads = [
        await get(token, `/api/v1/customers/${b.customerId}`),
        await get(token, '/api/v1/customers'),
        await get(token, `/api/v1/customers/${b.customerId}/timeline`),
        await get(token, `/api/v1/visits/${b.visitId}`),
        await get(token, `/api/v1/visits?customerId=${b.customerId}`),
      ];
      for (const { text } of reads) {
        for (const value of personalValues) assert.ok(!text.includes(value), `an analyst saw ${value}: ${text}`);
      }
      const c = reads[0]!.body as CustomerView;
      for (const field of [
        'familyName',
        'givenName',
        'phone',
        'email',
        'lineUserId',
        'postalCode',
        'birthday',
        'notes',
      ]) {
        assert.equal(c[field as keyof CustomerView], null, field);
        assert.ok(c.masked.includes(field), `masked lists ${field}`);
      }
      assert.equal(c.gender, 'female');
      assert.equal(c.birthYear, 1990);
      assert.equal(c.area, '渋谷区');
      assert.equal(c.stats.visitCount, 1);
      assert.equal(c.stats.revenueTotal, 5500);
      const timeline = reads[2]!.body as { items: { kind: string; visit: { total: number; note: null } | null }[] };
      const visit = timeline.items.find((e) => e.kind === 'visit');
      assert.equal(visit?.visit?.total, 5500);
      assert.equal(visit?.visit?.note, null);
    });

    it('analysts cannot find a person by searching for their name, phone or birthday month', async () => {
      for (const query of ['?q=山田', '?q=09012345678', '?q=hanako', '?birthdayMonth=4', '?sort=kana']) {
        const res = await t.call('GET', `/api/v1/customers${query}`, { token: b.tokens.analyst });
        const text = await res.text();
        assert.equal(res.status, 403, `${query}: ${text}`);
        assert.ok(!text.includes(b.customerId));
      }
      const res = await t.call('GET', '/api/v1/customers?gender=female', { token: b.tokens.analyst });
      assert.equal(res.status, 200, 'non-personal filters still work');
    });
  });

  describe(`bulk reads of personal data on ${engine}`, () => {
    let t: TestApp;
    let b: Business;
    before(async () => {
      t = await startTestApp(engine);
      b = await seedBusiness(t, 'Bulk');
      for (let i = 0; i < 105; i++) {
        const phone = `0801234${String(i).padStart(4, '0')}`;
        await b.repos.customers.insert({
          ...blankCustomerColumns,
          familyName: `顧客${i}`,
          phone,
          searchText: `顧客${i} ${phone}`,
        });
      }
    });
    after(() => t.close());

    const bulkReads = async () => {
      const res = await t.call('GET', '/api/v1/audit-events?action=customers.bulk_read', { token: b.tokens.owner });
      return ((await res.json()) as { items: { actorUserId: string; details: { rows: number } }[] }).items;
    };
    const list = async (token: string, limit: number) => {
      const res = await t.call('GET', `/api/v1/customers?limit=${limit}`, { token });
      assert.equal(res.status, 200);
      return ((await res.json()) as { items: unknown[] }).items.length;
    };

    it('a page as the dashboard shows it (50 rows) is not a bulk read', async () => {
      assert.equal(await list(b.tokens.owner, 50), 50);
      assert.equal((await bulkReads()).length, 0);
    });

    it('an owner listing 100 or more customers is audited', async () => {
      assert.equal(await list(b.tokens.owner, 200), 106);
      const events = await bulkReads();
      assert.equal(events.length, 1);
      assert.equal(events[0]?.actorUserId, b.users.owner);
      assert.equal(events[0]?.details.rows, 106);
    });

    it('staff with masked contacts and analysts read no contacts, so nothing is recorded', async () => {
      assert.equal(await list(b.tokens.staff, 200), 106);
      assert.equal(await list(b.tokens.analyst, 200), 106);
      assert.equal((await bulkReads()).length, 1);
    });

    it('staff allowed to see contacts are audited like the owner', async () => {
      const res = await t.call('PATCH', '/api/v1/tenant', {
        token: b.tokens.owner,
        body: { settings: { staffCanSeeContacts: true } },
      });
      assert.equal(res.status, 200);
      assert.equal(await list(b.tokens.staff, 200), 106);
      const events = await bulkReads();
      assert.equal(events.length, 2);
      assert.equal(events[0]?.actorUserId, b.users.staff);
    });
  });
}
