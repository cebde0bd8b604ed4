import { randomBytes } from 'node:crypto';
import type {
  WebhookCall,
  WebhookCallListQuery,
  WebhookEndpoint,
  WebhookEndpointCreate,
  WebhookEndpointPatch,
} from '@kayoi/contracts';
import type { Page, TenantRepos } from '../ports.js';
import type { Actor } from '../shared/actor.js';
import { failOrThrow, resultOf, type Result } from '../shared/result.js';

export interface WebhookDeps {
  repos: TenantRepos;
  actor: Actor;
  now: Date;
}

async function findOrThrow(deps: WebhookDeps, id: string): Promise<WebhookEndpoint> {
  const endpoint = await deps.repos.webhooks.findById(id);
  if (!endpoint) failOrThrow('WEBHOOK_NOT_FOUND', { id });
  return endpoint;
}

export function listWebhooks(deps: WebhookDeps): Promise<WebhookEndpoint[]> {
  return deps.repos.webhooks.list();
}

/** The secret is made here (256 random bits) and shown in this answer only. */
export function createWebhook(deps: WebhookDeps, input: WebhookEndpointCreate): Promise<Result<WebhookEndpoint>> {
  return resultOf(async () => {
    const secret = `whsec_${randomBytes(32).toString('base64url')}`;
    const created = await deps.repos.webhooks.insert(
      { url: input.url, description: input.description ?? null, events: [...new Set(input.events)], secret },
      deps.actor.userId,
    );
    await deps.repos.audit.record({
      actorUserId: deps.actor.userId,
      action: 'webhooks.created',
      targetType: 'webhook',
      targetId: created.id,
      details: { url: created.url, events: created.events },
    });
    return { ...created, secret };
  });
}

export function updateWebhook(
  deps: WebhookDeps,
  id: string,
  patch: WebhookEndpointPatch,
): Promise<Result<WebhookEndpoint>> {
  return resultOf(async () => {
    const before = await findOrThrow(deps, id);
    const updated = await deps.repos.webhooks.update(id, {
      ...patch,
      ...(patch.events ? { events: [...new Set(patch.events)] } : {}),
    });
    if (!updated) failOrThrow('WEBHOOK_NOT_FOUND', { id });
    await deps.repos.audit.record({
      actorUserId: deps.actor.userId,
      action: 'webhooks.changed',
      targetType: 'webhook',
      targetId: id,
      details: { before: { url: before.url, events: before.events, active: before.active }, patch },
    });
    return updated;
  });
}

export function deleteWebhook(deps: WebhookDeps, id: string): Promise<Result<WebhookEndpoint>> {
  return resultOf(async () => {
    const before = await findOrThrow(deps, id);
    await deps.repos.webhooks.delete(id);
    await deps.repos.audit.record({
      actorUserId: deps.actor.userId,
      action: 'webhooks.deleted',
      targetType: 'webhook',
      targetId: id,
      details: { url: before.url },
    });
    return before;
  });
}

/** Queues a `webhook.test` event, so the owner can check the receiver's signature check. */
export function testWebhook(deps: WebhookDeps, id: string): Promise<Result<WebhookEndpoint>> {
  return resultOf(async () => {
    const endpoint = await findOrThrow(deps, id);
    const key = randomBytes(8).toString('hex');
    await deps.repos.webhooks.queue(id, 'webhook.test', key, { message: 'Kayoi webhook test' }, deps.now);
    return endpoint;
  });
}

export function listWebhookCalls(
  deps: WebhookDeps,
  id: string,
  query: WebhookCallListQuery,
): Promise<Result<Page<WebhookCall>>> {
  return resultOf(async () => {
    await findOrThrow(deps, id);
    return deps.repos.webhooks.calls(id, query);
  });
}
