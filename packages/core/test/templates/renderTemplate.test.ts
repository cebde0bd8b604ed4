import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createTemplateRenderer, type TemplateRenderResult } from '../../src/messaging/templates/index.js';
import { emptyCustomer, hanako, lineText, shop } from './fixtures.js';

const renderer = createTemplateRenderer();

function textOf(result: TemplateRenderResult): string {
  assert.ok(result.ok, JSON.stringify(result));
  assert.equal(result.output.channel, 'line_text');
  return result.output.channel === 'line_text' ? result.output.text : '';
}

async function render(body: string, customer = hanako): Promise<string> {
  return textOf(await renderer.render({ template: lineText(body), customer, shop }));
}

describe('template variables', () => {
  it('renders every customer variable in Japanese', async () => {
    const cases: [string, string][] = [
      ['{{ customer.name }}様', '山田 花子様'],
      ['{{ customer.family_name }}{{ customer.given_name }}', '山田花子'],
      ['{{ customer.kana }}', 'ヤマダ ハナコ'],
      ['{{ customer.family_name_kana }}/{{ customer.given_name_kana }}', 'ヤマダ/ハナコ'],
      ['{{ customer.visit_count }}回目', '7回目'],
      ['{{ customer.attributes.hair_type }}', 'くせ毛'],
      ['{% if customer.attributes.dm_ok %}OK{% endif %}', 'OK'],
      ['{{ last_visit.date }}', '2026年3月3日'],
      ['{{ last_visit.store }}・{{ last_visit.staff }}', '渋谷店・佐藤'],
      ['{{ last_visit.service }}', 'カット、カラー'],
      ['{{ last_visit.services | size }}', '2'],
      ['{{ next_visit.date }}', '2026年4月10日'],
      ['{{ shop.name }}', 'サロン・ド・カヨイ'],
    ];
    for (const [body, expected] of cases) assert.equal(await render(body), expected, body);
  });

  it('renders the greeting from the user guide', async () => {
    const body = '{{ customer.name }}様、前回は{{ last_visit.date }}に{{ last_visit.service }}をご利用いただきました';
    assert.equal(await render(body), '山田 花子様、前回は2026年3月3日にカット、カラーをご利用いただきました');
  });

  it('shows a visit on the shop’s local day, not the UTC day', async () => {
    // 23:30 JST on 3 March is 14:30 UTC; 00:30 JST on 4 March is still 3 March in UTC.
    const late = { ...hanako, lastVisit: { ...hanako.lastVisit!, at: new Date('2026-03-03T14:30:00Z') } };
    const early = { ...hanako, lastVisit: { ...hanako.lastVisit!, at: new Date('2026-03-03T15:30:00Z') } };
    assert.equal(await render('{{ last_visit.date }}', late), '2026年3月3日');
    assert.equal(await render('{{ last_visit.date }}', early), '2026年3月4日');
  });

  it('renders missing values as empty text, never "undefined"', async () => {
    const body =
      '[{{ customer.name }}][{{ customer.attributes.nothing }}][{{ last_visit.date }}][{{ next_visit.date }}][{{ no.such.thing }}]';
    assert.equal(await render(body, emptyCustomer), '[][][][][]');
  });

  it('picks English when asked and the template has it, else Japanese', async () => {
    const template = lineText(
      '{{ customer.name }}様 {{ last_visit.date }}',
      'Dear {{ customer.name }}, {{ last_visit.date }}',
    );
    const en = await renderer.render({ template, customer: hanako, shop, language: 'en' });
    assert.equal(textOf(en), 'Dear 花子 山田, March 3, 2026');
    assert.ok(en.ok && en.language === 'en');
    const fallback = await renderer.render({
      template: lineText('{{ shop.name }}'),
      customer: hanako,
      shop,
      language: 'en',
    });
    assert.ok(fallback.ok && fallback.language === 'ja');
    const byCustomer = await renderer.render({ template, customer: { ...hanako, language: 'en' }, shop });
    assert.ok(byCustomer.ok && byCustomer.language === 'en');
    const byTenant = await renderer.render({ template, customer: hanako, shop: { ...shop, defaultLanguage: 'en' } });
    assert.ok(byTenant.ok && byTenant.language === 'en');
  });

  it('hides properties that are not the context’s own', async () => {
    assert.equal(await render('[{{ customer.constructor }}][{{ customer.attributes.toString }}]'), '[][]');
  });
});
