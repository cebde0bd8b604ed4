import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { roles, type Role } from '@kayoi/contracts';
import { checkPermission, type Permission } from '@kayoi/core';
import { engines } from '@kayoi/db/testing';
import { buildWorker } from '../src/worker/buildWorker.js';
import { computeInline } from '../src/worker/computeRefresh.js';
import { login, seedBusiness, startTestApp, type Business, type TestApp } from './support/testApp.js';

interface Operation {
  key: string;
  method: string;
  path: string;
  permission: Permission;
  hasBody: boolean;
}

type OpenApiDoc = { paths: Record<string, Record<string, { 'x-permission'?: Permission; requestBody?: unknown }>> };

function operationsOf(doc: OpenApiDoc): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      if (!op['x-permission']) continue;
      const m = method.toUpperCase();
      ops.push({ key: `${m} ${path}`, method: m, path, permission: op['x-permission'], hasBody: !!op.requestBody });
    }
  }
  // Reads, then writes, then what removes or ends things, and logging out last of all.
  const rank = (op: Operation) =>
    op.path.endsWith('/logout')
      ? 4
      : op.method === 'DELETE' || op.path.endsWith('/void')
        ? 3
        : op.method === 'GET'
          ? 1
          : 2;
  return ops.sort((a, b) => rank(a) - rank(b));
}

/** One business per acting role, with spare rows for the operations that remove or end something. */
interface Scene {
  b: Business;
  role: Role;
  token: string;
  spareCustomerId: string;
  spareVisitId: string;
  targetUserId: string;
  spareSessionId: string;
  runId: string;
}

async function sceneFor(t: TestApp, role: Role): Promise<Scene> {
  const b = await seedBusiness(t, `Roles ${role}`);
  const post = async (path: string, body: unknown) => {
    const res = await t.call('POST', path, { token: b.tokens.owner, body });
    assert.equal(res.status, 201, `${path}: ${await res.clone().text()}`);
    return ((await res.json()) as { id: string }).id;
  };
  const spareCustomerId = await post('/api/v1/customers', { familyName: '消去予定', phone: '070-0000-0001' });
  const spareVisitId = await post('/api/v1/visits', {
    customerId: b.customerId,
    storeId: b.storeId,
    startedAt: '2025-05-01T03:00:00Z',
    items: [{ itemId: b.itemId }],
    payments: [{ method: 'cash', amount: 5500 }],
  });
  const targetUserId = await post('/api/v1/users', { name: '対象', role: 'staff' });
  // Link codes need a connected LINE account, whichever role asks for one.
  const line = await t.call('PUT', '/api/v1/channels/line', {
    token: b.tokens.owner,
    body: {
      channelId: '1650000000',
      channelSecret: 'fedcba9876543210fedcba9876543210',
      channelAccessToken: 'line-channel-access-token-of-the-scene',
    },
  });
  assert.equal(line.status, 200, await line.clone().text());
  const mine = await login(t, b.emails[role]);
  const spare = await login(t, b.emails[role]);
  // Analytics views answer once a refresh has finished.
  const runId = (await b.repos.analytics.request({ trigger: 'manual', requestedBy: null }))!.run.id;
  await buildWorker({
    db: t.test.db,
    store: t.deps.store,
    clock: () => new Date(),
    compute: computeInline,
    log: () => undefined,
  }).drain();
  return {
    b,
    role,
    token: mine.token,
    spareCustomerId,
    spareVisitId,
    targetUserId,
    spareSessionId: spare.sessionId,
    runId,
  };
}

function pathFor(op: Operation, s: Scene): string {
  const ids: Record<string, string> = {
    customerId: op.key === 'DELETE /api/v1/customers/{customerId}' ? s.spareCustomerId : s.b.customerId,
    visitId: op.path.endsWith('/void') ? s.spareVisitId : s.b.visitId,
    storeId: s.b.storeId,
    itemId: s.b.itemId,
    channelId: s.b.channelId,
    attributeId: s.b.attributeId,
    segmentId: s.b.segmentId,
    templateId: s.b.templateId,
    broadcastId: s.b.broadcastId,
    webhookId: s.b.webhookId,
    journeyId: s.b.journeyId,
    notificationId: s.b.notificationId,
    presetKey: 'thank_you',
    userId: s.targetUserId,
    sessionId: s.spareSessionId,
    channel: 'email',
    month: '2025-04',
    runId: s.runId,
  };
  return op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const id = ids[name];
    if (!id) throw new Error(`no value for {${name}} in ${op.key}: add it to the walk`);
    return id;
  });
}

