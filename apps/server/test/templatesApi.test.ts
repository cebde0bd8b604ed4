import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AuditEvent, MessageTemplate, Role, TemplatePreview } from '@kayoi/contracts';
import { engines } from '@kayoi/db/testing';
import { seedBusiness, startTestApp, type Business, type TestApp } from './support/testApp.js';

type ErrorBody = { error: { code: string; message: string; details: Record<string, unknown> } };
type Problem = { field: string; line: number; column: number; message: string };

const greeting =
  '{{ customer.name }}様、前回は{{ last_visit.date }}に{{ last_visit.store }}で{{ last_visit.service }}（担当 {{ last_visit.staff }}）。{{ customer.attributes.hair_type }}';

for (const engine of engines) {
  describe(`templates API on ${engine}`, () => {
    let t: TestApp;
    let b: Business;
    let other: Business;
    const call = async (role: Role, method: string, path: string, body?: unknown) => {
      const res = await t.call(method, `/api/v1${path}`, { token: b.tokens[role], body });
      return { status: res.status, body: (await res.json()) as unknown };
    };
    const ok = async <T>(role: Role, method: string, path: string, body?: unknown): Promise<T> => {
      const res = await call(role, method, path, body);
      assert.ok([200, 201].includes(res.status), `${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body as T;
    };
    const failure = async (role: Role, method: string, path: string, body?: unknown) => {
      const res = await call(role, method, path, body);
      return { status: res.status, ...(res.body as ErrorBody).error };
    };

    before(async () => {
      t = await startTestApp(engine);
      b = await seedBusiness(t, 'Templates');
      other = await seedBusiness(t, 'Other');
    });
    after(() => t.close());

    it('creates, reads, edits, lists and archives a template, auditing each change', async () => {
      const created = await ok<MessageTemplate>('manager', 'POST', '/templates', {
        name: '再来店のご案内',
        channel: 'email',
        ja: { subject: '{{ shop.name }}より', body: '<p>{{ customer.name }}様</p>' },
      });
      assert.equal(created.channel, 'email');
      assert.deepEqual(created.ja, {
        subject: '{{ shop.name }}より',
        body: '<p>{{ customer.name }}様</p>',
        text: null,
      });
      assert.equal(created.en, null);
      const patched = await ok<MessageTemplate>('owner', 'PATCH', `/templates/${created.id}`, {
        en: { subject: 'From {{ shop.name }}', body: '<p>Dear {{ customer.name }}</p>' },
      });
      assert.equal(patched.en?.subject, 'From {{ shop.name }}');
      assert.deepEqual(await ok<MessageTemplate>('analyst', 'GET', `/templates/${created.id}`), patched);
      const names = (await ok<{ items: MessageTemplate[] }>('manager', 'GET', '/templates')).items.map((x) => x.name);
      assert.ok(names.includes('再来店のご案内'));
      const archived = await ok<MessageTemplate>('manager', 'DELETE', `/templates/${created.id}`);
      assert.equal(archived.archived, true);
      const live = (await ok<{ items: MessageTemplate[] }>('manager', 'GET', '/templates')).items;
      assert.ok(!live.some((x) => x.id === created.id));
      const audit = await ok<{ items: AuditEvent[] }>('owner', 'GET', '/audit-events?limit=100');
      const actions = audit.items.filter((e) => e.targetId === created.id).map((e) => e.action);
      assert.deepEqual(actions.sort(), ['templates.archived', 'templates.changed', 'templates.created']);
    });

    it('refuses a duplicate live name with 409 and frees the name once archived', async () => {
      const body = { name: '誕生日', channel: 'line_text', ja: { body: 'おめでとうございます' } };
      const first = await ok<MessageTemplate>('owner', 'POST', '/templates', body);
      const taken = await failure('owner', 'POST', '/templates', body);
      assert.deepEqual([taken.status, taken.code], [409, 'NAME_TAKEN']);
      await ok('owner', 'DELETE', `/templates/${first.id}`);
      await ok('owner', 'POST', '/templates', body);
    });

    it('reports a syntax error on save as 422 with the field, line and column', async () => {
      const e = await failure('owner', 'POST', '/templates', {
        name: '壊れた',
        channel: 'line_text',
        ja: { body: 'こんにちは\n{{ customer.name | shout }}様' },
      });
      assert.deepEqual([e.status, e.code], [422, 'TEMPLATE_SYNTAX_INVALID']);
      const [problem] = (e.details as { problems: Problem[] }).problems;
      assert.deepEqual([problem?.field, problem?.line, problem?.column], ['ja.body', 2, 1]);
      assert.match(problem?.message ?? '', /shout/);
      const patch = await failure('owner', 'PATCH', `/templates/${b.templateId}`, { ja: { body: '{% if %}' } });
      assert.deepEqual([patch.status, patch.code], [422, 'TEMPLATE_SYNTAX_INVALID']);
    });

    it('previews a saved template for a real customer with their last visit', async () => {
      const saved = await ok<MessageTemplate>('owner', 'POST', '/templates', {
        name: 'お礼（詳しく）',
        channel: 'line_text',
        ja: { body: greeting },
        en: { body: 'Dear {{ customer.name }}, see you after {{ last_visit.date }}' },
      });
      const ja = await ok<TemplatePreview>('manager', 'POST', `/templates/${saved.id}/preview`, {
        customerId: b.customerId,
      });
      // The seeded visit is 2025-06-01 05:00 UTC, 14:00 in Tokyo.
      assert.deepEqual(ja, {
        ok: true,
        language: 'ja',
        output: { channel: 'line_text', text: '山田 花子様、前回は2025年6月1日に本店でカット（担当 staff）。fine' },
      });
      const en = await ok<TemplatePreview>('manager', 'POST', `/templates/${saved.id}/preview`, {
        customerId: b.customerId,
        language: 'en',
      });
      assert.ok(en.ok && en.output.channel === 'line_text');
      assert.equal(en.output.text, 'Dear 花子 山田, see you after June 1, 2025');
    });

    it('previews an unsaved draft, and returns a failed render as a value', async () => {
      const flex = await ok<TemplatePreview>('owner', 'POST', '/templates/preview', {
        customerId: b.customerId,
        template: {
          channel: 'line_flex',
          ja: { body: '{"type":"flex","altText":"{{ customer.name }}様","contents":{"type":"bubble"}}' },
        },
      });
      assert.ok(flex.ok && flex.output.channel === 'line_flex');
      assert.equal(flex.output.message.altText, '山田 花子様');
      const loop = await ok<TemplatePreview>('owner', 'POST', '/templates/preview', {
        customerId: b.customerId,
        template: { channel: 'line_text', ja: { body: '{% for i in (1..100000000) %}{{ i }}{% endfor %}' } },
      });
      assert.deepEqual([loop.ok, !loop.ok && loop.code], [false, 'TEMPLATE_LIMIT_EXCEEDED']);
    });

    it('masks personal data in previews as customer responses are masked', async () => {
      const body = {
        customerId: b.customerId,
        template: {
          channel: 'line_text',
          ja: { body: '[{{ customer.name }}][{{ customer.attributes.hair_type }}][{{ last_visit.service }}]' },
        },
      };
      const full = await ok<TemplatePreview>('manager', 'POST', '/templates/preview', body);
      const analyst = await ok<TemplatePreview>('analyst', 'POST', '/templates/preview', body);
      assert.ok(full.ok && full.output.channel === 'line_text' && analyst.ok && analyst.output.channel === 'line_text');
      assert.equal(full.output.text, '[山田 花子][fine][カット]');
      assert.equal(analyst.output.text, '[][][カット]');
      const staff = await failure('staff', 'POST', '/templates/preview', body);
      assert.deepEqual([staff.status, staff.code], [403, 'FORBIDDEN']);
    });

    it('answers 404 for a customer or template of another business', async () => {
      const draft = { channel: 'line_text', ja: { body: '{{ customer.name }}' } };
      const foreignCustomer = await failure('owner', 'POST', '/templates/preview', {
        customerId: other.customerId,
        template: draft,
      });
      assert.deepEqual([foreignCustomer.status, foreignCustomer.code], [404, 'CUSTOMER_NOT_FOUND']);
      const saved = await failure('owner', 'POST', `/templates/${b.templateId}/preview`, {
        customerId: other.customerId,
      });
      assert.deepEqual([saved.status, saved.code], [404, 'CUSTOMER_NOT_FOUND']);
      const foreignTemplate = await failure('owner', 'GET', `/templates/${other.templateId}`);
      assert.deepEqual([foreignTemplate.status, foreignTemplate.code], [404, 'TEMPLATE_NOT_FOUND']);
    });
  });
}
