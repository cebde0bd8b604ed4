import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JourneyDefinition } from '@kayoi/contracts';
import { checkJourneyDefinition } from '@kayoi/core';
import { engineScenarios } from './engineScenarios.js';
import { normaliseRecords, playJourneyScenario } from './playJourneyScenario.js';
import { presetScenarios } from './presetScenarios.js';

describe('journey scenarios (events → time advances → expected effects)', () => {
  for (const scenario of [...presetScenarios, ...engineScenarios]) {
    it(scenario.name, () => {
      for (const definition of [scenario.journey, { definition: scenario.nextVersion }]) {
        if ('definition' in definition && definition.definition) {
          assert.deepEqual(checkJourneyDefinition(definition.definition), []);
        }
      }
      assert.deepEqual(playJourneyScenario(scenario), normaliseRecords(scenario.expected));
    });
  }

  it('the custom scenario definitions fit the contract apart from their readable template ids', () => {
    const shapes = engineScenarios.map((s) => ('definition' in s.journey ? s.journey.definition : null));
    for (const definition of shapes) {
      if (!definition) continue;
      const result = JourneyDefinition.safeParse(definition);
      const other = result.success ? [] : result.error.issues.filter((i) => !i.path.includes('templates'));
      assert.deepEqual(other, []);
    }
  });
});
