import { retryDelayMs } from '../delivery/deliveryRules.js';
import type { ClaimedWebhookCall, WebhookCallResult, WebhookOutboxPort } from './webhookPorts.js';

/** What the HTTP side answers for one call (see packages/channels webhookClient). */
export type WebhookPostOutcome =
  | { readonly status: 'accepted'; readonly httpStatus: number }
  | {
      readonly status: 'permanent_failure' | 'transient_failure';
      readonly httpStatus: number | null;
      readonly message: string;
    };

export interface WebhookSendDeps {
  outbox: WebhookOutboxPort;
  post: (request: {
    url: string;
    secret: string;
    eventId: string;
    eventType: string;
    body: string;
  }) => Promise<WebhookPostOutcome>;
  clock: () => Date;
  concurrency: number;
}

/** A receiver that is down gets retries for about a day (8 attempts, 1 minute to 6 hours apart). */
export const MAX_WEBHOOK_ATTEMPTS = 8;

/** The body as signed and sent: the same bytes on every retry, so a receiver can compare. */
export function webhookBodyOf(call: ClaimedWebhookCall): string {
  return JSON.stringify({
    id: call.id,
    type: call.eventType,
    createdAt: call.createdAt.toISOString(),
    tenantId: call.tenantId,
    data: call.payload,
  });
}

export async function sendWebhookBatch(deps: WebhookSendDeps, limit: number, leaseSeconds: number): Promise<number> {
  const calls = await deps.outbox.claim(deps.clock(), limit, leaseSeconds);
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, deps.concurrency) }, async () => {
    while (next < calls.length) {
      const call = calls[next++]!;
      const outcome = await deps.post({
        url: call.url,
        secret: call.secret,
        eventId: call.id,
        eventType: call.eventType,
        body: webhookBodyOf(call),
      });
      await deps.outbox.record(call, resultOf(call, outcome, deps.clock()));
    }
  });
  await Promise.all(lanes);
  return calls.length;
}

function resultOf(call: ClaimedWebhookCall, outcome: WebhookPostOutcome, now: Date): WebhookCallResult {
  if (outcome.status === 'accepted') return { status: 'sent', responseStatus: outcome.httpStatus, at: now };
  if (outcome.status === 'permanent_failure' || call.attempts >= MAX_WEBHOOK_ATTEMPTS)
    return { status: 'failed', responseStatus: outcome.httpStatus, error: outcome.message };
  return {
    status: 'queued',
    responseStatus: outcome.httpStatus,
    error: outcome.message,
    notBefore: new Date(now.getTime() + retryDelayMs(call.attempts)),
  };
}
