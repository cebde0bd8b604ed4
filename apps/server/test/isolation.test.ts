import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { engines } from '@kayoi/db/testing';
import { seedBusiness, startTestApp, type Business, type TestApp } from './support/testApp.js';
import { buildWorker } from '../src/worker/buildWorker.js';
import { computeInline } from '../src/worker/computeRefresh.js';

interface Operation {
  method: string;
  path: string;
  permission: string;
  hasBody: boolean;
}

interface OpenApiPaths {
  paths: Record<string, Record<string, { 'x-permission'?: string; requestBody?: unknown }>>;
}

function operationsOf(doc: OpenApiPaths) {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      if (!op['x-permission']) continue;
      ops.push({
        method: method.toUpperCase(),
        path,
        permission: op['x-permission'],
        hasBody: op.requestBody !== undefined,
      });
    }
  }
  return ops;
}

/** Fills a path template with the other business's ids. */
function pathFor(template: string, b: Business, runId: string): string {
  const ids: Record<string, string> = {
    runId,
    customerId: b.customerId,
    visitId: b.visitId,
    storeId: b.storeId,
    itemId: b.itemId,
    channelId: b.channelId,
    attributeId: b.attributeId,
    segmentId: b.segmentId,
    templateId: b.templateId,
    broadcastId: b.broadcastId,
    webhookId: b.webhookId,
    journeyId: b.journeyId,
    notificationId: b.notificationId,
    presetKey: 'thank_you',
    userId: b.users.staff,
    sessionId: b.sessionId,
    channel: 'email',
    month: '2026-01',
  };
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const id = ids[name];
    if (!id) throw new Error(`no id for path parameter ${name} in ${template}: add it to the walk`);
    return id;
  });
}

