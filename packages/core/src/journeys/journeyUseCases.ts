import type {
  AuditAction,
  Journey,
  JourneyCreate,
  JourneyDefinition,
  JourneyEnrollment,
  JourneyEnrollmentListQuery,
  JourneyPatch,
  JourneyStatus,
  JourneyVersion,
  MeasurementReport,
  Tenant,
} from '@kayoi/contracts';
import { buildMeasurementReport } from '../delivery/measurementReport.js';
import type { Page, TenantRepos } from '../ports.js';
import type { Actor } from '../shared/actor.js';
import { failOrThrow, resultOf, type Result } from '../shared/result.js';
import { checkJourneyDefinition } from './checkJourneyDefinition.js';

export interface JourneyDeps {
  repos: TenantRepos;
  actor: Actor;
  tenant: Pick<Tenant, 'timeZone' | 'settings'>;
  now: Date;
}

export async function findJourneyOrThrow(deps: JourneyDeps, id: string): Promise<Journey> {
  const journey = await deps.repos.journeys.findById(id);
  if (!journey) failOrThrow('JOURNEY_NOT_FOUND', { id });
  return journey;
}

/** The graph rules the schema cannot express, then the templates each send step names. */
export async function ensureJourneyDefinitionOrThrow(deps: JourneyDeps, definition: JourneyDefinition): Promise<void> {
  const problems = checkJourneyDefinition(definition);
  if (problems.length > 0) failOrThrow('JOURNEY_DEFINITION_INVALID', { problems });
  for (const [i, step] of definition.steps.entries()) {
    if (step.type !== 'send') continue;
    for (const channel of ['line', 'email'] as const) {
      const id = step.templates[channel];
      if (id === undefined) continue;
      const field = `definition.steps.${i}.templates.${channel}`;
      const template = await deps.repos.templates.findById(id);
      if (!template) failOrThrow('TEMPLATE_NOT_FOUND', { id, field });
      const fits = channel === 'email' ? template.channel === 'email' : template.channel !== 'email';
      if (!fits) failOrThrow('TEMPLATE_CHANNEL_MISMATCH', { id, field, channel: template.channel });
    }
  }
}

export function listJourneys(deps: JourneyDeps): Promise<Journey[]> {
  return deps.repos.journeys.list();
}

export function getJourney(deps: JourneyDeps, id: string): Promise<Result<Journey>> {
  return resultOf(() => findJourneyOrThrow(deps, id));
}

export function createJourney(deps: JourneyDeps, input: JourneyCreate): Promise<Result<Journey>> {
  return resultOf(async () => {
    await ensureJourneyDefinitionOrThrow(deps, input.definition);
    const created = await deps.repos.journeys.insert(
      {
        name: input.name,
        definition: input.definition,
        holdoutPercent: input.holdoutPercent ?? deps.tenant.settings.messaging.defaultHoldoutPercent,
        outcome: input.outcome,
        presetKey: null,
      },
      deps.actor.userId,
    );
    await auditJourney(deps, 'journeys.created', created.id, { name: created.name });
    return created;
  });
}

/** A changed definition is a new version; customers already enrolled finish the one they started. */
export function updateJourney(deps: JourneyDeps, id: string, patch: JourneyPatch): Promise<Result<Journey>> {
  return resultOf(async () => {
    const before = await findJourneyOrThrow(deps, id);
    if (before.status === 'archived') failOrThrow('JOURNEY_ARCHIVED', { id });
    if (patch.definition) await ensureJourneyDefinitionOrThrow(deps, patch.definition);
    const updated = await deps.repos.journeys.update(id, patch, deps.actor.userId);
    if (!updated) failOrThrow('JOURNEY_NOT_FOUND', { id });
    await auditJourney(deps, 'journeys.changed', id, { patch, version: updated.version });
    return updated;
  });
}

/**
 * Active journeys enrol and run; paused ones keep their enrollments where they are. Switching
 * one on starts the worker's visit scan if no journey had, so old visits enrol nobody.
 */
export function setJourneyStatus(
  deps: JourneyDeps,
  id: string,
  status: Exclude<JourneyStatus, 'draft'>,
): Promise<Result<Journey>> {
  return resultOf(async () => {
    const before = await findJourneyOrThrow(deps, id);
    if (before.status === 'archived') failOrThrow('JOURNEY_ARCHIVED', { id });
    if (status === 'active') {
      await ensureJourneyDefinitionOrThrow(deps, before.definition);
      await deps.repos.journeys.ensureScanCursor();
    }
    const updated = await deps.repos.journeys.setStatus(id, status, deps.actor.userId);
    if (!updated) failOrThrow('JOURNEY_NOT_FOUND', { id });
    await auditJourney(deps, 'journeys.status_changed', id, { from: before.status, to: status });
    return updated;
  });
}

export function listJourneyVersions(deps: JourneyDeps, id: string): Promise<Result<JourneyVersion[]>> {
  return resultOf(async () => {
    await findJourneyOrThrow(deps, id);
    return deps.repos.journeys.versions(id);
  });
}

export function listJourneyEnrollments(
  deps: JourneyDeps,
  id: string,
  query: JourneyEnrollmentListQuery,
): Promise<Result<Page<JourneyEnrollment>>> {
  return resultOf(async () => {
    await findJourneyOrThrow(deps, id);
    return deps.repos.journeys.enrollments(id, query);
  });
}

/**
 * Treated (arm A, every enrollment whether or not a message reached the customer: intent to
 * treat) against the holdout, each enrollment's window opening when it entered. The report
 * is complete once the last enrollment's window has closed.
 */
export function measureJourney(deps: JourneyDeps, id: string): Promise<Result<MeasurementReport>> {
  return resultOf(async () => {
    const journey = await findJourneyOrThrow(deps, id);
    const totals = await deps.repos.journeys.armTotals(id, journey.outcome.days);
    const empty = { customers: 0, converted: 0, visits: 0, revenue: 0, revenueSquares: 0 };
    return buildMeasurementReport({
      campaignId: journey.campaignId,
      outcome: journey.outcome,
      startedAt: totals.lastEnteredAt,
      now: deps.now,
      arms: { a: totals.a, b: empty, holdout: totals.holdout },
      hasVariantB: false,
    });
  });
}

export type JourneyAuditAction = Extract<AuditAction, `journeys.${string}`>;

export async function auditJourney(
  deps: JourneyDeps,
  action: JourneyAuditAction,
  id: string,
  details: Record<string, unknown>,
): Promise<void> {
  await deps.repos.audit.record({
    actorUserId: deps.actor.userId,
    action,
    targetType: 'journey',
    targetId: id,
    details,
  });
}
