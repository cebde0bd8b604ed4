import type {
  AuditAction,
  Broadcast,
  BroadcastCreate,
  BroadcastPatch,
  CampaignTemplates,
  Delivery,
  DeliveryListQuery,
  MeasurementReport,
  PowerPreview,
  Tenant,
} from '@kayoi/contracts';
import { minimumDetectableUplift } from '@kayoi/stats';
import type { Page, TenantRepos } from '../ports.js';
import { planSegmentRule } from '../segments/planSegmentRule.js';
import type { Actor } from '../shared/actor.js';
import { failOrThrow, resultOf, type Result } from '../shared/result.js';
import type { BroadcastWrite } from './campaignPorts.js';
import { buildMeasurementReport } from './measurementReport.js';

export interface BroadcastDeps {
  repos: TenantRepos;
  actor: Actor;
  tenant: Pick<Tenant, 'timeZone' | 'settings'>;
  now: Date;
}

const DAY_MS = 86_400_000;

async function findOrThrow(deps: BroadcastDeps, id: string): Promise<Broadcast> {
  const broadcast = await deps.repos.campaigns.findById(id);
  if (!broadcast) failOrThrow('BROADCAST_NOT_FOUND', { id });
  return broadcast;
}

async function ensureSegmentUsableOrThrow(deps: BroadcastDeps, segmentId: string) {
  const segment = await deps.repos.segments.findById(segmentId);
  if (!segment) failOrThrow('SEGMENT_NOT_FOUND', { id: segmentId });
  if (segment.archived) failOrThrow('SEGMENT_ARCHIVED', { id: segmentId });
  return segment;
}

/** LINE gets LINE templates (text or Flex), email gets email templates; archived ones are refused. */
async function ensureTemplatesFitOrThrow(deps: BroadcastDeps, templates: CampaignTemplates, field: string) {
  for (const channel of ['line', 'email'] as const) {
    const id = templates[channel];
    if (id === undefined) continue;
    const template = await deps.repos.templates.findById(id);
    if (!template) failOrThrow('TEMPLATE_NOT_FOUND', { id, field: `${field}.${channel}` });
    if (template.archived) failOrThrow('TEMPLATE_ARCHIVED', { id, field: `${field}.${channel}` });
    const fits = channel === 'email' ? template.channel === 'email' : template.channel !== 'email';
    if (!fits)
      failOrThrow('TEMPLATE_CHANNEL_MISMATCH', { id, field: `${field}.${channel}`, channel: template.channel });
  }
}

async function ensureWritableOrThrow(deps: BroadcastDeps, write: BroadcastWrite): Promise<void> {
  await ensureSegmentUsableOrThrow(deps, write.segmentId);
  await ensureTemplatesFitOrThrow(deps, write.templates, 'templates');
  if (write.variantB) await ensureTemplatesFitOrThrow(deps, write.variantB, 'variantB');
}

export function listBroadcasts(deps: BroadcastDeps, includeCancelled: boolean): Promise<Broadcast[]> {
  return deps.repos.campaigns.list({ includeCancelled });
}

export function getBroadcast(deps: BroadcastDeps, id: string): Promise<Result<Broadcast>> {
  return resultOf(() => findOrThrow(deps, id));
}

export function createBroadcast(deps: BroadcastDeps, input: BroadcastCreate): Promise<Result<Broadcast>> {
  return resultOf(async () => {
    const write: BroadcastWrite = {
      name: input.name,
      segmentId: input.segmentId,
      templates: input.templates,
      variantB: input.variantB ?? null,
      channelOrder: input.channelOrder ?? null,
      holdoutPercent: input.holdoutPercent ?? deps.tenant.settings.messaging.defaultHoldoutPercent,
      outcome: input.outcome,
    };
    await ensureWritableOrThrow(deps, write);
    const created = await deps.repos.campaigns.insert(write, deps.actor.userId);
    await audit(deps, 'broadcasts.created', created.id, { name: created.name, segmentId: created.segmentId });
    return created;
  });
}

export function updateBroadcast(deps: BroadcastDeps, id: string, patch: BroadcastPatch): Promise<Result<Broadcast>> {
  return resultOf(async () => {
    const before = await findOrThrow(deps, id);
    if (before.status !== 'draft') failOrThrow('BROADCAST_NOT_EDITABLE', { id, status: before.status });
    const merged: BroadcastWrite = {
      name: patch.name ?? before.name,
      segmentId: patch.segmentId ?? before.segmentId,
      templates: patch.templates ?? before.templates,
      variantB: patch.variantB === undefined ? before.variantB : patch.variantB,
      channelOrder: patch.channelOrder === undefined ? before.channelOrder : patch.channelOrder,
      holdoutPercent: patch.holdoutPercent ?? before.holdoutPercent,
      outcome: patch.outcome ?? before.outcome,
    };
    await ensureWritableOrThrow(deps, merged);
    const updated = await deps.repos.campaigns.updateDraft(id, merged, deps.actor.userId);
    if (!updated) failOrThrow('BROADCAST_NOT_EDITABLE', { id });
    await audit(deps, 'broadcasts.changed', id, { patch });
    return updated;
  });
}

