import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { webhookSignatureOf } from '@kayoi/core';
import { checkPublicAddress, NonPublicTargetError, publicOnlyLookup } from './publicAddress.js';

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
  /**
   * 'public' (the default) refuses targets that resolve to private, loopback or link-local
   * addresses; 'any' lets a self-hosted shop post to its own network.
   */
  targets?: 'public' | 'any';
  /** Seconds since the epoch, for the signature's timestamp. */
  clock?: () => number;
  timeoutMs?: number;
}

/**
 * Posts one event to a business's endpoint, signed (see webhookSignatureOf). One attempt per
 * call: retries belong to the durable outbox, which keeps the same event id, so a receiver can
 * drop a repeat it has already handled (`Kayoi-Event-Id`). Sent with node:http(s) rather than
 * fetch: only there can the connection's address be checked (publicAddress.ts).
 */
export function webhookClient(options: WebhookClientOptions = {}) {
  const clock = options.clock ?? (() => Math.floor(Date.now() / 1000));
  const publicOnly = (options.targets ?? 'public') === 'public';
  const timeoutMs = options.timeoutMs ?? 10_000;

  function outcomeOf(httpStatus: number): WebhookOutcome {
    if (httpStatus >= 200 && httpStatus < 300) return { status: 'accepted', httpStatus };
    const transient = httpStatus === 408 || httpStatus === 429 || httpStatus >= 500;
    return { status: transient ? 'transient_failure' : 'permanent_failure', httpStatus, message: `HTTP ${httpStatus}` };
  }

  return {
    post(request: WebhookRequest): Promise<WebhookOutcome> {
      const url = new URL(request.url);
      const literal = url.hostname.replace(/^\[|\]$/g, '');
      if (publicOnly && isIP(literal) !== 0 && !checkPublicAddress(literal)) {
        const refused = new NonPublicTargetError(url.hostname);
        return Promise.resolve({ status: 'permanent_failure', httpStatus: null, message: refused.message });
      }
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
      return new Promise((resolve) => {
        const req = send(
          url,
          {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(request.body),
              'user-agent': 'Kayoi-Webhook/1',
              'kayoi-event-id': request.eventId,
              'kayoi-event-type': request.eventType,
              'kayoi-signature': webhookSignatureOf(request.secret, clock(), request.body),
            },
            timeout: timeoutMs,
            ...(publicOnly ? { lookup: publicOnlyLookup } : {}),
          },
          (response) => {
            // The body is not needed; reading it frees the connection. Redirects are not followed.
            response.resume();
            response.once('end', () => resolve(outcomeOf(response.statusCode ?? 0)));
            response.once('error', (err) => resolve(failure(err)));
          },
        );
        req.once('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
        req.once('error', (err) => resolve(failure(err)));
        req.end(request.body);
      });
    },
  };
}

function failure(err: Error): WebhookOutcome {
  // A target refused by policy stays refused; anything else may work on a later attempt.
  const status = err instanceof NonPublicTargetError ? 'permanent_failure' : 'transient_failure';
  return { status, httpStatus: null, message: err.message };
}

export type WebhookClient = ReturnType<typeof webhookClient>;
