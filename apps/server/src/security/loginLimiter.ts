import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

export interface LoginLimiter {
  /** Counts an attempt; answers how many seconds to wait when the limit is reached. */
  checkAttempt(ip: string, email: string): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }>;
  recordSuccess(ip: string, email: string): Promise<void>;
}

export interface LoginLimits {
  perEmailAndIp: number;
  perIp: number;
  windowSeconds: number;
}

export const defaultLoginLimits: LoginLimits = { perEmailAndIp: 10, perIp: 100, windowSeconds: 15 * 60 };

/**
 * In-process limits: 10 tries per email and address, 100 per address, per 15 minutes.
 * Several API processes each keep their own count; rate-limiter-flexible has a Redis
 * store with the same interface for a shared count when that matters.
 */
export function memoryLoginLimiter(limits: LoginLimits = defaultLoginLimits): LoginLimiter {
  const byEmail = new RateLimiterMemory({ points: limits.perEmailAndIp, duration: limits.windowSeconds });
  const byIp = new RateLimiterMemory({ points: limits.perIp, duration: limits.windowSeconds });
  const key = (ip: string, email: string) => `${ip}|${email.toLowerCase()}`;
  return {
    async checkAttempt(ip, email) {
      try {
        await byIp.consume(ip);
        await byEmail.consume(key(ip, email));
        return { allowed: true };
      } catch (err) {
        if (err instanceof RateLimiterRes) {
          return { allowed: false, retryAfterSeconds: Math.ceil(err.msBeforeNext / 1000) };
        }
        throw err;
      }
    },
    async recordSuccess(ip, email) {
      await byEmail.delete(key(ip, email));
    },
  };
}
