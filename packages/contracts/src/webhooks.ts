import { z } from 'zod';
import { Cursor, Id, Instant, Limit, page } from './common.js';

/** Outgoing webhooks (issue 6, E2): signed events to the business's own systems. docs/user/webhooks.md. */
export const webhookEventTypes = ['message.sent', 'message.failed', 'webhook.test'] as const;
export const WebhookEventType = z.enum(webhookEventTypes).meta({ id: 'WebhookEventType' });
export type WebhookEventType = z.infer<typeof WebhookEventType>;

/** https, or plain http to this machine only (a receiver under development). */
const WebhookUrl = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .refine((u) => {
    const url = new URL(u);
    return url.protocol === 'https:' || ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  }, 'https is required (http only for localhost)')
  .meta({ example: 'https://example.jp/kayoi-events' });

export const WebhookEndpoint = z
  .object({
    id: Id,
    url: z.string(),
    description: z.string().nullable(),
    events: z.array(WebhookEventType),
    active: z.boolean(),
    /** Only in the answer to the creation; afterwards the secret is never shown again. */
    secret: z.string().optional(),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .meta({ id: 'WebhookEndpoint' });
export type WebhookEndpoint = z.infer<typeof WebhookEndpoint>;

export const WebhookEndpointCreate = z
  .object({
    url: WebhookUrl,
    description: z.string().trim().max(200).nullable().optional(),
    events: z.array(WebhookEventType).min(1).max(webhookEventTypes.length),
  })
  .strict()
  .meta({ id: 'WebhookEndpointCreate' });
export type WebhookEndpointCreate = z.infer<typeof WebhookEndpointCreate>;

export const WebhookEndpointPatch = z
  .object({
    url: WebhookUrl.optional(),
    description: z.string().trim().max(200).nullable().optional(),
    events: z.array(WebhookEventType).min(1).max(webhookEventTypes.length).optional(),
    active: z.boolean().optional(),
  })
  .strict()
  .meta({ id: 'WebhookEndpointPatch' });
export type WebhookEndpointPatch = z.infer<typeof WebhookEndpointPatch>;

export const WebhookCall = z
  .object({
    id: Id,
    eventType: z.string(),
    status: z.enum(['queued', 'sending', 'sent', 'failed']),
    attempts: z.number().int(),
    responseStatus: z.number().int().nullable(),
    lastError: z.string().nullable(),
    createdAt: Instant,
    sentAt: Instant.nullable(),
  })
  .meta({ id: 'WebhookCall' });
export type WebhookCall = z.infer<typeof WebhookCall>;
export const WebhookCallPage = page(WebhookCall, 'WebhookCallPage');
export const WebhookCallListQuery = z.object({ cursor: Cursor, limit: Limit });
export type WebhookCallListQuery = z.infer<typeof WebhookCallListQuery>;
