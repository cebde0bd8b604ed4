/** Waits before a request so a client never exceeds a provider's rate limit. */
export interface Throttle {
  take(): Promise<void>;
}

export interface TokenBucketOptions {
  ratePerSecond: number;
  /**
   * Requests that may go at once after a quiet spell. Defaults to 1 (evenly spaced): a full
   * second's burst followed by the steady rate puts up to twice the rate into one sliding
   * second, which is what a provider counting "per second" may well do.
   */
  burst?: number;
  clock: () => number;
  sleep: (ms: number) => Promise<void>;
}

/**
 * A token bucket: `ratePerSecond` tokens a second, at most `burst` saved up. Callers that find
 * it empty sleep until their token is due, then look again (another caller may have taken it).
 */
export function tokenBucket(options: TokenBucketOptions): Throttle {
  const { ratePerSecond, clock, sleep } = options;
  if (!(ratePerSecond > 0)) throw new RangeError('ratePerSecond must be positive');
  const burst = Math.max(1, options.burst ?? 1);
  let tokens = burst;
  let refilledAt = clock();
  const refill = () => {
    const now = clock();
    tokens = Math.min(burst, tokens + ((now - refilledAt) * ratePerSecond) / 1000);
    refilledAt = now;
  };
  return {
    async take() {
      for (;;) {
        refill();
        if (tokens >= 1) {
          tokens -= 1;
          return;
        }
        await sleep(Math.ceil(((1 - tokens) * 1000) / ratePerSecond));
      }
    },
  };
}