/** Fixes the audience's rules and outcome: from here on the broadcast is what gets measured. */
export function scheduleBroadcast(
  deps: BroadcastDeps,
  id: string,
  sendAt: Date | undefined,
): Promise<Result<Broadcast>> {
  return resultOf(async () => {
    const before = await findOrThrow(deps, id);
    if (before.status !== 'draft') failOrThrow('BROADCAST_NOT_EDITABLE', { id, status: before.status });
    await ensureWritableOrThrow(deps, before);
    const at = sendAt && sendAt > deps.now ? sendAt : deps.now;
    const scheduled = await deps.repos.campaigns.schedule(id, at, deps.actor.userId);
    if (!scheduled) failOrThrow('BROADCAST_NOT_EDITABLE', { id });
    await audit(deps, 'broadcasts.scheduled', id, { sendAt: at.toISOString() });
    return scheduled;
  });
}

export function cancelBroadcast(deps: BroadcastDeps, id: string): Promise<Result<Broadcast>> {
  return resultOf(async () => {
    const before = await findOrThrow(deps, id);
    if (before.status === 'sent' || before.status === 'cancelled')
      failOrThrow('BROADCAST_NOT_CANCELLABLE', { id, status: before.status });
    const cancelled = await deps.repos.campaigns.cancel(id, deps.actor.userId);
    if (!cancelled) failOrThrow('BROADCAST_NOT_CANCELLABLE', { id });
    await audit(deps, 'broadcasts.cancelled', id, { status: before.status });
    return cancelled;
  });
}

export function listBroadcastDeliveries(
  deps: BroadcastDeps,
  id: string,
  query: DeliveryListQuery,
): Promise<Result<Page<Delivery>>> {
  return resultOf(async () => {
    await findOrThrow(deps, id);
    return deps.repos.campaigns.deliveries({ campaignId: id }, query);
  });
}

export function measureBroadcast(deps: BroadcastDeps, id: string): Promise<Result<MeasurementReport>> {
  return resultOf(async () => {
    const broadcast = await findOrThrow(deps, id);
    const startedAt = broadcast.startedAt ? new Date(broadcast.startedAt) : null;
    const empty = { customers: 0, converted: 0, visits: 0, revenue: 0, revenueSquares: 0 };
    const arms = startedAt
      ? await deps.repos.campaigns.armTotals(id, startedAt, broadcast.outcome.days)
      : { a: empty, b: empty, holdout: empty };
    return buildMeasurementReport({
      campaignId: id,
      outcome: broadcast.outcome,
      startedAt,
      now: deps.now,
      arms,
      hasVariantB: broadcast.variantB !== null,
    });
  });
}

/**
 * Before sending: what uplift this audience and holdout can detect (80 % power, 5 % two-sided).
 * The baseline is the share of the segment that visited in the last N days, a stand-in for
 * the holdout's rate over the window to come.
 */
export function previewBroadcastPower(
  deps: BroadcastDeps,
  request: { segmentId: string; holdoutPercent?: number | undefined; outcome: { days: number } },
): Promise<Result<PowerPreview>> {
  return resultOf(async () => {
    const segment = await ensureSegmentUsableOrThrow(deps, request.segmentId);
    const attributes = new Map((await deps.repos.attributes.list()).map((a) => [a.id, a]));
    const plan = planSegmentRule(segment.rule, { now: deps.now, timeZone: deps.tenant.timeZone, attributes });
    const since = new Date(deps.now.getTime() - request.outcome.days * DAY_MS);
    const { audience, visited } = await deps.repos.campaigns.audienceBaseline(plan, since);
    const share = (request.holdoutPercent ?? deps.tenant.settings.messaging.defaultHoldoutPercent) / 100;
    const holdout = Math.round(audience * share);
    const baselineRate = audience > 0 ? visited / audience : null;
    const detectable =
      baselineRate === null ? null : minimumDetectableUplift({ baselineRate, audience, holdoutShare: share });
    return {
      audience,
      treated: audience - holdout,
      holdout,
      baselineRate,
      minimumDetectableUplift: detectable && detectable.ok ? detectable.uplift : null,
    };
  });
}

type BroadcastAuditAction = Extract<AuditAction, `broadcasts.${string}`>;

async function audit(deps: BroadcastDeps, action: BroadcastAuditAction, id: string, details: Record<string, unknown>) {
  await deps.repos.audit.record({
    actorUserId: deps.actor.userId,
    action,
    targetType: 'broadcast',
    targetId: id,
    details,
  });
}

/** The karte's delivery log: every message to this customer, newest first. */
export function listCustomerDeliveries(
  deps: BroadcastDeps,
  customerId: string,
  query: DeliveryListQuery,
): Promise<Result<Page<Delivery>>> {
  return resultOf(async () => {
    const customer = await deps.repos.customers.findById(customerId);
    if (!customer) failOrThrow('CUSTOMER_NOT_FOUND', { id: customerId });
    return deps.repos.campaigns.deliveries({ customerId }, query);
  });
}
