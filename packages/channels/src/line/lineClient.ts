import type { LineBatchOutcome, LineMessage, LineMessagingPort, QuotaOutcome, SendOutcome } from '@kayoi/core';
import { z } from 'zod';
import { requestLine, type LineAnswer, type LineHttpDeps } from './lineHttp.js';
import type { BackoffOptions } from './retryPolicy.js';
import { tokenBucket, type Throttle } from './tokenBucket.js';

/** LINE accepts at most this many user ids in one multicast request. */
export const LINE_MULTICAST_MAX_RECIPIENTS = 500;

/**
 * Requests per second the client allows itself. LINE publishes 2,000/s for push and 200/s
 * for multicast (per channel); staying below leaves room for other senders on the channel.
 */
export interface LineRateLimits {
  pushPerSecond: number;
  multicastPerSecond: number;
  otherPerSecond: number;
}
export const DEFAULT_LINE_RATE_LIMITS: LineRateLimits = {
  pushPerSecond: 1500,
  multicastPerSecond: 150,
  otherPerSecond: 100,
};

export interface LineClientOptions {
  /** https://api.line.me in production; a local contract server in tests. */
  baseUrl: string;
  channelAccessToken: string;
  fetch?: typeof fetch;
  /** Milliseconds since the epoch. */
  clock?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  maxAttempts?: number;
  backoff?: BackoffOptions;
  maxRetryAfterMs?: number;
  timeoutMs?: number;
  rateLimits?: Partial<LineRateLimits>;
}

const QuotaBody = z.object({ type: z.enum(['none', 'limited']), value: z.number().int().nonnegative().optional() });
const ConsumptionBody = z.object({ totalUsage: z.number().int().nonnegative() });

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** 200 → sent; 409 with x-line-accepted-request-id → sent earlier under the same retry key. */
function sendOutcomeOf(answer: LineAnswer): SendOutcome {
  if (!answer.ok) return answer.outcome;
  if (answer.status === 409) {
    const acceptedId = answer.headers.get('x-line-accepted-request-id');
    if (acceptedId)
      return { status: 'accepted', requestId: acceptedId, alreadyAccepted: true, attempts: answer.attempts };
    const message = z.object({ message: z.string() }).safeParse(answer.body);
    return {
      status: 'permanent_failure',
      providerStatus: 409,
      message: message.success ? message.data.message : 'HTTP 409',
      attempts: answer.attempts,
    };
  }
  return {
    status: 'accepted',
    requestId: answer.headers.get('x-line-request-id'),
    alreadyAccepted: false,
    attempts: answer.attempts,
  };
}

/**
 * The LINE Messaging API client: every send carries the caller's retry key, is throttled
 * under the rate limit and retried on transient failures; results are values per request.
 */
export function lineClient(options: LineClientOptions): LineMessagingPort {
  const clock = options.clock ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  const deps: LineHttpDeps = {
    baseUrl: options.baseUrl,
    channelAccessToken: options.channelAccessToken,
    fetch: options.fetch ?? globalThis.fetch,
    clock,
    sleep,
    random: options.random ?? Math.random,
    maxAttempts: options.maxAttempts ?? 5,
    backoff: options.backoff ?? { baseMs: 500, maxMs: 30_000 },
    maxRetryAfterMs: options.maxRetryAfterMs ?? 60_000,
    timeoutMs: options.timeoutMs ?? 20_000,
  };
  const limits = { ...DEFAULT_LINE_RATE_LIMITS, ...options.rateLimits };
  const bucket = (ratePerSecond: number): Throttle => tokenBucket({ ratePerSecond, clock, sleep });
  const throttles = {
    push: bucket(limits.pushPerSecond),
    multicast: bucket(limits.multicastPerSecond),
    other: bucket(limits.otherPerSecond),
  };

  return {
    async push(to, messages, retryKey) {
      const answer = await requestLine(deps, {
        method: 'POST',
        path: '/v2/bot/message/push',
        body: { to, messages },
        retryKey,
        throttle: throttles.push,
      });
      return sendOutcomeOf(answer);
    },

    async multicast(userIds, messages: readonly LineMessage[], retryKeyFor) {
      const outcomes: LineBatchOutcome[] = [];
      for (
        let start = 0, batchIndex = 0;
        start < userIds.length;
        start += LINE_MULTICAST_MAX_RECIPIENTS, batchIndex++
      ) {
        const batch = userIds.slice(start, start + LINE_MULTICAST_MAX_RECIPIENTS);
        const retryKey = retryKeyFor(batchIndex);
        const answer = await requestLine(deps, {
          method: 'POST',
          path: '/v2/bot/message/multicast',
          body: { to: batch, messages },
          retryKey,
          throttle: throttles.multicast,
        });
        outcomes.push({ batchIndex, userIds: batch, retryKey, outcome: sendOutcomeOf(answer) });
      }
      return outcomes;
    },

    async quota(): Promise<QuotaOutcome> {
      const read = (path: string) => requestLine(deps, { method: 'GET', path, throttle: throttles.other });
      const limit = await read('/v2/bot/message/quota');
      if (!limit.ok) return limit.outcome;
      const usage = await read('/v2/bot/message/quota/consumption');
      if (!usage.ok) return usage.outcome;
      const quota = QuotaBody.safeParse(limit.body);
      const consumption = ConsumptionBody.safeParse(usage.body);
      if (!quota.success || !consumption.success) {
        return { status: 'permanent_failure', providerStatus: 200, message: 'unexpected quota response', attempts: 1 };
      }
      return {
        status: 'ok',
        quota: {
          type: quota.data.type,
          limit: quota.data.type === 'limited' ? (quota.data.value ?? 0) : null,
          totalUsage: consumption.data.totalUsage,
        },
      };
    },
  };
}
