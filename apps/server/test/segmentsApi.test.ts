import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { errorMessages, type Customer, type Role, type Segment } from '@kayoi/contracts';
import { engines } from '@kayoi/db/testing';
import { seedBusiness, startTestApp, type Business, type TestApp } from './support/testApp.js';

type ErrorBody = { error: { code: string; message: string; details: Record<string, unknown> } };
type Problems = { problems: { path: string; problem: string; message: string }[]; issues?: { path: string }[] };

for (const engine of engines) {
  describe(`segments API on ${engine}`, () => {
    let t: TestApp;
    let b: Business;
    const call = async (role: Role, method: string, path: string, body?: unknown, headers?: Record<string, string>) => {
      const res = await t.call(method, `/api/v1${path}`, { token: b.tokens[role], body, headers });
      return { status: res.status, body: (await res.json()) as unknown };
    };
    const ok = async <T>(role: Role, method: string, path: string, body?: unknown): Promise<T> => {
      const res = await call(role, method, path, body);
      assert.ok(
        res.status === 200 || res.status === 201,
        `${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`,
      );
      return res.body as T;
    };
    const failure = async (
      role: Role,
      method: string,
      path: string,
      body?: unknown,
      headers?: Record<string, string>,
    ) => {
      const res = await call(role, method, path, body, headers);
      return { status: res.status, ...(res.body as ErrorBody).error };
    };
    const visitedMain = { type: 'store', op: 'in', value: [] as string[] };

    before(async () => {
      t = await startTestApp(engine);
      b = await seedBusiness(t, 'Segments');
      visitedMain.value = [b.storeId];
      // Two more customers: one regular of the main store, one who never came.
      for (const [familyName, visits] of [
        ['佐藤', 2],
        ['鈴木', 0],
      ] as const) {
        const customer = await ok<{ id: string }>('owner', 'POST', '/customers', {
          familyName,
          phone: `080-0000-000${visits}`,
          tags: ['紹介'],
        });
        for (let i = 0; i < visits; i++) {
          await ok('owner', 'POST', '/visits', {
            customerId: customer.id,
            storeId: b.storeId,
            startedAt: `2025-0${i + 3}-01T03:00:00Z`,
            items: [{ itemId: b.itemId }],
            payments: [{ method: 'cash', amount: 5500 }],
          });
        }
      }
    });
    after(() => t.close());

    it('previews a count and a sample masked exactly as the customer list masks it, per role', async () => {
      for (const role of ['owner', 'manager', 'analyst'] as const) {
        const preview = await ok<{ count: number; sample: Customer[] }>(role, 'POST', '/segments/preview', {
          rule: visitedMain,
          sampleSize: 5,
        });
        assert.equal(preview.count, 2, role);
        const listed = await ok<{ items: Customer[] }>(role, 'GET', '/customers?limit=50');
        for (const customer of preview.sample) {
          assert.deepEqual(
            customer,
            listed.items.find((c) => c.id === customer.id),
            `${role} sees ${customer.id} as the list does`,
          );
        }
        assert.deepEqual(
          preview.sample.map((c) => c.id),
          preview.sample.map((c) => c.id).sort(),
          'oldest record first',
        );
        const names = preview.sample.map((c) => c.familyName);
        assert.deepEqual(names, role === 'analyst' ? [null, null] : ['山田', '佐藤'], role);
      }
      const staff = await failure('staff', 'POST', '/segments/preview', { rule: visitedMain });
      assert.deepEqual([staff.status, staff.code, staff.details.permission], [403, 'FORBIDDEN', 'segments.read']);
    });

    it('lets an analyst count but not list who matches a personal field', async () => {
      const rule = { type: 'and', rules: [visitedMain, { type: 'tag', op: 'has', value: '紹介' }] };
      const refused = await failure('analyst', 'POST', '/segments/preview', { rule });
      assert.deepEqual([refused.status, refused.code, refused.details.paths], [403, 'FORBIDDEN', ['rule.rules.1']]);
      const counted = await ok<{ count: number; sample: unknown[] }>('analyst', 'POST', '/segments/preview', {
        rule,
        sampleSize: 0,
      });
      assert.deepEqual(counted, { count: 1, sample: [] });
    });

    it('answers a wrong rule with 422 SEGMENT_RULE_INVALID and every problem at its path', async () => {
      const shape = await failure(
        'owner',
        'POST',
        '/segments/preview',
        {
          rule: {
            type: 'and',
            rules: [
              { type: 'height', op: 'gt', value: 1 },
              { type: 'visitCount', op: 'gte', value: 'x' },
            ],
          },
        },
        { 'accept-language': 'en' },
      );
      assert.deepEqual(
        [shape.status, shape.code, shape.message],
        [422, 'SEGMENT_RULE_INVALID', errorMessages.SEGMENT_RULE_INVALID.en],
      );
      assert.deepEqual(
        (shape.details as unknown as Problems).problems.map((p) => `${p.path} ${p.problem}`),
        ['rule.rules.0.type unknown_type', 'rule.rules.1.value invalid_value'],
      );
      const data = await failure('owner', 'POST', '/segments', {
        name: '他店',
        rule: {
          type: 'or',
          rules: [
            { type: 'store', op: 'eq', value: b.customerId },
            { type: 'attribute', attributeId: b.attributeId, op: 'eq', value: 'wavy' },
          ],
        },
      });
      assert.deepEqual(
        [data.status, data.code, data.message],
        [422, 'SEGMENT_RULE_INVALID', errorMessages.SEGMENT_RULE_INVALID.ja],
      );
      assert.deepEqual(
        (data.details as unknown as Problems).problems.map((p) => `${p.path} ${p.problem}`),
        ['rule.rules.0.value unknown_store', 'rule.rules.1.value unknown_option'],
      );
      const both = await failure('owner', 'POST', '/segments', {
        name: '',
        rule: { type: 'tag', op: 'is', value: 'x' },
      });
      const details = both.details as unknown as Problems;
      assert.deepEqual([both.status, both.code], [422, 'SEGMENT_RULE_INVALID']);
      assert.deepEqual(
        [details.problems.map((p) => p.path), details.issues?.map((i) => i.path)],
        [['rule.op'], ['name']],
      );
      const nameOnly = await failure('owner', 'POST', '/segments', { name: '', rule: visitedMain });
      assert.deepEqual([nameOnly.status, nameOnly.code], [400, 'VALIDATION_FAILED']);
    });

    it('creates, lists, reads, changes and archives segments, each with its current count, and audits each change', async () => {
      const created = await ok<Segment>('manager', 'POST', '/segments', {
        name: '二回以上',
        description: '本店に二回以上',
        rule: { type: 'visitCount', op: 'gte', value: 2 },
      });
      assert.deepEqual([created.customerCount, created.createdBy, created.archived], [1, b.users.manager, false]);
      const taken = await failure('owner', 'POST', '/segments', { name: '二回以上', rule: visitedMain });
      assert.deepEqual([taken.status, taken.code], [409, 'NAME_TAKEN']);
      const listed = await ok<{ items: Segment[] }>('analyst', 'GET', '/segments');
      assert.deepEqual(
        listed.items.map((s) => [s.name, s.customerCount]),
        [
          ['二回以上', 1],
          ['本店の常連', 2],
        ],
      );
      const changed = await ok<Segment>('owner', 'PATCH', `/segments/${created.id}`, {
        rule: { type: 'visitCount', op: 'gte', value: 1 },
        description: '',
      });
      assert.deepEqual([changed.customerCount, changed.description, changed.updatedBy], [2, null, b.users.owner]);
      assert.deepEqual((await ok<Segment>('analyst', 'GET', `/segments/${created.id}`)).customerCount, 2);
      const archived = await ok<Segment>('manager', 'DELETE', `/segments/${created.id}`);
      assert.deepEqual([archived.archived, archived.customerCount], [true, null]);
      assert.equal((await ok<{ items: Segment[] }>('owner', 'GET', '/segments')).items.length, 1);
      assert.equal((await ok<{ items: Segment[] }>('owner', 'GET', '/segments?includeArchived=true')).items.length, 2);
      const staffWrite = await failure('analyst', 'POST', '/segments', { name: 'x', rule: visitedMain });
      assert.deepEqual([staffWrite.status, staffWrite.details.permission], [403, 'segments.manage']);
      const audit = await ok<{ items: { action: string; actorUserId: string; targetId: string }[] }>(
        'owner',
        'GET',
        '/audit-events?limit=200',
      );
      const trail = audit.items
        .filter((e) => e.targetId === created.id)
        .map((e) => [e.action, e.actorUserId])
        .reverse();
      assert.deepEqual(trail, [
        ['segments.created', b.users.manager],
        ['segments.changed', b.users.owner],
        ['segments.archived', b.users.manager],
      ]);
      const missing = await failure('owner', 'GET', `/segments/${b.customerId}`);
      assert.deepEqual([missing.status, missing.code], [404, 'SEGMENT_NOT_FOUND']);
    });

    it('pages through the members of a saved segment with a cursor, masked for the viewer', async () => {
      const seen: Customer[] = [];
      let cursor: string | null = null;
      do {
        const query: string = cursor ? `&cursor=${cursor}` : '';
        const page: { items: Customer[]; nextCursor: string | null } = await ok(
          'analyst',
          'GET',
          `/segments/${b.segmentId}/customers?limit=1${query}`,
        );
        seen.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      assert.equal(seen.length, 2);
      assert.equal(new Set(seen.map((c) => c.id)).size, 2);
      assert.ok(seen.every((c) => c.familyName === null && c.masked.includes('familyName')));
      const full = await ok<{ items: Customer[] }>('owner', 'GET', `/segments/${b.segmentId}/customers`);
      assert.deepEqual(
        full.items.map((c) => c.familyName),
        ['山田', '佐藤'],
      );
      const bad = await failure('owner', 'GET', `/segments/${b.segmentId}/customers?cursor=garbage`);
      assert.deepEqual([bad.status, bad.code], [400, 'VALIDATION_FAILED']);
    });
  });
}