/** What a real client would send; every one of them succeeds for a role that may call it. */
function bodyFor(op: Operation, s: Scene): unknown {
  const bodies: Record<string, unknown> = {
    'PATCH /api/v1/tenant': { name: `${s.role}の店` },
    'POST /api/v1/users': {
      name: '新人',
      email: `new-${s.role}@example.com`,
      password: 'long enough pw',
      role: 'staff',
    },
    'PATCH /api/v1/users/{userId}': { name: '対象（改名）', storeIds: [s.b.storeId] },
    'PUT /api/v1/ad-spend/{channelId}/{month}': { amount: 30000, note: '4月分' },
    'POST /api/v1/stores': { name: '駅前店', address: '東京都渋谷区道玄坂1-1' },
    'PATCH /api/v1/stores/{storeId}': { phone: '03-1234-5678' },
    'POST /api/v1/catalog/items': { kind: 'product', name: 'シャンプー', price: 3300, cost: 1200 },
    'PATCH /api/v1/catalog/items/{itemId}': { price: 6000 },
    'POST /api/v1/channels': { name: 'ホットペッパー', kind: 'portal' },
    'PATCH /api/v1/channels/{channelId}': { name: 'Instagram広告' },
    'POST /api/v1/attributes': { key: 'scalp', label: '頭皮', type: 'text' },
    'PATCH /api/v1/attributes/{attributeId}': { label: '髪の質' },
    'POST /api/v1/customers': { familyName: '佐藤', familyNameKana: 'サトウ', phone: '080-1111-2222' },
    'PATCH /api/v1/customers/{customerId}': { notes: '次回はパーマ希望' },
    'PUT /api/v1/customers/{customerId}/consents/{channel}': { status: 'granted', source: 'paper form' },
    'POST /api/v1/visits': {
      customerId: s.b.customerId,
      storeId: s.b.storeId,
      staffId: s.b.users.staff,
      startedAt: '2025-05-10T02:00:00Z',
      items: [{ itemId: s.b.itemId, unitPrice: 5500 }],
      payments: [{ method: 'card', amount: 5500 }],
    },
    'PATCH /api/v1/visits/{visitId}': { note: 'トリートメント追加を提案' },
    'POST /api/v1/visits/{visitId}/void': { reason: '入力ミス' },
    'POST /api/v1/imports/customers': '顧客番号,氏名,電話番号\nR-1,鈴木 一郎,080-2222-3333\n',
    'POST /api/v1/imports/visits': '電話番号,来店日,店舗,金額\n090-1234-5678,2025/01/01,本店,5500\n',
    'POST /api/v1/segments/preview': { rule: { type: 'visitCount', op: 'gte', value: 1 }, sampleSize: 5 },
    'POST /api/v1/segments': { name: `${s.role}の抽出`, rule: { type: 'daysSinceLastVisit', op: 'gte', value: 60 } },
    'PATCH /api/v1/segments/{segmentId}': { description: '本店に来た人' },
    'POST /api/v1/templates/preview': {
      template: { channel: 'line_text', ja: { body: '{{ customer.name }}様、{{ last_visit.service }}' } },
      customerId: s.b.customerId,
    },
    'POST /api/v1/templates': { name: `${s.role}のお礼`, channel: 'line_text', ja: { body: 'ありがとうございました' } },
    'PATCH /api/v1/templates/{templateId}': { en: { body: 'Thank you, {{ customer.name }}' } },
    'POST /api/v1/templates/{templateId}/preview': { customerId: s.b.customerId, language: 'en' },
    'POST /api/v1/broadcasts/power-preview': { segmentId: s.b.segmentId, holdoutPercent: 20 },
    'POST /api/v1/broadcasts': {
      name: `${s.role}の一斉配信`,
      segmentId: s.b.segmentId,
      templates: { line: s.b.templateId },
      outcome: { kind: 'revenue', days: 60 },
    },
    'PATCH /api/v1/broadcasts/{broadcastId}': { holdoutPercent: 20 },
    'POST /api/v1/broadcasts/{broadcastId}/schedule': { sendAt: '2030-01-01T00:00:00Z' },
    'POST /api/v1/webhooks': { url: 'https://hooks.example.jp/other', events: ['message.sent', 'message.failed'] },
    'PATCH /api/v1/webhooks/{webhookId}': { active: false },
    'POST /api/v1/journeys': {
      name: `${s.role}のジャーニー`,
      definition: {
        trigger: { type: 'first_visit' },
        entryStepId: 'send',
        steps: [{ id: 'send', type: 'send', templates: { line: s.b.templateId }, next: null }],
        exitOn: { visit: true, booking: false },
        reentry: { policy: 'after_exit', cooldownDays: 30 },
      },
    },
    'PATCH /api/v1/journeys/{journeyId}': { name: 'お礼（改）', holdoutPercent: 20 },
    'PUT /api/v1/channels/email': {
      fromName: 'ヘアサロン通い',
      fromAddress: 'info@salon.example.jp',
      smtpHost: 'smtp-relay.example.com',
      smtpPort: 587,
      smtpSecurity: 'starttls',
      smtpUsername: 'salon@example.jp',
      smtpPassword: 'password-for-roles',
    },
    'PUT /api/v1/channels/line': {
      channelId: '1650000000',
      channelSecret: '0123456789abcdef0123456789abcdef',
      channelAccessToken: 'line-channel-access-token-for-roles',
    },
  };
  if (!(op.key in bodies)) throw new Error(`no body for ${op.key}: add one to the walk`);
  return bodies[op.key];
}

