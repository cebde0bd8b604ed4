import type { Journey, JourneyPreset, JourneyPresetKey, SendTemplates, TemplateCreate } from '@kayoi/contracts';
import { failOrThrow, resultOf, type Result } from '../shared/result.js';
import { auditJourney, ensureJourneyDefinitionOrThrow, type JourneyDeps } from './journeyUseCases.js';
import type { PresetTemplateKey } from './presetTemplates.js';
import { bindPresetTemplatesOrThrow, lifecyclePresets } from './presets.js';

export function listJourneyPresets(): JourneyPreset[] {
  return lifecyclePresets.map((p) => ({
    key: p.key,
    name: p.name,
    description: p.description,
    recommendedHoldoutPercent: Math.round(p.recommendedHoldoutShare * 100),
    outcome: { kind: 'visit', days: p.outcome.days },
  }));
}

/** Template names are unique per business; a second install gets "name (2)", and so on. */
function freeName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate); n++) candidate = `${name} (${n})`;
  taken.add(candidate);
  return candidate;
}

/**
 * Creates the preset's templates (LINE and email per message, editable afterwards), then a
 * draft journey whose send steps name them. Nothing runs until the journey is activated.
 */
export function installJourneyPreset(deps: JourneyDeps, key: JourneyPresetKey): Promise<Result<Journey>> {
  return resultOf(async () => {
    const preset = lifecyclePresets.find((p) => p.key === key);
    if (!preset) failOrThrow('JOURNEY_PRESET_NOT_FOUND', { key });
    const taken = new Set((await deps.repos.templates.list({ includeArchived: true })).map((t) => t.name));
    const insert = async (t: TemplateCreate) =>
      (await deps.repos.templates.insert({ ...t, name: freeName(t.name, taken), en: t.en ?? null }, deps.actor.userId))
        .id;
    const templateIds: Partial<Record<PresetTemplateKey, SendTemplates>> = {};
    for (const [templateKey, texts] of Object.entries(preset.templates) as [
      PresetTemplateKey,
      (typeof preset.templates)[PresetTemplateKey],
    ][]) {
      if (!texts) continue;
      templateIds[templateKey] = { line: await insert(texts.line), email: await insert(texts.email) };
    }
    const definition = bindPresetTemplatesOrThrow(preset.definition, templateIds);
    await ensureJourneyDefinitionOrThrow(deps, definition);
    const journey = await deps.repos.journeys.insert(
      {
        name: preset.name.ja,
        definition,
        holdoutPercent: Math.round(preset.recommendedHoldoutShare * 100),
        outcome: { kind: 'visit', days: preset.outcome.days },
        presetKey: preset.key,
      },
      deps.actor.userId,
    );
    await auditJourney(deps, 'journeys.preset_installed', journey.id, { preset: preset.key });
    return journey;
  });
}
