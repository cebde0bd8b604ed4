import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  createTemplateRenderer,
  createTemplateSyntaxChecker,
  lineTextMaxLength,
  type TemplateSource,
} from '../../src/messaging/templates/index.js';
import { hanako, lineText, shop } from './fixtures.js';

const renderer = createTemplateRenderer();
const checkTemplateSyntax = createTemplateSyntaxChecker();

async function failureCode(template: TemplateSource): Promise<string> {
  const result = await renderer.render({ template, customer: hanako, shop });
  assert.equal(result.ok, false, JSON.stringify(result).slice(0, 300));
  return result.ok ? '' : result.code;
}

describe('template limits and failures', () => {
  it('stops a loop over a huge range with a typed failure', async () => {
    assert.equal(
      await failureCode(lineText('{% for i in (1..100000000) %}{{ i }}{% endfor %}')),
      'TEMPLATE_LIMIT_EXCEEDED',
    );
  });

  it('stops a string doubled until it is huge', async () => {
    const body =
      '{% assign s = "あいうえお" %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}{{ s | size }}';
    assert.equal(await failureCode(lineText(body)), 'TEMPLATE_LIMIT_EXCEEDED');
  });

  it('stops a long loop by the render time limit when memory allows it', async () => {
    // A tiny time budget and a huge memory budget, so only renderLimit can stop it.
    const timed = createTemplateRenderer({ parseLimit: 1_000, renderLimitMs: 5, memoryLimit: 1e12 });
    const body = '{% for i in (1..5000000) %}{% assign x = i | plus: 1 %}{% endfor %}';
    const result = await timed.render({ template: lineText(body), customer: hanako, shop });
    assert.deepEqual([result.ok, !result.ok && result.code], [false, 'TEMPLATE_LIMIT_EXCEEDED']);
  });

  it('refuses a template source over the parse limit', async () => {
    assert.equal(await failureCode(lineText('x'.repeat(200_000))), 'TEMPLATE_LIMIT_EXCEEDED');
  });

  it('fails an over-long LINE text with its code', async () => {
    // Literal text, not a loop: the length check must not race the render time limit.
    const body = `{{ customer.family_name }}${'あ'.repeat(lineTextMaxLength)}`;
    assert.equal(await failureCode(lineText(body)), 'TEMPLATE_TOO_LONG');
  });

  it('fails invalid Flex JSON and a wrong Flex shape with their code', async () => {
    const notJson: TemplateSource = { channel: 'line_flex', ja: { body: '{"type": "flex", ' } };
    const wrongShape: TemplateSource = {
      channel: 'line_flex',
      ja: { body: '{"type":"flex","altText":"{{ customer.name }}","contents":{"type":"box"}}' },
    };
    const longAlt: TemplateSource = {
      channel: 'line_flex',
      ja: { body: `{"type":"flex","altText":"${'あ'.repeat(401)}","contents":{"type":"bubble"}}` },
    };
    for (const t of [notJson, wrongShape, longAlt]) assert.equal(await failureCode(t), 'TEMPLATE_INVALID_FLEX');
  });

  it('renders valid Flex, escaping variables as JSON string contents', async () => {
    const body =
      '{"type":"flex","altText":"{{ customer.name }}様へ","contents":{"type":"bubble","body":{"type":"text","text":"{{ customer.attributes.note }}"}}}';
    const customer = { ...hanako, attributes: { note: 'say "hi"\\' } };
    const result = await renderer.render({ template: { channel: 'line_flex', ja: { body } }, customer, shop });
    assert.ok(result.ok && result.output.channel === 'line_flex', JSON.stringify(result));
    assert.equal(result.output.message.altText, '山田 花子様へ');
    assert.deepEqual(result.output.message.contents.body, { type: 'text', text: 'say "hi"\\' });
  });

  it('escapes HTML in the email HTML part only', async () => {
    const customer = { ...hanako, familyName: '<b>山田</b>', givenName: '&花子' };
    const template: TemplateSource = {
      channel: 'email',
      ja: { subject: '{{ customer.name }}様へ', body: '<p>{{ customer.name }}様</p>', text: '{{ customer.name }}様' },
    };
    const result = await renderer.render({ template, customer, shop });
    assert.ok(result.ok && result.output.channel === 'email');
    assert.equal(result.output.html, '<p>&lt;b&gt;山田&lt;/b&gt; &amp;花子様</p>');
    assert.equal(result.output.text, '<b>山田</b> &花子様');
    assert.equal(result.output.subject, '<b>山田</b> &花子様へ');
    const line = await renderer.render({ template: lineText('{{ customer.name }}'), customer, shop });
    assert.ok(line.ok && line.output.channel === 'line_text' && line.output.text === '<b>山田</b> &花子');
  });

  it('derives the email text part from the HTML when none is written', async () => {
    const template: TemplateSource = {
      channel: 'email',
      ja: { subject: 'お知らせ', body: '<p>{{ customer.name }}様</p><p>A&amp;B</p>' },
    };
    const result = await renderer.render({ template, customer: hanako, shop });
    assert.ok(result.ok && result.output.channel === 'email');
    assert.equal(result.output.text, '山田 花子様\nA&B');
  });

  it('reports an unknown filter, an unknown tag and includes at parse time with line and column', () => {
    const template: TemplateSource = {
      channel: 'email',
      ja: { subject: 'ok', body: 'こんにちは\n{{ customer.name | shout }}' },
      en: { body: '{% include "secret" %}', text: 'a\n  {% if %}' },
    };
    const problems = checkTemplateSyntax(template);
    assert.deepEqual(
      problems.map((p) => [p.field, p.line, p.column]),
      [
        ['ja.body', 2, 1],
        ['en.body', 1, 1],
        ['en.text', 2, 8],
      ],
    );
    assert.match(problems[0]!.message, /undefined filter: shout/);
    assert.doesNotMatch(problems[0]!.message, /line:/);
  });

  it('accepts a good template', () => {
    assert.deepEqual(checkTemplateSyntax(lineText('{{ customer.name | default: "お客" }}様')), []);
  });
});
