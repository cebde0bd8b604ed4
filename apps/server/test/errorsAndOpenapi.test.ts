import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { errorCodes, errorMessages, type ErrorCode } from '@kayoi/contracts';
import { permissions } from '@kayoi/core';
import { errorStatus } from '../src/http/errorStatus.js';
import { seedBusiness, startTestApp, type Business, type TestApp } from './support/testApp.js';

type ErrorBody = { error: { code: string; message: string; details?: unknown } };

describe('error envelope', () => {
  let t: TestApp;
  let b: Business;
  before(async () => {
    t = await startTestApp('pglite');
    b = await seedBusiness(t, 'Errors');
  });
  after(() => t.close());

  const errorOf = async (res: Response) => {
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    const body = (await res.json()) as ErrorBody;
    assert.deepEqual(Object.keys(body), ['error']);
    return { status: res.status, ...body.error };
  };

  it('an unknown route is 404 ROUTE_NOT_FOUND, inside and outside the API', async () => {
    for (const [method, path] of [
      ['GET', '/api/nope'],
      ['GET', '/api/v1/nope'],
      ['DELETE', '/api/v1/tenant'],
      ['GET', '/api/v2/customers'],
    ]) {
      const e = await errorOf(await t.call(method!, path!, { token: b.tokens.owner }));
      assert.deepEqual([e.status, e.code], [404, 'ROUTE_NOT_FOUND'], `${method} ${path}`);
    }
  });

  it('malformed JSON is 400 VALIDATION_FAILED', async () => {
    const res = await t.call('POST', '/api/v1/customers', { token: b.tokens.owner, body: '{"familyName": "山田",' });
    const e = await errorOf(res);
    assert.deepEqual([e.status, e.code], [400, 'VALIDATION_FAILED']);
  });

  it('a schema violation is 400 VALIDATION_FAILED naming each field', async () => {
    const res = await t.call('POST', '/api/v1/visits', {
      token: b.tokens.owner,
      body: { customerId: 'not-a-uuid', storeId: b.storeId, startedAt: 'yesterday', items: [] },
    });
    const e = await errorOf(res);
    assert.deepEqual([e.status, e.code], [400, 'VALIDATION_FAILED']);
    const paths = (e.details as { issues: { path: string }[] }).issues.map((i) => i.path).sort();
    assert.deepEqual(paths, ['customerId', 'items', 'startedAt']);
  });

  it('a body over 1 MiB is 413 PAYLOAD_TOO_LARGE; just under is accepted', async () => {
    const big = JSON.stringify({ familyName: '大', notes: 'x'.repeat(1024 * 1024) });
    const e = await errorOf(await t.call('POST', '/api/v1/customers', { token: b.tokens.owner, body: big }));
    assert.deepEqual([e.status, e.code], [413, 'PAYLOAD_TOO_LARGE']);
    const padded = JSON.stringify({ familyName: '小', notes: 'x'.repeat(4000) }).padEnd(1024 * 1024 - 10, ' ');
    const ok = await t.call('POST', '/api/v1/customers', { token: b.tokens.owner, body: padded });
    assert.equal(ok.status, 201);
  });

  it('messages are Japanese by default and English when asked', async () => {
    const cases: [string | undefined, 'ja' | 'en'][] = [
      [undefined, 'ja'],
      ['ja', 'ja'],
      ['en', 'en'],
      ['en-US,en;q=0.9', 'en'],
      ['fr-FR', 'ja'],
      ['fr, en;q=0.5', 'en'],
      ['ja;q=0.4, en;q=0.8', 'en'],
    ];
    for (const [acceptLanguage, locale] of cases) {
      const headers = acceptLanguage ? { 'accept-language': acceptLanguage } : undefined;
      const missing = await errorOf(await t.call('GET', '/api/v1/customers', { headers }));
      assert.equal(missing.message, errorMessages.UNAUTHENTICATED[locale], String(acceptLanguage));
      const notFound = await errorOf(
        await t.call('GET', `/api/v1/customers/${b.storeId}`, { token: b.tokens.owner, headers }),
      );
      assert.equal(notFound.code, 'CUSTOMER_NOT_FOUND');
      assert.equal(notFound.message, errorMessages.CUSTOMER_NOT_FOUND[locale], String(acceptLanguage));
    }
  });

  it('every error code has a status and a message in both languages', () => {
    const allowed = new Set([400, 401, 403, 404, 409, 413, 422, 429, 500]);
    for (const code of errorCodes) {
      const status = errorStatus(code);
      assert.ok(allowed.has(status), `${code} → ${status}`);
      if (code.endsWith('_NOT_FOUND')) assert.equal(status, 404, code);
      if (code.endsWith('_TAKEN')) assert.equal(status, 409, code);
      assert.ok(errorMessages[code].ja.length > 0 && errorMessages[code].en.length > 0, code);
      assert.notEqual(errorMessages[code].ja, errorMessages[code].en, code);
    }
    const expected: [ErrorCode, number][] = [
      ['VALIDATION_FAILED', 400],
      ['UNAUTHENTICATED', 401],
      ['INVALID_CREDENTIALS', 401],
      ['FORBIDDEN', 403],
      ['TENANT_REQUIRED', 409],
      ['CUSTOMER_ERASED', 409],
      ['VISIT_VOIDED', 409],
      ['LAST_OWNER', 409],
      ['PAYLOAD_TOO_LARGE', 413],
      ['IMPORT_REJECTED', 422],
      ['TOO_MANY_ATTEMPTS', 429],
      ['INTERNAL_ERROR', 500],
    ];
    for (const [code, status] of expected) assert.equal(errorStatus(code), status, code);
  });
});

