import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { engines } from '@kayoi/db/testing';
import { seedBusiness, startTestApp, type Business, type TestApp } from './support/testApp.js';

interface LineItem {
  itemId: string | null;
  kind: string;
  name: string;
  quantity: number;
  unitPrice: number;
  discount: number;
  amount: number;
  unitCost: number;
}
interface Visit {
  id: string;
  status: string;
  startedAt: string;
  subtotal: number;
  discount: number;
  total: number;
  items: LineItem[];
  payments: { method: string; amount: number }[];
  voidedAt: string | null;
  voidReason: string | null;
}
interface Stats {
  visitCount: number;
  revenueTotal: number;
  firstVisitAt: string | null;
  lastVisitAt: string | null;
}
type ErrorBody = { error: { code: string; details?: unknown } };

for (const engine of engines) {
  describe(`visits API on ${engine}`, () => {
    let t: TestApp;
    let b: Business;
    let customerId: string;
    const as = (method: string, path: string, body?: unknown, token = b.tokens.owner) =>
      t.call(method, path, { token, body });
    const json = async <T>(res: Response, status: number): Promise<T> => {
      const text = await res.text();
      assert.equal(res.status, status, text);
      return JSON.parse(text) as T;
    };
    const checkout = (body: Record<string, unknown>, token?: string) =>
      as('POST', '/api/v1/visits', { customerId, storeId: b.storeId, ...body }, token);
    const stats = async () =>
      (await json<{ stats: Stats }>(await as('GET', `/api/v1/customers/${customerId}`), 200)).stats;
    const errorCode = async (res: Response, status: number) => (await json<ErrorBody>(res, status)).error.code;

    before(async () => {
      t = await startTestApp(engine);
      b = await seedBusiness(t, 'Visits');
      const res = await as('POST', '/api/v1/customers', { familyName: '来店', givenName: '太郎' });
      customerId = (await json<{ id: string }>(res, 201)).id;
    });
    after(() => t.close());

    let first: Visit;
    it('creates a visit from catalog defaults and updates the customer’s stats', async () => {
      first = await json<Visit>(
        await checkout({
          staffId: b.users.staff,
          startedAt: '2025-03-01T02:00:00Z',
          items: [{ itemId: b.itemId }, { name: 'シャンプー', kind: 'product', unitPrice: 1650, quantity: 2 }],
          payments: [
            { method: 'card', amount: 8000 },
            { method: 'points', amount: 800 },
          ],
        }),
        201,
      );
      assert.deepEqual(first.items[0], {
        itemId: b.itemId,
        kind: 'service',
        name: 'カット',
        category: null,
        quantity: 1,
        unitPrice: 5500,
        discount: 0,
        amount: 5500,
        unitCost: 500,
      });
      assert.equal(first.items[1]?.amount, 3300);
      assert.deepEqual([first.subtotal, first.discount, first.total], [8800, 0, 8800]);
      assert.equal(first.status, 'completed');
      assert.deepEqual(await stats(), {
        visitCount: 1,
        revenueTotal: 8800,
        firstVisitAt: '2025-03-01T02:00:00.000Z',
        lastVisitAt: '2025-03-01T02:00:00.000Z',
      });
    });

    it('refuses money that does not add up, and writes nothing', async () => {
      const base = { startedAt: '2025-03-02T02:00:00Z' };
      const mismatch = await checkout({
        ...base,
        items: [{ itemId: b.itemId }],
        payments: [{ method: 'cash', amount: 5000 }],
      });
      const { error } = await json<ErrorBody>(mismatch, 400);
      assert.equal(error.code, 'PAYMENTS_MISMATCH');
      assert.deepEqual(error.details, { total: 5500, paid: 5000 });
      const lineDiscount = await checkout({ ...base, items: [{ itemId: b.itemId, discount: 6000 }] });
      assert.equal(await errorCode(lineDiscount, 400), 'DISCOUNT_EXCEEDS_AMOUNT');
      const visitDiscount = await checkout({ ...base, items: [{ itemId: b.itemId }], discount: 6000 });
      assert.equal(await errorCode(visitDiscount, 400), 'DISCOUNT_EXCEEDS_AMOUNT');
      const fraction = await checkout({ ...base, items: [{ name: 'x', unitPrice: 10.5 }] });
      assert.equal(await errorCode(fraction, 400), 'VALIDATION_FAILED');
      const nameless = await checkout({ ...base, items: [{ unitPrice: 1000 }] });
      assert.equal(await errorCode(nameless, 400), 'VALIDATION_FAILED');
      const unknownItem = await checkout({ ...base, items: [{ itemId: b.customerId }] });
      assert.equal(await errorCode(unknownItem, 404), 'ITEM_NOT_FOUND');
      const unknownStore = await as('POST', '/api/v1/visits', {
        customerId,
        storeId: b.customerId,
        ...base,
        items: [{ itemId: b.itemId }],
        payments: [{ method: 'cash', amount: 5500 }],
      });
      assert.equal(await errorCode(unknownStore, 404), 'STORE_NOT_FOUND');
      assert.equal((await stats()).visitCount, 1);
    });

    it('a patch replaces items and payments as a whole; the stats follow', async () => {
      const patched = await json<Visit>(
        await as('PATCH', `/api/v1/visits/${first.id}`, {
          items: [
            { name: 'カラー', unitPrice: 8000 },
            { itemId: b.itemId, discount: 500 },
          ],
          discount: 1000,
          payments: [{ method: 'cash', amount: 12000 }],
        }),
        200,
      );
      assert.deepEqual(
        patched.items.map((i) => [i.name, i.amount]),
        [
          ['カラー', 8000],
          ['カット', 5000],
        ],
      );
      assert.deepEqual([patched.subtotal, patched.discount, patched.total], [13000, 1000, 12000]);
      assert.deepEqual(patched.payments, [{ method: 'cash', amount: 12000 }]);
      assert.equal((await stats()).revenueTotal, 12000);

      const stale = await as('PATCH', `/api/v1/visits/${first.id}`, { items: [{ itemId: b.itemId }] });
      assert.equal(await errorCode(stale, 400), 'PAYMENTS_MISMATCH', 'new items, old payments');
      const moved = await json<Visit>(
        await as('PATCH', `/api/v1/visits/${first.id}`, { startedAt: '2025-03-05T02:00:00Z' }),
        200,
      );
      assert.equal(moved.total, 12000);
      assert.equal((await stats()).lastVisitAt, '2025-03-05T02:00:00.000Z');
    });

    it('staff can check a customer out but not void a visit', async () => {
      const res = await checkout(
        {
          startedAt: '2025-04-01T02:00:00Z',
          items: [{ itemId: b.itemId }],
          payments: [{ method: 'qr', amount: 5500 }],
        },
        b.tokens.staff,
      );
      const visit = await json<Visit>(res, 201);
      const denied = await as('POST', `/api/v1/visits/${visit.id}/void`, { reason: 'test' }, b.tokens.staff);
      const { error } = await json<ErrorBody>(denied, 403);
      assert.equal(error.code, 'FORBIDDEN');
      assert.equal((await json<Visit>(await as('GET', `/api/v1/visits/${visit.id}`), 200)).status, 'completed');
      assert.deepEqual([(await stats()).visitCount, (await stats()).revenueTotal], [2, 17500]);
    });

    it('voiding keeps the record, removes it from the stats and the default list, and happens once', async () => {
      const voided = await json<Visit>(
        await as('POST', `/api/v1/visits/${first.id}/void`, { reason: '二重登録' }, b.tokens.manager),
        200,
      );
      assert.equal(voided.status, 'voided');
      assert.equal(voided.voidReason, '二重登録');
      assert.ok(voided.voidedAt);
      assert.equal(voided.total, 12000, 'the money facts stay on the record');
      const after = await stats();
      assert.deepEqual([after.visitCount, after.revenueTotal], [1, 5500]);
      assert.equal(after.firstVisitAt, '2025-04-01T02:00:00.000Z');

      const ids = async (status?: string) => {
        const query = `customerId=${customerId}${status ? `&status=${status}` : ''}`;
        return (await json<{ items: Visit[] }>(await as('GET', `/api/v1/visits?${query}`), 200)).items.map((v) => v.id);
      };
      assert.ok(!(await ids()).includes(first.id));
      assert.ok((await ids('all')).includes(first.id));
      assert.deepEqual(await ids('voided'), [first.id]);
      assert.equal((await json<Visit>(await as('GET', `/api/v1/visits/${first.id}`), 200)).status, 'voided');

      const twice = await as('POST', `/api/v1/visits/${first.id}/void`, { reason: 'again' });
      assert.equal(await errorCode(twice, 409), 'VISIT_VOIDED');
      const patch = await as('PATCH', `/api/v1/visits/${first.id}`, { note: 'x' });
      assert.equal(await errorCode(patch, 409), 'VISIT_VOIDED');
    });

    it('lists by local calendar days in Asia/Tokyo', async () => {
      const res = await as('POST', '/api/v1/customers', { familyName: '日付' });
      const dated = (await json<{ id: string }>(res, 201)).id;
      const instants = [
        '2025-01-01T14:59:59.000Z', // 1 Jan 23:59:59 in Tokyo
        '2025-01-01T15:30:00.000Z', // 2 Jan 00:30
        '2025-01-02T14:59:59.000Z', // 2 Jan 23:59:59
        '2025-01-02T15:00:00.000Z', // 3 Jan 00:00
      ];
      for (const startedAt of instants) {
        await json(
          await as('POST', '/api/v1/visits', {
            customerId: dated,
            storeId: b.storeId,
            startedAt,
            items: [{ name: '来店', unitPrice: 1000 }],
            payments: [{ method: 'cash', amount: 1000 }],
          }),
          201,
        );
      }
      const between = async (from: string, to: string) => {
        const query = `customerId=${dated}&from=${from}&to=${to}`;
        const page = await json<{ items: Visit[] }>(await as('GET', `/api/v1/visits?${query}`), 200);
        return page.items.map((v) => v.startedAt);
      };
      assert.deepEqual(await between('2025-01-02', '2025-01-02'), [instants[2], instants[1]]);
      assert.deepEqual(await between('2025-01-01', '2025-01-01'), [instants[0]]);
      assert.deepEqual(await between('2025-01-01', '2025-01-03'), [...instants].reverse());
      assert.deepEqual(await between('2025-01-03', '2025-01-02'), []);
    });

    it('pages visits newest first with a cursor', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query = `limit=2&status=all${cursor ? `&cursor=${cursor}` : ''}`;
        const page: { items: Visit[]; nextCursor: string | null } = await json(
          await as('GET', `/api/v1/visits?${query}`),
          200,
        );
        seen.push(...page.items.map((v) => v.startedAt));
        cursor = page.nextCursor;
      } while (cursor);
      const all = await json<{ items: Visit[] }>(await as('GET', '/api/v1/visits?limit=200&status=all'), 200);
      assert.equal(seen.length, 7, 'the seeded visit, two at the counter and four dated ones');
      assert.deepEqual(
        seen,
        all.items.map((v) => v.startedAt),
      );
      assert.deepEqual(seen, [...seen].sort().reverse());
    });
  });
}