function send(t: TestApp, op: Operation, path: string, body: unknown, token?: string) {
  const headers = typeof body === 'string' ? { 'content-type': 'text/csv' } : undefined;
  return t.call(op.method, path, { token, body, headers });
}

for (const engine of engines) {
  describe(`role permissions on ${engine}: every operation of the OpenAPI document`, () => {
    let t: TestApp;
    let ops: Operation[];
    const scenes = new Map<Role, Scene>();
    before(async () => {
      t = await startTestApp(engine);
      ops = operationsOf((await (await t.call('GET', '/api/openapi.json')).json()) as OpenApiDoc);
      for (const role of roles) scenes.set(role, await sceneFor(t, role));
    });
    after(() => t.close());

    it('finds every authenticated operation', () => {
      assert.ok(ops.length >= 45, `only ${ops.length} operations`);
    });

    for (const role of roles) {
      it(`${role}: 403 FORBIDDEN exactly where the role lacks the permission, success elsewhere`, async () => {
        const s = scenes.get(role)!;
        const outcomes: string[] = [];
        for (const op of ops) {
          const res = await send(t, op, pathFor(op, s), op.hasBody ? bodyFor(op, s) : undefined, s.token);
          const text = await res.text();
          if (checkPermission(role, op.permission)) {
            assert.ok([200, 201, 202].includes(res.status), `${role} ${op.key}: ${res.status} ${text}`);
          } else {
            assert.equal(res.status, 403, `${role} ${op.key}: ${res.status} ${text}`);
            const { error } = JSON.parse(text) as { error: { code: string; details: { permission: string } } };
            assert.equal(error.code, 'FORBIDDEN');
            assert.equal(error.details.permission, op.permission);
          }
          outcomes.push(`${op.key} ${res.status}`);
        }
        assert.equal(outcomes.length, ops.length);
      });
    }

    it('refuses a role before looking at the request: 403 even for an empty body or a bad query', async () => {
      const s = scenes.get('analyst')!;
      const { token } = await login(t, s.b.emails.analyst); // the walk above logged out
      for (const op of ops.filter((o) => !checkPermission('analyst', o.permission))) {
        const res = await send(t, op, `${pathFor(op, s)}?limit=abc`, op.hasBody ? {} : undefined, token);
        assert.equal(res.status, 403, `${op.key}: ${res.status} ${await res.text()}`);
      }
    });

    it('answers 401 to every operation without a session, with or without a valid request', async () => {
      const s = scenes.get('owner')!;
      for (const op of ops) {
        const path = pathFor(op, s);
        const attempts: [string, unknown][] = [
          [path, op.hasBody ? bodyFor(op, s) : undefined],
          [`${path}?limit=abc`, op.hasBody ? {} : undefined],
          [path, undefined],
        ];
        for (const [url, body] of attempts) {
          const res = await send(t, op, url, body);
          const text = await res.text();
          assert.equal(res.status, 401, `${op.key} ${url}: ${res.status} ${text}`);
          assert.equal((JSON.parse(text) as { error: { code: string } }).error.code, 'UNAUTHENTICATED');
        }
      }
    });
  });

  describe(`staff accounts on ${engine}: role changes are audited, the last owner stays`, () => {
    let t: TestApp;
    let b: Business;
    before(async () => {
      t = await startTestApp(engine);
      b = await seedBusiness(t, 'Owners');
    });
    after(() => t.close());

    const auditOf = async (action: string) => {
      const res = await t.call('GET', `/api/v1/audit-events?action=${action}`, { token: b.tokens.owner });
      assert.equal(res.status, 200);
      return ((await res.json()) as { items: { actorUserId: string; targetId: string; details: unknown }[] }).items;
    };

    it('records a role change with who did it, from and to', async () => {
      const res = await t.call('PATCH', `/api/v1/users/${b.users.staff}`, {
        token: b.tokens.owner,
        body: { role: 'manager' },
      });
      assert.equal(res.status, 200);
      const events = await auditOf('users.role_changed');
      assert.equal(events.length, 1);
      assert.equal(events[0]?.actorUserId, b.users.owner);
      assert.equal(events[0]?.targetId, b.users.staff);
      assert.deepEqual(events[0]?.details, { from: 'staff', to: 'manager' });
      // The new role applies to the sessions the user already has.
      const audit = await t.call('GET', '/api/v1/audit-events', { token: b.tokens.staff });
      assert.equal(audit.status, 200);
    });

    it('a patch that keeps the role records nothing', async () => {
      await t.call('PATCH', `/api/v1/users/${b.users.staff}`, { token: b.tokens.owner, body: { role: 'manager' } });
      assert.equal((await auditOf('users.role_changed')).length, 1);
    });

    it('refuses to demote or deactivate the only owner: 409 LAST_OWNER', async () => {
      for (const [method, body] of [
        ['PATCH', { role: 'manager' }],
        ['PATCH', { active: false }],
        ['DELETE', undefined],
      ] as const) {
        const res = await t.call(method, `/api/v1/users/${b.users.owner}`, { token: b.tokens.owner, body });
        const { error } = (await res.json()) as { error: { code: string } };
        assert.deepEqual([res.status, error.code], [409, 'LAST_OWNER'], `${method} ${JSON.stringify(body)}`);
      }
      const me = await t.call('GET', '/api/v1/auth/me', { token: b.tokens.owner });
      assert.equal(((await me.json()) as { user: { role: string } }).user.role, 'owner');
    });

    it('with a second owner, the first may step down', async () => {
      const promote = await t.call('PATCH', `/api/v1/users/${b.users.manager}`, {
        token: b.tokens.owner,
        body: { role: 'owner' },
      });
      assert.equal(promote.status, 200);
      const stepDown = await t.call('PATCH', `/api/v1/users/${b.users.owner}`, {
        token: b.tokens.owner,
        body: { role: 'manager' },
      });
      assert.equal(stepDown.status, 200);
      const last = await t.call('PATCH', `/api/v1/users/${b.users.manager}`, {
        token: b.tokens.manager,
        body: { role: 'staff' },
      });
      assert.equal(last.status, 409);
    });
  });
}
