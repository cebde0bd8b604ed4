import { webhookSignatureOf } from '@kayoi/core';

export interface WebhookRequest {
  url: string;
  secret: string;
  eventId: string;
  eventType: string;
  /** The JSON body exactly as it is signed and sent. */
  body: string;
}

/** 2xx = delivered; 4xx but 408/429 = the receiver refuses it (retrying will not help); the rest = try later. */
export type WebhookOutcome =
  | { readonly status: 'accepted'; readonly httpStatus: number }
  | {
      readonly status: 'permanent_failure' | 'transient_failure';
      readonly httpStatus: number | null;
      readonly message: string;
    };

export interface WebhookClientOptions {
  fetch?: typeof fetch;
  /** Seconds since the epoch, for the signature's timestamp. */
  clock?: () => number;
  timeoutMs?: number;
}

/**
 * Posts one event to a business's endpoint, signed (see webhookSignatureOf). One attempt per
 * call: retries belong to the durable outbox, which keeps the same event id, so a receiver can
 * drop a repeat it has already handled (`Kayoi-Event-Id`).
 */
export function webhookClient(options: WebhookClientOptions = {}) {
  const doFetch = options.fetch ?? globalThis.fetch;
  const clock = options.clock ?? (() => Math.floor(Date.now() / 1000));
  return {
    async post(request: WebhookRequest): Promise<WebhookOutcome> {
      try {
        const response = await doFetch(request.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'user-agent': 'Kayoi-Webhook/1',
            'kayoi-event-id': request.eventId,
            'kayoi-event-type': request.eventType,
            'kayoi-signature': webhookSignatureOf(request.secret, clock(), request.body),
          },
          body: request.body,
          redirect: 'manual',
          signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
        });
        // The body is not needed; reading it frees the connection.
        await response.arrayBuffer().catch(() => undefined);
        if (response.status >= 200 && response.status < 300) return { status: 'accepted', httpStatus: response.status };
        const transient = response.status === 408 || response.status === 429 || response.status >= 500;
        return {
          status: transient ? 'transient_failure' : 'permanent_failure',
          httpStatus: response.status,
          message: `HTTP ${response.status}`,
        };
      } catch (err) {
        return {
          status: 'transient_failure',
          httpStatus: null,
          message: err instanceof Error ? err.message : String(err),
        };
      }
    },
  };
}
export type WebhookClient = ReturnType<typeof webhookClient>;
