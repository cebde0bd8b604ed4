import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { piiFields } from '@kayoi/contracts';
import { engines } from '@kayoi/db/testing';
import { seedBusiness, startTestApp, type Business, type TestApp } from './support/testApp.js';

type Customer = Record<string, unknown> & {
  id: string;
  erasedAt: string | null;
  tags: string[];
  attributes: Record<string, unknown>;
  consents: Record<'email' | 'line' | 'sms', { status: string; source: string | null }>;
  stats: { visitCount: number; revenueTotal: number };
};
type Visit = { id: string; total: number; note: string | null; items: { name: string; amount: number }[] };
type ErrorBody = { error: { code: string } };

for (const engine of engines) {
  describe(`customer erasure on ${engine}`, () => {
    let t: TestApp;
    let b: Business;
    let erased: Customer;
    let before_: Customer;
    const as = (method: string, path: string, body?: unknown, token = b.tokens.owner) =>
      t.call(method, path, { token, body });
    const json = async <T>(res: Response, status: number): Promise<T> => {
      const text = await res.text();
      assert.equal(res.status, status, text);
      return JSON.parse(text) as T;
    };

    before(async () => {
      t = await startTestApp(engine);
      b = await seedBusiness(t, 'Erasure');
      const res = await as('PATCH', `/api/v1/customers/${b.customerId}`, {
        gender: 'female',
        externalId: 'POS-77',
        consents: { email: { status: 'granted', source: 'counter' } },
      });
      before_ = await json<Customer>(res, 200);
      erased = await json<Customer>(await as('DELETE', `/api/v1/customers/${b.customerId}`), 200);
    });
    after(() => t.close());

    it('removes every personal field, tags and custom attributes, and sets erasedAt', async () => {
      const stored = await json<Customer>(await as('GET', `/api/v1/customers/${b.customerId}`), 200);
      for (const view of [erased, stored]) {
        for (const field of [...piiFields, 'externalId']) assert.equal(view[field], null, field);
        assert.deepEqual(view.tags, []);
        assert.deepEqual(view.attributes, {});
        assert.ok(view.erasedAt && !Number.isNaN(Date.parse(view.erasedAt)));
      }
      const raw = await b.repos.customers.findById(b.customerId);
      for (const value of ['山田', 'ヤマダ', '09012345678', 'hanako@example.com', 'U1234567890abcdef', 'POS-77']) {
        assert.ok(!JSON.stringify(raw).includes(value), `${value} is still stored`);
      }
    });

    it('keeps what statistics need: gender, birth year, area, channel and the visit totals', () => {
      for (const field of ['gender', 'birthYear', 'area', 'acquisitionChannelId', 'acquiredOn']) {
        assert.deepEqual(erased[field], before_[field], field);
      }
      assert.equal(erased.gender, 'female');
      assert.equal(erased.birthYear, 1990);
      assert.deepEqual(erased.stats, before_.stats);
      assert.equal(erased.stats.visitCount, 1);
      assert.equal(erased.stats.revenueTotal, 5500);
    });

    it('keeps the visits with their totals and items, without their notes', async () => {
      const page = await json<{ items: Visit[] }>(await as('GET', `/api/v1/visits?customerId=${b.customerId}`), 200);
      assert.equal(page.items.length, 1);
      assert.equal(page.items[0]?.id, b.visitId);
      assert.equal(page.items[0]?.total, 5500);
      assert.deepEqual(
        page.items[0]?.items.map((i) => [i.name, i.amount]),
        [['カット', 5500]],
      );
      assert.equal(page.items[0]?.note, null);
    });

    it('withdraws every granted consent, saying why', () => {
      assert.equal(erased.consents.email.status, 'withdrawn');
      assert.equal(erased.consents.email.source, 'erasure');
      assert.equal(erased.consents.line.status, 'withdrawn');
      assert.equal(erased.consents.line.source, 'erasure');
      assert.equal(erased.consents.sms.status, 'unknown');
    });

    it('is audited with who and which customer', async () => {
      const res = await as('GET', '/api/v1/audit-events?action=customers.erased');
      const { items } = await json<{ items: { actorUserId: string; targetId: string; details: unknown }[] }>(res, 200);
      assert.equal(items.length, 1);
      assert.equal(items[0]?.actorUserId, b.users.owner);
      assert.equal(items[0]?.targetId, b.customerId);
      assert.ok(!JSON.stringify(items[0]).includes('山田'), 'the audit log keeps no personal data');
    });

    it('drops the customer from lists and searches; includeErased shows the anonymous record', async () => {
      const list = async (query: string) =>
        (await json<{ items: Customer[] }>(await as('GET', `/api/v1/customers?${query}`), 200)).items.map((c) => c.id);
      assert.ok(!(await list('limit=200')).includes(b.customerId));
      assert.ok((await list('limit=200&includeErased=true')).includes(b.customerId));
      assert.deepEqual(await list(`q=${encodeURIComponent('山田')}&includeErased=true`), []);
      assert.deepEqual(await list('q=09012345678&includeErased=true'), []);
    });

    it('shows the erasure on the timeline', async () => {
      const res = await as('GET', `/api/v1/customers/${b.customerId}/timeline`);
      const { items } = await json<{ items: { kind: string; detail: Record<string, unknown> }[] }>(res, 200);
      assert.equal(items.filter((e) => e.kind === 'erased').length, 1);
      assert.ok(items.some((e) => e.kind === 'consent' && e.detail.source === 'erasure'));
    });

    it('refuses changes afterwards with 409 CUSTOMER_ERASED', async () => {
      const attempts: [string, string, unknown][] = [
        ['PATCH', `/api/v1/customers/${b.customerId}`, { familyName: '山田' }],
        ['PUT', `/api/v1/customers/${b.customerId}/consents/email`, { status: 'granted', source: 'counter' }],
        [
          'POST',
          '/api/v1/visits',
          {
            customerId: b.customerId,
            storeId: b.storeId,
            startedAt: '2025-07-01T03:00:00Z',
            items: [{ itemId: b.itemId }],
            payments: [{ method: 'cash', amount: 5500 }],
          },
        ],
        ['PATCH', `/api/v1/visits/${b.visitId}`, { note: '山田様 090-1234-5678' }],
      ];
      for (const [method, path, body] of attempts) {
        const { error } = await json<ErrorBody>(await as(method, path, body), 409);
        assert.equal(error.code, 'CUSTOMER_ERASED', `${method} ${path}`);
      }
      const visit = await json<Visit>(await as('GET', `/api/v1/visits/${b.visitId}`), 200);
      assert.equal(visit.note, null, 'no new personal note on an erased customer’s visit');
      const corrected = await json<Visit>(
        await as('PATCH', `/api/v1/visits/${b.visitId}`, { payments: [{ method: 'cash', amount: 5500 }] }),
        200,
      );
      assert.equal(corrected.total, 5500, 'the money on the record can still be corrected');
    });

    it('erasing again changes nothing, and only roles with customers.erase may erase', async () => {
      const again = await json<Customer>(await as('DELETE', `/api/v1/customers/${b.customerId}`), 200);
      assert.equal(again.erasedAt, erased.erasedAt);
      const other = await json<{ id: string }>(await as('POST', '/api/v1/customers', { familyName: '残る人' }), 201);
      for (const role of ['staff', 'analyst'] as const) {
        const res = await as('DELETE', `/api/v1/customers/${other.id}`, undefined, b.tokens[role]);
        assert.equal(res.status, 403, role);
      }
      const kept = await json<Customer>(await as('GET', `/api/v1/customers/${other.id}`), 200);
      assert.equal(kept.erasedAt, null);
      assert.equal((await as('DELETE', `/api/v1/customers/${other.id}`, undefined, b.tokens.manager)).status, 200);
    });
  });
}
