import type {
  MessageTemplate,
  Tenant,
  TemplateCreate,
  TemplateDraft,
  TemplateListQuery,
  TemplatePatch,
  TemplatePreview,
} from '@kayoi/contracts';
import type { TenantRepos } from '../ports.js';
import type { Actor } from '../shared/actor.js';
import { failOrThrow, resultOf, type Result } from '../shared/result.js';
import { loadTemplateFactsOrThrow, templateShopFacts } from './templateFacts.js';
import type { TemplateLanguage, TemplateRenderer, TemplateSource, TemplateSyntaxProblem } from './templates/index.js';

export interface TemplateDeps {
  repos: TenantRepos;
  actor: Actor;
  tenant: Pick<Tenant, 'name' | 'timeZone'>;
  /** Built once per process: the Liquid engines with their limits. */
  renderer: TemplateRenderer;
  checkSyntax: (template: TemplateSource) => TemplateSyntaxProblem[];
}

function ensureSyntaxOrThrow(deps: TemplateDeps, template: TemplateSource): void {
  const problems = deps.checkSyntax(template);
  if (problems.length > 0) failOrThrow('TEMPLATE_SYNTAX_INVALID', { problems });
}

async function findOrThrow(deps: TemplateDeps, id: string): Promise<MessageTemplate> {
  const template = await deps.repos.templates.findById(id);
  if (!template) failOrThrow('TEMPLATE_NOT_FOUND', { id });
  return template;
}

export function listTemplates(deps: TemplateDeps, query: TemplateListQuery): Promise<MessageTemplate[]> {
  return deps.repos.templates.list({ includeArchived: query.includeArchived ?? false });
}

export function getTemplate(deps: TemplateDeps, id: string): Promise<Result<MessageTemplate>> {
  return resultOf(() => findOrThrow(deps, id));
}

export function createTemplate(deps: TemplateDeps, input: TemplateCreate): Promise<Result<MessageTemplate>> {
  return resultOf(async () => {
    const source = { channel: input.channel, ja: input.ja, en: input.en ?? null };
    ensureSyntaxOrThrow(deps, source);
    const created = await deps.repos.templates.insert({ name: input.name, ...source }, deps.actor.userId);
    await deps.repos.audit.record({
      actorUserId: deps.actor.userId,
      action: 'templates.created',
      targetType: 'template',
      targetId: created.id,
      details: { name: created.name, channel: created.channel },
    });
    return created;
  });
}

/** Renames, edits, archives or restores; the before and the patch are audited. */
export function updateTemplate(deps: TemplateDeps, id: string, patch: TemplatePatch): Promise<Result<MessageTemplate>> {
  return resultOf(async () => {
    const before = await findOrThrow(deps, id);
    const { archived, ...fields } = patch;
    ensureSyntaxOrThrow(deps, {
      channel: fields.channel ?? before.channel,
      ja: fields.ja ?? before.ja,
      en: fields.en === undefined ? before.en : fields.en,
    });
    const updated = await deps.repos.templates.update(id, { ...fields, archived }, deps.actor.userId);
    if (!updated) failOrThrow('TEMPLATE_NOT_FOUND', { id });
    const archivedNow = archived === true && !before.archived;
    await deps.repos.audit.record({
      actorUserId: deps.actor.userId,
      action: archivedNow ? 'templates.archived' : 'templates.changed',
      targetType: 'template',
      targetId: id,
      details: { before: { name: before.name, channel: before.channel, archived: before.archived }, patch },
    });
    return updated;
  });
}

export function archiveTemplate(deps: TemplateDeps, id: string): Promise<Result<MessageTemplate>> {
  return updateTemplate(deps, id, { archived: true });
}

async function previewFor(
  deps: TemplateDeps,
  template: TemplateSource,
  customerId: string,
  language: TemplateLanguage | undefined,
): Promise<TemplatePreview> {
  const customer = await loadTemplateFactsOrThrow(deps.repos, deps.actor, customerId);
  const rendered = await deps.renderer.render({ template, customer, shop: templateShopFacts(deps.tenant), language });
  return rendered;
}

/** A saved template rendered for one real customer, as that customer would receive it. */
export function previewTemplate(
  deps: TemplateDeps,
  id: string,
  request: { customerId: string; language?: TemplateLanguage | undefined },
): Promise<Result<TemplatePreview>> {
  return resultOf(async () => previewFor(deps, await findOrThrow(deps, id), request.customerId, request.language));
}

/** An unsaved draft, while it is being edited; syntax problems come back as at save time. */
export function previewTemplateDraft(
  deps: TemplateDeps,
  request: { template: TemplateDraft; customerId: string; language?: TemplateLanguage | undefined },
): Promise<Result<TemplatePreview>> {
  return resultOf(async () => {
    const source = { ...request.template, en: request.template.en ?? null };
    ensureSyntaxOrThrow(deps, source);
    return previewFor(deps, source, request.customerId, request.language);
  });
}