describe('health, docs and the OpenAPI document', () => {
  let t: TestApp;
  let doc: Record<string, unknown> & {
    openapi: string;
    paths: Record<string, Record<string, Record<string, unknown>>>;
  };
  before(async () => {
    t = await startTestApp('pglite');
    const res = await t.call('GET', '/api/openapi.json');
    assert.equal(res.status, 200);
    doc = (await res.json()) as typeof doc;
  });
  after(() => t.close());

  it('GET /api/health answers {"status":"ok"}', async () => {
    const res = await t.call('GET', '/api/health');
    assert.equal(res.status, 200);
    assert.equal(await res.text(), '{"status":"ok"}');
  });

  it('/api/docs serves the HTML page and its scripts, offline', async () => {
    const page = await t.call('GET', '/api/docs');
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
    const html = await page.text();
    assert.match(html, /\/api\/openapi\.json/);
    const scripts = [...html.matchAll(/src="([^"]+)"/g)].map((m) => m[1]!);
    assert.ok(scripts.length >= 1);
    for (const src of scripts) {
      assert.ok(src.startsWith('/api/docs/'), `${src} is served locally`);
      const asset = await t.call('GET', src);
      assert.equal(asset.status, 200, src);
      assert.match(asset.headers.get('content-type') ?? '', /javascript/);
      assert.ok((await asset.text()).length > 10_000, `${src} has content`);
    }
    assert.equal((await t.call('GET', '/api/docs/package.json')).status, 404);
    assert.equal((await t.call('GET', '/api/docs/..%2Fpackage.json')).status, 404);
  });

  it('is a valid OpenAPI 3.1 document', async () => {
    assert.match(doc.openapi, /^3\.1\./);
    const validator = new Validator();
    const result = await validator.validate(doc);
    assert.equal(result.valid, true, JSON.stringify(result.errors));
    assert.equal(validator.version, '3.1');
  });

  it('every $ref points at a component that exists', () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/(\w+)\/([^"]+)"/g)];
    assert.ok(refs.length > 10);
    const components = doc.components as Record<string, Record<string, unknown>>;
    for (const [, kind, name] of refs) assert.ok(components[kind!]?.[name!], `${kind}/${name}`);
  });

  it('every operation has a summary, tags, and a known x-permission or is public', () => {
    // The LINE webhook is authenticated by its signature, the unsubscribe links by their token.
    const publicOperations = new Set([
      'post /api/v1/auth/login',
      'post /api/v1/line/webhook/{tenantId}',
      'get /u/{token}',
      'post /u/{token}',
      'get /r/{tenantId}/{token}',
    ]);
    let count = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const key = `${method} ${path}`;
        count++;
        assert.ok(typeof op.summary === 'string' && op.summary.length > 5, `${key} summary`);
        assert.ok(Array.isArray(op.tags) && op.tags.length > 0, `${key} tags`);
        const permission = op['x-permission'];
        if (publicOperations.has(key)) {
          assert.equal(permission, undefined, key);
          continue;
        }
        assert.ok(
          (permissions as readonly unknown[]).includes(permission),
          `${key}: x-permission ${String(permission)}`,
        );
        assert.ok(Array.isArray(op.security) && op.security.length > 0, `${key} security`);
        const responses = op.responses as Record<string, unknown>;
        assert.ok(responses['401'], `${key} documents 401`);
      }
    }
    assert.ok(count >= 50, `${count} operations`);
  });

  it('declares every path parameter of every path', () => {
    for (const [path, methods] of Object.entries(doc.paths)) {
      const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      for (const [method, op] of Object.entries(methods)) {
        const params = ((op.parameters ?? []) as { in: string; name: string; required?: boolean }[]).filter(
          (p) => p.in === 'path',
        );
        assert.deepEqual(params.map((p) => p.name).sort(), names, `${method} ${path}`);
        assert.ok(
          params.every((p) => p.required === true),
          `${method} ${path} required`,
        );
      }
    }
  });
});