/** A valid body per operation that names only the other business's ids. */
function bodyFor(op: Operation, b: Business): unknown {
  const key = `${op.method} ${op.path}`;
  const bodies: Record<string, unknown> = {
    'PATCH /api/v1/tenant': { name: 'x' },
    'POST /api/v1/users': { name: 'x', role: 'staff', storeIds: [b.storeId] },
    'PATCH /api/v1/users/{userId}': { name: 'hijacked' },
    'PUT /api/v1/ad-spend/{channelId}/{month}': { amount: 1 },
    'POST /api/v1/stores': { name: 'x' },
    'PATCH /api/v1/stores/{storeId}': { name: 'hijacked' },
    'POST /api/v1/catalog/items': { kind: 'service', name: 'x', price: 1 },
    'PATCH /api/v1/catalog/items/{itemId}': { name: 'hijacked' },
    'POST /api/v1/channels': { name: 'x' },
    'PATCH /api/v1/channels/{channelId}': { name: 'hijacked' },
    'POST /api/v1/attributes': { key: 'x', label: 'x', type: 'text' },
    'PATCH /api/v1/attributes/{attributeId}': { label: 'hijacked' },
    'POST /api/v1/customers': { familyName: 'x', acquisitionChannelId: b.channelId },
    'PATCH /api/v1/customers/{customerId}': { familyName: 'hijacked' },
    'PUT /api/v1/customers/{customerId}/consents/{channel}': { status: 'withdrawn' },
    'POST /api/v1/visits': {
      customerId: b.customerId,
      storeId: b.storeId,
      startedAt: '2025-01-01T00:00:00Z',
      items: [{ itemId: b.itemId }],
      payments: [{ method: 'cash', amount: 5500 }],
    },
    'PATCH /api/v1/visits/{visitId}': { note: 'hijacked' },
    'POST /api/v1/visits/{visitId}/void': { reason: 'hijacked' },
    'POST /api/v1/imports/customers': '顧客番号,氏名\nX1,侵入\n',
    'POST /api/v1/imports/visits': `顧客番号,来店日,金額\n${b.customerId},2025/01/01,100\n`,
    'POST /api/v1/segments/preview': { rule: { type: 'store', op: 'in', value: [b.storeId] } },
    'POST /api/v1/segments': {
      name: 'x',
      rule: { type: 'attribute', attributeId: b.attributeId, op: 'exists', value: true },
    },
    'PATCH /api/v1/segments/{segmentId}': { name: 'hijacked' },
    'POST /api/v1/templates/preview': {
      template: { channel: 'line_text', ja: { body: '{{ customer.name }}' } },
      customerId: b.customerId,
    },
    'POST /api/v1/templates': { name: 'x', channel: 'line_text', ja: { body: 'x' } },
    'PATCH /api/v1/templates/{templateId}': { name: 'hijacked' },
    'POST /api/v1/templates/{templateId}/preview': { customerId: b.customerId },
    'POST /api/v1/broadcasts/power-preview': { segmentId: b.segmentId },
    'POST /api/v1/broadcasts': { name: 'x', segmentId: b.segmentId, templates: { line: b.templateId } },
    'PATCH /api/v1/broadcasts/{broadcastId}': { name: 'hijacked' },
    'POST /api/v1/webhooks': { url: 'https://alpha.example.jp/hook', events: ['message.sent'] },
    'PATCH /api/v1/webhooks/{webhookId}': { url: 'https://hijack.example.jp/hook' },
    'POST /api/v1/broadcasts/{broadcastId}/schedule': {},
    'POST /api/v1/journeys': {
      name: 'x',
      definition: {
        trigger: { type: 'first_visit' },
        entryStepId: 'send',
        steps: [{ id: 'send', type: 'send', templates: { line: b.templateId }, next: null }],
        exitOn: { visit: true, booking: false },
        reentry: { policy: 'after_exit', cooldownDays: 30 },
      },
    },
    'PATCH /api/v1/journeys/{journeyId}': { name: 'hijacked' },
    'PUT /api/v1/channels/email': {
      fromName: 'alpha',
      fromAddress: 'alpha@example.jp',
      smtpHost: 'smtp.example.jp',
      smtpPort: 587,
      smtpSecurity: 'starttls',
      smtpUsername: 'alpha',
      smtpPassword: 'alpha-only-password',
    },
    'PUT /api/v1/channels/line': {
      channelId: '1650000001',
      channelSecret: '00000000000000000000000000000000',
      channelAccessToken: 'alpha-only-token-000000000000',
    },
  };
  if (!(key in bodies)) throw new Error(`no body for ${key}: add one to the walk`);
  return bodies[key];
}

/**
 * Routes whose body names B's rows: they must refuse, not link A's data to B's (a segment
 * rule naming B's store or attribute is refused, not run).
 */
const referencingCreates = new Set([
  'POST /api/v1/users',
  'POST /api/v1/customers',
  'POST /api/v1/visits',
  'POST /api/v1/imports/visits',
  'POST /api/v1/segments/preview',
  'POST /api/v1/segments',
  'POST /api/v1/templates/preview',
  'POST /api/v1/broadcasts/power-preview',
  'POST /api/v1/broadcasts',
  'POST /api/v1/journeys',
]);

/** Path parameters that name no row of either business (a preset is the same for everyone). */
const sharedPathParameters = ['{presetKey}'];

