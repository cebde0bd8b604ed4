import type { WebhookCall, WebhookCallListQuery, WebhookEndpoint, WebhookEventType } from '@kayoi/contracts';
import type { Page } from '../ports.js';

export interface WebhookEndpointWrite {
  url: string;
  description: string | null;
  events: WebhookEventType[];
  secret: string;
}

/** One tenant's webhook endpoints and their call log. Secrets never leave through this port. */
export interface WebhookRepository {
  list(): Promise<WebhookEndpoint[]>;
  findById(id: string): Promise<WebhookEndpoint | null>;
  insert(input: WebhookEndpointWrite, actorUserId: string | null): Promise<WebhookEndpoint>;
  update(
    id: string,
    patch: Partial<Omit<WebhookEndpointWrite, 'secret'>> & { active?: boolean | undefined },
  ): Promise<WebhookEndpoint | null>;
  delete(id: string): Promise<boolean>;
  calls(endpointId: string, query: Omit<WebhookCallListQuery, 'limit'> & { limit: number }): Promise<Page<WebhookCall>>;
  /** Queues one event for one endpoint (the test ping). */
  queue(
    endpointId: string,
    type: WebhookEventType,
    sourceKey: string,
    payload: Record<string, unknown>,
    at: Date,
  ): Promise<void>;
}

/** An event about to be offered to every active endpoint of the tenant that subscribed to its type. */
export interface WebhookEventDraft {
  readonly type: WebhookEventType;
  readonly sourceKey: string;
  readonly payload: Record<string, unknown>;
}

export interface ClaimedWebhookCall {
  readonly tenantId: string;
  readonly id: string;
  readonly url: string;
  readonly secret: string;
  readonly eventType: string;
  readonly payload: Record<string, unknown>;
  readonly attempts: number;
  readonly createdAt: Date;
}

export type WebhookCallResult =
  | { readonly status: 'sent'; readonly responseStatus: number; readonly at: Date }
  | { readonly status: 'failed'; readonly responseStatus: number | null; readonly error: string }
  | {
      readonly status: 'queued';
      readonly responseStatus: number | null;
      readonly error: string;
      readonly notBefore: Date;
    };

/** The webhook outbox across tenants, for the sending worker (same claim-and-lease rules as deliveries). */
export interface WebhookOutboxPort {
  /** Fans events out to the subscribed active endpoints; a repeat (same source key) is a no-op. */
  emit(tenantId: string, events: readonly WebhookEventDraft[], at: Date): Promise<void>;
  claim(now: Date, limit: number, leaseSeconds: number): Promise<ClaimedWebhookCall[]>;
  record(call: ClaimedWebhookCall, result: WebhookCallResult): Promise<void>;
}
