import type { SendOutcome } from '@kayoi/core';
import { z } from 'zod';
import { backoffDelayMs, checkTransientStatus, retryAfterMs, type BackoffOptions } from './retryPolicy.js';
import type { Throttle } from './tokenBucket.js';

export interface LineHttpDeps {
  baseUrl: string;
  channelAccessToken: string;
  fetch: typeof fetch;
  clock: () => number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  maxAttempts: number;
  backoff: BackoffOptions;
  /** Never wait longer than this for a Retry-After, whatever the server asks. */
  maxRetryAfterMs: number;
  /** An attempt with no answer by then is abandoned and retried (same retry key). */
  timeoutMs: number;
}

export interface LineRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  retryKey?: string;
  throttle: Throttle;
}

export type LineAnswer =
  | {
      readonly ok: true;
      readonly status: number;
      readonly headers: Headers;
      readonly body: unknown;
      readonly attempts: number;
    }
  | { readonly ok: false; readonly outcome: Exclude<SendOutcome, { status: 'accepted' }> };

const LineErrorBody = z.object({
  message: z.string(),
  details: z.array(z.object({ message: z.string().optional(), property: z.string().optional() })).optional(),
});

/** LINE's own words, with the failing properties: what staff need to fix a template. */
function lineErrorMessage(body: unknown, status: number): string {
  const parsed = LineErrorBody.safeParse(body);
  if (!parsed.success) return `HTTP ${status}`;
  const details = (parsed.data.details ?? []).map((d) => [d.property, d.message].filter(Boolean).join(': '));
  return details.length > 0 ? `${parsed.data.message} (${details.join('; ')})` : parsed.data.message;
}

/** LINE answers 429 both for "too fast" and for "monthly message limit reached"; only the first passes. */
const MONTHLY_LIMIT = /monthly limit/i;

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text.length === 0) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * One logical request: throttled, retried with backoff on 429, 5xx and lost connections, with
 * the same retry key each time so LINE executes it at most once. A 409 is returned to the
 * caller (it means "already accepted" only with x-line-accepted-request-id).
 */
export async function requestLine(deps: LineHttpDeps, request: LineRequest): Promise<LineAnswer> {
  let lastStatus: number | null = null;
  let lastMessage = '';
  for (let attempt = 1; attempt <= deps.maxAttempts; attempt++) {
    await request.throttle.take();
    let wait: number | null = null;
    try {
      const headers: Record<string, string> = { authorization: `Bearer ${deps.channelAccessToken}` };
      if (request.body !== undefined) headers['content-type'] = 'application/json';
      if (request.retryKey) headers['x-line-retry-key'] = request.retryKey;
      const response = await deps.fetch(new URL(request.path, deps.baseUrl), {
        method: request.method,
        headers,
        body: request.body === undefined ? null : JSON.stringify(request.body),
        signal: AbortSignal.timeout(deps.timeoutMs),
      });
      const body = await readBody(response);
      if (response.ok || response.status === 409) {
        return { ok: true, status: response.status, headers: response.headers, body, attempts: attempt };
      }
      lastStatus = response.status;
      lastMessage = lineErrorMessage(body, response.status);
      if (!checkTransientStatus(response.status) || MONTHLY_LIMIT.test(lastMessage)) {
        return {
          ok: false,
          outcome: {
            status: 'permanent_failure',
            providerStatus: response.status,
            message: lastMessage,
            attempts: attempt,
          },
        };
      }
      wait = retryAfterMs(response.headers.get('retry-after'), deps.clock());
    } catch (err) {
      // No answer (connection reset, timeout): the request may or may not have been accepted;
      // the retry key makes asking again safe.
      lastStatus = null;
      lastMessage = err instanceof Error ? err.message : String(err);
    }
    if (attempt < deps.maxAttempts) {
      const backoff = backoffDelayMs(attempt, deps.backoff, deps.random);
      await deps.sleep(wait === null ? backoff : Math.min(deps.maxRetryAfterMs, Math.max(wait, backoff)));
    }
  }
  return {
    ok: false,
    outcome: {
      status: 'transient_failure_exhausted',
      providerStatus: lastStatus,
      message: lastMessage,
      attempts: deps.maxAttempts,
    },
  };
}
