import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JourneyDefinition, TemplateCreate, type SendTemplates } from '@kayoi/contracts';
import {
  bindPresetTemplatesOrThrow,
  checkJourneyDefinition,
  createTemplateRenderer,
  createTemplateSyntaxChecker,
  lifecyclePresets,
  type PresetTemplateKey,
} from '@kayoi/core';

const uuid = (n: number) => `0192f0c1-7c1e-7b5a-9c2e-${String(n).padStart(12, '0')}`;
/** The variables of docs/user/templates.md (customer.attributes.<key> aside). */
const knownVariables = new Set([
  'customer.name',
  'customer.family_name',
  'customer.given_name',
  'customer.kana',
  'customer.visit_count',
  'last_visit',
  'last_visit.date',
  'last_visit.store',
  'last_visit.staff',
  'last_visit.service',
  'last_visit.services',
  'next_visit.date',
  'shop.name',
]);

describe('lifecycle presets', () => {
  it('has the six presets with a 10 % holdout and a visit outcome', () => {
    assert.deepEqual(
      lifecyclePresets.map((p) => p.key),
      ['thank_you', 'aftercare_day2', 'next_visit_reminder', 'birthday', 'win_back', 'review_request'],
    );
    for (const p of lifecyclePresets) {
      assert.equal(p.recommendedHoldoutShare, 0.1);
      assert.ok(p.outcome.days > 0 && p.name.ja && p.name.en && p.description.ja && p.description.en);
    }
  });

  for (const preset of lifecyclePresets) {
    it(`${preset.key}: binds to a valid definition and its templates are sound`, async () => {
      const keys = Object.keys(preset.templates) as PresetTemplateKey[];
      const ids = Object.fromEntries(keys.map((k, i) => [k, { line: uuid(2 * i + 1), email: uuid(2 * i + 2) }]));
      const bound = bindPresetTemplatesOrThrow(
        preset.definition,
        ids as Partial<Record<PresetTemplateKey, SendTemplates>>,
      );
      assert.equal(JourneyDefinition.safeParse(bound).success, true);
      assert.deepEqual(checkJourneyDefinition(bound), []);
      // Every template the steps name is shipped, and every shipped one is used.
      const used = preset.definition.steps.flatMap((s) => (s.type === 'send' ? [s.templateKey] : []));
      assert.deepEqual([...new Set(used)].sort(), [...keys].sort());

      const check = createTemplateSyntaxChecker();
      const renderer = createTemplateRenderer();
      for (const template of keys.flatMap((k) => [preset.templates[k]!.line, preset.templates[k]!.email])) {
        assert.equal(TemplateCreate.safeParse(template).success, true);
        assert.deepEqual(check(template), []);
        for (const variant of [template.ja, template.en!]) {
          const sources = [variant.body, variant.subject ?? '', variant.text ?? ''].join('\n');
          for (const [, name] of sources.matchAll(/\{[{%]-?\s*(?:if |unless )?([a-z_.]+)/g)) {
            if (['if', 'endif', 'unless', 'endunless'].includes(name!)) continue;
            assert.ok(knownVariables.has(name!), `${preset.key}: unknown variable ${name}`);
          }
        }
        for (const language of ['ja', 'en'] as const) {
          const rendered = await renderer.render({
            template,
            customer: {
              familyName: '山田',
              givenName: '花子',
              familyNameKana: null,
              givenNameKana: null,
              visitCount: 4,
              attributes: {},
              lastVisit: {
                at: new Date('2026-03-03T05:00:00Z'),
                storeName: null,
                staffName: '佐藤',
                serviceNames: ['カラー'],
              },
              nextVisitFrom: '2026-04-10',
            },
            shop: { name: 'サロン・ド・カヨイ', timeZone: 'Asia/Tokyo' },
            language,
          });
          assert.equal(rendered.ok, true, JSON.stringify(rendered));
          const output = JSON.stringify(rendered);
          assert.ok(output.includes('サロン・ド・カヨイ') && !output.includes('undefined'));
        }
      }
    });
  }

  it('refuses to bind when a template id is missing', () => {
    assert.throws(() => bindPresetTemplatesOrThrow(lifecyclePresets[0]!.definition, {}), /thank_you/);
  });
});