async function snapshot(t: TestApp, b: Business) {
  const [tenant, users, stores, items, channels, attributes, customer, visit, visits, spend] = await Promise.all([
    b.repos.tenant.get(),
    b.repos.users.list(),
    b.repos.stores.list(),
    b.repos.catalog.list(),
    b.repos.channels.list(),
    b.repos.attributes.list(),
    b.repos.customers.findById(b.customerId),
    b.repos.visits.findById(b.visitId),
    b.repos.visits.list({ status: 'all', limit: 200 }),
    b.repos.adSpend.list({}),
  ]);
  const runs = await b.repos.analytics.list(100);
  const segments = await b.repos.segments.list({ includeArchived: true });
  const templates = await b.repos.templates.list({ includeArchived: true });
  const broadcasts = await b.repos.campaigns.list({ includeCancelled: true });
  const webhooks = await b.repos.webhooks.list();
  const journeys = await b.repos.journeys.list();
  const notifications = await b.repos.journeys.staffNotifications({ limit: 200 });
  const customers = await b.repos.customers.list({ sort: 'recent', limit: 200, includeErased: true });
  const sessions = await b.repos.sessions.findById(b.sessionId);
  const line = await b.repos.line.credentials();
  void t;
  return JSON.stringify({
    tenant,
    users,
    stores,
    items,
    channels,
    attributes,
    customer,
    visit,
    visits,
    spend,
    runs,
    segments,
    templates,
    broadcasts,
    webhooks,
    journeys,
    notifications,
    customers,
    revoked: sessions?.revokedAt,
    line,
  });
}

for (const engine of engines) {
  describe(`tenant isolation on ${engine}: every route of the OpenAPI document`, () => {
    let t: TestApp;
    let a: Business;
    let b: Business;
    let ops: Operation[];
    let bRunId: string;
    before(async () => {
      t = await startTestApp(engine);
      a = await seedBusiness(t, 'Alpha');
      b = await seedBusiness(t, 'Beta');
      // Both businesses have analytics, so A's views answer 200 and B has a run id to try.
      await a.repos.analytics.request({ trigger: 'manual', requestedBy: null });
      bRunId = (await b.repos.analytics.request({ trigger: 'manual', requestedBy: null }))!.run.id;
      const store = t.deps.store;
      await buildWorker({
        db: t.test.db,
        store,
        clock: () => new Date(),
        compute: computeInline,
        log: () => undefined,
      }).drain();
      // Logging out ends the session the walk uses, so it goes last.
      ops = operationsOf((await (await t.call('GET', '/api/openapi.json')).json()) as OpenApiPaths).sort(
        (x, y) => Number(x.path.endsWith('/logout')) - Number(y.path.endsWith('/logout')),
      );
    });
    after(() => t.close());

    it('covers every authenticated operation', () => {
      assert.ok(ops.length >= 30, `only ${ops.length} operations found`);
    });

    it('answers 404 to business A for every id of business B, and changes nothing in B', async () => {
      const before = await snapshot(t, b);
      const checked: string[] = [];
      for (const op of ops) {
        const key = `${op.method} ${op.path}`;
        const path = pathFor(op.path, b, bRunId);
        const body = op.hasBody ? bodyFor(op, b) : undefined;
        const headers = typeof body === 'string' ? { 'content-type': 'text/csv' } : undefined;
        const res = await t.call(op.method, path, { token: a.tokens.owner, body, headers });
        const text = await res.text();
        const namesB = op.path.includes('{') && !sharedPathParameters.some((p) => op.path.includes(p));
        if (namesB) {
          assert.equal(res.status, 404, `${key} as A with B's ids answered ${res.status}: ${text}`);
        } else if (referencingCreates.has(key)) {
          assert.ok([404, 422].includes(res.status), `${key} as A naming B's ids answered ${res.status}: ${text}`);
        } else {
          // Lists, and creations that name nothing of B: they work, inside A only.
          assert.ok([200, 201, 202].includes(res.status), `${key}: ${res.status} ${text}`);
          for (const id of [
            b.customerId,
            b.visitId,
            b.storeId,
            b.itemId,
            b.channelId,
            b.attributeId,
            b.segmentId,
            b.templateId,
            b.broadcastId,
            b.webhookId,
            b.journeyId,
            b.notificationId,
            b.users.staff,
            b.tenantId,
          ]) {
            assert.ok(!text.includes(id), `${key} as A leaked an id of B`);
          }
        }
        checked.push(key);
      }
      assert.equal(await snapshot(t, b), before, 'business B changed');
      assert.equal(checked.length, ops.length);
    });
  });
}
